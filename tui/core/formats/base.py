"""What every exporter shares: the options, the summary, the filtered stream of annotated articles.

Exporters never hold the whole project: ``iter_documents`` opens one article at a time, copies what
passes the filter, and closes it again, so memory stays bounded however many articles there are.
Output paths go through ``safe_child`` so no article id or title can name a file outside ``--out``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from ..codebook import Codebook, load_codebook
from ..model import Article, Entity, Event

FORMAT_NAMES = ("jsonl", "prodigy", "spacy", "brat", "conll", "acled", "dygiepp", "oneie")
Progress = Callable[[int], None]  # called with the number of articles done so far


class ExportError(Exception):
    """An export that cannot be written; the message names the path and the problem."""


@dataclass
class ExportOptions:
    """Which annotations go out. ``statuses`` None means the format's default.

    The default is accepted annotations only (``include_suggestions`` adds suggested ones), except
    for the native jsonl format, which is a lossless copy of the project and takes every status.
    """

    statuses: frozenset[str] | None = None
    include_suggestions: bool = False
    annotator: str | None = None
    article_statuses: frozenset[str] | None = None
    codebook: Codebook | None = None
    # Sessions the caller (the app) already holds open, by article id: read from them, not the disk.
    live_sessions: dict[str, Any] = field(default_factory=dict)

    def statuses_for(self, fmt: str) -> frozenset[str]:
        if self.statuses is not None:
            return frozenset(self.statuses)
        if fmt == "jsonl":
            return frozenset({"accepted", "suggested", "rejected"})
        return frozenset({"accepted", "suggested"} if self.include_suggestions else {"accepted"})

    def get_codebook(self) -> Codebook:
        if self.codebook is None:
            self.codebook = load_codebook()
        return self.codebook


@dataclass
class ExportSummary:
    format: str
    out: str
    articles: int = 0
    entities: int = 0
    events: int = 0
    files: int = 0
    warnings: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = (f"exported {self.articles} article(s), {self.entities} entities, {self.events} event(s) "
                f"as {self.format} to {self.out}")
        if self.warnings:
            text += f" ({len(self.warnings)} warning(s))"
        return text


@dataclass
class Document:
    """One article with the annotations that passed the filter, in a stable order."""

    article: Article
    entities: list[Entity]
    events: list[Event]
    analysed: str = ""  # which model pre-annotated the article ("" if none), so it is not re-run


def entity_key(ent: Entity) -> tuple:
    return (ent.start, ent.end, ent.label, ent.status, ent.origin, ent.id)


def event_key(ev: Event) -> tuple:
    """Text order that does not depend on random ids, so a re-imported project sorts the same."""
    trig = (-1, -1) if ev.trigger_start is None else (ev.trigger_start, ev.trigger_end)
    args = tuple((a.role, a.start if a.start is not None else -1, a.end if a.end is not None else -1, a.value)
                 for a in ev.arguments)
    fields = json.dumps(ev.fields, sort_keys=True, default=str)
    return (*trig, ev.type, ev.subtype, args, fields, ev.status, ev.origin, ev.created, ev.id)


def iter_documents(store, fmt: str, options: ExportOptions) -> Iterator[Document]:
    """Every article of the store (in import order) with its filtered annotations, one at a time."""
    wanted = options.statuses_for(fmt)
    for row in store.rows():
        if options.article_statuses and row.get("status") not in options.article_statuses:
            continue
        live = options.live_sessions.get(row["id"])
        session = live or store.open_session(row["id"])
        try:
            article = Article.from_dict(session.article.to_dict())
            entities = list(session.entities.values())
            events = list(session.events.values())
            analysed = session.analysed
        finally:
            if live is None:
                session.close()
        article.status = row.get("status", article.status)

        def keep(rec) -> bool:
            return rec.status in wanted and (not options.annotator or rec.annotator == options.annotator)

        yield Document(
            article,
            sorted((e for e in entities if keep(e)), key=entity_key),
            sorted((e for e in events if keep(e)), key=event_key),
            analysed,
        )


def count_articles(store, options: ExportOptions) -> int:
    if not options.article_statuses:
        return len(store.rows())
    return sum(1 for r in store.rows() if r.get("status") in options.article_statuses)


_UMASK = os.umask(0o022)
os.umask(_UMASK)
_UNSAFE = re.compile(r"[^A-Za-z0-9_\-]")


def safe_name(name: str, fallback: str = "article") -> str:
    """A file name made only of letters, digits, ``-`` and ``_`` (never ``..`` or a separator)."""
    cleaned = _UNSAFE.sub("_", name)[:100].strip("_") or fallback
    return cleaned


def safe_child(folder: Path, name: str) -> Path:
    """``folder/name``, refusing anything that would resolve outside ``folder``."""
    path = (folder / name).resolve()
    root = folder.resolve()
    if path.parent != root:
        raise ExportError(f"{folder}: refusing to write {name!r} outside the output folder")
    return path


@contextmanager
def atomic_output(path: Path, mode: str = "w") -> Iterator[Any]:
    """Write to a temporary file beside ``path`` and move it into place only when all went well."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name for this format")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        kwargs = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; exports are ordinary files
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def output_folder(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a folder; this format writes a folder")
    out.mkdir(parents=True, exist_ok=True)
    return out


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_output(path, "wb") as handle:
        handle.write(data)


def span_text(text: str, start: int | None, end: int | None) -> str:
    return "" if start is None or end is None else text[start:end]
