"""Benchmark: signed slash commands over HTTP, a bare Bolt app against Offer Coach, same Fake Slack.

Run from the repository root:

    python bench/slack_bench.py                  # 5 rounds x 200 requests per app and concurrency
    python bench/slack_bench.py --rounds 3 --requests 100
    python bench/slack_bench.py --bolt-default   # also the bare app with Bolt's default settings
    python bench/slack_bench.py --server --rounds 5 --turns 400   # the real `run slack` vs a baseline commit
    python bench/slack_bench.py --server --baseline 72575b0 --also main --rounds 3 --turns 300   # and vs main
    python bench/slack_bench.py --crash 10 --turns 300            # kill -9 during bursts: events lost
    python bench/slack_bench.py --turn-cpu main 72575b0 --rounds 5 --turns 1000   # the turn alone, per tree

`--server` and `--crash` are described where their code starts, below; the rest of this text is
about the default comparison.

Each app runs in its own process (its own event loop, as in production); the Fake Slack and the
load generator share this one. Requests are signed slash commands from a channel, as Slack sends
them. Two apps, alternated round by round so that machine noise falls on both alike:

- bare: a Bolt app whose handler acks and posts a fixed reply to the response_url (acked at once,
  reply from a lazy listener on a pooled connection; Offer Coach now runs its work as its own
  task instead of a lazy listener);
- bolt-default (with --bolt-default): the same on Bolt's defaults (ack and respond() in one
  listener, process_before_response=False, a new connection per reply), for reference;
- coach-dm: Offer Coach with the real engine and a SQLite file, every request one practice turn
  ("/offer-coach I'd like 165k base…") typed in the user's DM with the app, where practices run;
- coach-channel: the same typed in a channel: the turn goes to the DM and the channel gets an
  ephemeral pointer on the response_url, one more outbound call per request.

Ack latency: request sent until its HTTP response is read. Reply latency: request sent until
the first reply reaches the Fake Slack (the bare app's response_url post; Offer Coach's DM post).
Each simulated user waits for its request's last delivery before sending the next (a practice
turn posts one message; in a channel the pointer comes after it).
Targets (issue 4 §11): coach p50 within 1.25x of bare for both; reply p99 < 50 ms at 16.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import multiprocessing
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp

from bench.checkout import free_port, tree_of
from tests.support.fake_slack import ApiCall, FakeSlack, Posted, SlackSender

CHANNEL = "CBENCH0001"
ASKS = (
    "I'm excited about the role. Market data puts this level at 165k base, could you do that?",
    "Could you do 25 days pto?",
    "What about 4 remote days a week?",
    "Is there room on the sign-on bonus, say 15k?",
    "Could we look at 30k equity a year?",
    "What else could you offer instead?",
)


# --- the apps, each in a child process -----------------------------------------------------------


def _serve(kind: str, api_url: str, secret: str, db: str, port_out: Any, default_bolt: bool) -> None:
    asyncio.run(_serve_async(kind, api_url, secret, db, port_out, default_bolt))


async def _serve_async(kind: str, api_url: str, secret: str, db: str, port_out: Any, default_bolt: bool) -> None:
    from adapters.slack.config import SlackSettings
    from adapters.slack.runner import start_http

    settings = SlackSettings(_env_file=None, bot_token="xoxb-bench", signing_secret=secret,  # type: ignore[call-arg]
                             api_url=api_url)
    if kind == "coach":
        from adapters.slack.app import build_app
        from bot.config import CoreSettings
        from bot.service import CoachService

        service = CoachService.from_settings(CoreSettings(db=Path(db)))
        app = build_app(settings, service, db_path=db)
    else:
        app = _bare_app(settings, default_bolt)
    _runner, port = await start_http(app, settings, host="127.0.0.1", port=0)
    port_out.send(port)
    port_out.close()
    await asyncio.Event().wait()  # until the parent terminates us


def _bare_app(settings: Any, default_bolt: bool) -> Any:
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    app = AsyncApp(client=AsyncWebClient(token="xoxb-bench", base_url=settings.api_url),
                   signing_secret=settings.signing_secret.get_secret_value(),
                   process_before_response=not default_bolt)

    async def ack(ack: Any) -> None:
        await ack()

    sessions: list[aiohttp.ClientSession] = []

    async def reply(body: dict[str, Any]) -> None:
        # A pooled connection, as Offer Coach uses, so the comparison is of the work, not the plumbing.
        from slack_sdk.webhook.async_client import AsyncWebhookClient

        if not sessions:
            sessions.append(aiohttp.ClientSession())
        await AsyncWebhookClient(url=body["response_url"], session=sessions[0]).send_dict(
            {"text": "Thanks, noted.", "response_type": "ephemeral", "replace_original": False})

    if default_bolt:
        async def ack_and_reply(ack: Any, respond: Any) -> None:
            await ack()
            await respond(text="Thanks, noted.", response_type="ephemeral", replace_original=False)

        app.command(settings.command)(ack_and_reply)
    else:
        app.command(settings.command)(ack=ack, lazy=[reply])
    return app


class App:
    def __init__(self, kind: str, fake: FakeSlack, secret: str, db: str, default_bolt: bool = False) -> None:
        ctx = multiprocessing.get_context("spawn")
        receive, send = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=_serve, args=(kind, fake.api_url, secret, db, send, default_bolt),
                                   daemon=True)
        self.process.start()
        if not receive.poll(60):
            raise RuntimeError(f"the {kind} app did not start")
        self.url = f"http://127.0.0.1:{receive.recv()}/slack/events"

    def cpu_seconds(self) -> float:
        """CPU time the app's process has used so far (Linux /proc; 0 elsewhere)."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        self.process.join(5)


