"""The first user after `run discord` starts gets a reply as quick as the next one (issue 14).

The reader's patterns were built on the first message that needed reading, so the first DM after a
start took a second or more. The runner now warms the coach up before it connects; counted here,
not timed: from the moment Discord sees the bot, no reader is built and no playbook is loaded.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import discord
import pytest

from adapters.discord import views
from adapters.discord.config import DiscordSettings
from adapters.discord.runner import serve
from bot.config import CoreSettings
from tests.support.builds import count_builds
from tests.support.fake_discord import FakeDiscord

GUILD = 778 << 22
ALICE = 3101


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    return count_builds(monkeypatch)


async def test_the_first_dm_after_start_builds_no_reader_and_loads_no_playbooks(
        fake: FakeDiscord, tmp_path: Path, builds: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    stop = asyncio.Event()
    views._template.cache_clear()  # as in a fresh process
    with fake.patched():
        bot = asyncio.create_task(serve(CoreSettings(db=tmp_path / "c.db"),
                                        DiscordSettings(token=fake.token, sync_commands=False), stop=stop))
        try:
            await fake.wait_until_ready(timeout=30)
            assert builds == {"readers": 1, "playbooks": 1}  # both done before connecting
            dm = fake.dm_channel_id(ALICE)
            views_built = 0
            build_view = discord.ui.View.__init__

            def counted(view: discord.ui.View, *args: object, **kwargs: object) -> None:
                nonlocal views_built
                views_built += 1
                build_view(view, *args, **kwargs)  # type: ignore[arg-type]

            monkeypatch.setattr(discord.ui.View, "__init__", counted)
            await fake.turn(fake.send_dm(ALICE, "practice growth_startup"))
            await fake.turn(fake.send_dm(ALICE, "I'd like a base of 150k, could you do that?"))
            assert len(fake.messages_in(dm)) >= 2  # answered, and the ask was read
            assert builds == {"readers": 1, "playbooks": 1}  # nothing built in the users' turns
            assert views_built == 0  # the practice's buttons come from the template made in the warm-up
        finally:
            stop.set()
            assert await asyncio.wait_for(bot, 30) == 0


async def test_the_first_dm_after_start_imports_compiles_and_restarts_nothing(
        fake: FakeDiscord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted, not timed: the first DM's reply needs no module imported and no pattern compiled
    (discord.py's parsing and the rendering were warmed before connecting), no new REST connection
    (the login's is still pooled), and its commit does not restart the store's log, even after a
    round of the maintenance thread."""
    import sqlite3
    import sys

    from bot.service import CoachService
    from tests.support.builds import count_compiles, wal_header

    services: list[CoachService] = []
    real_from_settings = CoachService.from_settings.__func__  # type: ignore[attr-defined]

    def keeping(cls: type[CoachService], settings: CoreSettings) -> CoachService:
        services.append(real_from_settings(cls, settings))
        return services[-1]

    monkeypatch.setattr(CoachService, "from_settings", classmethod(keeping))
    db = tmp_path / "c.db"
    stop = asyncio.Event()
    with fake.patched():
        bot = asyncio.create_task(serve(CoreSettings(db=db), DiscordSettings(token=fake.token, sync_commands=False),
                                        stop=stop))
        try:
            await fake.wait_until_ready(timeout=30)
            await fake.quiet(0.05)
            modules = set(sys.modules)
            compiled = count_compiles(monkeypatch)
            started_log = wal_header(db)
            connections = set(fake.rest_connections)
            round_conn = sqlite3.connect(db, isolation_level=None)
            services[0].store._maintenance.round(round_conn)  # type: ignore[attr-defined]
            round_conn.close()
            await fake.turn(fake.send_dm(ALICE, "practice growth_startup"))
            assert wal_header(db) == started_log  # the first commit was an ordinary one
            assert fake.rest_connections == connections  # the reply went out on the login's connection
            await fake.turn(fake.send_dm(ALICE, "I'd like a base of 150k, could you do that?"))
            assert sorted(set(sys.modules) - modules) == []
            assert compiled == []
        finally:
            stop.set()
            assert await asyncio.wait_for(bot, 30) == 0
