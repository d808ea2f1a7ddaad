"""``newsmark suggest --in-shards GLOB|DIR --out-shards DIR [--dask ADDRESS|local]``: suggestion with no
project, from JSONL shards of articles into native JSONL shards (``tui.core.shards``).

Every shard is read and checked first: a bad line anywhere is one line naming its file and line, and
then nothing is suggested. Locally the shards go through one ``nlp.pipe`` (``--n-process`` processes);
with ``--dask`` each shard is one task of a ``dask.bag`` on the cluster.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from ..core.importer import Problem, read_jsonl
from ..core.model import now_iso
from ..core.shards import ShardProblem, ShardSettings, dask_client, loaded, shard_paths, suggest_dask, suggest_local
from .common import phase, progress_bar, warn


def run_shards(args) -> int:
    if not (args.in_shards and args.out_shards) or args.db:
        warn("newsmark: give --in-shards and --out-shards together (and no --db): shards need no project")
        return 1
    try:
        paths = shard_paths(args.in_shards)
    except ShardProblem as exc:
        warn(f"newsmark: {exc}")
        return 1
    out = Path(args.out_shards)
    if out.exists() and not out.is_dir():
        warn(f"newsmark: {out}: is a file; --out-shards names a folder")
        return 1
    if any(p.parent.resolve() == out.resolve() for p in paths):
        warn(f"newsmark: {out}: holds the input shards; give another folder for the output")
        return 1
    total, problems = check_shards(paths)
    if problems:
        for problem in problems[:20]:
            warn(f"newsmark: {problem}")
        warn(f"newsmark: {len(problems)} problem(s) in the shards; nothing was suggested")
        return 1
    settings = ShardSettings(args.model, args.codebook, args.batch_size, now_iso())
    try:
        if args.dask:
            with ExitStack() as stack:
                with phase(f"suggest: connecting to Dask ({args.dask})"):
                    client = stack.enter_context(dask_client(args.dask, args.n_process))
                with progress_bar("suggest", total) as progress:
                    totals = suggest_dask(client, paths, out, settings, progress)
            model = args.model or "the pinned model"
        else:
            with phase("suggest: loading the model"):
                pipeline = loaded(settings).pipeline
            if pipeline.fallback:
                warn(f"newsmark: {pipeline.description}; storing entities only, no suggested events")
            with progress_bar("suggest", total) as progress:
                totals = suggest_local(paths, out, settings, args.n_process, progress)
            model = pipeline.name
    except ShardProblem as exc:
        warn(f"newsmark: {exc}")
        return 1
    print(f"suggested {totals['articles']} article(s) in {totals['shards']} shard(s) with {model}: "
          f"{totals['entities']} entities and {totals['events']} events; output shards in {out} "
          f"(newsmark import {out} --db FILE)")
    return 0


def check_shards(paths: list[Path]) -> tuple[int, list[Problem]]:
    """How many articles the shards hold, and every problem found in them."""
    total, problems = 0, []
    with progress_bar("check", len(paths)) as progress:
        for done, path in enumerate(paths, start=1):
            for item in read_jsonl(path):
                if isinstance(item, Problem):
                    problems.append(item)
                else:
                    total += 1
            progress(done)
    return total, problems
