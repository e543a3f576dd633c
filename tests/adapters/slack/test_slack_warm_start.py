"""The first user after `run slack` starts gets a reply as quick as the next one, in both modes (issue 14).

Counted, not timed: once the server answers on its port (HTTP) or its health port (Socket Mode), the
first users' turns build no reader and load no playbooks; the runner did both before serving.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import pytest

from adapters.slack.config import SlackSettings
from adapters.slack.runner import serve
from bot.config import CoreSettings
from bot.service import CoachService
from tests.support.builds import count_builds
from tests.support.fake_slack import FakeSlack, SlackSender, dm_message, event_callback
from tests.support.probe import free_port, wait_until_ready

ALICE = "UALICE0042"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
LINES = ("practice growth_startup", "I'd like a base of 150k, could you do that?")


def _settings(mode: str, fake: FakeSlack) -> SlackSettings:
    """HTTP mode signs requests with SECRET; Socket Mode connects with an app token instead."""
    if mode == "http":
        return SlackSettings(_env_file=None, bot_token="xoxb-ok", api_url=fake.api_url, signing_secret=SECRET)
    return SlackSettings(_env_file=None, bot_token="xoxb-ok", api_url=fake.api_url, app_token="xapp-1-A1-test")


@pytest.mark.parametrize("mode", ["http", "socket"])
async def test_the_first_dms_after_start_build_no_reader_and_load_no_playbooks(
        fake: FakeSlack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    builds = count_builds(monkeypatch)
    core = CoreSettings(db=tmp_path / "c.db")
    service = CoachService.from_settings(core)
    assert builds == {"readers": 0, "playbooks": 1}  # the reader is built lazily, by the first reading
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    settings = _settings(mode, fake)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, service, core, port, stop,
                                     health_port=None if mode == "http" else port))
    try:
        await wait_until_ready(base)
        assert builds == {"readers": 1, "playbooks": 1}  # warmed up before serving
        async with aiohttp.ClientSession() as session:
            for number, text in enumerate(LINES, start=1):
                if mode == "http":
                    sent = await SlackSender(session, base + settings.path, SECRET).event(
                        dm_message(user=ALICE, text=text))
                    assert sent.status == 200
                else:
                    await fake.send_envelope("events_api", event_callback(dm_message(user=ALICE, text=text)))

                def answered(n: int = number) -> bool:
                    return len(fake.messages_to(ALICE)) >= n

                await fake.wait_for(answered, timeout=20)
        assert builds == {"readers": 1, "playbooks": 1}  # nothing built in the users' turns
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        service.close()


async def test_once_ready_the_collector_walks_only_what_turns_create(fake: FakeSlack, tmp_path: Path) -> None:
    """Counted, not timed: what the process keeps for its life (playbooks, the reader, Bolt) is built
    before it is ready, then hidden from the garbage collector, so a full collection walks only what
    later turns create; and the turns, which leave few cycles, start few collections at all."""
    import gc

    core = CoreSettings(db=tmp_path / "c.db")
    service = CoachService.from_settings(core)
    port = free_port()
    settings = SlackSettings(_env_file=None, bot_token="xoxb-ok", api_url=fake.api_url, signing_secret=SECRET)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, service, core, port, stop))
    try:
        await wait_until_ready(f"http://127.0.0.1:{port}")
        assert gc.get_freeze_count() > 50_000  # the coach, its playbooks and reader, Bolt, aiohttp, the tests
        collections = gc.get_stats()[0]["collections"]
        async with aiohttp.ClientSession() as session:
            sender = SlackSender(session, f"http://127.0.0.1:{port}{settings.path}", SECRET)
            for number in range(60):
                user = f"U{number % 6:09d}"
                await sender.event(dm_message(user=user, text=LINES[number % 2]))

                def answered(n: int = number) -> bool:
                    return sum(len(fake.messages_to(f"U{u:09d}")) for u in range(6)) > n

                await fake.wait_for(answered, timeout=20)
        # A full collection now walks what 60 turns left alive, not the ~90,000 objects that never die,
        # and the turns started at most one collection of the young (with Python's defaults: 2 or more).
        assert len(gc.get_objects(generation=2)) < 5_000
        assert gc.get_stats()[0]["collections"] - collections <= 1
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        service.close()


@pytest.mark.parametrize("mode", ["http", "socket"])
async def test_the_first_dm_after_start_imports_compiles_and_restarts_nothing(
        fake: FakeSlack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    """Counted, not timed: what the first DM's turn would otherwise pay for first is paid before the
    server is ready. Its reply needs no module imported and no pattern compiled (Bolt's response
    conversion included), and its commit does not restart the store's log, even after the second
    the maintenance thread's round may take (see tests/storage/test_first_commit.py)."""
    import sqlite3
    import sys

    from tests.support.builds import count_compiles, wal_header

    db = tmp_path / "c.db"
    core = CoreSettings(db=db)
    service = CoachService.from_settings(core)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    settings = _settings(mode, fake)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, service, core, port, stop,
                                     health_port=None if mode == "http" else port))
    try:
        await wait_until_ready(base)  # (the probe also opens this test's own client connections)
        async with aiohttp.ClientSession() as session:
            sender = SlackSender(session, base + settings.path, SECRET)
            modules = set(sys.modules)
            compiled = count_compiles(monkeypatch)
            started_log = wal_header(db)
            round_conn = sqlite3.connect(db, isolation_level=None)
            service.store._maintenance.round(round_conn)  # type: ignore[attr-defined]
            round_conn.close()
            for number, text in enumerate(LINES, start=1):
                if mode == "http":
                    assert (await sender.event(dm_message(user=ALICE, text=text))).status == 200
                else:
                    await fake.send_envelope("events_api", event_callback(dm_message(user=ALICE, text=text)))

                def answered(n: int = number) -> bool:
                    return len(fake.messages_to(ALICE)) >= n

                await fake.wait_for(answered, timeout=20)
                if number == 1:
                    assert wal_header(db) == started_log  # the first commit was an ordinary one
        assert sorted(set(sys.modules) - modules) == []
        assert compiled == []
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        service.close()
