"""What DyGIE++ and OneIE (the ACE-style JSON family) share: sentences of tokens with character
offsets, event type names, and rebuilding an article's text from a file that holds only tokens.

Export splits each article into sentences (the model's ``senter``, never inside an annotated span)
of non-space tokens cut at every span edge, so every offset is a token edge. Both exporters add
keys the research tools ignore, ``_text`` (the article), ``_offsets`` (each token's character
span), which let an import give back the same article and offsets, and ``_article`` (its title, address,
source, date and body start); without them the text is rebuilt
from the tokens (sentences on their own lines), or for OneIE's document-level files from the
``sentences`` offsets, which are the truth (their ``text`` field runs sentences together).
"""

from __future__ import annotations

import re

from ..importer import article_from_text
from ..model import Argument, Article, Entity, Event, article_id_for
from .brat_read import MENTION  # entity type of an argument span that is no entity
from .tokenize import aligned_doc, sentence_nlp

_SEPARATORS = re.compile(r"[.:]")


def document_sentences(document) -> list[list[tuple[int, int]]]:
    """The article's sentences as lists of (start, end) token offsets, no span cut across."""
    spans = [(e.start, e.end) for e in document.entities]
    for ev in document.events:
        if ev.trigger_start is not None:
            spans.append((ev.trigger_start, ev.trigger_end))
        spans += [(a.start, a.end) for a in ev.arguments if a.has_span]
    nlp = sentence_nlp()
    doc = aligned_doc(document.article.text, [b for s in spans for b in s], nlp)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    sentences: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for sent in doc.sents:
        current += [(t.idx, t.idx + len(t.text)) for t in sent if not t.is_space]
        cut = sent.end_char
        if current and not any(s < cut < e for s, e in spans):
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


class TokenMap:
    """Character offsets to document-level token indices and back."""

    def __init__(self, sentences: list[list[tuple[int, int]]]):
        self.offsets = [tok for sent in sentences for tok in sent]
        self.by_start = {s: i for i, (s, _) in enumerate(self.offsets)}
        self.by_end = {e: i for i, (_, e) in enumerate(self.offsets)}
        self.sentence_of: list[int] = [n for n, sent in enumerate(sentences) for _ in sent]
        self.first = [sum(len(s) for s in sentences[:n]) for n in range(len(sentences))]

    def tokens(self, start: int, end: int) -> tuple[int, int] | None:
        """(first, last) token, inclusive, of an exact character span."""
        first, last = self.by_start.get(start), self.by_end.get(end)
        return None if first is None or last is None or last < first else (first, last)

    def chars(self, first: int, last: int) -> tuple[int, int]:
        return self.offsets[first][0], self.offsets[last][1]


def not_written(doc, counts: dict[str, int]) -> None:
    """Add up what the research formats have no place for in one article (kept in the project)."""
    for key, n in (("event(s)' ACLED fields", sum(1 for e in doc.events if e.fields)),
                   ("event modalities", sum(1 for e in doc.events if e.modality)),
                   ("relations", len(doc.relations)),
                   ("attributes or notes", sum(1 for r in (*doc.entities, *doc.events) if r.attributes or r.notes))):
        counts[key] = counts.get(key, 0) + n


def not_written_line(fmt: str, counts: dict[str, int]) -> str | None:
    """One warning counting what an export left out (None when nothing)."""
    said = [f"{n} {what}" for what, n in counts.items() if n]
    return f"no place in {fmt} for {', '.join(said)} (the project keeps them; jsonl writes all)" if said else None


def type_name(event: Event, codebook) -> str:
    """The research name of an event's type: KAIROS ``Conflict.Attack.DetonateExplode``, ACE
    ``Conflict:Attack``, or for other codebooks the type and sub-type joined by a dot."""
    if not event.subtype:
        return event.type
    sep = ":" if codebook is not None and codebook.name == "ace2005" else "."
    return f"{event.type}{sep}{event.subtype}"


def split_type(name: str, codebook) -> tuple[str, str]:
    """(type, sub-type) of a research type name, by the codebook; unknown names stay whole."""
    types = codebook.event_types if codebook is not None else {}
    if name in types:
        return name, ""
    parts = _SEPARATORS.split(name)
    for cut in range(len(parts) - 1, 0, -1):
        head = ".".join(parts[:cut])
        if head in types:
            return head, ".".join(parts[cut:])
    return name, ""


def text_from_tokens(sentences: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Text rebuilt from tokens alone: tokens joined by spaces, one sentence per line."""
    pieces, offsets, pos = [], [], 0
    for sent in sentences:
        row = []
        for i, tok in enumerate(sent):
            if i:
                pieces.append(" ")
                pos += 1
            row.append((pos, pos + len(tok)))
            pieces.append(tok)
            pos += len(tok)
        pieces.append("\n")
        pos += 1
        offsets.append(row)
    return "".join(pieces), offsets


def place_sentences(placed: list[tuple[int, str]], length: int) -> str:
    """Text with each sentence at its character offset, blank lines between sentences that have room
    (as ``doc_text`` in the WikiEvents scorer)."""
    buf = [" "] * length
    for start, text in placed:
        if start >= 2 and buf[start - 1] == " " and buf[start - 2] == " ":
            buf[start - 2:start] = ["\n", "\n"]
        for i, ch in enumerate(text[: max(0, length - start)]):
            buf[start + i] = ch
    return "".join(buf)


ARTICLE_KEYS = ("title", "url", "source", "published", "license")  # what ``_article`` may hold, and body_start


def article_record(article: Article) -> dict:
    """``_article``: what the research formats have no place for and a newsmark import gives back."""
    return {**{k: getattr(article, k) for k in ARTICLE_KEYS if getattr(article, k)}, "body_start": article.body_start}


def imported_article(check, text: str, title, about=None) -> Article:
    """The article of an imported document: its text (never empty), id and the document's id as title,
    or the title, address, source, date and body start its ``_article`` (``about``) gives."""
    if not text.strip():
        check.fail("the document has no text")
    article = article_from_text(text, source=str(check.path), parse_header=False)
    article.id = article_id_for(text)
    article.title = str(title) if title is not None else article.title
    if about is None:
        return article
    if not isinstance(about, dict):
        check.fail(f"_article must be an object, got {about!r}")
    for key in ARTICLE_KEYS:
        if key in about:
            setattr(article, key, check.string(about[key], f"_article {key}", empty=True))
    if "body_start" in about:
        start = about["body_start"]
        if not isinstance(start, int) or isinstance(start, bool) or not 0 <= start <= len(text):
            check.fail(f"_article body_start must be an offset in the text (0 to {len(text)}), got {start!r}")
        article.body_start = start
    return article


def imported_entity(start: int, end: int, label: str) -> Entity | None:
    return None if label == MENTION else Entity(start, end, label)


def imported_event(name: str, codebook, trigger: tuple[int, int] | None,
                   arguments: list[tuple[str, int, int]]) -> Event:
    etype, subtype = split_type(name, codebook)
    ev = Event(etype, subtype, arguments=[Argument(role, s, e) for role, s, e in arguments])
    if trigger is not None:
        ev.trigger_start, ev.trigger_end = trigger
    return ev
