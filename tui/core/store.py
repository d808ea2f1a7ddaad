"""The project database: a small TinyDB index plus one TinyDB file (and journal) per article.

Layout, for ``--db project.json``::

    project.json             index: one row per article (title, status, counts, where the cursor was
                             left), schema version, the article open last
    project.json.lock        held by the process that has the project open
    project_articles/ID.json the article's text, entities, events and undo history (TinyDB)
    project_articles/ID.log  the article's journal of actions since its last checkpoint
    project_backup/          index generations and article copies (see ``backup``)

A symlinked ``--db`` is resolved to its target, for the lock and every file. A file that exists but
is damaged is never taken for a new project nor overwritten: opening stops with one line naming it.
Opened ``read_only`` (``stats``, ``export``), the store takes no lock and writes nothing at all.

An annotation edit touches only its article's journal, so its cost does not grow with the number of
articles (as brat keeps one .ann per document); that also makes annotations diff and merge in git.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from tinydb import TinyDB

from . import backup
from .completion import coded_values
from .model import ARTICLE_STATUSES, Article
from .session import ArticleSession
from .staging import ImportStaging, finish_interrupted_import
from .storage import ArticleDamaged, AtomicJSONStorage, DamagedFile, ProcessLock, StoreError, read_tables

SCHEMA_VERSION = 1
DEFAULT_DB = Path(".newsmark") / "newsmark.json"


def default_db_path() -> Path:
    """``$NEWSMARK_DB`` if set, else ``.newsmark/newsmark.json`` in the current folder."""
    return Path(os.environ.get("NEWSMARK_DB", DEFAULT_DB))


@dataclass(frozen=True)
class ProjectPaths:
    """Where a project's files are, for ``--db`` resolved through any symlink."""

    db: Path

    @property
    def lock(self) -> Path:
        return self.db.with_name(self.db.name + ".lock")

    @property
    def articles_dir(self) -> Path:
        return self.db.parent / f"{self.db.stem}_articles"

    def article_file(self, article_id: str) -> Path:
        return self.articles_dir / f"{_safe(article_id)}.json"


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
        tables = self._check_index() if exists else None  # before the lock: a damaged project gets none
        if not read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot create its folder ({exc.strerror})") from None
            self._lock.acquire()
        try:
            self._db = TinyDB(self.path, storage=AtomicJSONStorage, read_only=read_only)
            self._db.storage.prime(tables)
            self._index = self._db.table("articles")
            self._values = self._db.table("coded_values")  # one row per field: for completion
            self._check_schema()
            if not read_only:
                self.articles_dir.mkdir(exist_ok=True)
                backup.rotate_index(self.path)
            self._doc_ids = {row["id"]: row.doc_id for row in self._index.all()}
        except OSError as exc:
            self._lock.release()
            raise StoreError(f"{self.path}: cannot open the project ({exc.strerror})") from None
        except BaseException:
            self._lock.release()
            raise
        if not read_only:
            finish_interrupted_import(self)

    def _check_index(self) -> dict | None:
        """Refuse an index that is not a project's (empty, null, a list, a folder...), naming it."""
        try:
            tables = read_tables(self.path)
            rows = (tables or {}).get("articles", {}).values()
            bad = next((r for r in rows if not isinstance(r.get("id"), str)), None)
            if bad is not None:
                raise DamagedFile(f"{self.path}: not a valid database file (an article row has no id)")
            return tables
        except DamagedFile as exc:
            raise DamagedFile(f"{exc}; nothing was changed: `newsmark restore --db {self.path}` shows "
                              f"what the backup can bring back") from None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()
        if not self.read_only:
            backup.rotate_index(self.path)
        self._lock.release()

    def report(self, problem: str) -> None:
        """Say one line about damage found or a save put off: to ``on_problem`` (the app shows it),
        else on stderr (the commands)."""
        self.problems.append(problem)
        if self.on_problem is not None:
            self.on_problem(problem)
        else:
            print(f"newsmark: warning: {problem}", file=sys.stderr)

    def _check_schema(self) -> None:
        meta = self._db.table("_meta")
        row = meta.get(doc_id=1)
        if row is None:
            if not self.read_only:
                meta.insert({"schema_version": SCHEMA_VERSION})
        elif row.get("schema_version", 0) > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {row['schema_version']} is newer than this newsmark "
                f"understands ({SCHEMA_VERSION}); upgrade newsmark"
            )

    def meta(self, key: str, default=None):
        """A project-wide setting kept in the index (such as the codebook it uses)."""
        return (self._db.table("_meta").get(doc_id=1) or {}).get(key, default)

    def set_meta(self, key: str, value) -> None:
        self._db.table("_meta").update({key: value}, doc_ids=[1])

    def set_row_values(self, article_id: str, values: dict) -> None:
        """Extra index columns of one article (such as the model's uncertainty); sync keeps them."""
        self._index.update(values, doc_ids=[self._doc_ids[article_id]])

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make the index writes inside the block one atomic write (for imports of many articles)."""
        with self._db.storage.hold():
            yield

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
        doc_id = self._index.insert(self._row(article, {"entities": 0, "suggested": 0, "events": 0}, "", False))
        self._doc_ids[article.id] = doc_id
        return True

    def _adopt(self, article_id: str) -> bool:
        """An article file the index does not name (left by an interrupted import, or the index was
        restored from an older backup): take it back with its annotations, never delete them."""
        row = self.adoptable_row(article_id)
        if row is None:
            return False
        self._doc_ids[article_id] = self._index.insert(row)
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
        # The file keeps its keys sorted as text ("1", "10", "2"), so order by the number itself.
        return sorted(self._index.all(), key=lambda row: row.doc_id)

    def row(self, article_id: str) -> dict | None:
        doc_id = self._doc_ids.get(article_id)
        return None if doc_id is None else self._index.get(doc_id=doc_id)

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
        self._index.update({"status": status}, doc_ids=[self._doc_ids[article_id]])

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
        """Copy a session's counts into the index, writing it only when they changed. With a
        ``cursor``, also remember where the coder left the article, and that it was the last one
        open (the next ``newsmark open`` starts there): one write when an article is closed, never
        one per key."""
        article = session.article
        row = self.row(article.id)
        fresh = self._row(article, session.counts(), session.analysed, session.reviewed)
        fresh["status"] = row["status"] if row else article.status
        if cursor is not None:
            fresh["cursor"] = cursor
        elif row and "cursor" in row:
            fresh["cursor"] = row["cursor"]
        with self.batch():
            if row is None or any(row.get(k) != v for k, v in fresh.items()):  # keeps extra columns
                self._index.update(fresh, doc_ids=[self._doc_ids[article.id]])
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
        return {row["field"]: row["values"] for row in self._values.all()}

    def _remember_values(self, events) -> None:
        """Add an article's coded field values to the project's; writes only when one is new."""
        rows = {row["field"]: row for row in self._values.all()}
        for name, values in coded_values(events).items():
            row = rows.get(name)
            known = set(row["values"]) if row else set()
            if values - known:
                merged = sorted(known | values)
                if row:
                    self._values.update({"values": merged}, doc_ids=[row.doc_id])
                else:
                    self._values.insert({"field": name, "values": merged})

    def _file(self, article_id: str) -> Path:
        return self._paths.article_file(article_id)

    def _journal(self, article_id: str) -> Path:
        return self.articles_dir / f"{_safe(article_id)}.log"

    def _backup(self, article_id: str) -> Path | None:
        return None if self.read_only else backup.article_backup(self.path, f"{_safe(article_id)}.json")

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


def article_tables(article: Article) -> dict:
    """The TinyDB tables of a newly stored article's file."""
    return {"article": {"1": article.to_dict()},
            "state": {"1": {"seq": 0, "analysed": "", "history": [], "position": 0}}}


def _safe(article_id: str) -> str:
    """Article ids are hex hashes; refuse anything that could name a path outside the folder."""
    if not article_id or not all(c.isalnum() or c in "-_" for c in article_id):
        raise StoreError(f"invalid article id {article_id!r}")
    return article_id
