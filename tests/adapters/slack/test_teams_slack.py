"""Team career channels on Slack: the real Bolt app over HTTP against the Fake Slack, the real
engine and store, and a clock the test moves. The scheduler's rounds are called directly."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from adapters.slack.app import build_app, close_app, slack_teams
from adapters.slack.runner import start_http
from bot.engine import Engine
from bot.service import CoachService
from bot.storage.store import Store
from bot.teams.scheduler import Scheduler
from bot.teams.service import TeamService
from tests.support.clock import Clock
from tests.support.fake_slack import FakeSlack, SlackSender, block_actions, dm_message
from tests.support.harness import shipped
from tests.support.slack_rig import settings_for

ADMIN = "UADMIN0001"
ALICE = "UALICE0001"
BOB = "UBOB000001"
CAREERS = "CCAREERS01"
# Monday 23 November 2026, 07:00 UTC = 08:00 in Berlin (winter time, UTC+1).
START = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


def _more_messages_to(fake: FakeSlack, user: str, *, than: int) -> Callable[[], bool]:
    """A condition for `wait_for`: the user has been sent more than `than` messages."""
    return lambda: len(fake.messages_to(user)) > than


@dataclass
class TeamRig:
    fake: FakeSlack
    send: SlackSender
    teams: TeamService
    scheduler: Scheduler
    service: CoachService

    def channel_posts(self) -> list[dict[str, Any]]:
        return [c.params for c in self.fake.calls_to("chat.postMessage") if c.params.get("channel") == CAREERS]

    def answers(self) -> list[str]:
        """What the people who typed a command saw (ephemeral, via response_url)."""
        return [str(p.body.get("text", "")) for p in self.fake.posted if isinstance(p.body, dict)]

    async def command(self, text: str, user: str = ADMIN, channel: str = CAREERS) -> str:
        before = len(self.fake.posted)
        await self.send.command(text, user=user, channel=channel, response_url=self.fake.response_url(user))
        await self.fake.wait_for(lambda: len(self.fake.posted) > before)
        return self.answers()[-1]


@contextlib.asynccontextmanager
async def team_rig(fake: FakeSlack, db: Path | str, clock: Clock) -> AsyncIterator[TeamRig]:
    secret = secrets.token_hex(16)
    playbooks, understander = shipped()
    service = CoachService(Store(db, maintenance=False), Engine(playbooks, understander), clock=clock)
    teams = TeamService(service.store, playbooks, service, clock=clock)
    settings = settings_for(fake, secret)
    app = build_app(settings, service, db_path=":memory:", teams=teams)
    side = slack_teams(app)
    assert side is not None
    runner, port = await start_http(app, settings, host="127.0.0.1", port=0)
    try:
        async with aiohttp.ClientSession() as session:
            sender = SlackSender(session, f"http://127.0.0.1:{port}{settings.path}", secret)
            yield TeamRig(fake, sender, teams, Scheduler(teams, "slack", side.deliver), service)
    finally:
        await runner.cleanup()
        await asyncio.sleep(0)
        await close_app(app)
        service.close()


@pytest.fixture
def fake(fake: FakeSlack) -> FakeSlack:
    """The folder's Fake Slack, with ADMIN as a workspace admin."""
    fake.admins.add(ADMIN)
    return fake


def buttons(message: dict[str, Any]) -> dict[str, str]:
    return {e["text"]["text"]: e["value"] for b in message.get("blocks", []) if b["type"] == "actions"
            for e in b["elements"]}


def text_of(message: dict[str, Any]) -> str:
    return str(message.get("text", "")) + str(message.get("blocks", ""))


async def test_a_subscribed_channel_gets_its_post_at_the_local_time_and_only_then(fake: FakeSlack) -> None:
    clock = Clock(START)
    async with team_rig(fake, ":memory:", clock) as rig:
        answer = await rig.command("channel subscribe tue 09:30 Europe/Berlin tips")
        assert "every Tuesday at 09:30 (Europe/Berlin)" in answer and "24 November 2026" in answer

        clock.moment = datetime(2026, 11, 24, 8, 29, tzinfo=UTC)  # 09:29 in Berlin
        assert await rig.scheduler.tick() == 0
        clock.moment = datetime(2026, 11, 24, 8, 30, tzinfo=UTC)  # 09:30 in Berlin
        assert await rig.scheduler.tick() == 1
        assert await rig.scheduler.tick() == 0  # posted once, not on every round

        [post] = rig.channel_posts()
        assert "Tip of the week" in post["text"]
        assert "Mute for me" in buttons(post)
        await rig.command("channel status", user=BOB)  # anyone may look; only they see the answer
        status = fake.posted[-1].body
        assert status["response_type"] == "ephemeral"
        assert "next post Tuesday 01 December 2026 at 09:30 (Europe/Berlin)" in str(status["blocks"])


