"""The worst-case time to read one message, over adversarial messages and a random corpus.

Adversarial messages repeat one piece of the reader's own vocabulary (a perk word, a number word,
a cue word, a figure, a mention) with a separator until the message size limit, because
repetition is what makes a reader that looks back or forward from every hit slow. The random
corpus mixes the same vocabulary with random characters. Each message is read once through the
real :class:`~bot.understanding.reader.Understander`; the script prints the slowest messages and
the worst and median time, for docs/reliability.md.

    python bench/adversarial.py               # every piece of vocabulary × separators, 2,000 random
    python bench/adversarial.py --quick       # a sample, for a quick look
    python bench/adversarial.py --compare REV # the same messages read by commit REV in the same run
    python bench/adversarial.py --separators three --reads 1   # the figure in docs/reliability.md

With --compare, each message is read by both versions in turn (old checked out in a temporary
worktree and run in a subprocess), so the ratio is measured on the same machine at the same time.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LIMIT = 4000  # OFFER_COACH_MAX_MESSAGE_CHARS: the engine cuts longer messages before reading
RAISED: list[str] = []
SEPARATORS = (" ", ", ", ". ", "? ", " and ", "\n")
FIGURES = (
    "1", "100k", "$1", "1.", "1,", "10%", "3 days", "½", "<@123>", "1e9", "2 more", "130-140k", "one", "hundred",
    "ninety thousand", "a couple of days", "another week", "no", "not", "if", "ok", "thanks", "?", ",", ":", ".",
)  # fmt: skip


def vocabulary() -> list[str]:
    """Perk phrases, number words and the literal words of every cue pattern."""
    from bot.playbooks.loader import load_playbooks
    from bot.understanding import amounts, cues
    from bot.understanding.reader import Understander

    reader = Understander(load_playbooks().perks)
    words: set[str] = set(reader._by_phrase)
    words |= set(amounts._WORD_NUMBERS) | set(amounts._MULTIPLIERS) | set(amounts._CURRENCY_WORDS)
    for value in vars(cues).values():
        if isinstance(value, re.Pattern):
            words |= set(re.findall(r"[a-z][a-z']{1,}(?: [a-z]{2,})?", value.pattern))
    return sorted(words | set(FIGURES))


def adversarial(quick: bool, separators: tuple[str, ...] = SEPARATORS) -> Iterator[tuple[str, str]]:
    pieces = vocabulary()
    if quick:
        pieces = random.Random(1).sample(pieces, 60) + list(FIGURES)
    for piece in pieces:
        for sep in separators:
            yield f"{piece!r} × {sep!r}", ((piece + sep) * (LIMIT // (len(piece) + len(sep)) + 1))[:LIMIT]
    # a perk, a figure and a cue together, over and over
    for combo in ("salary 100k ", "I want 120k base and 25 days pto, ", "can I get more salary? ", "no car, ",
                  "ok, then 2 more days? ", "if not, 3k more. ", "base 1,", "what about 25? "):
        yield f"{combo!r} ×", (combo * (LIMIT // len(combo) + 1))[:LIMIT]


def random_corpus(count: int, seed: int = 13) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed)
    pieces = vocabulary()
    noise = "0123456789 ,.?!-$€%k\n<>@#&½\u200b'\"()"
    for i in range(count):
        size = rng.choice((20, 200, 1000, LIMIT))
        out: list[str] = []
        while sum(map(len, out)) < size:
            out.append(rng.choice(pieces) if rng.random() < 0.7 else "".join(rng.choices(noise, k=rng.randint(1, 4))))
            out.append(rng.choice(SEPARATORS))
        yield f"random #{i}", "".join(out)[:size]


def read_times(texts: list[str], reads: int = 2) -> list[float]:
    """Seconds to read each text (best of `reads`, so a scheduling hiccup is not taken for the text's cost)."""
    from bot.playbooks.loader import load_playbooks
    from bot.understanding.reader import Understander

    reader = Understander(load_playbooks().perks)
    reader.read("warm up: 120k base and 25 days pto?")
    times = []
    for text in texts:
        best = float("inf")
        for _ in range(reads):
            started = time.perf_counter()
            try:
                reader.read(text)
            except Exception:  # an old commit may crash on some of these; the time until then still counts
                RAISED.append(text)
            best = min(best, time.perf_counter() - started)
        times.append(best)
    return times


def _old_times(rev: str, texts: list[str]) -> list[float]:
    """The same measurement at commit `rev`, in a temporary worktree and its own process."""
    from bench.checkout import checkout  # here: an older tree imports this file to read with its own code

    with checkout(rev) as tree:
        script = (
            "import json, sys; sys.path.insert(0, '.'); sys.path.insert(1, sys.argv[1]);"
            "import adversarial; print(json.dumps(adversarial.read_times(json.load(sys.stdin))))"
        )
        done = subprocess.run([sys.executable, "-c", script, str(ROOT / "bench")], cwd=tree, check=True,
                              input=json.dumps(texts), capture_output=True, text=True)
        return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--random", type=int, default=2000, help="random messages (default 2,000)")
    parser.add_argument("--compare", metavar="REV", help="also read every message at this commit")
    parser.add_argument("--separators", default="all", choices=["all", "three"],
                        help="three: only ' ', ', ' and '? ' between repeated pieces (a third of the messages)")
    parser.add_argument("--reads", type=int, default=2, help="reads per message, the best one counts")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # here, not at import: --compare imports this file to read with an older tree

    separators = SEPARATORS if args.separators == "all" else (" ", ", ", "? ")
    cases = list(adversarial(args.quick, separators)) + list(random_corpus(200 if args.quick else args.random))
    names, texts = [c[0] for c in cases], [c[1] for c in cases]
    times = read_times(texts, args.reads)
    print(f"{len(texts):,} messages ({sum(len(t) >= LIMIT for t in texts):,} at the {LIMIT:,}-character limit)")
    print(f"median {statistics.median(times) * 1e3:.2f} ms, worst {max(times) * 1e3:.1f} ms, "
          f"{len(RAISED) // 2} raised an exception")
    print("slowest:")
    for i in sorted(range(len(times)), key=times.__getitem__, reverse=True)[:8]:
        print(f"  {times[i] * 1e3:8.1f} ms  {names[i]}")
    if args.compare:
        old = _old_times(args.compare, texts)
        print(f"at {args.compare}: median {statistics.median(old) * 1e3:.2f} ms, worst {max(old) * 1e3:.1f} ms "
              f"({max(old) / max(times):.1f}x this one's worst)")
        for i in sorted(range(len(old)), key=old.__getitem__, reverse=True)[:5]:
            print(f"  {old[i] * 1e3:8.1f} ms  {names[i]}")


if __name__ == "__main__":
    main()