# --- load ----------------------------------------------------------------------------------------


class Waiter:
    """Futures for replies, resolved as the Fake Slack records them."""

    def __init__(self, fake: FakeSlack) -> None:
        self.pending: dict[str, asyncio.Future[float]] = {}
        fake.observers.append(self.seen)

    def seen(self, item: ApiCall | Posted) -> None:
        if isinstance(item, Posted):
            key = item.path
        elif item.method == "chat.postMessage":
            key = "dm:" + str(item.params.get("channel"))
        else:
            return
        future = self.pending.pop(key, None)
        if future is not None and not future.done():
            future.set_result(item.at)

    def expect(self, key: str) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.pending[key] = future
        return future


async def one_request(send: SlackSender, waiter: Waiter, fake: FakeSlack, kind: str, user: str,
                      text: str, n: int) -> tuple[float, float]:
    path = f"/response/{user}-{n}"
    reply = waiter.expect(path if kind == "bare" else f"dm:{user}")
    pointer = waiter.expect(path) if kind == "coach-channel" else None
    channel = fake.dm_of(user) if kind == "coach-dm" else CHANNEL
    started = time.perf_counter()
    sent = await send.command(text, user=user, channel=channel, response_url=f"http://127.0.0.1:{fake.port}{path}")
    if sent.status != 200:
        raise RuntimeError(f"{kind}: HTTP {sent.status}")
    replied = await asyncio.wait_for(reply, 10)
    if pointer is not None:
        await asyncio.wait_for(pointer, 10)  # the turn's last delivery, before this user goes on

    return sent.ack_seconds, replied - started


async def batch(send: SlackSender, waiter: Waiter, fake: FakeSlack, kind: str, concurrency: int,
                requests: int, counter: itertools.count) -> tuple[list[float], list[float]]:
    acks: list[float] = []
    replies: list[float] = []
    per_worker = requests // concurrency

    async def worker(index: int) -> None:
        user = f"UBENCH{index:04d}"
        for _ in range(per_worker):
            n = next(counter)
            ack, reply = await one_request(send, waiter, fake, kind, user, ASKS[n % len(ASKS)], n)
            acks.append(ack)
            replies.append(reply)

    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    return acks, replies


