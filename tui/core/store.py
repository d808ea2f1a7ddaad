"""The project database: a small TinyDB index plus one TinyDB file (and journal) per article.

Layout, for ``--db project.json``::

    project.json             index: one row per article (title, status, counts, where the cursor was
                             left), schema version, the article open last
    project.json.log         the index's journal of changes since its last fold (see ``index_journal``)
    project.json.lock        held by the process that has the project open
    project_articles/ID.json the article's text, entities, events and undo history (TinyDB)
    project_articles/ID.log  the article's journal of actions since its last checkpoint
    project_backup/          index generations and article copies (see ``backup``)

A symlinked ``--db`` is resolved to its target, for the lock and every file. A file that exists but
is damaged is never taken for a new project nor overwritten: opening stops with one line naming it.
Opened ``read_only`` (``stats``, ``export``), the store takes no lock and writes nothing at all.

An annotation edit touches only its article's journal, so its cost does not grow with the number of
articles (as brat keeps one .ann per document); that also makes annotations diff and merge in git.
An index change (status, counts, cursor) is one line appended to the index journal, folded into the
index file when the store closes: its cost does not grow with the project either.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from tinydb import TinyDB
from tinydb.table import Document

from . import backup
from .completion import coded_values
from .index_journal import IndexTables, files_signature, index_journal_path
from .journal import read_journal
from .model import ARTICLE_STATUSES, Article
from .project_files import ProjectPaths, article_tables, safe_id
from .session import ArticleSession
from .staging import ImportStaging, finish_interrupted_import
from .storage import ArticleDamaged, AtomicJSONStorage, DamagedFile, ProcessLock, SaveError, StoreError, read_tables

SCHEMA_VERSION = 1
ARTICLES, VALUES, META = "articles", "coded_values", "_meta"  # the index's tables (TinyDB's layout)


class Store:
    """The open project: call ``close()`` (or use ``with``) to release the lock."""

    @staticmethod
    def paths(path: str | os.PathLike) -> ProjectPaths:
        return ProjectPaths(Path(path).resolve())

    def __init__(self, path: str | os.PathLike, create: bool = True, read_only: bool = False,
                 on_problem: Callable[[str], None] | None = None):
        self._paths = paths = self.paths(path)  # a symlink: lock and write the target, not the link
        self.path = paths.db
        self.read_only = read_only
        self.on_problem = on_problem
        self.problems: list[str] = []
        exists = self.path.exists() or self.path.is_symlink()
        if not exists and (not create or read_only):
            raise StoreError(f"{self.path}: no such database")
        self.articles_dir = paths.articles_dir
        self._lock = ProcessLock(paths.lock, f"database {self.path}")
        # Read (and checked) before the lock: a damaged project gets none, nor any other file.
        seen, journal, tables = self._read_index(exists)
        if not read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot create its folder ({exc.strerror})") from None
            self._lock.acquire()
        try:
            if not read_only and files_signature(self.path) != seen:  # the last holder changed it meanwhile
                seen, journal, tables = self._read_index(exists)
            self._tables = IndexTables(self.path, tables, journal, read_only, self.report)
            self._check_schema()
            if not read_only:
                self.articles_dir.mkdir(exist_ok=True)
                if self._tables.stale:  # a run that was killed: its changes go into the index now
                    try:
                        self._tables.fold()
                    except SaveError as exc:  # the journal keeps them; folded at a later checkpoint
                        self.report(str(exc))
                backup.rotate_index(self.path)
            self._doc_ids = {row["id"]: int(key) for key, row in self._tables.table(ARTICLES).items()}
        except OSError as exc:
            self._lock.release()
            raise StoreError(f"{self.path}: cannot open the project ({exc.strerror})") from None
        except BaseException:
            self._lock.release()
            raise
        if not read_only:
            finish_interrupted_import(self)

    @property
    def index_journal(self) -> Path:
        return index_journal_path(self.path)

    def _read_index(self, exists: bool):
        """(what the files were, the index journal, the index tables). The journal is read first: a
        fold replaces the index before it empties the journal, so a reader racing a fold never misses
        a change."""
        seen = files_signature(self.path)
        journal = read_journal(index_journal_path(self.path))
        return seen, journal, (self._check_index() if exists else None)

    def _check_index(self) -> dict | None:
        """Refuse an index that is not a project's (empty, null, a list, a folder...), naming it."""
        try:
            tables = read_tables(self.path)
            rows = (tables or {}).get("articles", {}).values()
            bad = next((r for r in rows if not isinstance(r.get("id"), str)), None)
            if bad is not None:
                raise DamagedFile(f"{self.path}: not a valid database file (an article row has no id)")
            key = next((k for table in (tables or {}).values() for k in table if not k.isdigit()), None)
            if key is not None:
                raise DamagedFile(f"{self.path}: not a valid database file (row {key!r} is not numbered)")
            return tables
        except DamagedFile as exc:
            raise DamagedFile(f"{exc}; nothing was changed: `newsmark restore --db {self.path}` shows "
                              f"what the backup can bring back") from None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Fold the index journal into the index, refresh its backup, release the lock. A fold the
        disk refuses is said and costs nothing: the journal keeps every change for the next open."""
        try:
            self._tables.close()
        except SaveError as exc:
            self.report(f"{exc}; every change is in {self.index_journal}, folded next time")
        if not self.read_only:
            backup.rotate_index(self.path)
        self._lock.release()

    def checkpoint(self) -> None:
        """Fold the index journal into the index file now (the store also does it on ``close``)."""
        self._tables.fold()

    def report(self, problem: str) -> None:
        """Say one line about damage found or a save put off: to ``on_problem`` (the app shows it),
        else on stderr (the commands)."""
        self.problems.append(problem)
        if self.on_problem is not None:
            self.on_problem(problem)
        else:
            print(f"newsmark: warning: {problem}", file=sys.stderr)

    def _check_schema(self) -> None:
        row = self._tables.get(META, 1)
        if row is None:
            if not self.read_only:
                self._tables.merge(META, 1, {"schema_version": SCHEMA_VERSION})
        elif row.get("schema_version", 0) > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {row['schema_version']} is newer than this newsmark "
                f"understands ({SCHEMA_VERSION}); upgrade newsmark"
            )

    def meta(self, key: str, default=None):
        """A project-wide setting kept in the index (such as the codebook it uses)."""
        return (self._tables.get(META, 1) or {}).get(key, default)

    def set_meta(self, key: str, value) -> None:
        self._tables.merge(META, 1, {key: value})

    def set_row_values(self, article_id: str, values: dict) -> None:
        """Extra index columns of one article (such as the model's uncertainty); sync keeps them."""
        self._tables.merge(ARTICLES, self._doc_ids[article_id], values)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make the index changes inside the block one journal entry: all of them or none."""
        with self._tables.hold():
            yield

    def add_rows(self, rows: list[dict]) -> None:
        """Index rows of new articles whose files are in place, in one journal entry (or one fold)."""
        doc_ids = self._tables.insert(ARTICLES, rows)
        self._doc_ids.update(zip((row["id"] for row in rows), doc_ids))

    # -- articles ------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return article_id in self._doc_ids

    def add_article(self, article: Article) -> bool:
        """Store a new article; False (and nothing changes) if the same text is already stored."""
        if self.has_article(article.id):
            return False
        if self._file(article.id).exists() and self._adopt(article.id):
            return True
        self._journal(article.id).unlink(missing_ok=True)
        AtomicJSONStorage(self._file(article.id), backup=self._backup(article.id)).write(article_tables(article))
        self.add_rows([self._row(article, {"entities": 0, "suggested": 0, "events": 0}, "", False)])
        return True

    def _adopt(self, article_id: str) -> bool:
        """An article file the index does not name (left by an interrupted import, or the index was
        restored from an older backup): take it back with its annotations, never delete them."""
        row = self.adoptable_row(article_id)
        if row is None:
            return False
        self.add_rows([row])
        return True

    def adoptable_row(self, article_id: str) -> dict | None:
        """The index row for an existing article file the index does not name; None if it is
        damaged (it is then moved aside, kept for a person to look at)."""
        try:
            session = self._open_files(article_id)
        except DamagedFile:
            backup.move_aside(self._file(article_id))
            return None
        session.close()
        return self._row(session.article, session.counts(), session.analysed, session.reviewed)

    @staticmethod
    def _row(article: Article, counts: dict[str, int], analysed: str, reviewed: bool = False) -> dict:
        return {
            "id": article.id, "title": article.title, "status": article.status,
            "source": article.source, "url": article.url, "published": article.published,
            "chars": len(article.text), "analysed": analysed, "reviewed": reviewed, **counts,
        }

    def rows(self) -> list[dict]:
        """The index rows, in the order the articles were imported."""
        return [Document(row, int(key)) for key, row in self._tables.table(ARTICLES).items()]

    def row(self, article_id: str) -> dict | None:
        """A copy of one article's index row (with its ``doc_id``); None if the index has no such article."""
        doc_id = self._doc_ids.get(article_id)
        row = None if doc_id is None else self._tables.get(ARTICLES, doc_id)
        return None if row is None else Document(row, doc_id)

    def article_ids(self) -> list[str]:
        return [r["id"] for r in self.rows()]

    def load_article(self, article_id: str) -> Article:
        """The article's text and metadata; ``ArticleDamaged`` if its file cannot give them."""
        path = self._file(article_id)
        db = TinyDB(path, storage=AtomicJSONStorage, read_only=True)
        try:
            doc = db.table("article").get(doc_id=1)
            if doc is None:
                raise ArticleDamaged(f"{path}: the article file is missing or holds no article")
            return Article.from_dict(doc)
        except DamagedFile as exc:
            raise ArticleDamaged(self._skip_hint(str(exc))) from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ArticleDamaged(self._skip_hint(f"{path}: not a valid article file ({exc})")) from None
        finally:
            db.close()

    def _skip_hint(self, problem: str) -> str:
        return f"{problem}; skipped (`newsmark restore --db {self.path}` can bring it back)"

    def set_status(self, article_id: str, status: str) -> None:
        if status not in ARTICLE_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        self._tables.merge(ARTICLES, self._doc_ids[article_id], {"status": status})

    def reopen_if_unreviewed(self, session: ArticleSession) -> bool:
        """An article marked done that has suggestions to answer again (a model run after it was
        done, an undone "reject all") is in progress again, so that no suggestion waits behind its
        ✓; True if it was done."""
        article_id = session.article.id
        if session.reviewed or (self.row(article_id) or {}).get("status") != "done":
            return False
        self.set_status(article_id, "in progress")
        return True

    def readable_sessions(self, rows: list[dict] | None = None) -> Iterator[tuple[dict, ArticleSession]]:
        """Each article (of ``rows``, else all, in import order) opened in turn with its index row and
        closed after; a damaged one is said once and skipped, so the rest of the project is used."""
        for row in self.rows() if rows is None else rows:
            try:
                session = self.open_session(row["id"])
            except ArticleDamaged as exc:
                self.report(str(exc))
                continue
            try:
                yield row, session
            finally:
                session.close()

    def open_session(self, article_id: str, annotator: str = "") -> ArticleSession:
        """Open one article for annotation; close it (or call ``sync``) to update the index counts."""
        if not self.has_article(article_id):
            raise StoreError(f"{self.path}: no article {article_id}")
        return self._open_files(article_id, annotator)

    def _open_files(self, article_id: str, annotator: str = "") -> ArticleSession:
        """Open an article's files, whether or not the index names it; damage is reported."""
        try:
            session = ArticleSession(self._file(article_id), self._journal(article_id), annotator,
                                     read_only=self.read_only, backup=self._backup(article_id))
        except DamagedFile as exc:
            raise ArticleDamaged(self._skip_hint(str(exc))) from None
        for problem in session.problems:
            self.report(problem)
        session.problems.clear()
        return session

    def sync(self, session: ArticleSession, cursor: int | None = None) -> None:
        """Copy a session's counts into the index, journaling only the fields that changed. With a
        ``cursor``, also remember where the coder left the article, and that it was the last one
        open (the next ``newsmark open`` starts there): one journal line when an article is closed,
        never one per key."""
        article = session.article
        row = self._tables.get(ARTICLES, self._doc_ids[article.id]) or {}
        fresh = self._row(article, session.counts(), session.analysed, session.reviewed)
        del fresh["status"]  # the index's own: set_status changes it
        if cursor is not None:
            fresh["cursor"] = cursor
        changed = {k: v for k, v in fresh.items() if k not in row or row[k] != v}  # keeps extra columns
        with self.batch():
            if changed:
                self._tables.merge(ARTICLES, self._doc_ids[article.id], changed)
            if cursor is not None and self.meta("last_article") != article.id:
                self.set_meta("last_article", article.id)
            self._remember_values(session.events.values())

    def last_opened(self) -> tuple[str, int] | None:
        """The article the coder had open last, and where the cursor was; None if never or gone."""
        last = self.meta("last_article")
        row = self.row(last) if last else None
        return (last, int(row.get("cursor", 0))) if row else None

    def coded_values(self) -> dict[str, list[str]]:
        """Values already coded in the project's actor, place and country fields, by field
        (as of each article's last close), for completion."""
        return {row["field"]: row["values"] for row in self._tables.table(VALUES).values()}

    def _remember_values(self, events) -> None:
        """Add an article's coded field values to the project's; writes only when one is new."""
        rows = {row["field"]: (int(key), row) for key, row in self._tables.table(VALUES).items()}
        for name, values in coded_values(events).items():
            doc_id, row = rows.get(name, (None, None))
            known = set(row["values"]) if row else set()
            if values - known:
                merged = sorted(known | values)
                if row:
                    self._tables.merge(VALUES, doc_id, {"values": merged})
                else:
                    self._tables.insert(VALUES, [{"field": name, "values": merged}])

    def _file(self, article_id: str) -> Path:
        return self._paths.article_file(article_id)

    def _journal(self, article_id: str) -> Path:
        return self.articles_dir / f"{safe_id(article_id)}.log"

    def _backup(self, article_id: str) -> Path | None:
        return None if self.read_only else backup.article_backup(self.path, f"{safe_id(article_id)}.json")

    @contextmanager
    def staged_import(self) -> Iterator[ImportStaging]:
        """An all-or-nothing import of new articles (see ``tui.core.staging``); not inside ``batch``."""
        staging = ImportStaging(self)
        try:
            yield staging
        except BaseException:
            staging.discard()
            raise
        staging.commit()

