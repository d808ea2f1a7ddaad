"""ACLED's derived columns: standard actors and their inter codes, interaction, civilian targeting,
disorder type, iso and region, geo precision, event_id_cnty, source and source scale, notes.

The event keeps what the coder coded (spans as evidence, fields as typed); these functions say
what ACLED's columns hold for it, so the ACLED export and the event form agree. Sources and their
default scales are listed in ``tui/codebooks/data/acled_sources.toml``.
"""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from importlib import resources
from urllib.parse import urlsplit

from .actors import CIVILIANS, CROWD_INTERS, actor_list, inter_for
from .countries import country as find_country
from .gazetteer import lookup
from .tokens import sentence_ends

NOTE_LIMIT = 500  # characters; a longer note is cut at a word boundary
CROWDS = {"PROTEST": "Protesters", "RIOT": "Rioters"}  # event type -> the generic actor its crowd is
_BOTH = "Political violence; Demonstrations"
_BOTH_SUBTYPES = {"Excessive force against protesters"}  # ACLED files these under both disorder types


def short_note(text: str, limit: int = NOTE_LIMIT) -> str:
    """``text`` on one line, at most ``limit`` characters, never cut inside a word."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[:limit - 3]
    if words[limit - 3] != " " and " " in cut:
        cut = cut[:cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "..."


def trigger_sentence(text: str, start: int | None, end: int | None) -> str:
    """The sentence holding the trigger [start, end), as a note; "" when there is no trigger."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return ""
    begin, finish = 0, len(text)
    for stop, after in sentence_ends(text):  # a stop ends where its full stop and closing quote do
        if after <= start:
            begin = after
        elif stop > end:
            finish = stop
            break
    return short_note(text[begin:finish])


def standard_actor_fields(codebook, actors1: list[str], actors2: list[str], country: str,
                          event_type: str = "") -> dict[str, str]:
    """actor1/assoc_actor_1/actor2/assoc_actor_2 from the coded spans, each linked to its standard
    name where the span or an alias matches, else the span's words. The crowd of a protest or riot
    ("people marched") is its protesters or rioters, not civilians."""
    listed = actor_list(codebook)
    crowd = CROWDS.get(event_type)

    def name(words: str, column: str) -> str:
        found = listed.match(words, country or None)
        if found is not None and crowd and column == "1" and found.inter in CROWD_INTERS \
                and found.country:
            found = listed.get(f"{crowd} ({found.country})") or found
        return found.name if found else words

    out: dict[str, str] = {}
    for column, spans in (("1", actors1), ("2", actors2)):
        names = list(dict.fromkeys(name(w, column) for w in spans))
        if names:
            out[f"actor{column}"] = names[0]
            out[f"assoc_actor_{column}"] = "; ".join(names[1:])
    return out


def interaction(inter1: int | None, inter2: int | None | bool) -> str:
    """ACLED's interaction code: the two inter codes, lower first (13); one actor alone is N0 (10).
    ``inter2`` False means an actor 2 of unknown type: then the interaction is unknown too."""
    if not inter1 or inter2 is False:
        return ""
    if not inter2:
        return f"{inter1}0"
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


def disorder_type(event_type, subtype: str) -> str:
    if subtype in _BOTH_SUBTYPES:
        return _BOTH
    return event_type.disorder_type if event_type is not None else ""


def event_id_cnty(alpha3: str, article_id: str, event_id: str) -> str:
    """ISO3 letters plus a number that stays the same for this event in every export."""
    number = int(hashlib.sha1(f"{article_id}:{event_id}".encode()).hexdigest()[:7], 16)
    return f"{alpha3}{number}" if alpha3 else ""


@functools.cache
def _sources() -> tuple[dict, dict]:
    data = tomllib.loads(resources.files("tui.codebooks").joinpath("data/acled_sources.toml").read_text("utf-8"))
    return data.get("sources", {}), {k.lower(): v for k, v in data.get("names", {}).items()}


