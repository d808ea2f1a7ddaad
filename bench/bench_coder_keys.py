"""Keys per fully coded event: the app driven with Pilot the way a coder codes the sample articles.

For a fixed set of events (the first main event of each sample article, plus the seed article's air
strike), with their gold type, sub-type, date, country, admin1 and fatalities from ``tests/gold``
and ACLED standard actors chosen here, the coder:
1. goes to the article (``]``), searches to the trigger (``/`` its words, Enter, ``n`` until there);
2. accepts the suggested event there with ``a`` when its type and sub-type are right, else makes one
   with ``e`` (on the trigger's last word) and picks the type: Enter when the likeliest is right,
   else the sub-type's letters until it is, then Enter;
3. opens the form (``f``) only when a field is wrong, tabs to each
   wrong field and types it: actors, country and admin1 letter by letter until the completion is
   the gold value, then Tab takes it; fatalities in full, the date as the shortest of its ISO form
   and a word the form reads ("friday", "yesterday"); Enter saves;
4. accepts the event with ``a`` when it is still a suggestion.
Every key counts, typed characters included. The coded events are then read back from the store
and compared with the gold; wrong fields are reported. Arguments (the evidence spans) are not
corrected by this coder, only the ACLED row. Prints one JSON line per figure.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from figures import figure  # noqa: E402

from tui.app.app import NewsmarkApp  # noqa: E402
from tui.app.screens.event_form import FORM_FIELDS, EventFormScreen  # noqa: E402
from tui.commands.import_ import import_sources  # noqa: E402
from tui.core.codebook import load_codebook  # noqa: E402
from tui.core.completion import COMPLETED_FIELDS  # noqa: E402
from tui.core.event_fields import parse_field  # noqa: E402
from tui.core.nlp import load_pipeline  # noqa: E402
from tui.core.store import Store  # noqa: E402

GOLD = ROOT / "tests" / "gold"
GOAL = 15
VERBOSE = "-v" in sys.argv
CHECKED = ("event_date", "fatalities", "actor1", "actor2", "country", "admin1")
# (article number, gold event id) -> (actor1, actor2), ACLED standard names from the codebook's list.
ACTORS = {
    ("00", "g1"): ("Military Forces of Syria (2000-2024)", "SDF: Syrian Democratic Forces"),
    ("00", "g2"): ("Global Coalition Against Daesh", "Military Forces of Syria (2000-2024)"),
    ("01", "g1"): ("Taliban", "Military Forces of Afghanistan (2014-2021)"),
    ("02", "g1"): ("Abu Sayyaf Group", "Civilians (Philippines)"),
    ("03", "g1"): ("Unidentified Armed Group (Yemen)", "Civilians (Yemen)"),
    ("04", "g1"): ("Protesters (China)", ""),
    ("05", "g1"): ("Military Forces of Yemen (2017-) Houthi", ""),
    ("06", "g1"): ("SDF: Syrian Democratic Forces", "Military Forces of Syria (2000-2024)"),
    ("07", "g1"): ("Military Forces of the United States (2017-2021)", "Military Forces of Iran (1989-)"),
    ("08", "g1"): ("Unidentified Armed Group (Iraq)", "Military Forces of the United States (2017-2021)"),
    ("09", "g1"): ("Rioters (Serbia)", "Police Forces of Serbia (2017-)"),
    ("10", "g1"): ("Protesters (United Kingdom)", ""),
}


def gold_events() -> list[dict]:
    out = []
    for number, gold_id in ACTORS:
        record = json.loads((GOLD / f"{number}.json").read_text(encoding="utf-8"))
        event = next(e for e in record["events"] if e["id"] == gold_id)
        actor1, actor2 = ACTORS[(number, gold_id)]
        fields = {k: v for k, v in event["fields"].items() if k in CHECKED}
        fields.update(actor1=actor1, actor2=actor2)
        out.append({"article": number, "id": gold_id, "type": event["type"], "subtype": event["subtype"],
                    "start": event["trigger"]["start"], "end": event["trigger"]["end"],
                    "trigger": event["trigger"]["text"], "fields": fields})
    return out


def shown(value) -> str:
    return "" if value is None else str(value)


class Coder:
    """Presses keys on the app and counts them."""

    def __init__(self, app: NewsmarkApp, pilot) -> None:
        self.app, self.pilot, self.keys = app, pilot, []

    async def press(self, *keys: str) -> None:
        if VERBOSE:
            print(" ".join(keys), type(self.app.screen).__name__, file=sys.stderr, flush=True)
        for key in keys:
            self.keys.append(key)
            await self.pilot.press(key)
        await self.settle()

    async def settle(self) -> None:
        await self.app.workers.wait_for_complete()
        await self.pilot.pause()

    async def open_article(self, index: int) -> None:
        ids = self.app.store.article_ids()
        while ids.index(self.app.session.article.id) < index:
            await self.press("right_square_bracket")

    def search_plan(self, start: int) -> tuple[str, int]:
        """The search (text from the trigger on) and number of ``n`` that reach ``start`` in the
        fewest keys, as the search finds them: case-insensitive, the first match after the cursor."""
        text, cursor = self.app.session.article.text, self.app.view.cursor
        best = None
        for size in range(1, 25):
            query = text[start:start + size]
            if "\n" in query:
                break
            starts, pos = [], text.lower().find(query.lower())
            while pos >= 0:
                starts.append(pos)
                pos = text.lower().find(query.lower(), pos + len(query))
            if start not in starts:
                continue
            first = next((i for i, s in enumerate(starts) if s > cursor - 1), 0)
            steps = (starts.index(start) - first) % len(starts)
            if best is None or size + steps < len(best[0]) + best[1]:
                best = (query, steps)
        return best

    async def to_trigger(self, gold: dict) -> None:
        query, steps = self.search_plan(gold["start"])
        await self.press("slash", *["space" if c == " " else c for c in query], "enter", *["n"] * steps)
        for _ in range(30):
            if self.app.view.cursor == gold["start"]:
                return
            await self.press("n")
        raise RuntimeError(f"search never reached {gold['trigger']!r} at {gold['start']}")

    def suggestion_here(self):
        return self.app._suggested_event_here()

    async def make_event(self, gold: dict) -> str:
        here = self.suggestion_here()
        if here is not None and (here.type, here.subtype) == (gold["type"], gold["subtype"]):
            await self.press("a")
            return here.id
        words = len(gold["trigger"].split())
        if words > 1:  # the head of a multiword trigger is its last word
            await self.press(*["w"] * (words - 1))
        await self.press("e")
        picker = self.app.screen
        assert picker.query("OptionList"), "e opened no picker"
        wanted = f"{gold['type']}|{gold['subtype']}"
        options = picker.query_one("OptionList")

        def highlighted() -> str | None:
            return options.get_option_at_index(options.highlighted or 0).id if options.option_count else None
        codes = {c.value: c.code for c in getattr(picker, "choices", []) if hasattr(c, "code")}
        if highlighted() == wanted:
            await self.press("enter")
        elif wanted in codes:  # a picker whose every choice has its own keys
            await self.press(*codes[wanted])
        else:  # a type-to-filter picker: the sub-type's letters until it is first
            for letter in gold["subtype"].lower():
                if highlighted() == wanted:
                    break
                await self.press("space" if letter == " " else letter)
            await self.press("enter")
        return self.app.current_event

    @staticmethod
    def fewest_letters(form: EventFormScreen, name: str, value: str) -> str:
        """What to type for ``value``: the shortest start of the name, or of one of its words,
        that completes to it (completion also matches a later word); else the whole value."""
        country = form.query_one("#field-country").value.strip()
        best = value
        for at in [0, *[i + 1 for i, c in enumerate(value) if not c.isalnum() and i + 1 < len(value)]]:
            for end in range(at + 1, min(len(value), at + len(best)) + 1):
                if form.completer.complete(name, value[at:end], country) == value:
                    best = value[at:end]
                    break
        return best

    def date_words(self, iso: str) -> str:
        """The shortest of the ISO date and the words a coder would type for it ("friday",
        "yesterday"), as the form reads words: against the article's date."""
        published = self.app.session.article.published
        words = ["yesterday", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                 "sunday"]
        for word in sorted(words, key=len):
            try:
                when = parse_field("event_date", word, published)
            except ValueError:
                continue
            if when.iso == iso and len(word) < len(iso):
                return word
        return iso

    async def fill_form(self, event_id: str, gold: dict) -> None:
        event = self.app.session.events[event_id]
        wrong = {k: v for k, v in gold["fields"].items() if shown(event.fields.get(k)) != shown(v)}
        if not wrong:
            return
        assert self.app.current_event == event_id
        # f in the article pane, Enter in the event panel: the current event's form
        await self.press("enter" if self.app.focused is self.app.query_one("#event-table") else "f")
        form = self.app.screen
        assert isinstance(form, EventFormScreen), "Enter opened no form"
        order = [name for name, _ in FORM_FIELDS]
        at = 0
        for name in order:
            if name not in wrong:
                continue
            await self.press(*["tab"] * (order.index(name) - at))
            at = order.index(name)
            field = form.query_one(f"#field-{name}")
            value = shown(wrong[name])
            if not value:
                await self.press("backspace")
                continue
            if name in COMPLETED_FIELDS:
                typed = self.fewest_letters(form, name, value)
                await self.press(*["space" if c == " " else c for c in typed])
                if field.value != value and form.completion(field) == value:
                    await self.press("tab")  # takes the completion and moves on
                    at += 1
            else:
                if name == "event_date":
                    value = self.date_words(value)
                await self.press(*["space" if c == " " else c for c in value])
        await self.press("enter")
        if self.app.screen is form:
            state = {n: form.query_one(f"#field-{n}").value for n, _ in FORM_FIELDS}
            raise RuntimeError(f"the form did not save: focus {form.focused}, fields {state}")


