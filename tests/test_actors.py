"""Standard actors: the default codebook's list, generic patterns for every country, span matching,
and an actor list that is wrong refused with one line naming the entry."""

from __future__ import annotations

import pytest

from tui.core.actors import INTER_CODES, StandardActor, actor_list, inter_for
from tui.core.codebook import CodebookError, load_codebook
from tui.core.countries import all_countries

MINI = """
name = "mini"
version = "1"
actors = "actors.toml"
[entity_labels.ORG]
colour = "#112233"
[roles.Attacker]
labels = ["ORG"]
acled = "actor1"
[event_types.ATTACK]
subtypes = ["Armed clash"]
roles = { Attacker = "+" }
"""
ACTORS = """
[[pattern]]
name = "Protesters ({country})"
inter = 6
aliases = ["protesters"]

[[actor]]
name = "Police Forces of Belarus (1994-)"
inter = 1
country = "Belarus"
aliases = ["OMON"]
"""


@pytest.fixture(scope="module")
def actors():
    return actor_list(load_codebook())


def test_default_list_names_state_forces_groups_and_generic_actors_of_every_country(actors):
    names = set(actors.names())
    for name in ("Military Forces of Syria (2000-2024)", "SDF: Syrian Democratic Forces", "Taliban",
                 "Military Forces of Yemen (2017-) Houthi", "Police Forces of Serbia (2017-)",
                 "Police Forces of China (2013-) Hong Kong Police Force", "Abu Sayyaf Group"):
        assert name in names
    countries = all_countries()
    assert len(countries) > 240  # made from pycountry, not typed
    for country in countries:
        for generic in ("Protesters", "Rioters", "Civilians", "Unidentified Armed Group"):
            assert f"{generic} ({country.name})" in names
    assert "Protesters (Belarus)" in names and "Civilians (Afghanistan)" in names
    assert "Police Forces of Mali" in names and "Military Forces of the Gambia" in names
    assert "Police Forces of Serbia" not in names  # the named Serbian police stand in for the pattern
    assert actors.get("Protesters (Belarus)") == StandardActor("Protesters (Belarus)", 6, "Belarus")
    assert actors.get("no such actor") is None
    assert set(INTER_CODES) == set(range(1, 9))


def test_names_put_the_countrys_actors_first(actors):
    names = actors.names("Belarus")
    assert names[:2] == ["Police Forces of Belarus (1994-)", "Military Forces of Belarus (1994-)"]
    assert set(names[:6]) >= {"Protesters (Belarus)", "Civilians (Belarus)"}
    assert len(names) == len(actors.names())


@pytest.mark.parametrize("span, country, expected", [
    ("pro-Assad fighters", "Syria", "Military Forces of Syria (2000-2024)"),
    ("they", "Syria", None),
    ("US-backed, Kurdish-led Syrian Democratic Forces", "Syria", "SDF: Syrian Democratic Forces"),
    ("US-backed SDF fighters", "Syria", "SDF: Syrian Democratic Forces"),
    ("the United States'", "Iraq", "Military Forces of the United States (2017-2021)"),
    ("the Coalition", "Syria", "Global Coalition Against Daesh"),
    ("protesters", "Belarus", "Protesters (Belarus)"),
    ("thousands of protesters", "Belarus", "Protesters (Belarus)"),
    ("protesters", None, None),  # a generic actor needs the event's country
    ("people", "Afghanistan", "Civilians (Afghanistan)"),
    ("police", "Serbia", "Police Forces of Serbia (2017-)"),
    ("police", "China", "Police Forces of China (2013-)"),
    ("Hong Kong police", "China", "Police Forces of China (2013-) Hong Kong Police Force"),
    ("IS", "Iraq", "Islamic State (Iraq)"),
    ("IS", "Syria", "Islamic State (Syria)"),
    ("this is what he said", "Syria", None),  # "is" in lower case is no acronym
    ("gunmen", "Yemen", "Unidentified Armed Group (Yemen)"),
    ("the gunman", "United States", "Sole Perpetrator (United States)"),  # a lone attacker
    ("the government", "Indonesia", "Government of Indonesia"),
    ("Houthi rebels", "Yemen", "Military Forces of Yemen (2017-) Houthi"),
    ("Protesters (Belarus)", None, "Protesters (Belarus)"),
    ("", "Syria", None),
])
def test_a_span_links_to_its_standard_actor(actors, span, country, expected):
    found = actors.match(span, country)
    assert (found.name if found else None) == expected


def test_state_forces_abroad_are_external_forces(actors):
    us = actors.get("Military Forces of the United States (2017-2021)")
    assert inter_for(us, "United States") == 1
    assert inter_for(us, "Syria") == 8
    assert inter_for(actors.get("Protesters (Belarus)"), "Poland") == 6


def test_actor_list_is_built_once_per_codebook():
    codebook = load_codebook()
    assert actor_list(codebook) is actor_list(codebook)


def test_custom_codebook_carries_its_own_actor_list(tmp_path):
    (tmp_path / "mini.toml").write_text(MINI)
    (tmp_path / "actors.toml").write_text(ACTORS)
    actors = actor_list(load_codebook(tmp_path / "mini.toml"))
    assert actors.match("OMON", "Belarus").name == "Police Forces of Belarus (1994-)"
    assert actors.match("protesters", "Chile").name == "Protesters (Chile)"
    assert "Taliban" not in actors.names()


