"""The real discord.py client, the real service and engine, against the local fake Discord."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from adapters.discord.client import make_client
from adapters.discord.commands import Catalogue
from adapters.discord.config import DiscordSettings
from adapters.discord.runner import CONFIG_ERROR, install_token_redaction, serve
from adapters.discord.teams import UNAVAILABLE
from adapters.discord.views import NOT_YOURS
from bot.config import CoreSettings
from bot.engine import Engine
from bot.messages import Incoming, Reply
from bot.service import CoachService
from bot.storage.store import Store
from tests.support.fake_discord import EPHEMERAL_FLAG, FakeDiscord, connected
from tests.support.harness import shipped

GUILD = 555 << 22  # on shard 1 of 2: (555 % 2)
ALICE = 1001
BOB = 1002
SCENARIO = "growth_startup"


def _service(db: Path | str) -> CoachService:
    playbooks, understander = shipped()
    return CoachService(Store(db, maintenance=False), Engine(playbooks, understander))


@contextlib.asynccontextmanager
async def running_bot(fake: FakeDiscord, db: Path | str = ":memory:", *, service: Any = None,
                      **settings: Any) -> AsyncIterator[Any]:
    service = service or _service(db)
    client = make_client(service, DiscordSettings(token=fake.token, **settings),
                         Catalogue.from_playbooks(shipped()[0]), guild_ready_timeout=0,
                         identify_spacing=0.0, defer_after=settings.pop("defer_after", 2.0))
    try:
        async with connected(fake, client):
            yield client
    finally:
        if hasattr(service, "close"):
            service.close()


def labels(message: dict[str, Any]) -> dict[str, str]:
    """Button label -> custom_id on a message."""
    return {c["label"]: c["custom_id"] for row in message["components"] for c in row["components"]
            if c.get("type") == 2}


def with_buttons(messages: list[dict[str, Any]]) -> dict[str, Any]:
    return next(m for m in messages if labels(m))


def everything(messages: list[dict[str, Any]]) -> str:
    parts = []
    for m in messages:
        parts.append(m["content"])
        for embed in m["embeds"]:
            parts += [embed.get("title") or "", embed.get("description") or ""]
            parts += [f"{f['name']} {f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


def turns_of(client: Any, user: int) -> int:
    return client.coach.store.load_session(f"discord::{user}", "direct").state.turns


async def test_a_dm_practice_from_first_message_to_debrief(fake: FakeDiscord) -> None:
    dm = fake.dm_channel_id(ALICE)
    async with running_bot(fake):
        hello = await fake.turn(fake.send_dm(ALICE, "help"))
        assert "practice" in everything(hello).lower()

        opening = await fake.turn(fake.send_dm(ALICE, f"practice {SCENARIO}"))
        assert all(m["channel_id"] == str(dm) for m in opening)
        assert "Series B fintech" in everything(opening)
        recruiter = [m for m in opening if m["content"].startswith("**Maya Chen**\n> ")]
        assert recruiter, "the recruiter's line shows who speaks"
        buttons = labels(with_buttons(opening))
        assert "End and debrief" in buttons

        counter = await fake.turn(fake.send_dm(ALICE, "Based on market data I was hoping for 165k base"))
        assert "$158,000" in everything(counter)

        end = with_buttons(opening)
        debrief = await fake.turn(fake.click(ALICE, end, labels(end)["End and debrief"]))
        text = everything(debrief)
        assert "scorecard" in text.lower() and "Bring market data" in text
        assert any(m["embeds"] for m in debrief), "the debrief is a scorecard of embeds"


async def test_nothing_the_bot_sends_can_ping_anyone(fake: FakeDiscord) -> None:
    async with running_bot(fake):
        await fake.turn(fake.send_dm(ALICE, "practice @everyone <@1002>"))  # DM messages
        await fake.turn(fake.send_guild_message(GUILD, ALICE, f"<@{fake.bot.id}> help @here"), new_messages=2)
        token = await fake.slash(BOB, "help", guild_id=GUILD)  # an ephemeral response + follow-ups
        await fake.wait_for(lambda: bool(fake.interaction(token)["responses"]))
        await fake.quiet()
    assert {m["_where"] for m in fake.messages} >= {"channel", "response"}
    assert any(m["_reference"] for m in fake.messages), "the answer to a mention replies to it"
    for message in fake.messages:
        allowed = message["_allowed_mentions"]
        assert allowed["parse"] == [] and not allowed.get("users") and not allowed.get("roles")
        assert allowed.get("replied_user", False) is False


async def test_in_a_server_only_mentions_are_answered_and_the_answer_goes_to_dm(fake: FakeDiscord) -> None:
    channel = fake.guild_channel_id(GUILD)
    async with running_bot(fake):
        await fake.send_guild_message(GUILD, ALICE, "what do you all think about practice?")
        await fake.quiet(0.3)
        assert fake.messages == []

        produced = await fake.turn(fake.send_guild_message(GUILD, ALICE, f"<@{fake.bot.id}> practice {SCENARIO}"),
                                   new_messages=2)
    in_channel = [m for m in produced if m["channel_id"] == str(channel)]
    in_dm = [m for m in produced if m["channel_id"] == str(fake.dm_channel_id(ALICE))]
    assert "Series B fintech" in everything(in_dm)
    assert len(in_channel) == 1 and "direct messages" in in_channel[0]["content"]
    assert "Series B fintech" not in everything(in_channel)


async def test_a_slash_command_in_a_server_answers_privately_and_the_practice_continues_in_dm(
        fake: FakeDiscord) -> None:
    dm = str(fake.dm_channel_id(ALICE))
    async with running_bot(fake) as client:
        token = await fake.slash(ALICE, "practice", {"scenario": SCENARIO}, guild_id=GUILD)
        await fake.wait_for(lambda: bool(fake.interaction(token)["responses"]))
        await fake.quiet()
        [response] = fake.interaction(token)["responses"]
        assert response["type"] == 4 and response["data"]["flags"] & EPHEMERAL_FLAG
        assert "direct messages" in response["data"]["content"]
        assert "Series B fintech" in everything([m for m in fake.messages if m["channel_id"] == dm])
        assert not [m for m in fake.messages if m.get("guild_id") and not m["flags"] & EPHEMERAL_FLAG]

        reply = await fake.turn(fake.send_dm(ALICE, "Based on market data I was hoping for 165k base"))
        assert "$158,000" in everything(reply)
        assert client.coach.store.load_session(f"discord::{ALICE}", "direct").state.mode == "practice"


async def test_a_mention_with_closed_dms_explains_without_posting_the_answer_publicly(fake: FakeDiscord) -> None:
    fake.dm_closed.add(BOB)
    async with running_bot(fake):
        produced = await fake.turn(fake.send_guild_message(GUILD, BOB, f"<@{fake.bot.id}> practice {SCENARIO}"))
    [notice] = produced
    assert notice["channel_id"] == str(fake.guild_channel_id(GUILD))
    assert "Privacy Settings" in notice["content"] and "Series B fintech" not in everything(produced)


class BrokenService:
    async def handle(self, incoming: Incoming) -> list[Reply]:
        raise RuntimeError("the database is on fire")


async def test_a_failing_service_gets_a_friendly_answer_not_silence(fake: FakeDiscord) -> None:
    async with running_bot(fake, service=BrokenService()):
        in_dm = await fake.turn(fake.send_dm(ALICE, "help"))
        token = await fake.slash(ALICE, "help", guild_id=GUILD)
        await fake.wait_for(lambda: bool(fake.interaction(token)["responses"]))
    assert "try again" in in_dm[0]["content"]
    [response] = fake.interaction(token)["responses"]
    assert "try again" in response["data"]["content"] and response["data"]["flags"] & EPHEMERAL_FLAG


async def test_closed_dms_get_a_private_explanation_and_the_answer(fake: FakeDiscord) -> None:
    fake.dm_closed.add(BOB)
    async with running_bot(fake):
        token = await fake.slash(BOB, "scenarios", guild_id=GUILD)
        await fake.wait_for(lambda: bool(fake.interaction(token)["responses"]))
        await fake.quiet()
    answers = [m for m in fake.messages if m["_token"] == token]
    assert answers and all(m["flags"] & EPHEMERAL_FLAG for m in answers)
    assert "Privacy Settings" in answers[0]["content"]
    assert "Series B fintech" in everything(answers)


async def test_a_click_by_someone_else_is_refused_privately_and_changes_nothing(fake: FakeDiscord) -> None:
    async with running_bot(fake) as client:
        opening = await fake.turn(fake.send_dm(ALICE, f"practice {SCENARIO}"))
        message = with_buttons(opening)
        before = turns_of(client, ALICE)

        refused = await fake.turn(fake.click(BOB, message, labels(message)["Hint"]))
        [refusal] = refused  # nothing else is said, anywhere
        assert refusal["content"] == NOT_YOURS and refusal["flags"] & EPHEMERAL_FLAG
        assert [c["type"] for c in fake.callbacks] == [4]
        assert turns_of(client, ALICE) == before
        assert not [c for row in message["components"] for c in row["components"] if c.get("disabled")]

        hint = await fake.turn(fake.click(ALICE, message, labels(message)["Hint"]))
        assert turns_of(client, ALICE) == before + 1
        assert fake.callbacks[-1]["type"] == 7, "the owner's click is answered at once by updating the message"
        assert all(c["disabled"] for row in message["components"] for c in row["components"])
        assert hint and all(m["channel_id"] == str(fake.dm_channel_id(ALICE)) for m in hint)


async def test_a_click_that_cannot_be_acknowledged_takes_no_turn(fake: FakeDiscord) -> None:
    async with running_bot(fake) as client:
        opening = await fake.turn(fake.send_dm(ALICE, f"practice {SCENARIO}"))
        message = with_buttons(opening)
        before = turns_of(client, ALICE)
        fake.interactions_expire = True
        await fake.click(ALICE, message, labels(message)["Hint"])
        await fake.wait_for(lambda: any(r.path.endswith("/callback") for r in fake.requests))
        await fake.quiet()
        assert turns_of(client, ALICE) == before
        assert len(fake.messages) == len(opening)


async def test_buttons_sent_before_a_restart_still_work_after_it(fake: FakeDiscord, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    async with running_bot(fake, db):
        opening = await fake.turn(fake.send_dm(ALICE, f"practice {SCENARIO}"))
    message = with_buttons(opening)

    async with running_bot(fake, db) as restarted:
        assert fake.identifies == 2
        answer = await fake.turn(fake.click(ALICE, message, labels(message)["Offer so far"]))
        assert "Base salary" in everything(answer)
        assert restarted.coach.store.load_session(f"discord::{ALICE}", "direct").state.mode == "practice"


async def test_a_select_pick_reaches_the_service(fake: FakeDiscord) -> None:
    async with running_bot(fake):
        listing = await fake.turn(fake.send_dm(ALICE, "scenarios"))
        menu = next(m for m in listing if any(c["type"] == 3 for row in m["components"] for c in row["components"]))
        select = menu["components"][0]["components"][0]
        chosen = next(o["value"] for o in select["options"] if SCENARIO in o["value"])
        opening = await fake.turn(fake.click(ALICE, menu, select["custom_id"], values=[chosen]))
    assert "Series B fintech" in everything(opening)
    assert menu["components"][0]["components"][0]["disabled"] is True


async def test_a_reconnect_request_resumes_the_session_and_loses_no_event(fake: FakeDiscord) -> None:
    async with running_bot(fake):
        await fake.request_reconnect()
        # Sent while the client is reconnecting: Discord replays it after RESUME.
        answered = await fake.turn(fake.send_dm(ALICE, "help"))
        await fake.wait_for(lambda: fake.resumes == 1)
        assert fake.identifies == 1
        assert "practice" in everything(answered).lower()
        again = await fake.turn(fake.send_dm(ALICE, "scenarios"))
        assert "Series B fintech" in everything(again)


async def test_a_rate_limited_message_is_retried_and_sent_once(fake: FakeDiscord) -> None:
    async with running_bot(fake):
        fake.rate_limit_next_messages(1, retry_after=0.05)
        sent = await fake.turn(fake.send_dm(ALICE, "help"))
    posts = [r for r in fake.requests if r.method == "POST" and r.path.endswith("/messages")]
    assert fake.rate_limited_requests == 1
    assert len(sent) == 1 and len(posts) == 2  # one refused, one retried: the user sees one message


class SlowService:
    """The real service behind a delay, as when the machine is busy."""

    def __init__(self, inner: CoachService, delay: float) -> None:
        self.inner, self.delay, self.store = inner, delay, inner.store

    async def handle(self, incoming: Incoming) -> list[Reply]:
        await asyncio.sleep(self.delay)
        return await self.inner.handle(incoming)

    def close(self) -> None:
        self.inner.close()


async def test_a_slow_turn_defers_the_interaction_then_follows_up(fake: FakeDiscord) -> None:
    slow = SlowService(_service(":memory:"), delay=0.3)
    async with running_bot(fake, service=slow, defer_after=0.05):
        token = await fake.slash(ALICE, "help")
        await fake.wait_for(lambda: any(m["_token"] == token for m in fake.messages))
        await fake.quiet()
    assert fake.interaction(token)["responses"][0]["type"] == 5  # "thinking…" within the deadline
    followed = [m for m in fake.messages if m["_token"] == token]
    assert "practice" in everything(followed).lower()


async def test_practice_autocompletes_scenarios(fake: FakeDiscord) -> None:
    async with running_bot(fake):
        token = await fake.autocomplete(ALICE, "practice", "scenario", "fintech", guild_id=GUILD)
        await fake.wait_for(lambda: bool(fake.interaction(token)["responses"]))
    [response] = fake.interaction(token)["responses"]
    assert response["type"] == 8
    assert [c["value"] for c in response["data"]["choices"]] == [SCENARIO]


async def test_a_team_command_without_team_channels_running_says_so_privately(fake: FakeDiscord) -> None:
    async with running_bot(fake):  # no team service
        token = await fake.slash(ALICE, "checklist", {"name": "prepare"}, guild_id=GUILD, subcommand="share")
        await fake.wait_for(lambda: bool(fake.interaction(token)["responses"]))
    [response] = fake.interaction(token)["responses"]
    assert response["data"]["content"] == UNAVAILABLE and response["data"]["flags"] & EPHEMERAL_FLAG


async def test_commands_sync_to_the_configured_server_or_globally(fake: FakeDiscord) -> None:
    expected = {"practice", "scenarios", "checklist", "value", "status", "hint", "end", "export", "forget", "help",
                "channel", "stats"}
    async with running_bot(fake, guild_id=GUILD):
        pass
    assert {c["name"] for c in fake.commands[str(GUILD)]} == expected
    async with running_bot(fake):
        pass
    assert {c["name"] for c in fake.commands["global"]} == expected


async def test_export_arrives_as_a_json_file_in_the_dm(fake: FakeDiscord) -> None:
    async with running_bot(fake):
        await fake.turn(fake.send_dm(ALICE, f"practice {SCENARIO}"))
        token = await fake.slash(ALICE, "export", guild_id=GUILD)
        await fake.wait_for(lambda: bool(fake.interaction(token)["responses"]))
        await fake.quiet()
    exported = [m for m in fake.messages if m["attachments"]]
    assert exported and exported[-1]["channel_id"] == str(fake.dm_channel_id(ALICE))
    assert exported[-1]["attachments"][0]["filename"].endswith(".json")
    assert SCENARIO in exported[-1]["attachments"][0]["content"]


async def test_the_bot_runs_sharded_by_configuration_alone() -> None:
    async with FakeDiscord(guild_ids=(GUILD,), shards=2) as fake, running_bot(fake, shards="auto") as client:
        await fake.wait_until_ready(shards=2)
        assert client.shard_count == 2 and fake.identifies == 2
        in_dm = await fake.turn(fake.send_dm(ALICE, "help"))  # DMs arrive on shard 0
        in_server = await fake.turn(fake.send_guild_message(GUILD, BOB, f"<@{fake.bot.id}> help"),
                                    new_messages=2)  # this server is on shard 1
    assert in_dm and in_server


async def test_no_message_text_or_token_reaches_the_logs(fake: FakeDiscord, caplog: pytest.LogCaptureFixture) -> None:
    secret = "my current salary is 987654"
    with caplog.at_level(logging.DEBUG):
        redactor = install_token_redaction(fake.token)
        try:
            async with running_bot(fake):
                await fake.turn(fake.send_dm(ALICE, secret))
        finally:
            for handler in logging.getLogger().handlers:
                handler.removeFilter(redactor)
            logging.getLogger("discord").removeFilter(redactor)
    assert fake.token not in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.INFO and "987654" in r.getMessage()]


async def test_a_rejected_token_stops_the_bot_with_a_message_naming_it(fake: FakeDiscord, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    wrong = "d3JvbmctYm90.wrong.token"
    with fake.patched():
        status = await asyncio.wait_for(serve(CoreSettings(db=tmp_path / "coach.db"),
                                              DiscordSettings(token=wrong)), 10)
    assert status == CONFIG_ERROR
    error = capsys.readouterr().err
    assert "DISCORD_TOKEN" in error and wrong not in error
    assert fake.identifies == 0


async def test_the_production_wiring_serves_a_dm_and_keeps_it_in_the_configured_database(
        fake: FakeDiscord, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    with fake.patched():
        bot = asyncio.create_task(serve(CoreSettings(db=db), DiscordSettings(token=fake.token, sync_commands=False)))
        try:
            await fake.wait_until_ready()
            await fake.wait_for(lambda: fake.identifies == 1)
            answer = await fake.turn(fake.send_dm(ALICE, f"practice {SCENARIO}"))
        finally:
            bot.cancel()
            status = await bot
    assert status == 0
    assert "Series B fintech" in everything(answer)
    with Store(db, maintenance=False) as store:
        assert store.load_session(f"discord::{ALICE}", "direct").state.mode == "practice"
