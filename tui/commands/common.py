"""Options and helpers that several sub-commands share."""

from __future__ import annotations

import argparse
import sys

from ..core.store import default_db_path


def add_db_option(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument(
        "--db", required=required, default=None if required else default_db_path(),
        help="the project database (default: $NEWSMARK_DB or .newsmark/newsmark.json)",
    )


def warn(message: str) -> None:
    """One line on stderr for a problem the user can fix."""
    print(message, file=sys.stderr)
