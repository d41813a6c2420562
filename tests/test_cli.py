"""The `postlint` command end to end: real subprocesses, the real model, files written here.

Each run loads the model (about 2 s), so one run checks several things where they belong together.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import linter
from linter.policy.pack import load_pack

LEAK = "To the 53 people who watched Holiday Baking every night this week: are you okay?"
CLEAN = "Our winter menu lands on 3 December with 12 new dishes."
WARN_ONLY = "Some of you have replayed the winter playlist 30 times this month."
SINGLE_USER = "One listener played Rainy Harbour 48 nights in a row. We need to talk."
RIDER = "A rider in Salford booked the same 6am trip 212 times last year."
SENSITIVE = "Nine members booked a fertility consultation after our webinar."
TWO_LINES = "Soup season is here.\nTwelve new bowls arrive on Friday."

MD_FRONT = "---\ntitle: Launch week\nchannel: x\n---\n"
MD_BODY = f"{CLEAN}\n\n{SINGLE_USER}\n"  # SINGLE_USER sits on line 7 of the file
CSV = f'id,channel,text\nc1,x,{CLEAN}\nc2,linkedin,"{TWO_LINES}"\nc3,x,"{RIDER}"\n'  # c3 starts on line 5
JSONL = (
    "\n".join(
        [
            json.dumps({"id": "j1", "text": SENSITIVE}),
            json.dumps({"id": "j2", "text": "12 new dishes arrive on Friday."}),
            "",
            json.dumps({"id": "j3", "text": WARN_ONLY}),
        ]
    )
    + "\n"
)

# id -> the post's text as the CLI reads it, to check that every span indexes it
TEXTS = {
    "drafts/leak.txt": LEAK + "\n",
    "drafts/launch.md": MD_BODY,
    "c1": CLEAN,
    "c2": TWO_LINES,
    "c3": RIDER,
    "j1": SENSITIVE,
    "j2": "12 new dishes arrive on Friday.",
    "j3": WARN_ONLY,
    "drafts/sub/deep.txt": "Thanks to everyone who came to our open kitchen night on Saturday!",
}
DECISIONS = {
    "drafts/leak.txt": "block",
    "drafts/launch.md": "block",
    "c1": "pass",
    "c2": "pass",
    "c3": "block",
    "j1": "block",
    "j2": "pass",
    "j3": "warn",
    "drafts/sub/deep.txt": "pass",
}
FINDING_KEYS = {"rule", "category", "severity", "message", "suggestion", "start", "end", "text"}


def postlint(*args: str, cwd: Path, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS"}}
    return subprocess.run(
        [sys.executable, "-m", "linter.cli", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env={**base, "COLUMNS": "100", **env},
        timeout=120,
    )


def jsonl(stdout: str) -> dict[str, dict]:
    return {record["id"]: record for record in map(json.loads, stdout.splitlines())}


def colour_codes(output: str) -> set[str]:
    """Foreground colours in ANSI escapes (bold and italic are not colour, so NO_COLOR keeps them)."""
    params = {p for escape in re.findall(r"\x1b\[([0-9;]*)m", output) for p in escape.split(";")}
    return {p for p in params if re.fullmatch(r"3[0-8]|9[0-7]", p)}


def error_lines(proc: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert all(line.startswith("postlint: error: ") for line in lines), proc.stderr
    return [line.removeprefix("postlint: error: ") for line in lines]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """A folder holding drafts/ with every input type, plus things the walk must skip."""
    root = tmp_path_factory.mktemp("cli")
    drafts = root / "drafts"
    (drafts / "sub").mkdir(parents=True)
    (drafts / ".hidden").mkdir()
    (drafts / "leak.txt").write_text(LEAK + "\n", encoding="utf-8")
    (drafts / "launch.md").write_text(MD_FRONT + MD_BODY, encoding="utf-8")
    (drafts / "calendar.csv").write_text(CSV, encoding="utf-8", newline="")
    (drafts / "calendar.jsonl").write_text(JSONL, encoding="utf-8")
    (drafts / "sub" / "deep.txt").write_text(TEXTS["drafts/sub/deep.txt"], encoding="utf-8")
    (drafts / ".hidden" / "secret.txt").write_text(RIDER, encoding="utf-8")
    (drafts / "sub" / "notes.py").write_text(f"# {RIDER}\n", encoding="utf-8")
    return root


def test_jsonl_is_the_public_contract(workdir):
    proc = postlint("check", "drafts", "--format", "jsonl", cwd=workdir)
    assert proc.returncode == 1
    assert proc.stderr == ""  # no progress bar off a terminal
    records = jsonl(proc.stdout)
    assert {i: r["decision"] for i, r in records.items()} == DECISIONS
    for post_id, record in records.items():
        assert {"id", "source", "decision", "findings", "claims"} <= set(record)
        assert isinstance(record["claims"], list)
        for finding in record["findings"]:
            assert set(finding) >= FINDING_KEYS
            assert TEXTS[post_id][finding["start"] : finding["end"]] == finding["text"]
    assert records["drafts/leak.txt"]["source"] == "drafts/leak.txt"
    assert records["c2"]["source"] == "drafts/calendar.csv:3"
    assert records["c3"]["source"] == "drafts/calendar.csv:5"
    assert records["j3"]["source"] == "drafts/calendar.jsonl:4"
    leak = records["drafts/leak.txt"]["findings"]
    assert {(f["rule"], f["text"]) for f in leak} >= {("PL102", "53"), ("PL401", "are you okay")}
    by_rules = {f["rule"] for f in records["j1"]["findings"] if "model" not in f["because"]}
    assert by_rules == {"PL102", "PL201"}  # the models may add a second opinion beside them


def test_text_marks_each_span_with_carets_and_sums_up(workdir):
    proc = postlint("check", "drafts", cwd=workdir, COLUMNS="60")  # narrow: long lines are cut around the span
    assert proc.returncode == 1
    out = proc.stdout
    assert "\x1b[" not in out  # no colour off a terminal
    assert "Checked 9 posts: 4 pass, 1 warn, 4 block." in out
    assert "secret" not in out and "notes.py" not in out
    lines = out.splitlines()
    marked = set()
    for above, below in zip(lines, lines[1:], strict=False):
        if below.strip() and set(below.strip()) == {"^"}:
            start = len(below) - len(below.lstrip())
            marked.add(above[start : len(below)])
    assert {"53", "are you okay", "One listener", "fertility", "212 times", "30 times"} <= marked
    assert "drafts/launch.md  block" in out and "7:1  block  PL101 individual-user" in out
    assert "drafts/calendar.csv:5  block  id c3" in out
    finding = out.index("PL102 small-cohort")
    assert "suggestion: Leave out the count" in out[finding : finding + 400]


def test_json_document_has_posts_and_summary(workdir):
    proc = postlint("check", "drafts", "--format", "json", cwd=workdir)
    assert proc.returncode == 1
    document = json.loads(proc.stdout)
    assert [p["id"] for p in document["posts"]] == [
        "c1",
        "c2",
        "c3",
        "j1",
        "j2",
        "j3",
        "drafts/launch.md",
        "drafts/leak.txt",
        "drafts/sub/deep.txt",
    ]
    rules = document["summary"].pop("rules")
    assert document["summary"] == {
        "posts": 9,
        "pass": 4,
        "warn": 1,
        "block": 4,
        "not_checked": 0,
        "errors": 0,
        "fail_on": "block",
        "failed": True,
    }
    findings = [f["rule"] for p in document["posts"] for f in p["findings"] if not f.get("suppressed")]
    assert rules == {rule: findings.count(rule) for rule in sorted(set(findings))} and rules["PL102"] >= 1
    assert document["errors"] == []
    assert document["tool"]["pack"]["name"] == load_pack().name


def test_sarif_regions_point_into_the_files(workdir):
    proc = postlint("check", "drafts", "--format", "sarif", cwd=workdir)
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in load_pack().rules]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert results
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning"} and result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        path, region = workdir / location["artifactLocation"]["uri"], location["region"]
        line = path.read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
        if "startColumn" in region:
            assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == result["properties"]["text"]
        else:  # a calendar row: the row's line
            assert result["properties"]["postId"] in line
    by_rule = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]): r for r in results}
    md = by_rule[("drafts/launch.md", "PL101")]["locations"][0]["physicalLocation"]["region"]
    assert md == {"startLine": 7, "startColumn": 1, "endLine": 7, "endColumn": 13}  # after 4 front-matter lines
    row = by_rule[("drafts/calendar.csv", "PL101")]["locations"][0]["physicalLocation"]["region"]
    assert row == {"startLine": 5, "endLine": 5}
    assert by_rule[("drafts/leak.txt", "PL102")]["level"] == "error"
    assert by_rule[("drafts/leak.txt", "PL401")]["level"] == "warning"


def test_github_annotations(workdir):
    proc = postlint("check", "drafts", "--format", "github", cwd=workdir)
    assert proc.returncode == 1
    commands = []
    for line in proc.stdout.splitlines():
        level, props, message = re.fullmatch(r"::(error|warning) (.*?)::(.*)", line).groups()
        commands.append((level, dict(p.split("=", 1) for p in props.split(",")), message))
    assert (
        "error",
        {
            "file": "drafts/leak.txt",
            "line": "1",
            "endLine": "1",
            "col": "8",
            "endColumn": "10",
            "title": "PL102 small-cohort",
        },
        "A group of 53 people is under 100: small enough to be picked out from the activity described.%0A"
        'Leave out the count, or report only groups of at least 1,000 people; write "lots of you" '
        "instead of a small exact number.",
    ) in commands
    rows = [(lvl, p) for lvl, p, _ in commands if p["file"] == "drafts/calendar.jsonl"]
    assert (
        "warning",
        {"file": "drafts/calendar.jsonl", "line": "4", "endLine": "4", "title": "PL301 per-person-repetition"},
    ) in rows


def test_fail_on_from_option_and_config_and_colour(tmp_path):
    (tmp_path / "warn.txt").write_text(WARN_ONLY, encoding="utf-8")
    default = postlint("check", "warn.txt", cwd=tmp_path, FORCE_COLOR="1")
    assert default.returncode == 0
    assert colour_codes(default.stdout) == {"33"}  # yellow for warn, on a terminal
    assert "Checked 1 post: 0 pass, 1 warn, 0 block." in re.sub(r"\x1b\[[0-9;]*m", "", default.stdout)
    option = postlint("check", "warn.txt", "--fail-on", "warn", cwd=tmp_path, FORCE_COLOR="1", NO_COLOR="1")
    assert option.returncode == 1
    assert colour_codes(option.stdout) == set()  # NO_COLOR wins, even on a terminal
    team = tmp_path / "team"
    team.mkdir()
    (team / "postlint.toml").write_text('fail_on = "warn"\n', encoding="utf-8")
    assert postlint("check", "../warn.txt", cwd=team).returncode == 1


def test_stdin_is_one_post(tmp_path):
    proc = postlint("check", "-", "--format", "jsonl", cwd=tmp_path, stdin=CLEAN + "\n")
    assert proc.returncode == 0, proc.stderr
    assert jsonl(proc.stdout) == {
        "<stdin>": {"id": "<stdin>", "source": "<stdin>", "decision": "pass", "findings": [], "claims": []},
    }


def test_suppression_needs_a_reason(tmp_path):
    every_rule = sorted({f.rule for f in linter.lint(SENSITIVE).findings})  # whatever flags it today
    reason = "Approved by legal: the 53 are staff testers who agreed to this post."
    (tmp_path / "allowed.md").write_text(
        f'---\npostlint:\n  allow: [PL102]\n  reason: "{reason}"\n---\n{LEAK}\n',
        encoding="utf-8",
    )
    (tmp_path / "no-reason.md").write_text(f"---\npostlint:\n  allow: [PL102]\n---\n{LEAK}\n", encoding="utf-8")
    (tmp_path / "misspelt.md").write_text(
        f'---\npostlint:\n  allow: [PL1O2]\n  reason: "typo in the id"\n---\n{LEAK}\n', encoding="utf-8"
    )
    (tmp_path / "rows.jsonl").write_text(
        json.dumps({"id": "r1", "text": SENSITIVE, "allow": every_rule, "reason": "Public health campaign."})
        + "\n"
        + json.dumps({"id": "r2", "text": SENSITIVE, "allow": "PL201"})
        + "\n",
        encoding="utf-8",
    )
    proc = postlint(
        "check", "allowed.md", "misspelt.md", "no-reason.md", "rows.jsonl", "--format", "json", cwd=tmp_path
    )
    assert proc.returncode == 2
    assert error_lines(proc) == [
        "misspelt.md: 'allow' names no rule of the pack: PL1O2",
        "no-reason.md: allowing PL102 needs a 'reason' saying why the post is fine",
        "rows.jsonl:2: allowing PL201 needs a 'reason' saying why the post is fine",
    ]
    posts = {p["id"]: p for p in json.loads(proc.stdout)["posts"]}
    assert set(posts) == {"allowed.md", "r1"}
    allowed = posts["allowed.md"]
    assert allowed["decision"] == "warn"  # the block came from PL102 alone
    suppressed = [f for f in allowed["findings"] if f.get("suppressed")]
    assert [(f["rule"], f["reason"]) for f in suppressed] == [("PL102", reason)]
    assert posts["r1"]["decision"] == "pass"
    assert all(f["suppressed"] for f in posts["r1"]["findings"])


def test_span_suppression_comments_in_md_and_txt(tmp_path):
    reason = "the customer asked us to share their story"
    note = "<!-- postlint-allow PL101 PL301 PL302: " + reason + " -->"
    (tmp_path / "line.md").write_text(f"{CLEAN}\n{note}\n{RIDER}\n\n{LEAK}\n", encoding="utf-8")
    block = f"<!-- postlint-allow-begin PL102: {reason} -->\n{LEAK}\n<!-- postlint-allow-end -->\n{SENSITIVE}\n"
    (tmp_path / "block.txt").write_text(block, encoding="utf-8")
    # The comment's own words are the team's note, not the post: a count in it is not linted.
    (tmp_path / "quiet.txt").write_text(f"<!-- postlint-allow PL102: we checked the 9 people who asked -->\n{CLEAN}\n")
    proc = postlint("check", "line.md", "block.txt", "quiet.txt", "--format", "json", cwd=tmp_path)
    posts = {p["id"]: p for p in json.loads(proc.stdout)["posts"]}
    line = posts["line.md"]
    rider = [f for f in line["findings"] if f["start"] < line["findings"][-1]["start"] and f["rule"] == "PL101"]
    assert rider and all(f["suppressed"] and f["reason"] == reason for f in rider)
    assert any(f["rule"] == "PL102" and not f.get("suppressed") for f in line["findings"])  # LEAK, not covered
    assert line["decision"] == "block"
    block_findings = posts["block.txt"]["findings"]
    leak_end = block.index("<!-- postlint-allow-end")
    assert [f["suppressed"] for f in block_findings if f["rule"] == "PL102" and f["end"] <= leak_end] == [True]
    assert any(f["start"] > leak_end and not f.get("suppressed") for f in block_findings)  # after the block
    assert posts["quiet.txt"]["decision"] == "pass" and posts["quiet.txt"]["findings"] == []

    (tmp_path / "bad.md").write_text(f"{CLEAN}\n<!-- postlint-allow PL102 -->\n{LEAK}\n", encoding="utf-8")
    (tmp_path / "typo.txt").write_text(f"<!-- postlint-allow PL1O2: a reason -->\n{LEAK}\n", encoding="utf-8")
    (tmp_path / "open.txt").write_text(f"<!-- postlint-allow-begin PL102: a reason -->\n{LEAK}\n", encoding="utf-8")
    proc = postlint("check", "bad.md", "typo.txt", "open.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert error_lines(proc) == [
        "bad.md:2: postlint-allow PL102 needs a reason after a colon",
        "typo.txt: 'allow' names no rule of the pack: PL1O2",
        "open.txt:1: postlint-allow-begin is never closed by postlint-allow-end",
    ]


def test_select_ignore_statistics_concise_quiet_and_output_file(workdir, tmp_path):
    everything = json.loads(postlint("check", "drafts", "--format", "json", cwd=workdir).stdout)["summary"]["rules"]
    stats = postlint("check", "drafts", "--statistics", cwd=workdir)
    counted = {m[1]: int(m[0]) for m in re.findall(r"^\s*(\d+)\s+(PL\d+)\s+\[", stats.stdout, re.M)}
    assert counted == everything and stats.returncode == 1
    only = postlint("check", "drafts", "--select", "PL1,shaming", "--statistics", "-f", "json", cwd=workdir)
    assert {row["rule"] for row in json.loads(only.stdout)} == {
        r for r in everything if r[:3] == "PL1" or r[:3] == "PL4"
    }
    ignored = postlint("check", "drafts", "--ignore", "small-cohort", "--ignore", "PL3", "-f", "concise", cwd=workdir)
    lines = ignored.stdout.splitlines()
    assert lines[-1].startswith("Checked 9 posts:")
    findings = [line for line in lines[:-1]]
    assert findings and all(re.match(r"drafts/[\w/.]+:\d+(:\d+)?: PL[124]\d\d \[(warn|block)\] ", f) for f in findings)
    assert not [f for f in findings if " PL102 " in f or " PL3" in f]
    assert "drafts/leak.txt:1:1: PL402 [warn]" in ignored.stdout
    quiet = postlint("check", "drafts", "-q", "-f", "concise", "-o", str(tmp_path / "out.txt"), cwd=workdir)
    assert quiet.stdout == "" and quiet.returncode == 1
    written = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert written.splitlines() == findings_of_all(workdir) and "Checked" not in written
    for flag in ("--select", "--ignore"):
        wrong = postlint("check", "drafts", flag, "PL9", cwd=workdir)
        assert wrong.returncode == 2 and wrong.stdout == ""
        assert error_lines(wrong) == [
            f"{flag} names no rule, rule name or category: PL9 (list them with: postlint rules)"
        ]


def findings_of_all(workdir: Path) -> list[str]:
    return postlint("check", "drafts", "-q", "-f", "concise", cwd=workdir).stdout.splitlines()


def test_piped_text_keeps_lines_whole_and_colour_follows_the_flag(workdir):
    long_line = postlint("check", "drafts/leak.txt", "--color", "never", cwd=workdir, COLUMNS="40")
    assert LEAK in long_line.stdout  # the draft's line is not cut or wrapped at the terminal width
    assert "\x1b[" not in long_line.stdout
    forced = postlint("check", "drafts/leak.txt", "--color", "always", cwd=workdir, NO_COLOR="1")
    assert "31" in colour_codes(forced.stdout)
    assert "\x1b[" not in postlint("check", "drafts/leak.txt", cwd=workdir, NO_COLOR="1", FORCE_COLOR="1").stdout
    version = postlint("--version", cwd=workdir)
    assert version.returncode == 0 and version.stdout == f"postlint {linter.__version__}\n"


def test_diff_shows_and_fix_writes_the_safe_fixes(tmp_path):
    note = "<!-- postlint-allow PL102 PL201: the nine are our own testers, who agreed -->"
    md = f"---\ntitle: Recap\n---\nWhat a season.\r\n\r\n{LEAK}\r\n{note}\r\n{SENSITIVE}\r\n"
    (tmp_path / "recap.md").write_bytes(md.encode())
    (tmp_path / "rows.jsonl").write_text(json.dumps({"id": "r1", "text": LEAK}) + "\n", encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN + "\n", encoding="utf-8")
    diff = postlint("check", "recap.md", "rows.jsonl", "clean.txt", "--diff", cwd=tmp_path)
    assert diff.returncode == 1 and diff.stderr == "Would fix 2 posts.\n"
    assert diff.stdout.startswith("--- a/recap.md\n+++ b/recap.md\n")
    assert f"-{LEAK}\n" in diff.stdout and "+To everyone who watched Holiday Baking this week.\n" in diff.stdout
    assert "--- a/rows.jsonl:1\n" in diff.stdout and "clean.txt" not in diff.stdout
    assert (tmp_path / "recap.md").read_bytes() == md.encode()  # --diff writes nothing
    absolute = postlint("check", str(tmp_path / "recap.md"), "--diff", cwd=tmp_path)
    assert absolute.stdout.startswith(f"--- a/{str(tmp_path).lstrip('/')}/recap.md\n")

    fixed = postlint("check", "recap.md", "rows.jsonl", "clean.txt", "--fix", "-f", "jsonl", cwd=tmp_path)
    assert fixed.stderr == "Fixed 1 file (1 in calendar rows or stdin: see --diff).\n"
    after = (tmp_path / "recap.md").read_bytes().decode()
    # Front matter, line endings, the comment and the allowed count are kept; the leak's count and taunt are not.
    assert after == md.replace(LEAK, "To everyone who watched Holiday Baking this week.")
    records = jsonl(fixed.stdout)
    assert records["recap.md"]["decision"] in {"pass", "warn"}
    for finding in records["recap.md"]["findings"]:  # offsets index the fixed text
        assert finding["text"] in after
    assert records["r1"]["decision"] == "block" and any("fix" in f for f in records["r1"]["findings"])
    assert fixed.returncode == 1  # the row still blocks
    assert postlint("check", "clean.txt", "--diff", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(
    ("missing", "command", "extra"),
    [
        (("uvicorn", "fastapi"), ["serve"], "server"),
        (("tweepy",), ["x", "post", "d.txt"], "x"),
        (("slack_bolt",), ["slack", "run"], "slack"),
        (("pyspark",), ["spark", "d.txt", "out"], "spark"),
    ],
)
def test_a_surface_without_its_extra_names_the_extra(tmp_path, missing, command, extra):
    (tmp_path / "d.txt").write_text(CLEAN, encoding="utf-8")
    hide = "".join(f"sys.modules[{name!r}] = None; " for name in missing)  # as if not installed
    script = f"import sys; {hide}from linter.cli import app; app(prog_name='postlint')"
    proc = subprocess.run(
        [sys.executable, "-c", script, *command], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert error_lines(proc) == [
        f"postlint {' '.join(command[:1] if extra in {'server', 'spark'} else command[:2])} needs the {extra} extra "
        f"({missing[0]} is not installed): pip install 'postlint[{extra}]'"
    ]


def test_bad_inputs_each_get_one_line_and_the_rest_are_checked(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"GIF89a\x00\x01\x02")
    (tmp_path / "latin1.txt").write_bytes(f"{CLEAN}\nCaf\xe9 au lait at 9am.\n".encode("latin-1"))
    (tmp_path / "big.txt").write_text("a" * 2_000, encoding="utf-8")
    (tmp_path / "no-text.csv").write_text(f"id,body\n1,{CLEAN}\n", encoding="utf-8")
    (tmp_path / "broken.csv").write_text(f'id,text\nb1,{CLEAN}\nb2,"{RIDER}\n', encoding="utf-8")
    unclosed = '{"id": "bad", "text": ' + json.dumps(RIDER)
    (tmp_path / "rows.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"id": "ok1", "text": CLEAN}),
                unclosed,
                json.dumps({"id": "none"}),
                json.dumps({"id": "blank", "text": ""}),
                json.dumps({"id": "ok2", "text": LEAK}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "good.txt").write_text(CLEAN, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    proc = postlint(
        "check",
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "big.txt",
        "no-text.csv",
        "broken.csv",
        "rows.jsonl",
        "missing.txt",
        "good.txt",
        "--max-bytes",
        "1000",
        "--format",
        "jsonl",
        cwd=tmp_path,
    )
    assert proc.returncode == 2
    assert error_lines(proc) == [
        "empty.txt: empty post",
        "binary.txt: binary file, not text",
        "latin1.txt:2: not valid UTF-8 (byte 0xe9)",
        "big.txt: larger than the 1,000-byte limit (raise it with --max-bytes)",
        "no-text.csv:1: no 'text' column (columns: id, body)",
        "broken.csv:3: not valid CSV (unexpected end of data)",
        f"rows.jsonl:2: not valid JSON (Expecting ',' delimiter, column {len(unclosed) + 1})",
        "rows.jsonl:3: row has no 'text' string",
        "rows.jsonl:4: empty post",
        "missing.txt: cannot read: No such file or directory",
    ]
    for text in (CLEAN, RIDER, LEAK):  # draft text goes to stdout only
        assert text not in proc.stderr
    assert {i: r["decision"] for i, r in jsonl(proc.stdout).items()} == {
        "b1": "pass",
        "ok1": "pass",
        "ok2": "block",
        "good.txt": "pass",
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written beside the drafts


def test_calendars_are_read_row_by_row_with_the_limit_on_each_row(tmp_path):
    rows = [json.dumps({"id": f"r{i}", "text": CLEAN if i % 2 else WARN_ONLY}) for i in range(60)]
    rows[30] = json.dumps({"id": "long", "text": "word " * 400})  # one row over the limit
    rows[31] = '{"id": "latin", "text": "caf\xe9"}'  # and one that is not UTF-8
    (tmp_path / "big.jsonl").write_bytes(
        "\n".join(rows[:31]).encode()
        + b"\n"
        + rows[31].encode("latin-1")
        + b"\n"
        + "\n".join(rows[32:]).encode()
        + b"\n"
    )
    csv_rows = "".join(f'c{i},"{CLEAN}"\n' for i in range(40))
    (tmp_path / "big.csv").write_text(f"id,text\n{csv_rows}", encoding="utf-8")
    assert (tmp_path / "big.jsonl").stat().st_size > 1_000 and (tmp_path / "big.csv").stat().st_size > 1_000
    proc = postlint("check", "big.jsonl", "big.csv", "--max-bytes", "1000", "-f", "jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    assert error_lines(proc) == [
        "big.jsonl:31: row larger than the 1,000-byte limit (raise it with --max-bytes)",
        "big.jsonl:32: not valid UTF-8 (byte 0xe9)",
    ]
    checked = jsonl(proc.stdout)
    assert len(checked) == 58 + 40 and "r59" in checked and "c39" in checked  # every other row, in order
    assert list(checked)[:3] == ["r0", "r1", "r2"]


def test_jobs_spread_a_calendar_over_processes_and_keep_its_order(tmp_path):
    texts = [LEAK, CLEAN, RIDER, WARN_ONLY, SENSITIVE, TWO_LINES]
    rows = [json.dumps({"id": f"r{i}", "text": texts[i % len(texts)]}) for i in range(300)]
    rows[150] = "{not json"
    (tmp_path / "cal.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    one = postlint("check", "cal.jsonl", "-f", "jsonl", "--jobs", "1", cwd=tmp_path)
    two = postlint("check", "cal.jsonl", "-f", "jsonl", "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 2
    assert two.stdout == one.stdout and two.stderr == one.stderr  # the same results, in the same order
    assert len(one.stdout.splitlines()) == 299


def test_default_size_limit_and_empty_folder(tmp_path):
    with open(tmp_path / "huge.txt", "wb") as huge:
        huge.truncate(10 * 1024 * 1024)
    (tmp_path / "empty").mkdir()
    proc = postlint("check", "huge.txt", "empty", cwd=tmp_path)
    assert proc.returncode == 2
    assert error_lines(proc) == [
        "huge.txt: larger than the 1,000,000-byte limit (raise it with --max-bytes)",
        "empty: no .txt, .md, .jsonl, .csv files found",
    ]
    assert "Checked 0 posts" in proc.stdout


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('model = "xx_no_such_pipeline"\n', "spaCy model 'xx_no_such_pipeline' is not installed"),
        ("fail_on = [\n", "postlint.toml: invalid TOML"),
        ('pack = "no-such-pack"\n', "no-such-pack: not a rules pack (no pack.yaml)"),
    ],
)
def test_broken_setup_is_one_line_and_exit_2(tmp_path, config, expected):
    (tmp_path / "postlint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "post.txt").write_text(CLEAN, encoding="utf-8")
    proc = postlint("check", "post.txt", cwd=tmp_path)
    assert proc.returncode == 2
    [line] = error_lines(proc)
    assert expected in line


def test_usage_errors_exit_2(tmp_path):
    assert postlint("check", "x.txt", "--format", "xml", cwd=tmp_path).returncode == 2
    assert postlint("check", cwd=tmp_path).returncode == 2


def test_rules_and_explain(tmp_path):
    pack = load_pack()
    table = postlint("rules", cwd=tmp_path)
    assert table.returncode == 0
    for rule in pack.rules:
        assert re.search(rf"{rule.id}\s.*{rule.name}\s.*{rule.category}\s.*{rule.severity}", table.stdout)
    listed = json.loads(postlint("rules", "--format", "json", cwd=tmp_path).stdout)
    assert listed["pack"] == {"name": pack.name, "version": pack.version}
    assert [(r["id"], r["name"], r["category"], r["severity"]) for r in listed["rules"]] == [
        (r.id, r.name, r.category, r.severity) for r in pack.rules
    ]
    rule = pack.rule("PL101")
    doc = postlint("explain", "pl101", cwd=tmp_path, COLUMNS="300")
    assert doc.returncode == 0
    for part in (
        f"{rule.id} {rule.name}",
        rule.category,
        rule.severity,
        rule.message,
        rule.suggestion,
        rule.description[:60],  # the start of the paragraph, before any wrapping
        *rule.examples["flagged"],
        *rule.examples["passing"],
    ):
        assert part in doc.stdout
    unknown = postlint("explain", "PL999", cwd=tmp_path)
    assert unknown.returncode == 2
    assert error_lines(unknown) == ["no rule 'PL999' in pack postlint-default (list them with: postlint rules)"]


def test_eval_scores_a_tiny_corpus(tmp_path):
    items = [
        {"id": "t1", "text": CLEAN, "decision": "pass", "categories": []},
        {"id": "t2", "text": SENSITIVE, "decision": "block", "categories": ["sensitive", "small_cohort"]},
        {"id": "t3", "text": WARN_ONLY, "decision": "pass", "categories": []},  # labelled wrong on purpose
    ]
    (tmp_path / "tiny.jsonl").write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    scored = postlint("eval", "tiny.jsonl", "--format", "json", "--show-misses", cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    report = json.loads(scored.stdout)
    figures = report["figures"]
    assert report["items"] == 3
    assert figures["decision_accuracy"] == pytest.approx(2 / 3)
    assert figures["block_recall"] == 1.0 and figures["flag_recall"] == 1.0
    assert figures["false_alarm_rate"] == 0.5
    assert figures["specificity_precision"] == 0.0 and figures["sensitive_f1"] == 1.0
    assert "category_macro_f1" in figures
    assert report["misses"] == [
        {"id": "t3", "expected": "pass", "got": "warn", "expected_categories": [], "got_categories": ["specificity"]},
    ]
    assert report["confusion"] == [
        {"labelled": "block", "got": "block", "drafts": 1},
        {"labelled": "pass", "got": "pass", "drafts": 1},
        {"labelled": "pass", "got": "warn", "drafts": 1},
    ]
    text = postlint("eval", "tiny.jsonl", "--show-misses", cwd=tmp_path)
    assert text.returncode == 0
    for label in (
        "decision accuracy",
        "0.667",
        "block recall",
        "flag recall",
        "false-alarm rate",
        "0.500",
        "category macro-F1",
        "labelled \\ got",
        "precision",
        "recall",
        "F1",
        "small_cohort",
        "t3: expected pass",
    ):
        assert label in text.stdout
