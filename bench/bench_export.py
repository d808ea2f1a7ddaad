"""Export benchmark: time and peak memory of every format over a project of 10,000 annotated articles.

The project is the shared corpus (``corpus.corpus_jsonl``) imported with annotations through the real
labelled-data import (``import_documents``, one staged import per 1,000 articles): each article gets
the entities and suggested events the pinned model and the suggester find in its sample text (found
once per sample and cached beside the corpus, then moved to each copy's offsets), a tenth of them
suggested, a tenth rejected, the events accepted, the article reviewed. It is built on ``/dev/shm``
where there is one (the build's fsyncs are not what is measured; exports read from the page cache
either way) and written out to the system's temporary folder.

Each format is exported once through ``export_project`` after a warm-up export of one article
(spaCy, the model's sentence recogniser and the place index loaded), timed, and its peak resident
memory read from /proc (VmHWM, reset before the run through /proc/self/clear_refs). The worst peak
of all formats and forms (the single ``.spacy`` file and the folder of shards) is
``export_10k_peak_rss_mb``. The jsonl export is also timed through the command line, whole process.
``NEWSMARK_BENCH_ARTICLES`` changes the size (the figure names keep saying 10k).
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import bench_dir, corpus_jsonl  # noqa: E402
from figures import figure, note  # noqa: E402

from tui.core.formats import ExportOptions, ImportDoc, export_project, import_documents  # noqa: E402
from tui.core.importer import read_sources  # noqa: E402
from tui.core.model import Entity, Event  # noqa: E402
from tui.core.store import Store  # noqa: E402

ARTICLES = int(os.environ.get("NEWSMARK_BENCH_ARTICLES", "10000"))
GOALS = {"jsonl": 3, "prodigy": 10, "spacy": 10, "brat": 10, "conll": 10, "acled": 10}
TARGETS = {"jsonl": "out.jsonl", "prodigy": "out.prodigy.jsonl", "spacy": "out.spacy", "brat": "brat",
           "conll": "out.conll", "acled": "out.acled.csv"}
CHUNK = 1000  # articles per staged import while building


def _status_kib(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


def templates(samples: list) -> list[dict]:
    """The model's entities and the suggester's events for each sample text, cached by the texts."""
    cache = bench_dir() / "export_templates.json"
    texts = [a.text for a in samples]
    if cache.exists():
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if [t["text"] for t in cached] == texts:
            return cached
    from tui.core.codebook import load_codebook
    from tui.core.learn.model_suggest import suggester_for
    from tui.core.nlp import load_pipeline
    from tui.core.suggest import model_output

    pipeline = load_pipeline()
    suggester = suggester_for(pipeline, load_codebook())
    found = []
    for article in samples:
        ents, events = model_output(pipeline.nlp(article.text), article, suggester)
        found.append({"text": article.text, "model": pipeline.name, "entities": ents,
                      "events": [e.to_dict() for e in events]})
    cache.write_text(json.dumps(found), encoding="utf-8")
    return found


def _mover(source: str, target: str):
    """Offsets of a sample text moved to a copy of it: the copies differ only in the number in the
    title line and in "Bench copy N."; spans between the two are dropped (None)."""
    title_end = source.index(" (")
    body = len(source) - source.index(".", source.index("Bench copy")) - 1
    cut_source, cut_target = len(source) - body, len(target) - body

    def at(offset: int | None) -> int | None:
        if offset is None or offset <= title_end:
            return offset
        return offset - cut_source + cut_target if offset >= cut_source else None
    return at


def annotated(article, template: dict, status: str) -> ImportDoc:
    at = _mover(template["text"], article.text)
    entities = []
    for n, (start, end, label) in enumerate(template["entities"]):
        if at(start) is not None and at(end) is not None:
            state = "suggested" if n % 10 == 3 else "rejected" if n % 10 == 7 else "accepted"
            entities.append(Entity(at(start), at(end), label, origin="model", status=state, annotator="bench"))
    events = []
    for data in template["events"]:
        event = Event.from_dict(data)
        event.trigger_start, event.trigger_end = at(event.trigger_start), at(event.trigger_end)
        for arg in event.arguments:
            arg.start, arg.end = at(arg.start), at(arg.end)
        event.arguments = [a for a in event.arguments if a.has_span or a.value or a.event]
        event.status = "accepted"
        events.append(event)
    return ImportDoc(article, entities, events, status=status, analysed=template["model"], reviewed=True)


def build(db: Path, n: int) -> Store:
    articles = list(read_sources([str(corpus_jsonl(n))]))
    found = templates(articles[:11])
    store = Store(db)
    for first in range(0, n, CHUNK):
        docs = [annotated(a, found[i % len(found)], "done" if i < n // 10 else "skipped" if i == n - 1 else "todo")
                for i, a in enumerate(articles[first:first + CHUNK], start=first)]
        import_documents(store, docs)
        note(bench="export", built=first + len(docs), of=n)
    return store


def measure(store: Store, fmt: str, out: Path, options: ExportOptions) -> dict:
    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS
    before = _status_kib("VmRSS")
    wall, cpu = time.perf_counter(), time.process_time()
    summary = export_project(store, fmt, out, options)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = _status_kib("VmHWM")
    return {"seconds": round(wall, 2), "cpu_seconds": round(cpu, 2), "peak_rss_mb": round(peak / 1024),
            "rss_growth_mb": round((peak - before) / 1024), "articles": summary.articles,
            "entities": summary.entities, "events": summary.events}


CLI = """import sys
from tui.cli import main
code = main(sys.argv[1:])
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print("peak_kib", peak.split()[1], file=sys.stderr)
sys.exit(code)
"""


def cli_seconds(db: Path, fmt: str, out: Path) -> tuple[float, int]:
    """Wall seconds and peak resident MB of one ``newsmark export`` process (its own VmHWM: the
    rusage of a child also counts the parent's memory at the fork)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CLI, "export", "--db", str(db), "--format", fmt, "--out", str(out)],
                          cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"newsmark export --format {fmt} failed: {done.stderr[-300:]}")
    peak = next(line for line in done.stderr.splitlines() if line.startswith("peak_kib"))
    return round(seconds, 2), round(int(peak.split()[1]) / 1024)


