"""CoNLL-2003-style IOB2 for the flat entity layer: ``token<TAB>tag``, a blank line between sentences.

Tags come from spaCy's ``offsets_to_biluo_tags`` (then ``biluo_to_iob``) on a Doc cut at every
entity edge, so no entity is ever tagged ``-``. Sentences come from the model's ``senter`` (loaded
once), and a line break always ends one; a break that would fall inside an entity is dropped.
Whitespace tokens (newlines, runs of spaces) are not written. Each article starts with
``-DOCSTART- -X- O O``, the exact line ``spacy convert -c ner`` splits documents on, as in CoNLL-2003.
Overlapping entities cannot be tagged in one layer: the longest is kept and a warning is given.
"""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path
from typing import Iterator

from .base import Document, ExportOptions, ExportSummary, atomic_output
from .tokenize import aligned_doc, sentence_nlp, token_offsets

DOCSTART = "-DOCSTART- -X- O O"


def _non_overlapping(entities) -> tuple[list[tuple[int, int, str]], int]:
    """The longest entities that do not overlap (ties: the first, then by label), and how many were
    left out. The kept ones are looked up by start (bisect), not compared with each in turn."""
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[tuple[int, int, str]] = []
    for ent in sorted(entities, key=lambda e: (-(e.end - e.start), e.start, e.label)):
        before = bisect_left(starts, ent.end) - 1  # the kept one starting last before this one ends
        if before < 0 or ends[before] <= ent.start:
            at = bisect_left(starts, ent.start)
            starts.insert(at, ent.start)
            ends.insert(at, ent.end)
            chosen.append((ent.start, ent.end, ent.label))
    return sorted(chosen), len(entities) - len(chosen)


def conll_for(doc: Document, summary: ExportSummary | None = None) -> str:
    from spacy.attrs import SENT_START
    from spacy.training import biluo_to_iob, offsets_to_biluo_tags

    nlp = sentence_nlp()
    spans, dropped = _non_overlapping(doc.entities)
    if dropped and summary is not None:
        summary.warnings.append(f"{doc.article.id}: {dropped} overlapping entities left out of CoNLL")
    text = doc.article.text
    sdoc = aligned_doc(text, [b for s, e, _ in spans for b in (s, e)], nlp)
    for _, proc in nlp.pipeline:
        sdoc = proc(sdoc)
    tags = biluo_to_iob(offsets_to_biluo_tags(sdoc, spans))
    starts, ends = (a.tolist() for a in token_offsets(sdoc))
    sent_starts = sdoc.to_array([SENT_START]).tolist()
    lines = [DOCSTART, ""]
    for i, tag in enumerate(tags):
        # A sentence starts here, or the token before (with its whitespace) holds a line break.
        begins = sent_starts[i] == 1 or (i > 0 and "\n" in text[starts[i - 1]:starts[i]])
        if begins and i > 0 and not tag.startswith("I-") and lines[-1] != "":
            lines.append("")
        word = text[starts[i]:ends[i]]
        if not word.isspace() and word.strip():
            lines.append(f"{word}\t{tag}")
    if lines[-1] != "":
        lines.append("")
    return "\n".join(lines) + "\n"


def export(docs: Iterator[Document], out: Path, options: ExportOptions, summary: ExportSummary) -> None:
    with atomic_output(out) as handle:
        for doc in docs:
            handle.write(conll_for(doc, summary))
            summary.articles += 1
            summary.entities += len(doc.entities)
    summary.files = 1


def parse(content: str) -> list[list[list[tuple[str, str]]]]:
    """Documents of sentences of (token, tag), for tests and for readers of our own output."""
    docs: list[list[list[tuple[str, str]]]] = []
    sent: list[tuple[str, str]] = []
    for line in content.split("\n"):
        if not line.strip():
            if sent:
                docs[-1].append(sent)
                sent = []
            continue
        token, _, tag = line.partition("\t")
        if token.split(" ")[0] == "-DOCSTART-":
            docs.append([])
            continue
        sent.append((token, tag))
    if sent:
        docs[-1].append(sent)
    return docs
