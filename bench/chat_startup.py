"""How long `offer-coach chat` takes from process start to its first reply on screen.

Runs the command as a user would (a fresh process each time, an existing database), types `help`,
and stops the clock when the reply has been printed. Target (issue 14): under 0.3 s.

    python bench/chat_startup.py [--runs 15]
    python bench/chat_startup.py --code /path/to/old/checkout [--code /another]   # side by side
    python bench/chat_startup.py --terminal --code /path/to/old/checkout   # first typed ask vs a warm one

With ``--code`` each checkout's `adapters.cli.main` is run the same way (``python -c``, with the
checkout first on the path), alternating checkouts run by run so the machine's load hits all of
them; the ratios are to this tree. The user's cache directory is left as a second start finds it.

``--terminal`` runs the chat in a pseudo-terminal, as a person types into it (Linux): after the
first prompt it types a practice, an ask, another ask and the first ask again, and times each reply
up to the next prompt. The first ask after start is compared with the same ask typed later.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import select
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


PROMPT = re.compile(r"you> ")
TYPED = ("practice growth_startup", "I'd like 165k base, could you do that?", "What about 4 remote days a week?",
         "I'd like 165k base, could you do that?")


def until_prompt(fd: int, timeout: float = 60.0) -> None:
    """Read the pty at `fd` until the chat's prompt shows (TimeoutError with what was seen, if not)."""
    seen = ""
    deadline = time.perf_counter() + timeout
    while not PROMPT.search(seen):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.perf_counter()))
        if not ready:
            raise TimeoutError(f"no prompt in {seen[-300:]!r}")
        seen += os.read(fd, 65536).decode("utf-8", "replace")


@contextmanager
def chat_in_pty(code: Path, db: Path) -> Iterator[tuple[int, float]]:
    """`offer-coach chat` from checkout `code` in a fresh pseudo-terminal: yields the terminal's fd once
    the first prompt shows, and the seconds from the process's start to that prompt; ended afterwards
    (mid-practice `exit` would ask whether to walk away, so the process is simply killed)."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "LINES": "40", "INPUTRC": "/dev/null"}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", LAUNCH, str(code), "chat", "--db", str(db), "--user", "bench"],
                            stdin=follower, stdout=follower, stderr=follower, cwd=code, env=env,
                            start_new_session=True)
    os.close(follower)
    try:
        until_prompt(leader)
        yield leader, time.perf_counter() - started
    finally:
        proc.kill()
        proc.wait(timeout=30)
        os.close(leader)


def type_line(fd: int, line: str) -> float:
    """Seconds from typing `line` (and Enter) at the chat in `fd` to its next prompt."""
    started = time.perf_counter()
    os.write(fd, line.encode() + b"\r")
    until_prompt(fd)
    return time.perf_counter() - started


def typed_reply_seconds(code: Path, db: Path) -> list[float]:
    """Seconds from Enter to the next prompt, for each line of TYPED, in a fresh chat in a pty."""
    with chat_in_pty(code, db) as (fd, _ready):
        return [type_line(fd, line) for line in TYPED]


def terminal_main(codes: list[Path], runs: int) -> None:
    results: dict[Path, list[list[float]]] = {code: [] for code in codes}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            for index, code in enumerate(codes):
                results[code].append(typed_reply_seconds(code, Path(tmp) / f"t{index}-{run}.db"))
    print(f"offer-coach chat in a terminal, {runs} fresh starts each, interleaved: the first ask after start "
          "vs the same ask typed later in the same chat")
    for code, rows in results.items():
        first = statistics.median(row[1] for row in rows)
        warm = statistics.median(row[3] for row in rows)
        print(f"{code!s:<40} first ask {first * 1000:6.1f} ms, later {warm * 1000:6.1f} ms: {first / warm:5.2f}x")
    print("target: the first within 2x of a warm reply")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--code", type=Path, action="append", default=[], help="another checkout to compare")
    parser.add_argument("--terminal", action="store_true", help="first typed ask vs a warm one, in a pty")
    args = parser.parse_args()
    codes = [HERE, *(c.resolve() for c in args.code)]
    if args.terminal:
        terminal_main(codes, args.runs)
        return
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
