"""A running Offer Coach Slack app against the Fake Slack, for the Slack tests (not a test module).

The app is the real Bolt app served over real HTTP on 127.0.0.1; requests are signed as Slack
signs them; everything the app sends lands in the Fake Slack.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp

from adapters.slack.app import Coach, build_app, close_app
from adapters.slack.config import SlackSettings
from adapters.slack.runner import start_http
from bot.messages import Card, CardField, Choice, ChoiceStyle, Incoming, Reply, ReplyKind
from bot.service import CoachService
from bot.session import Action, Outcome, Record, SessionState
from bot.storage.store import Store
from tests.support.fake_slack import FakeSlack, SlackSender


class ScriptedEngine:
    """A stand-in engine with a few fixed answers, for tests that pin the adapter, not the coach."""

    def step(self, state: SessionState, incoming: Incoming) -> Outcome:
        text = (incoming.text or "").strip()
        choice = incoming.choice or ""
        turns = state.model_copy(update={"turns": state.turns + 1})
        if text.startswith("practice"):
            return Outcome(state=turns.model_copy(update={"mode": "practice"}), replies=[Reply(
                text="Thanks for coming in. We can offer **100,000** a year.", kind=ReplyKind.recruiter,
                speaker="Dana", move_to_private=True,
                choices=(Choice(id="cmd:hint", label="Hint"),
                         Choice(id="cmd:end", label="End and debrief", style=ChoiceStyle.danger)))])
        if text == "end" or choice == "cmd:end":
            card = Card(title="Your scorecard: 3/4", fields=(CardField(label="Anchoring", value="2/2"),
                                                             CardField(label="Reasons", value="1/2")))
            record = Record(kind="practice", key="startup",
                            data={"scenario": "startup", "outcome": "agreed", "scores": {"a": 2, "b": 1}})
            return Outcome(state=SessionState(turns=state.turns + 1), replies=[
                Reply(text="Well done.", kind=ReplyKind.debrief, cards=(card,), move_to_private=True)],
                records=[record])
        if text == "many":
            return Outcome(state=turns, replies=[Reply(text=f"part {i}") for i in range(1, 8)])
        if text == "export":
            return Outcome(state=turns, replies=[], action=Action.export)
        said = text or choice
        from bot.markup import escape

        return Outcome(state=turns, replies=[Reply(text=f"You said: {escape(said)}")])


@dataclass
class Rig:
    fake: FakeSlack
    send: SlackSender
    secret: str
    service: CoachService
    url: str

    def response_url(self, name: str = "r") -> str:
        return self.fake.response_url(name)


def settings_for(fake: FakeSlack, secret: str, **extra: Any) -> SlackSettings:
    return SlackSettings(_env_file=None, bot_token="xoxb-test-token", signing_secret=secret,
                         api_url=fake.api_url, **extra)


@contextlib.asynccontextmanager
async def running_rig(engine: Any = None, *, coach_wrapper: Any = None) -> AsyncIterator[Rig]:
    secret = secrets.token_hex(16)
    async with FakeSlack() as fake:
        service = CoachService(Store(":memory:"), engine or ScriptedEngine())
        coach: Coach = coach_wrapper(service) if coach_wrapper else service
        settings = settings_for(fake, secret)
        app = build_app(settings, coach, db_path=":memory:")
        runner, port = await start_http(app, settings, host="127.0.0.1", port=0)
        url = f"http://127.0.0.1:{port}{settings.path}"
        try:
            async with aiohttp.ClientSession() as session:
                yield Rig(fake, SlackSender(session, url, secret), secret, service, url)
        finally:
            await runner.cleanup()
            # Let lazy listeners still running finish their calls before the fake goes away.
            await asyncio.sleep(0)
            await close_app(app)
            service.close()
