"""Measure the scorecard's judgment on practices played live by blind players.

    python bench/judgment.py --from tests/data/blind/iter5 --show-errors   # a tuning set, per practice
    python bench/judgment.py --split iter                                  # the older tuning practices
    python bench/judgment.py --from tests/data/blind/frozen5               # a frozen set: totals only

Each practice is replayed twice through the real engine (the chat harness): once as it is, once with the
reader replaced by an *oracle* that returns the player's own labels for each line they said (acts, terms,
signals; what the labels do not carry, such as a figure's currency, period or "more", still comes from the
real reader). The two debriefs are compared:

- per technique, whether the real scorecard gives what the oracle's gives (the same points, quoting the
  same line); a *false credit* is more than the oracle's, a *missed credit* less: these are the errors
  the reader causes in the scorecard;
- the debrief's notes: the ultimatum, the credibility section and the rudeness that cost "polite and firm";
- checks a user would notice, on both replays (a failure on the oracle's replay is the scorecard's own
  error, since it was given the player's meaning): rude and pushy players never get full "polite and
  firm"; a line quoted for "take time" asks for time; a line quoted as evidence carries the label that
  technique stands for (market data, a priority, the speaker's value, enthusiasm, a question for
  alternatives, a request in writing, an ask beyond the salary).

A frozen folder (with a FROZEN.json) is scored in totals only: nothing per practice or per technique.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.markup import clean_user_text  # noqa: E402
from bot.negotiation import coaching  # noqa: E402
from bot.negotiation.state import PracticeState  # noqa: E402
from bot.playbooks.models import Detector  # noqa: E402
from bot.understanding.acts import Act, Signal, Term, Understanding  # noqa: E402

TECHNIQUES = tuple(d.value for d in Detector)
NOTES = ("ultimatum", "credibility", "rude")

# What a line quoted for a technique must carry in its labels, for full credit and for a partial one.
# A line is a turn's labels: its acts, signals and terms.


def _asks(turn: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in turn["terms"] if (t.get("role") or "ask") in ("ask", "give") and t["perk"]]


def _beyond_pay(turn: dict[str, Any]) -> bool:
    return any(t["perk"] != "base_salary" for t in _asks(turn)) and len({t["perk"] for t in _asks(turn)}) >= 1


SUPPORT: dict[str, Callable[[dict[str, Any], int], bool]] = {
    "research_market": lambda t, pts: "market_data" in t["signals"],
    "prioritise": lambda t, pts: "priority" in t["signals"] or (pts < 2 and bool(_asks(t))),
    "justify_value": lambda t, pts: "own_value" in t["signals"] or (pts < 2 and "justify" in t["acts"]),
    "show_enthusiasm": lambda t, pts: "enthusiasm" in t["acts"],
    "ask_alternatives": lambda t, pts: "alternatives" in t["signals"],
    "take_time": lambda t, pts: "request_time" in t["acts"],
    "get_in_writing": lambda t, pts: "request_writing" in t["acts"],
    "whole_package": lambda t, pts: _beyond_pay(t) or "trade_off" in t["acts"] or (pts < 2 and bool(_asks(t))),
    "polite_firm": lambda t, pts: bool(_asks(t)) and "rude" not in t["signals"],
}


# --- the oracle -----------------------------------------------------------------------------------


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def from_labels(turn: dict[str, Any], real: Understanding) -> Understanding:
    """The player's own labels as an Understanding; what labels do not carry is taken from the real reading."""
    terms = []
    for label in turn["terms"]:
        role = label.get("role") or "ask"
        same_perk = [t for t in real.terms if t.perk == label["perk"]]
        match = next((t for t in same_perk if _same(t.amount, label["amount"])), None)
        kept: dict[str, Any] = {}
        if match is not None:
            kept = {"range": match.range, "per": match.per, "currency": match.currency,
                    "relative": match.relative, "doubtful": match.doubtful}
        elif same_perk:
            kept = {"per": same_perk[0].per, "currency": same_perk[0].currency}
        terms.append(Term(perk=label["perk"], amount=label["amount"], unit=label.get("unit"),
                          negated=bool(label.get("negated")), role=role, give=role == "give", **kept))
    return Understanding(
        text=real.text,
        acts=[Act(a) for a in turn["acts"]],
        terms=terms,
        signals=[Signal(s) for s in turn.get("signals", [])],
        foreign=turn.get("lang") == "other" or (real.foreign and not turn["acts"] and not turn["terms"]),
    )


