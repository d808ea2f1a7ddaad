"""``newsmark train --db FILE --out DIR``: train a spaCy pipeline from the project's reviewed annotations.

The entity recogniser of the pinned model is fine-tuned and a trigger spancat is added (see
``tui.core.learn.train``); a share of the articles is held out and scored against the untrained
pipeline, and the result is a normal spaCy pipeline folder (``spacy.load(DIR)``) for
``newsmark suggest --model DIR`` and ``newsmark open --model DIR``.
"""

from __future__ import annotations

from pathlib import Path

from ..core.project_codebook import project_codebook
from ..core.store import Store
from .common import add_codebook_options, add_db_option, phase, progress_bar, warn

NAME = "train"


def add_parser(sub) -> None:
    from ..core.learn.train import COMPONENTS, DEFAULT_EPOCHS

    parser = sub.add_parser(NAME, help="train a spaCy pipeline (entities, event triggers) from the project")
    add_db_option(parser, required=True)
    parser.add_argument("--out", required=True, metavar="DIR", help="the pipeline folder to write")
    parser.add_argument("--epochs", type=int, default=DEFAULT_EPOCHS,
                        help=f"passes over the training articles (default {DEFAULT_EPOCHS})")
    parser.add_argument("--eval-split", type=float, default=0.2, metavar="SHARE",
                        help="share of the reviewed articles held out for scoring (default 0.2)")
    parser.add_argument("--components", default=",".join(COMPONENTS), metavar="LIST",
                        help="what to train: entities, triggers or both (default entities,triggers)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the split and the training")
    add_codebook_options(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..core.learn.corpus import reviewed_articles, split_by_article
    from ..core.learn.evaluate import report_lines, verdict_lines
    from ..core.learn.judge import judge_line
    from ..core.learn.best_epoch import best_epoch_line
    from ..core.learn.train import COMPONENTS, NOTHING_REVIEWED, TrainError, TrainSettings, train

    components = tuple(c.strip() for c in args.components.split(",") if c.strip())
    if args.epochs < 1 or not 0 <= args.eval_split < 1 or not components or set(components) - set(COMPONENTS):
        warn("newsmark: --epochs must be 1 or more, --eval-split from 0 to below 1, "
             f"--components a list of {', '.join(COMPONENTS)}")
        return 1
    settings = TrainSettings(epochs=args.epochs, eval_share=args.eval_split, seed=args.seed, components=components)
    with Store(args.db, create=False) as store:
        codebook = project_codebook(store, args.codebook, args.codebook_change)
        with phase("train: reading the reviewed articles"):
            reviews = reviewed_articles(store)
        if not reviews:
            warn(f"newsmark: {args.db}: {NOTHING_REVIEWED}")
            return 1
        reviewed = {r.article.id for r in reviews}
        unreviewed = [row["id"] for row in store.rows() if row["id"] not in reviewed][:50]
        rehearsal = [store.load_article(article_id).text for article_id in unreviewed]
        n_articles = len(store.rows())
    from ..core.suggest import Suggester

    meta = {"project": str(Path(args.db).resolve()), "codebook": {"name": codebook.name, "version": codebook.version},
            "articles_in_project": n_articles}
    held = len(split_by_article(reviews, args.eval_split, args.seed)[1])  # as train() splits them
    print(f"training on {len(reviews)} reviewed article(s) of {n_articles}, {args.epochs} epoch(s); "
          f"holding out {held} of them (--eval-split {args.eval_split:g})")
    try:
        with progress_bar("train", args.epochs) as bar:
            bar(0, "loading the base model, parsing the articles, scoring the untrained model")

            def progress(epoch: int, losses: dict | None) -> None:
                if losses is None:  # the epochs are done: cross-validation, scoring, saving follow
                    bar(epoch, "choosing the thresholds (cross-validation), scoring the held-out articles")
                    return
                detail = "loss " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(losses.items()))
                bar(epoch, detail)
            result = train(reviews, args.out, settings, meta, rehearsal, progress, Suggester(codebook))
    except TrainError as exc:
        warn(f"newsmark: {exc}")
        return 1
    for line in report_lines(result.scores) + verdict_lines(result.scores):
        print(line)
    if not result.scores:
        print("no held-out articles: nothing scored (use --eval-split above 0 with two or more articles)")
    for line in (judge_line(result.meta), best_epoch_line(result.meta)):
        if line:
            print(line)
    c = result.counts
    taught = [f"{c.entities} entities"] * ("ner" in result.components) + [f"{c.triggers} triggers"] * (
        "triggers" in result.components)
    print(f"trained {', '.join(result.components)} on {c.articles} article(s) ({', '.join(taught)}; "
          f"{c.dropped} span(s) off token boundaries left out); "
          f"held out {result.held_out.articles}; saved to {args.out}")
    return 0
