"""Where an internal error's traceback goes: a log file the one-line message can name.

The log lives in the user's state folder (``$NEWSMARK_LOG_DIR``, else ``$XDG_STATE_HOME/newsmark``,
else ``~/.local/state/newsmark``), not beside the database: the database's disk may be the thing that
failed. When no folder can be written, the system's temporary folder is tried; failing that, the
traceback goes to stderr after all, so it is never lost.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from datetime import datetime, timezone
from pathlib import Path


def log_folders() -> list[Path]:
    """Where a crash log may go, best first."""
    folders = []
    if os.environ.get("NEWSMARK_LOG_DIR"):
        folders.append(Path(os.environ["NEWSMARK_LOG_DIR"]))
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    folders.append(Path(state) / "newsmark")
    folders.append(Path(tempfile.gettempdir()))
    return folders


def write_crash_log(exc: BaseException, argv: list[str]) -> Path | None:
    """Write the traceback of ``exc`` (and the command line) to a new log file; its path, or None."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    text = (f"newsmark {' '.join(argv)}\n{datetime.now(timezone.utc).isoformat()}\n\n"
            + "".join(traceback.format_exception(exc)))
    for folder in log_folders():
        path = folder / f"newsmark-crash-{stamp}-{os.getpid()}.log"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8") as handle:
                handle.write(text)
            return path
        except OSError:
            continue
    sys.stderr.write(text)
    return None


def internal_error(exc: BaseException, argv: list[str]) -> int:
    """One line on stderr naming the log that holds the traceback; exit code 2."""
    log = write_crash_log(exc, argv)
    where = f"; the details are in {log}" if log else ""
    message = (str(exc).splitlines() or [""])[0][:200]
    print(f"newsmark: internal error ({type(exc).__name__}: {message}){where}", file=sys.stderr)
    return 2
