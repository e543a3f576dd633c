"""Starting and stopping the adapter: refused or unreachable credentials stop it at once, clearly."""

from __future__ import annotations

import asyncio
import socket

import pytest

from adapters.slack.config import SlackSettings
from adapters.slack.runner import StartupError, serve
from bot.config import CoreSettings
from bot.service import CoachService
from bot.storage.store import Store
from tests.support.fake_slack import FakeSlack
from tests.support.slack_rig import ScriptedEngine

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


def _service() -> CoachService:
    return CoachService(Store(":memory:"), ScriptedEngine())


async def _serve_briefly(settings: SlackSettings, tmp_path) -> None:
    stop = asyncio.Event()
    asyncio.get_running_loop().call_later(0.2, stop.set)
    service = _service()
    try:
        await asyncio.wait_for(serve(settings, service, CoreSettings(db=tmp_path / "x.db"), 0, stop), 10)
    finally:
        service.close()


async def test_a_refused_bot_token_stops_the_start_naming_the_variable(fake: FakeSlack, tmp_path):
    fake.errors["auth.test"] = "invalid_auth"
    settings = SlackSettings(_env_file=None, bot_token="xoxb-revoked", signing_secret=SECRET, api_url=fake.api_url)
    with pytest.raises(StartupError) as raised:
        await _serve_briefly(settings, tmp_path)
    assert "SLACK_BOT_TOKEN" in str(raised.value) and "invalid_auth" in str(raised.value)
    assert "xoxb-revoked" not in str(raised.value)
    assert raised.value.exit_code == 2


async def test_a_refused_app_token_stops_socket_mode_naming_the_variable(fake: FakeSlack, tmp_path):
    fake.errors["apps.connections.open"] = "invalid_auth"
    settings = SlackSettings(_env_file=None, bot_token="xoxb-ok", app_token="xapp-1-revoked", api_url=fake.api_url)
    with pytest.raises(StartupError) as raised:
        await _serve_briefly(settings, tmp_path)
    assert "SLACK_APP_TOKEN" in str(raised.value)


async def test_an_unreachable_slack_is_reported_with_the_url(tmp_path):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    settings = SlackSettings(_env_file=None, bot_token="xoxb-ok", signing_secret=SECRET,
                             api_url=f"http://127.0.0.1:{port}/api/")
    with pytest.raises(StartupError) as raised:
        await _serve_briefly(settings, tmp_path)
    assert f"127.0.0.1:{port}" in str(raised.value) and raised.value.exit_code == 1


async def test_http_mode_serves_until_stopped(fake: FakeSlack, tmp_path):
    settings = SlackSettings(_env_file=None, bot_token="xoxb-ok", signing_secret=SECRET, api_url=fake.api_url)
    await _serve_briefly(settings, tmp_path)
    # The token check, then Bolt learning who the token is before serving (so not on the first
    # user's reply); nothing else until someone writes.
    assert [c.method for c in fake.calls] == ["auth.test", "auth.test"]
