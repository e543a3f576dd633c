"""What every store offers, whatever database is behind it: the protocol the service, the team
channels, export/forget, the OAuth installation store and the ``db`` commands go through.

Two implementations: :class:`bot.storage.store.Store` (SQLite, the embedded default) and
:class:`bot.storage.postgres.PostgresStore` (several processes or hosts on one PostgreSQL).
SQL handed to :meth:`CoachStore.execute` is written once with ``?`` placeholders in the subset
both databases read the same (``INSERT ... ON CONFLICT``, no ``INSERT OR IGNORE``); the PostgreSQL
store rewrites the placeholders. Row-locking clauses differ, so they come from :class:`Dialect`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from bot.storage.store import LoadedSession, TurnWrite, UserData


class Rows(Protocol):
    """A statement's result: what sqlite3's and psycopg's cursors both offer."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Sql(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows: ...


class StoreError(Exception):
    """The database cannot be opened or written; the message names the path and says why.

    Defined with the protocol, as any store raises it (still importable from :mod:`bot.storage.store`),
    so the command line can catch it without importing a store.
    """


@dataclass(frozen=True)
class Dialect:
    """The clauses that differ: appended to a SELECT that claims rows for this transaction."""

    name: str
    skip_locked: str  # rows another transaction is claiming are passed over, not waited for
    for_update: str  # the rows read stay ours until commit


SQLITE = Dialect("sqlite", skip_locked="", for_update="")  # BEGIN IMMEDIATE already serialises writers
POSTGRES = Dialect("postgresql", skip_locked=" FOR UPDATE SKIP LOCKED", for_update=" FOR UPDATE")


class Commit(enum.Enum):
    """How a turn's write transaction ended."""

    saved = "saved"
    duplicate = "duplicate"  # the event id was processed already (by this or another process)
    conflict = "conflict"  # the session changed since it was read: read again, step again


class CoachStore(Protocol):
    """The store protocol. All methods are synchronous and short: one transaction at most."""

    url: str  # where the data lives, without any password
    dialect: Dialect

    def close(self) -> None: ...

    def schema_version(self) -> int: ...

    # --- generic SQL, for modules beside the store (bot/teams, the OAuth installation store) ---
    def transaction(self) -> AbstractContextManager[None]: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        """Run one statement inside the current :meth:`transaction` of this thread."""
        ...

    def snapshot(self) -> AbstractContextManager[Sql]: ...

    # --- the per-turn path -------------------------------------------------------------------
    def load_session(self, user_key: str, scope: str) -> LoadedSession: ...

    def commit_turn(self, turn: TurnWrite, *, event_key: str | None = None) -> Commit:
        """In one short transaction: claim the event, check the session is still at the version
        it was read at, write the state, append the turn, insert the records.

        The turn's state is handed over: the store may keep the object and give it back from the
        session's next :meth:`load_session` instead of parsing the JSON it wrote, so the caller
        must not change it after this call."""
        ...

    # --- a user's data, housekeeping --------------------------------------------------------
    def user_data(self, user_key: str, *, with_turns: bool = True) -> UserData: ...

    def forget_user(self, user_key: str) -> int:
        """Delete the user's rows and clear their name from channel and workspace rows."""
        ...

    def user_mentions(self, user_key: str) -> dict[str, list[dict[str, Any]]]:
        """Channel and workspace rows that name the user, by export section."""
        ...

    def count(self, table: str, user_key: str | None = None) -> int: ...

    def prune_events(self, older_than: timedelta = ..., *, now: datetime | None = None) -> int: ...

    def drop_old_words(self, older_than: timedelta, *, now: datetime | None = None) -> int:
        """Blank the words of finished transcripts older than ``older_than`` (the retention)."""
        ...

    def reset_sequences(self) -> None:
        """After rows were copied in with their ids: new rows continue after the highest id."""
        ...
