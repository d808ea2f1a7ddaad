"""The core never imports Textual: checked in a fresh interpreter, importing every core module."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_importing_tui_core_never_loads_textual():
    modules = sorted(
        "tui.core." + str(p.relative_to(ROOT / "tui" / "core").with_suffix("")).replace("/", ".")
        for p in (ROOT / "tui" / "core").rglob("*.py") if p.name != "__init__.py"
    )
    assert "tui.core.store" in modules and "tui.core.nlp" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import spacy\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(len(sys.modules)); raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_starting_the_app_does_not_import_spacy_before_its_first_screen():
    """spaCy takes about half a second to import: the app loads it with the model, after the first
    paint, so nothing the app imports at start may import it at module level."""
    code = (
        "import sys\n"
        "import tui.cli\n"
        "from tui.app import app\n"
        "raise SystemExit(1 if 'spacy' in sys.modules else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
