"""Does training on coded articles help? WikiEvents dev (../shared/dev/wikievents/), k-fold by article.

For each fold, the other folds' articles are imported with their gold events (``--format oneie``,
converted to ACLED types by ``TO_ACLED``, marked done) and ``newsmark train --components triggers`` trains on them; the
fold's own articles are imported as plain text into a fresh project and suggested with the trained
pipeline (``suggest --model``), and into another with the untrained suggester (the pinned model and
the ACLED rules, as shipped). Both are exported as brat with suggestions, pooled over the folds, and
scored by ``../shared/dev/score_events.py``: every article is scored once, by a model that never
saw it. One JSON line per figure: {"figure", "untrained", "trained"}; then the training time.

Run: ``.venv/bin/python bench/bench_train.py [FOLDS]`` (default 3; skipped when the data is absent).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev"
GOLD = DEV / "wikievents" / "dev.jsonl"

# KAIROS types as an ACLED coder codes them; other KAIROS events (deaths, contacts, moves) are no
# ACLED event (a death is part of the attack that caused it), so their words teach "no trigger".
TO_ACLED = {"Conflict.Attack.DetonateExplode": "REMOTE_VIOLENCE", "Conflict.Attack": "BATTLE",
            "Conflict.Demonstrate.DemonstrateWithViolence": "RIOT", "Conflict.Demonstrate": "PROTEST",
            "Justice.ArrestJailDetain": "ARREST"}


def as_acled(line: str) -> str:
    """A WikiEvents document with its events in ACLED types, the others left out."""
    doc = json.loads(line)
    events = []
    for ev in doc["event_mentions"]:
        name = next((v for k, v in TO_ACLED.items() if ev["event_type"].startswith(k)), None)
        if name:
            events.append({**ev, "event_type": name})
    return json.dumps({**doc, "event_mentions": events})


def newsmark(*argv: str) -> None:
    """Run a newsmark command in this process, its report on stderr (stdout holds the figures)."""
    from contextlib import redirect_stdout

    from tui.cli import main

    with redirect_stdout(sys.stderr):
        code = main([str(a) for a in argv])
    if code:
        raise SystemExit(f"newsmark {' '.join(map(str, argv))} failed with {code}")


def main(folds: int = 3) -> None:
    if not GOLD.exists():
        print(json.dumps({"bench": "train", "skipped": f"{GOLD} not found"}))
        return
    sys.path.insert(0, str(DEV))
    import score_events
    from tui.core.store import Store

    lines = GOLD.read_text(encoding="utf-8").splitlines()
    gold = score_events.gold([str(GOLD)])
    work = Path(tempfile.mkdtemp(prefix="bench_train_"))
    seconds = []
    try:
        for fold in range(folds):
            held = [ln for i, ln in enumerate(lines) if i % folds == fold]
            seen = [ln for i, ln in enumerate(lines) if i % folds != fold]
            f = work / f"fold{fold}"
            f.mkdir()
            (f / "train.jsonl").write_text("\n".join(as_acled(ln) for ln in seen) + "\n", encoding="utf-8")
            with open(f / "test.jsonl", "w", encoding="utf-8") as out:
                for ln in held:
                    doc = json.loads(ln)
                    text = gold[doc["doc_id"]][0]
                    out.write(json.dumps({"id": doc["doc_id"], "title": doc["doc_id"], "text": text}) + "\n")
            newsmark("import", f / "train.jsonl", "--db", f / "train.json", "--format", "oneie")
            with Store(f / "train.json") as store:
                for article_id in store.article_ids():
                    store.set_status(article_id, "done")
            start = time.process_time()
            newsmark("train", "--db", f / "train.json", "--out", f / "model", "--components", "triggers",
                     "--eval-split", "0")
            seconds.append(time.process_time() - start)
            for side, extra in (("trained", ["--model", f / "model"]), ("untrained", [])):
                db = f / f"{side}.json"
                newsmark("import", f / "test.jsonl", "--db", db)
                newsmark("suggest", "--db", db, *extra)
                newsmark("export", "--db", db, "--format", "brat", "--include-suggestions",
                         "--out", work / side / f"fold{fold}")
        results = {side: score_events.score(gold, score_events.brat(str(work / side)))[0]
                   for side in ("untrained", "trained")}
        for key in results["trained"]:
            print(json.dumps({"bench": "train", "figure": key, "untrained": results["untrained"][key],
                              "trained": results["trained"][key], "folds": folds}))
        print(json.dumps({"bench": "train", "figure": "train_cpu_seconds_per_fold",
                          "value": round(sum(seconds) / len(seconds), 1), "articles": len(lines) - len(lines) // folds}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
