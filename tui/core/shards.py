"""Suggestion as a pure function over records: article JSONL shards in, model output shards out.

A shard is a JSONL file of articles, one a line (``id``, ``title``, ``text``, ``meta``: the form
``newsmark import`` reads); its output is a file of the same name in the native JSONL export form
(a header line, then one record per article with the model's entities and suggested events, all
``origin: model, status: suggested``), so ``newsmark import`` takes it back as suggestions that a
coder still has to answer. Nothing here needs a project, and the output depends only on the input,
the model, the codebook and the run's time stamp (record ids are derived from the content), so a
shard suggested locally and one suggested on a Dask worker are the same bytes.

``suggest_shard`` is the unit a distributed engine runs (one shard per task); the model is loaded
once per process and kept (``loaded``), never once per record.
"""

from __future__ import annotations

import glob
import hashlib
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .formats.native import dumps, header_line
from .importer import Problem, read_jsonl
from .model import Article, Entity, now_iso

SHARD_SUFFIX = ".jsonl"


class ShardProblem(ValueError):
    """A shard that cannot be suggested: ``str()`` is one line naming the file (and line)."""


@dataclass(frozen=True)
class ShardSettings:
    """What a worker needs to suggest a shard; plain values, so it travels to Dask workers."""

    model: str | None = None  # a pipeline folder (``newsmark train``), or None for the pinned model
    codebook: str | None = None  # a built-in codebook name or a TOML file; None for the default
    batch_size: int = 16
    stamp: str = ""  # the ``created`` time of every suggestion: one per run, so reruns compare equal


@dataclass
class Loaded:
    pipeline: object
    suggester: object
    codebook: object


_loaded: dict[tuple, Loaded] = {}


def loaded(settings: ShardSettings) -> Loaded:
    """The pipeline, codebook and suggester of ``settings``, loaded once per process."""
    key = (settings.model, settings.codebook)
    if key not in _loaded:
        from .codebook import load_codebook
        from .learn.model_suggest import suggester_for
        from .nlp import load_pipeline

        codebook = load_codebook(settings.codebook)
        pipeline = load_pipeline(settings.model)
        if pipeline.fallback and settings.model:
            raise ShardProblem(f"{settings.model}: not a spaCy pipeline that loads")
        _loaded[key] = Loaded(pipeline, suggester_for(pipeline, codebook), codebook)
    return _loaded[key]


def shard_paths(source: str) -> list[Path]:
    """The input shards: every ``*.jsonl`` in a folder, or the files a glob pattern names, sorted."""
    path = Path(source)
    if path.is_dir():
        found = sorted(p for p in path.glob(f"*{SHARD_SUFFIX}") if not p.name.startswith("."))
    else:
        found = sorted(Path(p) for p in glob.glob(source) if Path(p).is_file())
    if not found:
        raise ShardProblem(f"{source}: no JSONL shards there")
    names = [p.name for p in found]
    twice = next((n for n in names if names.count(n) > 1), None)
    if twice:  # the output shards are named after the input ones
        raise ShardProblem(f"{source}: two shards are named {twice}; output shards take their names")
    return found


def read_shard(path: Path) -> list[Article]:
    """The articles of one shard, built as ``newsmark import`` builds them (same ids, titles, meta)."""
    articles = []
    for item in read_jsonl(path):
        if isinstance(item, Problem):
            raise ShardProblem(str(item))
        articles.append(item)
    return articles


def output_record(doc, article: Article, model: str, suggester, stamp: str) -> dict:
    """One article's line of an output shard: the article, the model's entities and its events."""
    from .suggest import model_output

    spans, events = model_output(doc, article, suggester)
    entities = [Entity(s, e, label, origin="model", status="suggested", annotator=model, created=stamp,
                       id=_stable_id("T", article.id, s, e, label)) for s, e, label in spans]
    for n, ev in enumerate(events):
        ev.created, ev.id = stamp, _stable_id("E", article.id, n, ev.type, ev.trigger_start, ev.trigger_end)
    return {"analysed": model, "article": article.to_dict(), "entities": [e.to_dict() for e in entities],
            "events": [e.to_dict() for e in events], "reviewed": False}


def suggest_articles(articles: Iterable[tuple[Article, object]], settings: ShardSettings,
                     n_process: int = 1) -> Iterator[tuple[dict, object]]:
    """(output record, context) for each (article, context), in order: the pure step over records.
    ``nlp.pipe`` reads the texts in batches (in ``n_process`` processes); the suggester runs here."""
    model = loaded(settings)
    stamp = settings.stamp or now_iso()
    pairs = ((article.text, (article, context)) for article, context in articles)
    docs = model.pipeline.nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size, n_process=n_process)
    for doc, (article, context) in docs:
        yield output_record(doc, article, model.pipeline.name, model.suggester, stamp), context