async def code_all(db: Path, pipeline) -> list[dict]:
    codebook = load_codebook()
    store = Store(db)
    app = NewsmarkApp(store, codebook, "bench", pipeline=pipeline)
    results = []
    try:
        async with app.run_test(size=(200, 50)) as pilot:
            coder = Coder(app, pilot)
            await coder.settle()
            numbers = [p.name[:2] for p in sorted((ROOT / "sample_articles").glob("[0-9]*.txt"))]
            for gold in gold_events():
                print(f"coding {gold['article']}.{gold['id']}", file=sys.stderr, flush=True)
                before = len(coder.keys)
                await coder.open_article(numbers.index(gold["article"]))
                await coder.to_trigger(gold)
                event_id = await coder.make_event(gold)
                await coder.fill_form(event_id, gold)
                if app.session.events[event_id].status == "suggested":
                    await coder.press("a")
                event = app.session.events[event_id]
                wrong = [k for k, v in gold["fields"].items() if shown(event.fields.get(k)) != shown(v)]
                if (event.type, event.subtype) != (gold["type"], gold["subtype"]):
                    wrong.append("type")
                if event.status != "accepted":
                    wrong.append("status")
                results.append({"event": f"{gold['article']}.{gold['id']}", "keys": coder.keys[before:],
                                "wrong": wrong})
    finally:
        store.close()
    return results


def main() -> None:
    pipeline = load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "project.json"
        with Store(db) as store:
            import_sources(store, [str(ROOT / "sample_articles")])
        results = asyncio.run(code_all(db, pipeline))
    counts = [len(r["keys"]) for r in results]
    for r in results:
        figure(f"keys.event.{r['event']}", len(r["keys"]), GOAL, keys=" ".join(r["keys"]), wrong_fields=r["wrong"])
    figure("keys_per_event.median", statistics.median(counts), GOAL)
    figure("keys_per_event.mean", round(statistics.mean(counts), 1))
    figure("events_coded", len(results))
    figure("fields_left_wrong", sum(len(r["wrong"]) for r in results), 0)


if __name__ == "__main__":
    main()
