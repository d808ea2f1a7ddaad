"""spaCy Docs whose tokens line up with every annotated span, so no offset is ever moved.

spaCy's tokenizer can put a span edge inside a token (e.g. a coder labels "Assad" in "pro-Assad" on
a tokenizer that keeps it whole). Instead of snapping the span (which changes the offsets), the token
is split at the edge: the Doc's text stays byte-for-byte the article and ``Doc.char_span`` finds
every span exactly. The blank English tokenizer is used (fast, no model); sentence splitting for
CoNLL loads the model's small ``senter`` alone, once, or falls back to the rule-based sentencizer.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from ..nlp import MODEL_PACKAGE


@lru_cache(maxsize=1)
def blank_nlp():
    import spacy

    return spacy.blank("en")


@lru_cache(maxsize=1)
def sentence_nlp():
    """The pinned model with only its sentence recogniser, or a blank pipeline with a sentencizer."""
    import spacy

    try:
        nlp = spacy.load(MODEL_PACKAGE, exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                                  "lemmatizer", "ner"], disable=[])
        nlp.enable_pipe("senter")
    except (OSError, ImportError, ValueError):
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    return nlp


def document_doc(document, nlp: Any = None):
    """The spaCy Doc of an exported article, split so every entity, trigger and argument edge is a
    token edge."""
    bounds = [b for e in document.entities for b in (e.start, e.end)]
    for ev in document.events:
        if ev.trigger_start is not None:
            bounds += [ev.trigger_start, ev.trigger_end]
        bounds += [b for a in ev.arguments if a.has_span for b in (a.start, a.end)]
    return aligned_doc(document.article.text, bounds, nlp)


def aligned_doc(text: str, bounds: Iterable[int], nlp: Any = None):
    """A Doc of ``text`` whose tokens are cut at every offset in ``bounds`` that falls inside one."""
    from spacy.tokens import Doc

    nlp = nlp or blank_nlp()
    doc = nlp.make_doc(text)
    cuts = sorted({b for b in bounds if 0 < b < len(text)})
    if not cuts:
        return doc
    words: list[str] = []
    spaces: list[bool] = []
    i = 0
    for tok in doc:
        start, end = tok.idx, tok.idx + len(tok.text)
        while i < len(cuts) and cuts[i] <= start:
            i += 1
        pos = start
        while i < len(cuts) and cuts[i] < end:
            words.append(text[pos:cuts[i]])
            spaces.append(False)
            pos = cuts[i]
            i += 1
        words.append(text[pos:end])
        spaces.append(bool(tok.whitespace_))
    if len(words) == len(doc):
        return doc
    out = Doc(nlp.vocab, words=words, spaces=spaces)
    assert out.text == text, "token split changed the text"
    return out


def token_range(doc, start: int, end: int) -> tuple[int, int] | None:
    """Inclusive (first, last) token indices of an exact character span, or None if it is not one."""
    span = doc.char_span(start, end)
    if span is None:
        return None
    return span.start, span.end - 1
