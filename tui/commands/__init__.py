"""One module per sub-command, each with ``NAME``, ``add_parser(subparsers)`` and ``run(args)``."""

from . import export, import_, open_, stats, suggest, train

SUBCOMMANDS = [open_, import_, suggest, export, stats, train]
