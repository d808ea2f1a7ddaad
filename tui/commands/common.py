"""Options and helpers that several sub-commands share."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from typing import Callable, Iterator

from ..core.codebook import DEFAULT_CODEBOOK, builtin_codebook_names
from ..core.store import default_db_path


def add_db_option(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument(
        "--db", required=required, default=None if required else default_db_path(),
        help="the project database (default: $NEWSMARK_DB or .newsmark/newsmark.json)",
    )


def warn(message: str) -> None:
    """One line on stderr for a problem the user can fix."""
    print(message, file=sys.stderr)


@contextmanager
def progress_bar(description: str, total: int) -> Iterator[Callable[..., None]]:
    """A Rich progress bar on stderr (counts, elapsed, estimate), silent when stderr is not a
    terminal. Yields ``update(done, detail="")``."""
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    columns = (TextColumn(f"[bold]{description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.description}"), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("", total=total)

        def update(done: int, detail: str = "") -> None:
            bar.update(task, completed=done, description=detail)
        yield update


def add_codebook_options(parser) -> None:
    """--codebook NAME|FILE and --codebook-change, for every command that opens a project."""
    names = ", ".join(sorted(builtin_codebook_names()))
    parser.add_argument("--codebook", default=None, metavar="NAME|FILE",
                        help=f"a built-in codebook ({names}) or a TOML file; a project remembers its "
                             f"codebook (default for a new project: {DEFAULT_CODEBOOK})")
    parser.add_argument("--codebook-change", action="store_true",
                        help="switch the project to the --codebook given, instead of refusing")
