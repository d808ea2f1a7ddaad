"""Full disks, read-only projects, readers beside a writer, and a symlinked --db.

Where the test may mount a small tmpfs (root in a container that allows it), the disk is really
full or really read-only; otherwise those tests skip, and the simulated ENOSPC ones still run (they
patch ``os.write`` in the journal only to inject the OS error; every assertion reads the real files).
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

from tui.cli import main
from tui.core import journal as journal_module
from tui.core.journal import read_journal
from tui.core.model import Entity
from tui.core.session import change
from tui.core.storage import SaveError, StoreLocked
from tui.core.store import Store
from tui.commands.import_ import import_sources

from .conftest import ROOT, SEED
from .test_faults_damage import _tree


@contextmanager
def tmpfs(size: str):
    """A fresh tmpfs of ``size``; the test is skipped where mounting is not allowed."""
    where = Path(f"/tmp/newsmark-tmpfs-{uuid.uuid4().hex[:8]}")
    where.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                              capture_output=True)
    except OSError:
        done = None
    if done is None or done.returncode != 0:
        where.rmdir()
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)
        where.rmdir()


def _fill(folder: Path) -> Path:
    """Fill the file system of ``folder`` to the last byte."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for chunk in (65536, 4096, 1):  # down to the last byte
            try:
                while True:
                    os.write(fd, b"\0" * chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def _label(session, ident: str, start: int) -> None:
    session.commit("label", [change("entities", None, Entity(start, start + 3, "ORG", id=ident))])


def _seeded(folder: Path) -> Path:
    db = folder / "project.json"
    with Store(db) as store:
        import_sources(store, [str(SEED)])
    return db


def test_a_full_disk_keeps_edits_pending_and_saves_them_once_there_is_room():
    with tmpfs("600k") as disk:
        db = _seeded(disk)
        problems = []
        store = Store(db, on_problem=problems.append)
        article_id = store.article_ids()[0]
        session = store.open_session(article_id, "Zoë Ørsted")
        _label(session, "T0", 0)
        filler = _fill(disk)
        n = 0
        while session.unsaved == 0:  # the journal's last page may take a few more lines
            n += 1
            assert n < 50
            try:
                _label(session, f"T{n}", 10 * n)
            except SaveError as exc:
                assert "project_articles" in str(exc) and "cannot save (No space left on device)" in str(exc)
        assert session.unsaved == 1 and f"T{n}" in session.entities  # kept in memory, pending
        with pytest.raises(SaveError, match="2 edit"):
            _label(session, "T99", 990)
        assert read_journal(session._journal_path).problems == []  # no half line left behind
        code = main(["stats", "--db", str(db)])  # the rest of the project still reads
        assert code == 0
        with pytest.raises(SaveError):
            session.close()  # would lose the pending edits: refused, the session stays open
        filler.unlink()
        _label(session, "T100", 1000)  # the next action writes everything pending
        assert session.unsaved == 0
        session._journal.close()  # killed: no checkpoint
        store.close()
        with Store(db) as again:
            reopened = again.open_session(article_id)
            assert set(reopened.entities) == {f"T{k}" for k in (*range(n + 1), 99, 100)}
            assert reopened.history[-1]["annotator"] == "Zoë Ørsted"
            reopened.close()
        assert problems == []


def test_a_write_cut_short_inside_a_character_never_poisons_the_journal(seed_db, monkeypatch):
    """Simulated ENOSPC half-way through a line, and a truncate that fails too: the half line stays
    on the disk until the next write cuts it off."""
    real_write, real_truncate = os.write, os.ftruncate
    full = {"on": False}

    def write(fd, data):
        if full["on"]:
            real_write(fd, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    def truncate(fd, size):
        if full["on"]:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_truncate(fd, size)

    monkeypatch.setattr(journal_module.os, "write", write)
    monkeypatch.setattr(journal_module.os, "ftruncate", truncate)
    problems = []
    with Store(seed_db, on_problem=problems.append) as store:
        article_id = store.article_ids()[0]
        session = store.open_session(article_id, "Zoë\u2028")
        _label(session, "T0", 0)
        full["on"] = True
        with pytest.raises(SaveError, match="No space left on device"):
            _label(session, "T1", 10)
        journal = session._journal_path
        assert not journal.read_bytes().endswith(b"\n")  # the half line is really on the disk
        full["on"] = False
        _label(session, "T2", 20)
        assert read_journal(journal).problems == [] and journal.read_bytes().isascii()
        session._journal.close()
        reopened = store.open_session(article_id)  # the next session sees every edit
        assert set(reopened.entities) == {"T0", "T1", "T2"}
        reopened.close()
    assert problems == []


def test_a_full_disk_during_a_checkpoint_keeps_the_journal(seed_db, monkeypatch):
    problems = []
    with Store(seed_db, on_problem=problems.append) as store:
        article_id = store.article_ids()[0]
        session = store.open_session(article_id)
        _label(session, "T0", 0)
        monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space")))
        session.close()  # the edit is in the journal: closing is fine, folding waits
        monkeypatch.undo()
        assert b'"T0"' in session._journal_path.read_bytes()
        again = store.open_session(article_id)
        assert "T0" in again.entities
        again.close()
        assert session._journal_path.read_bytes() == b""
    assert not [p for p in seed_db.parent.rglob("*.tmp")]


def test_stats_and_export_read_without_writing_and_see_unfolded_edits(seed_db, tmp_path, capsys):
    with Store(seed_db) as store:
        session = store.open_session(store.article_ids()[0], "ann")
        _label(session, "T0", 0)
        session._journal.close()  # killed: the edit is only in the journal
    (seed_db.parent / "project.json.lock").unlink()
    before = _tree(seed_db.parent)
    out = tmp_path.parent / f"{tmp_path.name}-out.jsonl"
    assert main(["stats", "--db", str(seed_db)]) == 0
    assert main(["export", "--db", str(seed_db), "--format", "jsonl", "--out", str(out)]) == 0
    assert '"id":"T0"' in out.read_text()
    assert _tree(seed_db.parent) == before  # no lock file, no fold, no backup: not one byte
    out.unlink()


def test_stats_and_export_run_while_the_app_holds_the_project(seed_db, tmp_path):
    with Store(seed_db) as store:
        session = store.open_session(store.article_ids()[0], "ann")
        _label(session, "T0", 0)
        for argv in (["stats"], ["export", "--format", "jsonl", "--out", str(tmp_path / "out.jsonl")]):
            done = subprocess.run([sys.executable, "-m", "tui", *argv, "--db", str(seed_db)],
                                  capture_output=True, text=True, cwd=ROOT)
            assert done.returncode == 0, done.stderr
        assert '"id":"T0"' in (tmp_path / "out.jsonl").read_text()
        session.close()


def test_a_read_only_project_can_be_read_and_refuses_edits_in_one_line(capsys):
    with tmpfs("4m") as disk:
        db = _seeded(disk)
        (disk / "project.json.lock").unlink()
        if subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True).returncode:
            pytest.skip("cannot remount the tmpfs read-only")
        out = Path(f"{disk}-out.jsonl")
        try:
            assert main(["stats", "--db", str(db)]) == 0
            assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(out)]) == 0
            capsys.readouterr()
            assert main(["import", str(SEED), "--db", str(db)]) == 1
            err = capsys.readouterr().err.strip().splitlines()
            assert len(err) == 1 and "cannot create the lock file (Read-only file system)" in err[0]
        finally:
            out.unlink(missing_ok=True)


