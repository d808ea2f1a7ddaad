"""An article's journal: one ASCII JSON line per action, appended and fsynced before the caller returns.

Framing. Every entry is written with ``ensure_ascii``, so a line holds only ASCII and the one byte
that ends it, ``\\n``: no text, label or annotator name (U+2028, U+2029, U+0085, a raw newline...)
can split a line, and a write cut short by a crash or a full disk cannot end inside a character.
Reading splits on ``\\n`` only (``str.splitlines`` would also split on U+2028 in older journals).

Damage. A last line without its newline was never acknowledged (the newline goes out in the same
write, and the caller waits for fsync): it is dropped and reported. A damaged line followed by valid
ones is reported and skipped, the valid lines after it are still replayed, and the whole journal is
copied aside to ``ID.log.damaged`` before anything folds it, so nothing is lost for good.

Full disk. A write that fails leaves the entries pending in memory; the next write first cuts the
journal back to its last good length (so half a line never stays in it), then writes them all again.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .storage import SaveError, StoreError, damaged_name


def encode(entry: dict) -> bytes:
    """One journal line: ASCII JSON (every non-ASCII character escaped) and a newline."""
    return (json.dumps(entry, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


@dataclass
class JournalRead:
    """What a journal holds: its valid entries in file order, and one line per problem found."""

    entries: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    damaged: bool = False  # a line in the middle could not be read: keep the file aside before folding


def read_journal(path: Path) -> JournalRead:
    """Every readable entry of the journal at ``path``; never raises for damaged content."""
    result = JournalRead()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return result
    except OSError as exc:
        result.problems.append(f"{path}: cannot read the journal ({exc.strerror}); its edits are not shown")
        result.damaged = True
        return result
    lines = data.split(b"\n")
    tail = lines.pop()  # b"" when the journal ends with a newline, as it should
    bad = []
    for number, raw in enumerate(lines, start=1):
        entry = _decode(raw)
        if entry is None:
            if raw.strip():
                bad.append(number)
            continue
        result.entries.append(entry)
    if bad:
        result.damaged = True
        where = ", ".join(str(n) for n in bad[:10]) + (" ..." if len(bad) > 10 else "")
        result.problems.append(f"{path}: {len(bad)} damaged line(s) skipped (line {where}); "
                               f"the lines after them were kept")
    if tail.strip():
        result.problems.append(f"{path}: line {len(lines) + 1} was cut short (a crash or a full disk "
                               f"during a write that was never confirmed); dropped")
    return result


def _decode(raw: bytes) -> dict | None:
    try:
        entry = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(entry, dict) or not isinstance(entry.get("seq"), int):
        return None
    return entry


def keep_aside(path: Path) -> Path | None:
    """Copy a damaged journal to ``NAME.damaged`` (or ``NAME.damaged.2``...) beside it; never overwrites."""
    try:
        target = damaged_name(path)
        shutil.copyfile(path, target)
    except (OSError, StoreError):
        return None
    return target


class JournalWriter:
    """Appends encoded entries to the journal; what cannot be written yet stays pending."""

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None
        self._good = 0  # bytes of the journal known to be whole lines
        self._cut = False  # a failed write may have left part of a line after ``_good``
        self.pending: list[bytes] = []

    def open(self) -> None:
        """Open for appending; a torn last line from a crash is cut off first."""
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        size = os.fstat(self._fd).st_size
        self._good = size
        if size:
            with open(self.path, "rb") as handle:
                handle.seek(max(0, size - 1))
                if handle.read(1) != b"\n":  # a torn last line: keep only whole lines
                    data = self.path.read_bytes()
                    self._good = data.rfind(b"\n") + 1
                    self._cut = True

    @property
    def size(self) -> int:
        """Bytes in the journal (whole lines, once it is open for writing)."""
        if self._fd is not None:
            return self._good
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def flush(self) -> None:
        if not self.pending:
            return
        data = b"".join(self.pending)
        try:
            if self._fd is None:
                self.open()
            if self._cut:
                os.ftruncate(self._fd, self._good)
                self._cut = False
            written = 0
            while written < len(data):
                self._cut = True
                written += os.write(self._fd, data[written:])
            os.fsync(self._fd)
        except OSError as exc:
            self._cut_back()
            raise SaveError(f"{self.path}: cannot save ({exc.strerror or exc}); "
                            f"{len(self.pending)} edit(s) not saved yet", exc.strerror or "") from None
        self._good += len(data)
        self._cut = False
        self.pending.clear()

    def _cut_back(self) -> None:
        """Remove at once what a failed write left after the last whole line (a later write retries)."""
        if self._cut and self._fd is not None:
            try:
                os.ftruncate(self._fd, self._good)
                self._cut = False
            except OSError:
                pass

    def clear(self) -> None:
        """Empty the journal after a checkpoint saved everything it held (and everything pending)."""
        self.pending.clear()
        if self._fd is None:
            self.open()
        os.ftruncate(self._fd, 0)
        self._good = 0
        self._cut = False

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

