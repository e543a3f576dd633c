"""`offer-coach understand` as one whole process over 20,000 short lines, start-up included, against a commit.

Each run starts a fresh process on the same input (short chat lines from the development corpus)
and records the CPU time it used (user + system, which the busy 2-core machine disturbs far less
than wall time) and its wall time. The current tree and the commit given with --against (default:
main) are run in turn, interleaved, from a temporary worktree; the medians and their ratio are printed.

    python bench/understand_process.py [--against main] [--runs 5] [--lines 20000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def short_lines(count: int) -> bytes:
    corpus = ROOT / "tests" / "data" / "understanding_dev.jsonl"
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [t.replace("\n", " ") for t in texts if len(t) < 120]
    rng = random.Random(1)
    return ("\n".join(rng.choice(texts) for _ in range(count)) + "\n").encode()


def run_once(tree: Path, data: bytes) -> tuple[float, float]:
    """CPU seconds and wall seconds of one `understand` process over `data`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "adapters.cli.main", "understand"], input=data, cwd=tree, check=True,
                   stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(tree)})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", default="main")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lines", type=int, default=20_000)
    args = parser.parse_args()
    data = short_lines(args.lines)
    sys.path.insert(0, str(ROOT))
    from bench.checkout import checkout

    results: dict[str, dict[str, list[float]]] = {}
    with checkout(args.against) as old:
        for _ in range(args.runs):
            for name, tree in (("old", old), ("new", ROOT)):
                for label, payload in (("lines", data), ("empty", b"")):
                    cpu, wall = run_once(tree, payload)
                    results.setdefault(f"{name} {label}", {"cpu": [], "wall": []})
                    results[f"{name} {label}"]["cpu"].append(cpu)
                    results[f"{name} {label}"]["wall"].append(wall)
    med = {key: {k: statistics.median(v) for k, v in value.items()} for key, value in results.items()}
    for name, label in (("old", args.against), ("new", "this tree")):
        lines, empty = med[f"{name} lines"], med[f"{name} empty"]
        print(f"{label:>10}: {args.lines / lines['cpu']:,.0f} msg/s by CPU ({lines['cpu']:.2f} s CPU, "
              f"{args.lines / lines['wall']:,.0f} msg/s wall); start-up alone {empty['cpu']:.3f} s CPU")
    print(f"ratio (this tree / {args.against}): whole run {med['old lines']['cpu'] / med['new lines']['cpu']:.2f}x "
          f"faster by CPU; start-up {med['old empty']['cpu'] / med['new empty']['cpu']:.2f}x faster")


if __name__ == "__main__":
    main()
