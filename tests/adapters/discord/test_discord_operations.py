"""Running the Discord bot as an operator does: the real `offer-coach run discord` process, its
health port, its metrics, its logs, and SIGTERM with a reply still on its way."""

from __future__ import annotations

import asyncio
import signal
import socket
from pathlib import Path

import pytest

from adapters.discord.config import DiscordSettings
from adapters.discord.runner import START_ERROR, serve
from bot.config import CoreSettings
from tests.support.fake_discord import FakeDiscord, point_discord_py_at
from tests.support.probe import free_port, get, metric, start_child, wait_until_ready

GUILD = 777 << 22
ALICE = 3001
SECRET_WORDS = "my current salary is 918273"

# The real command line, pointed at the local fake Discord (its REST base and gateway URL come first).
RUN_DISCORD = """
import sys
from tests.support.fake_discord import point_discord_py_at
from adapters.cli.main import main
with point_discord_py_at(sys.argv[1], sys.argv[2]):
    sys.exit(main(["run", "discord", *sys.argv[3:]]))
"""


async def test_sigterm_with_a_reply_in_flight_delivers_it_then_exits_0(fake: FakeDiscord, tmp_path: Path) -> None:
    port = free_port()
    child = await start_child(RUN_DISCORD, fake.api_base, fake.gateway_url, "--health-port", str(port),
                              cwd=tmp_path, env={"DISCORD_TOKEN": fake.token, "OFFER_COACH_DB": str(tmp_path / "c.db"),
                                                 "OFFER_COACH_LOG_LEVEL": "DEBUG"})
    base = f"http://127.0.0.1:{port}"
    try:
        await wait_until_ready(base)
        assert (await get(base + "/healthz"))[0] == 200
        before = metric((await get(base + "/metrics"))[1], "offer_coach_turns_total", platform="discord")

        fake.hold_messages()  # the reply's request reaches Discord and waits there
        await fake.send_dm(ALICE, SECRET_WORDS)
        await fake.wait_for(lambda: fake.held >= 1, timeout=30)
        child.process.send_signal(signal.SIGTERM)
        await child.wait_for_line("SIGTERM received")

        metrics = (await get(base + "/metrics"))[1]  # still serving while it drains
        assert metric(metrics, "offer_coach_turns_total", platform="discord") == before + 1
        assert metric(metrics, "offer_coach_in_flight", platform="discord") == 1
        await asyncio.sleep(0.5)  # time enough for a process that does not wait to hang up on the reply
        assert child.process.returncode is None  # waiting for the reply, not gone
        fake.release_messages()
        assert await child.finish() == 0
    finally:
        fake.release_messages()
        child.kill()
    assert fake.messages_in(fake.dm_channel_id(ALICE)) and fake.abandoned == 0, "the reply in flight was delivered"
    log = child.stderr
    assert "Discord adapter starting" in log and "ready" in log and "Discord adapter stopped" in log
    assert fake.token not in log and "918273" not in log  # debug on, yet no token and no message text
    assert "Traceback" not in log


async def test_a_new_message_while_stopping_gets_a_restart_notice_not_a_turn(fake: FakeDiscord,
                                                                             tmp_path: Path) -> None:
    stop = asyncio.Event()
    with fake.patched():
        bot = asyncio.create_task(serve(CoreSettings(db=tmp_path / "c.db"),
                                        DiscordSettings(token=fake.token, sync_commands=False), stop=stop))
        await fake.wait_until_ready()
        dm = fake.dm_channel_id(ALICE)
        await fake.turn(fake.send_dm(ALICE, "help"))  # connected and answering
        answered_before = len(fake.messages_in(dm))
        fake.hold_messages()
        await fake.send_dm(ALICE, "practice growth_startup")
        await fake.wait_for(lambda: fake.held >= 1)
        stop.set()  # as SIGTERM does
        await fake.send_dm(ALICE, "scenarios")  # arrives while the first is still in flight
        fake.release_messages()
        assert await asyncio.wait_for(bot, 20) == 0
    after = fake.messages_in(dm)[answered_before:]
    titles = [e.get("title") or "" for m in after for e in m["embeds"]]
    assert any(t.startswith("The offer:") for t in titles)  # the practice in flight was answered in full
    assert after[-1]["content"].startswith("I'm restarting")  # the late message was told, not dropped


async def test_discord_unreachable_is_one_clear_sentence_and_status_1(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with point_discord_py_at(f"http://127.0.0.1:{port}/api/v10", f"ws://127.0.0.1:{port}/gateway"):
        status = await asyncio.wait_for(serve(CoreSettings(db=tmp_path / "c.db"),
                                              DiscordSettings(token="MTIz.abc.def")), 20)
    assert status == START_ERROR
    error = capsys.readouterr().err
    assert "Cannot reach Discord" in error and "Traceback" not in error


async def test_a_429_from_discord_is_counted_as_a_rate_limit_retry(fake: FakeDiscord, tmp_path: Path) -> None:
    stop = asyncio.Event()
    port = free_port()
    with fake.patched():
        bot = asyncio.create_task(serve(CoreSettings(db=tmp_path / "c.db"),
                                        DiscordSettings(token=fake.token, sync_commands=False),
                                        health_port=port, stop=stop))
        try:
            await wait_until_ready(f"http://127.0.0.1:{port}")
            scrape = f"http://127.0.0.1:{port}/metrics"
            before = metric((await get(scrape))[1], "offer_coach_rate_limit_retries_total", platform="discord")
            fake.rate_limit_next_messages(1)
            await fake.turn(fake.send_dm(ALICE, "help"))
            after = metric((await get(scrape))[1], "offer_coach_rate_limit_retries_total", platform="discord")
            assert fake.rate_limited_requests == 1 and after == before + 1
        finally:
            stop.set()
            assert await asyncio.wait_for(bot, 20) == 0
