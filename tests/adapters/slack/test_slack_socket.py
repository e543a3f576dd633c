"""Socket Mode against the Fake Slack's WebSocket: envelope in, ack out, reply posted."""

from __future__ import annotations

from typing import Any

from adapters.slack.app import build_app, close_app
from adapters.slack.config import SlackSettings
from adapters.slack.runner import start_socket_mode
from bot.service import CoachService
from bot.storage.store import Store
from tests.support.fake_slack import FakeSlack, dm_message, event_callback, slash_command
from tests.support.slack_rig import ScriptedEngine

ALICE = "UALICE0001"


async def socket_mode_bot(fake: FakeSlack) -> tuple[CoachService, Any, Any]:
    """A scripted coach behind the real Bolt app, connected to the fake Slack over Socket Mode."""
    settings = SlackSettings(_env_file=None, bot_token="xoxb-test", app_token="xapp-1-A1-test",
                             api_url=fake.api_url)
    service = CoachService(Store(":memory:"), ScriptedEngine())
    app = build_app(settings, service, db_path=":memory:")
    return service, app, await start_socket_mode(app, settings)


async def test_socket_mode_acks_each_envelope_and_posts_the_reply(fake: FakeSlack):
    service, app, handler = await socket_mode_bot(fake)
    try:
        assert fake.calls_to("apps.connections.open")
        event_envelope = await fake.send_envelope("events_api",
                                                  event_callback(dm_message(user=ALICE, text="hi from socket")))
        await fake.wait_for(lambda: fake.ack_for(event_envelope) and fake.messages_to(ALICE))
        assert fake.messages_to(ALICE)[0]["text"] == "You said: hi from socket"

        command = slash_command(text="practice startup", user=ALICE, channel=fake.dm_of(ALICE),
                                response_url=fake.response_url("socket"))
        command_envelope = await fake.send_envelope("slash_commands", command)
        await fake.wait_for(lambda: fake.ack_for(command_envelope) and len(fake.messages_to(ALICE)) == 2)
        assert "Dana" in fake.messages_to(ALICE)[1]["text"]
        assert not fake.posted  # typed in the bot's own DM: no pointer needed
    finally:
        await handler.close_async()
        await close_app(app)
        service.close()


async def test_a_malformed_or_repeated_socket_mode_envelope_is_acknowledged_and_runs_nothing(fake: FakeSlack, caplog):
    service, app, handler = await socket_mode_bot(fake)
    try:
        bad = event_callback(dm_message(user=ALICE, text="hi"))
        bad["event"]["text"] = {"not": "text"}
        bad_envelope = await fake.send_envelope("events_api", bad)
        command = slash_command(text="hello", user=ALICE, channel=fake.dm_of(ALICE),
                                response_url=fake.response_url("socket"))
        first = await fake.send_envelope("slash_commands", command)
        again = await fake.send_envelope("slash_commands", command)  # same trigger id: the same command
        await fake.wait_for(lambda: fake.ack_for(bad_envelope) and fake.ack_for(first) and fake.ack_for(again)
                            and fake.messages_to(ALICE))
        await close_app(app)  # lets the work in flight finish
        assert service.store.count("turns") == 1
        assert not [r for r in caplog.records if r.exc_info]
    finally:
        await handler.close_async()
        await close_app(app)
        service.close()
