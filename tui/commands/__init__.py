"""One module per sub-command, each with ``NAME``, ``add_parser(subparsers)`` and ``run(args)``."""

from . import import_, open_

SUBCOMMANDS = [open_, import_]
from . import export; SUBCOMMANDS.append(export)  # noqa: E402,E702
from . import stats; SUBCOMMANDS.append(stats)  # noqa: E402,E702
from . import suggest; SUBCOMMANDS.append(suggest)  # noqa: E402,E702
