"""One module per sub-command, each with ``NAME``, ``add_parser(subparsers)`` and ``run(args)``."""

from . import export, import_, open_, restore, stats, suggest

SUBCOMMANDS = [open_, import_, suggest, export, stats, restore]
