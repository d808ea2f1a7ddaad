"""Where a story was filed from: its dateline ("KABUL (Reuters) -", "LONDON \u2014", "BEIRUT, Lebanon \u2014").

News style opens a story with the place it was filed from, in capitals, before a dash. The
suggester takes it as the Place of an event whose sentences name none, and never reads the dateline's
words as an actor (the parse often makes "KABUL" the subject of the first sentence).
"""

from __future__ import annotations

import re

from .gazetteer import lookup
from .nlp import doc_text

_DATELINE = re.compile(r"([A-Z][A-Z.' -]{1,30}[A-Z])(?:,\s+[A-Z][A-Za-z.' -]{1,30}?)?\s*(?:\([^()\n]{1,40}\))?"
                       r"\s*[\u2014\u2013-]{1,2}\s")


# A sentence that is (or holds) a photo caption: it describes a picture, it does not report.
_CAPTION = re.compile(r"\bimage (?:caption|copyright)\b|^\W*FILE(?: PHOTO)?\s*[-\u2013\u2014:]|\bView Photos\b"
                      r"|\bis seen in this (?:image|photo|handout)", re.IGNORECASE)


def in_caption(sentence: str) -> bool:
    """Whether a sentence is a photo caption ("FILE - ... is seen in this image ...", "image caption
    Federal troops ..."), not the report's own telling."""
    return _CAPTION.search(sentence) is not None


def dateline_place(text: str, body_start: int = 0) -> tuple[int, int] | None:
    """The place of the article's dateline, as a span: a capitalised place name the gazetteer knows
    opening one of the body's first three paragraphs, before a dash (and an agency in brackets)."""
    offset = body_start
    for paragraph in text[body_start:].split("\n\n")[:3]:
        lead = len(paragraph) - len(paragraph.lstrip())
        found = _DATELINE.match(paragraph, lead)
        if found is not None and lookup(found.group(1).title()) is not None:
            return offset + found.start(1), offset + found.end(1)
        offset += len(paragraph) + 2
    return None


def headline_place(doc, title: str, body_start: int = 0) -> tuple[int, int] | None:
    """The scene the headline names, as the span of its first mention in the body: a news headline
    says where its story happened ("First foreigners die from coronavirus in Wuhan, China") when the
    body has no dateline. Of several places the headline names, the most specific (a town over a
    region over a country)."""
    if not title:
        return None
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC") or ent.start_char < body_start:
            continue
        name = ent.text.strip()
        place = lookup(name) if re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", title) else None
        if place is not None:
            found.append(({"city": 0, "admin1": 1}.get(place.kind, 2), ent.start_char, ent.start_char + len(name)))
    return min(found)[1:] if found else None


def in_dateline(tok) -> bool:
    """Whether ``tok`` is a word of its article's dateline (computed once per doc), found from the
    body's start as the suggester's Place of the dateline is (the suggester notes it in the doc)."""
    doc = tok.doc
    if "dateline" not in doc.user_data:
        doc.user_data["dateline"] = dateline_place(doc_text(doc), doc.user_data.get("body_start", 0))
    span = doc.user_data["dateline"]
    return span is not None and span[0] <= tok.idx < span[1]


# The heading of a web page's list of links to other stories ("See also", "Related news", "Read more:"):
# the entries under it are other articles' titles, not this report's telling.
_LINK_HEADING = re.compile(
    r"^[ \t#*]*(?:see also|related(?: news| articles?| stories| story| coverage| content| links| reading| topics)?"
    r"|(?:read|see) more(?: on this story)?|more on this (?:story|topic)|also read|read also|further reading"
    r"|external links|more stories|other stories|recommended(?: stories| reading)?|you may also like"
    r"|most (?:read|popular|viewed)|top stories)[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)
_BULLET = re.compile(r"^\s*(?:[*\u2022\u00b7\u2013\u2014-]|\d+[.)])\s")


def link_lists(text: str) -> list[tuple[int, int]]:
    """The spans of the article's lists of links to other stories: from a heading such as "See also" or
    "Related news" on a line of its own, over the entries under it (bulleted, or short lines that end with
    no full stop, as titles do), up to the first line of prose (a sentence of eight words or more ending
    in a full stop, a question or an exclamation mark, not bulleted)."""
    spans = []
    for heading in _LINK_HEADING.finditer(text):
        if spans and heading.start() < spans[-1][1]:
            continue
        end = pos = heading.end()
        for line in text[heading.end():].splitlines(keepends=True):
            words = line.strip()
            if words and not _BULLET.match(line) and len(words.split()) >= 8 and re.search(r"[.!?][\"'\u201d\u2019)]*$", words):
                break  # prose again: the report (or another) goes on
            pos += len(line)
            if words:
                end = pos
        spans.append((heading.start(), end))
    return spans


def in_link_list(doc, char: int) -> bool:
    """Whether the character at ``char`` of ``doc`` is in a list of links to other stories (``link_lists``,
    computed once per doc)."""
    if "link_lists" not in doc.user_data:
        doc.user_data["link_lists"] = link_lists(doc_text(doc))
    return any(start <= char < end for start, end in doc.user_data["link_lists"])
