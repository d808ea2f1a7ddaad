"""Export benchmark: time and peak memory of every format over a project of 10,000 articles.

Builds a real Store (each article the seed text plus a line that makes it unique, with the seed's
entities and events committed through a session), then exports it in each format twice: the first
tenth of the articles (selected by status) and all of them. Streaming means the memory added by an
export stays about the same for both. Prints one JSON line per figure.

Peak memory is the process's peak resident set during the export, reset before each run through
/proc/self/clear_refs (Linux), so there is no tracing overhead in the times; elsewhere tracemalloc's
peak (Python allocations only) is used instead. ``NEWSMARK_BENCH_ARTICLES`` changes the size.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "golden"))

from seed import SEED_FILE, seed_annotations  # noqa: E402

from tui.core.formats import FORMAT_NAMES, ExportOptions, export_project  # noqa: E402
from tui.core.importer import read_sources  # noqa: E402
from tui.core.model import Article, article_id_for  # noqa: E402
from tui.core.session import change  # noqa: E402
from tui.core.store import Store  # noqa: E402

ARTICLES = int(os.environ.get("NEWSMARK_BENCH_ARTICLES", "10000"))


def emit(name: str, value, unit: str, **extra) -> None:
    print(json.dumps({"bench": name, "value": value, "unit": unit, **extra}), flush=True)


def _status_kib(key: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return _status_kib("VmHWM") is not None
    except OSError:
        return False


def build(path: Path, n: int) -> Store:
    (seed,) = list(read_sources([str(SEED_FILE)]))
    store = Store(path)
    with store.batch():
        for i in range(n):
            text = f"{seed.text}\n\nCopy {i}."
            store.add_article(Article(article_id_for(text), text, title=f"copy {i}: {seed.title}"))
    ids = store.article_ids()
    for article_id in ids:
        session = store.open_session(article_id)
        ents, events = seed_annotations(session.article.text)
        session.commit("bench", [change("entities", None, e) for e in ents]
                       + [change("events", None, e) for e in events])
        session.close()
    with store.batch():
        for article_id in ids[: n // 10]:
            store.set_status(article_id, "done")
        store.set_status(ids[-1], "skipped")  # the warm-up article
    return store


def measure(store: Store, fmt: str, out: Path, options: ExportOptions) -> tuple[float, float, str]:
    rss = _reset_peak()
    if not rss:
        tracemalloc.start()
    before = _status_kib("VmRSS") if rss else 0
    start = time.perf_counter()
    export_project(store, fmt, out, options)
    seconds = time.perf_counter() - start
    if rss:
        return seconds, ((_status_kib("VmHWM") or 0) - (before or 0)) / 1024, "rss_growth"
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak, "tracemalloc_peak"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        store = build(Path(tmp) / "db" / "project.json", ARTICLES)
        emit("export_build_store", round(time.perf_counter() - start, 2), "s", articles=ARTICLES)
        try:
            for fmt in FORMAT_NAMES:
                export_project(store, fmt, Path(tmp) / "warm" / fmt,  # load spaCy and the model first
                               ExportOptions(article_statuses=frozenset({"skipped"})))
                for label, options, n in (("tenth", ExportOptions(article_statuses=frozenset({"done"})),
                                           ARTICLES // 10), ("all", ExportOptions(), ARTICLES)):
                    target = Path(tmp) / f"{fmt}-{label}" / "out"  # spacy: a folder of shards
                    seconds, mib, kind = measure(store, fmt, target, options)
                    emit(f"export_{fmt}_seconds", round(seconds, 3), "s", articles=n)
                    emit(f"export_{fmt}_articles_per_second", round(n / seconds, 1), "1/s", articles=n)
                    emit(f"export_{fmt}_{kind}", round(mib, 1), "MiB", articles=n)
        finally:
            store.close()


if __name__ == "__main__":
    main()
