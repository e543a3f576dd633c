"""How long loading the shipped playbooks takes in a running process (target: under 0.25 s).

The terminal chat loads them at start-up, so this is part of the time to the first reply (see
bench/chat_startup.py for the whole). The test suite checks the work instead (one C-parsed read
per file, no error-line pass); this measures the time on a quiet machine.

    python bench/playbooks_load.py [--runs 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.playbooks.loader import load_playbooks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    load_playbooks()  # warm the imports, as a running process would have
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        load_playbooks()
        times.append(time.perf_counter() - started)
    times.sort()
    print(f"load_playbooks() over {args.runs} runs: median {statistics.median(times) * 1000:.0f} ms, "
          f"worst {times[-1] * 1000:.0f} ms (target < 250 ms)")


if __name__ == "__main__":
    main()
