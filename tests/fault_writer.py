"""A burst of edits for the kill -9 trials: ``python -m tests.fault_writer DB SEED``.

Before each operation it prints ``try`` and the operation, after the store returned ``ack``; both
as JSON lines, flushed, so the parent knows every acknowledged edit and the one in flight when it
killed us. Labels and the annotator's name hold line separators, to try the journal's framing.
"""

from __future__ import annotations

import json
import random
import sys

from tui.core import session as session_module
from tui.core.model import Entity
from tui.core.session import change
from tui.core.store import Store

session_module.CHECKPOINT_EVERY = 5  # fold often, so that kills land inside checkpoints too
LABELS = ("ORG", "GPE\u2028x", "PERSON\u0085", "DATE\u2029\r")


def say(kind: str, op: dict) -> None:
    print(json.dumps({kind: op}), flush=True)


def main(db: str, seed: int) -> None:
    rng = random.Random(seed)
    store = Store(db)
    ids = store.article_ids()
    n = 0
    while True:
        article_id = rng.choice(ids)
        session = store.open_session(article_id, "Zoë\u2028Ørsted")
        can_undo = False
        for _ in range(rng.randint(1, 15)):
            if can_undo and rng.random() < 0.15:
                op = {"undo": last, "article": article_id}
                say("try", op)
                session.undo()
                can_undo = False
            else:
                n += 1
                last = f"K{seed}_{n}"
                op = {"add": last, "label": rng.choice(LABELS), "article": article_id}
                say("try", op)
                start = rng.randrange(0, 400)
                session.commit("label", [change("entities", None, Entity(start, start + 3, op["label"], id=last))])
                can_undo = True
            say("ack", op)
        session.close()
        store.sync(session)
        if rng.random() < 0.3:
            op = {"status": rng.choice(("todo", "in progress", "done", "skipped")), "article": article_id}
            say("try", op)
            store.set_status(article_id, op["status"])
            say("ack", op)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
