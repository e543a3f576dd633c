"""The inbox: platform requests recorded before they are acknowledged, so a crash loses none.

A platform that got its acknowledgement never sends the request again, so an adapter first puts
the request here (one short transaction in the core's database), then acknowledges it, then runs
it, and finally marks it done. Requests still pending when a process starts are run again by it;
the turn they lead to is claimed by its event id in the turn's own transaction, so a request
finished just before a crash does not run twice.

A done row keeps its key (not its payload) for :data:`SEEN_FOR`, so a request replayed within its
validity window (a signed Slack request is valid for five minutes) is recognised and dropped.

Kept apart from :mod:`bot.storage.store` on purpose: it creates its own table and touches nothing
else, so it sits beside whichever store backs the turns. Its SQL is the subset SQLite and
PostgreSQL read alike (``ON CONFLICT DO NOTHING``, no rowid), run through the store's
``transaction``/``snapshot`` and, where the store offers one, its ``execute`` (which translates
the placeholders for PostgreSQL).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.storage.store import now_utc, timestamp

# Longer than any window in which a platform may send the same request again (Slack: 5 minutes).
SEEN_FOR = timedelta(minutes=10)
PRUNE_BATCH = 500
PRUNE_EVERY_SECONDS = 5.0

# No index on the time: each one costs every accepted request another page written. Pruning
# scans instead; the table holds only the last few minutes' requests.
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS inbox (key TEXT PRIMARY KEY, platform TEXT NOT NULL, "
    "received_at TEXT NOT NULL, payload TEXT)",
)


@dataclass(frozen=True)
class Pending:
    """A request accepted but not finished: its key and what the adapter stored to run it again."""

    key: str
    payload: str
    received_at: str


class Inbox:
    """The inbox table of one store's database. Not thread-safe beyond what the store gives.

    `store` is any store with ``transaction()`` and ``snapshot()`` (the SQLite store, or one
    following the store protocol)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self._last_prune = 0.0
        with store.transaction():
            for statement in _SCHEMA:
                self._execute(statement)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """One statement inside the store's current transaction."""
        execute = getattr(self.store, "execute", None)
        return execute(sql, params) if execute is not None else self.store.conn.execute(sql, params)

    def accept(self, platform: str, key: str, payload: str, *, now: datetime | None = None) -> bool:
        """Record a request before acknowledging it; False when this key was seen already (a replay)."""
        with self.store.transaction():
            cursor = self._execute(
                "INSERT INTO inbox (key, platform, received_at, payload) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key) DO NOTHING",
                (f"{platform}:{key}", platform, timestamp(now or now_utc()), payload),
            )
        return bool(cursor.rowcount == 1)

    def finish(self, platform: str, keys: list[str], *, now: datetime | None = None) -> None:
        """Mark requests done (their payload goes; the key stays to recognise replays), and prune."""
        moment = now or now_utc()
        with self.store.transaction():
            execute = self._execute
            for key in keys:
                execute("UPDATE inbox SET payload = NULL WHERE key = ?", (f"{platform}:{key}",))
            if time.monotonic() - self._last_prune >= PRUNE_EVERY_SECONDS:
                self._last_prune = time.monotonic()
                execute(
                    "DELETE FROM inbox WHERE key IN (SELECT key FROM inbox WHERE received_at < ? "
                    "AND payload IS NULL LIMIT ?)",
                    (timestamp(moment - SEEN_FOR), PRUNE_BATCH),
                )

    def pending(self, platform: str) -> list[Pending]:
        """Requests accepted but never finished (a crash came between), oldest first."""
        prefix = f"{platform}:"
        with self.store.snapshot() as conn:
            rows = conn.execute(
                "SELECT key, payload, received_at FROM inbox WHERE platform = ? AND payload IS NOT NULL "
                "ORDER BY received_at",
                (platform,),
            ).fetchall()
        return [Pending(key.removeprefix(prefix), payload, at) for key, payload, at in rows]
