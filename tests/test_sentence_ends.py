"""One notion of where a sentence ends, for the event's note (the trigger's sentence) and for the
selection that stops at a sentence's end: after ".", "!" or "?" (and closing quotes) before a capital,
never after an initial or a title such as "Gen.", and also where a source lost the space ("said.After")."""

from __future__ import annotations

from tui.core.acled_fields import trigger_sentence
from tui.core.tokens import sentence_end_between

TEXT = ("Fighting resumed on Monday. Gen. Votel said the U.S. strike killed 10 fighters near the town.After "
        "months of calm, \"the front moved.\" Residents fled.\n\nA second paragraph.")


def test_the_note_is_the_whole_sentence_across_a_title_and_an_initial():
    strike = TEXT.index("strike")
    assert trigger_sentence(TEXT, strike, strike + 6) == (
        "Gen. Votel said the U.S. strike killed 10 fighters near the town.")
    moved = TEXT.index("moved")
    assert trigger_sentence(TEXT, moved, moved + 5) == 'After months of calm, "the front moved."'


def test_the_selection_stops_where_the_note_does():
    assert not sentence_end_between(TEXT, TEXT.index("Gen."), TEXT.index("strike"))
    assert sentence_end_between(TEXT, TEXT.index("town"), TEXT.index("After") + 2)  # no space lost it
    assert sentence_end_between(TEXT, TEXT.index("Monday"), TEXT.index("Gen."))
    assert sentence_end_between(TEXT, TEXT.index("fled"), TEXT.index("A second"))
