"""Export from the command palette: one command per format, written beside the database.

The same ``tui.core.formats.export_project`` as ``newsmark export``, reading the open article from
the app's own session so that nothing is read from (or written to) its files twice.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import SystemCommand

from ..core import gazetteer, place_index
from ..core.formats import FORMAT_NAMES, ExportError, ExportOptions, export_project

# What each format writes: a file with this ending, or a folder (brat).
OUTPUT_ENDINGS = {"jsonl": ".jsonl", "prodigy": ".prodigy.jsonl", "spacy": ".spacy", "brat": "_brat",
                  "conll": ".conll", "acled": ".acled.csv", "dygiepp": ".dygiepp.jsonl", "oneie": ".oneie.jsonl"}
HELP = {"jsonl": "native, lossless", "prodigy": "ner_manual tasks with relations",
        "spacy": "DocBin for spacy train", "brat": ".txt/.ann per article and annotation.conf",
        "conll": "CoNLL-2003 IOB2 tokens", "acled": "one CSV row per event",
        "dygiepp": "DyGIE++ documents for event extraction", "oneie": "OneIE sentences for event extraction"}


def export_path(db: Path, fmt: str) -> Path:
    """``project.json`` exports to ``exports/project.<ending>`` in the database's folder."""
    return db.parent / "exports" / f"{db.stem}{OUTPUT_ENDINGS[fmt]}"


def export_commands(app) -> list[SystemCommand]:
    def run(fmt: str) -> None:
        if fmt == "acled" and place_index.built_index() is None:
            # The first ACLED export fills the place columns from an index built once (~10 s):
            # build it off the screen's thread, saying so, then export.
            app._set_message("building the place index (once)…")
            app.run_worker(lambda: build_places(fmt), thread=True, group="places", exclusive=True)
            return
        export(fmt)

    def build_places(fmt: str) -> None:
        failure = gazetteer.warm_up()
        app.call_from_thread(places_built, fmt, failure)

    def places_built(fmt: str, failure: str) -> None:
        app._set_message(f"no place index ({failure}): places are left empty" if failure else "place index built")
        export(fmt)

    def export(fmt: str) -> None:
        out = export_path(app.store.path, fmt)
        session = app.session
        options = ExportOptions(codebook=app.codebook,
                                live_sessions={session.article.id: session} if session else {})
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            summary = export_project(app.store, fmt, out, options)
        except (ExportError, OSError) as exc:
            app.notify(str(exc), title="Export failed", severity="error", markup=False)
            return
        app.notify(str(summary), title=f"Exported {fmt}", markup=False)

    return [SystemCommand(f"Export as {fmt}", f"{HELP[fmt]}, to {export_path(app.store.path, fmt)}",
                          lambda fmt=fmt: run(fmt)) for fmt in FORMAT_NAMES]
