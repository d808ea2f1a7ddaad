"""The journal's framing and damage: no text or name breaks replay; damage costs nothing after it."""

from __future__ import annotations

import json

import pytest

from tui.core.model import Entity
from tui.core.session import change
from tui.core.store import Store

# Every character Python's str.splitlines() treats as a line break, and then some.
BREAKS = "\u2028\u2029\u0085\r\x0b\x0c\x1c\x1d\x1e\n"


def _kill(session) -> None:
    """As if the process died: the journal is left as it is, nothing is folded."""
    session._journal.close()


def _commit(session, ident: str, start: int, label: str = "ORG") -> None:
    session.commit(f"label {label}", [change("entities", None, Entity(start, start + 3, label, id=ident))])


def test_line_breaks_in_labels_names_and_text_never_break_replay(seed_db):
    problems = []
    with Store(seed_db, on_problem=problems.append) as store:
        article_id = store.article_ids()[0]
        session = store.open_session(article_id, f"ann{BREAKS}é")
        for n, char in enumerate(BREAKS):
            _commit(session, f"T{n}", 10 * n, f"ORG{char}X")
        session.commit("event", [change("entities", None, Entity(200, 203, "GPE", id="E",
                                                                 annotator=f"x{BREAKS}"))])
        _kill(session)
        raw = session._journal_path.read_bytes()
        assert raw.isascii() and raw.count(b"\n") == len(BREAKS) + 1  # one line per entry, nothing else
        again = store.open_session(article_id)
        for n, char in enumerate(BREAKS):
            assert again.entities[f"T{n}"].label == f"ORG{char}X"
        assert again.entities["E"].annotator == f"x{BREAKS}"
        assert again.history[0]["annotator"] == f"ann{BREAKS}é"
        again.close()
    assert problems == []


def test_a_journal_written_raw_by_an_older_newsmark_still_replays(seed_db):
    """Older journals hold U+2028 unescaped: replay must split on newlines only."""
    with Store(seed_db) as store:
        article_id = store.article_ids()[0]
        session = store.open_session(article_id)
        _kill(session)
        lines = [{"seq": n, "do": {"label": "l", "time": "", "annotator": "a\u2028b", "changes": [
            change("entities", None, Entity(10 * n, 10 * n + 2, "ORG\u2029", id=f"T{n}"))]}} for n in (1, 2, 3)]
        session._journal_path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                                         encoding="utf-8")
        again = store.open_session(article_id)
        assert {k: e.label for k, e in again.entities.items()} == {f"T{n}": "ORG\u2029" for n in (1, 2, 3)}
        again.close()


@pytest.mark.parametrize("garbage", [b"{not json", b"\xff\xfe\x80 bytes", b"[1, 2]", b'{"seq": "x"}', b"\x00" * 40])
def test_a_damaged_middle_line_is_reported_kept_aside_and_costs_nothing_after_it(seed_db, garbage):
    problems = []
    with Store(seed_db, on_problem=problems.append) as store:
        article_id = store.article_ids()[0]
        session = store.open_session(article_id)
        for n in range(4):
            _commit(session, f"T{n}", 10 * n)
        _kill(session)
        journal = session._journal_path
        lines = journal.read_bytes().split(b"\n")
        damaged = b"\n".join([lines[0], garbage, *lines[2:]])  # line 2 (T1) replaced by garbage
        journal.write_bytes(damaged)
        again = store.open_session(article_id)
        assert set(again.entities) == {"T0", "T2", "T3"}
        assert len(problems) == 2 and f"{journal}: 1 damaged line(s) skipped (line 2)" in problems[0]
        kept = journal.with_name(journal.name + ".damaged")
        assert f"kept in {kept}" in problems[1]
        assert kept.read_bytes() == damaged
        again.close()  # folding the journal ...
        assert journal.read_bytes() == b""
        assert kept.read_bytes() == damaged  # ... never loses what was set aside
        third = store.open_session(article_id)
        assert set(third.entities) == {"T0", "T2", "T3"}
        third.close()
    assert len(problems) == 2  # reported once, when found


def test_undo_after_a_damaged_line_does_not_crash_replay(seed_db):
    problems = []
    with Store(seed_db, on_problem=problems.append) as store:
        article_id = store.article_ids()[0]
        session = store.open_session(article_id)
        _commit(session, "T0", 0)
        session.undo()
        session.undo()  # nothing to undo: not journaled
        _commit(session, "T1", 10)
        _kill(session)
        journal = session._journal_path
        lines = journal.read_bytes().split(b"\n")
        journal.write_bytes(b"\n".join([b"garbage", *lines[1:]]))  # the "do" of T0 is gone
        again = store.open_session(article_id)
        assert set(again.entities) == {"T1"}
        again.close()
    assert "1 damaged line(s) skipped (line 1)" in problems[0]


