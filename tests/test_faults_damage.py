"""The damaged-file matrix: a damaged index or article file is named in one line, never overwritten,
never taken for a new project, and ``newsmark restore`` brings it back from the backup."""

from __future__ import annotations

import json

import os
import random

import pytest

from tui.cli import main
from tui.core.backup import INDEX_GENERATIONS, index_generations
from tui.core.model import Entity
from tui.core.session import change
from tui.core.store import Store
from tui.commands.import_ import import_sources

from .conftest import SAMPLES, SEED

INDEX_DAMAGE = {
    "empty": b"",
    "whitespace": b" \n\t\n",
    "null": b"null",
    "list": b"[1, 2, 3]",
    "random bytes": random.Random(8).randbytes(300),
    "invalid utf-8": b'{"articles": {"1": {"id": "\xff\xfe"}}}',
    "a table of non-records": b'{"articles": {"1": 5}}',
    "a row without id": b'{"articles": {"1": {"title": "x"}}}',
    "cut short": b'{"articles": {"1": {"id": "ab',
}


def _annotated(db_path, n_articles: int = 3) -> list[str]:
    """A project with a few articles, each with one accepted entity (checkpointed)."""
    with Store(db_path) as store:
        import_sources(store, [str(p) for p in sorted(SAMPLES.glob("*.txt"))[:n_articles]])
        for k, article_id in enumerate(store.article_ids()):
            session = store.open_session(article_id, "ann")
            session.commit("label", [change("entities", None, Entity(0, 4, "ORG", id=f"T{k}"))])
            session.close()
            store.sync(session)
        return store.article_ids()


