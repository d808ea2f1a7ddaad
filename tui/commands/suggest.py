"""``newsmark suggest --db FILE [--n-process N]``: pre-annotate every article not yet analysed.

Runs the spaCy pipeline over the articles in batches (``nlp.pipe``, optionally in several
processes) and stores, per article, the model's entities and the suggested events, so opening an
article in the app never waits for the model. Each article is saved as soon as it is done:
interrupting the run loses nothing, and running it again carries on where it stopped.
"""

from __future__ import annotations

from contextlib import ExitStack

from ..core.codebook import load_codebook
from ..core.storage import ArticleDamaged
from ..core.store import Store
from .common import add_db_option, progress_bar, warn

NAME = "suggest"
INDEX_BATCH = 50  # index rows written together: the index write costs grow with the project


def add_parser(sub) -> None:
    parser = sub.add_parser(NAME, help="pre-annotate articles: model entities and suggested events")
    add_db_option(parser, required=True)
    parser.add_argument("--n-process", type=int, default=1, metavar="N",
                        help="processes for the model (default 1; each loads its own copy)")
    parser.add_argument("--batch-size", type=int, default=16, metavar="N", help="articles per model batch")
    parser.add_argument("--codebook", default=None, help="a codebook TOML file (default: the built-in acled)")
    parser.set_defaults(run=run)


def pending(store: Store) -> list[str]:
    """The ids of articles that have no model output yet, in import order."""
    return [row["id"] for row in store.rows() if not row.get("analysed")]


def run(args) -> int:
    if args.n_process < 1 or args.batch_size < 1:
        warn("newsmark: --n-process and --batch-size must be 1 or more")
        return 1
    codebook = load_codebook(args.codebook)
    with Store(args.db, create=False) as store:
        todo = pending(store)
        if not todo:
            print(f"nothing to do: all {len(store.rows())} article(s) in {args.db} are already analysed")
            return 0
        from ..core.nlp import load_pipeline
        from ..core.suggest import Suggester

        pipeline = load_pipeline()
        if pipeline.fallback:
            warn(f"newsmark: {pipeline.description}; storing entities only, no suggested events")
        suggester = None if pipeline.fallback else Suggester(codebook)
        totals = annotate_all(store, todo, pipeline, suggester, args.n_process, args.batch_size)
    print(f"analysed {totals['articles']} article(s) with {pipeline.name}: "
          f"{totals['entities']} entities and {totals['events']} events suggested; "
          f"{totals['skipped']} already analysed")
    return 0


def annotate_all(store: Store, todo: list[str], pipeline, suggester, n_process: int, batch_size: int) -> dict:
    from ..core.suggest import model_output

    totals = {"articles": 0, "entities": 0, "events": 0, "skipped": 0}
    articles = {}

    def texts():
        for article_id in todo:
            try:
                article = store.load_article(article_id)
            except ArticleDamaged as exc:  # said once; the other articles are analysed
                store.report(str(exc))
                totals["skipped"] += 1
                continue
            articles[article_id] = article
            yield article.text, article_id

    with progress_bar("suggest", len(todo)) as progress, ExitStack() as batch:
        batch.enter_context(store.batch())
        docs = pipeline.nlp.pipe(texts(), as_tuples=True, n_process=n_process, batch_size=batch_size)
        for done, (doc, article_id) in enumerate(docs, start=1):
            article = articles.pop(article_id)
            session = store.open_session(article_id)
            try:
                if session.analysed:
                    totals["skipped"] += 1
                else:
                    spans, events = model_output(doc, article, suggester)
                    session.set_model_entities(spans, pipeline.name, events)
                    totals["articles"] += 1
                    totals["entities"] += len(spans)
                    totals["events"] += len(events)
                store.sync(session)
            finally:
                session.close()
            if done % INDEX_BATCH == 0:  # let the index reach the disk now and then
                batch.close()
                batch.enter_context(store.batch())
            progress(done, f"{totals['entities']} entities, {totals['events']} events")
    return totals

