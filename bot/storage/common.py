"""The store's SQL written once for both databases, and the rows it reads and writes.

Everything here takes an ``execute(sql, params)`` callable with ``?`` placeholders, so the SQLite
and PostgreSQL stores run the same statements: one definition of a turn's write, of a user's data,
of what forgetting deletes and of which tables ``db copy`` moves.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple, Protocol, Self

from pydantic import TypeAdapter, ValidationError

from bot.messages import Reply
from bot.session import SCHEMA_VERSION, Record, SessionState
from bot.storage.protocol import Commit, Rows

logger = logging.getLogger(__name__)

Execute = Callable[[str, Sequence[Any]], Rows]

ARCHIVED_SESSION_KIND = "archived_session"

STALE_STATE_NOTICE = (
    "Your saved session came from another version of Offer Coach and could not be carried over, "
    "so we are starting fresh. Your finished practices and checklists are kept, and the old "
    "session is still included in your `export`."
)

# Every table and its columns, in an order that copies parents before children; `db copy` and
# `db check` go through this list, so a new table must be added here to be carried across.
TABLES: dict[str, tuple[str, ...]] = {
    "users": ("key", "platform", "created_at"),
    "sessions": ("user_key", "scope", "state", "schema_version", "updated_at", "version"),
    "turns": ("id", "user_key", "scope", "at", "text_in", "choice_in", "replies"),
    "events": ("event_key", "at"),
    "records": ("id", "user_key", "kind", "key", "data", "at"),
    "team_subscriptions": (
        "channel_key", "platform", "tenant", "channel", "weekday", "at_time", "timezone", "frequency", "kinds",
        "stats", "paused", "anchor", "next_due", "cycle", "claimed_by", "claimed_until", "created_by",
        "created_at", "updated_at",
    ),
    "team_posts": ("id", "channel_key", "tip_key", "cycle", "due_at", "posted_at"),
    "team_mutes": ("channel_key", "user_key", "at"),
    "team_optins": ("channel_key", "user_key", "at"),
    "team_shares": ("share_id", "channel_key", "checklist", "created_by", "created_at"),
    "team_share_starts": ("share_id", "user_key", "started_at"),
    "oauth_installations": ("client_id", "enterprise_id", "team_id", "user_id", "installed_at", "data"),
    "oauth_bots": ("client_id", "enterprise_id", "team_id", "installed_at", "data"),
}
# Tables with an integer id the database assigns; after a copy their sequences continue past it.
IDENTITY_TABLES = ("turns", "records", "team_posts")

_replies_adapter: TypeAdapter[list[Reply]] = TypeAdapter(list[Reply])
_replies_serializer = _replies_adapter.serializer
_state_serializer = SessionState.__pydantic_serializer__


def now_utc() -> datetime:
    return datetime.now(UTC)


def timestamp(moment: datetime) -> str:
    """A sortable UTC ISO timestamp; naive datetimes are taken as UTC."""
    if moment.tzinfo is not UTC:  # the clock's own times are in UTC already: no conversion
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.isoformat(timespec="microseconds")


@dataclass(frozen=True)
class LoadedSession:
    state: SessionState
    existed: bool  # a row was stored for this session (so the user row exists too)
    notice: str | None = None  # set when a stored state could not be carried over
    version: int | None = None  # the row's version when read; None when there was no row
    stale: tuple[str, int] | None = None  # (text, schema version) of a state that could not be read


@dataclass(frozen=True)
class TurnWrite:
    user_key: str
    platform: str
    scope: str
    at: datetime | str  # a str is taken as already formatted by timestamp()
    text_in: str | None
    choice_in: str | None
    replies: list[Reply]
    state: SessionState | None  # None keeps the stored state as it is
    records: list[Record]
    user_known: bool  # skip the users insert when the session row already proved the user exists
    # For commit_turn: the session version the step started from (None: there was no row), and a
    # stored state that could not be read, to archive in the same transaction.
    expected_version: int | None = None
    archive: tuple[str, int] | None = None


@dataclass(frozen=True)
class StoredRecord:
    kind: str
    key: str
    data: dict[str, Any]
    at: str


@dataclass(frozen=True)
class StoredSession:
    scope: str
    state: dict[str, Any] | None  # None when the stored JSON is unreadable
    schema_version: int
    updated_at: str


@dataclass(frozen=True)
class StoredTurn:
    scope: str
    at: str
    text_in: str | None
    choice_in: str | None
    replies: list[dict[str, Any]]


@dataclass(frozen=True)
class UserData:
    """Everything stored about one user, for export and the App Home view."""

    user_key: str
    platform: str | None
    created_at: str | None
    sessions: list[StoredSession]
    records: list[StoredRecord]
    turns: list[StoredTurn]

    @property
    def exists(self) -> bool:
        return bool(self.created_at or self.sessions or self.records or self.turns)


# --- every column that can name a user -----------------------------------------------------------


@dataclass(frozen=True)
class UserColumn:
    """A column that can hold a user's key (or their platform id), and what forget and export do.

    ``forget`` is "delete" for the user's own rows and "clear" for rows that belong to a channel or
    a workspace and only name the user (who set up a team channel, who installed the app): the row
    stays for everyone else, the name goes. tests/storage/test_user_data_coverage.py walks the
    schema and fails on any column that can name a user and is not listed here.
    """

    table: str
    column: str
    forget: str  # "delete" | "clear"
    export: str  # the section of the user's export that carries these rows
    exported: tuple[str, ...] = ()  # for "clear" rows: the columns the export shows
    cleared_to: str | None = None  # what a cleared column holds afterwards ("" where NULL is not allowed)
    also_clear: tuple[str, ...] = ()  # more of the user's columns in the same row (their tokens)
    platform_id_in: str | None = None  # the column holds the platform's user id; this column holds the tenant
    optional: bool = False  # a table that exists only in some set-ups; the store's own tables must exist

    def match(self, user_key: str) -> tuple[str, tuple[str, ...]] | None:
        """The WHERE clause and parameters selecting this user's rows, or None when it cannot apply."""
        if self.platform_id_in is None:
            return f"{self.column} = ?", (user_key,)
        platform, _, rest = user_key.partition(":")
        tenant, _, user_id = rest.partition(":")
        if platform != self.table.split("_", 1)[0] or not tenant or not user_id:
            return None
        return f"{self.platform_id_in} = ? AND {self.column} = ?", (tenant, user_id)


