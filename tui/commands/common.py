"""Options and helpers that several sub-commands share."""

from __future__ import annotations

import argparse
import errno
import os
import sys
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from ..core.codebook import DEFAULT_CODEBOOK, builtin_codebook_names
from ..core.project_files import default_db_path

# OSErrors the machine, not newsmark, is to blame for: said in one line, exit 1.
USER_OS_ERRORS = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exceeded",
                  errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied",
                  errno.EPERM: "operation not permitted"}


def add_db_option(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument(
        "--db", required=required, default=None if required else default_db_path(),
        help="the project database (default: $NEWSMARK_DB or .newsmark/newsmark.json)",
    )


def warn(message: str) -> None:
    """One line on stderr for a problem the user can fix."""
    print(message, file=sys.stderr)


PROGRESS_SECONDS = 5.0  # how often a progress line is printed when stderr is not a terminal


@contextmanager
def progress_bar(description: str, total: int) -> Iterator[Callable[..., None]]:
    """A Rich progress bar on stderr (counts, elapsed, estimate) on a terminal; elsewhere (a log, a
    pipe) a plain line every few seconds (``$NEWSMARK_PROGRESS_SECONDS``, default 5).
    Yields ``update(done, detail="")``."""
    if not sys.stderr.isatty():
        with progress_lines(description, total) as update:
            yield update
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    columns = (TextColumn(f"[bold]{description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.description}"), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("", total=total)

        def update(done: int, detail: str = "") -> None:
            bar.update(task, completed=done, description=detail)
        yield update


@contextmanager
def progress_lines(description: str, total: int) -> Iterator[Callable[..., None]]:
    """``newsmark: import 1200/10000 (12%), 8 s`` on stderr every few seconds, for logs and pipes:
    on an update once the interval has passed, and from a timer when the work between two updates
    takes longer (a model's first batch, a training epoch, a Dask cluster starting)."""
    state = {"done": 0, "detail": ""}

    def line(elapsed: float) -> str:
        share = f" ({100 * state['done'] // total}%)" if total else ""
        extra = f", {state['detail']}" if state["detail"] else ""
        return f"newsmark: {description} {state['done']}/{total}{share}{extra}, {elapsed:.0f} s"

    with _Ticker(line) as ticker:
        def update(done: int, detail: str = "") -> None:
            state["done"], state["detail"] = done, detail
            ticker.poke()
        yield update


@contextmanager
def phase(description: str) -> Iterator[None]:
    """A step with no count (loading the model): a spinner on a terminal; elsewhere (a log, a pipe)
    ``newsmark: suggest: loading the model, 5 s`` every few seconds while it lasts (with
    ``$NEWSMARK_PROGRESS_SECONDS`` 0: a line when it starts and one when it is done)."""
    if sys.stderr.isatty():
        from rich.console import Console

        with Console(stderr=True).status(description):
            yield
        return
    with _Ticker(lambda elapsed: f"newsmark: {description}, {elapsed:.0f} s") as ticker:
        if ticker.every == 0:
            print(f"newsmark: {description} ...", file=sys.stderr, flush=True)
        yield
        if ticker.every == 0:
            print(f"newsmark: {description}: done", file=sys.stderr, flush=True)


class _Ticker:
    """Prints ``line(seconds elapsed)`` on stderr when ``poke``d and at least ``every`` seconds
    (``$NEWSMARK_PROGRESS_SECONDS``) have passed since the last line, and from a timer thread
    whenever that long passes without one. With ``every`` 0 each poke prints, and no timer runs."""

    def __init__(self, line: Callable[[float], str]):
        self.line = line
        self.every = float(os.environ.get("NEWSMARK_PROGRESS_SECONDS", PROGRESS_SECONDS))
        self.start = self.last = time.monotonic()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.timer = threading.Thread(target=self._beat, name="progress", daemon=True) if self.every > 0 else None

    def poke(self) -> None:
        with self.lock:
            now = time.monotonic()
            if now - self.last >= self.every:
                self.last = now
                print(self.line(now - self.start), file=sys.stderr, flush=True)

    def _beat(self) -> None:
        while not self.stop.wait(max(self.every - (time.monotonic() - self.last), 0.05)):
            self.poke()

    def __enter__(self) -> "_Ticker":
        if self.timer is not None:
            self.timer.start()
        return self

    def __exit__(self, *_) -> None:
        self.stop.set()
        if self.timer is not None:
            self.timer.join()


def add_codebook_options(parser) -> None:
    """--codebook NAME|FILE and --codebook-change, for every command that opens a project."""
    names = ", ".join(sorted(builtin_codebook_names()))
    parser.add_argument("--codebook", default=None, metavar="NAME|FILE",
                        help=f"a built-in codebook ({names}) or a TOML file; a project remembers its "
                             f"codebook (default for a new project: {DEFAULT_CODEBOOK})")
    parser.add_argument("--codebook-change", action="store_true",
                        help="switch the project to the --codebook given, instead of refusing")
