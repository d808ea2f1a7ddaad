"""One module per sub-command, each with ``NAME``, ``add_parser(subparsers)`` and ``run(args)``."""

from . import import_, open_

SUBCOMMANDS = [open_, import_]
