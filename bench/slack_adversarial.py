"""Other users' Slack acks while one user sends two adversarial messages a second (issue 13, defect 2).

The real Offer Coach Slack app (real engine, SQLite file) runs in its own process, as in
production, against the Fake Slack. Every user has a practice running in their DM. For
--seconds, one user sends two adversarial DMs a second (messages at the 4,000-character limit
that used to take seconds to read: "salary " x 570 and the like), while --users others each send
an ordinary practice turn every --every seconds. The ack latency of the others' events (request
sent until its HTTP response is read) is reported, p50 / p99 / max, with the attacker and without
it (a quiet round first, same users, same pace).

    python bench/slack_adversarial.py [--seconds 20] [--users 8] [--every 0.2]

To compare with another commit, copy this file into a worktree of it and run it there.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import secrets
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.slack_bench import ASKS, App, pct
from tests.support.fake_slack import FakeSlack, SlackSender, dm_message

ADVERSARIAL = tuple(
    (piece * (4000 // len(piece) + 1))[:4000]
    for piece in ("salary ", "salary 100k ", "base 1,", "pto? ", "another week\n", "1 ")
)


async def send_dm(send: SlackSender, user: str, text: str) -> float:
    sent = await send.event(dm_message(user=user, text=text))
    if sent.status != 200:
        raise RuntimeError(f"HTTP {sent.status}: {sent.body[:200]}")
    return sent.ack_seconds


async def pace(seconds: float, every: float, action) -> None:  # type: ignore[no-untyped-def]
    """Call `action` every `every` seconds for `seconds`, without waiting for the previous call."""
    started = time.perf_counter()
    tasks = []
    for n in itertools.count():
        at = started + n * every
        if at - started >= seconds:
            break
        await asyncio.sleep(max(0.0, at - time.perf_counter()))
        tasks.append(asyncio.ensure_future(action(n)))
    await asyncio.gather(*tasks)


async def round_of(send: SlackSender, users: list[str], seconds: float, every: float, attack: bool) -> list[float]:
    acks: list[float] = []

    async def ordinary(user: str, n: int) -> None:
        acks.append(await send_dm(send, user, ASKS[n % len(ASKS)]))

    async def adversarial(n: int) -> None:
        await send_dm(send, "UATTACKER", ADVERSARIAL[n % len(ADVERSARIAL)])

    work = [pace(seconds, every, lambda n, u=user: ordinary(u, n)) for user in users]
    if attack:
        work.append(pace(seconds, 0.5, adversarial))
    await asyncio.gather(*work)
    return acks


async def main(seconds: float, users: int, every: float) -> None:
    secret = secrets.token_hex(16)
    async with FakeSlack() as fake, aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=128)) as session:
        with tempfile.TemporaryDirectory() as tmp:
            app = App("coach", fake, secret, str(Path(tmp) / "coach.db"))
            try:
                send = SlackSender(session, app.url, secret)
                names = [f"UUSER{i:04d}" for i in range(users)]
                for user in [*names, "UATTACKER"]:
                    await send_dm(send, user, "practice growth_startup")
                await asyncio.sleep(1)
                await round_of(send, names, 2, every, attack=False)  # warm-up
                quiet = await round_of(send, names, seconds, every, attack=False)
                cpu_before = app.cpu_seconds()
                attacked = await round_of(send, names, seconds, every, attack=True)
                cpu = app.cpu_seconds() - cpu_before
            finally:
                app.stop()
    for name, acks in (("quiet", quiet), ("under attack", attacked)):
        print(f"{name:>13}: {len(acks):,} acks of other users, p50 {pct(acks, .5):.1f} ms, "
              f"p99 {pct(acks, .99):.1f} ms, max {max(acks) * 1000:.1f} ms")
    print(f"app process CPU during the attacked round: {cpu:.1f} s over {seconds:.0f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--every", type=float, default=0.2, help="seconds between one user's messages")
    args = parser.parse_args()
    asyncio.run(main(args.seconds, args.users, args.every))
