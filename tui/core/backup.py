"""Backups of a project, and the plan ``newsmark restore`` shows before it changes anything.

For ``--db project.json`` the backup folder ``project_backup/`` holds the last ``INDEX_GENERATIONS``
distinct versions of the index (``project.json.1`` newest), refreshed when the project is opened and
closed for editing, and ``articles/ID.json``: a copy of each article file as of its last checkpoint
(the article's journal keeps what came after). A damaged file is never deleted: restoring moves it
aside to ``NAME.damaged`` (numbered if taken) and puts the backup in its place.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .model import Article
from .storage import StoreError, atomic_write_text, damaged_name, read_tables

INDEX_GENERATIONS = 5


def backup_dir(db: Path) -> Path:
    return db.parent / f"{db.stem}_backup"


def article_backup(db: Path, file_name: str) -> Path:
    return backup_dir(db) / "articles" / file_name


def index_generations(db: Path) -> list[Path]:
    """The index backups that exist, newest first."""
    folder = backup_dir(db)
    return [p for n in range(1, INDEX_GENERATIONS + 1) if (p := folder / f"{db.name}.{n}").is_file()]


def rotate_index(db: Path) -> None:
    """Keep a copy of the index as generation 1 unless it equals the newest; best effort."""
    folder = backup_dir(db)
    try:
        data = db.read_bytes()
        newest = folder / f"{db.name}.1"
        if newest.is_file() and newest.read_bytes() == data:
            return
        (folder / "articles").mkdir(parents=True, exist_ok=True)
        for n in range(INDEX_GENERATIONS - 1, 0, -1):
            older = folder / f"{db.name}.{n}"
            if older.exists():
                os.replace(older, folder / f"{db.name}.{n + 1}")
        atomic_write_text(newest, data.decode("utf-8"))
    except (OSError, UnicodeDecodeError):
        pass  # a backup that cannot be made must not stop the editing; the next open tries again


def readable(path: Path, article: bool = False) -> str | None:
    """None if ``path`` holds valid TinyDB tables (and, for an ``article`` file, an article), else
    what is wrong with it."""
    try:
        tables = read_tables(path)
    except StoreError as exc:
        return str(exc)
    if tables is None:
        return f"{path}: missing"
    if article:
        try:
            Article.from_dict(tables["article"]["1"])
        except (KeyError, TypeError, ValueError, AttributeError):
            return f"{path}: holds no valid article"
    return None


def move_aside(path: Path) -> Path:
    """Rename a damaged file (or folder) to ``NAME.damaged`` (numbered if taken); never overwrites."""
    target = damaged_name(path)
    os.replace(path, target)
    return target


@dataclass
class RestorePlan:
    """What ``newsmark restore`` would do: (damaged file, backup to put in its place) pairs."""

    db: Path
    steps: list[tuple[Path, Path]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # what would be done, or why it cannot
    lost: list[str] = field(default_factory=list)  # damaged files that have no good backup

    def apply(self) -> list[str]:
        done = []
        for damaged, source in self.steps:
            kept = move_aside(damaged) if damaged.exists() or damaged.is_symlink() else None
            damaged.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(damaged, source.read_text(encoding="utf-8"))  # checked readable: UTF-8
            done.append(f"restored {damaged} from {source}" + (f" (the damaged file is now {kept})" if kept else ""))
        return done


def plan_restore(db: Path, article_file) -> RestorePlan:
    """Check the index and every article file it names; pair each damaged one with its newest good backup.

    ``article_file(row_id)`` gives the path of an article's file (it also refuses unsafe ids).
    """
    plan = RestorePlan(db)
    problem = readable(db) if db.exists() or db.is_symlink() else f"{db}: missing"
    tables = None
    if problem is None:
        tables = read_tables(db)
        plan.lines.append(f"{db}: the index is fine")
    else:
        good = next((g for g in index_generations(db) if readable(g) is None), None)
        if good is None:
            plan.lost.append(f"{problem}; no good backup of it in {backup_dir(db)}")
            return plan
        tables = read_tables(good)
        plan.steps.append((db, good))
        plan.lines.append(f"{problem}\n  would restore it from {good} ({len(tables.get('articles', {}))} article(s))")
    for row in (tables or {}).get("articles", {}).values():
        try:
            path = article_file(str(row.get("id", "")))
        except StoreError as exc:
            plan.lost.append(f"{db}: an index row is damaged ({exc})")
            continue
        problem = readable(path, article=True)
        if problem is None:
            continue
        backup = article_backup(db, path.name)
        if readable(backup, article=True) is None:
            plan.steps.append((path, backup))
            plan.lines.append(f"{problem}\n  would restore it from {backup}")
        else:
            plan.lost.append(f"{problem}; no good backup of it ({backup})")
    return plan

