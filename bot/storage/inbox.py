"""The inbox: platform requests recorded before they are acknowledged, so a crash loses none.

A platform that got its acknowledgement never sends the request again, so an adapter first puts
the request here (one short transaction in the core's database), then acknowledges it, then runs
it, and finally marks it done. Requests still pending when a process starts are run again by it;
the turn they lead to is claimed by its event id in the turn's own transaction, so a request
finished just before a crash does not run twice.

Several processes share one database, so each row has an owner (the process that accepted it, or
took it over) and a lease (:data:`LEASE`, far longer than any turn). A starting process takes over
only rows whose lease has run out, or whose owner was a process on this same machine that is gone
(a restart after a crash need not wait); the take-over is one conditional ``UPDATE`` per row that
names the owner and lease it saw, so of two processes starting together exactly one gets each row.
A row another live process is still working on is left to it: a slash command is not run twice.

A done row keeps its key (not its payload) for :data:`SEEN_FOR`, so a request replayed within its
validity window (a signed Slack request is valid for five minutes) is recognised and dropped.

Kept apart from :mod:`bot.storage.store` on purpose: it creates its own table and touches nothing
else, so it sits beside whichever store backs the turns. Its SQL is the subset SQLite and
PostgreSQL read alike (``ON CONFLICT DO NOTHING``, no rowid), run through the store's
``transaction``/``snapshot`` and, where the store offers one, its ``execute`` (which translates
the placeholders for PostgreSQL).
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.storage.common import rolled_back, start_log
from bot.storage.protocol import POSTGRES
from bot.storage.store import now_utc, timestamp

# Longer than any window in which a platform may send the same request again (Slack: 5 minutes).
SEEN_FOR = timedelta(minutes=10)
PRUNE_BATCH = 500
PRUNE_EVERY_SECONDS = 5.0
# How long a row stays its owner's: a turn takes milliseconds, so only a process that died (or
# hung) holds a row this long. Nothing renews it.
LEASE = timedelta(seconds=30)

# No index on the time: each one costs every accepted request another page written. Pruning
# scans instead; the table holds only the last few minutes' requests.
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS inbox (key TEXT PRIMARY KEY, platform TEXT NOT NULL, "
    "received_at TEXT NOT NULL, payload TEXT, owner TEXT NOT NULL DEFAULT '', "
    "leased_until TEXT NOT NULL DEFAULT '')",
)
# A file whose inbox predates owners gets the columns (PostgreSQL: its migration 3). '' sorts
# before every time: a row from before has no live owner.
_LEASE_COLUMNS = (
    "ALTER TABLE inbox ADD COLUMN owner TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE inbox ADD COLUMN leased_until TEXT NOT NULL DEFAULT ''",
)


_ACCEPT = ("INSERT INTO inbox (key, platform, received_at, payload, owner, leased_until) "
           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING")
_FINISH = "UPDATE inbox SET payload = NULL WHERE key = ?"
_PRUNE = ("DELETE FROM inbox WHERE key IN (SELECT key FROM inbox WHERE received_at < ? "
          "AND payload IS NULL LIMIT ?)")


def _machine() -> str:
    """What tells this machine's processes apart from other machines' (and other containers')."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as boot:
            boot_id = boot.read().strip()
        namespace = os.stat("/proc/self/ns/pid").st_ino
    except OSError:
        return ""  # no way to tell: rely on the lease alone
    return f"{socket.gethostname()}/{boot_id}/{namespace}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _owner_gone(owner: str, machine: str) -> bool:
    """True when `owner` was a process of this machine that no longer runs."""
    where, _, rest = owner.rpartition("|")
    pid = rest.split(":", 1)[0]
    return bool(machine) and where == machine and pid.isdigit() and not _alive(int(pid))


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
        self._machine = _machine()
        self.owner = f"{self._machine}|{os.getpid()}:{uuid.uuid4().hex[:12]}"
        with store.transaction():
            for statement in _SCHEMA:
                self._execute(statement)
            if getattr(store, "dialect", None) is not POSTGRES:
                columns = {row[1] for row in self._execute("PRAGMA table_info(inbox)").fetchall()}
                for statement in _LEASE_COLUMNS:
                    if statement.split()[5] not in columns:
                        self._execute(statement)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """One statement inside the store's current transaction."""
        execute = getattr(self.store, "execute", None)
        return execute(sql, params) if execute is not None else self.store.conn.execute(sql, params)

    def accept(self, platform: str, key: str, payload: str, *, now: datetime | None = None) -> bool:
        """Record a request before acknowledging it; False when this key was seen already (a replay)."""
        return self.accept_many(platform, [(key, payload)], now=now)[0]

    def accept_many(self, platform: str, requests: Sequence[tuple[str, str]], *,
                    now: datetime | None = None) -> list[bool]:
        """Record several (key, payload) requests in one transaction: one commit for all the requests
        that arrived together, instead of one each. For each, False when its key was seen already
        (earlier, or earlier in this same list)."""
        moment = now or now_utc()
        received, until = timestamp(moment), timestamp(moment + LEASE)
        new: list[bool] = []
        with self.store.transaction():
            for key, payload in requests:
                cursor = self._execute(
                    _ACCEPT, (f"{platform}:{key}", platform, received, payload, self.owner, until))
                new.append(cursor.rowcount == 1)
        return new

    def rehearse(self, platform: str, *, now: datetime | None = None) -> None:
        """Accept, finish and prune a made-up request in one transaction, then roll it back, and
        start the store's log.

        Before serving: the statements are prepared and the table's pages cached, so the first
        real request's accept (on the way to its acknowledgement) costs what any later one does;
        nothing stays behind. The first finish would also prune at once: that waits its interval
        like every later one, and what it would have removed is removed then. The log is started
        last (:func:`bot.storage.common.start_log`), so the first accept's commit is an ordinary one.
        """
        moment = now or now_utc()
        key = f"{platform}:rehearsal-{uuid.uuid4().hex}"
        with rolled_back(self.store):
            self._execute(_ACCEPT, (key, platform, timestamp(moment), "{}", self.owner, timestamp(moment + LEASE)))
            self._execute(_FINISH, (key,))
            self._execute(_PRUNE, (timestamp(moment - SEEN_FOR), PRUNE_BATCH))
        self._last_prune = time.monotonic()
        start_log(self.store)

    def finish(self, platform: str, keys: list[str], *, now: datetime | None = None) -> None:
        """Mark requests done (their payload goes; the key stays to recognise replays), and prune."""
        moment = now or now_utc()
        with self.store.transaction():
            execute = self._execute
            for key in keys:
                execute(_FINISH, (f"{platform}:{key}",))
            if time.monotonic() - self._last_prune >= PRUNE_EVERY_SECONDS:
                self._last_prune = time.monotonic()
                pruned = execute(_PRUNE, (timestamp(moment - SEEN_FOR), PRUNE_BATCH)).rowcount
                if pruned >= PRUNE_BATCH:
                    # More are due: the next finish prunes again rather than in five seconds, so a
                    # server taking more than a batch per interval (100 requests/s) keeps up.
                    self._last_prune = 0.0

    def take_over(self, platform: str, *, now: datetime | None = None) -> list[Pending]:
        """Take the unfinished requests no live process holds (lease run out, or owner gone from
        this machine), oldest first; each is this process's for a new lease. Of several processes
        doing this at once, exactly one gets each row: the ``UPDATE`` names the owner and lease it
        read, so it changes nothing once another process changed either."""
        moment = now or now_utc()
        expired, until = timestamp(moment), timestamp(moment + LEASE)
        taken: list[Pending] = []
        with self.store.transaction():
            rows = self._execute(
                "SELECT key, payload, received_at, owner, leased_until FROM inbox "
                "WHERE platform = ? AND payload IS NOT NULL AND owner <> ? ORDER BY received_at",
                (platform, self.owner),
            ).fetchall()
            for key, payload, at, owner, leased_until in rows:
                if leased_until >= expired and not _owner_gone(owner, self._machine):
                    continue  # a live process is working on it
                cursor = self._execute(
                    "UPDATE inbox SET owner = ?, leased_until = ? "
                    "WHERE key = ? AND owner = ? AND leased_until = ? AND payload IS NOT NULL",
                    (self.owner, until, key, owner, leased_until),
                )
                if cursor.rowcount == 1:
                    taken.append(Pending(key.removeprefix(f"{platform}:"), payload, at))
        return taken

    def release(self, platform: str) -> None:
        """Give up this process's unfinished rows (it is stopping): the next start takes them at once."""
        with self.store.transaction():
            self._execute(
                "UPDATE inbox SET leased_until = '' WHERE platform = ? AND owner = ? AND payload IS NOT NULL",
                (platform, self.owner),
            )

    def pending(self, platform: str) -> list[Pending]:
        """Requests accepted but never finished, whoever holds them, oldest first (for inspection)."""
        prefix = f"{platform}:"
        with self.store.snapshot() as conn:
            rows = conn.execute(
                "SELECT key, payload, received_at FROM inbox WHERE platform = ? AND payload IS NOT NULL "
                "ORDER BY received_at",
                (platform,),
            ).fetchall()
        return [Pending(key.removeprefix(prefix), payload, at) for key, payload, at in rows]
