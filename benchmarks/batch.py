"""A big calendar through the real command: `postlint check --jobs N --format jsonl` on a generated CSV.

    python benchmarks/batch.py [--rows 100000] [--jobs 2] [--compare-rows 10000]

Prints, for the full run: rows, wall time, rows per second, and peak memory summed over every process of
the run (sampled from /proc every 0.2 s); then the speed-up from 1 to N jobs on a smaller calendar, both
runs side by side. The targets (issue 10): 100,000 rows in 5 minutes or less on 2 cores, 1.5 GB or less.
Drafts are generated from templates of invented posts; the calendar is written to a temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEMPLATES = [
    "To the {n} people who streamed {show} every night this week: are you okay?",
    "Our {show} pop-up opens in {city} on Friday with {n} new dishes.",
    "{n} members in {city} booked the {hour} class {k} times in March.",
    "Over {big} of you listened to {show} this year. Thank you!",
    "A rider in {city} booked the same {hour} trip {k} times last month.",
    "New: {show} lands on the app on {day}. Set a reminder.",
    "{n} customers bought {item} after midnight on {day}.",
    "Thanks to everyone who came to the {show} screening in {city}!",
]
FILL = {
    "show": ["Harbour Lights", "Rain Loops", "Cake Wars", "Night Bus", "Field Notes"],
    "city": ["Leeds", "Cork", "Perth", "Bristol", "Dundee", "Hull"],
    "hour": ["5am", "6am", "7pm", "11pm"],
    "day": ["Sunday", "Boxing Day", "Monday", "the 3rd"],
    "item": ["oat milk", "phone chargers", "umbrellas", "cold medicine"],
}


def calendar(path: Path, rows: int) -> None:
    rng = random.Random(0)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "text"])
        for i in range(rows):
            values = {k: rng.choice(v) for k, v in FILL.items()}
            values |= {"n": rng.randint(2, 900), "k": rng.randint(2, 60), "big": f"{rng.randint(10, 900)},000"}
            writer.writerow([f"r{i}", rng.choice(TEMPLATES).format(**values)])


def tree_rss(root: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid, ppid = int(entry.name), int(fields.get("PPid", "0").strip() or 0)
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


def run(path: Path, jobs: int) -> tuple[float, int, int]:
    """Wall seconds, peak summed RSS and output lines of one `postlint check` run."""
    command = [sys.executable, "-m", "linter.cli", "check", str(path), "--jobs", str(jobs), "--format", "jsonl", "-q"]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.2)
        seconds = time.perf_counter() - started
        out.seek(0)
        lines = sum(1 for _ in out)
    if process.returncode not in (0, 1):
        raise SystemExit(f"postlint check exited {process.returncode}")
    return seconds, peak, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--compare-rows", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        big, small = Path(folder) / "calendar.csv", Path(folder) / "sample.csv"
        calendar(big, args.rows)
        calendar(small, args.compare_rows)
        seconds, peak, lines = run(big, args.jobs)
        print(f"{'rows':28}{args.rows:>12,}   ({big.stat().st_size / 1e6:.1f} MB of CSV, {lines:,} results)")
        print(f"{'jobs':28}{args.jobs:>12}   (cores here: {os.cpu_count()})")
        print(f"{'wall time, s':28}{seconds:>12.1f}   (target <= 300)")
        print(f"{'rows per second':28}{args.rows / seconds:>12.0f}")
        print(f"{'peak memory, all processes':28}{peak / 1e9:>11.2f}G   (target <= 1.5)")
        one, _, _ = run(small, 1)
        many, _, _ = run(small, args.jobs)
        print(f"{'speed-up, 1 -> ' + str(args.jobs) + ' jobs':28}{one / many:>12.2f}   "
              f"({args.compare_rows:,} rows: {one:.1f} s with 1 job, {many:.1f} s with {args.jobs})")  # fmt: skip


if __name__ == "__main__":
    main()
