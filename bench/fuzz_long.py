"""The long fuzz run: at least 100,000 inputs through the reader, and whole practices, checked (issue 13).

The CI fuzz (tests/understanding/test_fuzz_reading.py) runs a few hundred derandomized examples;
this runs the same checks on many more, from a seeded random generator so a failure reproduces:

- reader inputs: random Unicode, negotiation-like mixes of :data:`tests.support.fuzz.PIECES`, one
  piece repeated up to the message size limit, and random bytes decoded with replacement; each
  read with and without a context, checked by :func:`tests.support.fuzz.check_reading` (no
  exception, valid UTF-8 JSON, finite amounts, no invented number);
- practices: a scenario started through the chat harness, then messages from the same mix; every
  message must get a reply and never the "something went wrong" one.

It prints the counts, the failures (first few), and the slowest read.

    python bench/fuzz_long.py [--inputs 100000] [--sessions 2000] [--seed 13]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.playbooks.loader import load_playbooks  # noqa: E402
from bot.service import ENGINE_TROUBLE_REPLY  # noqa: E402
from bot.understanding.acts import Context  # noqa: E402
from bot.understanding.reader import MAX_READ_CHARS, Understander  # noqa: E402
from tests.support.fuzz import PIECES, SEPARATORS, check_reading  # noqa: E402
from tests.support.harness import ChatHarness, shipped  # noqa: E402

CONTEXTS = (None, Context(last_perk="pto", last_move="offer"), Context(last_perk="base_salary", last_move="question"))


def random_text(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.25:  # any Unicode at all, surrogates and private use excepted
        size = rng.choice((1, 5, 30, 200))
        return "".join(chr(rng.choice((rng.randint(32, 126), rng.randint(0, 0xD7FF), rng.randint(0xE000, 0x10FFFF))))
                       for _ in range(size))
    if kind < 0.3:  # bytes off the wire, decoded as the CLI does
        return rng.randbytes(rng.randint(1, 200)).decode("utf-8", errors="replace")
    if kind < 0.9:  # negotiation-like
        return " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
    piece, separator = rng.choice(PIECES), rng.choice(SEPARATORS)  # repeated up to the size limit
    return ((piece + separator) * rng.choice((10, 155, 300, 570, 1000, 4000)))[:MAX_READ_CHARS]


def fuzz_reader(count: int, rng: random.Random) -> Iterator[tuple[str, float, str | None]]:
    reader = Understander(load_playbooks().perks)
    for _ in range(count):
        text = random_text(rng)
        started = time.perf_counter()
        try:
            check_reading(reader, text, rng.choice(CONTEXTS))
            failure = None
        except Exception:
            failure = traceback.format_exc(limit=3)
        yield text, time.perf_counter() - started, failure


def fuzz_sessions(count: int, rng: random.Random) -> Iterator[tuple[str, str | None]]:
    scenarios = sorted(shipped()[0].scenarios)
    for _ in range(count):
        harness = ChatHarness()
        try:
            harness.say(f"practice {rng.choice(scenarios)}")
            for _ in range(rng.randint(1, 10)):
                text = random_text(rng)
                try:
                    replies = harness.say(text)
                    failure = None if replies else "no reply"
                    if ENGINE_TROUBLE_REPLY in replies:
                        failure = "the engine failed"
                except Exception:
                    failure = traceback.format_exc(limit=3)
                yield text, failure
        finally:
            harness.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--sessions", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()
    failures: list[tuple[str, str]] = []
    slowest = (0.0, "")
    for text, seconds, failure in fuzz_reader(args.inputs, rng):
        slowest = max(slowest, (seconds, text))
        if failure:
            failures.append((text, failure))
    print(f"reader: {args.inputs:,} inputs, {len(failures)} failures, slowest read {slowest[0] * 1e3:.1f} ms "
          f"({len(slowest[1]):,} characters: {slowest[1][:60]!r}...)", flush=True)
    messages = 0
    for text, failure in fuzz_sessions(args.sessions, rng):
        messages += 1
        if failure:
            failures.append((text, failure))
    print(f"seed {args.seed}: {args.inputs:,} reader inputs and {args.sessions:,} practices ({messages:,} messages) "
          f"in {time.perf_counter() - started:.0f} s")
    print(f"failures: {len(failures)}")
    for text, failure in failures[:5]:
        print(f"--- {text[:120]!r}\n{failure}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
