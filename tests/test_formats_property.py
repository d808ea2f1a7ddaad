"""Property tests: over random texts and spans (non-ASCII, emoji, CRLF, spans at the edges), every
export keeps every offset, and the jsonl and brat round trips through a real store lose nothing.

Spans never start or end with whitespace (the app trims selections), but may contain it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.formats import ExportOptions, export_project, import_documents, read_annotations
from tui.core.formats.base import Document
from tui.core.formats.brat import ann_for, read_pair
from tui.core.formats.conll import _non_overlapping, conll_for, parse
from tui.core.formats.docbin import doc_for
from tui.core.formats.base import ExportSummary
from tui.core.formats.prodigy import task_for
from tui.core.model import Argument, Article, Entity, Event, article_id_for
from tui.core.session import change
from tui.core.store import Store

PIECES = ["Gunmen", "killed", "12", "villagers", "in", "Kaduna", "pro-Assad", "U.S.", "don't", "café", "Straße",
          "北京", "😀", "👍🏽", "—", "“quoted”", ",", ".", "-", "(", ")", "1,000", " ", " ", "  ", "\n", "\r\n",
          "\n\n", "\t"]
CHARS = "ab Z9.-,'é中😀\r\n\t"

texts = st.one_of(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join),
    st.text(alphabet=CHARS, min_size=1, max_size=40),
).filter(lambda t: t.strip())
# NEWSMARK_HYPOTHESIS_EXAMPLES=2000 runs a longer search (e.g. before a release); the default stays fast.
EXAMPLES = int(os.environ.get("NEWSMARK_HYPOTHESIS_EXAMPLES", "60"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=max(12, EXAMPLES // 5), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture])


@st.composite
def annotated(draw):
    """A Document with entities (overlapping allowed) and events, spans trimmed of whitespace."""
    text = draw(texts)
    solid = [i for i, c in enumerate(text) if not c.isspace()]

    def span():
        if draw(st.integers(0, 5)) == 0:  # the whole text: spans at both edges
            return solid[0], solid[-1] + 1
        a, b = sorted(draw(st.lists(st.sampled_from(solid), min_size=2, max_size=2)))
        return a, b + 1

    ents = {}
    for n in range(draw(st.integers(0, 6))):
        s, e = span()
        ents[(s, e)] = Entity(s, e, draw(st.sampled_from(["PERSON", "GPE", "ORG"])), id=f"T{n}", created="t")
    events = []
    for n in range(draw(st.integers(0, 3))):
        trig = span()
        args = [Argument(draw(st.sampled_from(["Attacker", "Target", "Place"])), *span())
                for _ in range(draw(st.integers(0, 3)))]
        if draw(st.booleans()):
            args.append(Argument("Time", value=draw(st.sampled_from(["2019-01-02", "é\n\"x\";y"]))))
        events.append(Event("BATTLE", draw(st.sampled_from(["", "Armed clash"])), *trig, arguments=args,
                            fields={"fatalities": draw(st.integers(0, 500)), "notes": "a\tb"}, id=f"E{n}",
                            created="t"))
    article = Article(article_id_for(text), text)
    return Document(article, sorted(ents.values(), key=lambda e: (e.start, e.end, e.label)), events)


def all_spans(doc: Document):
    out = [(e.start, e.end) for e in doc.entities]
    for ev in doc.events:
        out.append((ev.trigger_start, ev.trigger_end))
        out += [(a.start, a.end) for a in ev.arguments if a.has_span]
    return out


@FAST
@given(annotated())
def test_prodigy_offsets_and_tokens_match_the_text(doc):
    task = task_for(doc)
    tokens = task["tokens"]
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in tokens) == doc.article.text
    spans = task["spans"] + [r[k] for r in task["relations"] for k in ("head_span", "child_span")]
    for span in spans:
        assert doc.article.text[span["start"]:span["end"]] == span["text"]
        assert tokens[span["token_start"]]["start"] == span["start"]
        assert tokens[span["token_end"]]["end"] == span["end"]
    assert [(s["start"], s["end"], s["label"]) for s in task["spans"]] == [(e.start, e.end, e.label) for e in doc.entities]


@FAST
@given(annotated())
def test_docbin_keeps_every_span_exactly(doc):
    from spacy.tokens import DocBin

    from tui.core.formats.tokenize import blank_nlp

    summary = ExportSummary("spacy", "-")
    sdoc = doc_for(doc, summary)
    assert not summary.warnings or all("overlapping" in w for w in summary.warnings)
    (back,) = DocBin(store_user_data=True, docs=[sdoc]).from_bytes(
        DocBin(store_user_data=True, docs=[sdoc]).to_bytes()).get_docs(blank_nlp().vocab)
    assert back.text == doc.article.text
    assert [(s.start_char, s.end_char, s.label_) for s in back.spans["entities"]] == \
        [(e.start, e.end, e.label) for e in doc.entities]
    triggers = [(s.start_char, s.end_char) for s in back.spans["triggers"]]
    assert triggers == [(e.trigger_start, e.trigger_end) for e in doc.events]
    events = json.loads(json.dumps(back.user_data["events"]))
    assert [e["arguments"] for e in events] == [[a.to_dict() for a in e.arguments] for e in doc.events]


@FAST
@given(annotated())
def test_conll_tags_give_back_the_entities(doc):
    spans, _ = _non_overlapping(doc.entities)
    (sentences,) = parse(conll_for(doc))
    text, cursor, found, current = doc.article.text, 0, [], None
    for token, tag in (pair for sent in sentences for pair in sent):
        start = text.index(token, cursor)
        assert not text[cursor:start].strip(), "a token was skipped or changed"
        cursor = start + len(token)
        if tag.startswith("B-"):
            current = [start, cursor, tag[2:]]
            found.append(current)
        elif tag.startswith("I-"):
            assert current is not None and current[2] == tag[2:]
            current[1] = cursor
        else:
            assert tag == "O"
            current = None
    assert not text[cursor:].strip()
    assert [tuple(f) for f in found] == spans


@FAST
@given(annotated())
def test_brat_ann_reads_back(doc):
    with tempfile.TemporaryDirectory() as tmp:
        txt, ann = Path(tmp) / "x.txt", Path(tmp) / "x.ann"
        txt.write_bytes(doc.article.text.encode("utf-8"))
        ann.write_text(ann_for(doc), encoding="utf-8", newline="")
        back = read_pair(ann)
    assert back.article.text == doc.article.text
    assert [(e.start, e.end, e.label) for e in back.entities] == [(e.start, e.end, e.label) for e in doc.entities]
    key = lambda ev: (ev.trigger_start, ev.trigger_end, ev.subtype, ev.fields,  # noqa: E731
                      sorted((a.role, a.start or -1, a.end or -1, a.value) for a in ev.arguments))
    assert sorted(map(key, back.events), key=repr) == sorted(map(key, doc.events), key=repr)


@SLOW
@given(annotated())
def test_store_round_trips_for_jsonl_and_brat(doc):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with Store(root / "a" / "p.json") as store:
            store.add_article(doc.article)
            session = store.open_session(doc.article.id)
            session.commit("seed", [change("entities", None, e) for e in doc.entities]
                           + [change("events", None, e) for e in doc.events])
            session.set_reviewed(True)  # brat is a training format: it takes reviewed articles only
            session.close()
            for fmt in ("jsonl", "brat"):
                export_project(store, fmt, root / f"1.{fmt}", ExportOptions())
        for fmt in ("jsonl", "brat"):
            with Store(root / f"b{fmt}" / "p.json") as copy:
                import_documents(copy, read_annotations([root / f"1.{fmt}"]))
                export_project(copy, fmt, root / f"2.{fmt}", ExportOptions())
        assert (root / "1.jsonl").read_bytes() == (root / "2.jsonl").read_bytes()
        for name in ("annotation.conf", f"{doc.article.id}.txt", f"{doc.article.id}.ann"):
            assert (root / "1.brat" / name).read_bytes() == (root / "2.brat" / name).read_bytes()
        record = json.loads((root / "1.jsonl").read_text(encoding="utf-8").splitlines()[1])
        for ent in record["entities"]:
            assert record["article"]["text"][ent["start"]:ent["end"]].strip()
