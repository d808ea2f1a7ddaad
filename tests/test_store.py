"""The store: crash-safe writes, the journal, the lock, the schema version."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from tui.core.model import Entity
from tui.core.session import change
from tui.core.storage import SaveError, StoreError, StoreLocked
from tui.core.store import SCHEMA_VERSION, Store

from .conftest import ROOT, SEED


def test_an_index_change_the_disk_refuses_is_not_kept_in_memory(seed_db, monkeypatch):
    before = seed_db.read_text()

    def crash(*args):
        raise OSError("power cut")

    with Store(seed_db) as store:
        article_id = store.article_ids()[0]
        monkeypatch.setattr(os, "fsync", crash)
        with pytest.raises(SaveError, match="cannot save"):
            store.set_status(article_id, "done")
        monkeypatch.undo()
        assert store.row(article_id)["status"] == "todo"  # the cache did not run ahead of the disk
    assert seed_db.read_text() == before
    with Store(seed_db) as store:
        assert store.row(article_id)["status"] == "todo"


def test_a_fold_interrupted_before_rename_leaves_the_old_index_and_the_journal(seed_db, monkeypatch):
    """The index file is replaced only whole; until then the index journal holds the change."""
    before = seed_db.read_text()

    def crash(*args):
        raise OSError("power cut")

    problems = []
    with Store(seed_db, on_problem=problems.append) as store:
        article_id = store.article_ids()[0]
        store.set_status(article_id, "done")
        monkeypatch.setattr(os, "replace", crash)
    monkeypatch.undo()
    assert seed_db.read_text() == before
    assert not [p for p in seed_db.parent.iterdir() if p.name.endswith(".tmp")]
    assert problems == [f"{seed_db}: cannot save (power cut); every change is in {seed_db}.log, folded next time"]
    with Store(seed_db) as store:
        assert store.row(article_id)["status"] == "done"
    assert '"status": "done"' in seed_db.read_text()


def test_a_second_process_is_refused_with_a_clear_message(seed_db):
    code = f"from tui.cli import main; raise SystemExit(main(['import', {str(SEED)!r}, '--db', {str(seed_db)!r}]))"
    with Store(seed_db):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"newsmark: database {seed_db} is in use by newsmark process {os.getpid()}; close it there first"
    )


def test_lock_within_one_process_too(seed_db):
    with Store(seed_db):
        with pytest.raises(StoreLocked):
            Store(seed_db)


def test_newer_schema_is_refused(seed_db):
    data = json.loads(seed_db.read_text())
    data["_meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    seed_db.write_text(json.dumps(data))
    with pytest.raises(StoreError, match="newer than this newsmark understands"):
        Store(seed_db)


def test_corrupt_index_is_one_line(db_path):
    db_path.write_text("{not json")
    with pytest.raises(StoreError, match=f"^{db_path}: not a valid database file"):
        Store(db_path)


def test_an_action_survives_a_kill_before_any_checkpoint(seed_db):
    """The journal is fsynced when commit returns: os._exit right after loses nothing."""
    code = textwrap.dedent(f"""
        import os
        from tui.core.model import Entity
        from tui.core.session import change
        from tui.core.store import Store
        store = Store({str(seed_db)!r})
        session = store.open_session(store.article_ids()[0], "ann")
        session.commit("label ORG", [change("entities", None, Entity(145, 152, "ORG", id="T1"))])
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    with Store(seed_db) as store:
        session = store.open_session(store.article_ids()[0])
        assert session.entities["T1"].label == "ORG"
        assert session.undo()["label"] == "label ORG"  # the history came back too
        assert "T1" not in session.entities
        session.close()


def test_torn_last_journal_line_is_ignored(seed_db):
    with Store(seed_db) as store:
        session = store.open_session(store.article_ids()[0])
        session.commit("a", [change("entities", None, Entity(0, 5, "ORG", id="T1"))])
        session.commit("b", [change("entities", None, Entity(10, 15, "GPE", id="T2"))])
        session._journal.close()
        journal = session._journal_path
        journal.write_text(journal.read_text()[:-20])  # the crash hit mid-write of the second line
        reopened = store.open_session(store.article_ids()[0])
        assert set(reopened.entities) == {"T1"}
        reopened.close()


def test_checkpoint_folds_the_journal_and_keeps_history(seed_db):
    with Store(seed_db) as store:
        article_id = store.article_ids()[0]
        session = store.open_session(article_id, "ann")
        session.commit("a", [change("entities", None, Entity(0, 5, "ORG", id="T1"))])
        session.close()
        store.sync(session)
        assert session._journal_path.read_text() == ""
        assert store.row(article_id)["entities"] == 1
        again = store.open_session(article_id)
        assert again.entities["T1"].annotator == ""
        assert again.undo() is not None and again.entities == {}
        again.close()


def test_counts_follow_every_change_and_survive_a_replay(seed_db):
    from tui.core import annotate

    with Store(seed_db) as store:
        article_id = store.article_ids()[0]
        session = store.open_session(article_id, "ann")
        session.set_model_entities([(0, 5, "ORG"), (10, 15, "GPE"), (20, 25, "DATE")], "m")
        annotate.accept(session, session.entity_at(0))
        annotate.reject(session, session.entity_at(10))
        annotate.label_span(session, 30, 35, "PERSON")
        assert session.counts() == {"entities": 2, "suggested": 1, "events": 0}
        session.undo()
        assert session.counts() == {"entities": 1, "suggested": 1, "events": 0}
        session._journal.close()  # as if killed: the next opening replays the journal
        again = store.open_session(article_id)
        assert again.counts() == {"entities": 1, "suggested": 1, "events": 0}
        again.close()


def test_the_index_remembers_the_last_article_and_its_cursor_in_one_journal_line(samples_db, monkeypatch):
    from tui.core import storage

    with Store(samples_db) as store:
        first, second = store.article_ids()[:2]
        assert store.last_opened() is None
        session = store.open_session(second)
        session.close()
        writes = []
        real_write = storage.atomic_write_text
        monkeypatch.setattr(storage, "atomic_write_text", lambda path, text, durable=True: (
            writes.append(path), real_write(path, text, durable)))
        lines = store.index_journal.read_bytes().count(b"\n") if store.index_journal.exists() else 0
        index = samples_db.read_bytes()
        store.sync(session, cursor=123)
        # the row's cursor and the last article: one journal line; the index file is not rewritten
        assert store.index_journal.read_bytes().count(b"\n") == lines + 1
        assert writes == [] and samples_db.read_bytes() == index
        other = store.open_session(first)
        other.close()
        store.sync(other)  # a sync without a cursor (an import, say) keeps what was remembered
    with Store(samples_db) as again:
        assert again.last_opened() == (second, 123)
        assert again.row(second)["cursor"] == 123
