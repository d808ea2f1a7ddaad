"""DyGIE++ JSONL: one document per line, token indices document-level and inclusive.

``{"doc_key", "dataset", "sentences": [[tok, ...], ...], "ner": [[[s, e, label], ...], ...],
"relations": [[], ...], "events": [[[[trigger_tok, type], [s, e, role], ...], ...], ...]}``, grouped
by sentence. A DyGIE++ trigger is one token: a longer trigger is written as its last token (counted
in a warning). Arguments with a typed value and no span, and event fields, have no place in the
format. ``_text``, ``_offsets`` and ``_article`` (see ``ace_json``) give an import the exact article back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from .ace_json import (TokenMap, article_record, document_sentences, imported_article, imported_entity,
                       imported_event, not_written, not_written_line, text_from_tokens, type_name)
from .base import Document, ExportOptions, ExportSummary, atomic_output
from .ingest import Checker, ImportDoc, ImportProblem, json_lines


def record_for(doc: Document, codebook, summary: ExportSummary | None = None) -> dict:
    sentences = document_sentences(doc)
    tmap = TokenMap(sentences)
    ner: list[list] = [[] for _ in sentences]
    events: list[list] = [[] for _ in sentences]
    shortened = lost = 0
    for ent in doc.entities:
        toks = tmap.tokens(ent.start, ent.end)
        if toks is not None:
            ner[tmap.sentence_of[toks[0]]].append([toks[0], toks[1], ent.label])
    for ev in doc.events:
        trig = tmap.tokens(ev.trigger_start, ev.trigger_end) if ev.trigger_start is not None else None
        if trig is None:
            lost += 1
            continue
        shortened += trig[0] != trig[1]
        entry = [[trig[1], type_name(ev, codebook)]]
        for arg in ev.arguments:
            toks = tmap.tokens(arg.start, arg.end) if arg.has_span else None
            if toks is None:
                lost += 1
            else:
                entry.append([toks[0], toks[1], arg.role])
        events[tmap.sentence_of[trig[1]]].append(entry)
    if summary is not None and (shortened or lost):
        summary.warnings.append(f"{doc.article.id}: {shortened} trigger(s) cut to their last token, "
                                f"{lost} event(s) or argument(s) without a span left out of DyGIE++")
    text = doc.article.text
    return {
        "doc_key": doc.article.id, "dataset": codebook.name if codebook else "newsmark",
        "sentences": [[text[s:e] for s, e in sent] for sent in sentences],
        "ner": ner, "relations": [[] for _ in sentences], "events": events,
        "_text": text, "_offsets": [[[s, e] for s, e in sent] for sent in sentences],
        "_article": article_record(doc.article),
    }


def export(docs: Iterator[Document], out: Path, options: ExportOptions, summary: ExportSummary) -> None:
    codebook = options.get_codebook()
    left: dict[str, int] = {}
    with atomic_output(out) as handle:
        for doc in docs:
            not_written(doc, left)
            handle.write(json.dumps(record_for(doc, codebook, summary), ensure_ascii=False) + "\n")
            summary.articles += 1
            summary.entities += len(doc.entities)
            summary.events += sum(1 for e in doc.events if e.trigger_start is not None)
    summary.files = 1
    line = not_written_line("DyGIE++", left)
    if line:
        summary.warnings.append(line)


def looks_like(first: dict) -> bool:
    return "doc_key" in first and isinstance(first.get("sentences"), list)


def _token_list(check: Checker, value) -> list[list[str]]:
    if not isinstance(value, list) or not all(isinstance(s, list) and all(isinstance(t, str) for t in s)
                                              for s in value):
        check.fail("'sentences' must be a list of lists of token strings")
    return value


def _index(check: Checker, value, n_tokens: int, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < n_tokens:
        check.fail(f"{what}: token index {value!r} is outside the document ({n_tokens} tokens)")
    return value


def read(path: Path) -> list[ImportDoc]:
    docs = []
    for number, record in json_lines(path):
        check = Checker(path, number)
        sentences = _token_list(check, record.get("sentences"))
        text, offsets = _text_and_offsets(check, record, sentences)
        article = imported_article(check, text, record.get("doc_key"), record.get("_article"))
        tmap = TokenMap(offsets)
        n = len(tmap.offsets)
        entities = []
        for group in record.get("ner", []):
            for item in group:
                if not isinstance(item, list) or len(item) != 3:
                    check.fail(f"ner entry {item!r} is not [start, end, label]")
                s, e = _index(check, item[0], n, "ner"), _index(check, item[1], n, "ner")
                ent = imported_entity(*tmap.chars(s, e), check.string(item[2], "ner label"))
                if ent is not None:
                    entities.append(ent)
        events = []
        for group in record.get("events", []):
            for entry in group:
                if not isinstance(entry, list) or not entry or not isinstance(entry[0], list) or len(entry[0]) != 2:
                    check.fail(f"event {entry!r} does not start with [trigger_token, type]")
                trig = _index(check, entry[0][0], n, "trigger")
                args = []
                for arg in entry[1:]:
                    if not isinstance(arg, list) or len(arg) != 3:
                        check.fail(f"event argument {arg!r} is not [start, end, role]")
                    s, e = _index(check, arg[0], n, "argument"), _index(check, arg[1], n, "argument")
                    args.append((check.string(arg[2], "role"), *tmap.chars(s, e)))
                events.append(imported_event(check.string(entry[0][1], "event type"), None,
                                             tmap.chars(trig, trig), args))
        clusters = [c for key in ("clusters", "event_clusters") for c in record.get(key) or []]
        not_kept = {"relations": sum(len(g) for g in record.get("relations", []) if isinstance(g, list)),
                    "coreference clusters": len(clusters)}
        docs.append(ImportDoc(article, entities, events, not_kept={k: n for k, n in not_kept.items() if n}))
    if not docs:
        raise ImportProblem(path, None, "holds no documents")
    return docs


def _text_and_offsets(check: Checker, record: dict, sentences: list[list[str]]):
    text, offsets = record.get("_text"), record.get("_offsets")
    if isinstance(text, str) and isinstance(offsets, list) and [len(s) for s in offsets] == [len(s) for s in sentences]:
        pairs = [[tuple(tok) for tok in sent] for sent in offsets]
        for sent, toks in zip(pairs, sentences):
            for (s, e), tok in zip(sent, toks):
                check.span(text, s, e, "token offset")
                if text[s:e] != tok:
                    check.fail(f"_offsets [{s}, {e}) hold {text[s:e]!r}, not the token {tok!r}")
        return text, pairs
    return text_from_tokens(sentences)