async def test_a_member_who_is_not_a_manager_is_refused_and_nothing_changes(fake: FakeSlack) -> None:
    clock = Clock(START)
    async with team_rig(fake, ":memory:", clock) as rig:
        answer = await rig.command("channel subscribe mon 09:00 Europe/Berlin", user=BOB)
        assert "Only the people who manage this channel" in answer
        assert rig.teams.teams.subscription(f"slack:{fake.team_id}:{CAREERS}") is None
        assert [c.params["user"] for c in fake.calls_to("users.info")] == [BOB]

        fake.channel_creators[CAREERS] = BOB  # the channel's creator counts as its manager
        answer = await rig.command("channel subscribe mon 09:00", user=BOB)
        assert answer.startswith("Subscribed")
        # No zone typed: the creator's own Slack time zone is used.
        assert "(America/Los_Angeles)" in answer


async def test_subscribing_a_channel_the_app_is_not_in_says_how_to_invite_it(fake: FakeSlack) -> None:
    fake.channels_without_bot.add(CAREERS)
    async with team_rig(fake, ":memory:", Clock(START)) as rig:
        await rig.send.command("channel subscribe", user=ADMIN, channel=CAREERS,
                               response_url=fake.response_url("sub"))
        await fake.wait_for(lambda: len(fake.posted) >= 2)
        assert rig.answers()[0].startswith("Subscribed")
        assert "/invite @Offer Coach" in rig.answers()[1]


