"""Does training on coded articles help? WikiEvents dev (../shared/dev/wikievents/), k-fold by article.

For each fold, the other folds' articles are imported with their gold events (``--format oneie``,
converted to ACLED types by ``TO_ACLED``, marked done) and ``newsmark train --components triggers`` trains on them
(every setting, such as the rate under which the trigger judge drops a rule trigger, is chosen
inside ``train`` on those articles alone); the fold's own articles are imported as plain text into a fresh project and suggested
with the trained pipeline (``suggest --model``), and into another with the untrained suggester (the
pinned model and the ACLED rules, as shipped). Both are exported as brat with suggestions and scored by
``../shared/dev/score_events.py``, per fold and pooled: every article is scored once, by a model that
never saw it. Then ``train_20_articles_seconds``: the default training (entities and triggers) of 20
coded articles of about 1,000 words (pairs of dev articles run together), wall clock.

Figures through ``bench/figures.py``. Run: ``.venv/bin/python bench/bench_train.py [FOLDS]`` (default 3;
``NEWSMARK_BENCH_TRAIN_TIME=0`` skips the timing run; skipped when the data is absent).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "dev"
GOLD = DEV / "wikievents" / "dev.jsonl"

from bench.figures import figure, note  # noqa: E402

# KAIROS types as an ACLED coder codes them; other KAIROS events (deaths, contacts, moves) are no
# ACLED event (a death is part of the attack that caused it), so their words teach "no trigger".
TO_ACLED = {"Conflict.Attack.DetonateExplode": "REMOTE_VIOLENCE", "Conflict.Attack": "BATTLE",
            "Conflict.Demonstrate.DemonstrateWithViolence": "RIOT", "Conflict.Demonstrate": "PROTEST",
            "Justice.ArrestJailDetain": "ARREST"}
GAIN_GOAL = 0.10  # the goal: typed_P and doc_type_R each this much above the untrained
SHOWN = ("typed_P", "doc_type_R", "trigger_P", "typed_F1", "arg_F1", "suggested")


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


def coded_project(lines: list[str], db: Path) -> None:
    """A project of WikiEvents articles with their events in ACLED types, every article done."""
    from tui.core.store import Store

    src = db.with_suffix(".jsonl")
    src.write_text("\n".join(as_acled(ln) for ln in lines) + "\n", encoding="utf-8")
    newsmark("import", src, "--db", db, "--format", "oneie")
    with Store(db) as store:
        for article_id in store.article_ids():
            store.set_status(article_id, "done")


def run_folds(lines: list[str], gold: dict, work: Path, folds: int) -> tuple[list[dict], float]:
    """Each fold's scores {"untrained"|"trained": score_events figures}, and the mean training CPU."""
    import score_events

    per_fold, seconds = [], []
    for fold in range(folds):
        held = [ln for i, ln in enumerate(lines) if i % folds == fold]
        seen = [ln for i, ln in enumerate(lines) if i % folds != fold]
        f = work / f"fold{fold}"
        f.mkdir()
        coded_project(seen, f / "train.json")
        with open(f / "test.jsonl", "w", encoding="utf-8") as out:
            for ln in held:
                doc_id = json.loads(ln)["doc_id"]
                out.write(json.dumps({"id": doc_id, "title": doc_id, "text": gold[doc_id][0]}) + "\n")
        start = time.process_time()
        newsmark("train", "--db", f / "train.json", "--out", f / "model", "--components", "triggers",
                 "--eval-split", "0")
        seconds.append(time.process_time() - start)
        held_gold = {json.loads(ln)["doc_id"]: gold[json.loads(ln)["doc_id"]] for ln in held}
        scores = {}
        for side, extra in (("trained", ["--model", f / "model"]), ("untrained", [])):
            db = f / f"{side}.json"
            newsmark("import", f / "test.jsonl", "--db", db)
            newsmark("suggest", "--db", db, *extra)
            newsmark("export", "--db", db, "--format", "brat", "--include-suggestions",
                     "--out", work / side / f"fold{fold}")
            scores[side] = score_events.score(held_gold, score_events.brat(str(work / side / f"fold{fold}")))[0]
        limits = json.loads((f / "model" / "meta.json").read_text())["newsmark"].get("trigger_thresholds") or {}
        note(fold=fold, articles=len(held), thresholds={k: limits.get(k) for k in ("veto", "add", "protect", "judge")},
             **{f"{k}_{side}": scores[side][k] for k in SHOWN for side in ("untrained", "trained")})
        per_fold.append(scores)
    return per_fold, sum(seconds) / len(seconds)


