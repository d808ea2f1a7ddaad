"""The index journal: index changes (status, counts, cursor, settings) are one fsynced line each,
replayed after a kill -9, robust to damage, and folded into the index at checkpoints."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from tui.core import index_journal
from tui.core.store import Store

from .conftest import ROOT


def _statuses(db) -> dict[str, str]:
    with Store(db, read_only=True) as store:
        return {row["id"]: row["status"] for row in store.rows()}


def test_index_changes_survive_kill_9_before_any_fold(samples_db):
    """A real process sets statuses, a cursor and a setting, then is killed with SIGKILL: the index
    file was never rewritten, and every change is there when the project opens again."""
    before = samples_db.read_bytes()
    code = textwrap.dedent(f"""
        import os, signal
        from tui.core.store import Store
        store = Store({str(samples_db)!r})
        ids = store.article_ids()
        store.set_status(ids[0], "done")
        store.set_status(ids[1], "in progress")
        session = store.open_session(ids[1])
        session.close()
        store.sync(session, cursor=321)
        store.set_meta("note", "kept")
        print("acknowledged", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == -9 and done.stdout == "acknowledged\n", done.stderr
    assert samples_db.read_bytes() == before  # only the journal was written
    assert len(samples_db.with_name("project.json.log").read_bytes().splitlines()) == 4
    problems = []
    with Store(samples_db, read_only=True, on_problem=problems.append) as reader:  # stats, export
        ids = reader.article_ids()
        assert reader.row(ids[0])["status"] == "done"
    assert samples_db.read_bytes() == before  # a read-only reader replays in memory only
    with Store(samples_db, on_problem=problems.append) as store:
        assert store.row(ids[0])["status"] == "done" and store.row(ids[1])["status"] == "in progress"
        assert store.last_opened() == (ids[1], 321)
        assert store.meta("note") == "kept"
    assert problems == []
    index = json.loads(samples_db.read_text())  # folded when the store opened and closed again
    assert index["articles"]["1"]["status"] == "done" and index["_meta"]["1"]["last_article"] == ids[1]
    assert not samples_db.with_name("project.json.log").exists()


def test_a_damaged_line_in_the_index_journal_is_kept_aside_and_costs_nothing_after_it(samples_db):
    with Store(samples_db) as store:
        ids = store.article_ids()
        store.set_status(ids[0], "done")
        store.set_status(ids[1], "done")
        store.set_status(ids[2], "done")
        journal = store.index_journal
        lines = journal.read_bytes().splitlines(keepends=True)
        store._tables._writer.close()  # as if the process died here: nothing folded
        store._tables.stale = False
        store._lock.release()
    journal.write_bytes(lines[0] + b"\x00garbage{\xff\n" + lines[2] + b'{"seq": 9, "ops": "no"}\n'
                        + b'{"seq": 10, "ops": [["articles", 1, {"sta')  # a last line cut short
    problems = []
    with Store(samples_db, on_problem=problems.append) as store:
        assert [store.row(i)["status"] for i in ids[:4]] == ["done", "todo", "done", "todo"]
    kept = journal.with_name("project.json.log.damaged")
    assert kept.read_bytes().startswith(lines[0] + b"\x00garbage")
    assert any("1 damaged line(s) skipped (line 2)" in p for p in problems)
    assert any("entry 9 could not be replayed" in p for p in problems)
    assert any("line 5 was cut short" in p for p in problems)
    assert any(f"kept in {kept}" in p for p in problems)
    assert _statuses(samples_db)[ids[2]] == "done"  # folded into the index
    assert not journal.exists()


def test_the_journal_is_folded_at_close_and_when_it_grows_past_its_bound(samples_db, monkeypatch):
    monkeypatch.setattr(index_journal, "FOLD_BYTES", 2000)
    with Store(samples_db) as store:
        ids = store.article_ids()
        folds = []
        real_fold = store._tables.fold
        monkeypatch.setattr(store._tables, "fold", lambda: (folds.append(1), real_fold()))
        wanted = {}
        for n in range(60):
            wanted[ids[n % len(ids)]] = ("done", "in progress")[n % 2]
            store.set_status(ids[n % len(ids)], wanted[ids[n % len(ids)]])
            assert store.index_journal.stat().st_size <= 2000
        assert folds  # the bound was reached: the index took the journal, which was emptied
        assert json.loads(samples_db.read_text())["_meta"]["1"]["journal_seq"] > 0
        store.set_status(ids[0], "todo")
        wanted[ids[0]] = "todo"
    index = json.loads(samples_db.read_text())  # close: everything folded, the journal removed
    assert {row["id"]: row["status"] for row in index["articles"].values()} == wanted
    assert not samples_db.with_name("project.json.log").exists()
    assert _statuses(samples_db) == wanted


def test_a_batch_is_one_journal_line_and_an_error_inside_it_changes_nothing(samples_db):
    with Store(samples_db) as store:
        ids = store.article_ids()
        with store.batch():
            for article_id in ids:
                store.set_status(article_id, "done")
        assert store.index_journal.read_bytes().count(b"\n") == 1
        try:
            with store.batch():
                store.set_status(ids[0], "todo")
                store.set_row_values(ids[1], {"uncertainty": 0.5})
                raise KeyboardInterrupt
        except KeyboardInterrupt:
            pass
        assert store.row(ids[0])["status"] == "done" and "uncertainty" not in store.row(ids[1])
        assert store.index_journal.read_bytes().count(b"\n") == 1
    assert set(_statuses(samples_db).values()) == {"done"}


def test_a_reader_sees_the_editors_index_changes_without_writing(samples_db):
    with Store(samples_db) as editor:
        ids = editor.article_ids()
        editor.set_status(ids[3], "done")
        before = sorted(p.name for p in samples_db.parent.iterdir())
        assert _statuses(samples_db)[ids[3]] == "done"
        assert sorted(p.name for p in samples_db.parent.iterdir()) == before


def test_entries_a_fold_already_took_are_never_replayed_over_newer_ones(samples_db):
    """A reader that read the journal just before the editor folded it, then the folded index, must
    not take older entries over newer ones: each entry's number says whether the index holds it."""
    with Store(samples_db) as store:
        article_id = store.article_ids()[0]
        store.set_status(article_id, "done")
        old_journal = store.index_journal.read_bytes()  # what the racing reader read
        store.set_status(article_id, "skipped")
        store.checkpoint()
        assert store.index_journal.read_bytes() == b""
        store.index_journal.write_bytes(old_journal)  # as the reader saw it
        with Store(samples_db, read_only=True) as reader:
            assert reader.row(article_id)["status"] == "skipped"
        store.index_journal.write_bytes(b"")
    assert _statuses(samples_db)[article_id] == "skipped"
