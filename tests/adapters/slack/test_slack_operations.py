"""Running the Slack app as an operator does: health, readiness and metrics in both modes."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp

from adapters.slack.config import SlackSettings
from adapters.slack.runner import serve
from bot.config import CoreSettings
from bot.service import CoachService
from bot.storage.store import Store
from tests.support.fake_slack import FakeSlack, SlackSender, dm_message, event_callback
from tests.support.probe import free_port, get, metric, wait_until_ready
from tests.support.slack_rig import ScriptedEngine

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
ALICE = "UALICE0001"


@contextlib.asynccontextmanager
async def serving(settings: SlackSettings, tmp_path: Path, *, port: int = 0,
                  health_port: int | None = None) -> AsyncIterator[None]:
    stop = asyncio.Event()
    service = CoachService(Store(":memory:"), ScriptedEngine())
    task = asyncio.create_task(serve(settings, service, CoreSettings(db=tmp_path / "x.db"), port, stop,
                                     health_port=health_port))
    try:
        yield
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        service.close()


async def test_http_mode_answers_health_readiness_and_metrics_on_its_own_port(fake: FakeSlack,
                                                                              tmp_path: Path) -> None:
    settings = SlackSettings(_env_file=None, bot_token="xoxb-ok", signing_secret=SECRET, api_url=fake.api_url)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    async with serving(settings, tmp_path, port=port):
        await wait_until_ready(base)
        assert (await get(base + "/healthz"))[0] == 200
        assert (await get(base + "/health"))[0] == 200  # the old path, for load balancers set up before
        before = metric((await get(base + "/metrics"))[1], "offer_coach_turns_total", platform="slack")
        async with aiohttp.ClientSession() as session:
            sent = await SlackSender(session, base + settings.path, SECRET).event(
                dm_message(user=ALICE, text="hello"))
        assert sent.status == 200
        await fake.wait_for(lambda: fake.messages_to(ALICE))
        text = (await get(base + "/metrics"))[1]
        assert metric(text, "offer_coach_turns_total", platform="slack") == before + 1
        assert metric(text, "offer_coach_connected", platform="slack") == 1


async def test_socket_mode_serves_them_on_the_health_port(fake: FakeSlack, tmp_path: Path) -> None:
    settings = SlackSettings(_env_file=None, bot_token="xoxb-ok", app_token="xapp-1-A1-test", api_url=fake.api_url)
    health_port = free_port()
    base = f"http://127.0.0.1:{health_port}"
    async with serving(settings, tmp_path, health_port=health_port):
        await wait_until_ready(base)
        before = metric((await get(base + "/metrics"))[1], "offer_coach_turns_total", platform="slack")
        envelope = await fake.send_envelope("events_api", event_callback(dm_message(user=ALICE, text="hi")))
        await fake.wait_for(lambda: fake.ack_for(envelope) and fake.messages_to(ALICE))
        assert metric((await get(base + "/metrics"))[1], "offer_coach_turns_total", platform="slack") == before + 1
        assert (await get(base + "/healthz"))[0] == 200
