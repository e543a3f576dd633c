"""Play a practice live against the real recruiter, one line at a time, and record it as blind data.

Replayed practices written in advance carry offers the writer imagined and the recruiter never made.
This tool lets a blind player (who sees only docs/labelling.md and the public scenario briefs) answer
the recruiter's actual lines. Each line is labelled *before* its reply is shown, so the label says what
the player meant, not what the recruiter read. The practice file holds the scenario, the persona and
the labelled turns, in the format `tests/support/blind.py` scores; the recruiter's replies are kept
beside each turn for review and are ignored by scoring.

    python -m tests.support.live_play start P.json --scenario tel_aviv_ils --persona skilled --id X
    python -m tests.support.live_play say P.json "Could base be 42,000 a month?" \
        --acts propose --term base_salary:42000:money:ask --signals market_data
    python -m tests.support.live_play pick P.json "Keep negotiating"
    python -m tests.support.live_play show P.json

Each call replays the whole practice in a fresh in-memory harness (the recruiter is deterministic), so
nothing but the JSON file is kept between calls.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, get_args

from bot.understanding.acts import Act, Role, Signal, Unit
from tests.support.harness import ChatHarness, shipped, text_of

# What the guide allows, taken from the reader's own types so the two can never drift apart.
ACTS = frozenset(act.value for act in Act)
SIGNALS = frozenset(signal.value for signal in Signal)
ROLES = frozenset(get_args(Role))
UNITS = frozenset(get_args(Unit))
PERKS = frozenset(shipped()[0].perks)
USER = "player"


class LabelError(ValueError):
    """A label that the guide does not allow; the message says which and why."""


def parse_term(spec: str) -> dict[str, Any]:
    """``perk:amount:unit:role[:negated]``; amount and unit may be empty, perk may be ``null``."""
    parts = spec.split(":")
    if len(parts) not in (4, 5):
        raise LabelError(f"term {spec!r}: write perk:amount:unit:role or perk:amount:unit:role:negated")
    perk, amount, unit, role = parts[:4]
    negated = len(parts) == 5 and parts[4] in ("negated", "true", "yes")
    if perk != "null" and perk not in PERKS:
        raise LabelError(f"term {spec!r}: perk {perk!r} is not a key of the guide")
    if unit and unit not in UNITS:
        raise LabelError(f"term {spec!r}: unit {unit!r} is not one of {sorted(UNITS)}")
    if role not in ROLES:
        raise LabelError(f"term {spec!r}: role {role!r} is not one of {sorted(ROLES)}")
    try:
        value = float(amount) if amount else None
    except ValueError:
        raise LabelError(f"term {spec!r}: amount {amount!r} is not a number (expand 140k to 140000)") from None
    if value is not None and value.is_integer():
        value = int(value)
    return {"perk": None if perk == "null" else perk, "amount": value, "unit": unit or None, "role": role,
            "negated": negated}


def _names(raw: str, allowed: frozenset[str], what: str) -> list[str]:
    names = [n.strip() for n in raw.split(",") if n.strip()]
    for name in names:
        if name not in allowed:
            raise LabelError(f"{what} {name!r} is not one of {sorted(allowed)}")
    return names


def replay(practice: dict[str, Any]) -> list[str]:
    """Run the practice from the start; the recruiter's reply to the opening and to each step, as text."""
    harness = ChatHarness()
    try:
        replies = [text_of(harness.say(f"practice {practice['scenario']}", user=USER))]
        for step in practice["turns"]:
            if "pick" in step:
                replies.append(text_of(harness.pick_label(step["pick"], user=USER)))
            else:
                replies.append(text_of(harness.say(step["text"], user=USER)))
        choices = [c.label for c in harness.choices(USER)]
        if choices:
            replies[-1] += "\n[buttons: " + " | ".join(choices) + "]"
        return replies
    finally:
        harness.close()


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _save(path: Path, practice: dict[str, Any]) -> None:
    path.write_text(json.dumps(practice, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    start = sub.add_parser("start", help="begin a practice and show the recruiter's opening")
    start.add_argument("file", type=Path)
    start.add_argument("--scenario", required=True)
    start.add_argument("--persona", required=True)
    start.add_argument("--id", required=True)
    say = sub.add_parser("say", help="label a line, then send it and show the recruiter's reply")
    say.add_argument("file", type=Path)
    say.add_argument("text")
    say.add_argument("--acts", default="")
    say.add_argument("--term", action="append", default=[], help="perk:amount:unit:role[:negated], repeatable")
    say.add_argument("--signals", default="")
    say.add_argument("--note", default=None)
    pick = sub.add_parser("pick", help="press a button the recruiter showed (not a labelled turn)")
    pick.add_argument("file", type=Path)
    pick.add_argument("label")
    show = sub.add_parser("show", help="print the practice so far")
    show.add_argument("file", type=Path)
    args = parser.parse_args(argv)

    try:
        if args.command == "start":
            if args.file.exists():
                raise LabelError(f"{args.file} exists already: pick another file name")
            practice = {"id": args.id, "scenario": args.scenario, "persona": args.persona, "live": True,
                        "turns": []}
            print(replay(practice)[0])
            _save(args.file, practice)
        elif args.command == "say":
            practice = _load(args.file)
            if not args.text.strip():
                raise LabelError("the line is empty")
            turn: dict[str, Any] = {"text": args.text, "acts": _names(args.acts, ACTS, "act"),
                                    "terms": [parse_term(t) for t in args.term],
                                    "signals": _names(args.signals, SIGNALS, "signal")}
            if args.note:
                turn["note"] = args.note
            practice["turns"].append(turn)
            reply = replay(practice)[-1]
            turn["reply"] = reply
            _save(args.file, practice)
            print(reply)
        elif args.command == "pick":
            practice = _load(args.file)
            practice["turns"].append({"pick": args.label})
            reply = replay(practice)[-1]
            _save(args.file, practice)
            print(reply)
        else:
            practice = _load(args.file)
            replies = replay(practice)
            print(replies[0])
            for step, reply in zip(practice["turns"], replies[1:], strict=True):
                print(f"\n> {step.get('text') or '[pressed ' + step['pick'] + ']'}\n{reply}")
    except (LabelError, AssertionError) as error:
        print(f"not recorded: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
