"""The ``newsmark`` command: parses the command line and hands over to one module per sub-command.

Exit codes: 0 success, 1 user error (bad input, locked or invalid database, bad codebook), 2 internal
error. User errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from .commands import SUBCOMMANDS
from .core.codebook import CodebookError
from .core.storage import StoreError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsmark", description="Read news articles and code the events they report."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    names = {m.NAME for m in SUBCOMMANDS}
    # `newsmark [SOURCE ...]` means `newsmark open [SOURCE ...]`.
    if not argv or (argv[0] not in names and argv[0] not in ("-h", "--help")):
        argv.insert(0, "open")
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (StoreError, CodebookError) as exc:
        print(f"newsmark: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsmark: interrupted; everything done so far is saved", file=sys.stderr)
        return 1