USER_COLUMNS: tuple[UserColumn, ...] = (
    UserColumn("turns", "user_key", "delete", "turns"),
    UserColumn("records", "user_key", "delete", "practices"),
    UserColumn("sessions", "user_key", "delete", "checklists"),  # and practices_in_progress
    UserColumn("users", "key", "delete", "user"),
    UserColumn("team_mutes", "user_key", "delete", "team.muted_channels"),
    UserColumn("team_optins", "user_key", "delete", "team.stats_joined"),
    UserColumn("team_share_starts", "user_key", "delete", "team.shared_checklists_started"),
    UserColumn("team_subscriptions", "created_by", "clear", "team.channels_set_up",
               exported=("channel_key", "created_at")),
    UserColumn("team_shares", "created_by", "clear", "team.checklists_shared",
               exported=("channel_key", "checklist", "created_at")),
    # Bolt's installation store (multi-workspace Slack) shares the file: the installer's id and
    # user token go; the workspace's bot installation stays so the app keeps working there.
    UserColumn("slack_installations", "user_id", "clear", "team.slack_installations",
               exported=("team_id", "team_name", "user_scopes", "installed_at"), cleared_to="",
               also_clear=("user_token", "user_refresh_token", "user_scopes", "user_token_expires_at"),
               platform_id_in="team_id", optional=True),
)


# State migrations: raw JSON dict at version N -> dict at version N + 1. A version with no entry
# here cannot be carried forward, and the session starts fresh with a notice.
STATE_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


# --- the per-turn path -----------------------------------------------------------------------


# How many sessions' states a store keeps parsed (see KeptStates): about 20 KB each, so a few MB.
KEPT_STATES = 256


