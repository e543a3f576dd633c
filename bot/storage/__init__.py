"""Persistence behind one store protocol (:mod:`bot.storage.protocol`): sessions, turns, processed
events, team channels, versioned migrations; SQLite by default, PostgreSQL by URL.

May import the top-level session and messages models only; no business logic lives here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.storage.protocol import CoachStore

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: str | Path | None) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def open_store(target: str | Path, *, maintenance: bool = True, **options: object) -> CoachStore:
    """The store at `target`: a ``postgresql://`` URL, or a SQLite file path (``sqlite:///path`` or a
    plain path). PostgreSQL needs the ``postgres`` extra (psycopg); SQLite needs nothing."""
    if is_postgres(target):
        from bot.storage.store import StoreError

        try:
            from bot.storage.postgres import PostgresStore
        except ImportError as error:
            raise StoreError("PostgreSQL needs psycopg: pip install 'offer-coach[postgres]'") from error
        return PostgresStore(str(target), maintenance=maintenance, **options)  # type: ignore[arg-type]
    from bot.storage.store import Store

    text = str(target)
    if text.startswith("sqlite:///"):
        text = text.removeprefix("sqlite://")
    return Store(text, maintenance=maintenance, **options)  # type: ignore[arg-type]
