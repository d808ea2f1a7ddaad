"""Import benchmark: 10,000 small article files into a new project, then again (all already stored).

Issue 8 measured 100,000 small files taking over 15 minutes: every article was written with two
fsyncs and the index grew one TinyDB insert (a copy of the whole table) at a time. Now articles are
staged without an fsync each and the index rows go in with one insert. Prints one JSON line per
figure. ``NEWSMARK_BENCH_FILES`` changes the number of files.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.cli import main  # noqa: E402

FILES = int(os.environ.get("NEWSMARK_BENCH_FILES", "10000"))


def emit(name: str, value, unit: str, **extra) -> None:
    print(json.dumps({"bench": name, "value": value, "unit": unit, **extra}), flush=True)


def run_import(folder: Path, db: Path) -> float:
    start = time.perf_counter()
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        code = main(["import", str(folder), "--db", str(db)])
    assert code == 0
    return time.perf_counter() - start


def main_bench() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i in range(FILES):
            (folder / f"a{i:06d}.txt").write_text(
                f"Report number {i}\n\nTroops entered the town of number {i} on Monday, officials said.\n")
        db = Path(tmp) / "project" / "project.json"
        first = run_import(folder, db)
        emit("import_small_files", round(first, 2), "s", files=FILES, per_file_ms=round(1000 * first / FILES, 3))
        again = run_import(folder, db)
        emit("import_small_files_again", round(again, 2), "s", files=FILES, note="all already stored")


if __name__ == "__main__":
    main_bench()
