"""Many workspaces: OAuth installs kept by Bolt's installation store in the core's SQLite file."""

from __future__ import annotations

import secrets

import aiohttp
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.installation_store.sqlite3 import SQLite3InstallationStore

from adapters.slack.app import build_app, close_app
from adapters.slack.config import SlackSettings
from adapters.slack.runner import start_http
from bot.service import CoachService
from bot.storage.store import Store
from tests.support.fake_slack import FakeSlack, SlackSender, dm_message
from tests.support.slack_rig import ScriptedEngine

ALICE = "UALICE0001"
OTHER_TEAM = "T0OTHER02"


async def test_each_workspace_is_answered_with_its_own_installed_token(fake: FakeSlack, tmp_path):
    db = tmp_path / "offer-coach.db"
    secret = secrets.token_hex(16)
    settings = SlackSettings(_env_file=None, client_id="111.222", client_secret="oauth-secret",
                             state_secret="state-secret-for-tests", signing_secret=secret, api_url=fake.api_url)
    service = CoachService(Store(db), ScriptedEngine())
    app = build_app(settings, service, db_path=db)
    store = SQLite3InstallationStore(database=str(db), client_id="111.222")
    for team, token in ((fake.team_id, "xoxb-first-team"), (OTHER_TEAM, "xoxb-second-team")):
        store.save(Installation(app_id="A0FAKE001", team_id=team, user_id="UINSTALLER", bot_token=token,
                                bot_id="BBOTC0ACH", bot_user_id="UBOTC0ACH", bot_scopes="chat:write"))
    runner, port = await start_http(app, settings, host="127.0.0.1", port=0)
    try:
        async with aiohttp.ClientSession() as session:
            send = SlackSender(session, f"http://127.0.0.1:{port}/slack/events", secret)
            await send.event(dm_message(user=ALICE, text="hello"), team=OTHER_TEAM)
            await fake.wait_for(lambda: fake.calls_to("chat.postMessage"))
            assert fake.calls_to("chat.postMessage")[0].token == "xoxb-second-team"

            async with session.get(f"http://127.0.0.1:{port}/slack/install") as install:
                page = await install.text()
            assert install.status == 200 and "client_id=111.222" in page
    finally:
        await runner.cleanup()
        await close_app(app)
        service.close()
    # The core's tables and the installations share the one file.
    with Store(db) as reopened:
        assert reopened.count("turns") == 1
