"""spaCy DocBin (``.spacy``): entities in ``doc.ents``, triggers and arguments in span groups.

``doc.ents`` cannot overlap, so overlapping entities keep the longest (``spacy.util.filter_spans``)
and every exported entity is also in ``doc.spans["entities"]``. spaCy has no event structure: the
links live in ``doc.user_data["events"]`` (``DocBin(store_user_data=True)``), relations in
``user_data["relations"]`` and entities' fragments, attributes, notes and normalisations in
``user_data["entity_extras"]``; an entity's first normalisation is its ``kb_id``. The output loads with
spaCy alone: ``DocBin().from_disk(path).get_docs(spacy.blank("en").vocab)``.

A path ending in ``.spacy`` gets one file, written as a stream (``docbin_file``). Any other path is a
folder of shards of ``SHARD`` docs (``spacy train`` reads a folder of .spacy files). Memory stays
bounded either way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .base import Document, ExportOptions, ExportSummary, atomic_output, output_folder, safe_child, write_new
from .docbin_file import StreamedDocBin, encoders_looked_up_once
from .tokenize import blank_nlp, document_doc

SHARD = 250


def doc_for(document: Document, summary: ExportSummary):
    from spacy.util import filter_spans

    art = document.article
    doc = document_doc(document)

    def span(start, end, label, kb_id=""):
        found = doc.char_span(start, end, label=label, kb_id=kb_id)
        if found is None:
            summary.warnings.append(f"{art.id}: span [{start}, {end}) {label} does not align; left out")
        return found

    ents = [s for s in (span(e.start, e.end, e.label, _kb_id(e)) for e in document.entities) if s is not None]
    doc.spans["entities"] = ents
    kept = filter_spans(ents)
    if len(kept) < len(ents):
        dropped = len(ents) - len(kept)
        summary.warnings.append(f"{art.id}: {dropped} overlapping entities only in spans['entities']")
    doc.ents = kept
    triggers, arguments, events = [], [], []
    for ev in document.events:
        if ev.trigger_start is not None:
            t = span(ev.trigger_start, ev.trigger_end, ev.type)
            if t is not None:
                triggers.append(t)
        for arg in ev.arguments:
            if arg.has_span:
                a = span(arg.start, arg.end, arg.role)
                if a is not None:
                    arguments.append(a)
        events.append({
            "id": ev.id, "type": ev.type, "subtype": ev.subtype,
            "trigger": None if ev.trigger_start is None else [ev.trigger_start, ev.trigger_end],
            "arguments": [a.to_dict() for a in ev.arguments],
            "fields": dict(ev.fields), "status": ev.status, "annotator": ev.annotator,
            **({"attributes": dict(ev.attributes)} if ev.attributes else {}),
            **({"notes": list(ev.notes)} if ev.notes else {}),
        })
    doc.spans["triggers"] = triggers
    doc.spans["arguments"] = arguments
    doc.user_data["article_id"] = art.id
    doc.user_data["title"] = art.title
    doc.user_data["events"] = events
    where = {e.id: [e.start, e.end, e.label] for e in document.entities}
    relations = [
        {"type": r.type, "members": [where[m] for m in r.members], "roles": [r.head_role, r.child_role],
         "equivalence": r.equivalence, "attributes": dict(r.attributes), "notes": list(r.notes)}
        for r in document.relations]
    extras = [
        {"span": where[e.id], "fragments": e.fragments, "attributes": e.attributes, "notes": e.notes, "norms": e.norms}
        for e in document.entities if e.fragments or e.attributes or e.notes or e.norms]
    for key, value in (("relations", relations), ("entity_extras", extras)):
        if value:  # left out when empty, so documents without them keep their shape
            doc.user_data[key] = value
    return doc


def _kb_id(ent) -> str:
    """The entity's first normalisation as spaCy's ``kb_id`` (``DB:ID``), or ""."""
    return f"{ent.norms[0].get('db')}:{ent.norms[0].get('id')}" if ent.norms else ""


def export(docs: Iterator[Document], out: Path, options: ExportOptions, summary: ExportSummary) -> None:
    with encoders_looked_up_once():
        if out.suffix == ".spacy":
            _export_file(docs, out, summary)
        else:
            _export_folder(docs, out, summary)


def _export_file(docs: Iterator[Document], out: Path, summary: ExportSummary) -> None:
    with atomic_output(out, "wb") as handle:
        streamed = StreamedDocBin(out)  # after atomic_output: it clears the litter of old runs
        try:
            for document in docs:
                streamed.add(_counted(document, summary))
            streamed.write(handle)
        finally:
            streamed.close()
    summary.files = 1


def _export_folder(docs: Iterator[Document], out: Path, summary: ExportSummary) -> None:
    from spacy.tokens import DocBin

    with output_folder(out, (".spacy",)) as folder:
        bin_, shard = DocBin(store_user_data=True), 0
        for document in docs:
            bin_.add(_counted(document, summary))
            if len(bin_) >= SHARD:
                write_new(safe_child(folder, f"part-{shard:05d}.spacy"), bin_.to_bytes())
                bin_, shard = DocBin(store_user_data=True), shard + 1
        if len(bin_) or shard == 0:
            write_new(safe_child(folder, f"part-{shard:05d}.spacy"), bin_.to_bytes())
            shard += 1
        summary.files = shard


def _counted(document: Document, summary: ExportSummary):
    summary.articles += 1
    summary.entities += len(document.entities)
    summary.events += len(document.events)
    return doc_for(document, summary)


def load(path: Path):
    """The Docs of a .spacy file or a folder of them, with spaCy alone (used by tests and users)."""
    from spacy.tokens import DocBin

    files = sorted(path.glob("*.spacy")) if path.is_dir() else [path]
    vocab = blank_nlp().vocab
    for file in files:
        yield from DocBin().from_disk(file).get_docs(vocab)
