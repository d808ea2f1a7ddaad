"""`export --format acled` leaves out events the text does not report as real (a modality) and says how
many and why; the training formats keep them with their attribute."""

import csv
import json

from tui.cli import main
from tui.core import events as ev
from tui.core.session import change
from tui.core.store import Store


def _code_two_events(db_path, codebook):
    """One event that happened and one 'arrests since June' background event, both accepted."""
    with Store(db_path) as store:
        session = store.open_session(store.article_ids()[0], annotator="tester")
        text = session.article.text
        ids = []
        for words in ("attack on the US", "strikes against"):
            start = text.index(words)
            changes = ev.new_event(session, codebook, "BATTLE", start, start + len(words.split()[0]))
            session.commit("new", changes)
            ids.append(changes[-1]["id"])
        session.commit("accept", ev.accept_event(session, ids[0]) + ev.accept_event(session, ids[1]))
        event = session.events[ids[1]]
        changed = type(event).from_dict({**event.to_dict(), "modality": "background"})
        session.commit("modality", [change("events", event, changed)])
        store.sync(session)
        session.close()
    return ids


def test_acled_export_leaves_out_events_with_a_modality_and_says_so(seed_db, codebook, tmp_path, capsys):
    real, background = _code_two_events(seed_db, codebook)
    out = tmp_path / "events.csv"
    assert main(["export", "--db", str(seed_db), "--format", "acled", "--out", str(out)]) == 0
    report = capsys.readouterr().out
    ids = [row["app_event_id"] for row in csv.DictReader(out.open(encoding="utf-8"))]
    assert real in ids and background not in ids
    assert "not exported: 1 event(s) the text does not report as real (1 background)" in report

    jsonl = tmp_path / "events.jsonl"
    assert main(["export", "--db", str(seed_db), "--format", "jsonl", "--out", str(jsonl)]) == 0
    assert "not exported" not in capsys.readouterr().out
    kept = [e for line in jsonl.read_text(encoding="utf-8").splitlines()
            for e in json.loads(line).get("events", []) if e.get("id") == background]
    assert kept and kept[0]["modality"] == "background"
