"""Four real `offer-coach run slack` processes (HTTP mode) on one PostgreSQL database.

1,000 signed DM events from 200 users go to random processes, and a third of them are sent again
(as Slack's retries, with the same event id) to another process at the same moment. Each user waits
for the answer before writing again, as a person would. Afterwards: every event has exactly one
turn, every user's turns are in the order they were sent, and Slack got exactly the replies the
stored turns hold (so no event was answered twice or not at all).

The processes are forked from one launcher that imported the code once
(:mod:`tests.support.preforked`): four fresh interpreters would spend most of this test starting.
"""

from __future__ import annotations

import asyncio
import os
import random
import secrets
import socket
import time
from pathlib import Path

import aiohttp
import pytest

from bot.storage import open_store
from tests.support.fake_slack import ApiCall, FakeSlack, Posted, SlackSender, dm_message
from tests.support.preforked import Preforked

PROCESSES = 4
USERS = 200
MESSAGES_PER_USER = 5  # 1,000 events, about 350 of them sent twice
# What `run slack` imports on its way to serving: done once in the launcher, not in each process.
PRELOAD = ["adapters.cli.main", "adapters.cli.db", "adapters.logs", "adapters.slack.runner", "bot.service",
           "bot.engine", "bot.playbooks.loader", "bot.understanding.reader", "psycopg", "psycopg_pool"]


def _free_ports(n: int) -> list[int]:
    sockets = [socket.socket() for _ in range(n)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


async def _until_healthy(session: aiohttp.ClientSession, port: int, servers: Preforked, index: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert servers.exited(index) is None, f"a Slack process exited during start-up: {servers.errors()}"
        try:
            async with session.get(f"http://127.0.0.1:{port}/health") as response:
                if response.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.05)
    raise AssertionError(f"the Slack process on port {port} never became healthy")


async def test_four_processes_answer_every_event_once_in_order(postgres_url: str, tmp_path: Path):
    open_store(postgres_url, maintenance=False).close()  # migrate once before the processes start
    secret = secrets.token_hex(16)
    rng = random.Random(15)
    async with FakeSlack() as fake:
        ports = _free_ports(PROCESSES)
        env = {**os.environ, "OFFER_COACH_DATABASE_URL": postgres_url,
               "OFFER_COACH_DB": str(tmp_path / "unused.db"), "SLACK_BOT_TOKEN": "xoxb-test-token",
               "SLACK_SIGNING_SECRET": secret, "SLACK_API_URL": fake.api_url}
        for name in ("SLACK_APP_TOKEN", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"):
            env.pop(name, None)
        servers = Preforked("adapters.cli.main:main", [["run", "slack", "--port", str(port)] for port in ports],
                            preload=PRELOAD, env=env, cwd=tmp_path)
        try:
            async with aiohttp.ClientSession() as session:
                await asyncio.gather(*(_until_healthy(session, port, servers, index)
                                       for index, port in enumerate(ports)))
                senders = [SlackSender(session, f"http://127.0.0.1:{port}/slack/events", secret) for port in ports]
                sent: dict[str, list[str]] = {}
                replied: dict[str, asyncio.Event] = {}  # DM channel -> set by the next message posted there

                def on_call(item: ApiCall | Posted) -> None:
                    if isinstance(item, ApiCall) and item.method == "chat.postMessage":
                        channel = str(item.params.get("channel", ""))
                        waiting = replied.get(channel if channel.startswith("D") else fake.dm_of(channel))
                        if waiting is not None:
                            waiting.set()

                fake.observers.append(on_call)

                async def user(n: int) -> None:
                    user_id = f"U{n:08d}"
                    sent[user_id] = []
                    for m in range(MESSAGES_PER_USER):
                        text = f"hello {m}"
                        event_id = f"Ev{n:04d}{m:02d}"
                        event = dm_message(user=user_id, text=text)
                        answered = replied[fake.dm_of(user_id)] = asyncio.Event()
                        first, again = rng.sample(senders, 2)
                        sends = [first.event(event, event_id=event_id)]
                        if rng.random() < 0.35:  # Slack's retry of the same event, to another process
                            sends.append(again.event(event, event_id=event_id, retry=1))
                        statuses = [result.status for result in await asyncio.gather(*sends)]
                        assert all(status == 200 for status in statuses)
                        sent[user_id].append(text)
                        await asyncio.wait_for(answered.wait(), 30)

                await asyncio.gather(*(user(n) for n in range(USERS)))
        finally:
            # A stopping process first finishes the work it accepted (fake Slack keeps answering
            # meanwhile), so once all have exited no late or duplicate reply can still arrive.
            exit_codes = await servers.stop()
        assert exit_codes == [0] * PROCESSES, servers.errors()

    store = open_store(postgres_url, maintenance=False)
    try:
        assert store.count("events") == USERS * MESSAGES_PER_USER
        assert store.count("turns") == USERS * MESSAGES_PER_USER
        for user_id, texts in sent.items():
            data = store.user_data(f"slack:{fake.team_id}:{user_id}")
            assert [turn.text_in for turn in data.turns] == texts  # in the order sent, none lost or doubled
            stored_replies = sum(len(turn.replies) for turn in data.turns)
            assert len(fake.messages_to(user_id)) == stored_replies  # each turn's replies posted once
    finally:
        store.close()


pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