class KeptStates:
    """The states this process last wrote, kept parsed with the JSON they were written as, so the
    session's next turn takes the object back instead of parsing the same JSON again (parsing was
    about a tenth of the service's own work per turn).

    A kept state is handed out only when the row read holds exactly the JSON it was written as, so
    a session another process, a forget or a restore changed since is parsed as always; and it is
    handed out once (:meth:`take` removes it), because the engine changes the state it is given in
    place. Whoever passes a state to ``commit_turn`` therefore hands it over: the store keeps it
    and the caller must not change it afterwards (the service never does).

    With ``verify`` set (the test suite sets it) every state handed out is first compared with
    what parsing its JSON gives, so a state that would not read back the same fails loudly there.
    """

    verify = False

    def __init__(self, size: int = KEPT_STATES) -> None:
        self.size = size
        self._kept: dict[tuple[str, str], tuple[str, SessionState]] = {}
        self._lock = threading.Lock()

    def keep(self, user_key: str, scope: str, text: str, state: SessionState) -> None:
        with self._lock:
            kept = self._kept
            kept.pop((user_key, scope), None)  # re-inserted last: the dict's order is the use order
            kept[(user_key, scope)] = (text, state)
            if len(kept) > self.size:
                del kept[next(iter(kept))]

    def take(self, user_key: str, scope: str, text: str) -> SessionState | None:
        """The state written as `text` for this session, if this process kept it; None otherwise."""
        with self._lock:
            kept = self._kept.pop((user_key, scope), None)
        if kept is None or kept[0] != text:
            return None
        if self.verify:
            _same_as_parsed(kept[1], text)
        return kept[1]

    def drop(self, user_key: str | None = None) -> None:
        """Forget the kept states of one user (every scope), or of everyone."""
        with self._lock:
            if user_key is None:
                self._kept.clear()
            else:
                for key in [key for key in self._kept if key[0] == user_key]:
                    del self._kept[key]

    def __len__(self) -> int:
        return len(self._kept)


def _same_as_parsed(state: SessionState, text: str) -> None:
    parsed = SessionState.__pydantic_validator__.validate_json(text)
    # repr tells 1 from 1.0 and a list from a tuple, which == does not
    if repr(parsed.model_dump()) != repr(state.model_dump()):
        raise AssertionError(f"a kept session state differs from its stored JSON:\n{state!r}\n{parsed!r}")


def read_session(execute: Execute, user_key: str, scope: str, *, lock: str = "",
                 kept: KeptStates | None = None) -> LoadedSession:
    """The stored state with its version, or a fresh one; a state that cannot be read is reported
    in ``stale`` (archived by the turn's commit) rather than raised. `lock` is the dialect's
    FOR UPDATE, for a turn that steps while holding the row; `kept`, the store's kept states,
    which spare parsing a state this process wrote itself."""
    row = execute(
        "SELECT state, schema_version, version FROM sessions WHERE user_key = ? AND scope = ?" + lock,
        (user_key, scope),
    ).fetchone()
    if row is None:
        return LoadedSession(SessionState(), existed=False)
    text, schema, version = row
    if schema == SCHEMA_VERSION:
        state = kept.take(user_key, scope, text) if kept is not None else None
        if state is not None:
            return LoadedSession(state, existed=True, version=version)
        try:
            return LoadedSession(SessionState.model_validate_json(text), existed=True, version=version)
        except ValidationError:
            pass
    else:
        migrated = migrate_state(text, schema)
        if migrated is not None:
            return LoadedSession(migrated, existed=True, version=version)
    logger.warning("stored session state (schema %s) could not be loaded; starting fresh", schema)
    return LoadedSession(SessionState(), existed=True, notice=STALE_STATE_NOTICE, version=version,
                         stale=(text, schema))


class _RolledBack(Exception):
    """Raised at the end of :func:`rolled_back`'s block so that its transaction rolls back."""


class _Transactional(Protocol):
    def transaction(self) -> AbstractContextManager[None]: ...


@contextmanager
def rolled_back(store: _Transactional) -> Iterator[None]:
    """A write transaction on `store` that always rolls back: the block's statements run (prepared,
    their pages cached) and leave nothing behind. For rehearsing before serving."""
    try:
        with store.transaction():
            yield
            raise _RolledBack
    except _RolledBack:
        pass


def start_log(store: object) -> None:
    """Where the store keeps a write-ahead log (SQLite's :meth:`Store.start_wal`), start it now, so
    the first user's commit is an ordinary one; PostgreSQL has nothing to start."""
    start_wal = getattr(store, "start_wal", None)
    if start_wal is not None:
        start_wal()


class Aborted(Exception):
    """Raised inside a turn's transaction so that it rolls back; carries how it ended."""

    def __init__(self, result: Commit) -> None:
        super().__init__(result.value)
        self.result = result


class Statement(NamedTuple):
    """One statement of a turn (a tuple: a turn builds three or four, and a frozen dataclass costs
    several times as much to build)."""

    sql: str
    params: tuple[Any, ...]
    must_change_one_row: Commit | None = None  # else the turn ends this way (and rolls back)


