"""Imports are all-or-nothing: a full disk, a kill or a bad record part way leave the project as it was."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.core import staging
from tui.core.store import Store

from .conftest import ROOT, SAMPLES
from .faultdisk import fill, tiny_disk


def many_articles(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(f"Article {i}\n\nTroops entered town number {i} on Monday.\n")
    return folder


def project_files(db: Path) -> dict[str, bytes]:
    """Every file of a project but its lock: index, article files, any staging or temporary file."""
    return {str(p.relative_to(db.parent)): p.read_bytes() for p in sorted(db.parent.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock") and db.stem in str(p.relative_to(db.parent))}


def test_a_full_disk_part_way_is_one_line_and_leaves_no_file(tmp_path, capsys):
    with tiny_disk(tmp_path / "disk", 400) as disk:
        if disk is None:
            pytest.skip("this machine does not let the test mount a tmpfs (the simulated test still runs)")
        db = disk / "project.json"
        assert main(["import", str(SAMPLES), "--db", str(db)]) == 0
        before = project_files(db)
        capsys.readouterr()
        assert main(["import", str(many_articles(tmp_path / "many", 600)), "--db", str(db)]) == 1
        err = capsys.readouterr().err
        assert err == f"newsmark: cannot import into {db}: the disk is full; nothing was imported\n"
        assert project_files(db) == before  # no orphan article file, no staging folder, same index
        assert main(["stats", "--db", str(db)]) == 0


def test_a_simulated_full_disk_part_way_changes_nothing(samples_db, tmp_path, monkeypatch, capsys):
    """Where no tmpfs can be mounted: the 30th staged file meets ENOSPC."""
    before = project_files(samples_db)
    written = []
    real_add = staging.ImportStaging.add

    def add(self, article):
        if len(written) == 30:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(article.id)
        return real_add(self, article)

    monkeypatch.setattr(staging.ImportStaging, "add", add)
    assert main(["import", str(many_articles(tmp_path / "many", 60)), "--db", str(samples_db)]) == 1
    assert "the disk is full; nothing was imported" in capsys.readouterr().err
    assert project_files(samples_db) == before


KILL_DURING = """
import os, signal, sys
from tui.core import staging
from tui.cli import main

calls = []
target = getattr({owner}, {name!r})

def killing(*args, **kwargs):
    calls.append(1)
    if len(calls) == {at}:
        os.kill(os.getpid(), signal.SIGKILL)
    return target(*args, **kwargs)

setattr({owner}, {name!r}, killing)
main(["import", sys.argv[1], "--db", sys.argv[2]])
"""


def killed_import(source: Path, db: Path, owner: str, name: str, at: int) -> None:
    code = KILL_DURING.format(owner=owner, name=name, at=at)
    done = subprocess.run([sys.executable, "-c", code, str(source), str(db)], cwd=ROOT, capture_output=True)
    assert done.returncode == -9, done.stderr


def test_an_import_killed_while_staging_leaves_nothing_once_the_project_opens(samples_db, tmp_path):
    before = project_files(samples_db)
    many = many_articles(tmp_path / "many", 80)
    killed_import(many, samples_db, "staging.ImportStaging", "add", 40)
    left = samples_db.parent / "project_articles.staging"
    assert left.is_dir() and len(list(left.glob("*.json"))) == 39  # what the killed run left...
    with Store(samples_db) as store:
        assert len(store.article_ids()) == 11
    assert project_files(samples_db) == before  # ...is removed when the project next opens
    assert main(["import", str(many), "--db", str(samples_db)]) == 0
    with Store(samples_db) as store:
        assert len(store.article_ids()) == 91


def test_an_import_killed_while_moving_files_in_is_finished_when_the_project_opens(samples_db, tmp_path):
    many = many_articles(tmp_path / "many", 30)
    killed_import(many, samples_db, "staging", "move_file", 10)  # the index is written; 9 files moved
    with Store(samples_db) as store:
        assert len(store.article_ids()) == 41
        for article_id in store.article_ids():  # every article the index names can be opened
            store.open_session(article_id).close()
    assert not (samples_db.parent / "project_articles.staging").exists()


def test_a_full_disk_during_suggest_is_one_line_and_the_project_stays_usable(tmp_path, pipeline, monkeypatch,
                                                                            capsys):
    from tui.core import nlp

    monkeypatch.setattr(nlp, "load_pipeline", lambda *a, **k: pipeline)  # the model loaded once per run
    with tiny_disk(tmp_path / "disk", 4096) as disk:
        if disk is None:
            pytest.skip("this machine does not let the test mount a tmpfs")
        db = disk / "project.json"
        assert main(["import", *map(str, sorted(SAMPLES.glob("0[0-4]_*.txt"))), "--db", str(db)]) == 0
        fill(disk, leave=6000)
        capsys.readouterr()
        assert main(["suggest", "--db", str(db)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
        assert "the disk is full" in err or "No space left on device" in err
        assert main(["stats", "--db", str(db)]) == 0  # with the disk still full: stats writes nothing
        (disk / "filler").unlink()
        assert main(["suggest", "--db", str(db)]) == 0  # carries on where it stopped
        with Store(db) as store:
            assert all(row["analysed"] for row in store.rows())


def test_progress_lines_are_printed_when_stderr_is_not_a_terminal(db_path, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSMARK_PROGRESS_SECONDS", "0")  # every update, not every 5 seconds
    assert main(["import", str(many_articles(tmp_path / "many", 20)), "--db", str(db_path)]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert "newsmark: read 10/20 (50%), 0 s" in lines and "newsmark: import 20/20 (100%), 0 s" in lines


def test_open_with_a_bad_source_says_so_and_does_not_start_the_app(seed_db, tmp_path, capsys):
    before = project_files(seed_db)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    assert main(["open", str(bad), str(SAMPLES), "--db", str(seed_db)]) == 1  # never reaches the app
    assert capsys.readouterr().err == f"newsmark: {bad}: binary file, not text; nothing was imported\n"
    assert project_files(seed_db) == before


def test_a_huge_text_file_is_refused_without_reading_it(db_path, tmp_path, capsys):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:  # a sparse file of 5 GB: reading it would take the memory
        handle.truncate(5 * 10**9)
    assert main(["import", str(huge), "--db", str(db_path)]) == 1
    assert "the file has 5,000,000,000 bytes, more than an article" in capsys.readouterr().err
