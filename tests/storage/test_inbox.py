"""The inbox: requests recorded before their acknowledgement, pending until done, replays recognised,
on both back ends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.storage import open_store
from bot.storage.inbox import SEEN_FOR, Inbox

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_a_request_is_pending_until_done_and_a_replay_is_recognised_until_its_window_passed(store_target: str):
    store = open_store(store_target, maintenance=False)
    try:
        inbox = Inbox(store)
        assert inbox.accept("slack", "Ev1", '{"a": 1}', now=T0)
        assert not inbox.accept("slack", "Ev1", '{"a": 1}', now=T0)  # the same request again
        assert inbox.accept("discord", "Ev1", "{}", now=T0)  # another platform's id space
        assert [p.key for p in inbox.pending("slack")] == ["Ev1"]

        inbox.finish("slack", ["Ev1"], now=T0)
        assert inbox.pending("slack") == []
        assert not inbox.accept("slack", "Ev1", "{}", now=T0 + timedelta(minutes=5))

        inbox._last_prune = 0.0
        inbox.finish("slack", [], now=T0 + SEEN_FOR + timedelta(seconds=1))
        assert inbox.accept("slack", "Ev1", "{}", now=T0 + SEEN_FOR + timedelta(seconds=2))
        assert [p.key for p in inbox.pending("discord")] == ["Ev1"]  # pending rows are never pruned
    finally:
        store.close()


def test_pending_requests_survive_reopening_the_database(store_target: str):
    store = open_store(store_target, maintenance=False)
    Inbox(store).accept("slack", "sig:v0=abc", "command=%2Foffer-coach", now=T0)
    store.close()
    store = open_store(store_target, maintenance=False)
    pending = Inbox(store).pending("slack")
    store.close()
    assert [(p.key, p.payload) for p in pending] == [("sig:v0=abc", "command=%2Foffer-coach")]
