"""The ``newsmark`` command: parses the command line and hands over to one module per sub-command.

Exit codes: 0 success; 1 a user's error or a refused operation (bad input, a locked or invalid
database, a bad codebook, a full or read-only disk), with one line on stderr and never a traceback;
2 an internal error (a bug), with one line on stderr naming the log file that holds the traceback.
"""

from __future__ import annotations

import argparse
import sys

from .commands import SUBCOMMANDS
from .core.codebook import CodebookError
from .core.storage import StoreError
from .commands.common import USER_OS_ERRORS
from .errorlog import internal_error


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
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse says what is wrong; a bad command line is a user error (1)
        return 0 if not exc.code else 1
    try:
        return args.run(args)
    except (StoreError, CodebookError) as exc:
        print(f"newsmark: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsmark: interrupted; everything done so far is saved", file=sys.stderr)
        return 1
    except OSError as exc:
        if exc.errno not in USER_OS_ERRORS:
            return internal_error(exc, argv)
        where = exc.filename or getattr(args, "db", None) or "a file"
        print(f"newsmark: cannot write {where}: {USER_OS_ERRORS[exc.errno]}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug: log it, say where, exit 2
        return internal_error(exc, argv)