def test_a_torn_last_line_is_dropped_and_reported_and_the_next_edit_is_whole(seed_db):
    problems = []
    with Store(seed_db, on_problem=problems.append) as store:
        article_id = store.article_ids()[0]
        session = store.open_session(article_id, "Zoë")
        _commit(session, "T0", 0)
        _commit(session, "T1", 10)
        _kill(session)
        journal = session._journal_path
        whole = journal.read_bytes()
        journal.write_bytes(whole[:-7])  # the crash cut the second line
        again = store.open_session(article_id)
        assert set(again.entities) == {"T0"}
        assert problems == [f"{journal}: line 2 was cut short (a crash or a full disk during a write that "
                            f"was never confirmed); dropped"]
        _commit(again, "T2", 20)  # appended after the cut, not glued to the torn line
        _kill(again)
        third = store.open_session(article_id)
        assert set(third.entities) == {"T0", "T2"}
        third.close()
    assert len(problems) == 1
    assert not journal.with_name(journal.name + ".damaged").exists()


def test_a_journal_of_random_bytes_is_read_by_stats_without_a_change_then_kept_aside(seed_db, capsys):
    import random

    from tui.cli import main

    with Store(seed_db) as store:
        article_id = store.article_ids()[0]
        session = store.open_session(article_id)
        _commit(session, "T0", 0)
        session.close()
        journal = session._journal_path
    garbage = random.Random(7).randbytes(2000)
    journal.write_bytes(garbage)
    assert main(["stats", "--db", str(seed_db)]) == 0
    err = capsys.readouterr().err
    assert f"newsmark: warning: {journal}: " in err and "Traceback" not in err
    assert journal.read_bytes() == garbage and not journal.with_name(journal.name + ".damaged").exists()
    with Store(seed_db) as store:  # the first writer keeps it aside before folding it away
        session = store.open_session(article_id)
        assert set(session.entities) == {"T0"}
        session.close()
    assert journal.with_name(journal.name + ".damaged").read_bytes() == garbage


def test_any_text_in_a_label_or_name_survives_a_kill(seed_db):
    """Hypothesis: every string (any code point, and the lone low surrogates that undecodable bytes
    become) round-trips through the journal and through the article file at the checkpoint. High
    surrogates are left out: no terminal or file gives one, and a high then a low surrogate is, in
    JSON, the very escape of the character beyond U+FFFF that they stand for."""
    import os

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    lone_surrogate = st.integers(0xDC80, 0xDCFF).map(chr)  # a name from undecodable bytes (surrogateescape)
    text = st.lists(st.characters(blacklist_categories=("Cs",)) | lone_surrogate, max_size=40).map("".join)
    examples = 1000 if os.environ.get("NEWSMARK_SOAK") else 100

    with Store(seed_db) as store:
        article_id = store.article_ids()[0]

        @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(label=text, annotator=text)
        def round_trip(label, annotator):
            session = store.open_session(article_id, annotator)
            _commit(session, "P", 0, label)
            _kill(session)
            again = store.open_session(article_id)
            assert again.entities["P"].label == label and again.history[-1]["annotator"] == annotator
            again.close()  # folded into the article file
            third = store.open_session(article_id)
            assert third.entities["P"].label == label
            third.undo()
            third.close()

        round_trip()


def test_a_damaged_journal_that_cannot_be_kept_aside_is_not_folded_away(seed_db, monkeypatch):
    import errno
    import shutil

    with Store(seed_db, on_problem=lambda line: None) as store:
        article_id = store.article_ids()[0]
        session = store.open_session(article_id)
        _commit(session, "T0", 0)
        _commit(session, "T1", 10)
        _kill(session)
        journal = session._journal_path
        lines = journal.read_bytes().split(b"\n")
        damaged = b"\n".join([b"garbage", *lines[1:]])
        journal.write_bytes(damaged)

        def full(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(shutil, "copyfile", full)
        again = store.open_session(article_id)
        _commit(again, "T2", 20)
        again.close()  # folded into the article file, but the journal is not emptied
        assert journal.read_bytes().startswith(damaged)
        monkeypatch.undo()
        third = store.open_session(article_id)
        assert set(third.entities) == {"T1", "T2"}
        assert journal.with_name(journal.name + ".damaged").read_bytes().startswith(damaged)
        third.close()
        assert journal.read_bytes() == b""  # kept aside now, so folded
