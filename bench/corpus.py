"""The benchmark corpus: N news-sized articles as JSONL, made once and kept for the run.

Each article is one of the sample articles with a line that makes it unique (so none is a duplicate),
about 2.5 KB each: 10,000 of them are about 25 MB, the size doccano and Label Studio were measured on.
Files are cached under ``$NEWSMARK_BENCH_DIR`` (default: a ``newsmark-bench`` folder in the system's
temporary folder) so that the benchmarks of one ``make bench`` share them.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_articles").glob("*.txt"))


def bench_dir() -> Path:
    folder = Path(os.environ.get("NEWSMARK_BENCH_DIR", Path(tempfile.gettempdir()) / "newsmark-bench"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def corpus_jsonl(n: int) -> Path:
    """A JSONL file of ``n`` articles (``id``, ``title``, ``text``, ``meta.date``), made if missing."""
    path = bench_dir() / f"corpus_{n}.jsonl"
    if path.exists():
        return path
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        for i in range(n):
            sample = texts[i % len(texts)]
            title, _, body = sample.partition("\n")
            record = {"id": f"bench-{i:06d}", "title": f"{title} ({i})",
                      "text": f"{title} ({i})\n\nBench copy {i}.{body}",
                      "meta": {"source": f"bench/{i:06d}", "date": f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}"}}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    partial.replace(path)
    return path
