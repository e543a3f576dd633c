"""Team career channels on Discord: the real discord.py client against the fake Discord, the real
engine and store, and a clock the test moves. The scheduler's rounds are called directly."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from adapters.discord.client import make_client
from adapters.discord.commands import Catalogue
from adapters.discord.config import DiscordSettings
from bot.engine import Engine
from bot.service import CoachService
from bot.storage.store import Store
from bot.teams.service import TeamService
from tests.support.clock import Clock
from tests.support.fake_discord import EPHEMERAL_FLAG, FakeDiscord, connected
from tests.support.harness import shipped

GUILD = 777 << 22
ADMIN = 2001
ALICE = 2002
MANAGE_CHANNELS = 1 << 4
SEND_MESSAGES = 1 << 11
SILENT_FLAG = 1 << 12
# Monday 23 November 2026 12:00 UTC: 07:00 in New York (UTC-5 in winter).
START = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@contextlib.asynccontextmanager
async def team_bot(fake: FakeDiscord, clock: Clock, db: Path | str = ":memory:") -> AsyncIterator[Any]:
    playbooks, understander = shipped()
    service = CoachService(Store(db, maintenance=False), Engine(playbooks, understander), clock=clock)
    teams = TeamService(service.store, playbooks, service, clock=clock)
    client = make_client(service, DiscordSettings(token=fake.token, team_posts=False),
                         Catalogue.from_playbooks(playbooks), teams=teams, guild_ready_timeout=0,
                         identify_spacing=0.0)
    try:
        async with connected(fake, client):
            yield client
    finally:
        service.close()


def answer(fake: FakeDiscord, token: str) -> dict[str, Any]:
    """The interaction's response, its content with Discord's markdown escapes removed."""
    [response] = fake.interaction(token)["responses"]
    data = dict(response["data"])
    data["content"] = (data.get("content") or "").replace("\\", "")
    return data


def everything(message: dict[str, Any]) -> str:
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [f"{f['name']} {f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


def public(fake: FakeDiscord, channel: int) -> list[dict[str, Any]]:
    """What everyone in the channel sees: its messages that are not ephemeral."""
    return [m for m in fake.messages_in(channel) if not m["flags"] & EPHEMERAL_FLAG]


def buttons(message: dict[str, Any]) -> dict[str, str]:
    return {c["label"]: c["custom_id"] for row in message["components"] for c in row["components"]}


async def run(fake: FakeDiscord, user: int, name: str, subcommand: str, options: dict[str, Any] | None = None,
              permissions: int | None = None) -> str:
    token = await fake.slash(user, name, options, guild_id=GUILD, subcommand=subcommand, permissions=permissions)
    await fake.wait_for(lambda: bool(fake.interaction(token)["responses"]))
    await fake.quiet()
    return token


async def test_subscribe_then_the_post_arrives_at_the_local_time_silently_with_a_mute_button(
        fake: FakeDiscord) -> None:
    clock = Clock(START)
    channel = fake.guild_channel_id(GUILD)
    async with team_bot(fake, clock) as client:
        token = await run(fake, ADMIN, "channel", "subscribe",
                          {"day": "wed", "time": "08:15", "timezone": "America/New_York", "kinds": "challenges"})
        reply = answer(fake, token)
        assert reply["flags"] & EPHEMERAL_FLAG
        assert "every Wednesday at 08:15 (America/New_York)" in reply["content"]

        clock.moment = datetime(2026, 11, 25, 13, 14, tzinfo=UTC)  # 08:14 in New York
        assert await client.team_scheduler.tick() == 0
        clock.moment = datetime(2026, 11, 25, 13, 15, tzinfo=UTC)  # 08:15 in New York
        assert await client.team_scheduler.tick() == 1
        [post] = public(fake, channel)
        assert not post["content"] and "Challenge of the week" in post["embeds"][0]["description"]
        assert post["flags"] & SILENT_FLAG, "a team post notifies no one"
        assert post["_allowed_mentions"]["parse"] == []
        assert set(buttons(post)) == {"Mute for me"}

        mute = await fake.turn(fake.click(ALICE, post, buttons(post)["Mute for me"]))
        [muted] = mute
        assert muted["flags"] & EPHEMERAL_FLAG and "Muted for you" in muted["content"]
        assert "Unmute" in buttons(muted)
        assert public(fake, channel) == [post]  # the answer was only for Alice


async def test_without_manage_channels_the_command_is_refused_and_nothing_is_stored(fake: FakeDiscord) -> None:
    clock = Clock(START)
    async with team_bot(fake, clock) as client:
        token = await run(fake, ALICE, "channel", "subscribe", {"day": "mon"}, permissions=SEND_MESSAGES)
        assert "Only the people who manage this channel" in answer(fake, token)["content"]
        key = f"discord:{GUILD}:{fake.guild_channel_id(GUILD)}"
        assert client.teams.teams.teams.subscription(key) is None
        synced = {c["name"]: c for c in fake.commands["global"]}
        assert int(synced["channel"]["default_member_permissions"]) == MANAGE_CHANNELS

        token = await run(fake, ADMIN, "channel", "subscribe", {"day": "mon"}, permissions=MANAGE_CHANNELS)
        assert answer(fake, token)["content"].startswith("Subscribed")
        token = await run(fake, ADMIN, "channel", "unsubscribe", permissions=MANAGE_CHANNELS)
        assert answer(fake, token)["content"].startswith("Unsubscribed")
        clock.moment = START + timedelta(days=8)
        assert await client.team_scheduler.tick() == 0


async def test_a_shared_checklist_starts_a_private_copy_and_the_channel_sees_only_the_count(
        fake: FakeDiscord) -> None:
    clock = Clock(START)
    channel = fake.guild_channel_id(GUILD)
    async with team_bot(fake, clock):
        token = await run(fake, ALICE, "checklist", "share", {"name": "prepare"})
        assert "Posted" in answer(fake, token)["content"]
        [card] = public(fake, channel)
        assert "0 people started, 0 finished" in everything(card)

        produced = await fake.turn(fake.click(ADMIN, card, buttons(card)["Start"]), new_messages=2)
        in_dm = [m for m in produced if m["channel_id"] == str(fake.dm_channel_id(ADMIN))]
        assert "Prepare to negotiate" in "".join(everything(m) for m in in_dm)
        assert "1 person started, 0 finished" in everything(card)  # the post itself was edited
        assert public(fake, channel) == [card]


async def test_team_buttons_still_work_after_a_restart_and_a_missed_post_comes_once(
        fake: FakeDiscord, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    clock = Clock(START)
    channel = fake.guild_channel_id(GUILD)
    async with team_bot(fake, clock, db) as client:
        await run(fake, ADMIN, "channel", "subscribe", {"day": "mon", "time": "09:00", "timezone": "UTC"})
        clock.moment = START + timedelta(days=7)
        assert await client.team_scheduler.tick() == 1
    [post] = public(fake, channel)
    clock.moment = START + timedelta(days=28)  # three more Mondays pass while the bot is down
    async with team_bot(fake, clock, db) as client:
        assert await client.team_scheduler.tick() == 1
        assert await client.team_scheduler.tick() == 0
        [muted] = await fake.turn(fake.click(ALICE, post, buttons(post)["Mute for me"]))
        assert "Muted for you" in muted["content"]
    assert len(public(fake, channel)) == 2


async def test_while_the_bot_is_stopping_a_team_command_is_told_so_and_not_run(fake: FakeDiscord) -> None:
    async with team_bot(fake, Clock(START)) as client:
        client.in_flight.draining = True  # what SIGTERM starts
        token = await run(fake, ALICE, "channel", "status")
        reply = answer(fake, token)
        assert reply["content"].startswith("I'm restarting") and reply["flags"] & EPHEMERAL_FLAG
