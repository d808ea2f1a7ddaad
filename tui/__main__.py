"""``python -m tui``: the same as the ``newsmark`` command."""

import sys

from .cli import main

sys.exit(main())