# --- replaying a practice -------------------------------------------------------------------------


@dataclass
class Judged:
    """What the debrief said: per technique its points and the line quoted, and the notes."""

    scores: dict[str, tuple[int, str | None]] = field(default_factory=dict)
    notes: dict[str, str | None] = field(default_factory=dict)
    ended: bool = False


def _judge(st: PracticeState) -> Judged:
    scores = {d.value: (points, line) for d, points, line in coaching.score(st)}
    notes: dict[str, str | None] = {
        "ultimatum": st.evidence.get("ultimatum"),
        "credibility": (st.doubts[0] if st.doubts else st.discredited),
        "rude": st.evidence.get("rude") if st.rude or "rude" in st.evidence else None,
    }
    return Judged(scores=scores, notes=notes, ended=True)


@contextmanager
def _debriefs(seen: list[Judged]) -> Iterator[None]:
    """Note each debrief the engine gives while replaying (the engine calls coaching.debrief by name)."""
    real = coaching.debrief

    def noting(st: PracticeState, *args: Any, **kw: Any) -> Any:
        seen.append(_judge(st))
        return real(st, *args, **kw)

    coaching.debrief = noting  # type: ignore[assignment]
    try:
        yield
    finally:
        coaching.debrief = real  # type: ignore[assignment]


def replay(practice: dict[str, Any], *, oracle: bool) -> Judged:
    """Play the practice as its player did; the first debrief (the practice's own) is the one judged. With
    ``oracle``, each line the player said is read as they labelled it."""
    from tests.support.blind import replay_in
    from tests.support.harness import ChatHarness

    harness = ChatHarness()
    seen: list[Judged] = []
    try:
        with _debriefs(seen):
            replay_in(harness, practice, read_as=from_labels if oracle else None, strict=False)
            if not seen:
                harness.say("end", user="p")
            if not seen:
                with suppress(AssertionError):
                    harness.pick_label("End the practice", user="p")
        return seen[0] if seen else Judged()
    finally:
        harness.close()


# --- comparing ------------------------------------------------------------------------------------


def _turn_of(practice: dict[str, Any], line: str | None) -> dict[str, Any] | None:
    if not line:
        return None
    for turn in practice["turns"]:
        # the engine quotes the line as it read it, after clean_user_text ("…" becomes "...")
        if "pick" not in turn and clean_user_text(turn["text"]).strip()[:len(line)] == line:
            return turn
    return None


def checks(practice: dict[str, Any], judged: Judged) -> list[tuple[str, str]]:
    """The checks a user would notice that this debrief fails: (check, technique or note)."""
    failed = []
    spoken = [t for t in practice["turns"] if "pick" not in t]
    rude_player = practice.get("persona") in ("pushy", "rude") or any("rude" in t["signals"] for t in spoken)
    points, _ = judged.scores.get("polite_firm", (0, None))
    if rude_player and points >= coaching.MAX_SCORE:
        failed.append(("rude or pushy player: full polite and firm", "polite_firm"))
    for technique, (points, line) in judged.scores.items():
        if technique == "take_time" and points and not line:
            failed.append(("take time: no request for time", technique))  # credit for a request never made
        if not points or not line:
            continue
        turn = _turn_of(practice, line)
        if turn is None:
            failed.append(("evidence is no line the player said", technique))
        elif technique == "take_time" and "request_time" not in turn["acts"]:
            failed.append(("take time: no request for time", technique))
        elif not SUPPORT[technique](turn, points):
            failed.append(("evidence without the matching label", technique))
    return failed


