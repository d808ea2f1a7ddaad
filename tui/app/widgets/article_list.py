"""The article list: one row per article with its status, title and counts, and the progress."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import DataTable

COLUMNS = ("status", "title", "ents", "events")
STATUS_MARKS = {"todo": " ", "in progress": "…", "done": "✓", "skipped": "-"}


class ArticleList(DataTable):
    """Rows keyed by article id; the border title shows progress such as "3/11 done"."""

    DEFAULT_CSS = """
    ArticleList { width: 36; border: round $primary-darken-2; }
    ArticleList:focus { border: round $accent; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, show_header=True, **kwargs)
        self._rows: dict[str, dict] = {}

    def on_mount(self) -> None:
        self.add_column("", key="status", width=1)
        self.add_column("Title", key="title", width=20)
        self.add_column("Ent", key="ents", width=3)
        self.add_column("Ev", key="events", width=2)

    def load(self, rows: list[dict]) -> None:
        self.clear()
        self._rows = {}
        for row in rows:
            self._rows[row["id"]] = row
            self.add_row(*self._cells(row), key=row["id"])
        self._update_title()

    @staticmethod
    def _cells(row: dict) -> tuple[str, Text, str, str]:
        """The title is a Text: a string cell would be read as markup, and a title is not."""
        ents = row.get("entities", 0) + row.get("suggested", 0)
        return (STATUS_MARKS.get(row["status"], "?"), Text(str(row["title"] or "(untitled)")), str(ents),
                str(row.get("events", 0)))

    def update_row(self, row: dict) -> None:
        """Refresh one article's cells after its status or counts changed."""
        self._rows[row["id"]] = row
        for key, value in zip(COLUMNS, self._cells(row)):
            self.update_cell(row["id"], key, value)
        self._update_title()

    def _update_title(self) -> None:
        done = sum(1 for r in self._rows.values() if r["status"] == "done")
        self.border_title = f"Articles {done}/{len(self._rows)} done"

    async def _on_click(self, event: events.Click) -> None:
        """One click opens the article (a table only highlights on the first click)."""
        before = self.cursor_row
        await super()._on_click(event)
        row = event.style.meta.get("row")
        if isinstance(row, int) and row >= 0 and self.cursor_row != before:
            self.action_select_cursor()

    def select_article(self, article_id: str) -> None:
        self.move_cursor(row=self.get_row_index(article_id))
