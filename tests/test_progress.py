"""Long work shows progress when stderr is not a terminal: each command, run as a real process with
its stderr a pipe, prints its progress lines (``$NEWSMARK_PROGRESS_SECONDS`` 0: every update)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from tui.commands.common import phase, progress_lines

from .test_learn import coded_project

STORIES = [
    "Gunmen attacked a police station in Kabul on Monday, killing three officers.",
    "Thousands of protesters marched in Lagos on Saturday against fuel prices.",
    "Police arrested 12 opposition activists in Harare on Tuesday.",
]


def newsmark(*args: str, every: str = "0") -> list[str]:
    """Run ``newsmark ARGS`` with stderr a pipe; its stderr lines (it must succeed)."""
    env = {**os.environ, "NEWSMARK_PROGRESS_SECONDS": every}
    done = subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stderr.splitlines()


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """Three articles imported by a real ``newsmark import``; (db, its stderr lines)."""
    folder = tmp_path_factory.mktemp("progress")
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps({"title": f"Story {i}", "text": t}) + "\n" for i, t in enumerate(STORIES)),
                      encoding="utf-8")
    db = folder / "p.json"
    return db, newsmark("import", str(source), "--db", str(db))


def test_import_prints_progress_lines(project):
    _, err = project
    assert "newsmark: read 1/1 (100%), 0 s" in err
    assert any(line.startswith("newsmark: import 3/3 (100%), ") for line in err)


def test_suggest_prints_the_model_loading_and_each_article(project):
    db, _ = project
    err = newsmark("suggest", "--db", str(db))
    assert err[:2] == ["newsmark: suggest: loading the model ...", "newsmark: suggest: loading the model: done"]
    counts = [line for line in err if line.startswith("newsmark: suggest ")]
    assert [line.split()[2] for line in counts] == ["1/3", "2/3", "3/3"]
    assert "entities" in counts[-1] and "events" in counts[-1]


def test_export_prints_progress_lines(project, tmp_path):
    db, _ = project
    err = newsmark("export", "--db", str(db), "--format", "jsonl", "--out", str(tmp_path / "out.jsonl"),
                   "--include-unreviewed")
    assert [line.split()[3] for line in err if line.startswith("newsmark: export jsonl ")] == ["1/3", "2/3", "3/3"]


def test_train_prints_the_preparation_and_each_epoch(tmp_path):
    db = tmp_path / "coded.json"
    coded_project(db)
    err = newsmark("train", "--db", str(db), "--out", str(tmp_path / "model"), "--epochs", "2",
                   "--components", "triggers", "--eval-split", "0")
    assert "newsmark: train: reading the reviewed articles ..." in err
    assert any(line.startswith("newsmark: train 0/2 (0%), loading the base model") for line in err)
    epochs = [line for line in err if line.startswith(("newsmark: train 1/2", "newsmark: train 2/2"))]
    assert len(epochs) == 3 and all(", loss triggers " in line for line in epochs[:2]), err
    assert epochs[2].startswith("newsmark: train 2/2 (100%), choosing the thresholds")  # what follows the epochs


def test_a_long_step_without_updates_still_prints_every_few_seconds(monkeypatch, capsys):
    """The timer speaks when the work between two updates outlasts the interval."""
    monkeypatch.setenv("NEWSMARK_PROGRESS_SECONDS", "0.05")
    seen = ""
    with progress_lines("suggest", 10) as update, phase("suggest: loading the model"):
        update(4, "120 entities")
        deadline = time.monotonic() + 60
        while ("suggest 4/10 (40%), 120 entities" not in seen or "loading the model, " not in seen) \
                and time.monotonic() < deadline:
            time.sleep(0.05)  # no update: only the timers can print
            seen += capsys.readouterr().err
    assert "newsmark: suggest 4/10 (40%), 120 entities, " in seen
    assert "newsmark: suggest: loading the model, " in seen
