"""One module per sub-command, each with ``NAME``, ``add_parser(subparsers)`` and ``run(args)``."""

from . import agree, export, import_, open_, restore, review, stats, suggest

SUBCOMMANDS = [open_, import_, suggest, export, stats, restore, agree, review]
