"""Fixtures every folder shares: a store on each back end (SQLite file, PostgreSQL schema), and the
garbage collector as each test found it; kept session states are verified (see KeptStates)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.storage.common import KeptStates
from tests.support import databases

# Every state a store hands back unparsed is checked against what parsing its JSON gives: the whole
# suite is then a check that keeping states changes nothing a turn sees.
KeptStates.verify = True

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a test's store lives: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield str(tmp_path / "coach.db")
        return
    with databases.postgres_schema() as url:
        yield url


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    """A server started in a test settles the heap as in production (adapters.lifecycle.settle_heap):
    in one test process that would keep every earlier test's objects out of collection for good."""
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL schema of the test's own (skips, or fails where required, without a server)."""
    with databases.postgres_schema() as url:
        yield url


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    skipped = terminalreporter.stats.get("skipped", [])
    if any("PostgreSQL tests skipped" in str(getattr(report, "longrepr", "")) for report in skipped):
        terminalreporter.write_line(databases.HOW_TO_RUN.format(url=databases.server_url()))
