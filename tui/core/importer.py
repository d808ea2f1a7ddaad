"""Reads articles from .txt and .md files, folders of them, and JSONL, into ``Article`` records.

Each bad input (binary, invalid UTF-8, empty, a malformed JSONL line) becomes one ``Problem`` naming
the file and line, and reading goes on so that every problem is said at once; the import command
then stores nothing. Nothing here writes to the store.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Iterator

from .model import Article, article_id_for

# The longest article newsmark stores: longer ones are refused at import (one line saying so) rather
# than split, since where to split a text is the user's call. The app and `suggest` also skip any
# longer article already stored, so one such article can never stop them.
MAX_ARTICLE_CHARS = 1_000_000
TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl",)
# Files that sit beside articles in a folder but are not articles.
SKIPPED_NAMES = re.compile(r"^(readme|license|licence|copying)(\..*)?$", re.IGNORECASE)

# How far the coding of an article has gone. An import may move an article forward, never back: done
# and skipped are a coder's last word on it (coded, or passed over on purpose), and neither gives way
# to the other, nor to a file's "todo" (the output of `suggest --in-shards`, an older export).
STATUS_RANK = {"todo": 0, "in progress": 1, "done": 2, "skipped": 2}


def status_after_import(stored: str | None, incoming: str | None) -> str | None:
    """The status an article has after an import brings ``incoming`` for it (None: the file says
    none): the file's when the article is new or the file moves it forward, else ``stored``. Every
    importer goes through this one rule (``tui.core.formats.ingest``)."""
    if not incoming or stored is None:
        return incoming or stored
    return incoming if STATUS_RANK.get(incoming, 0) > STATUS_RANK.get(stored, 0) else stored


_HEADER = re.compile(r"^#\s*source:\s*(?P<rest>.*)$")
_DATELINE = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
    r"(?P<month>[A-Z][a-z]+)\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})\s*$"
)
_ISO_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


@dataclass
class Problem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def source_files(sources: list[str]) -> Iterator[Path]:
    """Expand folders (recursively, sorted) into the article files they hold."""
    for source in sources:
        path = Path(source)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES
                    and not SKIPPED_NAMES.match(child.name)
                    and not any(part.startswith(".") for part in child.relative_to(path).parts)
                ):
                    yield child
        else:
            yield path


def read_sources(sources: list[str]) -> Iterator[Article | Problem]:
    """Every article, or the problem that stopped one, from the given files and folders."""
    for path in source_files(sources):
        yield from read_file(path)


def read_file(path: Path) -> Iterator[Article | Problem]:
    """The articles of one file (several for JSONL), or the problems found in it."""
    if not path.exists():
        yield Problem(str(path), None, "no such file or folder")
        return
    suffix = path.suffix.lower()
    if path.is_dir():
        yield Problem(str(path), None, "is a folder, not a file")
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path)
    elif suffix in TEXT_SUFFIXES:
        yield read_text_file(path)
    else:
        yield Problem(str(path), None, f"unsupported file type {suffix or '(none)'}; use .txt, .md or .jsonl")


# Byte-order marks, longest first: UTF-32's little-endian mark begins with UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(path: Path, raw: bytes) -> str | Problem:
    """The text of a file: UTF-8, or UTF-16/32 when a byte-order mark says so; else a Problem."""
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in raw[:8192]:
        return Problem(str(path), None, "binary file, not text")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            return Problem(str(path), None, f"not valid {encoding.upper()} (byte {exc.start})")
        line = raw[: exc.start].count(b"\n") + 1
        return Problem(str(path), line, f"not valid UTF-8 (byte {exc.start})")


def _decode(path: Path) -> str | Problem:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Problem(str(path), None, f"cannot be read ({exc.strerror})")
    return decode_text(path, raw)


def read_text_file(path: Path) -> Article | Problem:
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Problem(str(path), None, f"cannot be read ({exc.strerror})")
    if size > 4 * MAX_ARTICLE_CHARS + 4:  # more characters than the limit in any encoding: not read
        return Problem(str(path), None, f"the file has {size:,} bytes, more than an article of at most "
                                        f"{MAX_ARTICLE_CHARS:,} characters can hold; split it into parts")
    text = _decode(path)
    if isinstance(text, Problem):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Problem(str(path), None, "empty file")
    if len(text) > MAX_ARTICLE_CHARS:
        return over_limit(path, None, len(text))
    return article_from_text(text, source=str(path))


def too_long(row: dict) -> bool:
    """An article stored before the limit: neither the app nor ``suggest`` opens it."""
    return row.get("chars", 0) > MAX_ARTICLE_CHARS


def over_limit(path: Path, line: int | None, length: int) -> Problem:
    return Problem(str(path), line, f"the article has {length:,} characters, over the limit of "
                                    f"{MAX_ARTICLE_CHARS:,}; split it into parts")


def read_jsonl(path: Path) -> Iterator[Article | Problem]:
    content = _decode(path)
    if isinstance(content, Problem):
        yield content
        return
    if not content.strip():
        yield Problem(str(path), None, "empty file")
        return
    for number, record, problem in parse_json_lines(content):
        if problem:
            yield Problem(str(path), number, problem)
            continue
        if not isinstance(record.get("text"), str):
            yield Problem(str(path), number, "no 'text' field with a string")
            continue
        if not record["text"].strip():
            yield Problem(str(path), number, "empty 'text'")
            continue
        if len(record["text"]) > MAX_ARTICLE_CHARS:
            yield over_limit(path, number, len(record["text"]))
            continue
        meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
        if record.get("id") is not None:
            meta = {**meta, "external_id": str(record["id"])}
        article = article_from_text(
            record["text"], source=f"{path}:{number}", title=str(record.get("title") or ""),
            meta=meta, parse_header=False,
        )
        published = _record_date(record, meta)
        yield replace(article, published=published) if published else article


DATE_KEYS = ("date", "published", "published_at", "pub_date")  # where JSONL corpora give an article's date


def _record_date(record: dict, meta: dict) -> str:
    """The article's date a JSONL record gives (top level or in ``meta``), as YYYY-MM-DD, else "": a
    record's own date is better than one read from the text (it stays in ``meta`` as given)."""
    for source in (record, meta):
        for key in DATE_KEYS:
            value = source.get(key)
            if isinstance(value, str) and len(value) >= 10:
                try:
                    return date.fromisoformat(value[:10]).isoformat()
                except ValueError:
                    continue
    return ""