def main() -> None:
    shm = Path("/dev/shm")
    home = Path(tempfile.mkdtemp(prefix="newsmark-export-", dir=shm if shm.is_dir() else None))
    outputs = Path(tempfile.mkdtemp(prefix="newsmark-export-out-"))
    try:
        start = time.perf_counter()
        db = home / "project.json"
        store = build(db, ARTICLES)
        gc.collect()
        figure("export_build_10k_seconds", round(time.perf_counter() - start, 1), None, articles=ARTICLES,
               how="import_documents of the corpus with model entities and events, 1,000 per staged import")
        peaks, growth = {}, {}  # peak resident memory of the process during each export; what the export added
        for fmt, target in TARGETS.items():
            export_project(store, fmt, outputs / "warm" / target, ExportOptions(article_statuses=frozenset({"skipped"})))
            result = measure(store, fmt, outputs / target, ExportOptions())
            figure(f"export_10k_seconds_{fmt}", result["seconds"], GOALS[fmt], **result)
            peaks[fmt if fmt != "spacy" else "spacy (one .spacy file)"] = result["peak_rss_mb"]
            growth[fmt] = result["rss_growth_mb"]
            shutil.rmtree(outputs / target, ignore_errors=True) if fmt == "brat" else (outputs / target).unlink()
        shards = measure(store, "spacy", outputs / "shards", ExportOptions(article_statuses=frozenset({"done"})))
        note(bench="export", spacy_folder_of_shards=shards)
        peaks["spacy (folder of shards, a tenth)"] = shards["peak_rss_mb"]
        store.close()
        worst = max(peaks, key=peaks.get)
        figure("export_10k_peak_rss_mb", peaks[worst], 300, worst=worst, by_format=peaks, growth_mb=growth,
               measured="peak resident memory (VmHWM) of the exporting process during the export; formats run "
                        "in turn in one process, so later ones include what earlier ones loaded (spaCy, senter)")
        seconds, rss = cli_seconds(db, "jsonl", outputs / "cli.jsonl")
        figure("export_10k_cli_seconds_jsonl", seconds, None, peak_rss_mb=rss, what="whole newsmark export process")
    finally:
        shutil.rmtree(home, ignore_errors=True)
        shutil.rmtree(outputs, ignore_errors=True)


if __name__ == "__main__":
    main()
