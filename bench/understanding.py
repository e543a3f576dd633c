"""Measure understanding on the labeled corpus: P/R/F1 per act and per perk, amounts, confusions, speed.

    python bench/understanding.py                 # score the held-out set (the figures we publish)
    python bench/understanding.py --split dev     # score the development set
    python bench/understanding.py --split fresh   # score the second held-out set
    python bench/understanding.py --split reasons_fresh  # held out for reasons, market data and trades
    python bench/understanding.py --build-corpus  # rebuild tests/data/*.jsonl from the .txt sources
    python bench/understanding.py --blind         # the frozen blind corpora per style, and whole practices
    python bench/understanding.py --blind --split dev --show-errors  # the blind dev lines, to tune on
    python bench/understanding.py --blind --split iter --show-errors # the second blind set, to tune on
    python bench/understanding.py --blind --from DIR --show-errors   # a blind set still being written
    (the blind report also lists precision, recall and F1 per signal, weakest first, with F1 per style)
    python bench/understanding.py --blind --from tests/data/blind/frozen2  # the second frozen set (never shows errors)

The held-out set is scored, never tuned on: do not read its failures to write rules. The
development set may be inspected with --show-errors.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.understanding.acts import Act, Context, Signal  # noqa: E402
from bot.understanding.reader import Understander  # noqa: E402

DATA = ROOT / "tests" / "data"
SPLITS = {
    "dev": DATA / "understanding_dev",
    "heldout": DATA / "understanding_heldout",
    "fresh": DATA / "understanding_fresh",  # a second held-out set, written after the rules were done
    # held out for the reasons / market data / trade rules: written after them, scored once
    "reasons_fresh": DATA / "understanding_reasons_fresh",
}


# --- corpus ------------------------------------------------------------------------------------

GIVE_MARK = "(give)"  # after a term: the perk the speaker offers up in exchange


def parse_compact(lines: Iterable[str]) -> Iterator[dict]:
    """Read `text | acts | terms | @context` lines (see tests/data/README.md) into corpus records."""
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in re.split(r"\s+\|(?=\s|$)", line)]
        if len(parts) < 2:
            raise ValueError(f"line {number}: expected 'text | acts | terms', got {line!r}")
        text, acts = parts[0], parts[1].split()
        terms_field = parts[2] if len(parts) > 2 else ""
        context = parts[3] if len(parts) > 3 else ""
        signals_field = parts[4] if len(parts) > 4 else None  # absent: signals not labelled; "-": none
        speaker = "candidate"
        if text.startswith("R:"):
            speaker, text = "recruiter", text[2:]
        for act in acts:
            Act(act)  # a typo in a label is an error, not a silent miss
        terms = []
        for chunk in filter(None, (c.strip() for c in terms_field.split(";"))):
            give = chunk.endswith(GIVE_MARK)
            chunk = chunk.removesuffix(GIVE_MARK)
            negated = chunk.endswith("!")
            chunk = chunk.rstrip("!")
            perk, _, rest = chunk.partition("=")
            amount_text, _, unit = rest.partition(":")
            terms.append(
                {
                    "perk": None if perk == "_" else perk,
                    "amount": None if amount_text in ("-", "") else float(amount_text),
                    "unit": unit or None,
                    "negated": negated,
                }
            )
            if give:
                terms[-1]["give"] = True
        record = {"text": text, "speaker": speaker, "acts": acts, "terms": terms}
        if context:
            record["context"] = {"last_perk": context.lstrip("@")}
        if signals_field is not None:
            signals = [] if signals_field == "-" else signals_field.split()
            for signal in signals:
                Signal(signal)
            record["signals"] = signals
        yield record


def build_corpus() -> None:
    for name, stem in SPLITS.items():
        source = stem.with_suffix(".txt")
        if not source.exists():
            continue
        records = list(parse_compact(source.read_text(encoding="utf-8").splitlines()))
        with stem.with_suffix(".jsonl").open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{name}: {len(records)} messages -> {stem.with_suffix('.jsonl').relative_to(ROOT)}")


def load(split: str) -> list[dict]:
    path = SPLITS[split].with_suffix(".jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def default_understander() -> Understander:
    from bot.playbooks.loader import load_playbooks

    return Understander(load_playbooks().perks)


# --- scoring -----------------------------------------------------------------------------------


@dataclass
class Tally:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, expected: set[str], got: set[str]) -> None:
        for label in expected & got:
            self.tp[label] += 1
        for label in got - expected:
            self.fp[label] += 1
        for label in expected - got:
            self.fn[label] += 1

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        tp = sum(self.tp.values()) if label is None else self.tp[label]
        fp = sum(self.fp.values()) if label is None else self.fp[label]
        fn = sum(self.fn.values()) if label is None else self.fn[label]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def labels(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))


def _same_amount(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


@dataclass
class Score:
    acts: Tally
    perks: Tally
    pairs_expected: int
    pairs_found: int
    confusions: Counter
    errors: list[tuple[dict, dict]]
    signals: Tally = field(default_factory=Tally)  # only over messages whose signals are labelled
    gives: Tally = field(default_factory=Tally)  # the perks marked as given, same messages
    signal_labelled: int = 0

    @property
    def pair_accuracy(self) -> float:
        return self.pairs_found / self.pairs_expected if self.pairs_expected else 1.0


def score(records: list[dict], understander: Understander) -> Score:
    acts, perks = Tally(), Tally()
    confusions: Counter = Counter()
    pairs_expected = pairs_found = 0
    errors = []
    signals, gives, signal_labelled = Tally(), Tally(), 0
    for record in records:
        context = Context(**record["context"]) if record.get("context") else None
        understanding = understander.read(record["text"], context)
        got = understanding.json_line()
        signals_ok = True
        if "signals" in record:
            signal_labelled += 1
            expected_signals, got_signals = set(record["signals"]), {s.value for s in understanding.signals}
            signals.add(expected_signals, got_signals)
            expected_gives = {t["perk"] for t in record["terms"] if t.get("give")}
            got_gives = {t.perk for t in understanding.terms if t.give}
            gives.add({f"give {p}" for p in expected_gives}, {f"give {p}" for p in got_gives})
            signals_ok = expected_signals == got_signals and expected_gives == got_gives
            got = {**got, "signals": sorted(got_signals), "gives": sorted(p or "_" for p in got_gives)}
        expected_acts, got_acts = set(record["acts"]), set(got["acts"])
        acts.add(expected_acts, got_acts)
        for missing in expected_acts - got_acts:
            confusions[(f"act {missing}", "missed")] += 1
        for extra in got_acts - expected_acts:
            confusions[(f"act {extra}", "wrongly found")] += 1
        expected_perks = {t["perk"] or "(none)" for t in record["terms"]}
        got_perks = {t["perk"] or "(none)" for t in got["terms"]}
        perks.add(expected_perks, got_perks)
        for missing in expected_perks - got_perks:
            confusions[(f"perk {missing}", f"read as {sorted(got_perks - expected_perks) or 'nothing'}")] += 1
        for extra in got_perks - expected_perks - set():
            if not expected_perks - got_perks:
                confusions[(f"perk {extra}", "wrongly found")] += 1
        ok = expected_acts == got_acts and expected_perks == got_perks
        # these older corpora label one term per perk, the one asked for: an evidence figure beside it is extra
        got_by_perk = {t["perk"]: t for t in sorted(got["terms"], key=lambda t: t.get("role") == "ask")}
        for term in record["terms"]:
            if term["amount"] is None:
                continue
            pairs_expected += 1
            found = got_by_perk.get(term["perk"])
            if found is not None and _same_amount(found["amount"], term["amount"]):
                pairs_found += 1
            else:
                ok = False
                confusions[(f"amount for {term['perk']}", "wrong or missing")] += 1
        if not ok or not signals_ok:
            errors.append((record, got))
    return Score(acts, perks, pairs_expected, pairs_found, confusions, errors, signals, gives, signal_labelled)


def speed(records: list[dict], understander: Understander, seconds: float = 1.5) -> float:
    """Messages per second, single process, over the corpus texts (cold caches excluded)."""
    texts = [r["text"] for r in records]
    for text in texts:
        understander.read(text)
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text in texts:
            understander.read(text)
        count += len(texts)
    return count / (time.perf_counter() - start)


def report(split: str, show_errors: bool) -> int:
    understander = default_understander()
    records = load(split)
    result = score(records, understander)
    print(f"# understanding on {split}: {len(records)} messages\n")
    print(f"{'act':<18}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
    for label in [str(a.value) for a in Act if a.value in result.acts.labels()]:
        p, r, f = result.acts.prf(label)
        print(f"{label:<18}{p:7.2f}{r:7.2f}{f:7.2f}{result.acts.tp[label] + result.acts.fn[label]:6d}")
    p, r, f = result.acts.prf()
    print(f"{'micro':<18}{p:7.3f}{r:7.3f}{f:7.3f}\n")
    print(f"{'perk':<26}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
    for label in result.perks.labels():
        p, r, f = result.perks.prf(label)
        print(f"{label:<26}{p:7.2f}{r:7.2f}{f:7.2f}{result.perks.tp[label] + result.perks.fn[label]:6d}")
    p, r, f = result.perks.prf()
    print(f"{'micro':<26}{p:7.3f}{r:7.3f}{f:7.3f}\n")
    print(
        f"(perk, amount) pairs with the right amount: {result.pairs_found}/{result.pairs_expected}"
        f" = {result.pair_accuracy:.3f}\n"
    )
    if result.signal_labelled:
        print(f"signals, on the {result.signal_labelled} messages labelled with them:")
        print(f"{'signal':<18}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
        for label in result.signals.labels():
            p, r, f = result.signals.prf(label)
            print(f"{label:<18}{p:7.2f}{r:7.2f}{f:7.2f}{result.signals.tp[label] + result.signals.fn[label]:6d}")
        p, r, f = result.gives.prf()
        given = sum(result.gives.tp.values()) + sum(result.gives.fn.values())
        print(f"{'given perk':<18}{p:7.2f}{r:7.2f}{f:7.2f}{given:6d}\n")
    print("costliest confusions:")
    for (what, how), n in result.confusions.most_common(10):
        print(f"  {n:3d}  {what}: {how}")
    rate = speed(records, understander)
    print(f"\nspeed: {rate:,.0f} messages/s (single process)")
    if show_errors:
        if split != "dev":
            print("\n(errors on the held-out set are not shown: it is not for tuning)")
        else:
            for record, got in result.errors:
                print(f"\n{record['text']!r} ctx={record.get('context')}")
                want_extra = got_extra = ""
                if "signals" in record:
                    gives = sorted(t["perk"] or "_" for t in record["terms"] if t.get("give"))
                    want_extra = f" signals={record['signals']} gives={gives}"
                    got_extra = f" signals={got['signals']} gives={got['gives']}"
                print(f"  want {record['acts']} {_terms(record['terms'])}{want_extra}")
                print(f"  got  {got['acts']} {_terms(got['terms'])}{got_extra}")
    return 0


def _terms(terms: list[dict]) -> str:
    return ", ".join(
        f"{t['perk']}={t['amount']}{':' + t['unit'] if t['unit'] else ''}{'!' if t['negated'] else ''}" for t in terms
    )


def blind_context(raw: dict | None) -> Context | None:
    """A corpus line's context, keeping the fields this reader's Context knows."""
    if not raw:
        return None
    known = {k: v for k, v in raw.items() if k in Context.model_fields}
    return Context(**known, **({"last_speaker": "counterpart"} if "last_speaker" in Context.model_fields else {}))


def report_blind(split: str, show_errors: bool, directory: Path | None = None) -> int:
    from tests.support import blind

    understander = default_understander()
    records = blind.lines(split, directory)
    # a folder with a FROZEN.json is a measure, like the test split: its errors are never shown
    # a folder is judged by its own FROZEN.json, whatever the split's default: "--from DIR" alone is not the test split
    frozen = (directory / "FROZEN.json").exists() if directory is not None else split == "test"
    if directory is not None:
        split = f"{directory}"
    scores = blind.score_lines(records, lambda text, ctx: understander.read(text, blind_context(ctx)))
    print(f"# blind corpora ({split}): {len(records)} lines, written from docs/labelling.md alone\n")
    print(f"{'style':<11}{'n':>5}{'acts F1':>9}{'perks F1':>10}{'(perk,amount,role) F1':>23}{'signals F1':>12}")
    for style in [*blind.STYLES, "all"]:
        if style not in scores:
            continue
        sc = scores[style]
        print(f"{style:<11}{sc.n:>5}{sc.acts.f1:>9.3f}{sc.perks.f1:>10.3f}{sc.pairs.f1:>23.3f}{sc.signals.f1:>12.3f}")
    if "all" in scores:
        print_signal_breakdown(scores)
    if show_errors:
        if frozen:
            print("\n(errors on a frozen set are not shown: it is not for tuning)")
        else:
            for record, said in (scores["all"].errors if "all" in scores else []):
                print(f"\n{record['text']!r} ctx={record.get('context')}")
                print(f"  want {record['acts']} {sorted(blind.label_triples(record['terms']))}"
                      f" perks={sorted({t['perk'] or '(none)' for t in record['terms']})}"
                      f" signals={sorted(record.get('signals', []))}")
                print(f"  got  {[a.value for a in said.acts]} {sorted(blind.read_triples(said.terms))}"
                      f" perks={sorted({t.perk or '(none)' for t in said.terms})}"
                      f" signals={sorted(x.value for x in said.signals)}")
    items = blind.practices(split, directory)
    if items:
        second = blind.second_labels(directory) if directory is not None else {}
        as_played = blind.contexts_as_played(directory) if directory is not None else {}
        report_practices(items, show_errors=show_errors, frozen=frozen, second=second, as_played=as_played)
    return 0


def report_practices(items: list[dict[str, Any]], *, show_errors: bool, frozen: bool,
                     second: dict[str, list[dict[str, Any]]] | None = None,
                     as_played: dict[str, list[dict[str, Any] | None]] | None = None) -> None:
    """Per-turn reading of whole practices, then how it shows in the scorecard (bench/judgment.py).
    ``second``: a second blind labeller's turns by practice id, where the set has them; ``as_played``: the
    context each line was read in when it was played, where recovered (bench/as_played.py)."""
    from tests.support import blind

    if items:
        result = blind.score_practices(items, blind.play_in_harness, second)
        if show_errors and not frozen:
            for practice_id, turn, said in result.misses:
                got = "(not read)" if said is None else (
                    f"{[a.value for a in said.acts]} {sorted(blind.read_asks(said.terms))}")
                print(f"\n{practice_id}: {turn['text']!r}")
                print(f"  want {sorted(set(turn['acts']) & blind.DECISIVE)} {sorted(blind.label_asks(turn['terms']))}")
                print(f"  got  {got}")
        print(f"\n# whole practices: {len(items)} practices, {result.turns} turns")
        print(f"per-turn interpretation accuracy: {result.right}/{result.turns} = {result.accuracy:.3f}")
        for persona, n in sorted(result.by_persona.items()):
            print(f"  {persona:<10}{result.right_by_persona[persona]:>4}/{n:<4}")
        print(f"skilled turns with an ask: {result.skilled_asks}; misread (the user would restate): {result.restated}")
        if result.second_turns:
            print(f"read as at least one of two blind labellers did: {result.right_either}/{result.second_turns}"
                  f" (how far the labellers agree: python bench/label_agreement.py)")
        if as_played and all(p["id"] in as_played for p in items):
            alone = blind.score_practices(items, blind.play_as_played(as_played, default_understander()))
            print(f"the reading alone, each line against the context the player saw: {alone.right}/{alone.turns}"
                  f" = {alone.accuracy:.3f}; skilled asks misread: {alone.restated} of {alone.skilled_asks}")
        from bench import judgment

        print()
        judgment.report(items, frozen=frozen, show_errors=show_errors and not frozen)


def print_signal_breakdown(scores: dict[str, Any]) -> None:
    """Precision, recall and F1 per signal over all lines, then F1 per style: the weakest signals show."""
    from tests.support import blind

    styles = [style for style in blind.STYLES if style in scores]
    every = scores["all"].by_signal
    print(f"\n{'signal':<14}{'P':>7}{'R':>7}{'F1':>7}{'n':>5}{'fp':>5}{'fn':>5}"
          + "".join(f"{style[:9]:>10}" for style in styles))
    for signal in sorted(every, key=lambda name: (every[name].f1, name)):
        tally = every[signal]
        row = f"{signal:<14}{tally.precision:7.2f}{tally.recall:7.2f}{tally.f1:7.2f}"
        row += f"{tally.tp + tally.fn:5d}{tally.fp:5d}{tally.fn:5d}"
        for style in styles:
            by_style = scores[style].by_signal
            row += f"{by_style[signal].f1:10.2f}" if signal in by_style else f"{'-':>10}"
        print(row)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=[*sorted(SPLITS), "test", "iter"], default=None)
    parser.add_argument("--from", dest="directory", type=Path, default=None,
                        help="with --blind: score a writer's folder (terse.jsonl, practices.jsonl...) instead")
    parser.add_argument("--build-corpus", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--blind", action="store_true", help="score the blind corpora (--split test or dev)")
    args = parser.parse_args(argv)
    if args.blind:
        return report_blind(args.split or "test", args.show_errors, args.directory)
    if args.build_corpus:
        build_corpus()
        return 0
    return report(args.split or "heldout", args.show_errors)


if __name__ == "__main__":
    raise SystemExit(main())
