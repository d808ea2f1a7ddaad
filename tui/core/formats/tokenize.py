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
    if not cuts or not _inside_a_token(doc, cuts):  # the usual case, found without a loop over tokens
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


def _inside_a_token(doc, cuts: list[int]) -> bool:
    """Whether any offset of ``cuts`` falls strictly inside a token of ``doc``."""
    import numpy

    if not len(doc):
        return False
    starts, ends = token_offsets(doc)
    at = numpy.asarray(cuts)
    token = numpy.maximum(numpy.searchsorted(starts, at, side="right") - 1, 0)  # the last token from <= cut
    return bool(((starts[token] < at) & (at < ends[token])).any())


def token_offsets(doc):
    """The character offsets where each token starts and ends (numpy arrays), read in one call."""
    from spacy.attrs import IDX, LENGTH

    table = doc.to_array([IDX, LENGTH]).astype("int64").reshape((len(doc), 2))
    return table[:, 0], table[:, 0] + table[:, 1]


class TokenRanges:
    """Inclusive (first, last) token indices of exact character spans, as ``Doc.char_span`` in its
    strict mode finds them, from two dictionaries instead of a Span per lookup."""

    def __init__(self, doc):
        starts, ends = token_offsets(doc)
        self.by_start = {start: i for i, start in enumerate(starts.tolist())}
        self.by_end = {end: i for i, end in enumerate(ends.tolist())}

    def range(self, start: int, end: int) -> tuple[int, int] | None:
        first, last = self.by_start.get(start), self.by_end.get(end)
        if first is None or last is None or last < first:
            return None
        return first, last

