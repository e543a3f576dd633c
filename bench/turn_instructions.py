"""Benchmark: instructions per practice turn (valgrind's callgrind), split into its parts, trees side by side.

Run from the repository root (valgrind installed; each tree takes a minute or two under it):

    python bench/turn_instructions.py                        # this tree
    python bench/turn_instructions.py --against main         # and main's tree (git archive), side by side
    python bench/turn_instructions.py --workload conversation --turns 600

The turns are those the Slack server runs in ``slack_bench.py --server`` (``--workload slack``: 16 users
each in a ``growth_startup`` practice, sending the bench's asks), or bench/turn.py's conversation
through every scenario (``--workload conversation``), each through ``CoachService.handle_sync`` on a
SQLite file with its maintenance thread, and each reply rendered to Block Kit as the Slack adapter
does. Callgrind counts the main thread's instructions between two markers (``os.getpgrp()`` zeroes
the counters, ``os.getsid(0)`` dumps them); each part runs through a C trampoline nothing else in the
turn uses, so the trampoline's inclusive cost is that part's: the turn (``operator.call``), the
engine's step (``itertools.starmap``), the reader (``functools.partial``) and the rendering
(``operator.methodcaller``). Unlike CPU time on a shared 2-core machine the counts repeat to within a
fraction of a percent, but they do not see cache misses or the kernel's share (the SQLite commit's
``write``s).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]

CHILD = r"""
import functools, gc, itertools, json, operator, os, sys, tempfile
from pathlib import Path
TREE, WORKLOAD, N = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, TREE)
from adapters.slack.render import render_reply
from bot.engine import Engine
from bot.messages import Incoming
from bot.playbooks.loader import load_playbooks
from bot.service import CoachService
from bot.storage.store import Store
from bot.understanding.reader import Understander

# the workload's lines come from the parent (this tree's benches), so every tree measured says the same
ASKS, CONVERSATION = json.loads(sys.argv[4])


class MarkedReader:
    # The reader through functools.partial: partial's inclusive cost is the reading's.
    def __init__(self, real):
        self._read = functools.partial(real.read)

    def read(self, text, context=None):
        return self._read(text, context)


class MarkedEngine:
    # The step through itertools.starmap: starmap's inclusive cost is the engine's.
    def __init__(self, real):
        self.real = real

    def step(self, state, incoming):
        return next(itertools.starmap(self.real.step, ((state, incoming),)))


def slack_lines(scenarios):
    users = [f"U{i:05d}" for i in range(16)]
    for user in users:
        yield user, "practice growth_startup"
    for i in itertools.count():
        yield users[i % 16], ASKS[i % len(ASKS)]


def conversation_lines(scenarios):
    counters = dict.fromkeys(range(20), 0)
    for user in itertools.cycle(range(20)):
        n = counters[user]
        counters[user] += 1
        scenario = scenarios[(n // len(CONVERSATION) + user) % len(scenarios)]
        yield f"U{user:05d}", CONVERSATION[n % len(CONVERSATION)].format(scenario=scenario)


playbooks = load_playbooks()
engine = MarkedEngine(Engine(playbooks, MarkedReader(Understander(playbooks.perks))))
folder = tempfile.mkdtemp()
service = CoachService(Store(Path(folder) / "t.db"), engine)
lines = (slack_lines if WORKLOAD == "slack" else conversation_lines)(sorted(playbooks.scenarios))
warm = 216 if WORKLOAD == "slack" else 300
for number, (user, text) in enumerate(itertools.islice(lines, warm + N)):
    incoming = Incoming(platform="slack", tenant="T0FAKE001", user_id=user, conversation_id="D" + user, text=text,
                        event_id=f"Ev{number}")
    if number == warm:
        gc.collect()
        os.getpgrp()  # callgrind: zero the counters
    replies = operator.call(service.handle_sync, incoming)
    for reply in replies:
        operator.methodcaller("__call__", reply, owner=user, where="d")(render_reply)
os.getsid(0)  # callgrind: dump the counters
service.close()
"""

# The trampolines (as callgrind_annotate names their C functions) and the part each one measures.
PARTS = {"turn": "_operator_call", "engine": "starmap_next", "reader": "partial_vectorcall",
         "render": "methodcaller_call"}


def count(tree: Path, workload: str, turns: int, folder: Path) -> dict[str, float]:
    """Instructions per turn of each part, for one tree."""
    from bench.slack_bench import ASKS  # this tree's workload, whichever tree is measured
    from bench.turn import CONVERSATION

    out = folder / "cg"
    subprocess.run(["valgrind", "--tool=callgrind", "--separate-threads=yes", "--zero-before=getpgrp",
                    "--dump-before=getsid", f"--callgrind-out-file={out}.%p", sys.executable, "-c", CHILD,
                    str(tree), workload, str(turns), json.dumps([ASKS, CONVERSATION])],
                   check=True, capture_output=True, timeout=7200,
                   env={**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(tree)})
    [dump] = [path for path in folder.glob("cg.*") if re.search(r"\.1-01$", path.name)]
    annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(dump)],
                               check=True, capture_output=True, text=True).stdout
    for path in folder.glob("cg.*"):
        path.unlink()
    return {part: value / turns for part, value in totals(annotated).items()}


def totals(annotated: str) -> dict[str, int]:
    """Each part's inclusive instructions (the outermost call of its trampoline) and the program's."""
    found: dict[str, int] = {}
    for line in annotated.splitlines():
        if "PROGRAM TOTALS" in line:
            found["all"] = int(line.split()[0].replace(",", ""))
            continue
        for part, function in PARTS.items():
            if f":{function} " in line and part not in found:
                found[part] = int(line.split()[0].replace(",", ""))
    return found


def main() -> int:
    from concurrent.futures import ThreadPoolExecutor

    from bench.checkout import tree_of

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", action="append", default=[], help="a git ref to compare (git archive)")
    parser.add_argument("--turns", type=int, default=300, help="turns counted per tree")
    parser.add_argument("--workload", choices=("slack", "conversation"), default="slack")
    parser.add_argument("--jobs", type=int, default=2, help="valgrind runs at once")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"this": HERE, **{ref: tree_of(ref, Path(tmp) / "trees") for ref in arguments.against}}
        for name in trees:
            (Path(tmp) / name.replace("/", "_")).mkdir()
        with ThreadPoolExecutor(arguments.jobs) as pool:
            counted = dict(zip(trees, pool.map(
                lambda name: count(trees[name], arguments.workload, arguments.turns,
                                   Path(tmp) / name.replace("/", "_")), trees), strict=True))
    print(f"Instructions per turn, thousands (callgrind, {arguments.turns} turns, workload {arguments.workload})")
    columns = ("turn", "engine", "reader", "render", "turn-reader", "service+store", "engine-reader")
    print(f"{'tree':<12}" + "".join(f"{c:>15}" for c in columns))
    first = None
    for name, parts in counted.items():
        derived = {**parts, "turn-reader": parts["turn"] - parts["reader"],
                   "service+store": parts["turn"] - parts["engine"], "engine-reader": parts["engine"] - parts["reader"]}
        print(f"{name:<12}" + "".join(f"{derived[c] / 1000:>15,.0f}" for c in columns))
        if first is None:
            first = derived
        else:
            print(f"{'this/' + name:<12}" + "".join(f"{first[c] / derived[c]:>15.3f}" for c in columns))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