async def start_practices(send: SlackSender, waiter: Waiter, fake: FakeSlack, users: int,
                          counter: itertools.count) -> None:
    async def one(index: int) -> None:
        await one_request(send, waiter, fake, "coach-dm", f"UBENCH{index:04d}", "practice growth_startup",
                          next(counter))

    await asyncio.gather(*(one(i) for i in range(users)))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def main(rounds: int, requests: int, bolt_default: bool) -> int:
    secret = secrets.token_hex(16)
    async with FakeSlack() as fake, aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=64)
    ) as session:
        waiter = Waiter(fake)
        counter = itertools.count()
        with tempfile.TemporaryDirectory() as tmp:
            kinds = ["bare", "coach-channel", "coach-dm"] + (["bolt-default"] if bolt_default else [])
            apps = {kind: App("coach" if kind.startswith("coach") else "bare", fake, secret,
                              str(Path(tmp) / f"{kind}.db"), default_bolt=kind == "bolt-default")
                    for kind in kinds}
            try:
                senders = {kind: SlackSender(session, app.url, secret) for kind, app in apps.items()}
                for kind in ("coach-dm", "coach-channel"):
                    await start_practices(senders[kind], waiter, fake, 16, counter)
                for kind in kinds:  # warm-up: connections, auth.test, imports
                    await batch(senders[kind], waiter, fake, _role(kind), 4, 40, counter)
                results: dict[tuple[str, int], tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
                cpu: dict[str, float] = defaultdict(float)
                for concurrency in (1, 16):
                    for _ in range(rounds):
                        for kind in kinds:
                            cpu_before = apps[kind].cpu_seconds()
                            acks, replies = await batch(senders[kind], waiter, fake, _role(kind),
                                                        concurrency, requests, counter)
                            cpu[kind] += apps[kind].cpu_seconds() - cpu_before
                            results[kind, concurrency][0].extend(acks)
                            results[kind, concurrency][1].extend(replies)
            finally:
                for app in apps.values():
                    app.stop()
    print(f"{'app':<13}{'conc':>5}{'n':>6}  {'ack p50':>8}{'ack p99':>9}  {'reply p50':>10}{'reply p99':>10}  (ms)")
    for (kind, concurrency), (acks, replies) in sorted(results.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        print(f"{kind:<13}{concurrency:>5}{len(acks):>6}  {pct(acks, .5):>8.2f}{pct(acks, .99):>9.2f}  "
              f"{pct(replies, .5):>10.2f}{pct(replies, .99):>10.2f}")
    for kind in kinds:
        count = sum(len(results[kind, c][0]) for c in (1, 16))
        print(f"{kind}: {cpu[kind] / count * 1000:.2f} ms of the app process's CPU per request")
    ok = True
    for kind in ("coach-dm", "coach-channel"):
        for concurrency in (1, 16):
            bare, coach = results["bare", concurrency], results[kind, concurrency]
            ack_ratio = statistics.median(coach[0]) / statistics.median(bare[0])
            reply_ratio = statistics.median(coach[1]) / statistics.median(bare[1])
            print(f"{kind} at {concurrency}: p50 vs bare: ack {ack_ratio:.2f}x, reply {reply_ratio:.2f}x "
                  "(target <= 1.25x)")
            ok = ok and ack_ratio <= 1.25 and reply_ratio <= 1.25
        p99 = pct(results[kind, 16][1], .99)
        print(f"{kind} reply p99 at concurrency 16: {p99:.1f} ms (target < 50 ms)")
        ok = ok and p99 < 50
    return 0 if ok else 1


def _role(kind: str) -> str:
    return "bare" if kind == "bolt-default" else kind


# --- `--server`: the real `offer-coach run slack`, this tree against a baseline commit (issue 14) ----
#
# Each server is the real CLI in its own process (`python -m adapters.cli.main run slack`), in HTTP
# mode, fed signed DM events (message.im) as Slack sends them; its replies land in the Fake Slack.
# The baseline is the same command run from `git archive <ref>` of an earlier commit, with the same
# Python and packages. Runs alternate between the two trees so machine noise falls on both.

STARTS_PRACTICE = "practice growth_startup"
FIRST_ASK = "Hello! I'd like 165k base, could you do that?"


class Server:
    """`offer-coach run slack --port N` from one tree, on its own database file."""

    def __init__(self, tree: Path, api_url: str, secret: str, db: Path, bare: bool = False,
                 uvloop: bool = True) -> None:
        import subprocess

        self.port = free_port()
        env = {**os.environ, "PYTHONPATH": str(tree), "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": secret,
               "SLACK_API_URL": api_url, "OFFER_COACH_DB": str(db),
               "OFFER_COACH_EVENT_LOOP": "uvloop" if uvloop else "asyncio"}
        for name in ("SLACK_APP_TOKEN", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"):
            env.pop(name, None)
        argv = ([sys.executable, str(Path(__file__).resolve()), "--bare-server", str(self.port)] if bare else
                [sys.executable, "-m", "adapters.cli.main", "run", "slack", "--port", str(self.port)])
        self.started = time.perf_counter()
        self.process = subprocess.Popen(argv, cwd=str(tree), env=env, stdout=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}/slack/events"

    async def listening(self, timeout: float = 60.0) -> None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            try:
                _reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
                writer.close()
                return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"the server exited with {self.process.returncode}") from None
                await asyncio.sleep(0.02)
        raise RuntimeError("the server did not start listening")

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except Exception:
            self.process.kill()


def _bare_server(port: int) -> None:
    """The bare Bolt app to compare with: on a DM, post a fixed reply with `say` (Bolt's own idiom)."""
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    # Bolt's server (aiohttp's run_app) asks the policy for its loop
    if os.environ.get("OFFER_COACH_EVENT_LOOP") == "uvloop":
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    app = AsyncApp(client=AsyncWebClient(token="xoxb-bench", base_url=os.environ["SLACK_API_URL"]),
                   signing_secret=os.environ["SLACK_SIGNING_SECRET"])

    @app.event("message")
    async def reply(say: Any) -> None:
        await say("Thanks, noted.")

    app.start(port=port)


async def dm(send: SlackSender, waiter: Waiter, fake: FakeSlack, user: str, text: str) -> float:
    """One signed DM event; seconds until the first reply reached the Fake Slack."""
    reply = waiter.expect("dm:" + fake.dm_of(user))
    started = time.perf_counter()
    sent = await send.event({"type": "message", "channel_type": "im", "user": user, "text": text,
                             "channel": fake.dm_of(user), "ts": f"{time.time():.6f}"})
    if sent.status != 200:
        raise RuntimeError(f"HTTP {sent.status}")
    return await asyncio.wait_for(reply, 30) - started


async def closed_loop(send: SlackSender, waiter: Waiter, fake: FakeSlack, users: list[str], turns: int,
                      counter: itertools.count) -> tuple[float, list[float]]:
    """`turns` practice turns, each user waiting for its reply; (seconds taken, reply latencies)."""
    latencies: list[float] = []

    async def worker(user: str, count: int) -> None:
        for _ in range(count):
            latencies.append(await dm(send, waiter, fake, user, ASKS[next(counter) % len(ASKS)]))

    started = time.perf_counter()
    share, extra = divmod(turns, len(users))
    await asyncio.gather(*(worker(user, share + (i < extra)) for i, user in enumerate(users)))
    return time.perf_counter() - started, latencies


async def open_loop(send: SlackSender, waiter: Waiter, fake: FakeSlack, users: list[str], rate: float,
                    seconds: float, counter: itertools.count) -> list[float]:
    """Turns arriving at a steady `rate` per second, round-robin over users (one in flight per user)."""
    latencies: list[float] = []
    busy: set[str] = set()
    tasks = []

    async def one(user: str) -> None:
        busy.add(user)
        try:
            latencies.append(await dm(send, waiter, fake, user, ASKS[next(counter) % len(ASKS)]))
        finally:
            busy.discard(user)

    start = time.perf_counter()
    for n in range(int(rate * seconds)):
        await asyncio.sleep(max(0.0, start + n / rate - time.perf_counter()))
        user = next((u for u in itertools.islice(itertools.cycle(users), n, n + len(users)) if u not in busy), None)
        if user is not None:
            tasks.append(asyncio.create_task(one(user)))
    await asyncio.gather(*tasks)
    return latencies


def turn_cpu_in_process(tree: Path, turns: int) -> float:
    """CPU seconds per practice turn through the service alone (no Slack), in a child process."""
    import subprocess

    code = f"""
import time, tempfile
from pathlib import Path
from bot.config import CoreSettings
from bot.messages import Incoming
from bot.service import CoachService
asks = {list(ASKS)!r}
with tempfile.TemporaryDirectory() as tmp:
    service = CoachService.from_settings(CoreSettings(_env_file=None, db=Path(tmp) / "t.db"))
    users = [f"U{{i:05d}}" for i in range(16)]
    def turn(user, text, n):
        service.handle_sync(Incoming(platform="slack", tenant="T0FAKE001", user_id=user, conversation_id="D" + user,
                                     text=text, event_id=f"Ev{{n}}"))
    n = 0
    for user in users:
        n += 1; turn(user, "{STARTS_PRACTICE}", n)
    for i in range(200):
        n += 1; turn(users[i % 16], asks[i % len(asks)], n)
    cpu = time.process_time()
    for i in range({turns}):
        n += 1; turn(users[i % 16], asks[i % len(asks)], n)
    print((time.process_time() - cpu) / {turns})
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=str(tree), env={**os.environ, "PYTHONPATH": str(tree)},
                         check=True, capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


async def server_main(baseline: str, rounds: int, turns: int, also: list[str] | None = None) -> int:
    secret = secrets.token_hex(16)
    here = Path(__file__).resolve().parents[1]
    results: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    async with FakeSlack() as fake, aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=256)) as session:
        waiter = Waiter(fake)
        counter = itertools.count()
        with tempfile.TemporaryDirectory() as tmp:
            trees = {"baseline": tree_of(baseline, Path(tmp) / "trees"), "this": here}
            for ref in also or []:  # more commits side by side (e.g. main), each a column of its own
                trees[ref] = tree_of(ref, Path(tmp) / "trees")
            for round_ in range(rounds):
                await _one_round(trees, fake, session, waiter, secret, Path(tmp) / f"round{round_}", round_, turns,
                                 counter, results)
                for name, tree in trees.items():
                    results[name]["turn_ms"].append(turn_cpu_in_process(tree, turns) * 1000)
                if ASYNCIO_THIS in results:  # the same code on the other loop: the same turn
                    results[ASYNCIO_THIS]["turn_ms"].append(results["this"]["turn_ms"][-1])
    _report(results, baseline)
    return 0


CHUNKS = 8  # each measurement alternates between the servers in this many slices
ASYNCIO_THIS = "this, asyncio loop"  # this tree with OFFER_COACH_EVENT_LOOP=asyncio
BARE = "bare Bolt"
BARE_UVLOOP = "bare Bolt, uvloop"


def _has_uvloop() -> bool:
    import importlib.util

    return importlib.util.find_spec("uvloop") is not None


def _start_servers(trees: dict[str, Path], fake: FakeSlack, secret: str, tmp: Path,
                   round_: int) -> tuple[list[str], dict[str, Server]]:
    """The coach servers (in this round's order) and the bare apps, each on its own database."""
    tmp.mkdir()
    names = list(trees) + ([ASYNCIO_THIS] if _has_uvloop() else [])
    names = names if round_ % 2 == 0 else list(reversed(names))
    servers = {name: Server(trees.get(name, trees["this"]), fake.api_url, secret, tmp / f"{names.index(name)}.db",
                            uvloop=name != ASYNCIO_THIS) for name in names}
    # The bare app on each loop: this tree's server on uvloop is compared with Bolt on uvloop.
    servers[BARE] = Server(trees["this"], fake.api_url, secret, tmp / "bare.db", bare=True, uvloop=False)
    if _has_uvloop():
        servers[BARE_UVLOOP] = Server(trees["this"], fake.api_url, secret, tmp / "bare-uv.db", bare=True)
    return names, servers


async def _one_round(trees: dict[str, Path], fake: FakeSlack, session: aiohttp.ClientSession, waiter: Waiter,
                     secret: str, tmp: Path, round_: int, turns: int, counter: itertools.count,
                     results: dict[str, dict[str, list[float]]]) -> None:
    """Both trees' servers and the bare app run side by side; every measurement alternates between
    them in small slices, so a change in the machine's load falls on all of them alike."""
    names, servers = _start_servers(trees, fake, secret, tmp, round_)
    try:
        for server in servers.values():
            await server.listening()
        sends = {name: SlackSender(session, server.url, secret) for name, server in servers.items()}
        users = {name: [f"U{i}{round_:02d}{n:04d}" for n in range(64)] for i, name in enumerate(servers)}
        for name in names:
            out = results[name]
            tag = names.index(name)
            out["first_s"].append(await dm(sends[name], waiter, fake, f"UFIRST{tag}{round_:03d}", FIRST_ASK))
            out["start_to_first_s"].append(time.perf_counter() - servers[name].started)
            await asyncio.gather(*(dm(sends[name], waiter, fake, user, STARTS_PRACTICE) for user in users[name]))
            await closed_loop(sends[name], waiter, fake, users[name][:8], 160, counter)  # connections, caches
            warm = [await dm(sends[name], waiter, fake, f"UWARM{tag}{round_:03d}{n}", FIRST_ASK) for n in range(9)]
            out["warm_s"].append(statistics.median(warm))  # one reply alone swings too much on a busy machine
        for bare in set(servers) - set(names):
            await closed_loop(sends[bare], waiter, fake, users[bare][:8], 160, counter)
        cpu: dict[str, float] = defaultdict(float)
        elapsed: dict[str, float] = defaultdict(float)
        for _ in range(CHUNKS):
            for name, server in servers.items():
                before = server.cpu_seconds()
                await closed_loop(sends[name], waiter, fake, users[name][:8], turns // CHUNKS, counter)
                cpu[name] += server.cpu_seconds() - before
            for name in names:
                seconds, _ = await closed_loop(sends[name], waiter, fake, users[name], turns // CHUNKS, counter)
                elapsed[name] += seconds
        for name in servers:
            results[name]["cpu_ms"].append(cpu[name] / (CHUNKS * (turns // CHUNKS)) * 1000)
        latencies: dict[str, list[float]] = defaultdict(list)
        for _ in range(2):
            for name in names:
                max_rate = CHUNKS * (turns // CHUNKS) / elapsed[name]
                latencies[name] += await open_loop(sends[name], waiter, fake, users[name], max_rate / 2,
                                                   min(5.0, turns / max_rate), counter)
        for name in names:
            results[name]["max_turns_s"].append(CHUNKS * (turns // CHUNKS) / elapsed[name])
            results[name]["p99_half_ms"].append(pct(latencies[name], .99))
            results[name]["p50_half_ms"].append(pct(latencies[name], .5))
    finally:
        for server in servers.values():
            server.stop()


def _report(results: dict[str, dict[str, list[float]]], baseline: str) -> None:
    med = statistics.median
    rows = [("server CPU per practice turn (ms)", "cpu_ms"), ("turn alone, in process (ms)", "turn_ms"),
            ("max turns/s (64 users, closed loop)", "max_turns_s"), ("reply p50 at half max (ms)", "p50_half_ms"),
            ("reply p99 at half max (ms)", "p99_half_ms"), ("first reply after start (s)", "first_s"),
            ("process start to first reply (s)", "start_to_first_s"), ("warm reply, median of 9 (s)", "warm_s")]
    others = [name for name in results if name not in ("baseline", "this", ASYNCIO_THIS, BARE, BARE_UVLOOP)]
    names = ["this"] + ([ASYNCIO_THIS] if ASYNCIO_THIS in results else []) + others
    title = f"median of {len(results['this']['cpu_ms'])} rounds"
    print(f"{title:<40}{'baseline':>12}" + "".join(f"{n:>20}{'ratio':>7}" for n in names))
    for label, key in rows:
        old = med(results["baseline"][key])
        print(f"{label:<40}{old:>12.3f}" + "".join(f"{med(results[n][key]):>20.3f}{med(results[n][key]) / old:>7.2f}"
                                                   for n in names))
    bare = {loop: med(results[name]["cpu_ms"]) for loop, name in (("asyncio", BARE), ("uvloop", BARE_UVLOOP))
            if name in results}
    print("bare Bolt app, CPU ms per request: " + ", ".join(f"{v:.3f} on {loop}" for loop, v in bare.items()))
    for name in ("baseline", *names):
        overhead = med(c - t for c, t in zip(results[name]["cpu_ms"], results[name]["turn_ms"], strict=True))
        ratio = med(results[name]["first_s"]) / med(results[name]["warm_s"])
        against = ", ".join(f"{overhead / v:.2f}x bare Bolt on {loop}" for loop, v in bare.items())
        print(f"{name}: adapter overhead {overhead:.3f} ms/turn = {against}; first reply {ratio:.1f}x a warm one")
    for name in names:
        cpu_ratios = [n / o for n, o in zip(results[name]["cpu_ms"], results["baseline"]["cpu_ms"], strict=True)]
        print(f"per-round CPU ratios {name}/baseline ({baseline}): " + ", ".join(f"{r:.2f}" for r in cpu_ratios))
    print("per-round CPU ms: " + "; ".join(f"{name} " + ", ".join(f"{v:.2f}" for v in results[name]["cpu_ms"])
                                            for name in results))
    for other in others:
        for key, label in (("cpu_ms", "CPU per turn"), ("max_turns_s", "max turns/s")):
            ratios = [n / o for n, o in zip(results["this"][key], results[other][key], strict=True)]
            print(f"this/{other}, {label}: {med(ratios):.2f} (rounds " + ", ".join(f"{r:.2f}" for r in ratios) + ")")
    for key, label in (("cpu_ms", "CPU per turn"), ("max_turns_s", "max turns/s")):
        ratios = [n / o for n, o in zip(results["this"][key], results["baseline"][key], strict=True)]
        print(f"this/baseline ({baseline}), {label}: rounds " + ", ".join(f"{r:.2f}" for r in ratios))
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


def turn_cpu_main(refs: list[str], rounds: int, turns: int) -> int:
    """`--turn-cpu`: the practice turn alone (service and SQLite, no Slack), this tree against each of
    `refs`, one child process per tree and round, the trees in rotating order."""
    here = Path(__file__).resolve().parents[1]
    results: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        trees = {ref: tree_of(ref, Path(tmp)) for ref in refs}
        trees["this"] = here
        names = list(trees)
        for round_ in range(rounds):
            for name in names[round_ % len(names):] + names[:round_ % len(names)]:
                results[name].append(turn_cpu_in_process(trees[name], turns) * 1000)
    print(f"practice turn alone, CPU ms per turn, median of {rounds} rounds ({turns} turns each)")
    this = statistics.median(results["this"])
    for name, values in results.items():
        median = statistics.median(values)
        print(f"{name:<12}{median:8.3f}   this / {name}: {this / median:5.2f}   rounds: "
              + ", ".join(f"{v:.3f}" for v in values))
    return 0


# --- `--crash`: kill -9 during a burst of acknowledged events, restart, count (issue 13 defect 10) ----


async def _burst(send: SlackSender, server: Server, first: int, count: int, kill_after: int) -> list[int]:
    """Send events `first`..`first+count` 16 at a time; SIGKILL the server after `kill_after` acks.
    Returns the numbers of the events Slack would count as delivered (HTTP 200)."""
    import signal

    acked: list[int] = []
    numbers = iter(range(first, first + count))

    async def worker() -> None:
        for n in numbers:
            try:
                sent = await send.event({"type": "message", "channel_type": "im", "user": f"UCRASH{n % 40:04d}",
                                         "text": f"crash probe {n}", "channel": f"DCRASH{n % 40:04d}",
                                         "ts": f"{time.time():.6f}"}, event_id=f"EvCRASH{n:06d}")
            except aiohttp.ClientError:
                return  # the server is gone: Slack would retry this one, it was never acknowledged
            if sent.status == 200:
                acked.append(n)
                if len(acked) == kill_after:
                    server.process.send_signal(signal.SIGKILL)

    await asyncio.gather(*(worker() for _ in range(16)))
    return acked


async def crash_main(baseline: str, kills: int, burst: int) -> int:
    import sqlite3

    secret = secrets.token_hex(16)
    here = Path(__file__).resolve().parents[1]
    async with FakeSlack() as fake, aiohttp.ClientSession() as session:
        with tempfile.TemporaryDirectory() as tmp:
            trees = {"baseline": tree_of(baseline, Path(tmp) / "trees"), "this": here}
            for name, tree in trees.items():
                db = Path(tmp) / f"{name}.db"
                acked: list[int] = []
                for round_ in range(kills):
                    server = Server(tree, fake.api_url, secret, db)
                    await server.listening()
                    acked += await _burst(SlackSender(session, server.url, secret), server, round_ * burst, burst,
                                          kill_after=burst // 3)
                    server.process.wait(10)
                server = Server(tree, fake.api_url, secret, db)  # the restart that finishes what is pending
                await server.listening()
                await asyncio.sleep(3)
                server.stop()
                with sqlite3.connect(db) as conn:
                    texts = [text for (text,) in conn.execute("SELECT text_in FROM turns")]
                done = {int(text.rsplit(" ", 1)[1]) for text in texts}
                lost = sorted(set(acked) - done)
                print(f"{name}: {kills} kill -9 during bursts of {burst}; {len(acked)} events acknowledged, "
                      f"{len(lost)} lost, {len(texts) - len(done)} turns duplicated")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=200, help="requests per app, round and concurrency")
    parser.add_argument("--bolt-default", action="store_true", help="add a bare app on Bolt's default settings")
    parser.add_argument("--server", action="store_true",
                        help="the real `offer-coach run slack` against --baseline, with DM events (issue 14)")
    parser.add_argument("--baseline", default="72575b0", help="with --server: the commit to compare with")
    parser.add_argument("--also", nargs="+", metavar="REF", default=[],
                        help="with --server: more commits to run side by side (e.g. main)")
    parser.add_argument("--turns", type=int, default=400, help="with --server: turns per measurement")
    parser.add_argument("--crash", type=int, metavar="KILLS",
                        help="kill -9 the server KILLS times during bursts of acknowledged events, then count")
    parser.add_argument("--turn-cpu", nargs="+", metavar="REF",
                        help="the practice turn alone in process, this tree against each REF, interleaved")
    parser.add_argument("--bare-server", type=int, help=argparse.SUPPRESS)  # internal: the bare app's process
    args = parser.parse_args()
    if args.bare_server:
        _bare_server(args.bare_server)
    elif args.turn_cpu:
        sys.exit(turn_cpu_main(args.turn_cpu, args.rounds, args.turns))
    elif args.crash:
        sys.exit(asyncio.run(crash_main(args.baseline, args.crash, args.turns)))
    elif args.server:
        sys.exit(asyncio.run(server_main(args.baseline, args.rounds, args.turns, args.also)))
    else:
        sys.exit(asyncio.run(main(args.rounds, args.requests, args.bolt_default)))
