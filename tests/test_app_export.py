"""Export from the command palette writes the same formats as `newsmark export`."""

from __future__ import annotations

import csv

from .apphelpers import running


async def test_palette_exports_the_open_article_as_acled_csv_and_brat(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(200, 50)) as (store, app, pilot):
        strike = next(e for e in app.session.events.values() if e.type == "REMOTE_VIOLENCE")
        app.view.move_to(strike.trigger_start)
        await pilot.pause()
        await pilot.press("a")  # accept the suggested air strike: only accepted events go out
        await pilot.press("d", "r")  # reviewed (every entity suggestion rejected): brat takes it
        for fmt in ("acled", "brat"):
            await pilot.press("ctrl+p", *f"Export as {fmt}")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
    out = seed_db.parent / "exports"
    rows = list(csv.DictReader((out / "project.acled.csv").open(encoding="utf-8")))
    assert [(r["event_type"], r["sub_event_type"], r["fatalities"]) for r in rows] == [
        ("Explosions/Remote violence", "Air/drone strike", "100")]
    ann = next((out / "project_brat").glob("*.ann")).read_text(encoding="utf-8")
    assert "E1\tREMOTE_VIOLENCE:T1 Attacker:T2 Target:T3 Place:T4" in ann
