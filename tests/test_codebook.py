"""The codebook: the default loads; an invalid one is refused with a message naming the problem."""

from __future__ import annotations

import pytest

from tui.core.codebook import CodebookError, load_codebook

GOOD = """
name = "mini"
version = "2"
[entity_labels.ORG]
key = "1"
colour = "#112233"
[entity_labels.GPE]
key = "2"
colour = "#445566"
[roles.Attacker]
labels = ["ORG"]
acled = "actor1"
[roles.Place]
labels = ["GPE"]
acled = "location"
[event_types.ATTACK]
subtypes = ["Armed clash"]
roles = { Attacker = "+", Place = "?" }
"""


def test_default_codebook_has_acled_types_and_keyed_labels():
    cb = load_codebook()
    assert cb.name == "acled"
    assert set(cb.event_types) >= {"BATTLE", "REMOTE_VIOLENCE", "PROTEST", "RIOT", "ARREST", "AGREEMENT"}
    assert "Air/drone strike" in cb.event_types["REMOTE_VIOLENCE"].subtypes
    assert cb.label_for_key("3").name == "ORG"
    assert cb.event_types["BATTLE"].slots["Attacker"].acled == "actor1"
    assert cb.event_types["ARREST"].slots["Agent"].acled == "actor1"
    assert cb.event_types["BATTLE"].slots["Attacker"].required
    assert cb.event_types["BATTLE"].roles_for_label("GPE") == ["Attacker", "Target", "Place"]


def test_each_role_and_type_has_one_key_that_never_changes_with_the_event_or_the_entity():
    cb = load_codebook()
    keys = {name: role.key for name, role in cb.roles.items()}
    assert len(set(keys.values())) == len(keys) and (keys["Attacker"], keys["Time"]) == ("a", "d")
    for etype in cb.event_types.values():  # a slot's role is the codebook's role, key and all
        assert all(slot.role.key == keys[name] for name, slot in etype.slots.items())
    # A DATE is never offered as an Instrument or a Crime; a span that is no entity may fill any role.
    assert cb.event_types["BATTLE"].roles_for_label("DATE") == ["Time"]
    assert cb.event_types["ARREST"].roles_for_label("DATE") == ["Time"]
    assert "Crime" in cb.event_types["ARREST"].roles_for_label(None)
    strike = cb.event_types["REMOTE_VIOLENCE"]
    assert strike.key == "e" and strike.subtype_code("Air/drone strike") == "e1"
    assert len({t.key for t in cb.event_types.values()}) == len(cb.event_types)


def test_a_codebook_without_keys_gets_the_same_keys_every_time(tmp_path):
    path = tmp_path / "mini.toml"
    path.write_text(GOOD.replace('[roles.Place]', '[roles.Place]\nkey = "a"'))
    first, again = load_codebook(path), load_codebook(path)
    assert first.roles["Place"].key == "a" and first.roles["Attacker"].key == "t"  # a is taken: next letter
    assert [r.key for r in first.roles.values()] == [r.key for r in again.roles.values()]
    assert first.event_types["ATTACK"].key == "a"


def test_custom_codebook_file_loads(tmp_path):
    path = tmp_path / "mini.toml"
    path.write_text(GOOD)
    cb = load_codebook(path)
    assert (cb.name, cb.version, list(cb.event_types)) == ("mini", "2", ["ATTACK"])


@pytest.mark.parametrize("edit, message", [
    (lambda s: s.replace('colour = "#112233"', 'colour = "blue"'), "entity label ORG: colour 'blue' is not #rrggbb"),
    (lambda s: s.replace('key = "2"', 'key = "1"'), "entity label GPE: key 1 is already used by ORG"),
    (lambda s: s.replace('labels = ["GPE"]', 'labels = ["CITY"]'), "role Place: unknown entity label 'CITY'"),
    (lambda s: s.replace('Place = "?"', 'Place = "many"'), "role Place has cardinality 'many'"),
    (lambda s: s.replace('Place = "?"', 'Weapon = "?"'), "unknown role 'Weapon'"),
    (lambda s: s.replace('subtypes = ["Armed clash"]', 'subtypes = []'), "needs a non-empty list of subtypes"),
    (lambda s: s.replace('name = "mini"', ''), "missing top-level key 'name'"),
    (lambda s: s + "\n[[broken", "not valid TOML"),
    (lambda s: s.replace('acled = "location"', 'acled = "location"\nkey = "Pl"'),
     "role Place: key 'Pl' is not one lower-case letter or digit"),
    (lambda s: s.replace('acled = "actor1"', 'acled = "actor1"\nkey = "x"').replace(
        'acled = "location"', 'acled = "location"\nkey = "x"'), "role Place: key x is already used by Attacker"),
    (lambda s: s.replace('["Armed clash"]', str([f"s{i}" for i in range(36)]).replace("'", '"')),
     "more than 35 subtypes"),
])
def test_invalid_codebook_is_refused_with_the_problem_named(tmp_path, edit, message):
    path = tmp_path / "bad.toml"
    path.write_text(edit(GOOD))
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    assert str(info.value).startswith(str(path))
    assert message in str(info.value)


def test_missing_codebook_file(tmp_path):
    with pytest.raises(CodebookError, match="no such file"):
        load_codebook(tmp_path / "nope.toml")