def source_of(url: str, text: str = "") -> tuple[str, str]:
    """(source name, default source_scale) of an article: from its web host, else from a source
    named at the head of its text (a byline "– eaworldview –"); ("", "") when neither says."""
    by_host, by_word = _sources()
    hosts = []
    host = urlsplit(url).hostname or "" if url else ""
    if host:
        host = host.removeprefix("www.")
        hosts.append(next((h for h in by_host if host == h or host.endswith("." + h)), host))
    head = text[:400].lower()
    found = sorted((head.find(word), h) for word, h in by_word.items() if re.search(rf"\b{re.escape(word)}\b", head))
    hosts += [h for _, h in found if h not in hosts]
    if not hosts:
        return "", ""
    names = [by_host.get(h, {}).get("name", h) for h in hosts]
    return "; ".join(dict.fromkeys(names)), by_host.get(hosts[0], {}).get("scale", "")


def derived_columns(codebook, article, event, row: dict[str, str]) -> dict[str, str]:
    """ACLED's derived columns for one event, from its row of coded values (actor1, country, ...)."""
    etype = codebook.event_types.get(event.type)
    listed = actor_list(codebook)
    found = find_country(row.get("country", ""))
    country = found.name if found else row.get("country", "")
    out: dict[str, str] = {}
    inters = []
    for n in ("1", "2"):
        words = row.get(f"actor{n}", "")
        actor = listed.get(words) or listed.match(words, country or None)
        if actor is not None:
            out[f"actor{n}"] = actor.name
        inters.append(inter_for(actor, country) if actor else None)
        out[f"inter{n}"] = str(inters[-1] or "")
    unknown2 = inters[1] is None and bool(row.get("actor2"))
    out["interaction"] = interaction(inters[0], False if unknown2 else inters[1])
    violent = "Political violence" in disorder_type(etype, event.subtype)
    civilians = event.type == "VIOLENCE_AGAINST_CIVILIANS" or (violent and inters[1] == CIVILIANS)
    out["civilian_targeting"] = "Civilian targeting" if civilians else ""
    out["disorder_type"] = disorder_type(etype, event.subtype)
    if found is not None:
        out["iso"], out["region"] = str(found.numeric), found.region
        out["event_id_cnty"] = event_id_cnty(found.alpha3, article.id, event.id)
    meta = article.meta if isinstance(article.meta, dict) else {}
    name, scale = source_of(article.url or str(meta.get("url") or ""), article.text)
    out["source"] = name or str(meta.get("source") or meta.get("publisher") or "")  # a JSONL record's own
    out["source_scale"] = str(event.fields.get("source_scale") or scale)
    out["fatalities"] = row.get("fatalities") or "0"
    notes = row.get("notes") or trigger_sentence(article.text, event.trigger_start, event.trigger_end)
    out["notes"] = notes if len(notes) <= NOTE_LIMIT else short_note(notes)
    out.update(_place_columns(row, country))
    return out


def _place_columns(row: dict[str, str], country: str) -> dict[str, str]:
    """What the gazetteer says of the row's location, for the place columns the event left empty."""
    if not row.get("location"):
        return {}
    place = lookup(row["location"], country)
    if place is None:
        return {}
    fields = place.fields()
    if country and fields.get("country") != country:
        return {}  # the coder placed it elsewhere: keep their country, guess nothing
    if "latitude" not in fields and row.get("admin1"):  # "eastern Syria" in Deir ez-Zor: the province's point
        region = lookup(f"{row['admin1']} Province", country)
        if region is not None and region.latitude is not None:
            fields.update(latitude=round(region.latitude, 5), longitude=round(region.longitude, 5), geo_precision=3)
    return {column: str(fields[column]) for column in ("admin1", "admin2", "latitude", "longitude", "geo_precision")
            if column in fields and not row.get(column)}
