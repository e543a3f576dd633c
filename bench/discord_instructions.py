"""Benchmark: instructions per Discord DM (valgrind's callgrind), the adapter's own against bare clients.

Run from the repository root (valgrind installed; each client takes a few minutes under it):

    python bench/discord_instructions.py                      # this tree
    python bench/discord_instructions.py --against main       # and main's tree (git archive), side by side

The clients and the DMs are those of ``discord_bench.py --cpu``: the fake Discord on its own thread, one
client per process answering ``--dms`` DMs of the bench's practice conversations after a warm-up.
Callgrind counts the instructions of the client's thread between two markers (``os.getpgrp()`` zeroes
the counters, ``os.getsid(0)`` dumps them), and for the coach also those of the turn alone (the
service's ``handle`` is driven through ``operator.call``, whose inclusive cost is the turn's). Unlike
CPU time on a shared 2-core machine the counts repeat to within a fraction of a percent, but they do
not see cache misses: the turn running inline leaves the caches cold for the discord.py work after it,
which ``discord_bench.py --cpu`` shows in time and this does not.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
CLIENTS = ("bare", "same-payload", "replay", "coach")

CHILD = r"""
import asyncio, gc, operator, os, sys, tempfile
from pathlib import Path
R, CLIENT, N, LOOP = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path.insert(0, sys.argv[5])  # this bench's folder: discord_bench from the tree that runs the bench
sys.argv = [sys.argv[0], "--tree", R]  # discord_bench puts the measured tree first on the path
import discord_bench as b
from adapters.event_loop import run_on


class Marked:
    # The turn through operator.call, so callgrind's inclusive cost of _operator_call is the turn's.
    def __init__(self, inner):
        self.inner = inner

    async def handle(self, incoming):
        turn = self.inner.handle(incoming)
        try:
            operator.call(turn.send, None)
        except StopIteration as done:
            return done.value
        raise RuntimeError("the turn waited for something")


async def main():
    from adapters.discord.commands import Catalogue
    from adapters.discord.config import DiscordSettings
    from adapters.discord.render import message_kwargs, render_reply
    from adapters.lifecycle import settle_heap
    from bot.engine import Engine
    from bot.service import CoachService
    from bot.storage.store import Store
    from tests.support.harness import shipped

    playbooks, understander = shipped()
    catalogue = Catalogue.from_playbooks(playbooks)
    texts = b._texts(sorted(playbooks.scenarios))
    cycle = [next(texts) for _ in range(len(playbooks.scenarios) * 4 * len(b.CONVERSATION))]
    folder = tempfile.mkdtemp()
    recorder = CoachService(Store(Path(folder) / "r.db"), Engine(playbooks, understander))
    replies = b._recorded(recorder, cycle)
    recorder.close()
    with b.FakeOnItsThread() as side:
        settings = DiscordSettings(token=side.fake.token, sync_commands=False)
        if CLIENT == "bare":
            client = b.BareClient(guild_ready_timeout=0)
        elif CLIENT == "same-payload":
            payloads = {key: [message_kwargs(out) for reply in answer for out in render_reply(reply, int(key[0]))]
                        for key, answer in replies.items()}
            client = b.SamePayloadClient(payloads, guild_ready_timeout=0)
        elif CLIENT == "replay":
            client = b.TimedCoachClient(b.ReplayService(replies), settings, catalogue, guild_ready_timeout=0)
        else:
            service = CoachService(Store(Path(folder) / "c.db"), Engine(playbooks, understander))
            client = b.TimedCoachClient(Marked(service), settings, catalogue, guild_ready_timeout=0)
        settle_heap()
        warm = 60
        dms = cycle * (1 + (warm + N) // len(cycle))
        async with b.connected(side.fake, client):
            for index, (user, text) in enumerate(dms[: warm + N]):
                if index == warm:
                    gc.collect()
                    os.getpgrp()  # callgrind: zero the counters
                client.done.clear()
                await side.send_dm(user, text)
                await asyncio.wait_for(client.done.wait(), 60)
            os.getsid(0)  # callgrind: dump the counters
    return 0

sys.exit(run_on(LOOP, main()))
"""


def count(tree: Path, client: str, dms: int, loop: str, folder: Path) -> tuple[float, float]:
    """(instructions per DM on the client's thread, of which the turn's), for one client of one tree."""
    out = folder / f"cg.{client}"
    subprocess.run(["valgrind", "--tool=callgrind", "--separate-threads=yes", "--zero-before=getpgrp",
                    "--dump-before=getsid", f"--callgrind-out-file={out}.%p", sys.executable, "-c", CHILD,
                    str(tree), client, str(dms), loop, str(HERE / "bench")],
                   check=True, capture_output=True, timeout=3600)
    [dump] = [path for path in folder.glob(f"cg.{client}.*") if re.search(r"\.1-01$", path.name)]
    annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", str(dump)], check=True, capture_output=True,
                               text=True).stdout
    for path in folder.glob(f"cg.{client}.*"):
        path.unlink()
    total, turn = totals(annotated)
    return total / dms, turn / dms


def totals(annotated: str) -> tuple[int, int]:
    """(all instructions, the turn's) from ``callgrind_annotate --inclusive=yes``'s listing."""
    total = turn = 0
    for line in annotated.splitlines():
        if "PROGRAM TOTALS" in line:
            total = int(line.split()[0].replace(",", ""))
        elif "_operator.c:_operator_call " in line and not turn:  # the outermost call, not a recursive one
            turn = int(line.split()[0].replace(",", ""))
    return total, turn


def main() -> int:
    from concurrent.futures import ThreadPoolExecutor

    from bench.checkout import tree_of

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", action="append", default=[], help="a git ref to compare (git archive)")
    parser.add_argument("--dms", type=int, default=200, help="DMs counted per client")
    parser.add_argument("--loop", choices=("asyncio", "uvloop"), default="asyncio")
    parser.add_argument("--jobs", type=int, default=2, help="valgrind runs at once")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"this": HERE, **{ref: tree_of(ref, Path(tmp) / "trees") for ref in arguments.against}}
        jobs = [(name, client) for name in trees for client in CLIENTS]
        for name, client in jobs:
            (Path(tmp) / name.replace("/", "_") / client).mkdir(parents=True)
        with ThreadPoolExecutor(arguments.jobs) as pool:
            counted = dict(zip(jobs, pool.map(
                lambda job: count(trees[job[0]], job[1], arguments.dms, arguments.loop,
                                  Path(tmp) / job[0].replace("/", "_") / job[1]), jobs), strict=True))
    print(f"Instructions per DM on the client's thread (callgrind, {arguments.dms} DMs, {arguments.loop} loop)")
    print(f"{'tree':<10}{'bare':>12}{'same-payload':>14}{'replay':>12}{'coach':>12}{'turn':>12}{'coach-turn':>12}"
          f"{'own/bare':>10}{'own/same-payload':>18}")
    for name in trees:
        bare, payload, replay = (counted[(name, c)][0] for c in ("bare", "same-payload", "replay"))
        coach, turn = counted[(name, "coach")]
        own = coach - turn
        print(f"{name:<10}{bare:>12,.0f}{payload:>14,.0f}{replay:>12,.0f}{coach:>12,.0f}{turn:>12,.0f}{own:>12,.0f}"
              f"{own / bare:>10.2f}{own / payload:>18.2f}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    os.environ.setdefault("PYTHONHASHSEED", "0")  # the same string hashes in every run: fewer stray differences
    sys.exit(main())
