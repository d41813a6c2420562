"""Reading drafts into posts: files, folders and stdin, with a one-line error for anything unreadable.

A `.txt` file or stdin is one post; a `.md` file is one post after optional YAML front matter; every
row of a `.jsonl` or `.csv` content calendar is a post with fields `id` and `text`. A bad file or row
becomes an `InputError` in the stream, so the caller can report it and still check everything else.

Calendars are read row by row, never whole: `max_bytes` limits each row, so a file of any size is
checked in flat memory. A `.txt` or `.md` file is one post, and the limit is on the file.
"""

from __future__ import annotations

import csv
import json
import os
import re
import stat
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from linter.errors import InputError
from linter.suppressions import Allow, from_comments, rule_ids

SUFFIXES = (".txt", ".md", ".jsonl", ".csv")
DEFAULT_MAX_BYTES = 1_000_000
STDIN = "<stdin>"
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
SUPPRESSION_KEYS = {"allow", "reason"}


@dataclass(frozen=True)
class Post:
    """One draft, and where it came from so findings can point back into the file."""

    id: str
    path: str
    line: int  # the file line where `text` begins
    text: str
    row: bool = False  # a calendar row: offsets do not map to file columns, only to the row's line
    allows: tuple[Allow, ...] = ()  # suppressions written into the draft (linter.suppressions)

    @property
    def source(self) -> str:
        return f"{self.path}:{self.line}" if self.row else self.path


def read_posts(args: Iterable[str], max_bytes: int, stdin: BinaryIO) -> Iterator[Post | InputError]:
    """Posts from each argument (a file, a folder walked for drafts, or `-`), in order, errors in place."""
    for arg in args:
        try:
            paths = _walk(Path(arg)) if arg != "-" and Path(arg).is_dir() else [arg]
        except InputError as exc:
            yield exc
            continue
        except OSError as exc:  # the folder holding it cannot be searched
            yield InputError(f"{arg}: cannot read: {exc.strerror or exc}")
            continue
        for path in paths:
            if isinstance(path, InputError):
                yield path
                continue
            try:
                yield from _read(path, max_bytes, stdin)
            except InputError as exc:
                yield exc


def _walk(folder: Path) -> list[str | InputError]:
    """Draft files under a folder, sorted, skipping hidden files and folders (.git, .venv...).

    A folder that cannot be listed is an error in its place, never skipped in silence: it could hold
    the draft at fault. Anything else named like a draft (a FIFO, a device) is listed, so reading it fails.
    """
    found: list[str | InputError] = []

    def unreadable(exc: OSError) -> None:
        found.append(InputError(f"{os.path.normpath(exc.filename)}: cannot read folder: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            os.path.normpath(os.path.join(root, f))
            for f in sorted(files)
            if not f.startswith(".") and _suffix(f) in SUFFIXES
        ]
    if not found:
        raise InputError(f"{folder}: no {', '.join(SUFFIXES)} files found")
    return found


def _suffix(path: str) -> str:
    return Path(path).suffix.lower()


def _read(path: str, max_bytes: int, stdin: BinaryIO) -> Iterator[Post | InputError]:
    if path == "-":
        yield from _plain(STDIN, _text(STDIN, _bytes(STDIN, stdin, max_bytes)))
        return
    suffix = _suffix(path)
    try:
        # Opened without blocking and checked before reading: a FIFO or device named *.txt must not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with open(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(f"{path}: not a regular file")
        if suffix not in PARSERS and suffix not in ROW_PARSERS:
            raise InputError(f"{path}: not a draft file (postlint reads {', '.join(SUFFIXES)} files)")
        if suffix in ROW_PARSERS:
            csv.field_size_limit(max(csv.field_size_limit(), max_bytes))  # the row limit is ours, not csv's
            items = yield from _counted(ROW_PARSERS[suffix](path, _lines(path, stream, max_bytes)))
        else:
            try:
                data = _bytes(path, stream, max_bytes)
            except OSError as exc:
                raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
            items = yield from _counted(PARSERS[suffix](path, _text(path, data)))
    if not items:
        raise InputError(f"{path}: no posts in this file")


def _counted(items: Iterator[Post | InputError]) -> Generator[Post | InputError, None, int]:
    """Passes items on and returns how many there were: a file with no rows at all is an error of its own."""
    count = 0
    for item in items:
        count += 1
        yield item
    return count


def _lines(path: str, stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, str | InputError]]:
    """(line number, text) for each line of a calendar, read one at a time: a line over `max_bytes`,
    not UTF-8 or holding a NUL byte is an error for that line, and reading goes on after it."""
    number = 0
    while True:
        try:
            raw = stream.readline(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
        if not raw:
            return
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the long line without holding it
            yield (
                number,
                InputError(
                    f"{path}:{number}: row larger than the {max_bytes:,}-byte limit (raise it with --max-bytes)"
                ),
            )
            continue
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if b"\0" in raw:
            yield number, InputError(f"{path}:{number}: binary data, not text")
            continue
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, InputError(f"{path}:{number}: not valid UTF-8 (byte 0x{raw[exc.start]:02x})")


def _bytes(name: str, stream: BinaryIO, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    return data


def _text(name: str, data: bytes) -> str:
    if b"\0" in data:
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{name}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x})") from None


