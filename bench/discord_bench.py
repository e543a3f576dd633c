"""Benchmark: what the coach adds per Discord DM, against a bare discord.py bot, in one run.

Run from the repository root:

    python bench/discord_bench.py               # 200 measured DMs per client per round, 6 rounds
    python bench/discord_bench.py --events 500 --rounds 10

Both clients are real discord.py clients connected to the local fake Discord over loopback
(tests/support/fake_discord.py). For each DM the clock starts just before the fake sends the
MESSAGE_CREATE frame and stops when the bot's first reply request (POST .../messages) reaches the
fake, so it covers discord.py's gateway parsing, the bot's work and the REST request.

- bare: ``on_message`` sends a fixed reply and nothing else;
- adapter: the Offer Coach client with a service that answers a fixed line without storing it:
  what the adapter itself adds (building the Incoming, rendering, sending);
- +store: the real service and SQLite store (a file in WAL mode) with an engine that answers a
  fixed line: what the adapter and the store add;
- coach: the same with the real engine, fed a practice conversation (openings, asks, trades,
  hints, debriefs) across many users: what the whole bot adds.

Rounds alternate the clients so drift on a shared machine hits all of them; the ratio shown is the
median over rounds of (client median / bare median in the same round). Target (issue 5 §9):
within 1.25x of bare.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import discord

from adapters.discord.client import CoachClient, intents
from adapters.discord.commands import Catalogue
from adapters.discord.config import DiscordSettings
from tests.support.fake_discord import FakeDiscord, connected

CONVERSATION = (
    "practice {scenario}",
    "Thanks so much, I'm genuinely excited about joining this team.",
    "Going by market data for this level, I'd be looking at a base around 10% higher.",
    "Could you do 25 days of paid time off?",
    "If the base can't move, I'd take a bigger sign-on bonus instead.",
    "What else could you offer on the package?",
    "hint",
    "status",
    "Could I have a day to think it over?",
    "Could you send the final offer in writing?",
    "end",
)


class BareClient(discord.Client):
    """The floor: a bot that parses the event and answers with a fixed line."""

    def __init__(self, **options: Any) -> None:
        super().__init__(intents=intents(), max_messages=None, allowed_mentions=discord.AllowedMentions.none(),
                         **options)
        self.done = asyncio.Event()

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        await message.channel.send("Thanks, noted.")
        self.done.set()


class TimedCoachClient(CoachClient):
    """The coach, with a signal when a DM's replies are all sent, so events do not overlap."""

    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__(*args, **options)
        self.done = asyncio.Event()

    async def on_message(self, message: discord.Message) -> None:
        await super().on_message(message)
        self.done.set()


class FixedLineEngine:
    """An engine that does no thinking, so the adapter and the store are all that is measured."""

    def step(self, state: Any, incoming: Any) -> Any:
        from bot.messages import Reply
        from bot.session import Outcome

        return Outcome(state=state, replies=[Reply(text="Thanks, noted.")])


class FixedLineService:
    """A service with nothing behind it: the adapter alone is measured."""

    async def handle(self, incoming: Any) -> list[Any]:
        from bot.messages import Reply

        return [Reply(text="Thanks, noted.")]


def _texts(scenarios: list[str]) -> itertools.cycle[tuple[int, str]]:
    """(user, text) pairs: each user plays one conversation; users cycle through the scenarios."""
    pairs = []
    for user, scenario in enumerate(scenarios * 4, start=10_000):
        pairs += [(user, line.format(scenario=scenario)) for line in CONVERSATION]
    return itertools.cycle(pairs)


async def _measure(fake: FakeDiscord, client: Any, texts: itertools.cycle[tuple[int, str]],
                   events: int, warmup: int) -> list[float]:
    timings: list[float] = []
    async with connected(fake, client):
        for index in range(warmup + events):
            user, text = next(texts)
            client.done.clear()
            seen = len(fake.requests)
            gc.disable()
            started = time.perf_counter()
            await fake.send_dm(user, text)
            await asyncio.wait_for(client.done.wait(), 10)
            gc.enable()
            first = next((r for r in fake.requests[seen:] if r.method == "POST" and r.path.endswith("/messages")),
                         None)
            if first is None:
                raise RuntimeError(f"no reply to {text!r}")
            if index >= warmup:
                timings.append(first.at - started)
    return timings


def _row(name: str, timings: list[float]) -> str:
    ordered = sorted(timings)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (f"{name:<8} n={len(timings):>5}  p50 {statistics.median(timings) * 1000:6.3f} ms  "
            f"mean {statistics.fmean(timings) * 1000:6.3f} ms  p99 {p99 * 1000:6.3f} ms")


async def main(events: int, rounds: int, warmup: int) -> int:
    from bot.engine import Engine
    from bot.service import CoachService
    from bot.storage.store import Store
    from tests.support.harness import shipped

    playbooks, understander = shipped()
    catalogue = Catalogue.from_playbooks(playbooks)
    texts = _texts(sorted(playbooks.scenarios))
    results: dict[str, list[float]] = {"bare": [], "adapter": [], "+store": [], "coach": []}
    ratios: dict[str, list[float]] = {name: [] for name in results}
    with tempfile.TemporaryDirectory() as folder:
        fixed = CoachService(Store(Path(folder) / "fixed.db"), FixedLineEngine())
        real = CoachService(Store(Path(folder) / "coach.db"), Engine(playbooks, understander))
        try:
            async with FakeDiscord() as fake:
                settings = DiscordSettings(token=fake.token, sync_commands=False)
                for _ in range(rounds):
                    clients = {
                        "bare": BareClient(guild_ready_timeout=0),
                        "adapter": TimedCoachClient(FixedLineService(), settings, catalogue, guild_ready_timeout=0),
                        "+store": TimedCoachClient(fixed, settings, catalogue, guild_ready_timeout=0),
                        "coach": TimedCoachClient(real, settings, catalogue, guild_ready_timeout=0),
                    }
                    round_medians = {}
                    for name, client in clients.items():
                        timings = await _measure(fake, client, texts, events, warmup)
                        results[name] += timings
                        round_medians[name] = statistics.median(timings)
                    for name, median in round_medians.items():
                        ratios[name].append(median / round_medians["bare"])
        finally:
            fixed.close()
            real.close()
    print("Per DM: MESSAGE_CREATE sent by the fake -> the bot's reply request received (loopback)")
    for name, timings in results.items():
        print(_row(name, timings) + f"  {statistics.median(ratios[name]):5.2f}x bare")
    print("target: within 1.25x of bare")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=200, help="measured DMs per client per round")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--warmup", type=int, default=30)
    arguments = parser.parse_args()
    sys.exit(asyncio.run(main(arguments.events, arguments.rounds, arguments.warmup)))
