"""The servers' event loop: uvloop when installed (``auto``), Python's own when asked, and a clear stop
naming OFFER_COACH_EVENT_LOOP when the loop asked for can't be had."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from adapters import event_loop
from adapters.discord import runner as discord_runner
from adapters.slack import runner as slack_runner
from bot.config import CoreSettings


async def _loop_module() -> str:
    return type(asyncio.get_running_loop()).__module__


def test_auto_is_the_default_and_takes_uvloop_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("uvloop")
    monkeypatch.delenv("OFFER_COACH_EVENT_LOOP", raising=False)
    assert event_loop.run(_loop_module()).startswith("uvloop")
    for asked, expected in (("asyncio", "asyncio"), ("ASYNCIO", "asyncio"), ("uvloop", "uvloop"), ("auto", "uvloop")):
        monkeypatch.setenv("OFFER_COACH_EVENT_LOOP", asked)
        assert event_loop.run(_loop_module()).startswith(expected), asked


def test_auto_falls_back_and_uvloop_refuses_when_it_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvloop", None)  # as if it were not installed
    assert event_loop.run_on("auto", _loop_module()).startswith("asyncio")
    with pytest.raises(event_loop.EventLoopUnavailable, match="uvloop"):
        event_loop.loop_factory("uvloop")


def _servers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Callable[[], int]]:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "8f742231b10e8888abcd99yyyzzz85a5")
    monkeypatch.setenv("DISCORD_TOKEN", "MTA.test.token")
    for name in ("SLACK_APP_TOKEN", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"):
        monkeypatch.delenv(name, raising=False)
    return {"slack": lambda: slack_runner.run(CoreSettings(db=tmp_path / "slack.db"), port=3000),
            "discord": lambda: discord_runner.run(CoreSettings(db=tmp_path / "discord.db"))}


@pytest.mark.parametrize("asked", ["asyncio", "auto"])
def test_run_slack_and_run_discord_serve_on_the_chosen_loop(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                            asked: str) -> None:
    monkeypatch.setenv("OFFER_COACH_EVENT_LOOP", asked)
    served_on: list[str] = []

    async def serve(*_args: object, **_kwargs: object) -> int:
        served_on.append(type(asyncio.get_running_loop()).__module__)
        return 0

    monkeypatch.setattr(slack_runner, "serve", serve)
    monkeypatch.setattr(discord_runner, "serve", serve)
    for start in _servers(monkeypatch, tmp_path).values():
        assert start() == 0
    expected = "uvloop" if asked == "auto" and importlib.util.find_spec("uvloop") else "asyncio"
    assert [module.split(".")[0] for module in served_on] == [expected] * 2


@pytest.mark.parametrize("asked", ["uvloop", "trio"])
def test_a_loop_that_cannot_be_had_stops_the_server_naming_the_setting(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, asked: str) -> None:
    monkeypatch.setenv("OFFER_COACH_EVENT_LOOP", asked)
    monkeypatch.setitem(sys.modules, "uvloop", None)  # as if it were not installed
    for name, start in _servers(monkeypatch, tmp_path).items():
        assert start() == 2, name
        err = capsys.readouterr().err
        assert "OFFER_COACH_EVENT_LOOP" in err and asked in err, name
