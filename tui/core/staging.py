"""All-or-nothing imports: new article files are written into a staging folder, then moved in.

``Store.staged_import()`` yields an ``ImportStaging``. New articles (and the annotations an import
brings for them) are written as files into ``NAME_articles.staging/`` beside the articles folder,
without one fsync per file; nothing in the project refers to them yet. When the block ends without
an error, the staged files are flushed to disk (one ``os.sync`` for a large import), the index rows
of all new articles are written at once (one fsynced index-journal line, or for a large import one
atomic write of the index) - that is the moment the import happens - and the staged files are
renamed into the articles folder (into a new project, the staging folder becomes the articles folder
in one rename). On an error (bad input found late, a full disk, an interrupt) the staging folder is
removed and the index is as it was: the project has not changed.

A run killed before the index write leaves only the staging folder; one killed after it leaves
files still to be moved. ``finish_interrupted_import`` (called when a store opens) settles both:
files of articles the index knows are moved in, the rest removed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Article
from .project_files import article_tables, safe_id
from .session import ArticleSession
from .storage import fsync_dir, tables_text

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store


FSYNC_EACH_UP_TO = 64  # staged files: above this, one system-wide sync is cheaper than an fsync each


def staging_folder(store: "Store") -> Path:
    return store.articles_dir.with_name(store.articles_dir.name + ".staging")


class ImportStaging:
    """New articles of one import, staged until ``commit``."""

    def __init__(self, store: "Store"):
        self.store = store
        self.folder = staging_folder(store)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir()
        self.rows: dict[str, dict] = {}  # article id -> its future index row
        self.adopted: set[str] = set()  # articles whose files are already in the articles folder
        # The article files already stored, read once (the project is locked): no stat per article.
        self._stored_files = set(os.listdir(store.articles_dir))

    def add(self, article: Article) -> bool:
        """Stage a new article; False (nothing staged) if the same text is stored or staged already."""
        if self.store.has_article(article.id) or article.id in self.rows:
            return False
        path = self._path(article.id, ".json")
        if path.name in self._stored_files:  # its file outlived its index row: take it back
            row = self.store.adoptable_row(article.id)
            if row is not None:
                self.rows[article.id] = row
                self.adopted.add(article.id)
                return True
        write_new_file(path, tables_text(article_tables(article)).encode("utf-8"))
        self.rows[article.id] = self.store._row(article, {"entities": 0, "suggested": 0, "events": 0}, "")
        return True

    def open_session(self, article_id: str, annotator: str = "") -> ArticleSession:
        """A staged article opened for annotation (its journal stays in the staging folder too)."""
        if article_id in self.adopted:
            return self.store._open_files(article_id, annotator)
        return ArticleSession(self._path(article_id, ".json"), self._path(article_id, ".log"), annotator)

    def sync(self, session: ArticleSession) -> None:
        row = self.rows[session.article.id]
        row.update(session.counts(), analysed=session.analysed, reviewed=session.reviewed)

    def set_status(self, article_id: str, status: str) -> None:
        self.rows[article_id]["status"] = status

    def _path(self, article_id: str, suffix: str) -> Path:
        return self.folder / f"{safe_id(article_id)}{suffix}"

    def commit(self) -> int:
        """Write the index rows at once, then move the files in; how many articles."""
        store = self.store
        if not self.rows:
            self.discard()
            return 0
        try:
            self._flush()  # the staged files reach the disk before the index may name them
            store.add_rows(list(self.rows.values()))
        except BaseException:
            self.discard()
            raise
        # Done: from here a failure leaves files to move, which the next opening of the store moves.
        if not self.adopted and not self._stored_files:
            replace_folder(store, self.folder)
        else:
            move_in(store, self.folder)
        return len(self.rows)

    def _flush(self) -> None:
        """fsync each staged file for a small import; one ``os.sync`` for a large one (10,000
        fsyncs took most of the 38 s an import of 10,000 small files used to take)."""
        paths = list(self.folder.iterdir())
        if len(paths) > FSYNC_EACH_UP_TO:
            os.sync()
            return
        for path in paths:
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def write_new_file(path: Path, data: bytes) -> None:
    """A staged file, written without an fsync (``_flush`` makes them all durable at once)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def replace_folder(store: "Store", folder: Path) -> None:
    """Into a project with no article file yet: the staging folder becomes the articles folder in one
    rename. Killed between the two steps, the staging folder is left, and moved in at the next open."""
    try:
        store.articles_dir.rmdir()
        os.replace(folder, store.articles_dir)
    except OSError:
        store.articles_dir.mkdir(exist_ok=True)
        move_in(store, folder)
        return
    fsync_dir(store.articles_dir.parent)


def move_file(path: Path, target: Path) -> None:
    """One staged file into place (its own function, so a test can kill a run between two)."""
    os.replace(path, target)


def move_in(store: "Store", folder: Path) -> None:
    """Move the staged files of indexed articles into the articles folder; remove the others."""
    for path in sorted(folder.iterdir()):
        if store.has_article(path.stem) and path.is_file():
            move_file(path, store.articles_dir / path.name)
        elif path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)
    fsync_dir(store.articles_dir)


def finish_interrupted_import(store: "Store") -> None:
    """Settle what a killed import left in the staging folder (see the module's docstring)."""
    folder = staging_folder(store)
    if not folder.is_dir():
        return
    try:
        move_in(store, folder)
    except OSError:
        pass  # a read-only project: the staged files stay until a run that may write
