"""``newsmark suggest --db FILE [--n-process N]``: pre-annotate every article not yet analysed.

``newsmark suggest --in-shards GLOB|DIR --out-shards DIR [--dask ADDRESS|local]``: the same
suggestions without a project, from JSONL shards of articles into native JSONL shards that
``newsmark import`` reads back as suggestions (see ``tui.core.shards``), locally or on Dask.

Runs the spaCy pipeline over the articles in batches (``nlp.pipe``, optionally in several
processes) and stores, per article, the model's entities and the suggested events, so opening an
article in the app never waits for the model. Each article is saved as soon as it is done:
interrupting the run loses nothing, and running it again carries on where it stopped.
"""

from __future__ import annotations

from contextlib import ExitStack

from ..core.importer import MAX_ARTICLE_CHARS, too_long
from ..core.project_codebook import project_codebook
from ..core.storage import ArticleDamaged
from ..core.store import Store
from .common import add_codebook_options, phase, progress_bar, warn

NAME = "suggest"
INDEX_BATCH = 50  # articles whose index changes make one journal entry: one fsync of it, not fifty


def add_parser(sub) -> None:
    parser = sub.add_parser(NAME, help="pre-annotate articles: model entities and suggested events")
    parser.add_argument("--db", default=None, help="the project whose articles to pre-annotate")
    parser.add_argument("--in-shards", default=None, metavar="GLOB|DIR",
                        help="instead of a project: JSONL shards of articles (a folder or a glob pattern)")
    parser.add_argument("--out-shards", default=None, metavar="DIR",
                        help="where the output shards go (native JSONL, one per input shard, same names)")
    parser.add_argument("--dask", default=None, metavar="ADDRESS",
                        help="run the shards on a Dask cluster: a scheduler address (tcp://host:8786), or "
                             "'local' for a local cluster of --n-process workers (needs newsmark[dask])")
    parser.add_argument("--n-process", type=int, default=1, metavar="N",
                        help="processes for the model (default 1; each loads its own copy)")
    parser.add_argument("--batch-size", type=int, default=16, metavar="N", help="articles per model batch")
    add_codebook_options(parser)
    parser.add_argument("--model", default=None, metavar="DIR",
                        help="a pipeline trained by `newsmark train` (default: the pinned model)")
    parser.add_argument("--reanalyse", action="store_true",
                        help="also re-run analysed articles (what a coder accepted or rejected stays)")
    parser.set_defaults(run=run)


FINISHED = ("done", "skipped")  # a coder's last word on an article: --reanalyse leaves it as coded


def pending(store: Store, reanalyse: bool = False) -> list[str]:
    """The ids of articles that have no model output yet (with ``reanalyse``, also those analysed
    and not finished: a done article is training data, and new suggestions there would take it out
    of training until answered, as Prodigy and INCEpTION never re-suggest a finished document), in
    import order (over-long ones said and left out: the model cannot read them, and they are refused
    at import now)."""
    todo = []
    for row in store.rows():
        if row.get("analysed") and (not reanalyse or row.get("status") in FINISHED):
            continue
        if too_long(row):
            warn(f"newsmark: skipped article {row['id']} ({str(row.get('title', ''))[:40]!r}): "
                 f"{row['chars']:,} characters is over the limit of {MAX_ARTICLE_CHARS:,}")
            continue
        todo.append(row["id"])
    return todo


def run(args) -> int:
    if args.n_process < 1 or args.batch_size < 1:
        warn("newsmark: --n-process and --batch-size must be 1 or more")
        return 1
    if args.in_shards or args.out_shards or args.dask:
        from .suggest_shards import run_shards

        return run_shards(args)
    if not args.db:
        warn("newsmark: give --db FILE (a project), or --in-shards and --out-shards")
        return 1
    with Store(args.db, create=False) as store:
        codebook = project_codebook(store, args.codebook, args.codebook_change)
        from ..core.learn.model_suggest import DOES_NOT_LOAD, check_model, suggester_for

        problem = check_model(args.model, codebook) if args.model else None
        if problem:  # said before anything is read or loaded
            warn(f"newsmark: {problem}")
            return 1
        todo = pending(store, args.reanalyse)
        finished = sum(1 for row in store.rows() if row.get("analysed") and row.get("status") in FINISHED)
        if not todo:
            if args.reanalyse:
                print(f"nothing to do: no article of {args.db} is left to suggest again ({finished} done or "
                      "skipped, kept as coded)")
                return 0
            again = "; --reanalyse suggests again with it" if args.model else ""
            print(f"nothing to do: all {len(store.rows())} article(s) in {args.db} are already analysed{again}")
            return 0
        from ..core.nlp import load_pipeline

        with phase("suggest: loading the model"):
            pipeline = load_pipeline(args.model)
        if pipeline.fallback:
            if args.model:
                warn(f"newsmark: {DOES_NOT_LOAD.format(args.model)}")
                return 1
            warn(f"newsmark: {pipeline.description}; storing entities only, no suggested events")
        suggester = suggester_for(pipeline, codebook)
        totals = annotate_all(store, todo, pipeline, suggester, args.n_process, args.batch_size, args.reanalyse)
    print(f"analysed {totals['articles']} article(s) with {pipeline.name}: "
          f"{totals['entities']} entities and {totals['events']} events suggested; "
          f"{totals['skipped']} already analysed")
    if args.reanalyse:
        print(f"{totals['kept']} annotation(s) coders accepted, corrected or rejected kept as they were")
        if finished:
            print(f"{finished} done or skipped article(s) left as coded (their suggestions are not renewed)")
    if totals["reopened"]:
        print(f"{totals['reopened']} article(s) marked done have new suggestions: in progress again")
    return 0


def annotate_all(store: Store, todo: list[str], pipeline, suggester, n_process: int, batch_size: int,
                 reanalyse: bool = False) -> dict:
    from ..core.learn.analyse import analyse

    totals = {"articles": 0, "entities": 0, "events": 0, "skipped": 0, "reopened": 0, "kept": 0}

    def texts():
        for article_id in todo:
            try:
                article = store.load_article(article_id)
            except ArticleDamaged as exc:  # said once; the other articles are analysed
                store.report(str(exc))
                totals["skipped"] += 1
                continue
            yield article.text, article_id

    with progress_bar("suggest", len(todo)) as progress, ExitStack() as batch:
        batch.enter_context(store.batch())
        docs = pipeline.nlp.pipe(texts(), as_tuples=True, n_process=n_process, batch_size=batch_size)
        for done, (doc, article_id) in enumerate(docs, start=1):
            session = store.open_session(article_id)
            was_done = (store.row(article_id) or {}).get("status") == "done"
            decided = sum(1 for r in (*session.entities.values(), *session.events.values())
                          if r.status != "suggested")  # the coders' decisions: analyse leaves them as they are
            try:
                counts = analyse(store, session, doc, pipeline.name, suggester, reanalyse)
                if counts is None:
                    totals["skipped"] += 1
                    store.sync(session)
                else:
                    totals["articles"] += 1
                    totals["entities"] += counts[0]
                    totals["events"] += counts[1]
                    totals["reopened"] += was_done and store.row(article_id)["status"] != "done"
                    totals["kept"] += decided
            finally:
                session.close()
            if done % INDEX_BATCH == 0:  # let the index reach the disk now and then
                batch.close()
                batch.enter_context(store.batch())
            progress(done, f"{totals['entities']} entities, {totals['events']} events")
    return totals

