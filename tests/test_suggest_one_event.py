"""One suggestion per real event (real pinned model, sentences written for the test): a report tells its
event again in its own word or a general one, and those mentions are one event; another act, another
victim, another attacker or a word such as "another" make another event; a summary of several events
joins the event it sums up or is suggested marked generic."""

from tests.test_suggest_rules import role, suggester, words  # noqa: F401 (suggester is a fixture)
from tests.test_suggest_rules import suggest


def told(pipeline, suggester, text, published="2019-12-02"):
    article, events = suggest(pipeline, suggester, text, published)
    return [(words(article, e), e.fields.get("event_date"), e.modality) for e in events]


def test_an_event_told_again_in_a_general_word_is_one_event(pipeline, suggester):
    text = ("On Friday a man stabbed several people at a market in Leeds. Police arrived and shot the man dead. "
            "Witnesses said the man had started attacking shoppers near the entrance.")
    assert [t for t, _, _ in told(pipeline, suggester, text)] == ["stabbed"]  # police shooting him: part of it


def test_a_spelled_out_date_told_later_dates_the_event(pipeline, suggester):
    text = ("It was reported on Saturday that an inmate was stabbed in a prison in San Diego. "
            "The prison said an inmate had been stabbed on Friday, August 30.")
    assert told(pipeline, suggester, text, "2019-09-03") == [("stabbed", "2019-08-30", "")]


def test_another_act_another_victim_or_another_blast_is_another_event(pipeline, suggester):
    text = "On Sunday a man began to stab people on a street in Streatham. Officers shot a bystander outside a shop."
    assert [t for t, _, _ in told(pipeline, suggester, text, "2020-02-05")] == ["stab", "shot"]
    text = "A bomb exploded at a market in Kabul on Monday. Another bomb exploded near the market."
    assert len(told(pipeline, suggester, text)) == 2
    text = ("A teenager is the suspect in a shooting of protesters in Kenosha that left two people dead. "
            "The protesters had marched against the shooting of Jacob Blake.")
    assert [t for t, _, _ in told(pipeline, suggester, text, "2020-11-22")] == ["shooting", "marched", "shooting"]


def test_a_summary_joins_the_event_it_sums_up(pipeline, suggester):
    text = ("A couple of suicide bombings hit Tunis last month. "
            "Two people were killed in a suicide bombing in Tunis on June 27.")
    assert told(pipeline, suggester, text, "2019-07-08") == [("suicide bombing", "2019-06-27", "")]


def test_a_summary_of_other_events_or_a_campaign_is_marked_generic(pipeline, suggester):
    text = "A bomb exploded at a bakery in Lyon on Friday. France has been on alert since militants launched a series of attacks across Paris."
    assert [(t, m) for t, _, m in told(pipeline, suggester, text, "2019-05-25")] == [("exploded", ""), ("attacks", "generic")]
    text = "Bombs went off across the city centre of Belfast. As each bomb exploded there were cries of terror."
    assert ("exploded", "generic") in [(t, m) for t, _, m in told(pipeline, suggester, text, "1972-07-22")]
    text = "Hongkongers have been protesting since early June. More than 1000 people have been arrested since the protests began."
    assert {m for _, _, m in told(pipeline, suggester, text, "2019-09-06")} == {"generic"}


def test_arrests_in_many_places_are_several_events(pipeline, suggester):
    text = "Police said 337 users were arrested yesterday. Arrests were made in Australia, Brazil, Canada and Spain."
    assert told(pipeline, suggester, text, "2019-10-17") == [("arrested", "2019-10-16", ""), ("Arrests", "2019-10-17", "generic")]


def test_a_place_of_another_clause_does_not_split_the_event(pipeline, suggester):
    text = ("The speech came a week after an attack on oil plants in Saudi Arabia. The first reports were of drone "
            "attacks, but the Saudi government said the attack included cruise missiles which could not have come from Yemen.")
    article, events = suggest(pipeline, suggester, text, "2019-09-23")
    assert [(e.type, role(article, e, "Place")) for e in events] == [("REMOTE_VIOLENCE", ["Saudi Arabia"])]
    text = "Yesterday, the security minister Wiranto, who was visiting the town of Pandeglang, was stabbed."
    article, events = suggest(pipeline, suggester, text, "2019-10-11")
    assert role(article, events[0], "Place") == ["Pandeglang"]  # a relative clause on a party to the event
