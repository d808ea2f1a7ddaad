"""Exit codes: 1 and one line for a user's error, 2 and a log file holding the traceback for a bug."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tui.cli import main
from tui.commands import stats

from .conftest import ROOT


@pytest.fixture(autouse=True)
def log_dir(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv("NEWSMARK_LOG_DIR", str(folder))
    return folder


def test_a_bad_command_line_is_a_user_error(capsys):
    assert main(["export", "--db", "x.json"]) == 1  # --format and --out are missing
    assert "required" in capsys.readouterr().err
    assert main(["--help"]) == 0


def test_a_missing_database_is_one_line_and_exit_1(tmp_path, capsys):
    assert main(["stats", "--db", str(tmp_path / "none.json")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such database" in err and "Traceback" not in err


def test_an_internal_error_exits_2_and_names_the_log_holding_the_traceback(seed_db, log_dir, monkeypatch,
                                                                          capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the counting\nsecond line")

    monkeypatch.setattr(stats, "project_stats", broken)
    assert main(["stats", "--db", str(seed_db)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "internal error (RuntimeError: a bug in the counting)" in err
    logs = list(log_dir.iterdir())
    assert len(logs) == 1 and str(logs[0]) in err
    text = logs[0].read_text()
    assert "Traceback" in text and "project_stats" in text and "stats --db" in text


def test_the_log_falls_back_when_its_folder_cannot_be_written(seed_db, tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSMARK_LOG_DIR", str(blocker / "logs"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(stats, "project_stats", lambda *a, **k: 1 / 0)
    assert main(["stats", "--db", str(seed_db)]) == 2
    err = capsys.readouterr().err
    logs = list((tmp_path / "state" / "newsmark").iterdir())
    assert len(logs) == 1 and str(logs[0]) in err and "ZeroDivisionError" in logs[0].read_text()


def test_the_installed_command_returns_the_exit_code(tmp_path, log_dir):
    env = {**os.environ, "NEWSMARK_LOG_DIR": str(log_dir)}
    done = subprocess.run([sys.executable, "-m", "tui", "stats", "--db", str(tmp_path / "none.json")],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "no such database" in done.stderr
    done = subprocess.run([sys.executable, "-m", "tui", "export", "--db", "x", "--format", "nope", "--out", "y"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "invalid choice" in done.stderr
