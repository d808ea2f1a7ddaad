"""Agreement between coders, on constructed disagreements whose figures are worked out by hand."""

from __future__ import annotations

import json

import krippendorff
import numpy as np
import pytest

from tui.cli import main
from tui.core.agreement import agreement, krippendorff_alpha
from tui.core.team import Team

from .teamhelpers import TEXT, article, coder_db, ent, event

OTHER = "A clash. A strike. A protest. A riot. A march."


def coded(tmp_path, a_work, b_work):
    a = coder_db(tmp_path / "alice.json", "alice", a_work)
    b = coder_db(tmp_path / "bob.json", "bob", b_work)
    return a, b


def figures(paths):
    with Team(paths) as team:
        return agreement(team, team.check_shared())


def test_three_spans_against_three_with_two_shared_is_two_thirds(tmp_path):
    art = article()
    a, b = coded(tmp_path,
                 [(art, [ent("Kaduna", "GPE"), ent("Sunday", "DATE"), ent("Maiduguri", "GPE")], [])],
                 [(art, [ent("Kaduna", "GPE"), ent("Sunday", "DATE"), ent("near Maiduguri", "GPE")], [])])
    result = figures([a, b]).to_json()
    # exact: 2 shared of 3 and 3 -> 2*2 / (3+3)
    assert result["entities.f1"] == pytest.approx(2 / 3)
    # overlapping: "Maiduguri" and "near Maiduguri" overlap with the same label -> 3 of 3
    assert result["entities.f1_overlap"] == pytest.approx(1.0)
    # GPE alone: 1 shared of 2 and 2 -> 0.5 exact, 1.0 overlapping; DATE agrees
    assert result["entities.by_label"]["GPE"] == {"f1": 0.5, "f1_overlap": 1.0}
    assert result["entities.by_label"]["DATE"] == {"f1": 1.0, "f1_overlap": 1.0}
    assert result["per_article"][0]["entities.f1"] == pytest.approx(2 / 3)
    assert result["per_article"][0]["entities.count"] == {"alice": 3, "bob": 3}


def test_overlapping_spans_with_different_labels_do_not_match(tmp_path):
    art = article()
    a, b = coded(tmp_path, [(art, [ent("Borno", "GPE")], [])], [(art, [ent("Borno", "LOC")], [])])
    result = figures([a, b]).to_json()
    assert result["entities.f1"] == 0.0 and result["entities.f1_overlap"] == 0.0


def events_of_alice():
    return [
        event("killed", "VIOLENCE_AGAINST_CIVILIANS", "Attack", fatalities=12,
              args={"Attacker": "Gunmen", "Victim": "12 villagers", "Place": "Kaduna"}),
        event("attacked", "BATTLE", "Armed clash", args={"Attacker": "Troops", "Target": "rebels"}),
        event("shelled", "REMOTE_VIOLENCE", "Shelling/artillery/missile attack"),
    ]


def test_event_figures_worked_by_hand(tmp_path):
    art = article()
    bob = [
        event("killed", "VIOLENCE_AGAINST_CIVILIANS", "Attack", fatalities=12,
              args={"Attacker": "Gunmen", "Victim": "villagers", "Place": "Kaduna"}),
        event("Troops attacked", "BATTLE", "Government regains territory",
              args={"Attacker": "Troops", "Target": "rebels"}),
    ]
    a, b = coded(tmp_path, [(art, [], events_of_alice())], [(art, [], bob)])
    result = figures([a, b]).to_json()
    # triggers: killed = killed, attacked overlaps "Troops attacked"; shelled unmatched -> 2*2 / (3+2)
    assert result["events.trigger_f1"] == pytest.approx(0.8)
    assert result["events.trigger_f1_exact"] == pytest.approx(0.4)  # only "killed" is identical: 2*1 / 5
    assert result["events.type_agreement"] == 1.0  # both matched pairs have the same type
    assert result["events.subtype_agreement"] == 0.5  # Armed clash vs Government regains territory
    # arguments on matched events: 2 of 3 and 3 (Victim differs), then 2 of 2 and 2 -> 2*4 / (5+5)
    assert result["events.argument_f1"] == pytest.approx(0.8)
    # two matched units with different types, each agreed -> alpha 1; fatalities has one value only
    assert result["events.type_alpha"] == pytest.approx(1.0)
    assert result["events.fatalities_alpha"] is None
    assert result["entities.f1"] is None  # neither coder marked an entity: undefined, not 0 or 1


def test_identical_work_agrees_fully(tmp_path):
    art = article()
    ents = [ent("Kaduna", "GPE"), ent("Sunday", "DATE")]
    a, b = coded(tmp_path, [(art, ents, events_of_alice())], [(art, [ent("Kaduna", "GPE"), ent("Sunday", "DATE")],
                                                                events_of_alice())])
    result = figures([a, b]).to_json()
    for key in ("entities.f1", "entities.f1_overlap", "events.trigger_f1", "events.trigger_f1_exact",
                "events.type_agreement", "events.subtype_agreement", "events.argument_f1", "events.type_alpha"):
        assert result[key] == 1.0, key


