"""The project database: a small TinyDB index plus one TinyDB file (and journal) per article.

Layout, for ``--db project.json``::

    project.json             index: one row per article (title, status, counts), schema version
    project.json.lock        held by the process that has the project open
    project_articles/ID.json the article's text, entities, events and undo history (TinyDB)
    project_articles/ID.log  the article's journal of actions since its last checkpoint

An annotation edit touches only its article's journal, so its cost does not grow with the number of
articles (as brat keeps one .ann per document); that also makes annotations diff and merge in git.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tinydb import TinyDB

from .model import ARTICLE_STATUSES, Article
from .session import ArticleSession
from .storage import AtomicJSONStorage, ProcessLock, StoreError

SCHEMA_VERSION = 1
DEFAULT_DB = Path(".newsmark") / "newsmark.json"


def default_db_path() -> Path:
    """``$NEWSMARK_DB`` if set, else ``.newsmark/newsmark.json`` in the current folder."""
    return Path(os.environ.get("NEWSMARK_DB", DEFAULT_DB))


class Store:
    """The open project: call ``close()`` (or use ``with``) to release the lock."""

    def __init__(self, path: str | os.PathLike, create: bool = True):
        self.path = Path(path)
        if not self.path.exists() and not create:
            raise StoreError(f"{self.path}: no such database")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create its folder ({exc.strerror})") from None
        self.articles_dir = self.path.parent / f"{self.path.stem}_articles"
        self._lock = ProcessLock(self.path.with_name(self.path.name + ".lock"), f"database {self.path}")
        self._lock.acquire()
        try:
            self._db = TinyDB(self.path, storage=AtomicJSONStorage)
            self._index = self._db.table("articles")
            self._check_schema()
            self.articles_dir.mkdir(exist_ok=True)
        except BaseException:
            self._lock.release()
            raise
        self._doc_ids = {row["id"]: row.doc_id for row in self._index.all()}

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()
        self._lock.release()

    def _check_schema(self) -> None:
        meta = self._db.table("_meta")
        row = meta.get(doc_id=1)
        if row is None:
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
        self._file(article.id).unlink(missing_ok=True)  # an orphan left by an interrupted import
        self._journal(article.id).unlink(missing_ok=True)
        db = TinyDB(self._file(article.id), storage=AtomicJSONStorage)
        with db.storage.hold():
            db.table("article").insert(article.to_dict())
            db.table("state").insert({"seq": 0, "analysed": "", "history": [], "position": 0})
        db.close()
        doc_id = self._index.insert(self._row(article, {"entities": 0, "suggested": 0, "events": 0}, ""))
        self._doc_ids[article.id] = doc_id
        return True

    @staticmethod
    def _row(article: Article, counts: dict[str, int], analysed: str) -> dict:
        return {
            "id": article.id, "title": article.title, "status": article.status,
            "source": article.source, "url": article.url, "published": article.published,
            "chars": len(article.text), "analysed": analysed, **counts,
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
        db = TinyDB(self._file(article_id), storage=AtomicJSONStorage)
        try:
            return Article.from_dict(db.table("article").get(doc_id=1))
        finally:
            db.close()

    def set_status(self, article_id: str, status: str) -> None:
        if status not in ARTICLE_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        self._index.update({"status": status}, doc_ids=[self._doc_ids[article_id]])

    def open_session(self, article_id: str, annotator: str = "") -> ArticleSession:
        """Open one article for annotation; close it (or call ``sync``) to update the index counts."""
        if not self.has_article(article_id):
            raise StoreError(f"{self.path}: no article {article_id}")
        return ArticleSession(self._file(article_id), self._journal(article_id), annotator)

    def sync(self, session: ArticleSession) -> None:
        """Copy a session's counts into the index, writing it only when they changed."""
        article = session.article
        row = self.row(article.id)
        fresh = self._row(article, session.counts(), session.analysed)
        fresh["status"] = row["status"] if row else article.status
        if row is None or any(row.get(k) != v for k, v in fresh.items()):
            self._index.update(fresh, doc_ids=[self._doc_ids[article.id]])

    def _file(self, article_id: str) -> Path:
        return self.articles_dir / f"{_safe(article_id)}.json"

    def _journal(self, article_id: str) -> Path:
        return self.articles_dir / f"{_safe(article_id)}.log"


def _safe(article_id: str) -> str:
    """Article ids are hex hashes; refuse anything that could name a path outside the folder."""
    if not article_id or not all(c.isalnum() or c in "-_" for c in article_id):
        raise StoreError(f"invalid article id {article_id!r}")
    return article_id
