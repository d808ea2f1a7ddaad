"""Where a project's files are, and what a newly stored article's file holds.

Apart from ``store`` so that ``staging`` (which ``store`` imports) writes the same files by the same
names without importing the store back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from .model import Article
from .storage import StoreError

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
        return self.articles_dir / f"{safe_id(article_id)}.json"


ARTICLE_FIELDS = tuple(f.name for f in fields(Article))


def article_tables(article: Article) -> dict:
    """The TinyDB tables of a newly stored article's file, to be written at once (so the record is
    read straight off the article: ``to_dict`` copies it)."""
    return {"article": {"1": {name: getattr(article, name) for name in ARTICLE_FIELDS}},
            "state": {"1": {"seq": 0, "analysed": "", "history": [], "position": 0}}}


def safe_id(article_id: str) -> str:
    """Article ids are hex hashes; refuse anything that could name a path outside the folder."""
    if article_id.isascii() and article_id.replace("-", "").replace("_", "").isalnum():
        return article_id  # the usual case, checked without a loop in Python
    if not article_id or not all(c.isalnum() or c in "-_" for c in article_id):
        raise StoreError(f"invalid article id {article_id!r}")
    return article_id
