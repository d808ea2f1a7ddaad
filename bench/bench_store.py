"""Cost of one saved edit with 100 and with 10,000 articles in the project (goal: ratio <= 1.5).

An edit is one annotation action (label a span), saved as it is in the app: appended to the
article's journal and fsynced. Prints one JSON line per figure; wall-clock medians over 200 edits.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.core.model import Entity  # noqa: E402
from tui.core.importer import article_from_text  # noqa: E402
from tui.core.session import change  # noqa: E402
from tui.core.store import Store  # noqa: E402

SEED = next((Path(__file__).resolve().parent.parent / "sample_articles").glob("00_*.txt")).read_text()
EDITS = 200


def project(folder: Path, n: int) -> Path:
    db = folder / f"p{n}.json"
    with Store(db) as store, store.batch():
        for i in range(n):
            store.add_article(article_from_text(f"Article {i}\n\n{SEED}", source=f"a{i}.txt"))
    return db


def edit_times(db: Path) -> tuple[list[float], float]:
    with Store(db) as store:
        session = store.open_session(store.article_ids()[len(store.article_ids()) // 2], "bench")
        times = []
        for i in range(EDITS):
            start = (i * 7) % 2000
            t0 = time.perf_counter()
            session.commit("label", [change("entities", None, Entity(start, start + 5, "ORG"))])
            times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        session.close()
        store.sync(session)
        close = time.perf_counter() - t0
    return times, close


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for n in (100, 10_000):
            t0 = time.perf_counter()
            db = project(Path(tmp), n)
            build = time.perf_counter() - t0
            times, close = edit_times(db)
            results[n] = statistics.median(times)
            print(json.dumps({"bench": "store.import", "articles": n, "seconds": round(build, 2)}))
            print(json.dumps({"bench": "store.edit", "articles": n, "median_ms": round(results[n] * 1e3, 3),
                              "p99_ms": round(sorted(times)[int(len(times) * 0.99) - 1] * 1e3, 3)}))
            print(json.dumps({"bench": "store.close_article", "articles": n, "ms": round(close * 1e3, 2),
                              "note": "checkpoint + index row update, once per article switch"}))
        ratio = results[10_000] / results[100]
        print(json.dumps({"bench": "store.edit_ratio_10000_vs_100", "ratio": round(ratio, 2), "goal": 1.5,
                          "ok": ratio <= 1.5}))


if __name__ == "__main__":
    main()
