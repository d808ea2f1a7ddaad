"""The two gold sets of events for the sample articles, read into one shape for the benchmarks.

- ``app``: coded by hand in newsmark itself (rules-only NLP, so nothing was suggested), exported as
  native JSONL to ``tests/gold/app/*.jsonl``; this is the gold the suggester is measured against.
- ``script``: coded independently by reading the texts, offsets computed and checked by
  ``tests/gold/make_gold.py`` (``tests/gold/NN.json``); it also lists other mentions of each event.

Each gold event is a dict: type, subtype, spans (trigger first, then other mentions), background,
fields, args (role, start, end). Events are keyed by article id, so both sets can be compared with each other too.
"""

from __future__ import annotations

import json
from pathlib import Path

from tui.core.formats import read_annotations
from tui.core.importer import read_text_file

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"


def script_gold() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for path in sorted(GOLD.glob("[0-9][0-9].json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[data["article_id"]] = [
            {"type": g["type"], "subtype": g["subtype"], "background": g["background"], "fields": g["fields"],
             "spans": [(s["start"], s["end"]) for s in [g["trigger"], *g["mentions"]]],
             "args": [(a["role"], a["start"], a["end"]) for a in g["arguments"] if a.get("start") is not None]}
            for g in data["events"]
        ]
    return out


def app_gold() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for doc in read_annotations(sorted(GOLD.glob("app/*.jsonl")), "jsonl"):
        out[doc.article.id] = [
            {"type": e.type, "subtype": e.subtype, "fields": e.fields,
             "background": "background" in str(e.fields.get("notes", "")).lower(),
             "spans": [(e.trigger_start, e.trigger_end)],
             "args": [(a.role, a.start, a.end) for a in e.arguments if a.has_span]}
            for e in sorted(doc.events, key=lambda e: e.trigger_start or 0)
            if e.status == "accepted" and e.trigger_start is not None
        ]
    return out


def sample_articles() -> dict:
    """The sample articles as the importer reads them, by id."""
    articles = [read_text_file(p) for p in sorted((ROOT / "sample_articles").glob("[0-9][0-9]_*.txt"))]
    return {a.id: a for a in articles}
