"""Read-only commands (stats, export, agree) run, in a second process as from a second terminal, while
the app has the project open for editing, and see every edit the app has saved (they replay its
journal in memory and take no lock)."""

from __future__ import annotations

import json
import subprocess
import sys

from tui.commands.import_ import import_sources
from tui.core.store import Store

from .apphelpers import running
from .conftest import SEED


def newsmark(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=120)


async def test_stats_export_and_agree_while_the_app_edits(seed_db, tmp_path, codebook, pipeline):
    bob = tmp_path / "bob.json"
    with Store(bob) as store:
        import_sources(store, [str(SEED)])
        store.set_status(store.article_ids()[0], "in progress")
    out = tmp_path / "alice.jsonl"
    async with running(seed_db, codebook, pipeline, annotator="alice") as (store, app, pilot):
        await pilot.press("A")  # accept every suggestion: saved in the article's journal, not folded
        accepted = app.session.counts()["entities"]
        assert accepted > 0

        stats = newsmark("stats", "--db", str(seed_db))
        assert stats.returncode == 0 and stats.stderr == "", stats.stderr
        entity_table = stats.stdout.split("Entities by label")[1].split("Events by type")[0]
        total = next(line for line in entity_table.splitlines() if line.startswith("│ total"))
        assert total.split("│")[3].strip() == str(accepted)  # counted from the app's journal

        assert newsmark("export", "--db", str(seed_db), "--format", "jsonl", "--out", str(out)).returncode == 0
        record = json.loads(out.read_text().splitlines()[1])
        mine = [e for e in record["entities"] if e["status"] == "accepted"]
        assert len(mine) == accepted and {e["annotator"] for e in mine} == {"alice"}

        agree = newsmark("agree", "--db", str(seed_db), "--db", str(bob), "--json")
        assert agree.returncode == 0, agree.stderr
        figures = json.loads(agree.stdout)
        assert figures["per_article"][0]["entities.count"] == {"project": accepted, "bob": 0}

        await pilot.press("u")  # the app goes on editing and saving as before
        assert app.session.counts()["entities"] == 0
    with Store(seed_db, create=False) as store:  # and what it saved is whole
        session = store.open_session(store.article_ids()[0])
        assert sum(e.status == "accepted" for e in session.entities.values()) == 0
        assert len(session.history) == 1
        session.close()
