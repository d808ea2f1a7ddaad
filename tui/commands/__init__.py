"""One module per sub-command, each with ``NAME``, ``add_parser(subparsers)`` and ``run(args)``."""

from . import agree, export, import_, open_, restore, review, stats, suggest, train

SUBCOMMANDS = [open_, import_, suggest, export, stats, train, restore, agree, review]