async def test_a_post_missed_while_the_bot_was_down_is_sent_once_after_the_restart(
        fake: FakeSlack, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    clock = Clock(START)
    async with team_rig(fake, db, clock) as rig:
        await rig.command("channel subscribe mon 09:00 Europe/Berlin")
    # Down for three weeks: three Mondays pass with no bot running.
    clock.moment = START + timedelta(days=21, hours=5)
    async with team_rig(fake, db, clock) as rig:
        assert await rig.scheduler.tick() == 1
        assert await rig.scheduler.tick() == 0
        assert len(rig.channel_posts()) == 1
        subscription = rig.teams.teams.subscription(f"slack:{fake.team_id}:{CAREERS}")
        assert subscription is not None
        assert subscription.next_due == datetime(2026, 12, 21, 8, 0, tzinfo=UTC)  # the next Monday 09:00


async def test_two_processes_on_one_database_post_a_due_tip_once(fake: FakeSlack, tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    clock = Clock(START)
    async with team_rig(fake, db, clock) as first, team_rig(fake, db, clock) as second:
        await first.command("channel subscribe mon 09:00 Europe/Berlin")
        clock.moment = START + timedelta(days=7, hours=1)
        sent = await asyncio.gather(first.scheduler.tick(), second.scheduler.tick(),
                                    first.scheduler.tick(), second.scheduler.tick())
        assert sum(sent) == 1
        assert len(first.channel_posts()) == 1


async def test_unsubscribe_and_pause_stop_the_posts(fake: FakeSlack) -> None:
    clock = Clock(START)
    async with team_rig(fake, ":memory:", clock) as rig:
        await rig.command("channel subscribe mon 09:00 Europe/Berlin")
        assert "Paused" in await rig.command("channel pause")
        clock.moment = START + timedelta(days=7, hours=1)
        assert await rig.scheduler.tick() == 0
        assert "Resumed" in await rig.command("channel resume")
        assert await rig.scheduler.tick() == 0  # the week missed while paused is not made up
        assert "Unsubscribed" in await rig.command("channel unsubscribe")
        clock.moment = START + timedelta(days=14, hours=1)
        assert await rig.scheduler.tick() == 0
        assert rig.channel_posts() == []


async def test_mute_is_one_click_for_anyone_and_answers_only_the_clicker(fake: FakeSlack) -> None:
    clock = Clock(START)
    async with team_rig(fake, ":memory:", clock) as rig:
        await rig.command("channel subscribe mon 09:00 Europe/Berlin")
        clock.moment = START + timedelta(days=7, hours=1)
        await rig.scheduler.tick()
        [post] = rig.channel_posts()
        before = len(fake.posted)
        await rig.send.interaction(block_actions(user=ALICE, value=buttons(post)["Mute for me"], channel=CAREERS,
                                                 action_id="oc.team.0", response_url=fake.response_url("mute")))
        await fake.wait_for(lambda: len(fake.posted) > before)
        muted = fake.posted[-1].body
        assert muted["response_type"] == "ephemeral" and "Muted for you" in muted["text"]
        assert rig.teams.teams.is_muted(f"slack:{fake.team_id}:{CAREERS}", f"slack:{fake.team_id}:{ALICE}")
        assert len(rig.channel_posts()) == 1  # nothing new in the channel


async def test_a_shared_checklist_gives_private_copies_and_the_channel_only_counts(fake: FakeSlack) -> None:
    clock = Clock(START)
    async with team_rig(fake, ":memory:", clock) as rig:
        answer = await rig.command("checklist share close", user=BOB)
        assert "Posted" in answer
        [card] = rig.channel_posts()
        assert "0 people started, 0 finished" in text_of(card)
        start = buttons(card)["Start"]

        await rig.send.interaction(block_actions(user=ALICE, value=start, channel=CAREERS, action_id="oc.team.0",
                                                 response_url=fake.response_url("start")))
        await fake.wait_for(lambda: fake.calls_to("chat.update") and fake.messages_to(ALICE))
        assert "Close and get it in writing" in text_of(fake.messages_to(ALICE)[0])
        assert "1 person started, 0 finished" in text_of(fake.calls_to("chat.update")[-1].params)

        for line in ("base 125k, 25 days pto", "Monday 3 March", "Maya", "yes", "skip"):
            count = len(fake.messages_to(ALICE))
            await rig.send.event(dm_message(user=ALICE, text=line))
            await fake.wait_for(_more_messages_to(fake, ALICE, than=count))
        await rig.send.interaction(block_actions(user=BOB, value=buttons(card)["Refresh count"], channel=CAREERS,
                                                 action_id="oc.team.1", response_url=fake.response_url("refresh")))
        await fake.wait_for(lambda: len(fake.calls_to("chat.update")) >= 2)
        refreshed = text_of(fake.calls_to("chat.update")[-1].params)
        assert "1 person started, 1 finished" in refreshed
        in_channel = " ".join(text_of(c.params) for c in fake.calls if c.params.get("channel") == CAREERS)
        assert "125" not in in_channel and "Maya" not in in_channel


async def test_ordinary_channel_messages_get_no_reply(fake: FakeSlack) -> None:
    clock = Clock(START)
    async with team_rig(fake, ":memory:", clock) as rig:
        await rig.command("channel subscribe mon 09:00")
        calls = len(fake.calls)
        sent = await rig.send.event({"type": "message", "channel_type": "channel", "user": ALICE,
                                     "text": "anyone negotiated a remote day recently?", "channel": CAREERS,
                                     "ts": "1700000300.000100"})
        assert sent.status == 200
        await asyncio.sleep(0.1)
        assert len(fake.calls) == calls


async def _practise(rig: TeamRig, user: str) -> None:
    """One short practice in the user's DM, as they would type it, up to the debrief."""
    fake = rig.fake

    def debriefs() -> int:
        return sum("Debrief" in text_of(m) for m in fake.messages_to(user))

    done = debriefs()
    for line in ("practice growth_startup", "I was hoping for 165k based on market data"):
        count = len(fake.messages_to(user))
        await rig.send.event(dm_message(user=user, text=line))
        await fake.wait_for(_more_messages_to(fake, user, than=count))
    await rig.send.event(dm_message(user=user, text="end"))
    await fake.wait_for(lambda: debriefs() > done)


async def test_team_stats_appear_only_once_five_members_who_joined_have_practised(fake: FakeSlack) -> None:
    clock = Clock(START)
    members = [f"UMEMBER{n:03d}" for n in range(5)]
    async with team_rig(fake, ":memory:", clock) as rig:
        await rig.command("channel subscribe mon 09:00 Europe/Berlin")
        assert "Team stats are on" in await rig.command("channel stats on")
        for member in members:
            assert "You're in" in await rig.command("stats join", user=member)
        for member in members[:4]:
            await _practise(rig, member)
        await _practise(rig, ALICE)  # practised, but never joined: never counted

        clock.moment = START + timedelta(hours=1)
        assert await rig.scheduler.tick() == 1
        first = rig.channel_posts()[-1]
        assert "Team stats appear once at least 5 people" in text_of(first)
        assert "Practices run" not in text_of(first)

        for member in members:
            await _practise(rig, member)
        clock.moment = START + timedelta(days=7, hours=1)
        assert await rig.scheduler.tick() == 1
        second = text_of(rig.channel_posts()[-1])
        assert "Practices run*\\n5'" in second  # this week's five, as a Block Kit field
        assert "Bring market data*\\n2.0 / 2" in second
        assert not any(member in second for member in members)
