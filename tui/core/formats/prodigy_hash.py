"""Prodigy's ``_input_hash`` and ``_task_hash``, computed the way Prodigy's ``set_hashes`` does.

Prodigy hashes the JSON of a task's input keys (``text``, ``image``, ``html``, ``input``) with 32-bit
MurmurHash3, and the task hash from the same over the task keys (``spans``, ``label``, ``options``,
``arcs``) prefixed by the input hash; keys on its ignore list (scores, sources, view and session
ids, the answer) are left out at every depth. ``murmurhash`` and ``srsly`` are the packages Prodigy
itself uses (both come with spaCy), so no dependency is added. Hashes a file gives are always kept.
"""

from __future__ import annotations

from typing import Any

INPUT_KEYS = ("text", "image", "html", "input")
TASK_KEYS = ("spans", "label", "options", "arcs")
IGNORE_KEYS = ("score", "rank", "model", "source", "pattern", "priority", "path", "_view_id", "_session_id",
               "_annotator_id", "answer")


def _without_ignored(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_ignored(v) for k, v in value.items() if k not in IGNORE_KEYS}
    if isinstance(value, list):
        return [_without_ignored(v) for v in value]
    return value


def get_hash(task: dict, keys: tuple[str, ...], prefix: int | None = None) -> int:
    """A signed 32-bit MurmurHash3 of the JSON of ``task``'s ``keys`` (sorted), after ``prefix``."""
    import srsly
    from murmurhash import hash as murmur

    values = {key: _without_ignored(task[key]) for key in keys if key in task}
    data = srsly.json_dumps(values, sort_keys=True)
    return murmur((str(prefix) if prefix is not None else "") + data)


def set_hashes(task: dict) -> dict:
    """Fill in ``_input_hash`` and ``_task_hash`` where the task has none; given ones are kept."""
    if "_input_hash" not in task:
        task["_input_hash"] = get_hash(task, INPUT_KEYS)
    if "_task_hash" not in task:
        task["_task_hash"] = get_hash(task, TASK_KEYS, prefix=task["_input_hash"])
    return task
