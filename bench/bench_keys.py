"""CPU time per key in the app, on a 100,000-character article and on a 20-line one.

Drives the real app with Pilot and measures ``time.process_time`` around each key press (this
leaves out Pilot's idle waits). Goals: ratio of medians at most 1.3, median at most 16 ms.
Prints one JSON line per figure.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.app.app import NewsmarkApp  # noqa: E402
from tui.core.codebook import load_codebook  # noqa: E402
from tui.core.importer import article_from_text  # noqa: E402
from tui.core.nlp import load_pipeline  # noqa: E402
from tui.core.store import Store  # noqa: E402

SAMPLES = sorted((ROOT / "sample_articles").glob("[0-9]*.txt"))
MOVES = ["l", "l", "j", "w", "w", "b", "k", "h", "j", "w"] * 10
LABELS = ["w", "3", "w", "4", "u", "ctrl+r", "w", "1", "x", "w"] * 6


def long_text(chars: int) -> str:
    parts, size = [], 0
    while size < chars:
        for path in SAMPLES:
            body = path.read_text().split("\n", 2)[-1]
            parts.append(body)
            size += len(body) + 2
    return "Long article\n\n" + "\n\n".join(parts)[:chars]


def short_text() -> str:
    """About 6,000 characters: short, but taller than the article pane, so that the keys scroll it as
    they scroll the long one (lines stop at 100 columns, and one sample article fits on one screen)."""
    lines = SAMPLES[1].read_text().split("\n")[2:]
    return "Short article\n\n" + "\n".join(lines[:20] * 3)


async def per_key(db: Path, keys: list[str], pipeline) -> list[float]:
    store = Store(db)
    app = NewsmarkApp(store, load_codebook(), "bench", pipeline=pipeline)
    times = []
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        # Start in the middle of the article, where a long one costs the most to reach.
        app.view.move_to(len(app.session.article.text) // 2)
        await pilot.pause()
        for key in keys:
            t0 = time.process_time()
            await pilot.press(key)
            times.append(time.process_time() - t0)
    store.close()
    return times


def stats(times: list[float]) -> dict:
    ordered = sorted(times)
    return {"median_ms": round(statistics.median(ordered) * 1e3, 2),
            "p99_ms": round(ordered[max(int(len(ordered) * 0.99) - 1, 0)] * 1e3, 2)}


def main() -> None:
    pipeline = load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        dbs = {}
        for name, text in (("long", long_text(100_000)), ("short", short_text())):
            dbs[name] = Path(tmp) / f"{name}.json"
            with Store(dbs[name]) as store:
                store.add_article(article_from_text(text, source=f"{name}.txt"))
            print(json.dumps({"bench": "keys.article", "article": name, "chars": len(text)}))
        for kind, keys in (("cursor", MOVES), ("label", LABELS)):
            figures = {}
            for name in ("long", "short"):
                figures[name] = stats(asyncio.run(per_key(dbs[name], keys, pipeline)))
                print(json.dumps({"bench": f"keys.{kind}", "article": name, "keys": len(keys), **figures[name]}))
            ratio = figures["long"]["median_ms"] / figures["short"]["median_ms"]
            p99_ratio = figures["long"]["p99_ms"] / figures["short"]["p99_ms"]
            print(json.dumps({"bench": f"keys.{kind}.ratio_long_vs_short", "median_ratio": round(ratio, 2),
                              "p99_ratio": round(p99_ratio, 2), "goal": 1.3,
                              "ok": ratio <= 1.3 and figures["long"]["median_ms"] <= 16}))


if __name__ == "__main__":
    main()
