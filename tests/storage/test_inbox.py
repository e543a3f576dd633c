"""The inbox: requests recorded before their acknowledgement, pending until done, replays recognised."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.storage.inbox import SEEN_FOR, Inbox
from bot.storage.store import Store

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_a_request_is_pending_until_done_and_a_replay_is_recognised_until_its_window_passed(tmp_path: Path):
    with Store(tmp_path / "coach.db", maintenance=False) as store:
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


def test_pending_requests_survive_reopening_the_database(tmp_path: Path):
    with Store(tmp_path / "coach.db", maintenance=False) as store:
        Inbox(store).accept("slack", "sig:v0=abc", "command=%2Foffer-coach", now=T0)
    with Store(tmp_path / "coach.db", maintenance=False) as store:
        pending = Inbox(store).pending("slack")
    assert [(p.key, p.payload) for p in pending] == [("sig:v0=abc", "command=%2Foffer-coach")]
