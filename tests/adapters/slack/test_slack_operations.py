"""Running the Slack app as an operator does: health, readiness and metrics in both modes."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from adapters.slack.config import SlackSettings
from adapters.slack.runner import serve
from bot.config import CoreSettings
from bot.service import CoachService
from bot.storage.store import Store
from tests.support.fake_slack import FakeSlack, SlackSender, dm_message, event_callback
from tests.support.probe import free_port, get, metric, start_child, wait_until_ready
from tests.support.slack_rig import ScriptedEngine

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
ALICE = "UALICE0001"
SECRET_WORDS = "my current salary is 918273"
APP_TOKEN = "xapp-1-A1-secret-app-token"
RUN_SLACK = "import sys; from adapters.cli.main import main; sys.exit(main(['run', 'slack', *sys.argv[1:]]))"


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


@pytest.mark.parametrize("mode", ["http", "socket"])
async def test_run_slack_on_sigterm_delivers_the_reply_in_flight_and_exits_0(fake: FakeSlack, tmp_path: Path,
                                                                             mode: str) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {"SLACK_BOT_TOKEN": "xoxb-1234-secret-token", "SLACK_API_URL": fake.api_url,
           "OFFER_COACH_DB": str(tmp_path / "c.db"), "OFFER_COACH_LOG_LEVEL": "DEBUG",
           **({"SLACK_SIGNING_SECRET": SECRET} if mode == "http" else {"SLACK_APP_TOKEN": APP_TOKEN})}
    where = ["--port", str(port)] if mode == "http" else ["--health-port", str(port)]
    child = await start_child(RUN_SLACK, *where, cwd=tmp_path, env=env)
    try:
        await wait_until_ready(base)
        fake.hold_posts()  # the reply reaches Slack and waits there
        if mode == "http":
            async with aiohttp.ClientSession() as session:
                sent = await SlackSender(session, base + "/slack/events", SECRET).event(
                    dm_message(user=ALICE, text=SECRET_WORDS))
            assert sent.status == 200
        else:
            await fake.send_envelope("events_api", event_callback(dm_message(user=ALICE, text=SECRET_WORDS)))
        await fake.wait_for(lambda: fake.held >= 1, timeout=30)
        child.process.send_signal(signal.SIGTERM)
        await child.wait_for_line("SIGTERM received")
        await asyncio.sleep(0.5)  # time enough for a process that does not wait to hang up on the reply
        fake.release_posts()
        assert await child.finish() == 0
    finally:
        fake.release_posts()
        child.kill()
    assert fake.messages_to(ALICE) and fake.held == 1 and fake.abandoned == 0, "the reply in flight was delivered"
    log = child.stderr
    assert "Slack adapter starting" in log and "ready" in log and "Slack adapter stopped" in log
    for secret in ("xoxb-1234-secret-token", SECRET, APP_TOKEN, "918273"):  # debug on: no secret, no message text
        assert secret not in log
    assert "Traceback" not in log


async def test_a_429_from_slack_is_counted_as_a_rate_limit_retry(fake: FakeSlack, tmp_path: Path) -> None:
    settings = SlackSettings(_env_file=None, bot_token="xoxb-ok", signing_secret=SECRET, api_url=fake.api_url)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    async with serving(settings, tmp_path, port=port):
        await wait_until_ready(base)
        before = metric((await get(base + "/metrics"))[1], "offer_coach_rate_limit_retries_total", platform="slack")
        fake.rate_limit_once.add("chat.postMessage")
        async with aiohttp.ClientSession() as session:
            await SlackSender(session, base + settings.path, SECRET).event(dm_message(user=ALICE, text="hello"))
        await fake.wait_for(lambda: len(fake.messages_to(ALICE)) == 2)  # refused once, then sent
        after = metric((await get(base + "/metrics"))[1], "offer_coach_rate_limit_retries_total", platform="slack")
        assert after == before + 1
