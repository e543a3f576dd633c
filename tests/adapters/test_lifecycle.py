"""Before an adapter says it is ready: the coach is warmed up, and nothing about it is stored."""

from __future__ import annotations

from pathlib import Path

from adapters.lifecycle import warm_up
from bot.config import CoreSettings
from bot.messages import Reply
from bot.service import CoachService
from tests.support.slack_rig import ScriptedEngine


def test_warm_up_builds_the_reader_and_renders_replies_without_storing_anything(tmp_path: Path) -> None:
    service = CoachService.from_settings(CoreSettings(db=tmp_path / "c.db"))
    understander = service.engine.understander  # type: ignore[attr-defined]
    assert understander._real is None  # built lazily: the first user would pay for it
    rendered: list[Reply] = []
    warm_up(service, rendered.append)
    assert understander._real is not None
    assert any(reply.speaker for reply in rendered)  # the recruiter spoke: the practice really ran
    assert service.store.count("sessions") == service.store.count("turns") == 0
    service.close()


def test_a_coach_without_an_engine_has_nothing_to_warm() -> None:
    from bot.storage.store import Store

    rendered: list[Reply] = []
    warm_up(CoachService(Store(":memory:"), ScriptedEngine()), rendered.append)
    assert rendered == []
