"""The inbox: requests recorded before their acknowledgement, pending until done, replays recognised,
on both back ends."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from bot.storage import open_store
from bot.storage.inbox import LEASE, SEEN_FOR, Inbox

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


def test_a_request_in_flight_in_one_process_is_not_run_again_by_a_process_that_starts(store_target: str):
    running, starting = open_store(store_target, maintenance=False), open_store(store_target, maintenance=False)
    try:
        a = Inbox(running)
        assert a.accept("slack", "sig:v0=cmd", "command=%2Foffer-coach", now=T0)
        b = Inbox(starting)  # another process on the same database, starting while A works
        assert b.take_over("slack", now=T0 + timedelta(seconds=1)) == []
        assert [p.key for p in b.pending("slack")] == ["sig:v0=cmd"]  # still pending: A's
        # A stops before finishing: it gives the row up, and the next start takes it at once.
        a.release("slack")
        assert [p.key for p in b.take_over("slack", now=T0 + timedelta(seconds=2))] == ["sig:v0=cmd"]
    finally:
        running.close()
        starting.close()


def test_an_expired_request_is_taken_over_by_exactly_one_of_two_processes_starting_together(store_target: str):
    import threading

    crashed = open_store(store_target, maintenance=False)
    Inbox(crashed).accept("slack", "Ev1", "{}", now=T0)
    Inbox(crashed).accept("slack", "Ev2", "{}", now=T0)
    crashed.close()
    later = T0 + LEASE + timedelta(seconds=1)
    stores = [open_store(store_target, maintenance=False) for _ in range(2)]
    inboxes = [Inbox(store) for store in stores]
    gate = threading.Barrier(2)
    taken: list[list[str]] = [[], []]

    def start(n: int) -> None:
        gate.wait()
        taken[n] = [p.key for p in inboxes[n].take_over("slack", now=later)]

    threads = [threading.Thread(target=start, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert sorted(taken[0] + taken[1]) == ["Ev1", "Ev2"]  # each once, by one of them
        # Neither takes them again while its new lease runs, even at a third start.
        assert inboxes[0].take_over("slack", now=later + timedelta(seconds=1)) == []
        assert inboxes[1].take_over("slack", now=later + timedelta(seconds=1)) == []
    finally:
        for store in stores:
            store.close()


def test_a_request_of_a_process_gone_from_this_machine_is_taken_over_without_waiting(store_target: str):
    import subprocess
    import sys

    store = open_store(store_target, maintenance=False)
    try:
        inbox = Inbox(store)
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True).stdout.strip()
        inbox.accept("slack", "Ev1", "{}", now=T0)
        with store.transaction():  # the row as that (now finished) process of this machine left it
            store.execute("UPDATE inbox SET owner = ?", (inbox.owner.replace(f"|{os.getpid()}:", f"|{dead}:"),))
        later = T0 + timedelta(seconds=1)
        assert [p.key for p in Inbox(store).take_over("slack", now=later)] == ["Ev1"]
    finally:
        store.close()


def test_done_requests_are_pruned_as_fast_as_they_come(store_target: str):
    """Pruning takes a batch at a time; when a batch comes back full the next finish prunes again,
    so a busy server (more requests than a batch per interval) does not pile up old rows."""
    from bot.storage.inbox import PRUNE_BATCH

    store = open_store(store_target, maintenance=False)
    try:
        inbox = Inbox(store)
        keys = [f"Ev{n}" for n in range(2 * PRUNE_BATCH + 100)]
        for key in keys:
            inbox.accept("slack", key, "{}", now=T0)
        inbox.finish("slack", keys, now=T0)
        later = T0 + SEEN_FOR + timedelta(seconds=1)
        inbox._last_prune = 0.0
        for _ in range(3):  # three flushes in quick succession, as under load
            inbox.finish("slack", [], now=later)
        with store.snapshot() as conn:
            left = conn.execute("SELECT count(*) FROM inbox", ()).fetchone()[0]
        assert left == 0
    finally:
        store.close()
