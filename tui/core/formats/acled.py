"""ACLED-style CSV: one row per event, ACLED's column names, then the app's own columns.

ACLED columns are filled from the event's coded fields; where a field is empty, the text of the
argument whose role maps to that column in the codebook fills it (the first such argument for
actor1/actor2, the others going to assoc_actor_N when that is not coded). ACLED's derived columns
(standard actor names, inter codes, interaction, iso, region, event_id_cnty, source, ...) come
from ``acled_fields.derived_columns``; fatalities is 0 when none are coded, as ACLED codes it.
The app's columns (article id, event id, status, evidence offsets) come last with an
``app_`` prefix so ACLED tools can ignore them; evidence offsets are JSON ``[[start, end], ...]``.
An event with a modality (generic, hypothetical, negated, future, background) is left out and counted
in the summary: ACLED records only events that happened; the training formats keep it with its attribute.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import Iterator

from ..acled_fields import derived_columns
from ..codebook import Codebook
from ..model import Event
from .base import Document, ExportOptions, ExportSummary, atomic_output, span_text

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
)
APP_COLUMNS = ("app_article_id", "app_event_id", "app_event_type", "app_status", "app_origin", "app_annotator",
               "app_trigger_start", "app_trigger_end", "app_evidence_spans", "app_source_url")
COLUMNS = ACLED_COLUMNS + APP_COLUMNS
_FROM_ARGUMENTS = ("actor1", "actor2", "location", "event_date", "notes", "tags")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Civilian targeting" if value else ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def _unix(iso: str) -> str:
    try:
        return str(int(datetime.fromisoformat(iso).timestamp()))
    except (TypeError, ValueError):
        return ""


def row_for(doc: Document, ev: Event, codebook: Codebook) -> dict[str, str]:
    text = doc.article.text
    etype = codebook.event_types.get(ev.type)
    row = {col: "" for col in COLUMNS}
    for key, value in ev.fields.items():
        if key in row:
            row[key] = _cell(value)
    by_column: dict[str, list[str]] = {}
    for arg in ev.arguments:
        slot = etype.slots.get(arg.role) if etype else None
        if slot and slot.acled:
            words = span_text(text, arg.start, arg.end) if arg.has_span else arg.value
            if words.strip():
                by_column.setdefault(slot.acled, []).append(" ".join(words.split()))
    for column in _FROM_ARGUMENTS:
        found = by_column.get(column, [])
        if found and not row[column]:
            row[column] = found[0]
            assoc = f"assoc_actor_{column[-1]}" if column in ("actor1", "actor2") else ""
            if assoc and len(found) > 1 and not row[assoc]:
                row[assoc] = "; ".join(found[1:])
    row["event_type"] = etype.acled_type if etype else ev.type
    row["sub_event_type"] = ev.subtype or row["sub_event_type"]
    if not row["year"] and row["event_date"][:4].isdigit():
        row["year"] = row["event_date"][:4]
    row.update(derived_columns(codebook, doc.article, ev, row))
    row["timestamp"] = row["timestamp"] or _unix(ev.updated or ev.created)
    evidence = [] if ev.trigger_start is None else [[ev.trigger_start, ev.trigger_end]]
    evidence += [[a.start, a.end] for a in ev.arguments if a.has_span]
    row.update({
        "app_article_id": doc.article.id, "app_event_id": ev.id, "app_event_type": ev.type,
        "app_status": ev.status, "app_origin": ev.origin, "app_annotator": ev.annotator,
        "app_trigger_start": _cell(ev.trigger_start), "app_trigger_end": _cell(ev.trigger_end),
        "app_evidence_spans": json.dumps(evidence), "app_source_url": doc.article.url,
    })
    return row


def export(docs: Iterator[Document], out: Path, options: ExportOptions, summary: ExportSummary) -> None:
    codebook = options.get_codebook()
    with atomic_output(out) as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for doc in docs:
            for ev in doc.events:
                if ev.modality:  # generic, hypothetical, negated, future, background: not an event to code
                    summary.modality_left_out[ev.modality] = summary.modality_left_out.get(ev.modality, 0) + 1
                    continue
                writer.writerow(row_for(doc, ev, codebook))
                summary.events += 1
            summary.articles += 1
    summary.files = 1
