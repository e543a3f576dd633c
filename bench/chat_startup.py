"""How long `offer-coach chat` takes from process start to its first reply on screen.

Runs the command as a user would (a fresh process each time, an existing database), types `help`,
and stops the clock when the reply has been printed. Target (issue 14): under 0.3 s.

    python bench/chat_startup.py [--runs 15]
    python bench/chat_startup.py --code /path/to/old/checkout [--code /another]   # side by side

With ``--code`` each checkout's `adapters.cli.main` is run the same way (``python -c``, with the
checkout first on the path), alternating checkouts run by run so the machine's load hits all of
them; the ratios are to this tree. The user's cache directory is left as a second start finds it.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
LAUNCH = "import sys; sys.path.insert(0, sys.argv.pop(1)); from adapters.cli.main import main; sys.exit(main())"


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def first_reply_seconds(code: Path, db: Path) -> tuple[float, float]:
    """(seconds to the first reply on screen, CPU seconds of the whole process)."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", LAUNCH, str(code), "chat", "--db", str(db), "--user", "bench"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=code,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "0"})
    assert proc.stdin and proc.stdout
    proc.stdin.write("help\n")
    proc.stdin.flush()
    for line in proc.stdout:
        if "[1]" in line:  # the reply's numbered choices: the whole reply is on screen
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"no reply from {code}")
    proc.stdin.close()
    proc.stdout.read()
    proc.wait(timeout=30)
    return elapsed, _children_cpu() - cpu_before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--code", type=Path, action="append", default=[], help="another checkout to compare")
    args = parser.parse_args()
    codes = [HERE, *(c.resolve() for c in args.code)]
    times: dict[Path, list[tuple[float, float]]] = {code: [] for code in codes}
    with tempfile.TemporaryDirectory() as tmp:
        dbs = {code: Path(tmp) / f"bench{index}.db" for index, code in enumerate(codes)}
        for code in codes:  # creates the database and warms the OS file cache, as any second start would
            first_reply_seconds(code, dbs[code])
        for _ in range(args.runs):
            for code in codes:
                times[code].append(first_reply_seconds(code, dbs[code]))
    print(f"offer-coach chat, start to first reply, {args.runs} runs each, interleaved "
          "(absolute times swing with the machine's load; compare the ratios)")
    ours = statistics.median(wall for wall, _ in times[HERE])
    our_cpu = statistics.median(cpu for _, cpu in times[HERE])
    for code, runs in times.items():
        median = statistics.median(wall for wall, _ in runs)
        cpu = statistics.median(cpu for _, cpu in runs)
        print(f"{code!s:<40} median {median * 1000:5.0f} ms (worst {max(w for w, _ in runs) * 1000:5.0f} ms), "
              f"CPU {cpu * 1000:4.0f} ms; this tree / it: time {ours / median:4.2f}x, CPU {our_cpu / cpu:4.2f}x")
    print("target: < 300 ms (on a loaded machine the wall time is mostly waiting for a core: see the CPU)")


if __name__ == "__main__":
    main()
