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


async def test_least_sure_first_with_nothing_scored_says_so(samples_db, codebook, pipeline):
    """Without a trained model's scores the order cannot be by uncertainty: the list's title says that
    none is scored (and how to score them) instead of claiming an order it does not have."""
    from tui.app.app import NewsmarkApp

    with Store(samples_db) as store:
        app = NewsmarkApp(store, codebook, "tester", pipeline=pipeline)
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            app.article_list.focus()
            await pilot.press("s")
            await pilot.pause()
            assert "none scored" in app.article_list.border_title
            store.set_row_values(store.article_ids()[2], {"uncertainty": 0.4})
            app.article_list.load(store.rows())
            assert app.article_list.border_title.endswith("least sure first")


async def test_the_list_title_says_the_order_whole_at_160x45(samples_db, codebook, pipeline):
    """The list beside the article is 36 columns wide: its title drops words before the order is cut."""
    from tui.app.app import NewsmarkApp

    with Store(samples_db) as store:
        _scored(store)
        app = NewsmarkApp(store, codebook, "tester", pipeline=pipeline, order="uncertain")
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.press("f2")
            await pilot.pause()
            listed = app.article_list
            assert listed.size.width and listed.border_title.endswith("least sure first")
            assert len(listed.border_title) <= listed.size.width - 4
