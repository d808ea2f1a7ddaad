"""``newsmark suggest`` throughput against plain ``nlp.pipe`` of the same pipeline on the same texts.

Both run in this one process on the same corpus articles (``bench/corpus.py``), with the same batch
size and one process: ``nlp.pipe`` alone, and the command's own loop (``annotate_all``: the pipe, the
suggester, and storing each article's entities and events in a real project). They take turns on
chunks of CHUNK articles, so a machine whose load drifts during the run biases neither side.
``suggest_vs_pipe_ratio`` is the suggest throughput over the pipe's (1.0: the suggester and the store
cost nothing; goal 0.85); the CPU-time ratio beside it leaves out time spent waiting for the disk.

Caveat: the benchmark corpus repeats the eleven sample articles (each copy with its own title and
line), so the per-process caches of dates and places hit more often than on a corpus of eleven
thousand different reports. ``NEWSMARK_BENCH_SUGGEST_N`` changes the number of articles (300).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from contextlib import redirect_stderr
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import corpus_jsonl  # noqa: E402
from figures import figure, note  # noqa: E402

from tui.commands.import_ import import_sources  # noqa: E402
from tui.commands.suggest import annotate_all, pending  # noqa: E402
from tui.core.codebook import load_codebook  # noqa: E402
from tui.core.learn.model_suggest import suggester_for  # noqa: E402
from tui.core.nlp import load_pipeline  # noqa: E402
from tui.core.store import Store  # noqa: E402

N = int(os.environ.get("NEWSMARK_BENCH_SUGGEST_N", "300"))
BATCH = 16
GOAL = 0.85


CHUNK = 32


def timed(work) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) that ``work()`` takes."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        with corpus_jsonl(500).open(encoding="utf-8") as lines:
            source.write_text("".join(line for _, line in zip(range(N), lines)), encoding="utf-8")
        pipeline = load_pipeline()
        suggester = suggester_for(pipeline, load_codebook())
        with Store(Path(tmp) / "project.json") as store:
            with redirect_stderr(io.StringIO()):
                import_sources(store, [str(source)])
            todo = pending(store)
            texts = {article_id: store.load_article(article_id).text for article_id in todo}
            for doc in pipeline.nlp.pipe(list(texts.values())[:BATCH]):  # one-off first-call costs
                suggester.suggest(doc, store.load_article(todo[0]))
            pipe, suggest = [0.0, 0.0], [0.0, 0.0]
            totals = {"articles": 0, "entities": 0, "events": 0}
            for at in range(0, len(todo), CHUNK):
                chunk = todo[at:at + CHUNK]
                took = timed(lambda: [None for _ in pipeline.nlp.pipe([texts[i] for i in chunk], batch_size=BATCH)])
                pipe = [pipe[0] + took[0], pipe[1] + took[1]]
                with redirect_stderr(io.StringIO()):
                    took = timed(lambda: totals.update(
                        {k: totals[k] + v for k, v in annotate_all(store, chunk, pipeline, suggester, 1, BATCH).items()
                         if k in totals}))
                suggest = [suggest[0] + took[0], suggest[1] + took[1]]
                note(bench="suggest_speed", done=at + len(chunk), pipe_s=round(pipe[0], 1),
                     suggest_s=round(suggest[0], 1))
    assert totals["articles"] == len(todo), totals
    figure("suggest_vs_pipe_ratio", round(pipe[0] / suggest[0], 3), GOAL, articles=len(todo), batch_size=BATCH,
           pipe_articles_per_s=round(len(todo) / pipe[0], 2), suggest_articles_per_s=round(len(todo) / suggest[0], 2),
           cpu_ratio=round(pipe[1] / suggest[1], 3), pipe_s=round(pipe[0], 2), suggest_s=round(suggest[0], 2),
           events=totals["events"], entities=totals["entities"])


if __name__ == "__main__":
    main()
