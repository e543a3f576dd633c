"""Fixtures shared by the Slack adapter's tests: a clean environment and the local Fake Slack."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.fake_slack import FakeSlack


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No SLACK_* or OFFER_COACH_* variable and no stray `.env` from the developer's machine reach
    the settings: a SLACK_APP_TOKEN left in a shell would otherwise turn every HTTP test into Socket Mode."""
    monkeypatch.chdir(tmp_path)
    for name in [name for name in os.environ if name.startswith(("SLACK_", "OFFER_COACH_"))]:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    """The Fake Slack, running: its Web API, response_urls and Socket Mode WebSocket."""
    async with FakeSlack() as running:
        yield running
