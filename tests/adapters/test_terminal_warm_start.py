"""The terminal warms the coach up after its menu and before the first prompt (issue 14).

Counted, not timed: the menu comes first (it needs no reading), then the reader is built, so the
first line a user types is read as quickly as the next.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest

from adapters.terminal import run_chat
from bot.config import CoreSettings
from bot.messages import Incoming, Reply
from bot.service import CoachService
from tests.support.builds import count_builds


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Recording:
    """The service, noting how much had been built when each turn started."""

    def __init__(self, inner: CoachService, builds: dict[str, int]) -> None:
        self.inner = inner
        self.builds = builds
        self.seen: list[tuple[str | None, dict[str, int]]] = []

    async def handle(self, incoming: Incoming) -> list[Reply]:
        self.seen.append((incoming.text, dict(self.builds)))
        return await self.inner.handle(incoming)

    def handle_sync(self, incoming: Incoming) -> list[Reply]:  # what the terminal calls on the service
        self.seen.append((incoming.text, dict(self.builds)))
        return self.inner.handle_sync(incoming)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def test_the_first_typed_line_builds_no_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds = count_builds(monkeypatch)
    service = CoachService.from_settings(CoreSettings(db=tmp_path / "c.db"))
    coach = _Recording(service, builds)
    typed = "practice growth_startup\nI'd like a base of 150k, could you do that?\n"
    monkeypatch.setattr(sys, "stdin", _Terminal(typed))  # what input() reads
    out = _Terminal()
    try:
        assert run_chat(coach, "ana", _Terminal(typed), out) == 0  # type: ignore[arg-type]
    finally:
        service.close()
    assert [text for text, _ in coach.seen] == ["help", "practice growth_startup",
                                               "I'd like a base of 150k, could you do that?"]
    assert coach.seen[0][1]["readers"] == 0  # the menu is shown before anything is built
    assert all(counts == {"readers": 1, "playbooks": 1} for _, counts in coach.seen[1:])
    assert builds == {"readers": 1, "playbooks": 1}
    assert "150" in out.getvalue()


class _Watching(_Recording):
    """The service, noting at each turn's start what had been imported, compiled and logged; before
    the first typed line a round of the store's maintenance runs, as a second of typing allows."""

    def __init__(self, inner: CoachService, db: Path, compiled: list[str]) -> None:
        super().__init__(inner, {})
        self.db = db
        self.compiled = compiled
        self.marks: list[tuple[set[str], int, bytes]] = []

    def handle_sync(self, incoming: Incoming) -> list[Reply]:
        import sqlite3

        from tests.support.builds import wal_header

        if len(self.marks) == 1:
            conn = sqlite3.connect(self.db, isolation_level=None)
            self.inner.store._maintenance.round(conn)  # type: ignore[attr-defined]
            conn.close()
        self.marks.append((set(sys.modules), len(self.compiled), wal_header(self.db)))
        return self.inner.handle_sync(incoming)


def test_the_first_typed_line_imports_compiles_and_restarts_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted, not timed: between the first typed line and the next, nothing is imported or
    compiled, and the first typed line's commit does not restart the store's log (the menu's turn
    wrote before the warm-up, and a maintenance round passed since)."""
    from tests.support.builds import count_compiles, wal_header

    db = tmp_path / "c.db"
    service = CoachService.from_settings(CoreSettings(db=db))
    compiled = count_compiles(monkeypatch)
    coach = _Watching(service, db, compiled)
    typed = "practice growth_startup\nI'd like a base of 150k, could you do that?\n"
    monkeypatch.setattr(sys, "stdin", _Terminal(typed))
    try:
        assert run_chat(coach, "ana", _Terminal(typed), _Terminal()) == 0  # type: ignore[arg-type]
        final_log = wal_header(db)
    finally:
        service.close()
    (_, _, _), (first_modules, first_compiled, first_log), (next_modules, next_compiled, next_log) = coach.marks
    assert sorted(next_modules - first_modules) == []
    assert next_compiled == first_compiled
    assert next_log == first_log  # the first typed line's commit was an ordinary one
    assert final_log  # (and there was a log to look at)