def written_state(turn: TurnWrite) -> tuple[str, SessionState] | None:
    """The state the turn writes and its JSON, dumped once (None: the stored state stays)."""
    state = turn.state if turn.state is not None or turn.expected_version is not None else SessionState()
    return None if state is None else (state_json(state), state)


def state_json(state: SessionState) -> str:
    """``state.model_dump_json()``, by the serializer itself (the method's keyword handling is a
    tenth of the dump of a practice state)."""
    return _state_serializer.to_json(state).decode()


def turn_statements(turn: TurnWrite, event_key: str | None, state_text: str | None = None) -> list[Statement]:
    """A turn's statements in order. The event is claimed first and the session row written next,
    so on PostgreSQL its row lock orders concurrent turns of one session before anything else.
    `state_text`: the state's JSON when the caller has it already (:func:`written_state`)."""
    at = turn.at if isinstance(turn.at, str) else timestamp(turn.at)
    statements = []
    if event_key is not None:
        statements.append(Statement(
            "INSERT INTO events (event_key, at) VALUES (?, ?) ON CONFLICT (event_key) DO NOTHING",
            (event_key, at), Commit.duplicate))
    statements.append(_session_statement(turn, at, state_text))
    if not turn.user_known:
        statements.append(Statement(
            "INSERT INTO users (key, platform, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING",
            (turn.user_key, turn.platform, at)))
    statements.extend(append_statements(turn, at))
    return statements


def write_turn(execute: Execute, turn: TurnWrite, event_key: str | None, state_text: str | None = None) -> None:
    """Run the turn's statements; raises :class:`Aborted` (so the caller rolls back) on a duplicate
    event or a session that moved on since it was read."""
    for statement in turn_statements(turn, event_key, state_text):
        changed = execute(statement.sql, statement.params).rowcount
        if statement.must_change_one_row is not None and changed != 1:
            raise Aborted(statement.must_change_one_row)


def _session_statement(turn: TurnWrite, at: str, state_text: str | None) -> Statement:
    """Write the state only if the row is still at the version the step started from."""
    if turn.expected_version is None:
        state = turn.state or SessionState()
        return Statement(
            "INSERT INTO sessions (user_key, scope, state, schema_version, updated_at, version) "
            "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (user_key, scope) DO NOTHING",
            (turn.user_key, turn.scope, state_text or state_json(state), state.schema_version, at),
            Commit.conflict)
    if turn.state is None:  # the state stays; the version still moves, so the turn is ordered
        return Statement(
            "UPDATE sessions SET version = version + 1 WHERE user_key = ? AND scope = ? AND version = ?",
            (turn.user_key, turn.scope, turn.expected_version), Commit.conflict)
    return Statement(
        "UPDATE sessions SET state = ?, schema_version = ?, updated_at = ?, version = version + 1 "
        "WHERE user_key = ? AND scope = ? AND version = ?",
        (state_text or state_json(turn.state), turn.state.schema_version, at, turn.user_key, turn.scope,
         turn.expected_version), Commit.conflict)


def append_statements(turn: TurnWrite, at: str) -> list[Statement]:
    """The append-only part of a turn: the transcript line, finished records, an archived state."""
    statements = [Statement(
        "INSERT INTO turns (user_key, scope, at, text_in, choice_in, replies) VALUES (?, ?, ?, ?, ?, ?)",
        (turn.user_key, turn.scope, at, turn.text_in, turn.choice_in,
         _replies_serializer.to_json(turn.replies, exclude_defaults=True).decode()))]
    for record in turn.records:
        statements.append(Statement(
            "INSERT INTO records (user_key, kind, key, data, at) VALUES (?, ?, ?, ?, ?)",
            (turn.user_key, record.kind, record.key, json.dumps(record.data), at)))
    if turn.archive is not None:
        text, version = turn.archive
        data = json.dumps({"scope": turn.scope, "schema_version": version, "state": text})
        statements.append(Statement(
            "INSERT INTO records (user_key, kind, key, data, at) VALUES (?, ?, ?, ?, ?)",
            (turn.user_key, ARCHIVED_SESSION_KIND, turn.scope, data, at)))
    return statements


def append_turn(execute: Execute, turn: TurnWrite, at: str) -> None:
    for statement in append_statements(turn, at):
        execute(statement.sql, statement.params)


# --- a user's data -----------------------------------------------------------------------------


