"""The legend under the article header: each entity label in its colour, with its key if it has one.

It lists every label with a key, and every other label that the open article shows, so that every
colour on screen is named; then what a suggestion looks like.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...core.codebook import Codebook


class Legend(Static):
    DEFAULT_CSS = """
    Legend { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, codebook: Codebook, **kwargs) -> None:
        self.codebook = codebook
        self.labels: list[str] = []
        super().__init__(**kwargs)
        self.show_labels(set())

    def show_labels(self, present: set[str]) -> None:
        """Name the keyed labels and those of ``present`` (the labels the article shows)."""
        labels = [n for n, lab in self.codebook.entity_labels.items() if lab.key or n in present]
        labels += sorted(present - set(labels))  # a label the codebook does not know, in grey
        if labels == self.labels:
            return
        self.labels = labels
        text = Text()
        for name in labels:
            label = self.codebook.entity_labels.get(name)
            if label and label.key:
                text.append(label.key, style="bold")
            text.append(f" {name} ", style=f"black on {self.codebook.colour(name)}")
            text.append(" ")
        text.append(" suggestion", style="italic underline")
        self.update(text)
