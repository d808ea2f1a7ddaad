"""One line under the article header: each entity label in its colour, with its key."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...core.codebook import Codebook


class Legend(Static):
    DEFAULT_CSS = """
    Legend { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, codebook: Codebook, **kwargs) -> None:
        super().__init__(self._legend(codebook), **kwargs)

    @staticmethod
    def _legend(codebook: Codebook) -> Text:
        text = Text()
        for label in codebook.entity_labels.values():
            if not label.key:
                continue
            text.append(f"{label.key}", style="bold")
            text.append(f" {label.name} ", style=f"black on {label.colour}")
            text.append(" ")
        text.append("  suggestion", style="italic underline")
        return text