def parse_json_lines(content: str) -> Iterator[tuple[int, dict | None, str]]:
    """(line number, object, "") for each non-blank line of JSONL, or (line number, None, what is
    wrong with it); shared by the article importer and the annotation readers."""
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"not valid JSON ({exc.msg})"
            continue
        except RecursionError:
            yield number, None, "JSON nested too deeply"
            continue
        if not isinstance(record, dict):
            yield number, None, "each line must be a JSON object"
            continue
        if "\\ud" in line.lower() and not _is_unicode(record):  # only JSON escapes make a lone surrogate
            yield number, None, "holds a lone surrogate (an escape such as \\ud800), which is not Unicode text"
            continue
        yield number, record, ""


def _is_unicode(record: dict) -> bool:
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def article_from_text(
    text: str, source: str = "", title: str = "", meta: dict | None = None, parse_header: bool = True
) -> Article:
    """Build an Article: strip a Wikinews header line, find the title, the body and the date."""
    header: dict[str, str] = {}
    first_line = text.split("\n", 1)[0]
    match = _HEADER.match(first_line) if parse_header else None
    if match:
        header = _parse_header("source: " + match.group("rest"))
        text = text.split("\n", 1)[1] if "\n" in text else ""
        text = text.lstrip("\n")
    body_start = 0
    if not title:
        title = header.get("title", "")
    if not title:
        line_end = text.find("\n")
        first = text if line_end < 0 else text[:line_end]
        title = first.strip().lstrip("#").strip()
        if line_end >= 0:
            rest = text[line_end:]
            body_start = line_end + (len(rest) - len(rest.lstrip()))
    published = header.get("date", "") or header.get("published", "")
    if not published:
        published = _dateline(text[body_start:]) or _date_in_name(source)
    return Article(
        id=article_id_for(text), text=text, title=title[:300], source=source,
        url=header.get("source", ""), license=header.get("license", ""), published=published,
        body_start=body_start, meta=dict(meta or {}),
    )


def _parse_header(line: str) -> dict[str, str]:
    out = {}
    for part in line.split(" | "):
        key, sep, value = part.partition(":")
        if sep:
            out[key.strip().lower()] = value.strip()
    return out


def _dateline(body: str) -> str:
    first = body.lstrip().split("\n", 1)[0].strip()
    match = _DATELINE.match(first)
    if not match:
        return ""
    try:
        day = datetime.strptime(f"{match['month']} {match['day']} {match['year']}", "%B %d %Y")
    except ValueError:
        return ""
    return day.date().isoformat()


def _date_in_name(source: str) -> str:
    match = _ISO_IN_NAME.search(os.path.basename(source.split(":", 1)[0]))
    if not match:
        return ""
    try:
        return datetime(int(match[1]), int(match[2]), int(match[3])).date().isoformat()
    except ValueError:
        return ""
