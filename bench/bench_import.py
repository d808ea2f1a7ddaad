"""``newsmark import`` of the benchmark corpus (``corpus.py``: 10,000 news-sized articles, ~29 MB of
JSONL) into a new project, the whole command in its own process, against 1,000 articles of the same
corpus; then the 10,000 again into the same project (all already stored).

Prints ``import_10k_seconds`` (goal 2; doccano took 3.1-4.6 s and Label Studio 2.4-2.6 s on this
machine), ``import_ratio_10k_vs_1k`` (goal 11: no worse than linear) and ``import_10k_again_seconds``.
Wall-clock (the 10,000's CPU seconds beside it, which the machine's load does not change); the
smaller import is the median of three runs. ``NEWSMARK_BENCH_ARTICLES`` changes 10,000.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_jsonl  # noqa: E402
from figures import figure, note  # noqa: E402

LARGE = int(os.environ.get("NEWSMARK_BENCH_ARTICLES", "10000"))
SMALL = LARGE // 10
COMMAND = "import sys; from tui.cli import main; raise SystemExit(main(sys.argv[1:]))"


CPU = [0.0, 0.0]  # the last import's wall and CPU (user + system) seconds


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_import(source: Path, db: Path) -> float:
    """Seconds for one ``newsmark import`` process, start to exit."""
    start, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run([sys.executable, "-c", COMMAND, "import", str(source), "--db", str(db)],
                          cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    CPU[:] = [seconds, _children_cpu() - cpu]
    assert done.returncode == 0, done.stderr
    note(bench="import", out=done.stdout.strip(), seconds=round(seconds, 2))
    return seconds


def main_bench() -> None:
    small_source, large_source = corpus_jsonl(SMALL), corpus_jsonl(LARGE)
    with tempfile.TemporaryDirectory() as tmp:
        smalls = []
        for n in range(3):
            folder = Path(tmp) / f"small{n}"
            smalls.append(run_import(small_source, folder / "project.json"))
            shutil.rmtree(folder)
        db = Path(tmp) / "large" / "project.json"
        large = run_import(large_source, db)
        large_cpu = CPU[1]
        again = run_import(large_source, db)
        small = statistics.median(smalls)
        figure("import_10k_seconds", round(large, 2), 2, articles=LARGE,
               mb=round(large_source.stat().st_size / 1e6, 1), cpu_seconds=round(large_cpu, 2))
        figure("import_ratio_10k_vs_1k", round(large / small, 2), 11, seconds_1k=round(small, 2),
               seconds_10k=round(large, 2))
        figure("import_10k_again_seconds", round(again, 2), None, note="every article already stored")
        note(bench="import", cleanup="removing the projects (slow on this disk: it discards every block)")


if __name__ == "__main__":
    main_bench()