def test_type_alpha_on_a_small_table_matches_the_library_and_the_hand_value(tmp_path):
    art = article(OTHER, "Other")
    words = ("clash", "strike", "protest", "riot")
    alice = [event(w, t, text=OTHER, fatalities=f)
             for w, t, f in zip(words, ("BATTLE", "PROTEST", "RIOT", "RIOT"), (1, 2, 3, 3))]
    bob = [event(w, t, text=OTHER, fatalities=f)
           for w, t, f in zip(words, ("BATTLE", "PROTEST", "RIOT", "ARREST"), (1, 2, 3, 4))]
    a, b = coded(tmp_path, [(art, [], alice)], [(art, [], bob)])
    result = figures([a, b]).to_json()
    # By hand: 8 values (BATTLE 2, PROTEST 2, RIOT 3, ARREST 1); one disagreeing unit gives
    # o(RIOT, ARREST) = o(ARREST, RIOT) = 1; alpha = 1 - (n-1) * 2 / (n^2 - sum n_c^2) = 1 - 7*2/46 = 16/23.
    assert result["events.type_alpha"] == pytest.approx(16 / 23)
    assert result["events.type_alpha"] == pytest.approx(
        krippendorff.alpha(reliability_data=[[1, 2, 3, 3], [1, 2, 3, 4]], level_of_measurement="nominal"))
    assert result["events.fatalities_alpha"] == pytest.approx(
        krippendorff.alpha(reliability_data=[[1, 2, 3, 3], [1, 2, 3, 4]], level_of_measurement="ratio"))
    assert result["events.type_agreement"] == pytest.approx(3 / 4)


def test_alpha_with_missing_values_matches_the_library_example():
    nan = None
    table = [[nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3],
             [1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan],
             [nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4]]
    assert krippendorff_alpha(table, "nominal") == pytest.approx(0.691358, abs=1e-6)
    assert krippendorff_alpha([[2, 2], [2, 2]], "nominal") is None  # one value: alpha is undefined
    assert krippendorff_alpha([[np.nan]], "ratio") is None


def test_three_coders_average_the_pairs(tmp_path):
    art = article()
    a, b = coded(tmp_path, [(art, [ent("Kaduna", "GPE")], [])], [(art, [ent("Kaduna", "GPE")], [])])
    c = coder_db(tmp_path / "carol.json", "carol", [(art, [ent("Borno", "GPE")], [])])
    result = figures([a, b, c]).to_json()
    assert [p["entities.f1"] for p in result["pairs"]] == [1.0, 0.0, 0.0]
    assert result["entities.f1"] == pytest.approx(1 / 3)


def test_agree_json_names_each_figure(tmp_path, capsys):
    art = article()
    a, b = coded(tmp_path, [(art, [ent("Kaduna", "GPE")], events_of_alice())],
                 [(art, [ent("Kaduna", "GPE")], events_of_alice()[:1])])
    assert main(["agree", "--db", str(a), "--db", str(b), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in ("entities.f1", "entities.f1_overlap", "events.trigger_f1", "events.type_agreement",
                "events.subtype_agreement", "events.argument_f1", "events.type_alpha", "events.fatalities_alpha"):
        assert key in out
    assert out["coders"] == ["alice", "bob"] and out["articles"] == 1
    assert out["events.trigger_f1"] == pytest.approx(0.5)  # 1 of 3 and 1 -> 2/4


def test_agree_table_by_default(tmp_path, capsys):
    art = article()
    a, b = coded(tmp_path, [(art, [ent("Kaduna", "GPE")], [])], [(art, [ent("Kaduna", "GPE")], [])])
    assert main(["agree", "--db", str(a), "--db", str(b)]) == 0
    out = capsys.readouterr().out
    assert "entity span F1, exact" in out and "1.000" in out and "Kaduna attack" in out


def test_agree_errors_are_one_line(tmp_path, capsys):
    art = article()
    a = coder_db(tmp_path / "alice.json", "alice", [(art, [], [])])
    other = coder_db(tmp_path / "bob.json", "bob", [(article(OTHER, "Other"), [], [])])
    todo = coder_db(tmp_path / "carol.json", "carol", [(art, [], [])], status="todo")
    cases = [
        (["--db", str(a)], "give two or more databases"),
        (["--db", str(a), "--db", str(tmp_path / "missing.json")], "missing.json: no such database"),
        (["--db", str(a), "--db", str(other)], "no article is in every database"),
        (["--db", str(a), "--db", str(todo)], "none is done or in progress in every database"),
        (["--db", str(a), "--db", str(a)], "given twice"),
    ]
    for args, message in cases:
        assert main(["agree", *args]) == 1
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1, err
    assert main(["agree", "--db", str(a), "--db", str(todo), "--all", "--json"]) == 0


def test_a_damaged_article_is_said_and_left_out(tmp_path, capsys):
    art, other = article(), article(OTHER, "Other")
    a, b = coded(tmp_path, [(art, [ent("Kaduna", "GPE")], []), (other, [], [])],
                 [(art, [ent("Kaduna", "GPE")], []), (other, [], [])])
    damaged = tmp_path / "bob_articles" / f"{other.id}.json"
    damaged.write_text("{not json")
    assert main(["agree", "--db", str(a), "--db", str(b), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["articles"] == 1
    assert str(damaged) in captured.err and captured.err.count("\n") == 1
    assert damaged.read_text() == "{not json"  # read-only: left as it was
