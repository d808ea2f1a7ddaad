"""The store at corpus scale: one saved edit, one index update and one article close, in a project of
10,000 articles (the benchmark corpus, imported) against a small one, through the Store API as the app
calls it. Each ratio is measured in one run with the two projects' operations interleaved, so a change
in the machine's load hits both sides alike.

- ``save_median_ms_10k`` / ``save_ratio_10k_vs_100``: one annotation edit, appended to the article's
  journal and fsynced (``session.commit``), as every key that changes an annotation does;
- ``index_update_ratio_10k_vs_11``: ``set_status`` or ``sync`` with a cursor (what ``]`` and ``d`` do to
  the index), against an 11-article project;
- ``close_article_ratio_10k_vs_100``: closing an article after a few edits (its checkpoint) and the
  index row update, as an article switch does.

``NEWSMARK_BENCH_ARTICLES`` makes the large project smaller while developing.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_jsonl  # noqa: E402
from figures import figure, note  # noqa: E402

from tui.cli import main  # noqa: E402
from tui.core.model import Entity  # noqa: E402
from tui.core.session import change  # noqa: E402
from tui.core.store import Store  # noqa: E402

LARGE = int(os.environ.get("NEWSMARK_BENCH_ARTICLES", "10000"))
EDITS = 200
UPDATES = 200
CLOSES = 40


def project(folder: Path, n: int) -> Path:
    """A project of the first ``n`` corpus articles, made with ``newsmark import``."""
    db = folder / f"p{n}" / "project.json"
    t0 = time.perf_counter()
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        assert main(["import", str(corpus_jsonl(n)), "--db", str(db)]) == 0
    note(bench="store", built=n, seconds=round(time.perf_counter() - t0, 2))
    return db


def timed(action) -> float:
    t0 = time.perf_counter()
    action()
    return time.perf_counter() - t0


def interleaved(small, large, rounds: int) -> tuple[list[float], list[float]]:
    """``small(i)`` and ``large(i)`` timed in turn, ``rounds`` times each."""
    a, b = [], []
    for i in range(rounds):
        a.append(timed(lambda: small(i)))
        b.append(timed(lambda: large(i)))
    return a, b


def edit(session):
    def one(i: int) -> None:
        start = (i * 7) % 2000
        session.commit("label", [change("entities", None, Entity(start, start + 5, "ORG"))])
    return one


def index_update(store: Store):
    ids = store.article_ids()
    session = store.open_session(ids[len(ids) // 2])
    session.close()

    def one(i: int) -> None:  # what `]` (cursor, last article) and `d` (status) write to the index
        if i % 2:
            store.sync(session, cursor=i)
        else:
            store.set_status(ids[(i * 37) % len(ids)], ("done", "in progress")[i % 4 // 2])
    return one


def close_article(store: Store):
    ids = store.article_ids()
    sessions = {}

    def one(i: int) -> None:  # checkpoint of an article with three edits, then its index row
        session = sessions.pop(i)
        session.close()
        store.sync(session, cursor=i)

    def prepare(i: int) -> None:
        session = store.open_session(ids[(i * 97) % len(ids)], "bench")
        for k in range(3):
            edit(session)(i * 3 + k)
        sessions[i] = session
    return one, prepare


def main_bench() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        dbs = {n: project(folder, n) for n in (11, 100, LARGE)}
        stores = {n: Store(db) for n, db in dbs.items()}
        try:
            ids = {n: s.article_ids() for n, s in stores.items()}
            sessions = {n: stores[n].open_session(ids[n][len(ids[n]) // 2], "bench") for n in (100, LARGE)}
            small, large = interleaved(edit(sessions[100]), edit(sessions[LARGE]), EDITS)
            for session, n in ((sessions[100], 100), (sessions[LARGE], LARGE)):
                session.close()
                stores[n].sync(session)
            save_small, save_large = statistics.median(small), statistics.median(large)
            figure("save_median_ms_10k", round(save_large * 1e3, 3), 5, articles=LARGE,
                   p99_ms=round(sorted(large)[int(len(large) * 0.99) - 1] * 1e3, 3))
            figure("save_ratio_10k_vs_100", round(save_large / save_small, 2), 1.5,
                   median_ms_100=round(save_small * 1e3, 3), median_ms_10k=round(save_large * 1e3, 3))

            small, large = interleaved(index_update(stores[11]), index_update(stores[LARGE]), UPDATES)
            figure("index_update_ratio_10k_vs_11", round(statistics.median(large) / statistics.median(small), 2), 1.5,
                   median_ms_11=round(statistics.median(small) * 1e3, 3),
                   median_ms_10k=round(statistics.median(large) * 1e3, 3))

            one_small, prepare_small = close_article(stores[100])
            one_large, prepare_large = close_article(stores[LARGE])
            small, large = [], []
            for i in range(CLOSES):
                prepare_small(i)
                prepare_large(i)
                small.append(timed(lambda: one_small(i)))
                large.append(timed(lambda: one_large(i)))
            figure("close_article_ratio_10k_vs_100", round(statistics.median(large) / statistics.median(small), 2),
                   1.5, median_ms_100=round(statistics.median(small) * 1e3, 2),
                   median_ms_10k=round(statistics.median(large) * 1e3, 2))
            t0 = time.perf_counter()
            stores.pop(LARGE).close()
            figure("store_close_seconds_10k", round(time.perf_counter() - t0, 3), None,
                   note="folds the index journal into the index once")
        finally:
            for store in stores.values():
                store.close()


if __name__ == "__main__":
    main_bench()
