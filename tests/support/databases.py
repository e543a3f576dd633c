"""Databases for tests: a SQLite file, or a PostgreSQL schema of the test's own.

The PostgreSQL server is found at ``OFFER_COACH_TEST_POSTGRES`` (default: the local one, trust
authentication, database ``test``). Each test gets a fresh schema, dropped afterwards, so two
suites can run at once on one server. Without a server the PostgreSQL tests skip, unless
``OFFER_COACH_REQUIRE_POSTGRES=1`` (CI) makes that a failure.
"""

from __future__ import annotations

import contextlib
import functools
import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/test"
HOW_TO_RUN = (
    "PostgreSQL tests skipped: no server at OFFER_COACH_TEST_POSTGRES={url}; start PostgreSQL there (or point "
    "the variable at one) to run them; OFFER_COACH_REQUIRE_POSTGRES=1 makes this a failure"
)


def server_url() -> str:
    return os.environ.get("OFFER_COACH_TEST_POSTGRES", DEFAULT_SERVER)


def required() -> bool:
    return os.environ.get("OFFER_COACH_REQUIRE_POSTGRES", "") not in ("", "0")


@functools.cache
def _reachable() -> str | None:
    """None when the server answers, else why not."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install -e '.[postgres]')"
    try:
        with psycopg.connect(server_url(), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return None


def require_postgres() -> None:
    """Skip (or, where required, fail) this test when no PostgreSQL server answers."""
    problem = _reachable()
    if problem is None:
        return
    message = HOW_TO_RUN.format(url=server_url())
    if required():
        pytest.fail(f"PostgreSQL is required here but unreachable ({problem})", pytrace=False)
    pytest.skip(message)


def with_schema(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-csearch_path={schema}')}"


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL whose connections work in a new, empty schema; the schema is dropped afterwards."""
    import psycopg

    require_postgres()
    schema = f"t_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server_url(), autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")  # type: ignore[arg-type]
    try:
        yield with_schema(server_url(), schema)
    finally:
        with psycopg.connect(server_url(), autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")  # type: ignore[arg-type]


def schema_of(url: str) -> str:
    return url.rsplit("search_path%3D", 1)[-1]
