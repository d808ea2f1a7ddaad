"""Titles and every other piece of article text are shown literally, never read as Rich markup."""

from __future__ import annotations

from tui.core.nlp import load_pipeline
from tui.cli import main

from .apphelpers import running, whole_screen
from .test_app_annotation import goto

TITLE = "Clash [/] at [red]the border[/red] [bold"
BODY = "Troops shelled [/b] villages near [link=x]Gao[/link] on Monday, killing [b]12[/b] people."


async def test_markup_in_a_title_and_in_the_text_is_shown_literally(tmp_path, db_path, codebook):
    source = tmp_path / "clash.txt"
    source.write_text(f"{TITLE}\n\n{BODY}\n")
    assert main(["import", str(source), "--db", str(db_path)]) == 0
    async with running(db_path, codebook, load_pipeline("no_such_model_package"), size=(200, 50)) as (
            store, app, pilot):
        screen = whole_screen(app)
        assert "Clash [/] at [red]the border[/red] [bold" in screen  # the header
        assert "Clash [/] at [r" in screen  # the article list (its title column is narrow)
        await goto(app, pilot, "shelled [/b]")
        await pilot.press("v", "w", "w", "e")  # "shelled [/b] villages" as a trigger: the picker names the words
        await pilot.pause()
        assert "'shelled [/b] villages'" in whole_screen(app)
        await pilot.press(*"shell", "enter")
        await pilot.pause()
        await goto(app, pilot, "[link=x]Gao")
        await pilot.press("v", *["shift+right"] * 15, "o")
        await pilot.pause()
        assert "'link=x]Gao[/link'" in whole_screen(app)  # the selection snaps to word characters
        await pilot.press(*"place", "enter")
        await pilot.pause()
        screen = whole_screen(app)
        assert "shelled [/b]" in screen  # the event table's trigger column and the detail
        assert "link=x]Gao[/link" in screen  # the argument in the event detail
        assert app.return_code is None


def test_stats_shows_labels_and_types_from_imported_data_literally(tmp_path, db_path, capsys):
    source = tmp_path / "tasks.jsonl"
    source.write_text('{"text": "Gunmen attacked [red]Kaduna[/red] on Monday.", "_input_hash": 1, '
                      '"spans": [{"start": 0, "end": 6, "label": "[/]"}, {"start": 16, "end": 21, "label": "[b"}],'
                      ' "relations": [{"head_span": {"start": 7, "end": 15, "label": "[red]ATTACK"}, '
                      '"child_span": {"start": 0, "end": 6, "label": "[/]"}, "label": "[i]Attacker"}]}\n')
    assert main(["import", str(source), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["stats", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "│ [/]" in out and "│ [b" in out and "│ [red]ATTACK" in out
