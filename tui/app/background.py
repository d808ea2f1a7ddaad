"""Work the app must never wait for when it quits: run on a daemon thread and awaited.

A Textual thread worker runs on the event loop's executor, which the loop joins when the app exits,
so quitting while the model reads a long article waited for the model to finish (minutes for a
999,000-character article). A daemon thread is left behind instead: what it would have produced
is not saved, which is the same as quitting before it started.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any, Callable


async def in_daemon_thread(work: Callable[[], Any], name: str = "newsmark-background") -> Any:
    """Run ``work()`` on a daemon thread and return (or raise) what it does."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def deliver(setter, value) -> None:
        try:
            loop.call_soon_threadsafe(lambda: future.done() or setter(value))
        except RuntimeError:  # the app and its loop have closed: nobody is waiting any more
            pass

    def run() -> None:
        try:
            result = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting worker
            deliver(future.set_exception, exc)
        else:
            deliver(future.set_result, result)

    threading.Thread(target=run, name=name, daemon=True).start()
    return await future
