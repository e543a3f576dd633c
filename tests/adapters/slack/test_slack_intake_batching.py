"""The Slack intake records the requests that arrive together in one transaction, not one each:
every request is still committed before its acknowledgement, and a replay is still recognised."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

from adapters.slack.intake import Intake
from bot.storage import open_store
from bot.storage.inbox import Inbox


class CountedTransactions:
    """Wraps a store's ``transaction`` and counts how many were opened."""

    def __init__(self, store: object) -> None:
        self.opened = 0
        self._inner = store.transaction  # type: ignore[attr-defined]

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        self.opened += 1
        with self._inner():
            yield


async def test_requests_arriving_together_are_committed_in_one_transaction(store_target: str) -> None:
    store = open_store(store_target, maintenance=False)
    try:
        inbox = Inbox(store)
        counted = CountedTransactions(store)
        store.transaction = counted  # type: ignore[method-assign]
        intake = Intake(inbox)
        keys = [f"Ev{n}" for n in range(8)]
        # Eight events read off the sockets in one go, one of them sent twice (a Slack retry).
        answers = await asyncio.gather(*(intake.accept(key, f'{{"event_id": "{key}"}}', {}) for key in [*keys, "Ev3"]))
        assert answers == [True] * 8 + [False]
        assert counted.opened == 1
        assert sorted(p.key for p in inbox.pending("slack")) == sorted(keys)  # committed, payloads kept

        # One arriving alone is committed on its own, at once; a later replay is still refused.
        assert await intake.accept("Ev9", "{}", {}) is True
        assert await intake.accept("Ev0", "{}", {}) is False
        assert counted.opened == 3
    finally:
        store.close()
