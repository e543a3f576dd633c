"""Benchmark: what the data-care changes cost, side by side with an older commit, interleaved.

Run from the repository root:

    python bench/store_care.py                # against the commit before the data-care work
    python bench/store_care.py --old REF --rounds 5

For each round it runs one child process per tree (the old commit's ``bot/`` unpacked into a
temporary folder, and this working tree), alternating, and reports the medians of:

- ``prune``: the hourly prune of 2,000 old event ids from a table that also holds 200,000 recent
  ones (three days of a busy workspace);
- ``turn_cpu``: process CPU time of one turn with an event id (claim, load, save, commit) through
  the service with an engine that does nothing, on a file database (mean over 2,000 turns; CPU
  time, since wall time swings with the other work on the machine);
- ``wal_frames``: 4 KB pages each of those turns appends to the WAL (a count, not a time);
- ``open``: opening a database of 20,000 users and 100,000 turns (start-up; the new tree runs
  ``PRAGMA quick_check`` here).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OLD = "642469f"  # main before the data-care work

CHILD = r"""
import json, sys, tempfile, time
from datetime import timedelta
from pathlib import Path
from bot.messages import Incoming, Reply
from bot.service import CoachService
from bot.session import Outcome
from bot.storage.store import Store, now_utc, timestamp

class Idle:
    def step(self, state, incoming):
        return Outcome(state=state, replies=[Reply(text="ok")])

folder = Path(tempfile.mkdtemp())
results = {}

store = Store(folder / "events.db", maintenance=False)
recent, old = timestamp(now_utc()), timestamp(now_utc() - timedelta(days=30))
with store.transaction():
    store.conn.executemany("INSERT INTO events (event_key, at) VALUES (?, ?)",
                           [(f"slack:recent-{n:07d}", recent) for n in range(200_000)])
    store.conn.executemany("INSERT INTO events (event_key, at) VALUES (?, ?)",
                           [(f"slack:old-{n:07d}", old) for n in range(2_000)])
started = time.perf_counter()
assert store.prune_events() == 2_000
results["prune"] = time.perf_counter() - started
store.close()

def turns(coach, first, count):
    for n in range(first, first + count):
        coach.handle_sync(Incoming(platform="test", user_id=f"u{n % 50}", conversation_id="dm", text="hi",
                                   event_id=f"ev-{n}"))

coach = CoachService(Store(folder / "turns.db", maintenance=False), Idle())
coach.store.conn.execute("PRAGMA wal_autocheckpoint=0")  # let the WAL grow, to count its frames
turns(coach, 0, 500)  # warm up
coach.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
cpu = time.process_time()
turns(coach, 500, 2_000)
results["turn_cpu"] = (time.process_time() - cpu) / 2_000
results["wal_frames"] = (folder / "turns.db-wal").stat().st_size / (4096 + 24) / 2_000
coach.close()

big = folder / "big.db"
with Store(big, maintenance=False) as store, store.transaction():
    store.conn.executemany("INSERT INTO users (key, platform, created_at) VALUES (?, 'test', ?)",
                           [(f"test::u{n}", recent) for n in range(20_000)])
    store.conn.executemany(
        "INSERT INTO turns (user_key, scope, at, text_in, choice_in, replies) VALUES (?, 'direct', ?, ?, NULL, ?)",
        [(f"test::u{n % 20_000}", recent, "could you do 150k base and four more days off?",
          '[{"text": "Let me see what I can do about the base."}]') for n in range(100_000)])
started = time.perf_counter()
Store(big, maintenance=False).close()
results["open"] = time.perf_counter() - started
print(json.dumps(results))
"""


def _unpack(ref: str, into: Path) -> None:
    archive = subprocess.run(["git", "archive", ref, "bot"], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def _run(tree: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", CHILD], cwd=tree, capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"})
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", default=DEFAULT_OLD)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        old_tree = Path(temp)
        _unpack(args.old, old_tree)
        runs: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
        for _ in range(args.rounds):
            runs["old"].append(_run(old_tree))
            runs["new"].append(_run(ROOT))
    print(f"{'measure':<10} {'old':>12} {'new':>12} {'new/old':>8}")
    measures = (("prune", "ms", 1e3), ("turn_cpu", "ms", 1e3), ("wal_frames", "", 1), ("open", "ms", 1e3))
    for measure, unit, scale in measures:
        old = statistics.median(r[measure] for r in runs["old"]) * scale
        new = statistics.median(r[measure] for r in runs["new"]) * scale
        print(f"{measure:<10} {old:>9.3f} {unit:<2} {new:>9.3f} {unit:<2} {new / old:>7.2f}x")


if __name__ == "__main__":
    main()
