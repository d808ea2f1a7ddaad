"""Token boundaries of an article, for snapping selections and moving the cursor by word.

Built from spaCy's tokenizer when it is loaded; until then (the model loads in a worker) a regular
expression gives nearly the same boundaries, so keys never wait for spaCy.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any, Iterator

_WORDS = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
HYPHENS = ("-", "\u2010", "\u2011")  # hyphen-minus, hyphen, non-breaking hyphen
# A sentence ends at ".", "!" or "?" (closing quotes or brackets may follow) before a space and a
# capital, a digit or an opening quote, or right before a capital or an opening quote where the
# source lost the space ("official.After"); or at a blank line (a headline, a paragraph).
_SENTENCE_END = re.compile(r"(\w+)?([.!?]+[\"'”’)\]]*)(?:\s+(?=[\"'“‘(\[]?[A-Z0-9])|(?=[\"“A-Z]))|\n[ \t]*\n")
# Words whose full stop does not end a sentence ("Mr. Smith", "Gen. Votel", "St. Louis").
ABBREVIATIONS = frozenset("""mr mrs ms dr st gen col lt sgt capt maj cpl adm gov sen rep prof jr sr no nos mt ft
                             inc ltd co corp vs etc jan feb mar apr aug sept sep oct nov dec rev hon pres""".split())


def sentence_ends(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Each sentence end in ``text[start:end]`` (the look-ahead may read past ``end``), as (where the
    sentence stops, after its stop and closing quotes; where the next begins). A single letter's stop
    is an initial ("U.S. Army", "J. Smith"), and a title's ("Gen. Votel", "St. Louis") no end either."""
    end = len(text) if end is None else min(len(text), end)
    for match in _SENTENCE_END.finditer(text, start, min(len(text), end + 2)):
        word, stop = match.group(1), match.group(2)
        if match.start() >= end:
            break
        if word and stop.startswith(".") and (len(word) == 1 or word.lower() in ABBREVIATIONS):
            continue
        yield (match.end(2) if stop else match.start()), match.end()


def sentence_end_between(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends between ``start`` and ``end`` (a word that starts at ``end`` begins
    another sentence)."""
    return any(after <= end for _, after in sentence_ends(text, start, end))


class TokenIndex:
    """Sorted token (start, end) offsets with look-ups that cost O(log n).

    Tokens are what selections snap to (the exports' tokens); words, for moving by word and for the
    word under the cursor, join tokens that a hyphen binds with no space ("counter-protesters",
    "ten-storey"), which spaCy's tokenizer splits in three."""

    def __init__(self, bounds: list[tuple[int, int]], text: str):
        self.text = text
        self.starts = [s for s, _ in bounds]
        self.ends = [e for _, e in bounds]
        self.word_starts, self.word_ends = self._words(bounds)

    def _words(self, bounds: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
        starts, ends = [], []
        i = 0
        while i < len(bounds):
            start, end = bounds[i]
            while (i + 2 < len(bounds) and bounds[i + 1][0] == end and self.text[end:bounds[i + 1][1]] in HYPHENS
                   and bounds[i + 2][0] == bounds[i + 1][1] and not self._is_punct(i + 2) and not self._is_punct(i)):
                i += 2
                end = bounds[i][1]
            starts.append(start)
            ends.append(end)
            i += 1
        return starts, ends

    @classmethod
    def from_regex(cls, text: str) -> "TokenIndex":
        return cls([m.span() for m in _WORDS.finditer(text)], text)

    @classmethod
    def from_tokenizer(cls, tokenizer: Any, text: str) -> "TokenIndex":
        """Use a spaCy tokenizer (``nlp.tokenizer``): the same tokens the exports will use."""
        doc = tokenizer(text)
        return cls([(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space], text)

    def snap(self, start: int, end: int) -> tuple[int, int] | None:
        """Grow [start, end) to whole tokens, then drop surrounding spaces and punctuation."""
        if end <= start:
            end = start + 1
        first = bisect_right(self.ends, start)  # first token ending after start
        last = bisect_left(self.starts, end) - 1  # last token starting before end
        while first <= last and self._is_punct(first):
            first += 1
        while last >= first and self._is_punct(last):
            last -= 1
        if first > last:
            return None
        return self.starts[first], self.ends[last]

    def _is_punct(self, i: int, starts: list[int] | None = None, ends: list[int] | None = None) -> bool:
        piece = self.text[(starts or self.starts)[i]: (ends or self.ends)[i]]
        return not any(c.isalnum() for c in piece)

    def _word_is_punct(self, i: int) -> bool:
        return self._is_punct(i, self.word_starts, self.word_ends)

    def token_at(self, offset: int) -> tuple[int, int] | None:
        """The word under ``offset``, hyphenated words whole (or None on a space or punctuation)."""
        starts, ends = self.word_starts, self.word_ends
        i = bisect_right(starts, offset) - 1
        if i >= 0 and starts[i] <= offset < ends[i] and not self._word_is_punct(i):
            return starts[i], ends[i]
        return None

    def next_word(self, offset: int) -> int:
        """The start of the first word after the one at ``offset``."""
        starts = self.word_starts
        i = bisect_right(starts, offset)
        while i < len(starts) and self._word_is_punct(i):
            i += 1
        return starts[i] if i < len(starts) else offset

    def previous_word(self, offset: int) -> int:
        """The start of the word before ``offset`` (or of the one it is inside)."""
        starts = self.word_starts
        i = bisect_left(starts, offset) - 1
        while i >= 0 and self._word_is_punct(i):
            i -= 1
        return starts[i] if i >= 0 else offset