def _single(path: str, text: str, line: int = 1, allows: tuple[Allow, ...] = ()) -> Post:
    """A .txt or .md post; its postlint-allow comments are read and blanked out."""
    text, spans = from_comments(path, text, line)
    if not text.strip():
        raise InputError(f"{path}: empty post")
    return Post(id=path, path=path, line=line, text=text, allows=allows + spans)


def _plain(path: str, text: str) -> Iterator[Post]:
    yield _single(path, text)


def _markdown(path: str, text: str) -> Iterator[Post]:
    """The body after optional front matter; `postlint: {allow, reason}` there suppresses rules."""
    match = FRONT_MATTER.match(text)
    if match is None:
        if re.match(r"---[ \t]*\r?\n", text):
            raise InputError(f"{path}:1: front matter opened with --- is never closed")
        yield _single(path, text)
        return
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # the front matter starts on line 2
        problem = getattr(exc, "problem", None) or exc
        raise InputError(f"{path}:{line}: invalid YAML front matter ({problem})") from None
    except (ValueError, OverflowError, RecursionError) as exc:  # a date like 2024-13-45, a huge number, deep nesting
        raise InputError(f"{path}:2: front matter has a value that cannot be read ({_problem(exc)})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}:2: front matter must be a mapping of fields")
    settings = meta.get("postlint") or {}
    if not isinstance(settings, dict) or set(settings) - SUPPRESSION_KEYS:
        raise InputError(f"{path}: front matter 'postlint' takes only {{allow: [RULE_ID, ...], reason: \"...\"}}")
    allow = rule_ids(path, settings.get("allow"), settings.get("reason"))
    yield _single(path, text[match.end() :], text.count("\n", 0, match.end()) + 1, (allow,) if allow else ())


def _jsonl(path: str, lines: Iterator[tuple[int, str | InputError]]) -> Iterator[Post | InputError]:
    for number, line in lines:
        if isinstance(line, InputError):
            yield line
            continue
        if not line.strip():
            continue
        try:
            data = json.loads(line.rstrip("\r\n"))
            if not isinstance(data, dict):
                raise InputError(f"{path}:{number}: expected a JSON object with 'id' and 'text'")
            yield _row(path, number, data)
        except json.JSONDecodeError as exc:
            yield InputError(f"{path}:{number}: not valid JSON ({exc.msg}, column {exc.colno})")
        except (ValueError, RecursionError) as exc:  # a number of thousands of digits, nesting too deep
            yield InputError(f"{path}:{number}: JSON that cannot be read ({_problem(exc)})")
        except InputError as exc:
            yield exc


def _csv(path: str, lines: Iterator[tuple[int, str | InputError]]) -> Iterator[Post | InputError]:
    """Rows in order; a record may span lines (a quoted line break). A line that cannot be read ends
    the file: past it, where one record stops and the next starts is no longer known."""
    broken: list[InputError] = []

    def text_lines() -> Iterator[str]:
        for _, line in lines:
            if isinstance(line, InputError):
                broken.append(line)
                return
            yield line

    reader = csv.reader(text_lines(), strict=True)
    end = 0  # the line where the last record read ends
    try:
        header = [name.strip() for name in next(reader, [])]
        if broken:
            yield broken[0]
            return
        if "text" not in header:
            raise InputError(f"{path}:1: no 'text' column (columns: {', '.join(header) or 'none'})")
        end = reader.line_num
        for row in reader:
            start, end = end + 1, reader.line_num
            if row:
                try:
                    yield _row(path, start, dict(zip(header, row, strict=False)))
                except InputError as exc:
                    yield exc
    except csv.Error as exc:
        yield InputError(f"{path}:{end + 1}: not valid CSV ({exc})")  # where the broken record starts
    if broken:
        yield broken[0]


def _problem(exc: BaseException) -> str:
    """A parser's complaint in a few words, for one error line (never the value itself)."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).split(";")[0].split(":")[0][:80] or type(exc).__name__


def _row(path: str, line: int, fields: dict[str, Any]) -> Post:
    """A calendar row; without an id it is known by its place in the file."""
    where = f"{path}:{line}"
    text = fields.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: row has no 'text' string")
    if not text.strip():
        raise InputError(f"{where}: empty post")
    allow = rule_ids(where, fields.get("allow"), fields.get("reason"))
    row_id = fields.get("id")
    return Post(
        id=where if row_id in (None, "") else str(row_id),
        path=path,
        line=line,
        text=text,
        row=True,
        allows=(allow,) if allow else (),
    )


PARSERS = {".txt": _plain, ".md": _markdown}  # one post a file, read whole
ROW_PARSERS = {".jsonl": _jsonl, ".csv": _csv}  # one post a row, read line by line
