"""The servers run on uvloop when it is installed, unless OFFER_COACH_UVLOOP turns it off."""

from __future__ import annotations

import asyncio

import pytest

from adapters import event_loop
from adapters.discord import runner as discord_runner
from adapters.slack import runner as slack_runner
from bot.config import CoreSettings

uvloop = pytest.importorskip("uvloop")


async def _loop_kind() -> type:
    return type(asyncio.get_running_loop())


def test_the_loop_is_uvloop_by_default_and_asyncio_when_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OFFER_COACH_UVLOOP", raising=False)
    assert event_loop.run(_loop_kind()) is uvloop.Loop
    for off in ("0", "false", "Off"):
        monkeypatch.setenv("OFFER_COACH_UVLOOP", off)
        assert not issubclass(event_loop.run(_loop_kind()), uvloop.Loop)
    monkeypatch.setenv("OFFER_COACH_UVLOOP", "1")
    assert event_loop.run(_loop_kind()) is uvloop.Loop


@pytest.mark.parametrize("setting", ["1", "0"])
def test_run_slack_and_run_discord_serve_on_the_chosen_loop(monkeypatch: pytest.MonkeyPatch, tmp_path,
                                                            setting: str) -> None:
    monkeypatch.setenv("OFFER_COACH_UVLOOP", setting)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "8f742231b10e8888abcd99yyyzzz85a5")
    monkeypatch.setenv("DISCORD_TOKEN", "MTA.test.token")
    for name in ("SLACK_APP_TOKEN", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"):
        monkeypatch.delenv(name, raising=False)
    served_on: list[type] = []

    async def serve(*_args: object, **_kwargs: object) -> int:
        served_on.append(type(asyncio.get_running_loop()))
        return 0

    monkeypatch.setattr(slack_runner, "serve", serve)
    monkeypatch.setattr(discord_runner, "serve", serve)
    assert slack_runner.run(CoreSettings(db=tmp_path / "slack.db"), port=3000) == 0
    assert discord_runner.run(CoreSettings(db=tmp_path / "discord.db")) == 0
    assert [issubclass(kind, uvloop.Loop) for kind in served_on] == [setting == "1"] * 2
