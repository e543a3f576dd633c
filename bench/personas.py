"""The persona table: what each kind of user gets from the recruiter, over every shipped scenario.

Runs the scripted users of tests/support/personas.py (skilled, passive, pushy, rude, lying, absurd,
gibberish, another language, one who repeats the same ask) through the real chat harness and
prints, per persona, the average money won a year (nothing without an agreement), the share of
the hidden room captured, the scorecard total and how many practices ended in an agreement, plus
each persona's money as a share of the skilled user's. Deterministic: the same table every run.

    python bench/personas.py [--per-scenario]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.harness import ChatHarness, shipped
from tests.support.personas import PERSONAS, play


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-scenario", action="store_true", help="also print one row per scenario")
    args = parser.parse_args()
    playbooks, _ = shipped()
    max_score = 2 * len(playbooks.rubric)
    rows: dict[str, list[dict]] = {}
    h = ChatHarness()
    try:
        for persona in PERSONAS:
            for sc in playbooks.scenarios.values():
                record = play(h, sc, persona).record
                rows.setdefault(persona, []).append(record)
    finally:
        h.close()

    skilled_by_scenario = {r["scenario"]: r["money_won_per_year"] for r in rows["skilled"]}
    header = f"{'persona':<15} {'money won/yr':>13} {'vs skilled':>10} {'room':>6} {'score':>9} {'agreed':>7}"
    print(header)
    print("-" * len(header))
    for persona, records in rows.items():
        n = len(records)
        money = sum(r["money_won_per_year"] for r in records) / n
        room = sum(r["room_share"] for r in records) / n
        score = sum(sum(r["scores"].values()) for r in records) / n
        agreed = sum(r["agreed"] for r in records)
        share = versus_skilled(records, skilled_by_scenario)
        print(f"{persona:<15} {money:>13,.0f} {share:>10.0%} {room:>6.0%} {score:>5.1f}/{max_score:<3} {agreed:>3}/{n}")
        if args.per_scenario:
            for r in records:
                print(f"  {r['scenario']:<22} {r['money_won_per_year']:>11,.0f} {r['room_share']:>17.0%} "
                      f"{sum(r['scores'].values()):>5}/{max_score:<3} {'yes' if r['agreed'] else 'no':>5}")
    print(f"\nmoney: the average over {len(playbooks.scenarios)} scenarios, each in its own currency; vs skilled: "
          "the mean over scenarios of this persona's money as a share of the skilled user's in the same scenario; "
          "room: the share of what the hidden sheet allowed (0 without an agreement)")


def versus_skilled(records: list[dict], skilled: dict[str, float]) -> float:
    """This persona's money as a share of the skilled user's, scenario by scenario, averaged (currency-neutral)."""
    shares = [r["money_won_per_year"] / skilled[r["scenario"]] for r in records if skilled.get(r["scenario"])]
    return sum(shares) / len(shares) if shares else 0.0


if __name__ == "__main__":
    main()
