"""The dateline the suggester never reads as an actor (``in_dateline``) is the one it takes as an
event's Place (``add_dateline_place``): both look for it in the body's first paragraphs, after the
title line, so a dateline under a byline and a date line is still the dateline."""

from __future__ import annotations

from tui.core.dateline import dateline_place, in_dateline
from tui.core.importer import article_from_text
from tui.core.suggest import Suggester

TEXT = ("Gunmen attack police checkpoint near capital\n\nBy John Smith\n\nMarch 3, 2020\n\n"
        "KABUL (Reuters) - Gunmen killed five police officers at a checkpoint on the edge of the city "
        "on Tuesday, officials said.\n")


def test_in_dateline_finds_the_dateline_that_gives_the_place(pipeline, codebook):
    article = article_from_text(TEXT)
    span = dateline_place(article.text, article.body_start)
    assert span is not None and article.text[span[0]:span[1]] == "KABUL"
    doc = pipeline.nlp(article.text)
    Suggester(codebook).suggest(doc, article)
    kabul = next(tok for tok in doc if tok.text == "KABUL")
    assert in_dateline(kabul)
    assert not any(in_dateline(tok) for tok in doc if tok.idx < article.body_start)  # never the title's words
