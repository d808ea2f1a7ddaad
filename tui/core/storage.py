"""Crash-safe file primitives: a TinyDB storage that never leaves a half-written file, and a lock.

``AtomicJSONStorage`` writes to a temporary file in the same folder, fsyncs it and renames it over
the old one (``os.replace`` is atomic on POSIX), so a crash at any moment leaves either the old or
the new database, never a mix (the fix proposed in tinydb#467). It keeps what it last read or wrote
in memory, which is safe because the project lock guarantees that no other process writes.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from tinydb.storages import Storage


class StoreError(Exception):
    """A problem with the database a user can act on; the message names the file."""


class StoreLocked(StoreError):
    """Another process has the database open."""


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves the old or the new content whole."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class AtomicJSONStorage(Storage):
    """TinyDB storage: atomic replace on every write, in-memory copy for reads."""

    def __init__(self, path: str | os.PathLike, indent: int | None = 1):
        self.path = Path(path)
        self.indent = indent
        self._data: dict | None = None
        self._held = 0
        self._dirty = False

    def read(self) -> dict | None:
        if self._data is None:
            try:
                raw = self.path.read_text(encoding="utf-8")
            except FileNotFoundError:
                return None
            if not raw.strip():
                return None
            try:
                self._data = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise StoreError(f"{self.path}: not a valid database file ({exc.msg} at line {exc.lineno})") from None
        return self._data

    @contextmanager
    def hold(self):
        """Gather every write made inside the block into one atomic write at its end."""
        self._held += 1
        try:
            yield
        except BaseException:
            self._held -= 1
            if self._held == 0:  # drop the half-made change: the disk still has the old state
                self._data, self._dirty = None, False
            raise
        self._held -= 1
        if self._held == 0 and self._dirty:
            self.write(self._data)

    def write(self, data: dict) -> None:
        if self._held:
            self._data = data
            self._dirty = True
            return
        # TinyDB mutates what read() returned before it calls write(): if the write fails, forget
        # the cache so that the next read sees the disk again, not the unsaved change.
        try:
            text = json.dumps(data, ensure_ascii=False, indent=self.indent, sort_keys=True)
            atomic_write_text(self.path, text + "\n")
        except BaseException:
            self._data = None
            self._dirty = False
            raise
        self._data = data
        self._dirty = False

    def close(self) -> None:
        self._data = None


class ProcessLock:
    """An exclusive advisory lock on ``path``: a second process is refused with a clear message."""

    def __init__(self, path: Path, what: str):
        self.path = path
        self.what = what
        self._handle = None

    def acquire(self) -> None:
        handle = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise StoreLocked(f"{self.what} is in use by {holder}; close it there first") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"newsmark process {os.getpid()}")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None
