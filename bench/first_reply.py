"""Benchmark: the first reply after an adapter says it is ready, against a warm reply (issue 14).

Run from the repository root:

    python bench/first_reply.py                         # all four surfaces, 7 fresh starts each
    python bench/first_reply.py --starts 9 --warm 9 --surface slack-http --surface terminal
    python bench/first_reply.py --against main          # this tree and `git archive main`, interleaved

Each start is a fresh process on a new database file, as an operator starts it, against the
project's local fakes (tests/support/fake_slack.py, fake_discord.py):

- slack-http: the real ``offer-coach run slack --port N`` fed signed DM events; ready when its port
  answers. A reply is timed from sending the event until the Fake Slack records the first
  ``chat.postMessage`` to the user's DM;
- slack-socket: the same command with ``SLACK_APP_TOKEN`` set: ready when its Socket Mode connection
  reaches the Fake Slack (the moment Slack may start delivering); events are sent as envelopes;
- discord: the real ``serve()`` of adapters/discord/runner.py in a fresh child process with the fake
  gateway in it; ready when the fake has sent READY; a reply is timed from the MESSAGE_CREATE frame to
  the bot's first message request;
- terminal: the real ``offer-coach chat`` in a pseudo-terminal; ready at its first prompt; a reply is
  timed from Enter to the next prompt (the whole reply on screen).

The conversation is a short practice: LINES (start, an ask, end). On the platforms the first user
types it as soon as the adapter is ready and `--warm` later users type the same lines; in the
terminal, where there is one user, the same practice is played again `--warm` times. "Warm" is the
median of the later plays, per line; the ratio reported is first / warm for each line, the median
over the fresh starts (one start alone is noise on a shared machine), with each start's ratios
listed. Target: the first reply within 2x of a warm one.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.chat_startup import LAUNCH, chat_in_pty, type_line
from bench.checkout import free_port, tree_of

HERE = Path(__file__).resolve().parents[1]
SURFACES = ("slack-http", "slack-socket", "discord", "terminal")
LINES = ("practice growth_startup", "I'd like 165k base, could you do that?", "end")
SETTLE = 0.05  # after a reply, wait this long with nothing arriving before the next line

Plays = list[list[float]]  # per play of LINES (the first, then the warm ones), seconds per line


# --- Slack: the real `run slack` in a child process, the Fake Slack here -------------------------


async def _slack_start(tree: Path, db: Path, mode: str, warm: int) -> tuple[float, Plays]:
    import aiohttp

    from tests.support.fake_slack import ApiCall, FakeSlack, SlackSender, dm_message, event_callback

    secret = secrets.token_hex(16)
    async with FakeSlack() as fake, aiohttp.ClientSession() as session:
        posted: dict[str, list[float]] = {}

        def seen(item: object) -> None:
            if isinstance(item, ApiCall) and item.method == "chat.postMessage":
                posted.setdefault(str(item.params.get("channel")), []).append(item.at)

        fake.observers.append(seen)
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(tree), "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_API_URL": fake.api_url,
               "OFFER_COACH_DB": str(db), "SLACK_SIGNING_SECRET": secret}
        for name in ("SLACK_APP_TOKEN", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET",
                     "OFFER_COACH_HEALTH_PORT"):
            env.pop(name, None)
        if mode == "socket":
            env["SLACK_APP_TOKEN"] = "xapp-1-A1-bench"
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", LAUNCH, str(tree), "run", "slack", "--port", str(port)],
                                   cwd=str(tree), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            await _slack_ready(fake, process, port, mode)
            ready = time.perf_counter() - started
            url = f"http://127.0.0.1:{port}/slack/events"
            sender = SlackSender(session, url, secret)

            async def send(user: str, text: str) -> None:
                if mode == "socket":
                    await fake.send_envelope("events_api", event_callback(dm_message(user=user, text=text)))
                else:
                    sent = await sender.event(dm_message(user=user, text=text))
                    if sent.status != 200:
                        raise RuntimeError(f"HTTP {sent.status}")

            plays: Plays = []
            for play in range(1 + warm):
                user = f"UBENCH{play:04d}"
                channel = fake.dm_of(user)
                row = []
                for text in LINES:
                    before = len(posted.get(channel, ()))
                    sent_at = time.perf_counter()
                    await send(user, text)
                    await _until(_more_than(functools.partial(_count, posted, channel), before), 30)
                    row.append(posted[channel][before] - sent_at)
                    await _quiet(lambda: sum(len(v) for v in posted.values()))
                plays.append(row)
            return ready, plays
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


async def _slack_ready(fake: Any, process: subprocess.Popen[bytes], port: int, mode: str) -> None:
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"run slack exited with {process.returncode}: "
                               f"{(process.stderr.read() if process.stderr else b'').decode()[-2000:]}")
        if mode == "socket":
            if fake._sockets:  # the app's Socket Mode connection is open: Slack may deliver from now on
                return
        else:
            with contextlib.suppress(OSError):
                _reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.close()
                return
        await asyncio.sleep(0.002)
    raise RuntimeError("run slack did not get ready")


def _count(posted: dict[str, list[float]], channel: str) -> int:
    return len(posted.get(channel, ()))


def _more_than(count: Callable[[], int], before: int) -> Callable[[], bool]:
    return lambda: count() > before


async def _until(done: Callable[[], bool], timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("no reply")
        await asyncio.sleep(0.0002)


async def _quiet(count: Callable[[], int]) -> None:
    """Wait until nothing more arrives for SETTLE seconds: a turn may post more than one message."""
    seen = count()
    while True:
        await asyncio.sleep(SETTLE)
        if count() == seen:
            return
        seen = count()


# --- Discord: the real serve() with the fake gateway, both in a child process --------------------


async def _discord_child(db: Path, warm: int) -> dict[str, Any]:
    from tests.support.fake_discord import FakeDiscord

    async with FakeDiscord() as fake:
        with fake.patched():
            from adapters.discord import runner
            from adapters.discord.config import DiscordSettings
            from bot.config import CoreSettings

            started = time.perf_counter()
            core = CoreSettings(db=db)
            task = asyncio.create_task(runner.serve(core, DiscordSettings(token=fake.token, sync_commands=False)))
            await fake.wait_until_ready(timeout=60)
            ready = time.perf_counter() - started

            def posts() -> list[Any]:
                return [r for r in fake.requests if r.method == "POST" and r.path.endswith("/messages")]

            plays: Plays = []
            for play in range(1 + warm):
                row = []
                for text in LINES:
                    before = len(posts())
                    sent_at = time.perf_counter()
                    await fake.send_dm(30_000 + play, text)
                    await _until(_more_than(lambda: len(posts()), before), 30)
                    row.append(posts()[before].at - sent_at)
                    await _quiet(lambda: len(fake.requests))
                plays.append(row)
            task.cancel()
            with contextlib.suppress(BaseException):
                await task
    return {"ready": ready, "plays": plays}


def _discord_start(tree: Path, db: Path, warm: int) -> tuple[float, Plays]:
    done = subprocess.run([sys.executable, str(HERE / "bench" / "first_reply.py"), "--discord-child", str(tree),
                           str(db), str(warm)], capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    out = json.loads(done.stdout.strip().splitlines()[-1])
    return out["ready"], out["plays"]


# --- the terminal: the real `offer-coach chat` in a pseudo-terminal ------------------------------

def _terminal_start(tree: Path, db: Path, warm: int) -> tuple[float, Plays]:
    with chat_in_pty(tree, db) as (fd, ready):
        return ready, [[type_line(fd, text) for text in LINES] for _ in range(1 + warm)]


# --- running and reporting ----------------------------------------------------------------------


def one_start(surface: str, tree: Path, db: Path, warm: int) -> tuple[float, Plays]:
    if surface == "slack-http":
        return asyncio.run(_slack_start(tree, db, "http", warm))
    if surface == "slack-socket":
        return asyncio.run(_slack_start(tree, db, "socket", warm))
    if surface == "discord":
        return _discord_start(tree, db, warm)
    return _terminal_start(tree, db, warm)


def ratios(plays: Plays) -> list[float]:
    """first / warm (the median of the later plays) for each line."""
    return [plays[0][n] / statistics.median(play[n] for play in plays[1:]) for n in range(len(LINES))]


def report(results: dict[str, dict[str, list[tuple[float, Plays]]]], starts: int) -> None:
    load = os.getloadavg()
    print(f"first reply after ready vs warm, {starts} fresh starts per surface and tree, interleaved; "
          f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    print("lines: " + " | ".join(LINES))
    for surface, by_tree in results.items():
        for tree, runs in by_tree.items():
            med = statistics.median
            per_start = [ratios(plays) for _, plays in runs]
            firsts = [med(plays[0][n] for _, plays in runs) * 1000 for n in range(len(LINES))]
            warms = [med(med(p[n] for p in plays[1:]) for _, plays in runs) * 1000 for n in range(len(LINES))]
            print(f"{surface:<13} {tree:<10} ready {med(r for r, _ in runs) * 1000:5.0f} ms; "
                  + "; ".join(f"line {n + 1}: first {firsts[n]:6.2f} ms, warm {warms[n]:6.2f} ms, "
                              f"{med(row[n] for row in per_start):4.2f}x" for n in range(len(LINES))))
            print(f"{'':<13} {'':<10} first reply / warm per start: "
                  + " ".join(f"{row[0]:.2f}" for row in per_start)
                  + f"  (worst {max(row[0] for row in per_start):.2f}x)")
    print("target: the first reply (line 1) within 2x of a warm one, on every surface")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--starts", type=int, default=7, help="fresh starts per surface and tree")
    parser.add_argument("--warm", type=int, default=9, help="later plays of the same lines, for the warm median")
    parser.add_argument("--surface", action="append", choices=SURFACES, default=[])
    parser.add_argument("--against", action="append", default=[], help="a git ref to compare (git archive)")
    parser.add_argument("--discord-child", nargs=3, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.discord_child:
        tree, db, warm = arguments.discord_child
        sys.path.insert(0, tree)
        print(json.dumps(asyncio.run(_discord_child(Path(db), int(warm)))))
        return 0
    surfaces = arguments.surface or list(SURFACES)
    results: dict[str, dict[str, list[tuple[float, Plays]]]] = {s: {} for s in surfaces}
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"this": HERE, **{ref: tree_of(ref, Path(tmp) / "trees") for ref in arguments.against}}
        for start in range(arguments.starts):
            for surface in surfaces:
                names = list(trees) if start % 2 == 0 else list(reversed(trees))
                for name in names:
                    db = Path(tmp) / f"{surface}-{name.replace('/', '_')}-{start}.db"
                    results[surface].setdefault(name, []).append(one_start(surface, trees[name], db, arguments.warm))
    report(results, arguments.starts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
