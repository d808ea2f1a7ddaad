"""Builds the gold event files from the coding below, computing and checking every offset.

Coded by reading each article as an ACLED coder would (not yet in the app): one record per event
the article reports as having happened (not planned, threatened, generic, alleged or negated);
background events (specific but before the report, e.g. "In 2006, Abqaiq was the target of an
Al-Qaeda suicide attack") are kept with ``background: true``. ``trigger`` is the event's main
mention; ``mentions`` are other words naming the same event ("the attack", "the blast").
Spans are written as (words, context): the words are found inside the first occurrence of the
context, so each offset is computed by this script and then checked (text[start:end] == words).

Run: .venv/bin/python tests/gold/make_gold.py   (writes tests/gold/NN.json)
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
import sys  # noqa: E402

sys.path.insert(0, str(ROOT))
from tui.core.importer import read_text_file  # noqa: E402

W = tuple  # (words, context)


def ev(type_, subtype, trigger, mentions=(), args=(), fields=None, background=False, note=""):
    return {"type": type_, "subtype": subtype, "trigger": trigger, "mentions": list(mentions),
            "arguments": list(args), "fields": fields or {}, "background": background, "note": note}


GOLD = {
    "00": [
        ev("BATTLE", "Armed clash", ("attack", "launched a large attack on"),
           [("Attack", "Killed in Attack on"), ("attack", "its first major attack"), ("assault", "repelled the assault"),
            ("repelled", "forces repelled the"), ("attack", "the thwarted attack")],
           [("Attacker", ("pro-Assad fighters", "More than 100 pro-Assad fighters")),
            ("Target", ("Syrian Democratic Forces", "Kurdish-led Syrian Democratic Forces")),
            ("Place", ("Deir ez-Zor Province", "in Deir ez-Zor Province")), ("Time", ("late Wednesday", "late Wednesday"))],
           {"event_date": "2018-02-07", "time_precision": 1, "country": "Syria", "admin1": "Deir ez-Zor", "fatalities": 0},
           note="fatalities attributed to the Coalition strikes (one event only, as ACLED)"),
        ev("REMOTE_VIOLENCE", "Air/drone strike", ("strikes", "conducted strikes against"),
           [("operations", "aerial operations")],
           [("Attacker", ("Coalition", "the Coalition conducted")), ("Target", ("attacking forces", "against attacking forces")),
            ("Victim", ("More than 100 pro-Assad fighters", "More than 100 pro-Assad fighters"))],
           {"event_date": "2018-02-07", "time_precision": 1, "country": "Syria", "admin1": "Deir ez-Zor", "fatalities": 100}),
        ev("REMOTE_VIOLENCE", "Air/drone strike", ("attacks", "US attacks in September"),
           [("hit", "accidentally hit")],
           [("Attacker", ("US", "US attacks in September")), ("Target", ("Assad regime troops", "hit Assad regime troops")),
            ("Victim", ("scores", "killing scores")), ("Time", ("September 2016", "in September 2016"))],
           {"event_date": "2016-09-01", "time_precision": 3, "country": "Syria"}, background=True),
        ev("BATTLE", "Government regains territory", ("offensives", "SDF offensives"),
           [("removed", "was removed from all")],
           [("Attacker", ("pro-Assad", "combination of pro-Assad")), ("Attacker", ("SDF", "and SDF offensives")),
            ("Target", ("Islamic State", "The Islamic State was removed")),
            ("Place", ("Deir ez-Zor city", "including Deir ez-Zor city")), ("Time", ("autumn 2017", "in autumn 2017"))],
           {"event_date": "2017-10-01", "time_precision": 3, "country": "Syria"}, background=True),
    ],
    "01": [
        ev("REMOTE_VIOLENCE", "Suicide bomb", ("car bomb", "A car bomb was on Monday"),
           [("attack", "died in the attack"), ("targeted", "it was targeted with"), ("explosion", "The explosion was very"),
            ("attack", "Monday's attack"), ("attack", "said the attack had killed")],
           [("Attacker", ("Taliban", "conducted by the Taliban")), ("Target", ("military base", "into a military base")),
            ("Place", ("Maidan Shahr", "in Maidan Shahr")), ("Time", ("Monday", "on Monday rammed")),
            ("Victim", ("Dozens", "Dozens died"))],
           {"event_date": "2019-01-21", "time_precision": 1, "country": "Afghanistan", "admin1": "Maidan Wardak", "fatalities": 12}),
        ev("BATTLE", "Armed clash", ("assault", "since an assault in Ghazni"), [],
           [("Place", ("Ghazni", "an assault in Ghazni")), ("Time", ("August 2018", "in August 2018")),
            ("Victim", ("150 security forces, 95 civilians, and hundreds of Taliban", "reporting at the time 150 security forces, 95 civilians, and hundreds of Taliban"))],
           {"event_date": "2018-08-01", "time_precision": 3, "country": "Afghanistan"}, background=True),
        ev("REMOTE_VIOLENCE", "Remote explosive/landmine/IED", ("car bombing", "a Kabul car bombing"),
           [("attack", "another attack ascribed")],
           [("Attacker", ("Taliban", "ascribed to the Taliban")), ("Place", ("Kabul", "a Kabul car bombing")),
            ("Time", ("Last week", "Last week a Kabul")), ("Victim", ("five", "killed five"))],
           {"time_precision": 2, "country": "Afghanistan", "fatalities": 5}, background=True),
    ],
    "02": [
        ev("REMOTE_VIOLENCE", "Remote explosive/landmine/IED", ("bombings", "Twin bombings yesterday"),
           [("struck", "yesterday struck the"), ("blast", "The second blast"), ("blasts", "between the two blasts"),
            ("incident", "behind this incident"), ("attacks", "described the attacks as"), ("bomb", "The first bomb went off within"),
            ("bombing", "the double bombing"), ("bomb", "The first bomb went off during")],
           [("Attacker", ("Abu Sayyaf Group", "the Abu Sayyaf Group are the suspected")),
            ("Target", ("Jolo Cathedral", "struck the Jolo Cathedral")), ("Place", ("Jolo", "Jolo, and the Sulu")),
            ("Time", ("yesterday", "Twin bombings yesterday")), ("Victim", ("at least 20", "at least 20 were killed"))],
           {"event_date": "2019-01-27", "time_precision": 1, "country": "Philippines",
            "admin1": "Autonomous Region in Muslim Mindanao", "fatalities": 20}),
    ],
    "03": [
        ev("REMOTE_VIOLENCE", "Remote explosive/landmine/IED", ("bombing", "A bombing was yesterday"),
           [("attack", "last night's attack"), ("bomb", "The bomb was placed"), ("bombing", "attributed the bombing")],
           [("Attacker", ("Houthi rebels", "to Houthi rebels")), ("Place", ("Mokha", "port town of Mokha")),
            ("Time", ("last night", "in last night's")), ("Victim", ("Ziad al-Sharabi", "photojournalist Ziad al-Sharabi")),
            ("Victim", ("At least five other civilians", "At least five other civilians"))],
           {"event_date": "2019-01-29", "time_precision": 1, "country": "Yemen", "fatalities": 6}),
        ev("BATTLE", "Government regains territory", ("recaptured", "was recaptured from"), [],
           [("Target", ("Houthis", "recaptured from Houthis")), ("Place", ("Mokha", "Mokha is generally")),
            ("Time", ("2017", "in 2017"))],
           {"event_date": "2017-01-01", "time_precision": 3, "country": "Yemen"}, background=True),
        ev("BATTLE", "Non-state actor overtakes territory", ("fell", "Sanaa, fell under"), [],
           [("Attacker", ("Houthi", "under Houthi control")), ("Place", ("Sanaa", "capital, Sanaa")), ("Time", ("2014", "in 2014"))],
           {"event_date": "2014-09-01", "time_precision": 3, "country": "Yemen"}, background=True),
    ],
    "04": [
        ev("PROTEST", "Peaceful protest", ("gathered", "helmets gathered around"),
           [("protest", "The protest began")],
           [("Entity", ("Hong Kong protesters", "thousands of Hong Kong protesters")),
            ("Target", ("police complex", "principal police complex")), ("Place", ("Hong Kong", "On Friday, thousands of Hong Kong")),
            ("Time", ("Friday", "On Friday")), ("Size", ("thousands", "thousands of Hong Kong"))],
           {"event_date": "2019-06-21", "time_precision": 1, "country": "China", "admin1": "Hong Kong", "fatalities": 0}),
        ev("PROTEST", "Peaceful protest", ("protests", "after last week's protests"), [],
           [("Time", ("last week's", "after last week's")), ("Size", ("two million people", "drew two million people"))],
           {"time_precision": 2, "country": "China", "admin1": "Hong Kong"}, background=True),
    ],
    "05": [
        ev("REMOTE_VIOLENCE", "Air/drone strike", ("drone strikes", "multiple drone strikes"),
           [("raid", "pre-dawn raid"), ("attacks", "The attacks triggered"), ("attacks", "responsibility for the attacks"),
            ("attacks", "the attacks occurred"), ("struck", "and struck the largest"), ("attack", "carried out the attack using"),
            ("attacks", "These attacks are our right"), ("attacks", "Iran for the attacks"), ("attacks", "the attacks came from")],
           [("Attacker", ("Houthi movement", "Yemen-based Houthi movement")), ("Target", ("Saudi Aramco", "state-owned Saudi Aramco")),
            ("Place", ("Abqaiq", "processing plant at Abqaiq")), ("Time", ("Yesterday", "Yesterday, oil facilities"))],
           {"event_date": "2019-09-14", "time_precision": 1, "country": "Saudi Arabia", "fatalities": 0},
           note="ACLED would split Abqaiq and Khurais into two events (two locations); one record here"),
        ev("REMOTE_VIOLENCE", "Suicide bomb", ("suicide attack", "Al-Qaeda suicide attack"), [],
           [("Attacker", ("Al-Qaeda", "an Al-Qaeda suicide")), ("Place", ("Abqaiq", "2006, Abqaiq")), ("Time", ("2006", "In 2006"))],
           {"event_date": "2006-01-01", "time_precision": 3, "country": "Saudi Arabia"}, background=True),
    ],
    "06": [
        ev("AGREEMENT", "Agreement", ("agreement", "entered into an agreement"),
           [("agreement", "An agreement has been reached")],
           [("Entity", ("Syrian Democratic Forces", "Kurdish-led Syrian Democratic Forces")),
            ("Entity", ("government of Syria", "the government of Syria")), ("Time", ("Sunday", "Late on Sunday"))],
           {"event_date": "2019-10-13", "time_precision": 1, "country": "Syria"}),
        ev("BATTLE", "Armed clash", ("offensive", "began a military offensive into"),
           [("offensive", "Turkey began a military offensive with"), ("ground invasion", "a ground invasion"),
            ("invasion", "said the invasion was"), ("operation", "The operation was condemned")],
           [("Attacker", ("Turkey", "after Turkey began")), ("Place", ("north-eastern Syria", "into north-eastern Syria")),
            ("Time", ("Wednesday", "Syria on Wednesday"))],
           {"event_date": "2019-10-09", "time_precision": 1, "country": "Syria"}),
        ev("REMOTE_VIOLENCE", "Air/drone strike", ("airstrikes", "offensive with airstrikes"), [],
           [("Attacker", ("Turkey", "Wednesday, Turkey began")), ("Time", ("Wednesday", "On Wednesday, Turkey"))],
           {"event_date": "2019-10-09", "time_precision": 1, "country": "Syria"}),
        ev("REMOTE_VIOLENCE", "Air/drone strike", ("airstrikes", "Turkish airstrikes from"), [],
           [("Attacker", ("Turkish", "following Turkish airstrikes")), ("Place", ("Ain Issa", "camp at Ain Issa"))],
           {"country": "Syria"}),
        ev("OTHER_STRATEGIC", "Non-violent transfer of territory", ("deploying", "began deploying into"),
           [("entered", "entered Tell Tamer")],
           [("Agent", ("government forces", "government forces began")), ("Place", ("Tell Tamer", "entered Tell Tamer")),
            ("Place", ("Ain Issa", "Tell Tamer and Ain Issa")), ("Time", ("yesterday", "territory yesterday"))],
           {"event_date": "2019-10-14", "time_precision": 1, "country": "Syria"},
           note="two places: ACLED would code one event per town"),
    ],
    "07": [
        ev("REMOTE_VIOLENCE", "Air/drone strike", ("airstrike", "in an airstrike"),
           [("airstrike", "carried out the airstrike at"), ("airstrike", "also killed in the airstrike"),
            ("attack", "the attack consisted"), ("attack", "released after the attack"), ("strike", "justified the strike"),
            ("strike", "This strike was aimed"), ("military strike", "The military strike follows"),
            ("attack", "statement following the attack"), ("attack", "United States for the attack"),
            ("airstrike", "by the airstrike"), ("strike", "mourning after the strike"), ("air strike", "found the air strike"),
            ("attack", "spoke out against the attack")],
           [("Attacker", ("United States military forces", "Thursday, United States military forces")),
            ("Target", ("Qasem Soleimani", "killed Qasem Soleimani, head")),
            ("Place", ("Baghdad International Airport", "airstrike at Baghdad International Airport")),
            ("Time", ("Thursday", "Thursday, United States")),
            ("Victim", ("Qasem Soleimani", "killed Qasem Soleimani, head")), ("Victim", ("Abu Mahdi al-Muhandis", "met by Abu Mahdi al-Muhandis"))],
           {"event_date": "2020-01-03", "time_precision": 1, "country": "Iraq", "fatalities": 4},
           note="Thursday in US time is 3 January in Baghdad; four victims named or described"),
        ev("RIOT", "Violent demonstration", ("attack", "December 31 attack"),
           [("attacks", "approved the attacks on the U.S. Embassy")],
           [("Target", ("United States Embassy", "on the United States Embassy in Baghdad")), ("Place", ("Baghdad", "Embassy in Baghdad as")),
            ("Time", ("December 31", "the December 31 attack"))],
           {"event_date": "2019-12-31", "time_precision": 1, "country": "Iraq"}, background=True,
           note="the storming of the embassy compound by militia supporters"),
        ev("REMOTE_VIOLENCE", "Shelling/artillery/missile attack", ("attack", "including the attack on December"), [],
           [("Time", ("December 27th", "on December 27th"))],
           {"event_date": "2019-12-27", "time_precision": 1, "country": "Iraq"}, background=True),
        ev("REMOTE_VIOLENCE", "Shelling/artillery/missile attack", ("rocket attacks", "follows rocket attacks"),
           [("rocket strikes", "the rocket strikes were")],
           [("Attacker", ("sympathizers of the PMF", "by sympathizers of the PMF")),
            ("Target", ("United States Embassy", "on the United States Embassy in Iraq"))],
           {"country": "Iraq"}, background=True),
    ],
    "08": [
        ev("REMOTE_VIOLENCE", "Shelling/artillery/missile attack", ("attack", "saying an attack that day"),
           [("attack", "the attack took place"), ("attacks", "deterred by these attacks"), ("rockets", "Seventeen rockets struck"),
            ("struck", "rockets struck near"), ("attack", "credit for the attack")],
           [("Target", ("Iraqi air base", "on an Iraqi air base")), ("Place", ("Mosul", "personnel near Mosul")),
            ("Time", ("that day", "an attack that day"))],
           {"event_date": "2019-11-08", "time_precision": 1, "country": "Iraq", "fatalities": 0}),
        ev("PROTEST", "Peaceful protest", ("protests", "anti-government protests continue"),
           [("protests", "The protests began")],
           [("Place", ("Baghdad", "continue in Baghdad"))],
           {"country": "Iraq"}, note="an ongoing wave: ACLED codes one event per place and day"),
    ],
    "09": [
        ev("RIOT", "Violent demonstration", ("clashed", "protesters clashed in front"),
           [("protested", "Serbians protested"), ("storm", "tried to storm parliament"), ("attacked", "being attacked by protesters"),
            ("incidents", "the night's incidents")],
           [("Entity", ("protesters", "The protesters clashed")), ("Agent", ("police", "with the police")),
            ("Place", ("Belgrade", "capital Belgrade")), ("Time", ("Friday night", "Friday night was"))],
           {"event_date": "2020-07-10", "time_precision": 1, "country": "Serbia", "fatalities": 0}),
        ev("ARREST", "Arrests", ("arrested", "people were arrested"), [],
           [("Person", ("at least 71 people", "said at least 71 people")), ("Time", ("Friday night", "arrested Friday night"))],
           {"event_date": "2020-07-10", "time_precision": 1, "country": "Serbia"}),
        ev("PROTEST", "Peaceful protest", ("protests", "Anti-government protests have been"),
           [("protests", "after the protests began")],
           [("Place", ("Belgrade", "capital Belgrade")), ("Time", ("Tuesday", "since Tuesday"))],
           {"event_date": "2020-07-07", "time_precision": 1, "country": "Serbia"}, background=True),
    ],
    "10": [
        ev("PROTEST", "Peaceful protest", ("marched", "people marched in London"),
           [("march", "(\"British exit\") march"), ("protesting", "march, protesting"), ("marched", "flags, marched from"),
            ("rally", "speakers at the rally"), ("march", "Protesters at the march"), ("march", "anti-Brexit march in March"),
            ("march", "part of the march")],
           [("Entity", ("one million people", "roughly one million people")), ("Place", ("London", "marched in London")),
            ("Time", ("Saturday", "on Saturday")), ("Size", ("roughly one million people", "roughly one million people"))],
           {"event_date": "2019-03-23", "time_precision": 1, "country": "United Kingdom", "fatalities": 0}),
    ],
}


def locate(text: str, words: str, context: str) -> dict:
    at = text.find(context)
    if at < 0:
        raise SystemExit(f"context not found: {context!r}")
    inner = context.find(words)
    if inner < 0:
        raise SystemExit(f"{words!r} is not inside {context!r}")
    start = at + inner
    assert text[start:start + len(words)] == words
    return {"start": start, "end": start + len(words), "text": words}


def main() -> None:
    out_dir = Path(__file__).resolve().parent
    for path in sorted((ROOT / "sample_articles").glob("[0-9][0-9]_*.txt")):
        article = read_text_file(path)
        text = article.text
        events = []
        for number, spec in enumerate(GOLD[path.name[:2]], start=1):
            record = {"id": f"g{number}", "type": spec["type"], "subtype": spec["subtype"],
                      "background": spec["background"], "trigger": locate(text, *spec["trigger"]),
                      "mentions": [locate(text, *m) for m in spec["mentions"]],
                      "arguments": [{"role": role, **locate(text, *w)} for role, w in spec["arguments"]],
                      "fields": spec["fields"]}
            if spec["note"]:
                record["note"] = spec["note"]
            spans = [record["trigger"], *record["mentions"]]
            assert len({(s["start"], s["end"]) for s in spans}) == len(spans), f"{path.name}: a mention repeats"
            events.append(record)
        data = {"article": f"sample_articles/{path.name}", "article_id": article.id, "published": article.published,
                "method": "coded by reading the article, offsets computed and checked by tests/gold/make_gold.py; "
                          "not yet coded in the app", "events": events}
        (out_dir / f"{path.name[:2]}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{path.name}: {len(events)} events")


if __name__ == "__main__":
    main()
