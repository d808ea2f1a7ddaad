"""What every exporter shares: the options, the summary, the filtered stream of annotated articles.

Exporters never hold the whole project: ``iter_documents`` opens one article at a time, copies what
passes the filter, and closes it again, so memory stays bounded however many articles there are.
Output paths go through ``safe_child`` so no article id or title can name a file outside ``--out``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator

from ..codebook import Codebook, load_codebook
from ..model import Article, Entity, Event, Relation
from ..storage import ArticleDamaged

FORMAT_NAMES = ("jsonl", "prodigy", "spacy", "brat", "conll", "acled", "dygiepp", "oneie")
# Formats that train a model on the entity layer: an article whose suggestions nobody reviewed
# would teach it "no entity here" where the coder never looked, so they take reviewed articles only.
TRAINING_FORMATS = frozenset({"prodigy", "spacy", "brat", "conll", "dygiepp", "oneie"})
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
    include_unreviewed: bool = False  # training formats: also articles whose entities nobody reviewed
    codebook: Codebook | None = None
    # Sessions the caller (the app) already holds open, by article id: read from them, not the disk.
    live_sessions: dict[str, Any] = field(default_factory=dict)

    def statuses_for(self, fmt: str) -> frozenset[str]:
        if self.statuses is not None:
            return frozenset(self.statuses)
        if fmt == "jsonl":
            return frozenset({"accepted", "suggested", "rejected"})
        if fmt == "prodigy":  # Prodigy keeps answers: a rejected span goes out as answer "reject"
            return frozenset({"accepted", "rejected"} | ({"suggested"} if self.include_suggestions else set()))
        return frozenset({"accepted", "suggested"} if self.include_suggestions else {"accepted"})

    def takes(self, fmt: str, document: "Document") -> bool:
        """Whether the article goes out at all: training formats want a reviewed entity layer, unless
        the model's suggestions are asked for too (they are then exported as suggestions, not gold)."""
        return (document.reviewed or self.include_unreviewed or self.include_suggestions
                or fmt not in TRAINING_FORMATS)

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
    unreviewed_left_out: int = 0
    modality_left_out: dict[str, int] = field(default_factory=dict)  # modality -> events a format leaves out

    def __str__(self) -> str:
        text = (f"exported {self.articles} article(s), {self.entities} entities, {self.events} event(s) "
                f"as {self.format} to {self.out}")
        if self.unreviewed_left_out:
            text += (f"; left out {self.unreviewed_left_out} article(s) whose entity suggestions are not "
                     f"reviewed (d in the app reviews one; export --include-unreviewed takes them)")
        if self.modality_left_out:
            kinds = ", ".join(f"{n} {m}" for m, n in sorted(self.modality_left_out.items()))
            text += (f"; not exported: {sum(self.modality_left_out.values())} event(s) the text does not "
                     f"report as real ({kinds}), as ACLED codes only events that happened")
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
    reviewed: bool = True  # whether a person reviewed its entity layer
    relations: list[Relation] = field(default_factory=list)  # only those whose entities all passed


_EXTRA_NAMES = ("fragments", "attributes", "notes", "norms")


_NO_EXTRAS: dict[tuple, str] = {}  # the text of empty extras, by the kinds of the empty values


def _extras(record) -> str:
    values = [getattr(record, name, None) for name in _EXTRA_NAMES]
    if any(values):
        return json.dumps(values, sort_keys=True, default=str)
    kinds = tuple(map(type, values))  # most records have none: their text is made once, not per record
    text = _NO_EXTRAS.get(kinds)
    if text is None:
        text = _NO_EXTRAS[kinds] = json.dumps(values, sort_keys=True, default=str)
    return text


def entity_key(ent: Entity) -> tuple:
    return (ent.start, ent.end, ent.label, ent.status, ent.origin, _extras(ent), ent.id)


def event_key(ev: Event) -> tuple:
    """Text order that does not depend on random ids, so a re-imported project sorts the same."""
    trig = (-1, -1) if ev.trigger_start is None else (ev.trigger_start, ev.trigger_end)
    args = tuple(sorted((a.role, a.start if a.start is not None else -1, a.end if a.end is not None else -1,
                         a.value, bool(a.event)) for a in ev.arguments))  # formats may reorder arguments
    fields = json.dumps([ev.fields, ev.attributes, ev.notes, ev.modality, ev.evidence], sort_keys=True, default=str)
    return (*trig, ev.type, ev.subtype, args, fields, ev.status, ev.origin, ev.created, ev.id)


