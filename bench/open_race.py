"""Start-up race: processes opening the same new database file at the same moment.

Run from the repository root:

    python bench/open_race.py                   # 200 rounds of 2 processes, old commit and this tree
    python bench/open_race.py --rounds 500 --processes 4

Each round makes a new file and has every process open it at once (a barrier), as two services
started together on a fresh volume would. Before the fix, switching the new file to WAL answered
"database is locked" at once to the loser. Prints the failed opens for the commit before the
data-care work (``--old``) and for this tree, in alternating blocks of rounds.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.store_care import DEFAULT_OLD, ROOT, _unpack

CHILD = r"""
import multiprocessing as mp, sys, tempfile, os
from bot.storage.store import Store, StoreError

def opener(folder, rounds, barrier, results):
    failed = 0
    for n in range(rounds):
        barrier.wait()
        try:
            Store(os.path.join(folder, f"new-{n}.db"), maintenance=False).close()
        except StoreError:
            failed += 1
    results.put(failed)

rounds, processes = int(sys.argv[1]), int(sys.argv[2])
context = mp.get_context("fork")
barrier, results = context.Barrier(processes), context.Queue()
folder = tempfile.mkdtemp()
workers = [context.Process(target=opener, args=(folder, rounds, barrier, results)) for _ in range(processes)]
for worker in workers:
    worker.start()
print(sum(results.get() for _ in workers))
for worker in workers:
    worker.join()
"""


def _failures(tree: Path, rounds: int, processes: int) -> int:
    done = subprocess.run([sys.executable, "-c", CHILD, str(rounds), str(processes)], cwd=tree, check=True,
                          capture_output=True, text=True, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"})
    return int(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", default=DEFAULT_OLD)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    totals = {"old": 0, "new": 0}
    with tempfile.TemporaryDirectory() as temp:
        _unpack(args.old, Path(temp))
        for _ in range(4):
            totals["old"] += _failures(Path(temp), args.rounds // 4, args.processes)
            totals["new"] += _failures(ROOT, args.rounds // 4, args.processes)
    opens = args.rounds // 4 * 4 * args.processes
    for name, failed in totals.items():
        print(f"{name}: {failed} of {opens} opens failed")


if __name__ == "__main__":
    main()
