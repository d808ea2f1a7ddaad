"""Importing a corpus-like JSONL (news-sized articles, as the benchmark's): fast paths that stay
all-or-nothing - the staging folder renamed in whole into a new project, one index write, a second
import finding everything already stored without changing anything."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

from tui.cli import main
from tui.core import staging
from tui.core.store import Store

from .conftest import SAMPLES
from .test_import_faults import killed_import, project_files

N = 300


def corpus(path: Path, n: int = N) -> Path:
    """``n`` unique articles made from the samples, shaped as ``bench/corpus.py`` makes them."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            title, _, body = texts[i % len(texts)].partition("\n")
            out.write(json.dumps({"id": f"c-{i}", "title": f"{title} ({i})", "text": f"{title} ({i})\n\nCopy {i}.{body}",
                                  "meta": {"date": f"2019-01-{1 + i % 28:02d}"}}, ensure_ascii=False) + "\n")
    return path


def test_a_corpus_goes_into_a_new_project_in_one_rename_and_a_second_import_changes_nothing(
        tmp_path, monkeypatch, capsys):
    source = corpus(tmp_path / "corpus.jsonl")
    db = tmp_path / "p" / "project.json"
    moved = []
    monkeypatch.setattr(staging, "move_file", lambda *a: moved.append(a))
    assert main(["import", str(source), "--db", str(db)]) == 0
    assert f"imported {N} article(s), 0 already stored" in capsys.readouterr().out
    assert moved == []  # the staging folder became the articles folder
    assert not (tmp_path / "p" / "project_articles.staging").exists()
    with Store(db, read_only=True) as store:
        rows = store.rows()
        assert [row["title"] for row in rows[:2]] == [json.loads(line)["title"] for line in
                                                     source.read_text(encoding="utf-8").splitlines()[:2]]
        for row, session in store.readable_sessions():
            assert session.article.title == row["title"]
    before = project_files(db)
    assert main(["import", str(source), "--db", str(db)]) == 0
    assert f"imported 0 article(s), {N} already stored" in capsys.readouterr().out
    assert project_files(db) == before


def test_a_corpus_with_a_bad_last_line_imports_nothing(tmp_path, capsys):
    source = corpus(tmp_path / "corpus.jsonl")
    with source.open("a", encoding="utf-8") as out:
        out.write('{"text": "cut sh\n')
    db = tmp_path / "p" / "project.json"
    assert main(["import", str(source), "--db", str(db)]) == 1
    assert capsys.readouterr().err.strip() == f"newsmark: {source}:{N + 1}: not valid JSON (Unterminated string " \
                                              f"starting at); nothing was imported"
    assert not db.exists() and not (tmp_path / "p" / "project_articles").exists()


def test_an_index_write_the_disk_refuses_imports_nothing(samples_db, tmp_path, monkeypatch, capsys):
    source = corpus(tmp_path / "corpus.jsonl")
    before = project_files(samples_db)
    real_fsync = os.fsync

    def full(fd):
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")) == "project.json.log":
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    assert main(["import", str(source), "--db", str(samples_db)]) == 1
    assert capsys.readouterr().err.strip() == (f"newsmark: {samples_db}.log: cannot save (No space left on device); "
                                               f"the index is as it was; nothing was imported")
    monkeypatch.undo()
    assert project_files(samples_db) == before  # no staged file left, the index as it was
    with Store(samples_db) as store:
        assert len(store.article_ids()) == 11


def test_a_corpus_import_killed_after_its_index_write_is_finished_when_the_project_opens(tmp_path):
    source = corpus(tmp_path / "corpus.jsonl")
    db = tmp_path / "p" / "project.json"
    killed_import(source, db, "staging", "replace_folder", 1)  # the index names them; none moved yet
    assert len(list((tmp_path / "p" / "project_articles.staging").glob("*.json"))) == N
    with Store(db) as store:
        assert len(store.article_ids()) == N
        for _row, _session in store.readable_sessions():
            pass
        assert store.problems == []
    assert not (tmp_path / "p" / "project_articles.staging").exists()
    assert len(list((tmp_path / "p" / "project_articles").glob("*.json"))) == N
