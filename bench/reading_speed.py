"""Warm reading speed of this tree against a commit: CPU time, interleaved rounds, same machine, same run.

Each round reads the same 20,000 short chat lines (sampled from the development corpus, as
bench/understand_process.py does) once warm in a fresh process per tree, old and new in turn, and records
the best of three passes in CPU time (which a busy shared machine disturbs far less than wall time). The
old tree is checked out in a temporary worktree. Prints each round and the median ratio.

With --distinct, each line is read once: the distinct texts of every corpus one may tune on (tests/data/*.jsonl
and the blind dev, iter and iter3 sets), the first 500 to warm up and the rest measured, as a stream of new
messages is, with nothing any cache could have seen.

    python bench/reading_speed.py [--against main] [--rounds 5] [--distinct]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.checkout import checkout  # noqa: E402
from bench.understand_process import short_lines  # noqa: E402

# Run inside each tree: that tree's reader over the lines, warm, best of three passes by CPU time.
_PASS = """
import sys, time
sys.path.insert(0, sys.argv[1])
from bot.playbooks.loader import load_playbooks
from bot.understanding.reader import Understander
lines = sys.stdin.read().split("\\n")
reader = Understander(load_playbooks().perks)
warm, measured = (lines[:500], lines[500:]) if sys.argv[2] == "distinct" else (lines[:2000], lines)
for text in warm:
    reader.read(text)
lines = measured
best = 0.0
for _ in range(1 if sys.argv[2] == "distinct" else 3):
    started = time.process_time()
    for text in lines:
        reader.read(text)
    best = max(best, len(lines) / (time.process_time() - started))
print(best)
"""


def rate(tree: Path, lines: str, distinct: bool) -> float:
    done = subprocess.run([sys.executable, "-c", _PASS, str(tree), "distinct" if distinct else "sampled"],
                          input=lines, cwd=tree, check=True, capture_output=True, text=True)
    return float(done.stdout)


def distinct_lines() -> str:
    """Every distinct text of the corpora one may tune on, one per line, in a fixed shuffled order."""
    data = ROOT / "tests" / "data"
    blind = data / "blind"
    paths = [*data.glob("*.jsonl"), *blind.glob("*.dev.jsonl"), *blind.glob("*.iter.jsonl")]
    paths += [p for p in (blind / "iter3").glob("*.jsonl") if not (blind / "iter3" / "FROZEN.json").exists()]
    texts: set[str] = set()
    for path in sorted(paths):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else {}
            for text in [record.get("text"), *(turn.get("text") for turn in record.get("turns", []))]:
                if isinstance(text, str) and text.strip():
                    texts.add(" ".join(text.split()))
    ordered = sorted(texts)
    random.Random(10).shuffle(ordered)
    return "\n".join(ordered)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", default="main")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--distinct", action="store_true", help="read every distinct corpus text once")
    args = parser.parse_args()
    lines = distinct_lines() if args.distinct else short_lines(args.lines).decode().rstrip("\n")
    ratios = []
    with checkout(args.against) as old:
        for round_ in range(1, args.rounds + 1):
            before, after = rate(old, lines, args.distinct), rate(ROOT, lines, args.distinct)
            ratios.append(after / before)
            print(f"round {round_}: {args.against} {before:,.0f} msg/s, this tree {after:,.0f} msg/s "
                  f"({after / before:.2f}x)")
    print(f"median ratio (this tree / {args.against}): {statistics.median(ratios):.2f}x "
          f"(range {min(ratios):.2f}-{max(ratios):.2f})")


if __name__ == "__main__":
    main()