def _tree(folder) -> dict:
    """Every file under ``folder`` with its bytes and mtime: to show that nothing was written."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            stat = os.lstat(path)
            out[path] = (stat.st_mtime_ns, open(path, "rb").read() if os.path.isfile(path) else None)
    return out


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("damage", list(INDEX_DAMAGE) + ["a folder"])
def test_a_damaged_index_is_named_in_one_line_and_never_overwritten(db_path, tmp_path, capsys, damage):
    _annotated(db_path)
    if damage == "a folder":
        db_path.unlink()
        db_path.mkdir()
    else:
        db_path.write_bytes(INDEX_DAMAGE[damage])
    before = _tree(tmp_path)
    for argv in (["stats"], ["export", "--format", "jsonl", "--out", str(tmp_path / "out.jsonl")],
                 ["import", str(SEED)], ["suggest"], ["open"]):
        code, out, err = _run(capsys, *argv, "--db", str(db_path))
        assert code == 1, argv
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"newsmark: {db_path}: not a valid database file"), argv
        assert f"newsmark restore --db {db_path}" in lines[0]
        assert "Traceback" not in err
    assert _tree(tmp_path) == before  # nothing written: not the index, no lock, no export


def test_restore_shows_first_then_brings_back_the_index(db_path, capsys):
    ids = _annotated(db_path)
    db_path.write_bytes(b"")
    code, out, err = _run(capsys, "restore", "--db", str(db_path))
    assert code == 0 and err == ""
    assert f"would restore it from {db_path.parent / 'project_backup' / 'project.json.1'} (3 article(s))" in out
    assert "run again with --yes" in out
    assert db_path.read_bytes() == b""  # a dry run changes nothing
    code, out, err = _run(capsys, "restore", "--db", str(db_path), "--yes")
    assert code == 0 and f"(the damaged file is now {db_path}.damaged)" in out
    assert (db_path.parent / "project.json.damaged").read_bytes() == b""  # kept, not deleted
    with Store(db_path) as store:
        assert store.article_ids() == ids
        assert [store.row(i)["entities"] for i in ids] == [1, 1, 1]
    assert _run(capsys, "restore", "--db", str(db_path))[1].startswith(f"{db_path}: the index is fine")


def test_the_index_keeps_a_few_distinct_generations(db_path):
    _annotated(db_path, 1)
    for n in range(INDEX_GENERATIONS + 3):
        with Store(db_path) as store:
            store.set_status(store.article_ids()[0], ("done", "todo")[n % 2])
    generations = index_generations(db_path)
    assert len(generations) == INDEX_GENERATIONS
    assert generations[0].read_bytes() == db_path.read_bytes()
    statuses = [json.loads(g.read_text())["articles"]["1"]["status"] for g in generations]
    assert statuses == ["todo", "done", "todo", "done", "todo"]  # newest first, no two neighbours alike
    with Store(db_path):  # opened and closed without a change: no new generation
        pass
    assert [g.read_bytes() for g in index_generations(db_path)] == [g.read_bytes() for g in generations]


@pytest.mark.parametrize("damage", ["deleted", "empty", "garbage", "no article"])
def test_a_damaged_article_is_skipped_with_a_line_and_restored_from_its_backup(db_path, tmp_path, capsys, damage):
    ids = _annotated(db_path)
    article = db_path.parent / "project_articles" / f"{ids[1]}.json"
    good = article.read_bytes()
    {"deleted": article.unlink, "empty": lambda: article.write_bytes(b""),
     "garbage": lambda: article.write_bytes(b"\x00\x01{["),
     "no article": lambda: article.write_bytes(b'{"article": {}}')}[damage]()
    code, out, err = _run(capsys, "stats", "--db", str(db_path))
    assert code == 0 and "Traceback" not in err
    assert err.count(str(article)) == 1 and "skipped" in err and len(err.strip().splitlines()) == 1
    out_file = tmp_path / "out.jsonl"
    code, out, err = _run(capsys, "export", "--db", str(db_path), "--format", "jsonl", "--out", str(out_file))
    assert code == 0 and err.count(str(article)) == 1
    assert len(out_file.read_text().splitlines()) == 1 + 2  # the header and the two readable articles
    code, out, err = _run(capsys, "restore", "--db", str(db_path), "--yes")
    assert code == 0 and f"restored {article} from" in out
    assert article.read_bytes() == good
    if damage != "deleted":
        assert (article.parent / f"{article.name}.damaged").exists()
    code, out, err = _run(capsys, "stats", "--db", str(db_path))
    assert code == 0 and err == ""


def test_restore_says_what_it_cannot_bring_back(db_path, capsys):
    ids = _annotated(db_path, 1)
    article = db_path.parent / "project_articles" / f"{ids[0]}.json"
    article.write_bytes(b"")
    (db_path.parent / "project_backup" / "articles" / article.name).unlink()
    code, out, err = _run(capsys, "restore", "--db", str(db_path), "--yes")
    assert code == 1 and f"{article}: not a valid database file (it is empty: 0 byte(s)); no good backup" in err
    assert article.read_bytes() == b""


async def test_the_app_skips_a_damaged_article_with_a_message(db_path, codebook, pipeline):
    from .apphelpers import running

    ids = _annotated(db_path)
    (db_path.parent / "project_articles" / f"{ids[1]}.json").write_bytes(b"")
    async with running(db_path, codebook, pipeline) as (store, app, pilot):
        assert app.session.article.id == ids[0]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.session.article.id == ids[2]  # the damaged one was stepped over
        assert any(str(db_path.parent / "project_articles" / f"{ids[1]}.json") in n.message
                   for n in app._notifications)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.session.article.id == ids[0]


def test_reimporting_after_an_older_index_came_back_keeps_the_annotations(db_path, capsys):
    """The issue's worst case: an index that lost rows, then the same sources imported again."""
    ids = _annotated(db_path)
    older = db_path.read_bytes()
    fourth = str(sorted(SAMPLES.glob("*.txt"))[3])
    with Store(db_path) as store:
        import_sources(store, [fourth])  # one more article, annotated, then the index goes back
        new_id = next(i for i in store.article_ids() if i not in ids)
        session = store.open_session(new_id, "ann")
        session.commit("label", [change("entities", None, Entity(0, 4, "ORG", id="N0"))])
        session.close()
    db_path.write_bytes(older)
    code, out, err = _run(capsys, "import", fourth, "--db", str(db_path))
    assert code == 0 and "imported 1 article(s)" in out
    with Store(db_path, read_only=True) as store:
        assert store.row(new_id)["entities"] == 1
        assert set(store.open_session(new_id).entities) == {"N0"}


def test_suggest_skips_a_damaged_article_with_a_line(db_path, capsys, pipeline):
    ids = _annotated(db_path)
    article = db_path.parent / "project_articles" / f"{ids[0]}.json"
    article.write_bytes(b"null")
    code, out, err = _run(capsys, "suggest", "--db", str(db_path))
    assert code == 0 and "analysed 2 article(s)" in out
    assert err.count(str(article)) == 1 and "Traceback" not in err
    assert article.read_bytes() == b"null"
