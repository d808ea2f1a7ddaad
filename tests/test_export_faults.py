"""Interrupted exports: the old output or none, never a half-written one that looks complete, no litter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.formats import ExportError, export_project
from tui.core.store import Store

from .conftest import ROOT, SEED


def listing(path: Path) -> dict[str, bytes]:
    if path.is_file():
        return {path.name: path.read_bytes()}
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def litter(out: Path) -> list[str]:
    """Hidden siblings an export may leave beside its output."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


class Interrupted(Exception):
    pass


def stop_at(n: int):
    def progress(done: int) -> None:
        if done == n:
            raise Interrupted
    return progress


@pytest.mark.parametrize("fmt,name", [("brat", "brat"), ("spacy", "shards"), ("jsonl", "out.jsonl"),
                                      ("conll", "out.conll"), ("acled", "out.csv"), ("prodigy", "out.jsonl")])
def test_an_export_that_fails_part_way_leaves_the_old_output_whole(samples_db, tmp_path, fmt, name):
    out = tmp_path / "exports" / name
    with Store(samples_db) as store:
        export_project(store, fmt, out)
        first = listing(out)
        with pytest.raises(Interrupted):
            export_project(store, fmt, out, progress=stop_at(3))
    assert listing(out) == first and litter(out) == []


def test_a_first_export_that_fails_leaves_nothing(samples_db, tmp_path):
    out = tmp_path / "brat"
    with Store(samples_db) as store, pytest.raises(Interrupted):
        export_project(store, "brat", out, progress=stop_at(2))
    assert not out.exists() and litter(out) == []


KILLER = """
import os, signal, sys
from tui.core.formats import export_project
from tui.core.store import Store

def progress(done):
    if done == 4:
        os.kill(os.getpid(), signal.SIGKILL)

with Store(sys.argv[1]) as store:
    export_project(store, sys.argv[2], sys.argv[3], progress=progress)
"""


@pytest.mark.parametrize("fmt,name", [("brat", "brat"), ("spacy", "shards"), ("jsonl", "out.jsonl")])
def test_an_export_killed_part_way_leaves_the_old_output_and_the_next_one_clears_the_litter(
        samples_db, tmp_path, fmt, name):
    out, fresh = tmp_path / name, tmp_path / "fresh" / name
    small = tmp_path / "small" / "project.json"
    assert main(["import", str(SEED), "--db", str(small)]) == 0
    assert main(["export", "--db", str(small), "--format", fmt, "--out", str(out)]) == 0
    first = listing(out)  # one article
    killed = subprocess.run([sys.executable, "-c", KILLER, str(samples_db), fmt, str(out)], cwd=ROOT,
                            capture_output=True)
    assert killed.returncode == -9
    assert listing(out) == first  # the old output, whole: not a mix, not a part
    assert main(["export", "--db", str(samples_db), "--format", fmt, "--out", str(out)]) == 0
    assert main(["export", "--db", str(samples_db), "--format", fmt, "--out", str(fresh)]) == 0
    assert litter(out) == [] and listing(out) == listing(fresh)


def test_a_folder_holding_other_files_is_never_replaced(samples_db, tmp_path, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"precious")
    assert main(["export", "--db", str(samples_db), "--format", "brat", "--out", str(out)]) == 1
    assert "thesis.docx" in capsys.readouterr().err
    assert listing(out) == {"thesis.docx": b"precious"} and litter(out) == []
    with Store(samples_db) as store, pytest.raises(ExportError):
        export_project(store, "spacy", out)
    assert os.listdir(out) == ["thesis.docx"]


def test_a_folder_export_replaces_an_old_export_wholly(samples_db, tmp_path):
    out = tmp_path / "brat"
    with Store(samples_db) as store:
        export_project(store, "brat", out)
        (out / "gone.ann").write_text("T1\tPER 0 1\tX\n")  # an article no longer in the project
        export_project(store, "brat", out)
    assert not (out / "gone.ann").exists() and litter(out) == []
