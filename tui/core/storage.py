"""Crash-safe file primitives: a TinyDB storage that never leaves a half-written file, and a lock.

``AtomicJSONStorage`` writes to a temporary file in the same folder, fsyncs it and renames it over
the old one (``os.replace`` is atomic on POSIX), so a crash at any moment leaves either the old or
the new database, never a mix (the fix proposed in tinydb#467). It keeps what it last read or wrote
in memory, which is safe because the project lock guarantees that no other process writes. Reading
is strict: a file that exists but is not a database is an error naming it, never an empty project.
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


class DamagedFile(StoreError):
    """A database or article file that exists but cannot be read as one; it is left as it is."""


class ArticleDamaged(DamagedFile):
    """One article's file is missing or damaged: skip the article, the rest of the project is fine."""


class SaveError(StoreError):
    """A write the disk refused (full, read-only...): what was not saved is said, never hidden."""

    def __init__(self, message: str, reason: str = ""):
        super().__init__(message)
        self.reason = reason  # the system's words, e.g. "No space left on device"


def atomic_write_text(path: Path, text: str, durable: bool = True) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves the old or the new content whole;
    ``durable=False`` skips the fsyncs (for backups: the file they copy is already on the disk)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    if durable:
        fsync_dir(path.parent)


def damaged_name(path: Path) -> Path:
    """A free name beside ``path`` for keeping a damaged copy: ``NAME.damaged``, ``NAME.damaged.2``..."""
    for n in range(1, 1000):
        target = path.with_name(path.name + (".damaged" if n == 1 else f".damaged.{n}"))
        if not target.exists() and not target.is_symlink():
            return target
    raise StoreError(f"{path}: too many damaged copies beside it; remove some first")


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort: some file systems refuse)."""
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


def read_tables(path: Path) -> dict | None:
    """The TinyDB tables in ``path``; None if there is no such file. Anything else that is not a JSON
    object of tables of records (empty, ``null``, a list, random bytes, a folder) is ``DamagedFile``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise DamagedFile(f"{path}: not a valid database file (it is a folder)") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read ({exc.strerror})") from None
    if not raw.strip():
        raise DamagedFile(f"{path}: not a valid database file (it is empty: {len(raw)} byte(s))")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DamagedFile(f"{path}: not a valid database file (not UTF-8 text at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise DamagedFile(f"{path}: not a valid database file ({exc.msg} at line {exc.lineno})") from None
    except (ValueError, RecursionError):
        raise DamagedFile(f"{path}: not a valid database file (not JSON)") from None
    if not isinstance(data, dict):
        raise DamagedFile(f"{path}: not a valid database file (it holds {_kind(data)}, not tables)")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise DamagedFile(f"{path}: not a valid database file (table {name!r} is not a table of records)")
    return data


def _kind(value) -> str:
    return "null" if value is None else f"a JSON {type(value).__name__}"


def tables_text(data: dict, indent: int | None = 1) -> str:
    """The JSON text of a TinyDB file, keys sorted: one record per line (``indent=None``: one line),
    so a changed record is one changed line in git, and it is written by the C JSON encoder (an
    indented dump goes through the pure-Python one, several times slower). Readable UTF-8, or every
    character escaped when the data holds a lone surrogate (a name from undecodable bytes)."""
    try:
        text = _layout(data, indent, ascii_only=False)
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _layout(data, indent, ascii_only=True)
    return text


# Made once: ``json.dumps`` with arguments builds a new encoder on every call.
_ENCODERS = {ascii_only: json.JSONEncoder(ensure_ascii=ascii_only, sort_keys=True).encode for ascii_only in (False, True)}


def _layout(data: dict, indent: int | None, ascii_only: bool) -> str:
    encode = _ENCODERS[ascii_only]
    if indent is None:
        return encode(data) + "\n"
    tables = []
    for name in sorted(data):
        table = data[name]
        records = ",\n".join(f"  {encode(key)}: {encode(table[key])}" for key in sorted(table, key=_record_order))
        tables.append(f" {encode(name)}: " + ("{\n" + records + "\n }" if records else "{}"))
    return "{\n" + ",\n".join(tables) + "\n}\n" if tables else "{}\n"


def _record_order(key: str) -> tuple[int, str]:
    """TinyDB's records in the order of their numbers ("2" before "10")."""
    return (int(key), "") if key.isdigit() else (-1, key)


class AtomicJSONStorage(Storage):
    """TinyDB storage: atomic replace on every write, in-memory copy for reads.

    ``read_only`` refuses every write (for commands that only read); ``backup``, if given, receives
    a copy of every write (for article files, so that ``newsmark restore`` can bring one back).
    """

    def __init__(self, path: str | os.PathLike, indent: int | None = 1, read_only: bool = False,
                 backup: Path | None = None):
        self.path = Path(path)
        self.indent = indent
        self.read_only = read_only
        self.backup = backup
        self._data: dict | None = None
        self._held = 0
        self._dirty = False

    def read(self) -> dict | None:
        if self._data is None:
            self._data = read_tables(self.path)
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
        if self.read_only:
            self._data = None
            raise StoreError(f"{self.path}: opened read-only; nothing can be changed")
        if self._held:
            self._data = data
            self._dirty = True
            return
        # TinyDB mutates what read() returned before it calls write(): if the write fails, forget
        # the cache so that the next read sees the disk again, not the unsaved change.
        text = tables_text(data, self.indent)
        try:
            atomic_write_text(self.path, text)
        except OSError as exc:
            self._data, self._dirty = None, False
            raise SaveError(f"{self.path}: cannot save ({exc.strerror or exc})", exc.strerror or "") from None
        except BaseException:
            self._data, self._dirty = None, False
            raise
        self._data = data
        self._dirty = False
        if self.backup is not None:
            try:
                atomic_write_text(self.backup, text, durable=False)
            except OSError:
                pass  # the file itself is saved; its backup is refreshed at the next save

    def close(self) -> None:
        self._data = None


class ProcessLock:
    """An exclusive advisory lock on ``path``: a second process is refused with a clear message."""

    def __init__(self, path: Path, what: str):
        self.path = path
        self.what = what
        self._handle = None

    def acquire(self) -> None:
        try:
            handle = open(self.path, "a+", encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create the lock file ({exc.strerror}), so the project "
                             f"cannot be opened for editing; stats and export can still read it") from None
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise StoreLocked(f"{self.what} is in use by {holder}; close it there first") from None
        try:  # who holds it, for the message another process shows; the lock works without it
            handle.seek(0)
            handle.truncate()
            handle.write(f"newsmark process {os.getpid()}")
            handle.flush()
        except OSError:
            pass
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None
