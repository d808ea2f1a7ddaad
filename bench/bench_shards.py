"""Corpus-scale suggestion: the same 500 articles in shards, on a local Dask cluster and locally.

``newsmark suggest --in-shards DIR --out-shards OUT`` runs twice as a whole command (start-up, model
loading and writing included): with ``--dask local --n-process 2`` (a ``LocalCluster`` of two
single-threaded worker processes, each suggesting whole shards) and with ``--n-process 2`` (one
``nlp.pipe`` over every shard in two processes, the suggester in the main one). The two runs must
give the same records (time stamps aside). ``dask_vs_local_ratio`` is Dask's throughput over the
local one's: above 1, Dask is faster. ``NEWSMARK_BENCH_SHARDS_N`` changes the number of articles.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus import corpus_jsonl  # noqa: E402
from figures import figure, note  # noqa: E402

N = int(os.environ.get("NEWSMARK_BENCH_SHARDS_N", "500"))
SHARDS = 10


def suggest(in_dir: Path, out_dir: Path, *extra: str) -> float:
    """Wall seconds of one ``newsmark suggest`` over the shards."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "tui", "suggest", "--in-shards", str(in_dir), "--out-shards",
                           str(out_dir), *extra], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    took = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench_shards: newsmark suggest {' '.join(extra)} failed: {done.stderr.strip()}")
    return took


def records(folder: Path) -> list[dict]:
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for item in (*record.get("entities", ()), *record.get("events", ())):
                item.pop("created")  # the run's time stamp
            out.append(record)
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        in_dir = Path(tmp) / "in"
        in_dir.mkdir()
        with corpus_jsonl(max(N, 500)).open(encoding="utf-8") as source:
            lines = [line for _, line in zip(range(N), source)]
        size = -(-len(lines) // SHARDS)
        for k in range(0, len(lines), size):
            (in_dir / f"part-{k // size:03d}.jsonl").write_text("".join(lines[k:k + size]), encoding="utf-8")
        note(bench="shards", articles=len(lines), shards=SHARDS, step="dask LocalCluster(n_workers=2)")
        dask_s = suggest(in_dir, Path(tmp) / "dask", "--dask", "local", "--n-process", "2")
        note(bench="shards", step="local --n-process 2", dask_s=round(dask_s, 1))
        local_s = suggest(in_dir, Path(tmp) / "local", "--n-process", "2")
        same = records(Path(tmp) / "dask") == records(Path(tmp) / "local")
    if not same:
        sys.exit("bench_shards: the Dask run and the local run gave different records")
    figure("dask_vs_local_ratio", round(local_s / dask_s, 3), None, articles=len(lines), shards=SHARDS,
           dask_articles_per_s=round(len(lines) / dask_s, 2), local_articles_per_s=round(len(lines) / local_s, 2),
           dask_s=round(dask_s, 1), local_s=round(local_s, 1), same_records=same,
           setup="LocalCluster(n_workers=2, threads_per_worker=1) against --n-process 2; whole commands")


if __name__ == "__main__":
    main()
