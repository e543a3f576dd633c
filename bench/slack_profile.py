"""Where the real `offer-coach run slack` spends its CPU per practice turn: a sampling profile.

Run from the repository root (needs py-spy on PATH; Linux, as root or with ptrace allowed):

    python bench/slack_profile.py --turns 3000              # this tree, on uvloop when installed
    python bench/slack_profile.py --turns 3000 --asyncio    # on asyncio's own loop

It starts the server as `bench/slack_bench.py --server` does (HTTP mode, signed DM events, the Fake
Slack on loopback), warms it up with 8 users in practices, then samples it with py-spy while those
users send `--turns` more turns in a closed loop. The report gives the server's CPU per turn, and
the share of the samples (idle threads left out) under each part of a turn's path. Shares overlap
where one part calls another (the turn is inside the listener's task, Bolt inside the request).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import itertools
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp

from bench.slack_bench import STARTS_PRACTICE, Server, Waiter, closed_loop, dm
from tests.support.fake_slack import FakeSlack, SlackSender

# (what, a frame that marks it): a sample counts for every part whose frame is on its stack.
PARTS = (
    ("the practice turn (service, engine, store)", "CoachService.handle ("),
    ("  reading the message", "Understander.read ("),
    ("  loading the session", "Store.load_session"),
    ("  committing the turn", "Store.commit_turn"),
    ("posting the reply (render + chat.postMessage)", "Delivery.send"),
    ("  slack_sdk + aiohttp client", "chat_postMessage"),
    ("  rendering", "render_reply"),
    ("the request in (aiohttp handler to the ack)", "GuardedServer.handle_post_requests"),
    ("  Bolt's dispatch (middleware, matching, listener)", "AsyncApp.async_dispatch"),
    ("  our listener (to the ack)", "Listeners._accepting.<locals>.listener"),
    ("  the door's own signature check", "SignatureVerifier.is_valid_request"),
    ("writing the acknowledgement", "RequestHandler.finish_response"),
    ("recording requests in the inbox (batched)", "Intake._record_arrivals"),
    ("marking requests done (inbox, batched)", "Intake.flush"),
)
# The parts that do not overlap: what is left of the samples is the event loop, socket reads and the rest.
TOP_LEVEL = tuple(label for label, _ in PARTS if not label.startswith(" "))
IDLE = ("Condition.wait", "select (selectors", "Event.wait")


async def _drive(turns: int, out: Path, use_uvloop: bool) -> float:
    secret = secrets.token_hex(16)
    async with FakeSlack() as fake, aiohttp.ClientSession() as session:
        waiter, counter = Waiter(fake), itertools.count()
        with tempfile.TemporaryDirectory() as tmp:
            server = Server(Path(__file__).resolve().parents[1], fake.api_url, secret, Path(tmp) / "p.db",
                            uvloop=use_uvloop)
            try:
                await server.listening()
                send = SlackSender(session, server.url, secret)
                users = [f"UPROF{n:04d}" for n in range(8)]
                await asyncio.gather(*(dm(send, waiter, fake, user, STARTS_PRACTICE) for user in users))
                await closed_loop(send, waiter, fake, users, 300, counter)
                spy = subprocess.Popen(["py-spy", "record", "--nonblocking", "-r", "250", "-f", "raw", "-o", str(out),
                                        "-p", str(server.process.pid)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                await asyncio.sleep(1.0)
                before = server.cpu_seconds()
                await closed_loop(send, waiter, fake, users, turns, counter)
                per_turn = (server.cpu_seconds() - before) / turns
                spy.send_signal(signal.SIGINT)
                spy.wait(60)
            finally:
                server.stop()
    return per_turn


def shares(raw: Path) -> tuple[int, dict[str, float]]:
    """Samples that were not idle, and the share of them under each part."""
    active = 0
    under: collections.Counter[str] = collections.Counter()
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if any(idle in frames[-1] for idle in IDLE):
            continue
        active += int(count)
        for label, marker in PARTS:
            if any(marker in frame for frame in frames):
                under[label] += int(count)
    return active, {label: under[label] / max(active, 1) for label, _ in PARTS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--turns", type=int, default=3000)
    parser.add_argument("--asyncio", action="store_true", help="run the server on asyncio's loop, not uvloop")
    args = parser.parse_args()
    if shutil.which("py-spy") is None:
        print("py-spy is not on PATH (pip install py-spy)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "profile.txt"
        started = time.perf_counter()
        per_turn = asyncio.run(_drive(args.turns, raw, not args.asyncio))
        active, parts = shares(raw)
    print(f"server CPU per turn {per_turn * 1000:.2f} ms while sampled ({args.turns} turns, "
          f"{time.perf_counter() - started:.0f} s, load average {os.getloadavg()[0]:.1f}); {active} samples")
    for label, share in parts.items():
        print(f"{share * 100:5.1f} %  {label}")
    rest = 1 - sum(parts[label] for label in TOP_LEVEL)
    print(f"{rest * 100:5.1f} %  the rest: the event loop, reading sockets, parsing HTTP, timers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
