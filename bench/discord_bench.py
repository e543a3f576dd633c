"""Benchmark: what the coach adds per Discord DM, against a bare discord.py bot, in one run.

Run from the repository root:

    python bench/discord_bench.py               # 200 measured DMs per client per round, 6 rounds
    python bench/discord_bench.py --events 500 --rounds 10
    python bench/discord_bench.py --cpu         # CPU per DM: the adapter's own vs a bare client's
    python bench/discord_bench.py --cpu --loop uvloop   # the same with every client on uvloop
    python bench/discord_bench.py --first --code /path/to/old/checkout   # first reply vs warm, both trees

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

``--cpu`` (issue 14): the fake Discord runs on its own thread and event loop, so the client's thread
CPU (``time.thread_time``) is the client's work alone: discord.py's gateway parsing, the adapter and
the REST request. For the coach the turn's own CPU (``CoachService.handle``, which runs inline) is
measured too and subtracted: what is left is the adapter's own CPU per DM, compared with the bare
client's CPU per DM. Each round is cut into slices (``--slices``): in a slice every client, in an
order that rotates, answers the same DMs on a fresh connection, and the ratio is taken within the
slice, so a busy neighbour on a shared machine hits all clients alike; the median over slices is
shown with its quartiles. ``--loop uvloop`` runs the clients on uvloop (the fake keeps its own
asyncio loop), to compare the adapter and a bare client on that loop too. Target: within 1.1x.

Two more rows separate what the adapter adds from what the coach's richer messages cost discord.py:
``same-payload`` is a bare client sending, for each DM, the very messages the coach sends for it
(rendered beforehand: embeds, buttons, sometimes two messages); ``replay`` is the adapter answering
each DM with the replies the real coach gave it when recorded, with no turn behind them.

``--first`` (issue 14): the real ``serve`` of adapters/discord/runner.py in a fresh process against
the fake, as an operator starts it; the first DM's reply time against the same DM from later users.
With ``--code`` the same runs against another checkout, alternating processes.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

# `--tree PATH` (used by --against): the adapter and the coach of another checkout, measured by this bench.
sys.path.insert(0, sys.argv[sys.argv.index("--tree") + 1] if "--tree" in sys.argv else str(Path(__file__).parents[1]))

import discord

from adapters.discord.client import CoachClient, intents
from adapters.discord.commands import Catalogue
from adapters.discord.config import DiscordSettings
from adapters.event_loop import EVENT_LOOPS, run_on
from tests.support.fake_discord import FakeDiscord, connected

HERE = Path(__file__).resolve().parents[1]

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


class SamePayloadClient(BareClient):
    """A bare client that sends, for each DM, the messages the coach sends for it, already rendered:
    discord.py's cost of those richer messages (embeds, buttons, more than one message) with no
    adapter around it."""

    def __init__(self, payloads: dict[tuple[str, str], list[dict[str, Any]]], **options: Any) -> None:
        super().__init__(**options)
        self.payloads = payloads

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        for kwargs in self.payloads[(str(message.author.id), message.content)]:
            await message.channel.send(**kwargs)
        self.done.set()


class TurnThenPayloadClient(SamePayloadClient):
    """The fairest floor for the adapter's own CPU: a bare client that takes the very turn the coach
    takes (on a store of its own, timed and subtracted like the coach's), then sends the coach's
    messages for the DM with discord.py's ``send``. What it spends beyond the turn is discord.py's
    receiving and sending of the same payloads on a thread that has just run a turn, with no adapter."""

    def __init__(self, payloads: dict[tuple[str, str], list[dict[str, Any]]], turn: TurnTimed,
                 **options: Any) -> None:
        super().__init__(payloads, **options)
        self.turn = turn

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        from bot.messages import Incoming

        started = time.thread_time()  # the event as the core takes it counts as the turn here
        incoming = Incoming(platform="discord", user_id=str(message.author.id), conversation_id=str(message.channel.id),
                            text=message.content, event_id=f"message:{message.id}", at=message.created_at)
        self.turn.cpu += time.thread_time() - started
        await self.turn.handle(incoming)
        for kwargs in self.payloads[(str(message.author.id), message.content)]:
            await message.channel.send(**kwargs)
        self.done.set()


class ReplayService:
    """Answers each DM with the replies the real coach gave it when recorded: the adapter's work on
    real replies, with no turn behind it."""

    def __init__(self, replies: dict[tuple[str, str], list[Any]]) -> None:
        self.replies = replies

    async def handle(self, incoming: Any) -> list[Any]:
        return list(self.replies[(incoming.user_id, incoming.text)])


def _recorded(service: Any, pairs: list[tuple[int, str]]) -> dict[tuple[str, str], list[Any]]:
    """The real coach's replies to one pass of the conversations (on a throwaway database)."""
    from bot.messages import Incoming

    replies: dict[tuple[str, str], list[Any]] = {}
    for number, (user, text) in enumerate(pairs):
        answer = service.handle_sync(Incoming(platform="discord", tenant="", user_id=str(user),
                                              conversation_id=str(user), text=text, event_id=f"rec:{number}"))
        replies.setdefault((str(user), text), answer)
    return replies


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


class FakeOnItsThread:
    """The fake Discord on its own thread and event loop: the client's thread CPU is then its own."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="fake-discord", daemon=True)
        self.fake: FakeDiscord | None = None

    def __enter__(self) -> FakeOnItsThread:
        self.thread.start()
        self.fake = self._wait(self._start())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.fake is not None
        self._wait(self.fake.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)

    def _wait(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(30)

    @staticmethod
    async def _start() -> FakeDiscord:
        fake = FakeDiscord()
        await fake.start()
        return fake

    async def send_dm(self, user: int, text: str) -> None:
        assert self.fake is not None
        await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self.fake.send_dm(user, text), self.loop))


class TurnTimed:
    """The service, with the CPU its turns take on the client's thread (the turn runs inline)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.cpu = 0.0

    async def handle(self, incoming: Any) -> list[Any]:
        started = time.thread_time()
        try:
            return list(await self.inner.handle(incoming))
        finally:
            self.cpu += time.thread_time() - started


async def _cpu_per_dm(side: FakeOnItsThread, client: Any, dms: list[tuple[int, str]], warmup: int,
                      turn: TurnTimed | None = None) -> tuple[float, float]:
    """(client thread CPU, of which the turn's own) over the DMs after the first `warmup`."""
    assert side.fake is not None
    started = turn_before = 0.0
    async with connected(side.fake, client):
        for index, (user, text) in enumerate(dms):
            if index == warmup:
                gc.collect()
                started, turn_before = time.thread_time(), (turn.cpu if turn else 0.0)
            client.done.clear()
            await side.send_dm(user, text)
            await asyncio.wait_for(client.done.wait(), 10)
        spent = time.thread_time() - started
    return spent, ((turn.cpu - turn_before) if turn else 0.0)


async def cpu_main(events: int, rounds: int, warmup: int, slices: int, loop_name: str) -> int:
    from adapters.discord.render import message_kwargs, render_reply
    from adapters.lifecycle import settle_heap
    from bot.engine import Engine
    from bot.service import CoachService
    from bot.storage.store import Store
    from tests.support.harness import shipped

    playbooks, understander = shipped()
    catalogue = Catalogue.from_playbooks(playbooks)
    scenarios = sorted(playbooks.scenarios)
    texts = _texts(scenarios)
    names = ("bare", "same-payload", "adapter", "replay", "coach", "turn", "coach-turn", "payload+turn",
             "payload+turn-turn")
    rows: dict[str, list[float]] = {name: [] for name in names}
    ratios: dict[str, list[float]] = {name: [] for name in ("same-payload", "adapter", "replay", "coach-turn",
                                                            "payload+turn-turn")}
    per_slice = max(1, events // slices)
    warm_per_slice = max(1, warmup // slices)
    with tempfile.TemporaryDirectory() as folder, FakeOnItsThread() as side:
        assert side.fake is not None
        recorder = CoachService(Store(Path(folder) / "record.db"), Engine(playbooks, understander))
        replies = _recorded(recorder, [next(texts) for _ in range(len(scenarios) * 4 * len(CONVERSATION))])
        recorder.close()
        payloads = {key: [message_kwargs(out) for reply in answer for out in render_reply(reply, int(key[0]))]
                    for key, answer in replies.items()}
        real = TurnTimed(CoachService(Store(Path(folder) / "coach.db"), Engine(playbooks, understander)))
        twin = TurnTimed(CoachService(Store(Path(folder) / "twin.db"), Engine(playbooks, understander)))
        settings = DiscordSettings(token=side.fake.token, sync_commands=False)
        settle_heap()  # as the real serve() does once warmed up, for every client measured below

        def coach_client(coach: Any) -> TimedCoachClient:
            return TimedCoachClient(coach, settings, catalogue, guild_ready_timeout=0)

        makers: dict[str, tuple[Any, TurnTimed | None]] = {
            "bare": (lambda: BareClient(guild_ready_timeout=0), None),
            "same-payload": (lambda: SamePayloadClient(payloads, guild_ready_timeout=0), None),
            "adapter": (lambda: coach_client(FixedLineService()), None),
            "replay": (lambda: coach_client(ReplayService(replies)), None),
            "coach": (lambda: coach_client(real), real),
            "payload+turn": (lambda: TurnThenPayloadClient(payloads, twin, guild_ready_timeout=0), twin),
        }
        try:
            turn_number = 0
            for _round in range(rounds):
                for _slice in range(slices):
                    # Every client answers the same DMs in a slice (the coach's users still see their
                    # conversations in order), in an order that rotates, so drift on a shared machine
                    # and the mix of DMs hit them all alike.
                    dms = [next(texts) for _ in range(warm_per_slice + per_slice)]
                    order = list(makers)
                    turn_number += 1
                    order = order[turn_number % len(order):] + order[:turn_number % len(order)]
                    values = {}
                    for name in order:
                        make, timed = makers[name]
                        cpu, turn = await _cpu_per_dm(side, make(), dms, warm_per_slice, timed)
                        values[name] = cpu / per_slice
                        if timed is not None:
                            values[f"{name}-turn"] = (cpu - turn) / per_slice
                            if name == "coach":
                                values["turn"] = turn / per_slice
                    for name, value in values.items():
                        rows[name].append(value)
                    for name in ratios:
                        ratios[name].append(values[name] / values["bare"])
        finally:
            real.inner.close()
            twin.inner.close()
    samples = rounds * slices
    print(f"Client thread CPU per DM (the fake Discord on its own thread; clients on the {loop_name} loop): "
          f"median over {samples} slices of {per_slice} DMs, and the ratio's quartiles over those slices")
    for name, values_of in rows.items():
        ratio = ""
        if name in ratios:
            low, _middle, high = statistics.quantiles(ratios[name], n=4) if samples > 1 else [ratios[name][0]] * 3
            ratio = f"  {statistics.median(ratios[name]):5.2f}x bare  (quartiles {low:.2f}-{high:.2f})"
        print(f"{name:<12} {statistics.median(values_of) * 1000:6.3f} ms{ratio}")
    own = [c / p for c, p in zip(rows["coach-turn"], rows["same-payload"], strict=True)]
    fair = [c / p for c, p in zip(rows["coach-turn"], rows["payload+turn-turn"], strict=True)]
    print(f"adapter's own (coach - turn) / same-payload, median over slices: {statistics.median(own):.2f}")
    print("adapter's own (coach - turn) / a bare client taking the same turn and sending the same payloads "
          f"(payload+turn - its turn), median over slices: {statistics.median(fair):.2f}")
    print("target: the adapter's own CPU within 1.1x of bare")
    summary: dict[str, Any] = {name: statistics.median(values_of) for name, values_of in rows.items()}
    summary |= {f"{name}/bare": statistics.median(values_of) for name, values_of in ratios.items()}
    summary |= {f"{name}/bare q": statistics.quantiles(values_of, n=4)[::2] for name, values_of in ratios.items()
                if samples > 1}
    summary |= {"own/same-payload": statistics.median(own), "own/payload+turn": statistics.median(fair)}
    print("JSON " + json.dumps(summary))
    return 0


def against_main(refs: list[str], repeats: int, child_arguments: list[str]) -> int:
    """--cpu for this tree and each ref (``git archive``), in alternating processes, side by side."""
    from bench.checkout import tree_of

    with tempfile.TemporaryDirectory() as tmp:
        trees = {"this": HERE, **{ref: tree_of(ref, Path(tmp)) for ref in refs}}
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
        for repeat in range(repeats):
            names = list(trees)
            names = names[repeat % len(names):] + names[:repeat % len(names)]  # neither always first
            for name in names:
                done = subprocess.run([sys.executable, __file__, *child_arguments, "--tree", str(trees[name])],
                                      capture_output=True, text=True, timeout=1800)
                if done.returncode != 0:
                    raise RuntimeError(done.stderr[-2000:])
                print(f"--- {name} (run {repeat + 1})\n{done.stdout}", flush=True)
                line = next(x for x in done.stdout.splitlines() if x.startswith("JSON "))
                runs[name].append(json.loads(line[5:]))
    print(f"Side by side, {repeats} alternating runs per tree (each value: the run's median over its slices)")
    keys = ("coach-turn/bare", "replay/bare", "same-payload/bare", "payload+turn-turn/bare", "own/same-payload",
            "own/payload+turn")
    print(f"{'tree':<12}" + "".join(f"{key:>24}" for key in keys))
    for name, results in runs.items():
        print(f"{name:<12}" + "".join(f"{', '.join(f'{r[key]:.2f}' for r in results):>24}" for key in keys))
    return 0


FIRST_CHILD = r"""
import asyncio, json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])

async def main():
    from tests.support.fake_discord import FakeDiscord
    async with FakeDiscord() as fake:
        with fake.patched():
            from adapters.discord import runner
            from adapters.discord.config import DiscordSettings
            from bot.config import CoreSettings
            started = time.perf_counter()
            core = CoreSettings(db=Path(sys.argv[2]))
            task = asyncio.create_task(runner.serve(core, DiscordSettings(token=fake.token, sync_commands=False)))
            await fake.wait_until_ready(timeout=60)
            ready = time.perf_counter() - started
            times = []
            for user in range(int(sys.argv[3])):
                row = []
                for text in json.loads(sys.argv[4]):
                    seen = len(fake.requests)
                    sent = time.perf_counter()
                    await fake.send_dm(30_000 + user, text)
                    posted = lambda: [r for r in fake.requests[seen:]
                                      if r.method == "POST" and r.path.endswith("/messages")]
                    await fake.wait_for(lambda: bool(posted()), timeout=30)
                    row.append(posted()[0].at - sent)
                    await fake.quiet(0.05)
                times.append(row)
            task.cancel()
            try:
                await task
            except BaseException:
                pass
    print(json.dumps({"ready": ready, "times": times}))

asyncio.run(main())
"""


def first_main(codes: list[Path], rounds: int, users: int) -> int:
    """First reply after start vs the same lines from later users, alternating checkouts."""
    from bot.playbooks.loader import load_playbooks

    scenario = sorted(load_playbooks().scenarios)[0]
    lines = [f"practice {scenario}", "I'd like 165k base, could you do that?"]
    results: dict[Path, list[dict[str, Any]]] = {code: [] for code in codes}
    for _ in range(rounds):
        for code in codes:
            with tempfile.TemporaryDirectory() as folder:
                done = subprocess.run([sys.executable, "-c", FIRST_CHILD, str(code), str(Path(folder) / "c.db"),
                                       str(users), json.dumps(lines)], capture_output=True, text=True, timeout=300)
            if done.returncode != 0:
                raise RuntimeError(done.stderr[-2000:])
            results[code].append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"Discord, the real serve() in a fresh process: first user's replies vs later users' ({rounds} runs each)")
    for code, runs in results.items():
        firsts = [sum(run["times"][0]) for run in runs]
        warms = [statistics.median(sum(row) for row in run["times"][1:]) for run in runs]
        ratio = statistics.median(f / w for f, w in zip(firsts, warms, strict=True))
        print(f"{code!s:<40} ready {statistics.median(r['ready'] for r in runs) * 1000:6.0f} ms  "
              f"first {statistics.median(firsts) * 1000:7.1f} ms  warm {statistics.median(warms) * 1000:6.1f} ms  "
              f"first/warm {ratio:5.2f}x")
    print("target: first within 2x of warm")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=200, help="measured DMs per client per round")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--cpu", action="store_true", help="client thread CPU per DM instead of latency")
    parser.add_argument("--slices", type=int, default=8,
                        help="with --cpu: each round's DMs in this many slices, the clients taking turns")
    parser.add_argument("--loop", choices=EVENT_LOOPS, default="asyncio",
                        help="with --cpu: the clients' event loop (the fake keeps its own asyncio loop)")
    parser.add_argument("--tree", type=Path, help="with --cpu: measure this checkout's adapter and coach")
    parser.add_argument("--against", action="append", default=[],
                        help="with --cpu: also a git ref (git archive), in alternating processes, side by side")
    parser.add_argument("--repeats", type=int, default=3, help="with --against: runs per tree")
    parser.add_argument("--first", action="store_true", help="first reply after start vs warm, fresh processes")
    parser.add_argument("--users", type=int, default=6, help="with --first: users per process")
    parser.add_argument("--code", type=Path, action="append", default=[],
                        help="with --first: another checkout to compare (repeatable)")
    arguments = parser.parse_args()
    if arguments.first:
        sys.exit(first_main([Path(__file__).resolve().parents[1], *arguments.code], arguments.rounds,
                            arguments.users))
    if arguments.cpu and arguments.against:
        child = ["--cpu", "--events", str(arguments.events), "--rounds", str(arguments.rounds), "--warmup",
                 str(arguments.warmup), "--slices", str(arguments.slices), "--loop", arguments.loop]
        sys.exit(against_main(arguments.against, arguments.repeats, child))
    if arguments.cpu:
        sys.exit(run_on(arguments.loop, cpu_main(arguments.events, arguments.rounds, arguments.warmup,
                                                 arguments.slices, arguments.loop)))
    sys.exit(asyncio.run(main(arguments.events, arguments.rounds, arguments.warmup)))