def test_a_folder_turning_read_only_while_editing_keeps_the_edit_pending(seed_db, monkeypatch):
    """Simulated: Linux refuses to remount a file system read-only while files are open for writing."""
    def refuse(fd, data):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    with Store(seed_db) as store:
        session = store.open_session(store.article_ids()[0])
        _label(session, "T0", 0)
        monkeypatch.setattr(journal_module.os, "write", refuse)
        with pytest.raises(SaveError, match=r"cannot save \(Read-only file system\); 1 edit\(s\) not saved yet"):
            _label(session, "T1", 10)
        assert session.unsaved == 1
        monkeypatch.undo()
        _label(session, "T2", 20)
        session._journal.close()
        again = store.open_session(store.article_ids()[0])
        assert set(again.entities) == {"T0", "T1", "T2"}
        again.close()


def test_a_symlinked_db_locks_and_writes_the_target(tmp_path):
    real = tmp_path / "real" / "project.json"
    real.parent.mkdir()
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with Store(link) as store:
        import_sources(store, [str(SEED)])
        assert store.path == real
        with pytest.raises(StoreLocked):
            Store(real)
    assert link.is_symlink() and real.is_file()
    assert (real.parent / "project_articles").is_dir() and not (tmp_path / "link_articles").exists()
    with Store(real) as store:
        with pytest.raises(StoreLocked):
            Store(link)
        assert len(store.article_ids()) == 1
    shutil.rmtree(real.parent)


async def test_the_app_says_it_cannot_save_and_saves_the_pending_edit_later(seed_db, codebook, pipeline, monkeypatch):
    from .apphelpers import running, whole_screen

    real_fsync = os.fsync

    def full(fd):  # every save (journal line or whole file) fails when it is made durable
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        article_id = app.session.article.id
        monkeypatch.setattr(os, "fsync", full)
        await pilot.press("w", "1")
        await pilot.pause()
        screen = " ".join(whole_screen(app).split())
        assert "NOT SAVED: 1 edit(s) pending" in screen and "CANNOT SAVE" in screen
        assert any(n.title == "Cannot save" for n in app._notifications)
        await pilot.press("q")  # refused once: the edit would be lost
        await pilot.pause()
        assert app.is_running and "press q again" in " ".join(whole_screen(app).split())
        monkeypatch.setattr(os, "fsync", real_fsync)
        await pilot.press("w", "w", "3")  # the next edit saves both
        await pilot.pause()
        assert app.session.unsaved == 0
        assert "NOT SAVED" not in " ".join(whole_screen(app).split())
        shown = {k: e.to_dict() for k, e in app.session.entities.items()}
        assert len(app.session.history) == 2
        await pilot.press("q")
        await pilot.pause()
    with Store(seed_db, read_only=True) as store:
        session = store.open_session(article_id)
        assert {k: e.to_dict() for k, e in session.entities.items()} == shown
        assert len(session.history) == 2


async def test_switching_articles_on_a_full_disk_keeps_the_unsaved_one_open(samples_db, codebook, pipeline, monkeypatch):
    from .apphelpers import running

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    real_fsync = os.fsync
    async with running(samples_db, codebook, pipeline) as (store, app, pilot):
        first = app.session.article.id
        monkeypatch.setattr(os, "fsync", full)
        await pilot.press("w", "1")
        await pilot.press("right_square_bracket")  # by key
        await pilot.pause()
        assert app.session.article.id == first and app.session.unsaved == 1
        app.article_list.focus()
        await pilot.press("down", "enter")  # by the list
        await pilot.pause()
        assert app.is_running and app.session.article.id == first and app.session.unsaved == 1
        monkeypatch.setattr(os, "fsync", real_fsync)
        app.view.focus()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.session.article.id != first
    with Store(samples_db, read_only=True) as again:
        assert again.row(first)["entities"] >= 1
        assert len(again.open_session(first).history) == 1