def long_articles(lines: list[str], work: Path) -> list:
    """20 coded articles of about 1,000 words: dev articles run together in pairs (offsets kept)."""
    from tui.core.learn.corpus import Reviewed, reviewed_articles
    from tui.core.model import Article
    from tui.core.store import Store

    coded_project(lines, work / "all.json")
    with Store(work / "all.json") as store:
        reviews = reviewed_articles(store)
    out = []
    for i in range(20):
        a, b = reviews[i % len(reviews)], reviews[(i + 7) % len(reviews)]
        base = len(a.article.text) + 2
        text = a.article.text + "\n\n" + b.article.text

        def moved(spans, by):
            return [(s + by, e + by, *rest) for s, e, *rest in spans]

        out.append(Reviewed(Article(f"long{i}", text, title=f"long{i}"),
                            a.entities + moved(b.entities, base), a.not_entities + moved(b.not_entities, base),
                            True, (a.triggers or []) + moved(b.triggers or [], base)))
    return out


def time_training(lines: list[str], work: Path) -> None:
    """The default training (entities and triggers) on 20 articles of about 1,000 words, wall clock."""
    from tui.core.codebook import load_codebook
    from tui.core.learn.train import TrainSettings, train
    from tui.core.suggest import Suggester

    reviews = long_articles(lines, work)
    words = sum(len(r.article.text.split()) for r in reviews)
    start, cpu = time.perf_counter(), time.process_time()
    result = train(reviews, work / "timed", TrainSettings(), {"project": "bench", "codebook": {"name": "acled"}},
                   suggester=Suggester(load_codebook("acled")))
    figure("train_20_articles_seconds", round(time.perf_counter() - start, 1), 300, unit="s wall",
           cpu_seconds=round(time.process_time() - cpu, 1), words=words, epochs=TrainSettings().epochs,
           components=list(result.components), note="2-core machine shared with other sessions")


def main(folds: int = 3) -> None:
    if not GOLD.exists():
        note(bench="train", skipped=f"{GOLD} not found")
        return
    sys.path.insert(0, str(DEV))
    import score_events

    lines = GOLD.read_text(encoding="utf-8").splitlines()
    gold = score_events.gold([str(GOLD)])
    work = Path(tempfile.mkdtemp(prefix="bench_train_"))
    try:
        per_fold, cpu = run_folds(lines, gold, work, folds)
        pooled = {side: score_events.score(gold, score_events.brat(str(work / side)))[0]
                  for side in ("untrained", "trained")}
        untrained, trained = pooled["untrained"], pooled["trained"]
        for key in SHOWN:
            for side in ("untrained", "trained"):
                figure(f"train_{key}_{side}", pooled[side][key], None, folds=folds,
                       per_fold=[s[side][key] for s in per_fold])
        # Goal: +0.10 each; when the untrained doc_type_R is 0.90 or more that is out of reach (above
        # 1.0), and the goal that remains is doc_type_R not below the untrained one.
        recall_goal = GAIN_GOAL if untrained["doc_type_R"] + GAIN_GOAL <= 1.0 else 0.0
        figure("train_typed_P_gain", round(trained["typed_P"] - untrained["typed_P"], 3), GAIN_GOAL,
               per_fold=[round(s["trained"]["typed_P"] - s["untrained"]["typed_P"], 3) for s in per_fold])
        figure("train_doc_type_R_gain", round(trained["doc_type_R"] - untrained["doc_type_R"], 3), recall_goal,
               per_fold=[round(s["trained"]["doc_type_R"] - s["untrained"]["doc_type_R"], 3) for s in per_fold],
               why=None if recall_goal else f"untrained {untrained['doc_type_R']}: +{GAIN_GOAL} would pass 1.0")
        figure("train_arg_F1_gain", round(trained["arg_F1"] - untrained["arg_F1"], 3), 0.0)
        figure("train_cpu_seconds_per_fold", round(cpu, 1), None, articles=len(lines) - len(lines) // folds)
        if os.environ.get("NEWSMARK_BENCH_TRAIN_TIME", "1") != "0":
            time_training(lines, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
