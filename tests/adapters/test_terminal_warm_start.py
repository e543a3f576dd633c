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
