"""Issue 12 on Slack: a workspace removing the app or revoking its tokens, and token rotation for
the posts nobody asked for (scheduled team posts), against the Fake Slack."""

from __future__ import annotations

import secrets
import time as clock
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.installation import Installation

from adapters.slack.app import build_app, close_app, installations_for, slack_teams
from adapters.slack.config import SlackSettings
from adapters.slack.runner import start_http
from bot.messages import Reply
from bot.service import CoachService
from bot.storage import open_store
from bot.teams.schedule import Frequency, PostKinds, Schedule
from bot.teams.service import DuePost, TeamService
from bot.teams.storage import Subscription, TeamStore, channel_key
from tests.support.fake_slack import FakeSlack, SlackSender
from tests.support.harness import shipped
from tests.support.slack_rig import ScriptedEngine

OTHER_TEAM = "T0OTHER02"
CLIENT_ID = "111.222"


def _subscribe(store: Any, team: str, channel: str) -> Subscription:
    sub = Subscription(channel_key=channel_key("slack", team, channel), platform="slack", tenant=team, channel=channel,
                       schedule=Schedule(weekday=0, at=time(9), timezone="UTC", frequency=Frequency.weekly),
                       kinds=PostKinds.tips, stats=False, paused=False, anchor=date(2026, 11, 23),
                       next_due=datetime(2026, 11, 23, 9, tzinfo=UTC), cycle=0)
    teams = TeamStore(store)
    teams.save_subscription(sub, by="slack:T:UADMIN", now=datetime(2026, 11, 22, tzinfo=UTC))
    teams.set_muted(sub.channel_key, "slack:T:UBOB", True, datetime(2026, 11, 22, tzinfo=UTC))
    return sub


async def _install(running: Running, team: str, token: str, **rotation: Any) -> AsyncInstallationStore:
    store = installations_for(running.service, running.db, CLIENT_ID)
    await store.async_save(Installation(app_id="A0FAKE001", team_id=team, user_id="UINSTALLER", bot_token=token,
                            bot_id="BBOTC0ACH", bot_user_id="UBOTC0ACH", bot_scopes="chat:write", **rotation))
    return store


class Running:
    def __init__(self, fake: FakeSlack, db: Path, secret: str, sender: SlackSender, service: CoachService,
                 teams: TeamService, app: Any) -> None:
        self.fake, self.db, self.secret, self.send, self.service, self.teams, self.app = (
            fake, db, secret, sender, service, teams, app)

    def rows(self, sql: str) -> int:
        with self.service.store.snapshot() as conn:
            return int(conn.execute(sql).fetchone()[0])


@pytest.fixture
async def running(fake: FakeSlack, store_target: str) -> AsyncIterator[Running]:
    """The app with OAuth installs, on a SQLite file or a PostgreSQL schema."""
    db, secret = Path(store_target), secrets.token_hex(16)
    settings = SlackSettings(_env_file=None, client_id=CLIENT_ID, client_secret="oauth-secret",
                             state_secret="state-secret-for-tests", signing_secret=secret, api_url=fake.api_url)
    service = CoachService(open_store(store_target, maintenance=False), ScriptedEngine())
    teams = TeamService(service.store, shipped()[0], service)
    app = build_app(settings, service, db_path=db, teams=teams)
    runner, port = await start_http(app, settings, host="127.0.0.1", port=0)
    try:
        async with aiohttp.ClientSession() as session:
            yield Running(fake, db, secret, SlackSender(session, f"http://127.0.0.1:{port}/slack/events", secret),
                          service, teams, app)
    finally:
        await runner.cleanup()
        await close_app(app)
        service.close()


async def _send_event(running: Running, event: dict[str, Any], team: str) -> None:
    sent = await running.send.event(event, team=team)
    assert sent.status == 200


async def test_an_uninstall_deletes_that_workspaces_installation_and_team_rows_only(running: Running):
    installs = await _install(running, running.fake.team_id, "xoxb-first-team")
    await _install(running, OTHER_TEAM, "xoxb-second-team")
    _subscribe(running.service.store, running.fake.team_id, "CCAREERS01")
    _subscribe(running.service.store, OTHER_TEAM, "CCAREERS02")

    await _send_event(running, {"type": "app_uninstalled", "event_ts": f"{clock.time():.6f}"}, running.fake.team_id)

    assert await installs.async_find_bot(enterprise_id=None, team_id=running.fake.team_id) is None
    assert await installs.async_find_installation(enterprise_id=None, team_id=running.fake.team_id) is None
    assert await installs.async_find_bot(enterprise_id=None, team_id=OTHER_TEAM) is not None
    assert running.rows("SELECT count(*) FROM team_subscriptions") == 1
    assert running.rows("SELECT count(*) FROM team_mutes WHERE channel_key LIKE 'slack:T0FAKE001:%'") == 0
    assert running.rows("SELECT count(*) FROM team_mutes") == 1


async def test_a_revoked_bot_token_deletes_the_bot_and_the_team_rows(running: Running):
    installs = await _install(running, running.fake.team_id, "xoxb-first-team")
    _subscribe(running.service.store, running.fake.team_id, "CCAREERS01")

    await _send_event(running, {"type": "tokens_revoked", "tokens": {"bot": ["UBOTC0ACH"]},
                                "event_ts": f"{clock.time():.6f}"}, running.fake.team_id)

    assert await installs.async_find_bot(enterprise_id=None, team_id=running.fake.team_id) is None
    assert running.rows("SELECT count(*) FROM team_subscriptions") == 0


async def test_a_scheduled_post_refreshes_an_expiring_token_first_and_keeps_the_new_one(running: Running):
    installs = await _install(running, running.fake.team_id, "xoxe.xoxb-old", bot_refresh_token="xoxe-1-old",
                        bot_token_expires_at=int(clock.time()) + 60)  # expires within the hour
    sub = _subscribe(running.service.store, running.fake.team_id, "CCAREERS01")
    side = slack_teams(running.app)
    assert side is not None

    post = DuePost(subscription=sub, tip_key="t", cycle=0, due_at=sub.next_due, reply=Reply(text="A tip"), owner="me")
    await side.deliver(post)
    await side.deliver(post)

    posts = running.fake.calls_to("chat.postMessage")
    assert [call.token for call in posts] == ["xoxe.xoxb-rotated-1", "xoxe.xoxb-rotated-1"]
    assert running.fake.rotations == 1  # the refreshed token was saved and used again
    saved = await installs.async_find_bot(enterprise_id=None, team_id=running.fake.team_id)
    assert saved is not None and saved.bot_token == "xoxe.xoxb-rotated-1"


async def test_an_event_on_an_expiring_token_is_answered_with_the_refreshed_one(running: Running):
    from tests.support.fake_slack import dm_message

    await _install(running, running.fake.team_id, "xoxe.xoxb-old", bot_refresh_token="xoxe-1-old",
             bot_token_expires_at=int(clock.time()) + 60)
    await _send_event(running, dm_message(user="UALICE0001", text="hello"), running.fake.team_id)
    await running.fake.wait_for(lambda: running.fake.calls_to("chat.postMessage"))
    assert running.fake.calls_to("chat.postMessage")[0].token == "xoxe.xoxb-rotated-1"
