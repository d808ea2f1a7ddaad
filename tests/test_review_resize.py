"""The review screen lays its coder columns out again when the terminal changes size."""

from __future__ import annotations

import re

from tui.app.review import ReviewApp
from tui.core.adjudicate import Review
from tui.core.codebook import load_codebook
from tui.core.store import Store
from tui.core.team import Team

from .apphelpers import whole_screen
from .teamhelpers import TEXT, article, coder_db, ent

LONG = TEXT + " " + " ".join(f"w{n:04d}" for n in range(1, 1500))


def last_word_shown(app) -> int:
    return max(int(n) for n in re.findall(r"w(\d{4})", whole_screen(app)))


async def test_after_a_resize_the_columns_show_as_much_as_a_start_at_that_size(tmp_path):
    art = article(LONG)
    alice = coder_db(tmp_path / "alice.json", "alice", [(art, [ent("Kaduna", "GPE", LONG)], [])])
    bob = coder_db(tmp_path / "bob.json", "bob", [(art, [ent("Kaduna", "LOC", LONG)], [])])
    shown = {}
    for name, sizes in (("started big", [(200, 60)]), ("resized", [(80, 24), (200, 60)])):
        with Team([alice, bob]) as team, Store(tmp_path / f"gold-{len(sizes)}.json") as gold:
            app = ReviewApp(Review(team, gold), load_codebook())
            async with app.run_test(size=sizes[0]) as pilot:
                await pilot.pause()
                small = last_word_shown(app)
                for size in sizes[1:]:
                    await pilot.resize_terminal(*size)
                    await pilot.pause()
                shown[name] = last_word_shown(app)
    assert shown["resized"] > small
    assert shown["resized"] == shown["started big"]
