"""An import never lowers what a coder did: an article done (or skipped, or in progress) keeps its
status over a file's lower one (the `todo` of `suggest --in-shards` output, a re-import of an older
export), and the model suggestions a file brings for a done article are left out; both counted and
said. A new article takes the file's status."""

from __future__ import annotations

import json

from tui.cli import main
from tui.core.store import Store

from .test_app_list_and_status import many_articles


def export_native(db, out) -> list[dict]:
    assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(out)]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def code_and_mark(db, ids: list[str], statuses: list[str]) -> None:
    """Each article reviewed, with the status a coder gave it in the app."""
    with Store(db) as store:
        for article_id, status in zip(ids, statuses):
            session = store.open_session(article_id)
            session.set_reviewed(status == "done")
            store.sync(session)
            session.close()
            store.set_status(article_id, status)


def stored(db) -> dict[str, str]:
    with Store(db, create=False) as store:
        return {row["id"]: row["status"] for row in store.rows()}


def test_a_reimport_of_todo_records_keeps_done_skipped_and_in_progress_and_says_so(db_path, tmp_path, capsys):
    ids = many_articles(db_path, 4)
    old = tmp_path / "old.jsonl"
    records = export_native(db_path, old)  # every article still "todo" in this file
    assert all(r["article"]["status"] == "todo" for r in records[1:])
    code_and_mark(db_path, ids, ["done", "skipped", "in progress", "todo"])
    capsys.readouterr()
    assert main(["import", str(old), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert stored(db_path) == dict(zip(ids, ["done", "skipped", "in progress", "todo"]))
    assert "3 article(s) kept at their status over the file's (done 1, in progress 1, skipped 1)" in out


def test_a_file_raises_a_status_and_a_new_article_takes_the_files(db_path, tmp_path, capsys):
    ids = many_articles(db_path, 2)
    newer = tmp_path / "new.jsonl"
    records = export_native(db_path, newer)
    records[1]["article"]["status"] = "done"  # another coder finished the first article
    text = "Police fired tear gas at protesters in Minsk on Sunday."
    from tui.core.model import article_id_for
    records.append({"article": {"id": article_id_for(text), "text": text, "status": "skipped"},
                    "entities": [], "events": []})
    newer.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(newer), "--db", str(db_path)]) == 0
    assert "kept at their status" not in capsys.readouterr().out
    assert stored(db_path) == {ids[0]: "done", ids[1]: "todo", article_id_for(text): "skipped"}


def test_model_suggestions_for_a_done_article_are_left_out_and_counted(db_path, tmp_path, capsys):
    ids = many_articles(db_path, 2)
    shard = tmp_path / "shard.jsonl"
    records = export_native(db_path, shard)
    for record in records[1:]:
        start = record["article"]["text"].index("Body")
        record["entities"] = [{"id": "m1", "start": start, "end": start + 4, "label": "ORG", "origin": "model",
                               "status": "suggested"}]
        record["analysed"] = "en_core_web_sm"
    shard.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    code_and_mark(db_path, ids, ["done", "in progress"])
    capsys.readouterr()
    assert main(["import", str(shard), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "1 suggestion(s) for done articles left out" in out
    with Store(db_path, create=False) as store:
        done, other = store.open_session(ids[0]), store.open_session(ids[1])
        try:
            assert not done.entities and done.reviewed  # still reviewed, nothing waits behind its ✓
            assert [e.status for e in other.entities.values()] == ["suggested"]
        finally:
            done.close()
            other.close()
    assert stored(db_path) == {ids[0]: "done", ids[1]: "in progress"}


def test_a_files_done_leaves_an_article_with_unanswered_suggestions_as_it_was(db_path, tmp_path, capsys):
    """Another coder's export marks an article done; here the model's suggestions on it are still
    unanswered: the import neither marks it done nor reviewed (nothing may wait behind its ✓, and a
    training export would take the unanswered suggestions for coded entities), and says so."""
    ids = many_articles(db_path, 1)
    theirs = tmp_path / "theirs.jsonl"
    records = export_native(db_path, theirs)
    records[1]["article"]["status"] = "done"
    records[1]["reviewed"] = True
    theirs.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    with Store(db_path) as store:
        session = store.open_session(ids[0])
        start = session.article.text.index("Body")
        session.set_model_entities([(start, start + 4, "ORG")], "en_core_web_sm")
        store.sync(session)
        session.close()
        store.set_status(ids[0], "in progress")
    capsys.readouterr()
    assert main(["import", str(theirs), "--db", str(db_path)]) == 0
    assert "1 article(s) kept at their status over the file's (in progress 1)" in capsys.readouterr().out
    assert stored(db_path) == {ids[0]: "in progress"}
    with Store(db_path, create=False) as store:
        session = store.open_session(ids[0])
        try:
            assert not session.reviewed and [e.status for e in session.entities.values()] == ["suggested"]
        finally:
            session.close()
