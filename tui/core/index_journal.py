"""The project index in memory, each change appended to an index journal and folded at checkpoints.

An index change (an article's status, counts or cursor, the article open last, a setting) used to
rewrite the whole index file, whose size grows with the project (3.3 MB at 10,000 articles). Now it
is one line appended to ``NAME.json.log`` and fsynced before the caller returns, with the same
framing and damage handling as the article journals (``journal``): ASCII JSON lines, a torn last
line dropped, a damaged line in the middle reported, the file kept aside as ``.damaged`` and the
lines after it still replayed. Its cost does not depend on the number of articles.

Each entry is ``{"seq": N, "ops": [[TABLE, DOC_ID, {FIELD: VALUE...}], ...]}``: the fields are merged
into that row (a missing row is created), so replaying an entry twice gives the same index. The
index file remembers the last entry folded into it (``journal_seq`` in its ``_meta`` row); opening
replays the later ones. A fold writes the whole index atomically, then empties the journal: when the
store closes, when it opens after a crash, and when the journal grows past ``FOLD_BYTES``.

The index file keeps TinyDB's layout (``{table: {doc_id: row}}``, one row per line: ``tables_text``),
so it reads, backs up and restores as before.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .journal import JournalRead, JournalWriter, encode, keep_aside
from .storage import SaveError, atomic_write_text, tables_text

FOLD_BYTES = 2 * 1024 * 1024  # a journal past this is folded: replay at the next open stays cheap
SEQ_KEY = "journal_seq"
META = "_meta"


def index_journal_path(db: Path) -> Path:
    return db.with_name(db.name + ".log")


def files_signature(db: Path) -> tuple:
    """What changes when the index or its journal is written: to notice a change between two reads."""
    def stat(path: Path):
        try:
            st = path.stat()
        except OSError:
            return None
        return st.st_ino, st.st_size, st.st_mtime_ns
    return stat(db), stat(index_journal_path(db))


class IndexTables:
    """The index's tables (``{table: {str(doc_id): row}}``), changed only through ``merge``."""

    def __init__(self, path: Path, tables: dict | None, journal: JournalRead, read_only: bool,
                 report: Callable[[str], None]):
        self.path = path
        self.journal_path = index_journal_path(path)
        self.read_only = read_only
        self.tables: dict[str, dict[str, dict]] = {}
        for name, rows in (tables or {}).items():  # rows numbered by digits: ``Store`` checks it
            self.tables[name] = dict(sorted(rows.items(), key=lambda kv: int(kv[0])))
        self._next = {name: max(map(int, rows), default=0) + 1 for name, rows in self.tables.items()}
        self.seq = int(self.tables.get(META, {}).get("1", {}).get(SEQ_KEY, 0) or 0)
        replayed = self._replay(journal.entries, report)
        for problem in journal.problems:
            report(problem)
        # A damaged journal is emptied by a fold only once a copy of it is kept aside.
        self._keep_journal = journal.damaged and not read_only and not self._keep_aside(report)
        self._writer = JournalWriter(self.journal_path)
        self._held = 0
        self._ops: list[list] = []  # changes not yet in the journal (inside ``hold``)
        self._undo: list[tuple[str, str, dict | None]] = []  # how to take them back
        # The index file is behind memory (or the journal holds damage): the next fold settles it.
        self.stale = bool(replayed) or bool(journal.problems)

    # -- reading -------------------------------------------------------------------------------

    def table(self, name: str) -> dict[str, dict]:
        """A table's rows by doc id (as text), in doc id order. Do not change them: use ``merge``."""
        return self.tables.get(name, {})

    def get(self, name: str, doc_id: int) -> dict | None:
        return self.tables.get(name, {}).get(str(doc_id))

    # -- writing -------------------------------------------------------------------------------

    def merge(self, name: str, doc_id: int, values: dict) -> None:
        """Merge ``values`` into a row (creating it): journaled and fsynced, unless inside ``hold``."""
        rows = self.tables.setdefault(name, {})
        key = str(doc_id)
        old = rows.get(key)
        self._undo.append((name, key, None if old is None else dict(old)))
        if old is None:
            rows[key] = dict(values)
            self._next[name] = max(self._next.get(name, 1), doc_id + 1)
        else:
            old.update(values)
        self._ops.append([name, doc_id, dict(values)])
        if not self._held:
            self._write()

    def insert(self, name: str, rows: list[dict]) -> list[int]:
        """New rows at the end of a table; their doc ids."""
        start = self._next.get(name, 1)
        with self.hold():
            for n, row in enumerate(rows):
                self.merge(name, start + n, row)
        return list(range(start, start + len(rows)))

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Gather the changes inside the block into one journal entry (all or none of them)."""
        self._held += 1
        try:
            yield
        except BaseException:
            self._held -= 1
            if self._held == 0:
                self._take_back()
            raise
        self._held -= 1
        if self._held == 0:
            self._write()

    def _write(self) -> None:
        if not self._ops:
            return
        if self.read_only:
            self._take_back()
            raise SaveError(f"{self.path}: opened read-only; nothing can be changed")
        line = encode({"seq": self.seq + 1, "ops": self._ops})
        try:
            if self._writer.size + len(line) > FOLD_BYTES:
                self.seq += 1
                try:
                    self.fold()  # the index file takes this change with the rest: one write
                except BaseException:
                    self.seq -= 1
                    raise
            else:
                self._writer.pending.append(line)
                try:
                    self._writer.flush()
                except SaveError as exc:
                    raise SaveError(f"{self.journal_path}: cannot save ({exc.reason or exc}); the index "
                                    f"is as it was", exc.reason) from None
                self.seq += 1
                self.stale = True
        except BaseException:
            self._writer.pending.clear()  # the disk refused it: memory goes back to what the disk has
            self._take_back()
            raise
        self._ops.clear()
        self._undo.clear()

    def _take_back(self) -> None:
        for name, key, old in reversed(self._undo):
            if old is None:
                self.tables[name].pop(key, None)
            else:
                self.tables[name][key] = old
        self._ops.clear()
        self._undo.clear()

    def fold(self) -> None:
        """Write the whole index (atomically) with what the journal holds, then empty the journal."""
        if self.read_only:
            return
        meta = self.tables.setdefault(META, {}).setdefault("1", {})
        before = meta.get(SEQ_KEY)
        meta[SEQ_KEY] = self.seq
        try:
            atomic_write_text(self.path, tables_text(self.tables))
        except OSError as exc:
            if before is None:
                meta.pop(SEQ_KEY)
            else:
                meta[SEQ_KEY] = before
            raise SaveError(f"{self.path}: cannot save ({exc.strerror or exc})", exc.strerror or "") from None
        self.stale = False
        if not self._keep_journal:
            try:
                self._writer.clear()
            except OSError:  # harmless: replay skips entries the index already holds (by their seq)
                pass

    def close(self) -> None:
        """Fold what the journal holds (if anything) and remove the empty journal."""
        try:
            if self.stale and not self.read_only:
                self.fold()
        finally:
            self._writer.close()
        if not self.read_only and not self._keep_journal and not self.stale:
            try:
                if self.journal_path.stat().st_size == 0:
                    self.journal_path.unlink()
            except OSError:
                pass

    # -- replay --------------------------------------------------------------------------------

    def _replay(self, entries: list[dict], report: Callable[[str], None]) -> int:
        """Apply the journal's entries the index file does not hold yet; how many."""
        done = 0
        for entry in entries:
            if entry["seq"] <= self.seq:
                continue
            try:
                ops = entry["ops"]
                if not isinstance(ops, list) or not all(_valid_op(op) for op in ops):
                    raise ValueError("not a list of [table, row, fields]")
                for name, doc_id, values in ops:
                    row = self.tables.setdefault(name, {}).setdefault(str(doc_id), {})
                    row.update(values)
                    self._next[name] = max(self._next.get(name, 1), doc_id + 1)
                done += 1
            except (KeyError, TypeError, ValueError) as exc:
                report(f"{self.journal_path}: entry {entry['seq']} could not be replayed ({exc}); skipped")
            self.seq = entry["seq"]
        return done

    def _keep_aside(self, report: Callable[[str], None]) -> bool:
        kept = keep_aside(self.journal_path)
        report(f"{self.journal_path}: a copy of the damaged journal is kept in {kept}" if kept else
               f"{self.journal_path}: could not keep a copy of the damaged journal aside; it stays")
        return kept is not None


def _valid_op(op) -> bool:
    return (isinstance(op, list) and len(op) == 3 and isinstance(op[0], str) and isinstance(op[1], int)
            and not isinstance(op[1], bool) and op[1] > 0 and isinstance(op[2], dict))
