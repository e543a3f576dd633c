"""Crash test: `kill -9` a chat that is writing turns, N times, and check what the file holds.

Run from the repository root:

    python bench/kill_chat.py              # 100 kills
    python bench/kill_chat.py --kills 300

Each run starts `offer-coach chat` on the same database, pipes it a long practice script, waits
for its first answer (start-up is over) and kills it with SIGKILL at a random moment in the next
2 s, while turns are being written. After each kill it opens the file and checks:

- ``PRAGMA integrity_check`` is ok;
- no half-written turn: for each session, the stored turn rows equal the state's turn counter
  (a turn's row and the state it produced are one transaction), and every stored turn has replies;
- no acknowledged turn lost: every turn whose reply reached the chat's output is in the file.

It prints the counts; any failure is listed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = [
    "practice growth_startup",
    "thanks, I'm excited about the role",
    "could you do 150k base?",
    "what about 5 more days off?",
    "I have another offer at 160k",
    "status",
    "end",
    "yes",
]


def _check(db: Path) -> tuple[bool, list[str], int]:
    """(integrity ok, problems with half-written turns, turns stored)."""
    if not db.exists():
        return True, [], 0
    with sqlite3.connect(db) as conn:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        problems: list[str] = []
        if conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'turns'").fetchone()[0] == 0:
            return ok, problems, 0  # killed before the schema was made
        for user_key, scope, state in conn.execute("SELECT user_key, scope, state FROM sessions"):
            stored = conn.execute("SELECT count(*) FROM turns WHERE user_key = ? AND scope = ?",
                                  (user_key, scope)).fetchone()[0]
            counted = json.loads(state)["turns"]
            if stored != counted:
                problems.append(f"{user_key}/{scope}: {stored} turn rows, state says {counted}")
        empty = conn.execute("SELECT count(*) FROM turns WHERE replies IN ('', '[]')").fetchone()[0]
        if empty:
            problems.append(f"{empty} turns without replies")
        total = conn.execute("SELECT count(*) FROM turns").fetchone()[0]
    return ok, problems, total


def _answered(screen: str) -> int:
    """Turns whose answer (or its start) reached the screen: the chat echoes `you> line` first."""
    turns = screen.split("you> ")[1:]
    return sum(1 for turn in turns if turn.partition("\n")[2].strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    chooser = random.Random(args.seed)
    script = ("\n".join(SCRIPT * 60) + "\n").encode()
    folder = Path(tempfile.mkdtemp(prefix="kill-chat-"))
    db = folder / "coach.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    integrity_failures, half_written, lost, mid_stream, before = 0, 0, 0, 0, 0
    for run in range(args.kills):
        chat = subprocess.Popen([sys.executable, "-m", "adapters.cli.main", "chat", "--db", str(db), "--user", "sam"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        assert chat.stdin is not None and chat.stdout is not None
        try:
            chat.stdin.write(script)
            chat.stdin.flush()
        except BrokenPipeError:
            pass
        first = chat.stdout.readline()  # the first answer: start-up is over, turns are being written
        time.sleep(chooser.uniform(0.0, 2.0))
        chat.send_signal(signal.SIGKILL)
        printed = _answered((first + chat.stdout.read()).decode(errors="replace"))
        chat.wait()
        ok, problems, total = _check(db)
        integrity_failures += not ok
        half_written += bool(problems)
        if total - before < printed:
            lost += 1
            problems.append(f"{printed} turns answered on screen, {total - before} stored")
        mid_stream += total > before
        for problem in problems:
            print(f"run {run}: {problem}")
        before = total
    print(f"kills: {args.kills} (with turns written during the run: {mid_stream}); turns stored: {before}")
    print(f"integrity failures: {integrity_failures}; runs with half-written turns: {half_written}; "
          f"runs that lost an answered turn: {lost}")


if __name__ == "__main__":
    main()
