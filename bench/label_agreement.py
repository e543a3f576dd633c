"""How far two blind labellers agree on the same lines, next to the reader's score on those lines.

The reader's targets (acts 0.90, perks 0.95, pairs 0.95) mean something only if people labelling from
the guide agree well above them; this prints that agreement, scored exactly as the reader is.

    python bench/label_agreement.py
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.understanding import blind_context, default_understander  # noqa: E402
from tests.support import blind  # noqa: E402

SECOND = blind.BLIND / "agreement" / "iter3_second_labeller.jsonl"
# folders whose practices a second labeller relabelled (second_labeller.jsonl, .test.jsonl when frozen)
RELABELLED = tuple(blind.BLIND / name for name in
                   ("iter5", "iter4", "frozen5", "frozen6", "frozen7", "frozen8", "frozen9"))


@dataclass(frozen=True)
class _Value:
    value: str


@dataclass
class _Term:
    perk: str | None
    amount: float | None
    role: str


@dataclass
class _Labels:
    """A labelled line dressed as a reading, so the reader's scorer can compare two labellers."""

    acts: list[_Value] = field(default_factory=list)
    terms: list[_Term] = field(default_factory=list)
    signals: list[_Value] = field(default_factory=list)

    @classmethod
    def of(cls, record: dict[str, Any]) -> _Labels:
        return cls([_Value(a) for a in record["acts"]],
                   [_Term(t["perk"], t["amount"], t.get("role") or "ask") for t in record["terms"]],
                   [_Value(s) for s in record.get("signals", [])])


def _print(title: str, scores: dict[str, blind.StyleScore]) -> None:
    print(f"\n{title}\n{'style':<11}{'n':>5}{'acts F1':>9}{'perks F1':>10}{'pairs F1':>10}")
    for style in [*blind.STYLES, "all"]:
        if style in scores:
            s = scores[style]
            print(f"{style:<11}{s.n:>5}{s.acts.f1:>9.3f}{s.perks.f1:>10.3f}{s.pairs.f1:>10.3f}")


def practice_agreement(first: list[dict[str, Any]], second: dict[str, list[dict[str, Any]]]
                       ) -> blind.PracticeScore:
    """Score the second labeller's turns as if they were the reader's reading of the first's practices."""
    return blind.score_practices([p for p in first if p["id"] in second],
                                 lambda p: [_Labels.of(t) for t in second[p["id"]]])


def _print_practices(title: str, score: blind.PracticeScore) -> None:
    print(f"\n{title}\nturns agreed: {score.right}/{score.turns} = {score.accuracy:.3f}; "
          f"skilled turns with an ask: {score.skilled_asks}, asks read differently: {score.restated}")
    for persona, n in sorted(score.by_persona.items()):
        print(f"  {persona:<10}{score.right_by_persona[persona]:>4}/{n:<4}")


def main() -> int:
    second = blind.load_jsonl(SECOND)
    first = {r["id"]: r for r in blind.lines("iter", blind.BLIND / "iter3")}
    same_lines = [first[r["id"]] for r in second]
    by_id = {r["id"]: r for r in second}
    in_order = iter(second)  # score_lines reads the lines in order, so the second labels follow them
    _print("second labeller against the first (label agreement)",
           blind.score_lines(same_lines, lambda _text, _ctx: _Labels.of(next(in_order))))
    reader = default_understander()
    _print("the reader against the first labeller",
           blind.score_lines(same_lines, lambda text, ctx: reader.read(text, blind_context(ctx))))
    _print("the reader against the second labeller",
           blind.score_lines([by_id[r["id"]] for r in second],
                             lambda text, ctx: reader.read(text, blind_context(ctx))))
    for folder in RELABELLED:
        first_practices, relabelled = blind.practices(directory=folder), blind.second_labels(folder)
        _print_practices(f"whole practices of {folder.name}: second labeller against the first (agreement per turn)",
                         practice_agreement(first_practices, relabelled))
        read = blind.score_practices(first_practices, blind.play_in_harness, relabelled)
        _print_practices(f"whole practices of {folder.name}: the reader against the first labeller", read)
        print(f"the reader against either labeller: {read.right_either}/{read.second_turns}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
