"""Where sessions, transcripts and finished work are kept: one SQLite file in WAL mode.

Two paths with different needs:

- The per-turn path (:meth:`Store.transaction`, :meth:`Store.claim_event`,
  :meth:`Store.load_session`, :meth:`Store.save_turn`) is a handful of prepared plain-SQL
  statements inside one ``BEGIN IMMEDIATE`` transaction, so two processes sharing the file take
  turns. It never introspects the schema: sqlite-utils' table methods re-read the schema on every
  call (about 300 µs per upsert against about 36 µs for plain SQL on this machine).
- Schema migrations, export and forget run rarely; sqlite-utils builds the schema there.

The transcript lives in the append-only ``turns`` table and the session row holds only the
bounded :class:`~bot.session.SessionState`, so a turn costs the same on turn 10 and turn 10,000.

WAL checkpoints: SQLite's automatic checkpoint runs inside whichever commit crosses the threshold
and can stall it for tens of milliseconds. For a file database the store turns the automatic
checkpoint into a rare safety net and runs passive checkpoints from a small background thread with
its own connection, off the hot path; that thread also prunes old de-duplication events.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot import __version__
from bot.storage.common import (
    ARCHIVED_SESSION_KIND,
    PRUNE_BATCH,
    STALE_STATE_NOTICE,
    STATE_MIGRATIONS,
    USER_COLUMNS,
    Aborted,
    Closing,
    KeptStates,
    LoadedSession,
    StoredRecord,
    StoredSession,
    StoredTurn,
    TurnWrite,
    UserColumn,
    UserData,
    append_turn,
    count_rows,
    forget_rows,
    mentions,
    now_utc,
    read_session,
    read_user_data,
    timestamp,
    write_turn,
    written_state,
)
from bot.storage.protocol import SQLITE, Commit, Rows, StoreError

# Names that moved to bot.storage.common (shared with the PostgreSQL store), still importable here.
__all__ = [
    "ARCHIVED_SESSION_KIND", "LATEST_SCHEMA", "STALE_STATE_NOTICE", "STATE_MIGRATIONS", "USER_COLUMNS",
    "LoadedSession", "Store", "StoreError", "StoredRecord", "StoredSession", "StoredTurn", "TurnWrite", "UserColumn",
    "UserData", "now_utc", "timestamp",
]

logger = logging.getLogger(__name__)

MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 5_000
EVENT_RETENTION = timedelta(days=3)
# A safety net only: the maintenance thread checkpoints long before the WAL reaches this many pages.
WAL_AUTOCHECKPOINT_PAGES = 10_000
CHECKPOINT_INTERVAL_SECONDS = 1.0
# Under load, wake the checkpointer every this many commits rather than waiting for the interval.
# A turn writes about 6 pages, most of them the same few every time (the right-most leaves of the
# events and turns tables and their indexes, a busy user's session), and a checkpoint copies each
# page once however often it was written since: waking every 200 commits rather than every 20
# copies and syncs far fewer pages per turn (the store's CPU per Slack turn, inbox included, fell
# about a sixth), for a WAL of about 5 MB between checkpoints, still copied off the hot path.
CHECKPOINT_EVERY_COMMITS = 200
# After a checkpoint lets the WAL restart, truncate the file back to this size on disk.
WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024
PRUNE_INTERVAL_SECONDS = 3_600.0
# Below this much free space, a "disk I/O error" is reported as a full disk.
DISK_FULL_BYTES = 1024 * 1024

# --- schema migrations -------------------------------------------------------------------------
# Each migration takes a sqlite-utils Database and changes the schema one version forward. They
# run in order inside one transaction; the applied versions are kept in `schema_migrations`.


def _migration_1_initial(db: Any) -> None:
    db["users"].create({"key": str, "platform": str, "created_at": str}, pk="key")
    db["sessions"].create(
        {"user_key": str, "scope": str, "state": str, "schema_version": int, "updated_at": str},
        pk=("user_key", "scope"),
        not_null={"state", "schema_version", "updated_at"},
    )
    db["turns"].create(
        {
            "id": int,
            "user_key": str,
            "scope": str,
            "at": str,
            "text_in": str,
            "choice_in": str,
            "replies": str,
        },
        pk="id",
        not_null={"user_key", "scope", "at", "replies"},
    )
    db["turns"].create_index(["user_key", "id"], index_name="turns_by_user")
    db["events"].create({"event_key": str, "at": str}, pk="event_key", not_null={"at"})
    db["events"].create_index(["at"], index_name="events_by_time")
    db["records"].create(
        {"id": int, "user_key": str, "kind": str, "key": str, "data": str, "at": str},
        pk="id",
        not_null={"user_key", "kind", "key", "data", "at"},
    )
    db["records"].create_index(["user_key", "kind", "id"], index_name="records_by_user")


def _without_rowid(db: Any, name: str, columns: dict[str, type], pk: str | tuple[str, ...], not_null: set[str]) -> None:
    sql = db.create_table_sql(name, columns, pk=pk, not_null=not_null).rstrip().rstrip(";")
    db.execute(f"{sql} WITHOUT ROWID")


def _migration_2_events_without_rowid(db: Any) -> None:
    """Events as a WITHOUT ROWID table with no time index: a claimed event writes 1 B-tree page, not 3
    (migration 4 brought the time index back, for pruning without a scan).

    A rowid table with a text primary key is two B-trees (the rows and the key's index), and the
    time index was a third; each page a commit touches is one more 4 KB WAL frame. Old events are
    now pruned by a background scan instead. Sessions stay a rowid table on purpose: a practice
    state is about 2 KB, which fits a rowid leaf page but would spill to an overflow page in a
    WITHOUT ROWID table (local payload there is capped near 1 KB), costing a page per turn.
    """
    db.execute("DROP INDEX IF EXISTS events_by_time")
    db.execute("ALTER TABLE events RENAME TO events_v1")
    _without_rowid(db, "events", {"event_key": str, "at": str}, "event_key", {"at"})
    db.execute("INSERT INTO events (event_key, at) SELECT event_key, at FROM events_v1")
    db.execute("DROP TABLE events_v1")


def _migration_3_team_channels(db: Any) -> None:
    """Team career channels (bot/teams): subscriptions with their next due time and claim, the
    posts made (for the no-repeat rotation), per-user mutes and stats opt-ins, shared checklists
    and who started one. Channel keys are "platform:tenant:channel"."""
    db["team_subscriptions"].create(
        {
            "channel_key": str, "platform": str, "tenant": str, "channel": str,
            "weekday": int, "at_time": str, "timezone": str, "frequency": str, "kinds": str,
            "stats": int, "paused": int, "anchor": str, "next_due": str, "cycle": int,
            "claimed_by": str, "claimed_until": str, "created_by": str, "created_at": str, "updated_at": str,
        },
        pk="channel_key",
        not_null={"platform", "tenant", "channel", "weekday", "at_time", "timezone", "frequency", "kinds",
                  "stats", "paused", "anchor", "next_due", "cycle", "created_at", "updated_at"},
    )
    db["team_subscriptions"].create_index(["paused", "next_due"], index_name="team_subscriptions_due")
    db["team_posts"].create(
        {"id": int, "channel_key": str, "tip_key": str, "cycle": int, "due_at": str, "posted_at": str},
        pk="id",
        not_null={"channel_key", "tip_key", "cycle", "due_at", "posted_at"},
    )
    db["team_posts"].create_index(["channel_key", "cycle"], index_name="team_posts_by_channel")
    _without_rowid(db, "team_mutes", {"channel_key": str, "user_key": str, "at": str},
                   ("channel_key", "user_key"), {"at"})
    _without_rowid(db, "team_optins", {"channel_key": str, "user_key": str, "at": str},
                   ("channel_key", "user_key"), {"at"})
    db["team_shares"].create(
        {"share_id": str, "channel_key": str, "checklist": str, "created_by": str, "created_at": str},
        pk="share_id",
        not_null={"channel_key", "checklist", "created_at"},
    )
    _without_rowid(db, "team_share_starts", {"share_id": str, "user_key": str, "started_at": str},
                   ("share_id", "user_key"), {"started_at"})
    db.execute("CREATE INDEX team_mutes_by_user ON team_mutes (user_key)")
    db.execute("CREATE INDEX team_optins_by_user ON team_optins (user_key)")
    db.execute("CREATE INDEX team_share_starts_by_user ON team_share_starts (user_key)")


def _migration_4_events_by_time(db: Any) -> None:
    """Index events by time again, so pruning reads only the old ones instead of the whole table.

    The cost is one more B-tree per claimed event; its new entries land on the index's right-most
    leaf (times only grow), so a turn writes that one leaf more: 5.88 WAL pages per turn instead
    of 4.64, with the turn's CPU time unchanged within noise (bench/store_care.py).
    """
    db.execute("CREATE INDEX IF NOT EXISTS events_by_time ON events (at)")


def _migration_5_session_versions(db: Any) -> None:
    """A version per session row, so a turn steps outside the write lock and commits only if no
    other turn got there first (issue 14). (The PostgreSQL store's OAuth tables have no
    counterpart here: on SQLite, Bolt's own installation store keeps its tables in the file.)"""
    db.execute("ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 1")


MIGRATIONS: tuple[Callable[[Any], None], ...] = (
    _migration_1_initial,
    _migration_2_events_without_rowid,
    _migration_3_team_channels,
    _migration_4_events_by_time,
    _migration_5_session_versions,
)
LATEST_SCHEMA = len(MIGRATIONS)

def _open_error(path: str, reason: object) -> StoreError:
    return StoreError(f"Cannot use the database at {path}: {reason}")


def _connect(path: str) -> sqlite3.Connection:
    # isolation_level=None: the store issues BEGIN IMMEDIATE / COMMIT itself, nothing implicit.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # Per connection: deleted rows are overwritten, not just unlinked, so `forget` leaves no words behind.
    conn.execute("PRAGMA secure_delete=ON")
    return conn


class Store(Closing):
    """The SQLite store. ``Store(":memory:")`` works for tests.

    Thread-safe: one lock guards the connection, so callers on several threads take turns; other
    processes on the same file wait on SQLite's own write lock (``BEGIN IMMEDIATE``).
    """

    dialect = SQLITE

    def __init__(self, path: Path | str, *, maintenance: bool = True, retention: timedelta | None = None) -> None:
        """``retention``: drop the words of finished transcripts older than this (None keeps them)."""
        self.path = str(path)
        self.url = self.path
        self._lock = threading.RLock()
        self._maintenance: _Maintenance | None = None
        self._commits_since_checkpoint = 0
        self._kept = KeptStates()
        is_memory = self.path == MEMORY
        if not is_memory:
            _prepare_folder(self.path)
        self.conn = self._open(is_memory, maintenance)
        if maintenance and not is_memory:
            self._maintenance = _Maintenance(self.path, retention)
            self._maintenance.start()

    def _open(self, is_memory: bool, maintenance: bool) -> sqlite3.Connection:
        """Connect and set up, retrying while another process is setting up the same new file.

        Switching a new file to WAL needs an exclusive lock, and SQLite answers "database is
        locked" at once instead of calling the busy handler when another process holds it, so
        several processes starting together on a new file would otherwise fail at random.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        delay = 0.002
        while True:
            try:
                self.conn = _connect(self.path)
            except (OSError, sqlite3.Error) as error:
                raise _open_error(self.path, _reason(error, self.path)) from error
            try:
                self._set_up(is_memory, maintenance)
                return self.conn
            except sqlite3.OperationalError as error:
                self.conn.close()
                if not _is_busy(error) or time.monotonic() >= deadline:
                    raise _open_error(self.path, _reason(error, self.path)) from error
            except StoreError:
                self.conn.close()
                raise
            except sqlite3.Error as error:
                self.conn.close()
                raise _open_error(self.path, _reason(error, self.path)) from error
            time.sleep(delay * random.uniform(0.5, 1.5))
            delay = min(delay * 2, 0.05)

    def _set_up(self, is_memory: bool, maintenance: bool) -> None:
        if not is_memory:
            mode = self.conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise _open_error(self.path, f"could not switch to WAL mode (got {mode})")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT_BYTES}")
        self.conn.execute("PRAGMA foreign_keys=OFF")
        self._migrate()
        self.conn.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES if maintenance else 1000}")
        if not is_memory:
            _check_usable(self.conn, self.path)

    # --- lifecycle ---------------------------------------------------------------------------

    def _release(self) -> None:
        with self._lock, contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def schema_version(self) -> int:
        row = self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        ).fetchone()
        if row is None:
            return 0
        return self.conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]

    def _migrate(self) -> None:
        found = self.schema_version()
        if found > LATEST_SCHEMA:
            # Writing with an older schema in mind would overwrite what the newer version stored.
            raise _open_error(
                self.path,
                f"it was written by a newer Offer Coach (database schema v{found}; this Offer Coach "
                f"{__version__} knows up to v{LATEST_SCHEMA}). Install an Offer Coach that knows schema "
                f"v{found}, or restore a backup taken with this version. Nothing was changed.",
            )
        if found >= LATEST_SCHEMA:
            return  # the common case: no need to import sqlite-utils (about 100 ms) at all
        import sqlite_utils

        db = sqlite_utils.Database(self.conn, execute_plugins=False, recursive_triggers=False)
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                # Read again under the write lock: another process may have migrated meanwhile.
                db.table("schema_migrations").create(
                    {"version": int, "applied_at": str}, pk="version", if_not_exists=True
                )
                applied = self.schema_version()
                for version, migration in enumerate(MIGRATIONS, start=1):
                    if version <= applied:
                        continue
                    migration(db)
                    self.conn.execute(
                        "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                        (version, timestamp(now_utc())),
                    )
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    def _failure(self, doing: str, error: sqlite3.Error) -> StoreError:
        return StoreError(f"Cannot {doing} the database at {self.path}: {_reason(error, self.path)}")

    # --- the per-turn path -------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; BEGIN IMMEDIATE so two processes serialise their turns."""
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise self._failure("write to", error) from error
            changes = self.conn.total_changes
            try:
                yield
            except sqlite3.Error as error:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
                raise self._failure("write to", error) from error
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException as error:
                # Never leave the connection inside a transaction: every later turn would fail.
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raise self._failure("write to", error) from error
                raise
            if self._maintenance is not None and self.conn.total_changes != changes:  # a commit that wrote rows
                self._maintenance.unsaved = True
                self._commits_since_checkpoint += 1
                if self._commits_since_checkpoint >= CHECKPOINT_EVERY_COMMITS:
                    self._commits_since_checkpoint = 0
                    self._maintenance.wake()

    def start_wal(self) -> None:
        """Make the next commit an ordinary one: commit a write that changes nothing now.

        The first commit into an empty or fully checkpointed WAL starts the log afresh, writing
        and syncing its header: one fsync, 1-12 ms here against 0.1 ms for any later commit. Just
        after the store opens that commit would be the first user's turn, so an adapter calls this
        last before it reports ready. Rows written since the last checkpoint are checkpointed
        first (the maintenance thread would do it within a second, and the next commit would pay
        for the restart); then a commit sets the header's user_version to the value it already
        has, which restarts the log: no row and nothing a user could see or export changes. The
        maintenance thread leaves the WAL alone until a commit writes rows, so the start stays paid.
        """
        if self.path == MEMORY:
            return
        with self._lock:
            if self._maintenance is not None and self._maintenance.unsaved:
                self._maintenance.unsaved = False
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            with self.transaction():
                version = self.conn.execute("PRAGMA user_version").fetchone()[0]
                self.conn.execute(f"PRAGMA user_version = {int(version)}")

    def claim_event(self, event_key: str, at: datetime | str) -> bool:
        """Record a processed event; False when it was already processed (a platform retry)."""
        cursor = self.conn.execute(
            "INSERT INTO events (event_key, at) VALUES (?, ?) ON CONFLICT (event_key) DO NOTHING",
            (event_key, at if isinstance(at, str) else timestamp(at)),
        )
        return cursor.rowcount == 1

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        """One statement on the store's connection (inside :meth:`transaction` for writes)."""
        return self.conn.execute(sql, params)

    def load_session(self, user_key: str, scope: str) -> LoadedSession:
        """The stored state and its version, or a fresh one; never raises on bad stored data (the
        state is reported as stale and the turn's commit archives it)."""
        with self._lock:
            return read_session(self.conn.execute, user_key, scope, kept=self._kept)

    def commit_turn(self, turn: TurnWrite, *, event_key: str | None = None) -> Commit:
        """Claim the event, check the session version, write the turn: one short BEGIN IMMEDIATE.
        The turn's state is the store's afterwards (see :class:`~bot.storage.common.KeptStates`)."""
        written = written_state(turn)
        try:
            with self.transaction():
                write_turn(self.conn.execute, turn, event_key, written[0] if written else None)
        except Aborted as aborted:
            return aborted.result
        if written is not None:
            self._kept.keep(turn.user_key, turn.scope, *written)
        return Commit.saved

    def save_turn(self, turn: TurnWrite) -> None:
        """Append the turn and save the state with no version check. Call inside :meth:`transaction`;
        for tools and tests that write as the only writer (the service uses :meth:`commit_turn`)."""
        at = turn.at if isinstance(turn.at, str) else timestamp(turn.at)
        execute = self.conn.execute
        if not turn.user_known:
            execute(
                "INSERT INTO users (key, platform, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING",
                (turn.user_key, turn.platform, at),
            )
        if turn.state is not None:
            execute(
                "INSERT INTO sessions (user_key, scope, state, schema_version, updated_at, version) "
                "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (user_key, scope) DO UPDATE SET "
                "state = excluded.state, schema_version = excluded.schema_version, "
                "updated_at = excluded.updated_at, version = sessions.version + 1",
                (turn.user_key, turn.scope, turn.state.model_dump_json(), turn.state.schema_version, at),
            )
        append_turn(execute, turn, at)

    # --- reading a user's data, forgetting it -------------------------------------------------

    def user_data(self, user_key: str, *, with_turns: bool = True) -> UserData:
        """All of one user's rows, read from one consistent snapshot."""
        with self._lock, self._read_snapshot():
            return read_user_data(self.conn.execute, user_key, with_turns=with_turns)

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Several reads from one consistent snapshot, for modules beside the store (bot/teams)."""
        with self._lock, self._read_snapshot():
            yield self.conn

    @contextlib.contextmanager
    def _read_snapshot(self) -> Iterator[None]:
        try:
            self.conn.execute("BEGIN")  # deferred: a read transaction, never blocks writers in WAL
        except sqlite3.Error as error:
            raise self._failure("read", error) from error
        try:
            yield
        except sqlite3.Error as error:
            raise self._failure("read", error) from error
        finally:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("COMMIT")

    def forget_user(self, user_key: str) -> int:
        """Delete or clear every row that names the user (see :data:`USER_COLUMNS`); returns how many.

        Processed event ids stay: they hold nothing about the user beyond an opaque platform id,
        and keeping them means a platform retry of an old event is still skipped rather than
        replayed into a fresh session. They are pruned after a few days like all events.
        Afterwards the WAL is checkpointed and truncated, so the words are not left in the ``-wal``
        file either (secure_delete already overwrote them in the main file).
        """
        self._kept.drop(user_key)
        with self.transaction():
            changed = forget_rows(self.conn.execute, user_key, self._tables())
        if changed and self.path != MEMORY:
            self._truncate_wal()
        return changed

    def user_mentions(self, user_key: str) -> dict[str, list[dict[str, Any]]]:
        """Rows that belong to a channel or workspace but name the user, for the user's export."""
        with self._lock, self._read_snapshot():
            return mentions(self.conn.execute, user_key, self._tables())

    def _tables(self) -> set[str]:
        return {name for (name,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def _truncate_wal(self) -> None:
        with self._lock:
            try:
                busy, _, _ = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlite3.Error as error:
                busy, reason = 1, str(error)
            else:
                reason = "another connection is reading"
            if busy:
                logger.warning("after a forget the WAL could not be emptied yet (%s); the next checkpoint will",
                               reason)

    def count(self, table: str, user_key: str | None = None) -> int:
        """Row counts, for tests, benchmarks and status output."""
        with self._lock:
            return count_rows(self.conn.execute, table, user_key)

    def reset_sequences(self) -> None:
        """Nothing to do: SQLite's integer primary keys continue after the highest id by themselves."""

    # --- housekeeping ------------------------------------------------------------------------

    def prune_events(self, older_than: timedelta = EVENT_RETENTION, *, now: datetime | None = None) -> int:
        """Forget processed event ids older than the retention; the maintenance thread does this hourly."""
        with self._lock:
            return _prune_events(self.conn, timestamp((now or now_utc()) - older_than))

    def drop_old_words(self, older_than: timedelta, *, now: datetime | None = None) -> int:
        """Blank the words of finished transcripts older than ``older_than``; returns how many turns.

        What the turn said in and out goes (text, choice, replies); the turn row stays with its time
        and scope, and the records (practice scores and outcomes, checklists, valuations) stay, so
        counts, progress and team stats are unchanged. Turns of a practice still in progress keep
        their words. The maintenance thread does this hourly when a retention is configured.
        """
        with self._lock:
            return _drop_old_words(self.conn, timestamp((now or now_utc()) - older_than))[0]

    def backup(self, target: Path | str) -> BackupReport:
        """A consistent copy of the database at ``target``, taken while the bot runs, then verified.

        SQLite's online backup copies one snapshot (in WAL mode writers carry on meanwhile) into a
        temporary file beside ``target``; the copy must pass ``PRAGMA integrity_check`` and have
        this schema before it is renamed into place, so ``target`` is never a half-written file.
        """
        final = Path(target)
        partial = final.with_name(f".{final.name}.partial")
        partial.unlink(missing_ok=True)
        try:
            with contextlib.closing(sqlite3.connect(partial)) as copy:
                with self._lock:
                    self.conn.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
                report = _verify_copy(copy, str(final))
            partial.replace(final)
        except sqlite3.Error as error:
            partial.unlink(missing_ok=True)
            raise StoreError(f"Cannot back up {self.path} to {final}: {_reason(error, str(final))}") from error
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return report

    def checkpoint(self) -> None:
        """A passive WAL checkpoint: never waits on writers or readers."""
        with self._lock:
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def _prune_events(conn: sqlite3.Connection, cutoff: str) -> int:
    """Delete events older than `cutoff` in small batches, each its own short write transaction.

    Each batch finds its oldest events through the time index (no scan of the table), so the write
    lock is held for about PRUNE_BATCH deletes at a time and turns slip in between batches.
    """
    deleted = 0
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            count = conn.execute(
                "DELETE FROM events WHERE event_key IN "
                "(SELECT event_key FROM events WHERE at < ? ORDER BY at LIMIT ?)",
                (cutoff, PRUNE_BATCH),
            ).rowcount
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        deleted += count
        if count < PRUNE_BATCH:
            return deleted


RETENTION_BATCH = 500
_WORDS_LEFT = "(text_in IS NOT NULL OR choice_in IS NOT NULL OR replies != '[]')"


def _drop_old_words(conn: sqlite3.Connection, cutoff: str, after_id: int = 0) -> tuple[int, int]:
    """Blank old turns' words in short batches, walking turns by id (ids grow with time, so no index
    on the time column is needed and the walk stops at the first turn newer than ``cutoff``).

    Returns (turns changed, the id to start after next time).
    """
    changed = 0
    while True:
        rows = conn.execute(
            f"SELECT id, at FROM turns WHERE id > ? AND {_WORDS_LEFT} ORDER BY id LIMIT ?",
            (after_id, RETENTION_BATCH),
        ).fetchall()
        old = [turn_id for turn_id, at in rows if at < cutoff]
        if old:
            conn.execute("BEGIN IMMEDIATE")
            try:
                changed += conn.execute(
                    "UPDATE turns SET text_in = NULL, choice_in = NULL, replies = '[]' "
                    f"WHERE id IN ({', '.join('?' * len(old))}) AND NOT EXISTS ("
                    "SELECT 1 FROM sessions s WHERE s.user_key = turns.user_key AND s.scope = turns.scope "
                    "AND json_extract(s.state, '$.practice.status') = 'active')",
                    old,
                ).rowcount
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            after_id = old[-1]
        if len(old) < len(rows) or len(rows) < RETENTION_BATCH:
            return changed, after_id


@dataclass(frozen=True)
class BackupReport:
    path: str
    schema_version: int
    users: int
    turns: int
    size_bytes: int


def _verify_copy(copy: sqlite3.Connection, shown_as: str) -> BackupReport:
    problems = [row[0] for row in copy.execute("PRAGMA integrity_check(3)")]
    if problems != ["ok"]:
        raise StoreError(f"The backup at {shown_as} failed its integrity check: {'; '.join(problems)}")
    version = copy.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]
    if version != LATEST_SCHEMA:
        raise StoreError(f"The backup at {shown_as} has schema v{version}, expected v{LATEST_SCHEMA}")
    users = copy.execute("SELECT count(*) FROM users").fetchone()[0]
    turns = copy.execute("SELECT count(*) FROM turns").fetchone()[0]
    page_size, pages = (copy.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_size", "page_count"))
    return BackupReport(shown_as, version, users, turns, page_size * pages)


def _prepare_folder(path: str) -> None:
    """Create the database's folder, or say clearly why it cannot be used."""
    target = Path(path)
    if target.is_dir():
        raise _open_error(path, "it is a directory, not a file")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        blocking = next((p for p in target.parents if p.exists() and not p.is_dir()), None)
        reason = (
            f"{blocking} is a file, not a folder"
            if blocking is not None
            else f"cannot create the folder {target.parent} ({error.strerror or type(error).__name__})"
        )
        raise _open_error(path, reason) from error
    if _read_only_mount(target.parent):
        raise _open_error(path, "it is on a read-only file system; Offer Coach needs to write there")


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _check_usable(conn: sqlite3.Connection, path: str) -> None:
    """At start, not at the first turn: the file can be written to and is not damaged.

    ``BEGIN IMMEDIATE`` takes the write lock, which a read-only file refuses; ``quick_check`` reads
    every page once (it skips the slower index cross-checks of ``integrity_check``).
    """
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("ROLLBACK")
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        raise _open_error(
            path,
            "the file is damaged (" + "; ".join(problems) + "). Restore the latest backup "
            "(see `offer-coach backup`), or move the file away to start with an empty database.",
        )


def _is_busy(error: sqlite3.Error) -> bool:
    message = str(error)
    return "database is locked" in message or "database is busy" in message


def _disk_full(path: str | None) -> bool:
    if path is None or path == MEMORY:
        return False
    try:
        usage = shutil.disk_usage(Path(path).parent)
    except OSError:
        return False
    return usage.free < DISK_FULL_BYTES


def _reason(error: BaseException, path: str | None = None) -> str:
    message = str(error) or type(error).__name__
    if "database or disk is full" in message or ("disk I/O error" in message and _disk_full(path)):
        return "the disk is full; free some space and start again"
    if path is not None and path != MEMORY and _read_only_mount(Path(path).parent):
        return "it is on a read-only file system; Offer Coach needs to write there"
    if "unable to open database file" in message:
        return "unable to open the file (does the folder exist and can this user write to it?)"
    if "readonly" in message:
        return "the file is read-only for this user"
    if "file is not a database" in message:
        return "the file is not an Offer Coach database (not SQLite)"
    if "malformed" in message:
        return "the file is damaged (" + message + "); restore the latest backup"
    return message


class _Maintenance:
    """Passive WAL checkpoints and event pruning on a background thread with its own connection.

    A round checkpoints only when this process committed since the last one (``unsaved``): a
    checkpoint that copies the whole WAL makes the next commit restart the log and sync its header,
    so checkpointing an idle store every second would hand that cost to whichever turn comes next,
    the first one after start included (see :meth:`Store.start_wal`).
    """

    def __init__(self, path: str, retention: timedelta | None = None) -> None:
        self.path = path
        self.retention = retention
        # Set by the store on each commit, cleared here before a checkpoint (a plain attribute:
        # a commit setting it again during the checkpoint only brings the next one forward).
        self.unsaved = False
        self._words_done_up_to = 0  # turns up to this id have had their old words dropped
        self._last_prune: float | None = None  # monotonic time of the last pruning (None: never)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="offer-coach-store-maintenance", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        try:
            conn = _connect(self.path)
        except sqlite3.Error:
            logger.warning("store maintenance could not open the database; automatic checkpoints only")
            return
        try:
            while True:
                self._wake.wait(CHECKPOINT_INTERVAL_SECONDS)
                self._wake.clear()
                if self._stop.is_set():
                    break
                try:
                    self.round(conn)
                except sqlite3.Error as error:
                    logger.warning("store maintenance skipped a round: %s", error)
        finally:
            conn.close()

    def round(self, conn: sqlite3.Connection) -> None:
        """One round on `conn`: a passive checkpoint if a commit wrote rows since the last one,
        and the pruning when it is due (on the first round, then hourly)."""
        if self.unsaved:
            self.unsaved = False
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        if self._last_prune is None or time.monotonic() - self._last_prune >= PRUNE_INTERVAL_SECONDS:
            self._last_prune = time.monotonic()
            _prune_events(conn, timestamp(now_utc() - EVENT_RETENTION))
            if self.retention is not None:
                cutoff = timestamp(now_utc() - self.retention)
                _, self._words_done_up_to = _drop_old_words(conn, cutoff, self._words_done_up_to)
