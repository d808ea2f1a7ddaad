"""One JSON line per figure, as `make bench` reports them: ``{"name": ..., "value": ..., "goal": ...}``.

Every benchmark prints through ``figure`` so the lines can be read by one reader (the README's
Performance table is made from them). Extra keys (units, counts, the parts of a ratio) may follow.
"""

from __future__ import annotations

import json
import sys


def figure(name: str, value, goal=None, **extra) -> None:
    """Print one figure; ``goal`` is None for a figure reported without one."""
    print(json.dumps({"name": name, "value": value, "goal": goal, **extra}), flush=True)


def note(**fields) -> None:
    """Progress and context for a human reading the run: on stderr, so stdout stays figures only."""
    print(json.dumps(fields), file=sys.stderr, flush=True)
