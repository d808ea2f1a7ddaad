"""A newsmark project exported as DyGIE++ or OneIE and imported into a new project gives the same
articles back: not only the text and every offset (``_text``, ``_offsets``) but the title, web
address, source and date (``_article``), which the research tools ignore. Without them the new
project listed hex ids for titles, and its events had no report date to count "Monday" back from."""

from __future__ import annotations

import json

import pytest

from tui.cli import main
from tui.core.store import Store

KEPT = ("title", "url", "source", "published", "body_start")


def _articles(db) -> dict[str, dict]:
    with Store(db) as store:
        return {row["id"]: {k: getattr(store.load_article(row["id"]), k) for k in KEPT} for row in store.rows()}


@pytest.mark.parametrize("fmt", ["dygiepp", "oneie"])
def test_a_research_format_round_trip_keeps_the_article(fmt, samples_db, tmp_path, capsys):
    out, again = tmp_path / f"out.{fmt}.jsonl", tmp_path / "again.json"
    assert main(["export", "--db", str(samples_db), "--format", fmt, "--out", str(out), "--include-unreviewed"]) == 0
    assert main(["import", str(out), "--db", str(again)]) == 0
    before, after = _articles(samples_db), _articles(again)
    assert after == before and any(a["published"] for a in before.values())


def test_a_bad_article_record_is_one_line_and_nothing_is_imported(tmp_path, capsys):
    record = {"doc_key": "d", "sentences": [["Rebels", "attacked"]], "ner": [[]], "events": [[]],
              "_article": {"title": 7}}
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["import", str(path), "--db", str(tmp_path / "p.json")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"{path}:1" in err[0] and "_article" in err[0]
    assert "must be a string, got 7" in err[0]  # an empty title is allowed: "non-empty" would mislead


@pytest.mark.parametrize("fmt", ["dygiepp", "oneie"])
def test_an_export_says_what_the_research_format_has_no_place_for(fmt, seed_db, tmp_path, capsys):
    """The coded ACLED fields (actors, place, date, fatalities), modalities and notes stay in the
    project; the export counts and says what it did not write."""
    from tui.core import annotate

    assert main(["suggest", "--db", str(seed_db)]) == 0
    with Store(seed_db) as store:
        [article_id] = store.article_ids()
        session = store.open_session(article_id, "coder")
        annotate.review(session, "accept")
        with_fields = sum(1 for e in session.events.values() if e.fields)
        store.sync(session)
        session.close()
    capsys.readouterr()
    assert with_fields and main(["export", "--db", str(seed_db), "--format", fmt, "--out", str(tmp_path / "o.jsonl")]) == 0
    said = [line for line in capsys.readouterr().err.splitlines() if "no place in" in line]
    assert len(said) == 1 and f"{with_fields} event(s)' ACLED fields" in said[0], said
