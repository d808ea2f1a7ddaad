"""Corpus-scale suggestion over shards: locally, on a real Dask cluster, and back into a project."""

from __future__ import annotations

import json
import sys

import pytest

from tui.cli import main
from tui.core.shards import ShardSettings, dask_client, shard_paths, suggest_dask, suggest_local
from tui.core.store import Store

STORIES = [
    "Gunmen attacked a police station in Kabul on Monday, killing three officers.",
    "Thousands of protesters marched in Lagos on Saturday against fuel prices.",
    "Police arrested 12 opposition activists in Harare on Tuesday.",
    "An air strike hit a market in Idlib, Syria, on Sunday, killing seven civilians.",
    "A roadside bomb exploded near a convoy in Mogadishu on Friday, wounding two soldiers.",
    "Farmers blocked roads in New Delhi on Wednesday to protest new laws.",
]


@pytest.fixture
def shards(tmp_path):
    """Three tiny shards of two articles each, in the JSONL form ``newsmark import`` reads."""
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(3):
        lines = [json.dumps({"id": f"a{2 * k + j}", "title": f"Story {2 * k + j}", "text": STORIES[2 * k + j],
                             "meta": {"date": "2021-03-0%d" % (k + 1)}}) for j in range(2)]
        (folder / f"part-{k}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def records(folder):
    """Every output line of a folder of shards, by file name."""
    return {p.name: [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()]
            for p in sorted(folder.glob("*.jsonl"))}


def test_local_shards_hold_each_article_with_model_suggestions(shards, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["suggest", "--in-shards", str(shards), "--out-shards", str(out)]) == 0
    assert "suggested 6 article(s) in 3 shard(s)" in capsys.readouterr().out
    found = records(out)
    assert sorted(found) == ["part-0.jsonl", "part-1.jsonl", "part-2.jsonl"]
    for lines in found.values():
        assert lines[0]["format"] == "newsmark" and lines[0]["codebook"]["name"] == "acled"
        assert len(lines) == 3
    articles = [rec for lines in found.values() for rec in lines[1:]]
    assert [a["article"]["meta"]["external_id"] for a in articles] == [f"a{i}" for i in range(6)]
    assert all(e["origin"] == "model" and e["status"] == "suggested" for a in articles for e in a["entities"])
    attack = articles[0]
    assert attack["analysed"].startswith("en_core_web_sm") and attack["reviewed"] is False
    assert any(e["type"] == "VIOLENCE_AGAINST_CIVILIANS" or e["type"] == "BATTLE" for e in attack["events"])
    assert {"Kabul"} <= {attack["article"]["text"][e["start"]:e["end"]] for e in attack["entities"]}


def test_shards_suggest_what_a_project_suggests(shards, tmp_path, codebook):
    """The shard step is the project's suggest step: the same entities and events, article by article."""
    out = tmp_path / "out"
    assert main(["suggest", "--in-shards", str(shards), "--out-shards", str(out)]) == 0
    db = tmp_path / "p.json"
    assert main(["import", str(shards), "--db", str(db)]) == 0
    assert main(["suggest", "--db", str(db)]) == 0
    shard_articles = [rec for lines in records(out).values() for rec in lines[1:]]

    def content(entities, events):
        return (sorted((e["start"], e["end"], e["label"]) for e in entities),
                sorted((e["type"], e["subtype"], e["trigger_start"], json.dumps(e["arguments"], sort_keys=True),
                        json.dumps(e["fields"], sort_keys=True)) for e in events))

    with Store(db, create=False) as store:
        for rec in shard_articles:
            session = store.open_session(rec["article"]["id"])
            stored = content([e.to_dict() for e in session.entities.values()],
                             [e.to_dict() for e in session.events.values()])
            session.close()
            assert content(rec["entities"], rec["events"]) == stored


def test_a_dask_cluster_gives_the_same_shards_as_the_local_run(shards, tmp_path):
    """A real LocalCluster of two worker processes runs the same function: the same bytes."""
    paths = shard_paths(str(shards))
    settings = ShardSettings(stamp="2021-03-09T00:00:00+00:00")
    suggest_local(paths, tmp_path / "local", settings, n_process=1)
    seen = []
    with dask_client("local", workers=2) as client:
        totals = suggest_dask(client, paths, tmp_path / "dask", settings, seen.append)
    assert totals["shards"] == 3 and totals["articles"] == 6 and seen[-1] == 6
    local, dask = records(tmp_path / "local"), records(tmp_path / "dask")
    assert dask == local and sum(len(r[0]["entities"]) for r in [v[1:] for v in local.values()]) > 0


def test_output_shards_import_as_suggestions_not_annotations(shards, tmp_path, capsys):
    out, db = tmp_path / "out", tmp_path / "p.json"
    assert main(["suggest", "--in-shards", str(shards), "--out-shards", str(out)]) == 0
    assert main(["import", str(out), "--db", str(db)]) == 0  # a folder of shards is detected as such
    assert "imported 6 new article(s)" in capsys.readouterr().out
    with Store(db, create=False) as store:
        rows = store.rows()
        assert len(rows) == 6 and all(r["analysed"].startswith("en_core_web_sm") for r in rows)
        assert all(not r["reviewed"] and r["status"] == "todo" for r in rows)
        session = store.open_session(rows[0]["id"])
        try:
            entities, events = list(session.entities.values()), list(session.events.values())
            assert entities and events
            assert all(e.status == "suggested" and e.origin == "model" for e in [*entities, *events])
            assert session.counts()["suggested"] == len(entities)
        finally:
            session.close()
    assert main(["suggest", "--db", str(db)]) == 0  # the model does not run again on them
    assert "nothing to do" in capsys.readouterr().out


def test_a_bad_shard_line_is_one_line_and_nothing_is_written(shards, tmp_path, capsys):
    (shards / "part-1.jsonl").write_text('{"title": "no text"}\n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["suggest", "--in-shards", str(shards / "*.jsonl"), "--out-shards", str(out)]) == 1
    err = capsys.readouterr().err
    assert "part-1.jsonl:1: no 'text' field" in err and "nothing was suggested" in err
    assert not out.exists()


def test_dask_missing_is_one_line(shards, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the [dask] extra were not installed
    args = ["suggest", "--in-shards", str(shards), "--out-shards", str(tmp_path / "out"), "--dask", "local"]
    assert main(args) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "newsmark: --dask needs Dask: pip install 'newsmark[dask]' (dask and distributed)"


def test_shards_and_a_project_are_not_mixed(shards, tmp_path, capsys):
    assert main(["suggest", "--in-shards", str(shards)]) == 1
    assert main(["suggest", "--in-shards", str(shards), "--out-shards", str(shards)]) == 1
    assert main(["suggest"]) == 1
    err = capsys.readouterr().err
    assert "--in-shards and --out-shards together" in err and "holds the input shards" in err