@dataclass
class Measure:
    practices: int = 0
    agree: Counter[str] = field(default_factory=Counter)
    false_credit: Counter[str] = field(default_factory=Counter)
    missed_credit: Counter[str] = field(default_factory=Counter)
    other_line: Counter[str] = field(default_factory=Counter)  # same points, another line quoted
    credited_real: Counter[str] = field(default_factory=Counter)
    credited_oracle: Counter[str] = field(default_factory=Counter)
    note_agree: Counter[str] = field(default_factory=Counter)
    note_false: Counter[str] = field(default_factory=Counter)
    note_missed: Counter[str] = field(default_factory=Counter)
    checks_real: Counter[str] = field(default_factory=Counter)
    checks_oracle: Counter[str] = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)

    @property
    def cells(self) -> int:
        return self.practices * len(TECHNIQUES)

    def add(self, practice: dict[str, Any], real: Judged, oracle: Judged) -> None:
        self.practices += 1
        pid = practice["id"]
        for technique in TECHNIQUES:
            rp, rl = real.scores.get(technique, (0, None))
            op, ol = oracle.scores.get(technique, (0, None))
            self.credited_real[technique] += rp
            self.credited_oracle[technique] += op
            if rp > op:
                self.false_credit[technique] += 1
            elif rp < op:
                self.missed_credit[technique] += 1
            elif rp and rl != ol:
                self.other_line[technique] += 1
            else:
                self.agree[technique] += 1
                continue
            self.details.append(f"{pid}: {technique} real {rp} {_short(rl)} | oracle {op} {_short(ol)}")
        for note in NOTES:
            got, want = real.notes.get(note), oracle.notes.get(note)
            if bool(got) == bool(want):
                self.note_agree[note] += 1
            elif got:
                self.note_false[note] += 1
                self.details.append(f"{pid}: note {note} only in real: {_short(got)}")
            else:
                self.note_missed[note] += 1
                self.details.append(f"{pid}: note {note} only in oracle: {_short(want)}")
        for name, judged, tally in (("real", real, self.checks_real), ("oracle", oracle, self.checks_oracle)):
            for check, technique in checks(practice, judged):
                tally[check] += 1
                line = judged.scores.get(technique, (0, None))[1]
                self.details.append(f"{pid}: CHECK {name}: {check} [{technique}] {_short(line)}")


def _short(line: str | None) -> str:
    return "-" if not line else repr(line[:90])


def measure(items: list[dict[str, Any]]) -> Measure:
    result = Measure()
    for practice in items:
        result.add(practice, replay(practice, oracle=False), replay(practice, oracle=True))
    return result


def print_totals(m: Measure) -> None:
    agree = sum(m.agree.values())
    print(f"# scorecard judgment: {m.practices} practices, {m.cells} technique scores, real reader vs the "
          "players' own labels")
    print(f"technique scores agreeing with the oracle's: {agree}/{m.cells} = {agree / max(1, m.cells):.3f}")
    print(f"false credits {sum(m.false_credit.values())}, missed credits {sum(m.missed_credit.values())}, "
          f"same points on another line {sum(m.other_line.values())}")
    notes = sum(m.note_agree.values())
    print(f"debrief notes agreeing: {notes}/{m.practices * len(NOTES)}; only in real "
          f"{sum(m.note_false.values())}, only in oracle {sum(m.note_missed.values())}")
    print(f"checks failed: real {sum(m.checks_real.values())}, oracle {sum(m.checks_oracle.values())} "
          "(oracle failures are the scorecard's own)")


def print_breakdown(m: Measure) -> None:
    print(f"\n{'technique':<18}{'agree':>7}{'false':>7}{'missed':>8}{'other':>7}{'pts real':>10}{'pts oracle':>12}")
    for technique in TECHNIQUES:
        print(f"{technique:<18}{m.agree[technique]:>7}{m.false_credit[technique]:>7}{m.missed_credit[technique]:>8}"
              f"{m.other_line[technique]:>7}{m.credited_real[technique]:>10}{m.credited_oracle[technique]:>12}")
    print(f"\n{'note':<18}{'agree':>7}{'only real':>11}{'only oracle':>13}")
    for note in NOTES:
        print(f"{note:<18}{m.note_agree[note]:>7}{m.note_false[note]:>11}{m.note_missed[note]:>13}")
    print("\nchecks failed (real / oracle):")
    for check in sorted(set(m.checks_real) | set(m.checks_oracle)):
        print(f"  {m.checks_real[check]:>3} / {m.checks_oracle[check]:<3} {check}")


def report(items: list[dict[str, Any]], *, frozen: bool, show_errors: bool) -> Measure:
    m = measure(items)
    print_totals(m)
    if frozen:
        return m
    print_breakdown(m)
    if show_errors:
        print()
        for line in m.details:
            print(line)
    return m


def main(argv: list[str] | None = None) -> int:
    from tests.support import blind

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["test", "dev", "iter"], default="iter")
    parser.add_argument("--from", dest="directory", type=Path, default=None)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    directory = args.directory
    frozen = (directory / "FROZEN.json").exists() if directory is not None else args.split == "test"
    items = blind.practices(args.split, directory)
    if not items:
        print("no practices there")
        return 1
    report(items, frozen=frozen, show_errors=args.show_errors and not frozen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
