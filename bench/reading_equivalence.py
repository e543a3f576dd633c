"""Whether two versions of the reader read every message the same: a dump of readings, and a comparison.

A change made only for speed must not change what is read. This script reads a fixed, large set of
messages with the reader of a given source tree and writes every :class:`Understanding` (its whole
``model_dump``, signals and term details included) as one JSON line per read; two dumps of the same
inputs must then be byte-identical.

The inputs are collected from *this* tree, once, so both versions read exactly the same thing:

- every text of ``tests/data/*.jsonl`` and of the blind tuning sets (``*.dev.jsonl``, ``*.iter.jsonl``, ``iter3/``),
  with its own context, and again under a few fixed contexts (an offer on the table, a question, a refusal);
- the blind tuning practices played whole through the chat harness, each read with the context the
  practice gave it (recorded in the dump, so a different reading upstream shows too);
- odd and adversarial inputs: the cue-gate test's odd lines, the fuzz pieces (``tests/support/fuzz.py``)
  mixed and repeated, the reader's own vocabulary (perk phrases, number words, every cue's literal words)
  shuffled into short messages, random Unicode and random bytes, all from a seeded generator.

Frozen sets are never read.

    python bench/reading_equivalence.py check [--against main]       # this tree against a commit, side by side
    python bench/reading_equivalence.py dump --tree DIR --out FILE   # the readings of the tree in DIR
    python bench/reading_equivalence.py compare OLD NEW              # two dumps: same or where they differ
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEED = 14
_OFFER = {"base_salary": 120000, "pto": 20, "remote_work": 2, "sign_on_bonus": 5000, "equity": 20000}
# Each corpus text is read again under these: the reading of bare numbers, "yes" and "deal" depends on them.
CONTEXTS: tuple[dict[str, Any] | None, ...] = (
    None,
    {"last_perk": "pto", "last_move": "offer", "offer": _OFFER},
    {"last_perk": "base_salary", "last_move": "question", "offer": _OFFER},
    {"last_perk": "remote_work", "last_move": "refusal"},
    {"last_move": "summary", "offer": _OFFER},
)
_LIMIT = 4000


# --- the inputs (collected in this tree) -----------------------------------------------------------------


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _tuning_files() -> list[Path]:
    """The blind sets rules may be tuned on: the dev and iter files, and later tuning folders (iter3...); never a
    folder marked frozen."""
    blind = DATA / "blind"
    files = [*blind.glob("*.dev.jsonl"), *blind.glob("*.iter.jsonl")]
    for folder in sorted(p for p in blind.glob("iter*") if p.is_dir()):
        if not (folder / "FROZEN.json").exists():
            files += folder.glob("*.jsonl")
    return sorted(files)


def corpus_reads() -> list[tuple[str, dict[str, Any] | None]]:
    """Every corpus line with its own context (blind lines as bench/understanding.py gives it), then under each
    fixed one."""
    own: list[tuple[str, dict[str, Any] | None]] = []
    for path in sorted(DATA.glob("*.jsonl")):
        own += [(r["text"], r.get("context")) for r in _jsonl(path)]
    for path in _tuning_files():
        if path.name.startswith("practices") or path.suffix != ".jsonl":
            continue
        for r in _jsonl(path):
            context = r.get("context")
            own.append((r["text"], {**context, "last_speaker": "counterpart"} if context else None))
    texts = sorted({text for text, _ in own})
    return own + [(text, context) for context in CONTEXTS for text in texts]


def _vocabulary() -> list[str]:
    """Perk phrases, number words, and the literal words of every cue pattern (what the adversarial bench uses)."""
    import yaml

    words: set[str] = set()
    perks = yaml.safe_load((ROOT / "playbooks" / "perks.yaml").read_text(encoding="utf-8"))
    for perk in perks["perks"]:
        words |= {str(s) for s in [perk["key"].replace("_", " "), perk.get("label", ""), *perk.get("synonyms", [])]
                  if s}
    for path in sorted((ROOT / "bot" / "understanding").glob("*.py")):
        for literal in re.findall(r'r?"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8")):
            words |= set(re.findall(r"[a-z][a-z']{1,}(?: [a-z]{2,})?", literal))
    return sorted(words)


def _pieces() -> tuple[tuple[str, ...], tuple[str, ...], list[str], tuple[str, ...]]:
    """The fuzz pieces and separators, the odd lines of the cue-gate test and the work test's pieces (this tree's)."""
    sys.path.insert(0, str(ROOT))
    from tests.support import fuzz
    from tests.understanding import test_perf_cue_gate, test_reading_work

    return fuzz.PIECES, fuzz.SEPARATORS, list(test_perf_cue_gate.ODD), test_reading_work.PIECES


def fuzz_reads(count: int) -> Iterator[tuple[str, dict[str, Any] | None]]:
    rng = random.Random(SEED)
    pieces, separators, odd, work_pieces = _pieces()
    vocabulary = _vocabulary()
    figures = ["100k", "$120,000", "25 days", "3 more days", "10%", "130-140k", "2", "95", "£80k", "₪30,000",
               "a couple of days", "ninety thousand", "4 days a week", "1e9", "from 15 to 20 days"]
    contexts = list(CONTEXTS)
    yield from ((text, None) for text in odd)
    for piece in [*pieces, *work_pieces]:
        for size in (30, 400, _LIMIT):
            yield ((piece * (size // max(1, len(piece)) + 1))[:size], None)
    for _ in range(count):
        kind = rng.random()
        if kind < 0.1:
            size = rng.choice((1, 5, 30, 200))
            text = "".join(
                chr(rng.choice((rng.randint(32, 126), rng.randint(0, 0xD7FF), rng.randint(0xE000, 0x10FFFF))))
                for _ in range(size))
        elif kind < 0.13:
            text = rng.randbytes(rng.randint(1, 200)).decode("utf-8", errors="replace")
        elif kind < 0.45:
            text = rng.choice(separators).join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        elif kind < 0.97:  # short messages of the reader's own words: every cue and its gate is exercised
            words = [rng.choice(vocabulary) if rng.random() < 0.8 else rng.choice(figures)
                     for _ in range(rng.randint(1, 12))]
            text = rng.choice((" ", " ", ", ", ". ", "? ")).join(words)
            if rng.random() < 0.3:
                text = text.capitalize() + rng.choice(("?", ".", "!", ""))
        else:
            piece, separator = rng.choice([*pieces, *vocabulary]), rng.choice(separators)
            text = ((piece + separator) * rng.choice((10, 155, 1000)))[:_LIMIT]
        yield text, rng.choice(contexts)


def collect(fuzz: int) -> dict[str, Any]:
    practices = [p for path in _tuning_files() if path.name.startswith("practices") for p in _jsonl(path)]
    return {"reads": [*corpus_reads(), *fuzz_reads(fuzz)], "practices": practices}


# --- the dump (run with the tree under test first on sys.path) ----------------------------------------------


def dump(tree: Path, inputs: dict[str, Any], out: Path) -> int:
    sys.path.insert(0, str(tree))
    from bot.playbooks.loader import load_playbooks
    from bot.understanding.acts import Context
    from bot.understanding.reader import Understander

    assert Path(sys.modules["bot"].__file__ or "").resolve().is_relative_to(tree.resolve()), "wrong tree imported"
    reader = Understander(load_playbooks().perks)

    def context_of(raw: dict[str, Any] | None) -> Any:
        if raw is None:
            return None
        return Context(**{k: v for k, v in raw.items() if k in Context.model_fields})

    lines = 0
    with out.open("w", encoding="utf-8") as sink:
        for text, raw in inputs["reads"]:
            said = reader.read(text, context_of(raw))
            sink.write(json.dumps(said.model_dump(mode="json"), ensure_ascii=False, sort_keys=True) + "\n")
            lines += 1
        for practice in inputs["practices"]:
            for context, said in _play(practice):
                sink.write(json.dumps({"context": context, "read": said}, ensure_ascii=False, sort_keys=True) + "\n")
                lines += 1
    return lines


def _play(practice: dict[str, Any]) -> list[tuple[Any, Any]]:
    """Each read of a practice played whole in the chat harness: the context it was given, and what was read."""
    from tests.support.harness import ChatHarness

    harness = ChatHarness()
    seen: list[tuple[Any, Any]] = []
    try:
        runner = harness.service.engine.practices  # type: ignore[attr-defined]
        real = runner.understander

        class Recording:
            def read(self, text: str, context: Any = None) -> Any:
                said = real.read(text, context)
                given = None if context is None else context.model_dump(mode="json")
                seen.append((given, said.model_dump(mode="json")))
                return said

        runner.understander = Recording()
        harness.say(f"practice {practice['scenario']}", user="p")
        for turn in practice["turns"]:
            harness.say(turn["text"], user="p")
    finally:
        harness.close()
    return seen


def compare(old: Path, new: Path, show: int = 5) -> int:
    a = old.read_bytes().decode("utf-8").split("\n")  # not splitlines(): U+2028 may be inside a text
    b = new.read_bytes().decode("utf-8").split("\n")
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
    if len(a) != len(b):
        print(f"different lengths: {len(a)} and {len(b)} readings")
    for i in differ[:show]:
        print(f"reading {i}:\n  old {a[i][:400]}\n  new {b[i][:400]}")
    same = not differ and len(a) == len(b)
    print(f"{len(a) - 1} readings: {'byte-identical' if same else f'{len(differ)} differ'}")
    return 0 if same else 1


def _dump_in(tree: Path, inputs: Path, out: Path) -> None:
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "dump", "--tree", str(tree), "--inputs", str(inputs),
                    "--out", str(out)], cwd=tree, check=True)


def check(against: str, fuzz: int, keep: Path | None) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        inputs = folder / "inputs.json"
        inputs.write_text(json.dumps(collect(fuzz), ensure_ascii=False), encoding="utf-8")
        from bench.checkout import checkout  # collect() has put the repository on the path

        with checkout(against) as old:
            _dump_in(old, inputs, folder / "old.jsonl")
        _dump_in(ROOT, inputs, folder / "new.jsonl")
        return compare(folder / "old.jsonl", folder / "new.jsonl")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check", help="dump this tree and a commit on the same inputs, and compare")
    checking.add_argument("--against", default="main")
    checking.add_argument("--fuzz", type=int, default=20_000, help="how many generated inputs besides the corpora")
    checking.add_argument("--keep", type=Path, help="a folder to keep the inputs and both dumps in")
    dumping = commands.add_parser("dump", help="the readings of one tree")
    dumping.add_argument("--tree", type=Path, default=ROOT)
    dumping.add_argument("--inputs", type=Path, help="inputs written by an earlier run (default: collect them here)")
    dumping.add_argument("--fuzz", type=int, default=20_000)
    dumping.add_argument("--out", type=Path, required=True)
    comparing = commands.add_parser("compare", help="two dumps")
    comparing.add_argument("old", type=Path)
    comparing.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.against, args.fuzz, args.keep)
    if args.command == "dump":
        inputs = json.loads(args.inputs.read_text(encoding="utf-8")) if args.inputs else collect(args.fuzz)
        print(f"{dump(args.tree, inputs, args.out)} readings -> {args.out}")
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