@pytest.mark.parametrize("edit, message", [
    (lambda s: s.replace("inter = 1", "inter = 9"), "actor 'Police Forces of Belarus (1994-)': inter 9 is not an ACLED actor type 1 to 8"),
    (lambda s: s.replace('country = "Belarus"', 'country = "Narnia"'), "unknown country 'Narnia'"),
    (lambda s: s.replace('country = "Belarus"', 'country = "BY"'), "country 'BY' is spelt 'Belarus' here"),
    (lambda s: s.replace('aliases = ["OMON"]', 'aliases = "OMON"'), "aliases must be a list of non-empty strings"),
    (lambda s: s.replace('"Protesters ({country})"', '"Protesters"'), "pattern 'Protesters': a pattern's name must hold {country}"),
    (lambda s: s + '\n[[actor]]\nname = "Police Forces of Belarus (1994-)"\ninter = 1\n', "is listed twice"),
    (lambda s: s + "\n[[actor]]\ninter = 1\n", "actor number 2: needs a name"),
    (lambda s: s + "\n[[broken", "not valid TOML"),
])
def test_bad_actor_list_is_refused_naming_the_entry(tmp_path, edit, message):
    (tmp_path / "mini.toml").write_text(MINI)
    (tmp_path / "actors.toml").write_text(edit(ACTORS))
    with pytest.raises(CodebookError) as info:
        load_codebook(tmp_path / "mini.toml")
    text = str(info.value)
    assert message in text and text.startswith(str(tmp_path / "mini.toml") + ": actor list actors.toml")
    assert "\n" not in text


def test_missing_actor_file_is_named(tmp_path):
    (tmp_path / "mini.toml").write_text(MINI.replace("actors.toml", "gone.toml"))
    with pytest.raises(CodebookError, match="actor list gone.toml: no such file"):
        load_codebook(tmp_path / "mini.toml")


def test_named_groups_complete_and_link(codebook):
    """A coder spent most of an event's keys typing "Jamaah Ansharut Daulah": the named armed and
    political groups of named_groups.csv complete from a word of their name, and link from a span."""
    from tui.core.actors import INTER_CODES, actor_list, named_groups
    from tui.core.completion import Completer
    from tui.core.countries import all_countries

    groups = named_groups()
    assert len(groups) >= 100
    countries = {c.name for c in all_countries()} | {""}
    for group in groups:  # every line: a known country, an ACLED inter code, and its aliases
        assert group.country in countries and group.inter in INTER_CODES and group.aliases, group
    assert len({g.name for g in groups}) == len(groups)
    done = Completer(codebook, [], {}, default_country="Indonesia")
    for typed in ("Jamaah", "jamaah ans", "JAD"):
        assert done.complete("actor1", typed, "Indonesia") == "JAD: Jamaah Ansharut Daulah"
    assert done.describe("actor1", "JAD: Jamaah Ansharut Daulah") == "Political militia, Indonesia"
    assert done.complete("actor2", "Al Shab", "Somalia") == "Al Shabaab"
    actors = actor_list(codebook)
    assert actors.match("Boko Haram", "Nigeria").name.startswith("Boko Haram - ")
    assert actors.match("Jemaah Anshorut Daulah", "Indonesia").name == "JAD: Jamaah Ansharut Daulah"
    # A country's generic actors still complete before its named groups ("U" in the UK is not the UVF).
    assert done.complete("actor1", "U", "United Kingdom") == "Unidentified Armed Group (United Kingdom)"


@pytest.mark.parametrize("span, country, expected", [
    ("Jamaah Ansharut Daulah militants", "Indonesia", "JAD: Jamaah Ansharut Daulah"),
    ("the JAD militants", "Indonesia", "JAD: Jamaah Ansharut Daulah"),
    ("suspected Al-Shabaab militants", "Somalia", "Al Shabaab"),
    ("Boko Haram gunmen", "Nigeria", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    ("militants", "Indonesia", "Unidentified Armed Group (Indonesia)"),  # no name: the generic actor
    ("pro-Assad militants", "Syria", "Unidentified Armed Group (Syria)"),  # a compound is no modifier
    ("US-backed militants", "Syria", "Unidentified Armed Group (Syria)"),
    ("PTI protesters", "Pakistan", "Protesters (Pakistan)"),  # a crowd stays the actor (party: associated)
])
def test_a_named_group_modifying_a_generic_word_is_the_actor(actors, span, country, expected):
    """"Jamaah Ansharut Daulah militants": "militants" says what JAD is, so the named group wins over
    the generic actor the word alone would give; a crowd led by a group stays the crowd, as ACLED codes it."""
    found = actors.match(span, country)
    assert (found.name if found else None) == expected


def test_an_events_actor_fields_take_the_named_group_of_its_span(codebook):
    from tui.core.acled_fields import standard_actor_fields

    fields = standard_actor_fields(codebook, ["Jamaah Ansharut Daulah militants"], ["police officers"], "Indonesia",
                                   "BATTLE")
    assert fields["actor1"] == "JAD: Jamaah Ansharut Daulah"
    assert fields["actor2"].startswith("Police Forces of Indonesia")
