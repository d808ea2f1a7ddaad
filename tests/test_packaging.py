"""The package's metadata as setuptools reads it: `make run` on a new machine shows no build warnings."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PYPROJECT = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text("utf-8"))


def test_license_is_an_spdx_string_that_setuptools_reads_without_a_warning():
    """A `{text = ...}` table made pip print setuptools' deprecation warning three times, in a box of
    `!!`, at a coder's first `make run`; a string needs setuptools 77."""
    assert PYPROJECT["project"]["license"] == "MIT"
    backend = [r for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools")]
    assert backend == ["setuptools>=77"]


def test_every_dependency_is_pinned_exactly():
    extras = PYPROJECT["project"]["optional-dependencies"].values()
    for requirement in [*PYPROJECT["project"]["dependencies"], *(r for group in extras for r in group)]:
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+(\[[a-z,]+\])?==[0-9][0-9A-Za-z.\-]*", requirement), requirement
