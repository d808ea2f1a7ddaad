"""A team in git, as the README's "Working as a team" says: one database per coder, each coder's
commits on a branch, merged without a conflict, then compared with ``newsmark agree``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from tui.cli import main
from tui.core import annotate
from tui.core.store import Store

from .conftest import SAMPLES

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GITIGNORE = "*.lock\n*_backup/\nexports/\n"


def git(repo, *args) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def code(db, coder: str, words_and_labels: list[tuple[str, str]]) -> None:
    """What a coder's app does: open the first article (in progress), label some words, close it."""
    with Store(db) as store:
        article_id = store.article_ids()[0]
        store.set_status(article_id, "in progress")
        session = store.open_session(article_id, coder)
        for words, label in words_and_labels:
            start = session.article.text.index(words)
            annotate.label_span(session, start, start + len(words), label)
        session.close()
        store.sync(session)


def test_two_coders_branches_merge_without_conflict(tmp_path, capsys):
    repo = tmp_path / "team"
    corpus = repo / "corpus"
    corpus.mkdir(parents=True)
    for source in sorted(SAMPLES.glob("0[01]_*.txt")):
        shutil.copy(source, corpus / source.name)
    (repo / ".gitignore").write_text(GITIGNORE)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "corpus")

    for coder, labels in (("alice", [("Deir ez-Zor", "GPE"), ("Syria", "GPE")]),
                          ("bob", [("Deir ez-Zor", "LOC"), ("Syria", "GPE")])):
        git(repo, "checkout", "-q", "-b", coder, "main")
        db = repo / "coders" / f"{coder}.json"
        assert main(["import", str(corpus), "--db", str(db)]) == 0
        code(db, coder, labels)
        git(repo, "add", ".")
        git(repo, "commit", "-q", "-m", f"{coder}'s coding")

    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-edit", "alice")
    git(repo, "merge", "-q", "--no-edit", "bob")  # a conflict would fail here
    tracked = git(repo, "ls-files").split()
    assert "coders/alice.json" in tracked and "coders/bob.json" in tracked
    assert not [name for name in tracked if name.endswith(".lock") or "_backup/" in name]
    assert git(repo, "status", "--porcelain") == ""
    for coder in ("alice", "bob"):  # who coded what is on every record
        with Store(repo / "coders" / f"{coder}.json", create=False) as store:
            session = store.open_session(store.article_ids()[0])
            assert {e.annotator for e in session.entities.values() if e.status == "accepted"} == {coder}
            session.close()

    capsys.readouterr()
    assert main(["agree", "--db", str(repo / "coders/alice.json"), "--db", str(repo / "coders/bob.json"),
                 "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["articles"] == 1  # only the article both coders opened is compared
    assert figures["entities.f1"] == pytest.approx(0.5)  # Syria agrees, Deir ez-Zor's label does not
    assert figures["entities.by_label"]["GPE"]["f1"] == pytest.approx(2 / 3)  # 1 shared of 2 and 1


def test_the_same_database_changed_on_two_branches_conflicts(tmp_path):
    """Why each coder has a database of their own: two branches that both change one article's file
    touch the same lines (the article's records and its history), and git cannot merge them."""
    repo = tmp_path / "team"
    repo.mkdir()
    db = repo / "shared.json"
    assert main(["import", str(next(SAMPLES.glob("00_*.txt"))), "--db", str(db)]) == 0
    (repo / ".gitignore").write_text(GITIGNORE)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "corpus")
    for coder, label in (("alice", "GPE"), ("bob", "LOC")):
        git(repo, "checkout", "-q", "-b", coder, "main")
        code(db, coder, [("Deir ez-Zor", label)])
        git(repo, "commit", "-q", "-am", coder)
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "alice")
    env = {**os.environ, "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    done = subprocess.run(["git", "-C", str(repo), "merge", "bob"], capture_output=True, text=True, env=env)
    assert done.returncode != 0 and "CONFLICT" in done.stdout
