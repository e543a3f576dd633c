"""The first user after `run discord` starts gets a reply as quick as the next one (issue 14).

The reader's patterns were built on the first message that needed reading, so the first DM after a
start took a second or more. The runner now warms the coach up before it connects; counted here,
not timed: from the moment Discord sees the bot, no reader is built and no playbook is loaded.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

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
        fake: FakeDiscord, tmp_path: Path, builds: dict[str, int]) -> None:
    stop = asyncio.Event()
    with fake.patched():
        bot = asyncio.create_task(serve(CoreSettings(db=tmp_path / "c.db"),
                                        DiscordSettings(token=fake.token, sync_commands=False), stop=stop))
        try:
            await fake.wait_until_ready(timeout=30)
            assert builds == {"readers": 1, "playbooks": 1}  # both done before connecting
            dm = fake.dm_channel_id(ALICE)
            await fake.turn(fake.send_dm(ALICE, "practice growth_startup"))
            await fake.turn(fake.send_dm(ALICE, "I'd like a base of 150k, could you do that?"))
            assert len(fake.messages_in(dm)) >= 2  # answered, and the ask was read
            assert builds == {"readers": 1, "playbooks": 1}  # nothing built in the users' turns
        finally:
            stop.set()
            assert await asyncio.wait_for(bot, 30) == 0
