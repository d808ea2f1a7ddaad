"""Precision and recall of the event suggester against the gold events in tests/gold/.

A suggested event matches a gold event when its trigger overlaps the gold trigger or any other
mention of that event; matching is one to one (a second suggestion for the same gold event counts
as a false positive). "type" figures also require the same event type. Figures are printed as
one JSON line each, over all gold events and over the main (non-background) ones.

Run: .venv/bin/python bench/bench_suggest.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.codebook import load_codebook  # noqa: E402
from tui.core.importer import read_text_file  # noqa: E402
from tui.core.nlp import load_pipeline  # noqa: E402
from tui.core.suggest import Suggester  # noqa: E402


def spans(gold_event: dict) -> list[tuple[int, int]]:
    return [(s["start"], s["end"]) for s in [gold_event["trigger"], *gold_event["mentions"]]]


def match(suggested: list, gold: list[dict], same_type: bool, pairs: list | None = None) -> tuple[int, set[int]]:
    """Greedy one-to-one matching in text order: (matched suggestions, indexes of matched gold)."""
    used: set[int] = set()
    hits = 0
    for event in suggested:
        for i, g in enumerate(gold):
            if i in used or (same_type and g["type"] != event.type):
                continue
            if any(s < event.trigger_end and event.trigger_start < e for s, e in spans(g)):
                used.add(i)
                hits += 1
                if pairs is not None:
                    pairs.append((event, g))
                break
    return hits, used


def ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def main() -> int:
    pipeline = load_pipeline()
    if pipeline.fallback:
        print(json.dumps({"bench": "suggest", "error": "model not installed"}))
        return 1
    suggester = Suggester(load_codebook())
    totals = {k: 0 for k in ("suggested", "gold", "gold_main", "trig_tp", "trig_found", "trig_found_main",
                             "type_tp", "type_found", "type_found_main")}
    per_article = []
    pairs: list = []  # (suggested, gold) with the same type
    started = time.perf_counter()
    for gold_file in sorted((ROOT / "tests" / "gold").glob("[0-9][0-9].json")):
        data = json.loads(gold_file.read_text(encoding="utf-8"))
        article = read_text_file(ROOT / data["article"])
        doc = pipeline.nlp(article.text)
        suggested = suggester.suggest(doc, article)
        gold = data["events"]
        main_idx = {i for i, g in enumerate(gold) if not g["background"]}
        trig_tp, trig_used = match(suggested, gold, same_type=False)
        type_tp, type_used = match(suggested, gold, same_type=True, pairs=pairs)
        totals["suggested"] += len(suggested)
        totals["gold"] += len(gold)
        totals["gold_main"] += len(main_idx)
        totals["trig_tp"] += trig_tp
        totals["trig_found"] += len(trig_used)
        totals["trig_found_main"] += len(trig_used & main_idx)
        totals["type_tp"] += type_tp
        totals["type_found"] += len(type_used)
        totals["type_found_main"] += len(type_used & main_idx)
        per_article.append({"article": gold_file.stem, "gold": len(gold), "suggested": len(suggested),
                            "trigger_tp": trig_tp, "type_tp": type_tp})
    seconds = time.perf_counter() - started
    t = totals
    figures = [
        ("trigger_precision", ratio(t["trig_tp"], t["suggested"]), t["trig_tp"], t["suggested"]),
        ("trigger_recall", ratio(t["trig_found"], t["gold"]), t["trig_found"], t["gold"]),
        ("trigger_recall_main_events", ratio(t["trig_found_main"], t["gold_main"]), t["trig_found_main"], t["gold_main"]),
        ("type_precision", ratio(t["type_tp"], t["suggested"]), t["type_tp"], t["suggested"]),
        ("type_recall", ratio(t["type_found"], t["gold"]), t["type_found"], t["gold"]),
        ("type_recall_main_events", ratio(t["type_found_main"], t["gold_main"]), t["type_found_main"], t["gold_main"]),
    ]
    same_sub = sum(1 for e, g in pairs if e.subtype == g["subtype"])
    with_deaths = [(e, g) for e, g in pairs if "fatalities" in g["fields"]]
    same_deaths = sum(1 for e, g in with_deaths if e.fields.get("fatalities", 0) == g["fields"]["fatalities"])
    with_date = [(e, g) for e, g in pairs if "event_date" in g["fields"] and g["fields"].get("time_precision") == 1]
    same_date = sum(1 for e, g in with_date if e.fields.get("event_date") == g["fields"]["event_date"])
    with_country = [(e, g) for e, g in pairs if "country" in g["fields"]]
    same_country = sum(1 for e, g in with_country if e.fields.get("country") == g["fields"]["country"])
    figures += [
        ("subtype_accuracy_of_type_matches", ratio(same_sub, len(pairs)), same_sub, len(pairs)),
        ("fatalities_accuracy_of_type_matches", ratio(same_deaths, len(with_deaths)), same_deaths, len(with_deaths)),
        ("day_date_accuracy_of_type_matches", ratio(same_date, len(with_date)), same_date, len(with_date)),
        ("country_accuracy_of_type_matches", ratio(same_country, len(with_country)), same_country, len(with_country)),
    ]
    for name, value, hits, total in figures:
        print(json.dumps({"bench": "suggest", "figure": name, "value": value, "hits": hits, "of": total}))
    print(json.dumps({"bench": "suggest", "figure": "seconds_parse_and_suggest_11_articles", "value": round(seconds, 2)}))
    if "-v" in sys.argv:
        for row in per_article:
            print(json.dumps({"bench": "suggest", **row}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
