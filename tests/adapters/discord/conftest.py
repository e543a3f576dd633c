"""Fixtures shared by the Discord adapter's tests: a clean environment and the local fake Discord."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.fake_discord import FakeDiscord


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No DISCORD_* variable and no stray `.env` from the developer's machine reach the settings."""
    monkeypatch.chdir(tmp_path)
    for name in [name for name in os.environ if name.startswith("DISCORD_")]:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
async def fake(request: pytest.FixtureRequest) -> AsyncIterator[FakeDiscord]:
    """The fake Discord, running, with the test module's GUILD as its one server."""
    async with FakeDiscord(guild_ids=(request.module.GUILD,)) as running:
        yield running
