"""``newsmark restore --db FILE [--yes]``: bring back a damaged index or article files from the backup.

Without ``--yes`` it only says what it would do. With it, each damaged file is renamed to
``NAME.damaged`` (never deleted) and the newest good backup is copied in its place. It takes the
project's lock, so it refuses to run while the app has the project open.
"""

from __future__ import annotations

from ..core.backup import backup_dir, plan_restore
from ..core.store import Store
from ..core.storage import ProcessLock
from .common import warn

NAME = "restore"


def add_parser(sub) -> None:
    parser = sub.add_parser(NAME, help="show (and with --yes, do) what the backup can bring back")
    parser.add_argument("--db", required=True, help="the project database")
    parser.add_argument("--yes", action="store_true", help="do it (default: only show what would be done)")
    parser.set_defaults(run=run)


def run(args) -> int:
    paths = Store.paths(args.db)
    lock = ProcessLock(paths.lock, f"database {paths.db}")
    if args.yes:
        lock.acquire()
    try:
        plan = plan_restore(paths.db, paths.article_file)
        for line in plan.lost:
            warn(f"newsmark: {line}")
        if not plan.steps:
            print("\n".join(plan.lines + ["nothing to restore" + (
                f" from {backup_dir(paths.db)}" if not plan.lost else "; the files above have no good backup")]))
        elif not args.yes:
            print("\n".join(plan.lines + [f"{len(plan.steps)} file(s) to restore; run again with --yes to do it"]))
            return 0
        else:
            print("\n".join(plan.apply()))
    finally:
        lock.release()
    return 1 if plan.lost else 0