def _events_in_order(events: list[Event]) -> list[Event]:
    """Text order (``event_key``); events alike but for how other events name them are told apart by
    the keys of the events that name them, so a re-imported project (new ids) sorts the same."""
    keys = {ev.id: event_key(ev) for ev in events}
    named_by: dict[str, list] = {}
    for ev in events:
        for arg in ev.arguments:
            if arg.event:
                named_by.setdefault(arg.event, []).append((arg.role, keys[ev.id][:-2]))
    return sorted(events, key=lambda ev: (*keys[ev.id][:-2], sorted(named_by.get(ev.id, [])),
                                          *keys[ev.id][-2:]))


def iter_documents(store, fmt: str, options: ExportOptions) -> Iterator[Document]:
    """Every article of the store (in import order) with its filtered annotations, one at a time."""
    wanted = options.statuses_for(fmt)
    for row in store.rows():
        if options.article_statuses and row.get("status") not in options.article_statuses:
            continue
        live = options.live_sessions.get(row["id"])
        try:
            session = live or store.open_session(row["id"])
        except ArticleDamaged as exc:  # said once; the rest of the project is exported
            store.report(str(exc))
            continue
        try:
            article = replace(session.article)  # a copy: its status is the index's, set below
            entities = list(session.entities.values())
            events = list(session.events.values())
            relations = list(session.relations.values())
            analysed = session.analysed
            reviewed = session.reviewed
        finally:
            if live is None:
                session.close()
        article.status = row.get("status", article.status)

        def keep(rec) -> bool:
            return rec.status in wanted and (not options.annotator or rec.annotator == options.annotator)

        kept = sorted((e for e in entities if keep(e)), key=entity_key)
        where = {e.id: (e.start, e.end, e.label) for e in kept}

        def relation_key(rel: Relation) -> tuple:  # text order of the entities, then the rest
            return (tuple(where[m] for m in rel.members), rel.type, rel.head_role, rel.child_role, rel.status,
                    rel.origin, _extras(rel), rel.id)
        yield Document(
            article, kept, _events_in_order([e for e in events if keep(e)]), analysed, reviewed,
            sorted((r for r in relations if keep(r) and set(where).issuperset(r.members)), key=relation_key),
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


def _clear_litter(out: Path) -> None:
    """Remove the temporary siblings (``.NAME.*.tmp``, ``.NAME.*.old``) a killed export of ``out`` left."""
    prefix = f".{out.name}."
    try:
        siblings = list(out.parent.iterdir())
    except OSError:
        return
    for path in siblings:
        if path.name.startswith(prefix) and path.name.endswith((".tmp", ".old")):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


@contextmanager
def atomic_output(path: Path, mode: str = "w") -> Iterator[Any]:
    """Write to a temporary file beside ``path`` and move it into place only when all went well.

    A killed run leaves the old file (or none) and a ``.NAME.*.tmp`` sibling, which the next export
    of the same file removes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name for this format")
    _clear_litter(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        kwargs = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; exports are ordinary files
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


@contextmanager
def output_folder(out: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    """A fresh temporary folder beside ``out`` to write into; it replaces ``out`` only at the end.

    So an interrupted export leaves the old folder whole (or none), never a part that looks complete
    or a mix of old and new files. An existing ``out`` is replaced only when it holds nothing but
    files this format writes (``suffixes``): a folder holding anything else is refused, never deleted.
    A killed run's ``.NAME.*.tmp`` / ``.NAME.*.old`` siblings are removed by the next export.
    """
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a folder; this format writes a folder")
    if out.is_dir():
        foreign = sorted(p.name for p in out.iterdir() if p.is_dir() or not p.name.endswith(suffixes))
        if foreign:
            raise ExportError(f"{out}: holds files this export did not write ({', '.join(foreign[:3])}"
                              f"{', ...' if len(foreign) > 3 else ''}); give a new or empty folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    _clear_litter(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        os.chmod(tmp, 0o777 & ~_UMASK)
        yield tmp
        if out.is_dir():  # two renames: a kill between them leaves no output, and the old one as litter
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
            os.replace(out, old)
            os.replace(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_new(path: Path, data: str | bytes) -> None:
    """Write a file inside an ``output_folder`` (the folder as a whole is what moves into place)."""
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)


def span_text(text: str, start: int | None, end: int | None) -> str:
    return "" if start is None or end is None else text[start:end]