def read_user_data(execute: Execute, user_key: str, *, with_turns: bool) -> UserData:
    """All of one user's rows; call inside a snapshot so they are consistent."""
    user = execute("SELECT platform, created_at FROM users WHERE key = ?", (user_key,)).fetchone()
    sessions = [
        StoredSession(scope, json_or_none(state), version, updated_at)
        for scope, state, version, updated_at in execute(
            "SELECT scope, state, schema_version, updated_at FROM sessions WHERE user_key = ? ORDER BY scope",
            (user_key,),
        )
    ]
    records = [
        StoredRecord(kind, key, json_or_none(data) or {}, at)
        for kind, key, data, at in execute(
            "SELECT kind, key, data, at FROM records WHERE user_key = ? ORDER BY id", (user_key,)
        )
    ]
    turns = (
        [
            StoredTurn(scope, at, text_in, choice_in, json_or_none(replies) or [])
            for scope, at, text_in, choice_in, replies in execute(
                "SELECT scope, at, text_in, choice_in, replies FROM turns WHERE user_key = ? ORDER BY id",
                (user_key,),
            )
        ]
        if with_turns
        else []
    )
    return UserData(
        user_key=user_key,
        platform=user[0] if user else None,
        created_at=user[1] if user else None,
        sessions=sessions,
        records=records,
        turns=turns,
    )


def forget_rows(execute: Execute, user_key: str, tables: set[str]) -> int:
    """Delete or clear every row that names the user (inside the caller's transaction); returns how
    many rows changed. `tables` are those that exist, for the optional ones."""
    changed = 0
    for column in USER_COLUMNS:
        if column.optional and column.table not in tables:
            continue  # Slack's installation tables exist only in some set-ups
        match = column.match(user_key)
        if match is None:
            continue
        where, params = match
        if column.forget == "delete":
            changed += execute(f"DELETE FROM {column.table} WHERE {where}", params).rowcount
            continue
        cleared = ", ".join(f"{name} = ?" for name in (column.column, *column.also_clear))
        values = (column.cleared_to, *([None] * len(column.also_clear)), *params)
        changed += execute(f"UPDATE {column.table} SET {cleared} WHERE {where}", values).rowcount
    return changed


def mentions(execute: Execute, user_key: str, tables: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Rows of channels and workspaces that name the user, by export section (inside a snapshot)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for column in USER_COLUMNS:
        match = column.match(user_key)
        if not column.exported or (column.optional and column.table not in tables) or match is None:
            continue
        where, params = match
        shown = ", ".join(column.exported)
        rows = execute(f"SELECT {shown} FROM {column.table} WHERE {where}", params)
        section = column.export.rpartition(".")[2]
        found.setdefault(section, []).extend(dict(zip(column.exported, row, strict=True)) for row in rows)
    return found


COUNTED_TABLES = frozenset({"users", "sessions", "turns", "events", "records"})


def count_rows(execute: Execute, table: str, user_key: str | None) -> int:
    if table not in COUNTED_TABLES:
        raise ValueError(f"unknown table {table!r}")
    if user_key is None:
        return int(execute(f"SELECT count(*) FROM {table}", ()).fetchone()[0])
    column = "key" if table == "users" else "user_key"
    return int(execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", (user_key,)).fetchone()[0])


PRUNE_BATCH = 200


def stale_events(execute: Execute, cutoff: str) -> list[str]:
    """Up to one batch of event ids older than `cutoff`, found through the time index."""
    return [key for (key,) in execute(
        "SELECT event_key FROM events WHERE at < ? ORDER BY at LIMIT ?", (cutoff, PRUNE_BATCH))]


def migrate_state(text: str, version: int) -> SessionState | None:
    if version > SCHEMA_VERSION:
        return None  # written by a newer Offer Coach; we cannot know what it means
    try:
        raw = json.loads(text)
        while version < SCHEMA_VERSION:
            step = STATE_MIGRATIONS.get(version)
            if step is None:
                return None
            raw = step(raw)
            version += 1
        raw["schema_version"] = SCHEMA_VERSION
        return SessionState.model_validate(raw)
    except (ValueError, TypeError, KeyError, ValidationError):
        return None


def json_or_none(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


class _Background(Protocol):
    def stop(self) -> None: ...


class Closing:
    """How both stores end: stop their background maintenance, then release their connections."""

    _maintenance: _Background | None

    def close(self) -> None:
        if self._maintenance is not None:
            self._maintenance.stop()
            self._maintenance = None
        self._release()

    def _release(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
