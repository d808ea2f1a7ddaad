"""Annotating what teaches most, as a coder does it: `open --order uncertain` starts at the article the
model is least sure of (not at the one open last time), and `]`, `[` and `d` then go on in the order the
list shows, so the next hour of coding goes to the articles that teach the model most."""

from __future__ import annotations

from tui.core.store import Store


def _scored(store: Store) -> list[str]:
    """Uncertainties given to three articles: the least sure order is ids[5], ids[3], ids[7]."""
    ids = store.article_ids()
    store.set_row_values(ids[3], {"uncertainty": 0.5})
    store.set_row_values(ids[5], {"uncertainty": 0.9})
    store.set_row_values(ids[7], {"uncertainty": 0.2})
    return ids


async def test_order_uncertain_starts_at_the_least_sure_article_not_the_one_open_last(samples_db, codebook, pipeline):
    from tui.app.app import NewsmarkApp

    with Store(samples_db) as store:
        ids = _scored(store)
        session = store.open_session(ids[0])
        store.sync(session, cursor=0)  # the coder had the first article open when they quit
        session.close()
        assert store.last_opened()[0] == ids[0]
        app = NewsmarkApp(store, codebook, "tester", pipeline=pipeline, order="uncertain")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.session.article.id == ids[5]


async def test_next_and_done_follow_the_least_sure_order(samples_db, codebook, pipeline):
    from tui.app.app import NewsmarkApp

    with Store(samples_db) as store:
        ids = _scored(store)
        app = NewsmarkApp(store, codebook, "tester", pipeline=pipeline, order="uncertain")
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            assert app.session.article.id == ids[5]
            app.view.focus()
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert app.session.article.id == ids[3]  # the next least sure, not the next imported
            await pilot.press("left_square_bracket")
            await pilot.pause()
            assert app.session.article.id == ids[5]
            await pilot.press("right_square_bracket")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("d")  # done (answering what is left), and on to the next least sure
            await pilot.pause()
            if app.session.article.id == ids[3]:  # suggestions left: the question asks first
                await pilot.press("a")
                await pilot.pause()
            assert store.row(ids[3])["status"] == "done"
            assert app.session.article.id == ids[7]
