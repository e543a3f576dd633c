"""Issue 13 on Slack: malformed and replayed requests, a crash after the acknowledgement, and
requests from a workspace the bot's token does not belong to. Each test failed before the fix."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from adapters.slack.app import build_app, close_app, finish_pending, intake_of
from adapters.slack.runner import start_http
from bot.messages import Incoming, Reply
from bot.service import CoachService
from bot.storage.store import Store
from tests.support.fake_slack import (
    FakeSlack,
    SlackSender,
    dm_message,
    form_body,
    payload_body,
    signed_headers,
    slash_command,
)
from tests.support.slack_rig import ScriptedEngine, running_rig, settings_for

ALICE = "UALICE0001"
CHANNEL = "CGENERAL01"
FORM = "application/x-www-form-urlencoded"


# --- defect 8: malformed requests ---------------------------------------------------------------


async def test_an_unsigned_malformed_body_is_refused_before_it_is_read_and_logs_one_short_line(caplog):
    caplog.set_level(logging.INFO)
    async with running_rig() as rig:
        statuses = []
        for _ in range(50):
            async with rig.send.session.post(rig.url, data=b"{bad", headers={"Content-Type": "application/json"}) as r:
                statuses.append(r.status)
        assert set(statuses) == {401}
    assert not [r for r in caplog.records if r.exc_info], "no traceback for someone else's garbage"
    rejected = [r for r in caplog.records if "rejected a Slack request" in r.getMessage()]
    assert len(rejected) == 1 and len(rejected[0].getMessage()) < 120


@pytest.mark.parametrize("body, content_type", [
    ("[1, 2]", "application/json"),
    ("{bad", "application/json"),
    (payload_body({"type": "block_actions", "user": {"id": ALICE}, "actions": []}), FORM),
    (payload_body({"type": "block_actions", "user": {"id": ALICE}, "actions": "x"}), FORM),
    (json.dumps({"type": "event_callback", "event": "x"}), "application/json"),
    (json.dumps({"type": "event_callback", "event_id": "Ev1", "event": {
        "type": "message", "channel_type": "im", "user": 5, "text": ["hi"], "channel": "D1", "ts": "1.1"}}),
     "application/json"),
    ("payload=%7Bbad", FORM),
])
async def test_a_signed_malformed_body_gets_400_and_nothing_runs(body, content_type, caplog):
    async with running_rig() as rig:
        sent = await rig.send.send(body, content_type=content_type)
        assert sent.status == 400
        await asyncio.sleep(0.05)
        assert rig.service.store.count("turns") == 0
        assert not rig.fake.calls_to("chat.postMessage") and not rig.fake.posted
    assert not [r for r in caplog.records if r.exc_info]


# --- defect 11: a replayed slash command --------------------------------------------------------


async def test_the_same_signed_slash_command_sent_three_times_runs_once():
    async with running_rig() as rig:
        body = form_body(slash_command(text="hello", user=ALICE, channel=rig.fake.dm_of(ALICE),
                                       response_url=rig.response_url("cmd")))
        # A replay is the very same bytes with the very same signature, as captured on the wire.
        headers = signed_headers(rig.secret, body)
        statuses = []
        for _ in range(3):
            async with rig.send.session.post(rig.url, data=body.encode(), headers=headers) as response:
                statuses.append(response.status)
        await rig.fake.wait_for(lambda: rig.fake.messages_to(ALICE))
        await asyncio.sleep(0.1)
        assert statuses == [200, 200, 200]
        assert rig.service.store.count("turns") == 1
        assert len(rig.fake.messages_to(ALICE)) == 1


# --- another workspace on a single workspace's token ---------------------------------------------


async def test_an_event_from_another_workspace_is_not_answered_with_our_token():
    async with running_rig() as rig:
        sent = await rig.send.event(dm_message(user=ALICE, text="hello"), team="T0STRANGER")
        assert sent.status == 200  # acknowledged, so Slack does not retry it
        await asyncio.sleep(0.1)
        assert not rig.fake.calls_to("chat.postMessage")
        assert rig.service.store.count("turns") == 0
        # Our own workspace is still answered.
        await rig.send.event(dm_message(user=ALICE, text="hello"))
        await rig.fake.wait_for(lambda: rig.fake.messages_to(ALICE))


async def test_a_slash_command_from_another_workspace_is_told_so_without_a_turn():
    async with running_rig() as rig:
        sent = await rig.send.command("hello", user=ALICE, channel=CHANNEL, response_url=rig.response_url(),
                                      team="T0STRANGER")
        assert sent.status == 200 and "another Slack workspace" in sent.body
        await asyncio.sleep(0.1)
        assert rig.service.store.count("turns") == 0 and not rig.fake.posted


# --- defect 10: a hard crash after the acknowledgement -------------------------------------------


class Stuck:
    """A coach whose turns never finish: the process 'dies' with them in flight."""

    def __init__(self, service: CoachService) -> None:
        self.service = service
        self.store = service.store
        self.started = asyncio.Event()

    async def handle(self, incoming: Incoming) -> list[Reply]:
        self.started.set()
        await asyncio.Event().wait()
        return []

    def progress(self, user_key: str) -> dict[str, Any]:
        return {}


async def _serve(coach: Any, fake: FakeSlack, secret: str, db: Path) -> tuple[Any, Any, str]:
    settings = settings_for(fake, secret)
    app = build_app(settings, coach, db_path=db)
    runner, port = await start_http(app, settings, host="127.0.0.1", port=0)
    return app, runner, f"http://127.0.0.1:{port}{settings.path}"


async def test_acknowledged_requests_survive_a_crash_and_run_exactly_once_at_the_next_start(fake, tmp_path):
    db, secret = tmp_path / "coach.db", secrets.token_hex(16)
    first_store = Store(db, maintenance=False)
    first = CoachService(first_store, ScriptedEngine())
    stuck = Stuck(first)
    app, runner, url = await _serve(stuck, fake, secret, db)
    async with aiohttp.ClientSession() as session:
        send = SlackSender(session, url, secret)
        event = await send.event(dm_message(user=ALICE, text="hello"), event_id="EvCRASH0001")
        command = await send.command("status", user=ALICE, channel=fake.dm_of(ALICE),
                                     response_url=fake.response_url("cmd"))
        assert (event.status, command.status) == (200, 200)  # Slack will never send these again
        await stuck.started.wait()
        # The crash: nothing in flight finishes, nothing is marked done, nothing is delivered.
        await runner.cleanup()
        await intake_of(app).cancel()
    first_store.conn.close()
    assert not fake.calls_to("chat.postMessage")

    second = CoachService(Store(db, maintenance=False), ScriptedEngine())
    app2, runner2, _url = await _serve(second, fake, secret, db)
    try:
        assert await finish_pending(app2) == 2
        await fake.wait_for(lambda: len(fake.messages_to(ALICE)) + len(fake.posted) >= 2)
        await intake_of(app2).drain(5)
        assert second.store.count("turns") == 2
        # A third start finds nothing left to do: each request ran exactly once.
        assert await finish_pending(app2) == 0
    finally:
        await runner2.cleanup()
        await close_app(app2)
        second.close()


async def test_a_request_whose_turn_was_saved_before_the_crash_is_not_run_twice(fake, tmp_path):
    db, secret = tmp_path / "coach.db", secrets.token_hex(16)
    first_store = Store(db, maintenance=False)
    first = CoachService(first_store, ScriptedEngine())
    app, runner, url = await _serve(first, fake, secret, db)
    async with aiohttp.ClientSession() as session:
        await SlackSender(session, url, secret).event(dm_message(user=ALICE, text="hello"), event_id="EvSAVED001")
        await fake.wait_for(lambda: fake.messages_to(ALICE))
    # The crash came after the turn was saved but before it was marked done.
    await asyncio.sleep(0.01)
    intake = intake_of(app)
    assert intake._flush is not None
    intake._flush.cancel()
    intake._finished.clear()
    await runner.cleanup()
    # The crashed process's lease runs out (here it is the test's own process, still alive).
    with first_store.transaction():
        first_store.execute("UPDATE inbox SET leased_until = ''")
    first_store.conn.close()

    second = CoachService(Store(db, maintenance=False), ScriptedEngine())
    app2, runner2, _url = await _serve(second, fake, secret, db)
    try:
        assert await finish_pending(app2) == 1
        await intake_of(app2).drain(5)
        assert second.store.count("turns") == 1
        assert len(fake.messages_to(ALICE)) == 1
    finally:
        await runner2.cleanup()
        await close_app(app2)
        second.close()


async def test_a_running_process_takes_over_a_request_whose_owner_crashed_elsewhere(fake, tmp_path, monkeypatch):
    from datetime import timedelta

    import adapters.slack.runner as slack_runner

    db, secret = tmp_path / "coach.db", secrets.token_hex(16)
    first_store = Store(db, maintenance=False)
    first = CoachService(first_store, ScriptedEngine())
    stuck = Stuck(first)
    app, runner, url = await _serve(stuck, fake, secret, db)
    second = CoachService(Store(db, maintenance=False), ScriptedEngine())
    app2, runner2, _url = await _serve(second, fake, secret, db)
    assert await finish_pending(app2) == 0  # started while the first works on nothing yet
    async with aiohttp.ClientSession() as session:
        await SlackSender(session, url, secret).event(dm_message(user=ALICE, text="hello"), event_id="EvAWAY0001")
        await stuck.started.wait()
    # The first process (on another host, say) dies holding the request; its lease runs out.
    await runner.cleanup()
    for task in list(intake_of(app)._tasks):
        task.cancel()
    with first_store.transaction():
        first_store.execute("UPDATE inbox SET leased_until = ''")
    first_store.conn.close()
    monkeypatch.setattr(slack_runner, "LEASE", timedelta(milliseconds=10))
    sweeping = asyncio.get_running_loop().create_task(slack_runner._sweep_pending(app2))
    try:
        await fake.wait_for(lambda: fake.messages_to(ALICE))
        await intake_of(app2).drain(5)
        assert second.store.count("turns") == 1
    finally:
        sweeping.cancel()
        await runner2.cleanup()
        await close_app(app2)
        second.close()
