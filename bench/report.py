"""The README's Performance table from `make bench` output: ``python bench/report.py bench.jsonl``.

Reads the JSON lines every benchmark prints (``figures.figure``) and writes one Markdown row per figure
that has a goal, saying whether it is met: a goal is a ceiling for times, sizes and ratios, and a floor
for the figures named in ``FLOORS`` (quality, throughput ratios, gains).
"""

from __future__ import annotations

import json
import sys

FLOORS = ("suggest_vs_pipe_ratio", "suggest.wikievents_dev.", "train_typed_P_gain", "train_doc_type_R_gain",
          "train_arg_F1_gain")
LEFT_OUT = ("keys.event.",)  # one line per coded event: their median is the figure


def is_floor(name: str) -> bool:
    return name.startswith(FLOORS)


def met(name: str, value, goal) -> bool:
    return value >= goal if is_floor(name) else value <= goal


def rows(lines) -> list[str]:
    out = ["| figure | value | goal | met |", "|---|---|---|---|"]
    for line in lines:
        line = line.strip()
        if not line.startswith("{"):
            continue
        fig = json.loads(line)
        name, value, goal = fig.get("name"), fig.get("value"), fig.get("goal")
        if name is None or goal is None or not isinstance(value, (int, float)) or name.startswith(LEFT_OUT):
            continue
        sign = "≥" if is_floor(name) else "≤"
        out.append(f"| `{name}` | {value} | {sign} {goal} | {'yes' if met(name, value, goal) else '**no**'} |")
    return out


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin as source:
        print("\n".join(rows(source)))


if __name__ == "__main__":
    main()
