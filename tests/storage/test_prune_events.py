"""Pruning old event ids reads only the old ones: its work does not grow with the recent events kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.storage.store import PRUNE_BATCH, Store, timestamp

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def _prune_work(recent: int, old: int) -> tuple[int, int, int]:
    """(events deleted, SQLite VM steps / 100 spent pruning, events left) for a table of that mix."""
    with Store(":memory:") as store:
        recent_at, old_at = timestamp(NOW - timedelta(hours=1)), timestamp(NOW - timedelta(days=30))
        store.conn.executemany("INSERT INTO events (event_key, at) VALUES (?, ?)",
                               [(f"recent-{n}", recent_at) for n in range(recent)])
        store.conn.executemany("INSERT INTO events (event_key, at) VALUES (?, ?)",
                               [(f"old-{n}", old_at) for n in range(old)])
        steps = [0]

        def count() -> int:
            steps[0] += 1
            return 0

        store.conn.set_progress_handler(count, 100)
        deleted = store.prune_events(now=NOW)
        store.conn.set_progress_handler(None, 0)
        return deleted, steps[0], store.count("events")


def test_pruning_work_follows_the_old_events_not_the_size_of_the_table():
    deleted_small, work_small, left_small = _prune_work(recent=1_000, old=50)
    deleted_big, work_big, left_big = _prune_work(recent=100_000, old=50)
    assert (deleted_small, left_small) == (50, 1_000)
    assert (deleted_big, left_big) == (50, 100_000)
    assert work_big < 2 * work_small + 50  # a scan would be about 100 times the work


def test_many_old_events_go_in_batches_until_none_is_left():
    deleted, _, left = _prune_work(recent=10, old=PRUNE_BATCH * 3 + 7)
    assert (deleted, left) == (PRUNE_BATCH * 3 + 7, 10)