def suggest_shard(path: str | Path, out_dir: str | Path, settings: ShardSettings) -> dict:
    """Suggest one shard into ``out_dir`` (same file name, written whole or not at all): the task
    a Dask worker runs. Returns its counts."""
    path, out_dir = Path(path), Path(out_dir)
    articles = read_shard(path)
    with ShardWriter(out_dir / path.name, loaded(settings).codebook) as out:
        for record, _ in suggest_articles(((a, None) for a in articles), settings):
            out.write(record)
    return out.counts


def suggest_local(paths: list[Path], out_dir: Path, settings: ShardSettings, n_process: int = 1,
                  progress: Callable[[int], None] | None = None) -> dict:
    """Every shard through one ``nlp.pipe`` (so ``n_process`` workers start once, not per shard),
    each output shard written as soon as its last article is done."""
    codebook = loaded(settings).codebook
    totals = {"shards": 0, "articles": 0, "entities": 0, "events": 0}
    writers = [ShardWriter(out_dir / path.name, codebook) for path in paths]

    def articles():
        for index, path in enumerate(paths):
            yield from ((article, index) for article in read_shard(path))

    current = None
    for record, index in suggest_articles(articles(), settings, n_process):
        if index != current:
            if current is not None:
                _add(totals, writers[current].close())
            current = index
        writers[index].write(record)
        if progress:
            progress(totals["articles"] + writers[index].counts["articles"])
    if current is not None:
        _add(totals, writers[current].close())
    return totals


@contextmanager
def dask_client(scheduler: str, workers: int = 2) -> Iterator[object]:
    """A Dask ``Client``: of the scheduler at ``scheduler`` (tcp://host:8786), or of a ``LocalCluster``
    of ``workers`` single-threaded processes for "local"."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ShardProblem("--dask needs Dask: pip install 'newsmark[dask]' (dask and distributed)") from None
    if scheduler == "local":
        with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ShardProblem(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    with client:
        yield client


def suggest_dask(client, paths: list[Path], out_dir: Path, settings: ShardSettings,
                 progress: Callable[[int], None] | None = None) -> dict:
    """The same ``suggest_shard`` on a Dask cluster, one shard per partition of a ``dask.bag``.
    Workers must see the shard files and ``out_dir`` (a shared file system) and have newsmark and
    the model installed. ``progress(articles done)`` is called about twice a second."""
    import dask.bag as bag

    totals = {"shards": 0, "articles": 0, "entities": 0, "events": 0}
    shards = bag.from_sequence([str(p) for p in paths], npartitions=len(paths))
    pending = client.compute(shards.map(suggest_shard, out_dir=str(out_dir), settings=settings).to_delayed())
    while pending:
        for future in [f for f in pending if f.done()]:
            pending.remove(future)
            for counts in future.result():  # a worker's ShardProblem is raised here, as itself
                _add(totals, counts)
        if progress:
            progress(totals["articles"])
        if pending:
            time.sleep(0.5)
    return totals


class ShardWriter:
    """One output shard: written to a hidden temporary file and moved into place when complete."""

    def __init__(self, path: Path, codebook):
        self.path, self.codebook = path, codebook
        self.counts = {"shards": 1, "articles": 0, "entities": 0, "events": 0}
        self._handle = None
        self._tmp = path.with_name(f".{path.name}.partial")

    def open(self) -> "ShardWriter":
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self._tmp.open("w", encoding="utf-8", newline="")
            self._handle.write(header_line(self.codebook) + "\n")
        return self

    def write(self, record: dict) -> None:
        self.open()._handle.write(dumps(record) + "\n")
        self.counts["articles"] += 1
        self.counts["entities"] += len(record["entities"])
        self.counts["events"] += len(record["events"])

    def close(self) -> dict:
        self.open()._handle.close()
        self._tmp.replace(self.path)
        return self.counts

    def __enter__(self) -> "ShardWriter":
        return self.open()

    def __exit__(self, kind, *_) -> None:
        if kind is None:
            self.close()
        elif self._handle is not None:
            self._handle.close()
            self._tmp.unlink(missing_ok=True)


def _add(totals: dict, counts: dict) -> None:
    for key, value in counts.items():
        totals[key] += value


def _stable_id(prefix: str, *parts) -> str:
    """A record id made from what the record is, so the same input gives the same output."""
    return prefix + hashlib.sha1(":".join(map(str, parts)).encode("utf-8")).hexdigest()[:10]
