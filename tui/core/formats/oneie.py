"""OneIE JSONL: one sentence per line, token offsets sentence-level and end-exclusive, event arguments
pointing at entity mentions by ``entity_id``.

Export writes ``doc_id``, ``sent_id``, ``tokens``, ``sentence``, ``entity_mentions``,
``relation_mentions`` and ``event_mentions``; an argument span that is no entity gets an entity
mention typed ``Mention`` (as in brat). Import also reads the document-level variant (WikiEvents:
doc-level ``tokens``, ``sentences`` of ``[token, start, end]`` with character offsets, mentions with
doc-level token offsets); there the ``sentences`` offsets are the truth, not the ``text`` field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from .ace_json import (MENTION, TokenMap, article_record, document_sentences, imported_article, imported_entity,
                       imported_event, not_written, not_written_line, place_sentences, text_from_tokens,
                       type_name)
from .base import Document, ExportOptions, ExportSummary, atomic_output
from .ingest import Checker, ImportDoc, ImportProblem, json_lines


def lines_for(doc: Document, codebook, summary: ExportSummary | None = None) -> list[dict]:
    text = doc.article.text
    sentences = document_sentences(doc)
    tmap = TokenMap(sentences)
    rows = [{"doc_id": doc.article.id, "sent_id": f"{doc.article.id}-{n}",
             "tokens": [text[s:e] for s, e in sent], "sentence": text[sent[0][0]:sent[-1][1]],
             "entity_mentions": [], "relation_mentions": [], "event_mentions": [],
             "_offsets": [[s, e] for s, e in sent]} for n, sent in enumerate(sentences)]
    if rows:
        rows[0]["_text"] = text
        rows[0]["_article"] = article_record(doc.article)
    mention_ids: dict[tuple[int, int], str] = {}

    def mention(start: int, end: int, label: str) -> str | None:
        if (start, end) in mention_ids:
            return mention_ids[(start, end)]
        toks = tmap.tokens(start, end)
        if toks is None:
            return None
        n = tmap.sentence_of[toks[0]]
        ident = f"{doc.article.id}-{n}-T{len(mention_ids) + 1}"
        mention_ids[(start, end)] = ident
        rows[n]["entity_mentions"].append({
            "id": ident, "text": text[start:end], "entity_type": label, "mention_type": "UNK",
            "start": toks[0] - tmap.first[n], "end": toks[1] + 1 - tmap.first[n]})
        return ident

    for ent in doc.entities:
        mention(ent.start, ent.end, ent.label)
    lost = 0
    for k, ev in enumerate(doc.events):
        trig = tmap.tokens(ev.trigger_start, ev.trigger_end) if ev.trigger_start is not None else None
        if trig is None:
            lost += 1
            continue
        n = tmap.sentence_of[trig[0]]
        args = []
        for arg in ev.arguments:
            ident = mention(arg.start, arg.end, MENTION) if arg.has_span else None
            if ident is None:
                lost += 1
            else:
                args.append({"entity_id": ident, "text": text[arg.start:arg.end], "role": arg.role})
        rows[n]["event_mentions"].append({
            "id": f"{doc.article.id}-{n}-E{k + 1}", "event_type": type_name(ev, codebook),
            "trigger": {"text": text[ev.trigger_start:ev.trigger_end], "start": trig[0] - tmap.first[n],
                        "end": trig[1] + 1 - tmap.first[n]}, "arguments": args})
    if lost and summary is not None:
        summary.warnings.append(f"{doc.article.id}: {lost} event(s) or argument(s) without a span left out of OneIE")
    return rows


def export(docs: Iterator[Document], out: Path, options: ExportOptions, summary: ExportSummary) -> None:
    codebook = options.get_codebook()
    left: dict[str, int] = {}
    with atomic_output(out) as handle:
        for doc in docs:
            not_written(doc, left)
            for row in lines_for(doc, codebook, summary):
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            summary.articles += 1
            summary.entities += len(doc.entities)
            summary.events += sum(1 for e in doc.events if e.trigger_start is not None)
    summary.files = 1
    line = not_written_line("OneIE", left)
    if line:
        summary.warnings.append(line)


def looks_like(first: dict) -> bool:
    return "event_mentions" in first and "tokens" in first


def _is_doc_level(record: dict) -> bool:
    sents = record.get("sentences")
    return isinstance(sents, list) and bool(sents) and isinstance(sents[0], list) and len(sents[0]) == 2


def read(path: Path) -> list[ImportDoc]:
    """Sentence-level lines grouped by ``doc_id`` (in file order), or document-level records."""
    groups: dict[str, list[tuple[int, dict]]] = {}
    docs = []
    for number, record in json_lines(path):
        if _is_doc_level(record):
            docs.append(_document(path, [(number, record)], doc_level=True))
        else:
            groups.setdefault(str(record.get("doc_id", number)), []).append((number, record))
    docs += [_document(path, lines, doc_level=False) for lines in groups.values()]
    if not docs:
        raise ImportProblem(path, None, "holds no sentences")
    return docs


def _offsets_doc_level(check: Checker, record: dict):
    placed, offsets, length = [], [], 0
    for sent in record["sentences"]:
        toks, stext = sent
        if not isinstance(toks, list) or not toks or not isinstance(stext, str):
            check.fail("each of 'sentences' must be [[[token, start, end], ...], text]")
        row = []
        for tok in toks:
            if not (isinstance(tok, list) and len(tok) == 3 and isinstance(tok[1], int) and isinstance(tok[2], int)
                    and 0 <= tok[1] <= tok[2]):
                check.fail(f"sentence token {tok!r} is not [token, start, end]")
            row.append((tok[1], tok[2]))
            length = max(length, tok[2])
        placed.append((toks[0][1], stext))
        offsets.append(row)
    return place_sentences(placed, length), offsets


def _offsets_sentences(check: Checker, lines: list[tuple[int, dict]]):
    first = lines[0][1]
    if isinstance(first.get("_text"), str) and all(isinstance(r.get("_offsets"), list) for _, r in lines):
        offsets = [[tuple(t) for t in r["_offsets"]] for _, r in lines]
        text = first["_text"]
        for (number, _), row in zip(lines, offsets):
            for start, end in row:
                Checker(check.path, number).span(text, start, end, "_offsets")
        return text, offsets
    sentences = []
    for number, r in lines:
        toks = r.get("tokens")
        if not isinstance(toks, list) or not all(isinstance(t, str) for t in toks):
            Checker(check.path, number).fail("'tokens' must be a list of strings")
        sentences.append(toks)
    return text_from_tokens(sentences)


def _document(path: Path, lines: list[tuple[int, dict]], doc_level: bool) -> ImportDoc:
    check = Checker(path, lines[0][0])
    text, offsets = (_offsets_doc_level(check, lines[0][1]) if doc_level else _offsets_sentences(check, lines))
    article = imported_article(check, text, lines[0][1].get("doc_id"), lines[0][1].get("_article"))
    tmap = TokenMap(offsets)
    n_tokens = len(tmap.offsets)
    entities, events, spans = [], [], {}
    for kind in ("entities", "events"):  # every mention first: an argument may be in another sentence
        for k, (number, record) in enumerate(lines):
            check = Checker(path, number)
            base = 0 if doc_level else tmap.first[k]
            limit = n_tokens if doc_level else len(offsets[k])

            def chars(item: dict, what: str) -> tuple[int, int]:
                s, e = item.get("start"), item.get("end")
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= limit):
                    check.fail(f"{what}: token span [{s!r}, {e!r}) is outside its "
                               f"{'document' if doc_level else 'sentence'}")
                return tmap.chars(base + s, base + e - 1)

            if kind == "entities":
                for m in record.get("entity_mentions", []):
                    start, end = chars(m, f"entity mention {m.get('id')}")
                    spans[m.get("id")] = (start, end)
                    ent = imported_entity(start, end, check.string(m.get("entity_type"), "entity_type"))
                    if ent is not None:
                        entities.append(ent)
                continue
            for ev in record.get("event_mentions", []):
                trigger = chars(ev.get("trigger") or {}, f"trigger of {ev.get('id')}")
                args = []
                for arg in ev.get("arguments", []):
                    role = check.string(arg.get("role"), "argument role")
                    if "entity_id" in arg:
                        if arg["entity_id"] not in spans:
                            check.fail(f"argument {role} points at unknown entity {arg['entity_id']!r}")
                        args.append((role, *spans[arg["entity_id"]]))
                    else:
                        args.append((role, *chars(arg, f"argument {role}")))
                events.append(imported_event(check.string(ev.get("event_type"), "event_type"), None, trigger, args))
    relations = sum(len(r.get("relation_mentions") or []) for _, r in lines)
    return ImportDoc(article, entities, events, not_kept={"relations": relations} if relations else {})
