"""Token boundaries of an article, for snapping selections and moving the cursor by word.

Built from spaCy's tokenizer when it is loaded; until then (the model loads in a worker) a regular
expression gives nearly the same boundaries, so keys never wait for spaCy.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

_WORDS = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)


class TokenIndex:
    """Sorted token (start, end) offsets with look-ups that cost O(log n)."""

    def __init__(self, bounds: list[tuple[int, int]], text: str):
        self.text = text
        self.starts = [s for s, _ in bounds]
        self.ends = [e for _, e in bounds]

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

    def _is_punct(self, i: int) -> bool:
        piece = self.text[self.starts[i]: self.ends[i]]
        return not any(c.isalnum() for c in piece)

    def token_at(self, offset: int) -> tuple[int, int] | None:
        """The word token under ``offset`` (or None on a space or punctuation)."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and self.starts[i] <= offset < self.ends[i] and not self._is_punct(i):
            return self.starts[i], self.ends[i]
        return None

    def next_word(self, offset: int) -> int:
        """The start of the first word token after the one at ``offset``."""
        i = bisect_right(self.starts, offset)
        while i < len(self.starts) and self._is_punct(i):
            i += 1
        return self.starts[i] if i < len(self.starts) else offset

    def previous_word(self, offset: int) -> int:
        """The start of the word token before ``offset`` (or of the one it is inside)."""
        i = bisect_left(self.starts, offset) - 1
        while i >= 0 and self._is_punct(i):
            i -= 1
        return self.starts[i] if i >= 0 else offset
