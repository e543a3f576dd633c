"""Many workspaces: OAuth installs kept in the core's database (Bolt's SQLite store, or the core's
store on PostgreSQL), on each back end."""

from __future__ import annotations

import secrets

import aiohttp
from slack_sdk.oauth.installation_store.models.installation import Installation

from adapters.slack.app import build_app, close_app, installations_for
from adapters.slack.config import SlackSettings
from adapters.slack.runner import start_http
from bot.service import CoachService
from bot.storage import is_postgres, open_store
from tests.support.fake_slack import FakeSlack, SlackSender, dm_message
from tests.support.slack_rig import ScriptedEngine

ALICE = "UALICE0001"
OTHER_TEAM = "T0OTHER02"


async def test_each_workspace_is_answered_with_its_own_installed_token(fake: FakeSlack, store_target: str):
    db = store_target
    secret = secrets.token_hex(16)
    settings = SlackSettings(_env_file=None, client_id="111.222", client_secret="oauth-secret",
                             state_secret="state-secret-for-tests", signing_secret=secret, api_url=fake.api_url)
    service = CoachService(open_store(db), ScriptedEngine())
    app = build_app(settings, service, db_path=db)
    store = app.installation_store
    assert store is not None
    assert type(store).__name__ == ("StoreInstallationStore" if is_postgres(db) else "SQLite3InstallationStore")
    for team, token in ((fake.team_id, "xoxb-first-team"), (OTHER_TEAM, "xoxb-second-team")):
        await store.async_save(Installation(app_id="A0FAKE001", team_id=team, user_id="UINSTALLER", bot_token=token,
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
    # The core's tables and the installations share the one database.
    reopened = open_store(db)
    assert reopened.count("turns") == 1
    bot = await installations_for(reopened_service := CoachService(reopened, ScriptedEngine()), db,
                                   "111.222").async_find_bot(enterprise_id=None, team_id=OTHER_TEAM)
    assert bot is not None and bot.bot_token == "xoxb-second-team"
    reopened_service.close()
