"""`offer-coach playbooks check|list`: validate a team's playbook folder and list what is playable.

Both commands write to the stream they are given and return an exit code, so `adapters.cli.main` wires
them in and tests call them directly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from bot.playbooks.loader import PlaybookError, load_playbooks
from bot.playbooks.models import Playbooks


def _print_problems(error: PlaybookError, out: TextIO) -> None:
    count = len(error.problems)
    print(f"{count} problem{'s' if count != 1 else ''} found:", file=out)
    for problem in error.problems:
        print(str(problem), file=out)


def _counts(books: Playbooks) -> str:
    return (
        f"{len(books.scenarios)} scenarios, {len(books.checklists)} checklists, {len(books.perks)} perks, "
        f"{len(books.rubric)} techniques, {len(books.tips)} tips"
    )


def _changes(shipped: Playbooks, merged: Playbooks) -> list[str]:
    """What a team's folder replaces and adds, so they can see their files were picked up."""
    lines = []
    for label, before, after in (
        ("perk", shipped.perks, merged.perks),
        ("scenario", shipped.scenarios, merged.scenarios),
        ("checklist", shipped.checklists, merged.checklists),
        ("technique", {t.key: t for t in shipped.rubric}, {t.key: t for t in merged.rubric}),
        ("tip", {t.key: t for t in shipped.tips}, {t.key: t for t in merged.tips}),
    ):
        replaced = [k for k, v in after.items() if k in before and before[k] != v]
        added = [k for k in after if k not in before]
        if replaced:
            lines.append(f"  replaces {label}{'s' if len(replaced) > 1 else ''}: {', '.join(replaced)}")
        if added:
            lines.append(f"  adds {label}{'s' if len(added) > 1 else ''}: {', '.join(added)}")
    return lines


def check_command(path: Path | None, out: TextIO) -> int:
    """Validate the shipped playbooks merged with ``path`` (or alone); print problems; 0 if valid, else 1."""
    try:
        merged = load_playbooks(path)
    except PlaybookError as error:
        _print_problems(error, out)
        return 1
    if path is None:
        print(f"OK: the shipped playbooks are valid ({_counts(merged)}).", file=out)
        return 0
    print(f"OK: {path} is valid merged over the shipped playbooks ({_counts(merged)}).", file=out)
    try:
        changes = _changes(load_playbooks(), merged)
    except PlaybookError:  # the shipped set alone is broken; the merged set was fine, so say nothing more
        changes = []
    for line in changes or ["  (it changes nothing in the shipped playbooks)"]:
        print(line, file=out)
    return 0


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def listing(books: Playbooks) -> dict[str, Any]:
    """Scenarios (with their opening offer, perk by perk) and checklists, as JSON-ready data."""
    return {
        "scenarios": [
            {
                "key": scenario.key,
                "title": scenario.title,
                "company": scenario.company,
                "role": scenario.role,
                "summary": scenario.summary,
                "currency": scenario.currency,
                "opening_offer": {perk: _plain_number(sheet.offer) for perk, sheet in scenario.perks.items()},
            }
            for scenario in books.scenarios.values()
        ],
        "checklists": [
            {
                "key": checklist.key,
                "title": checklist.title,
                "summary": checklist.summary,
                "steps": len(checklist.steps),
            }
            for checklist in books.checklists.values()
        ],
    }


def list_command(extra: Path | None, as_json: bool, out: TextIO) -> int:
    """List scenarios and checklists (shipped merged with ``extra``); 1 if the playbooks are broken."""
    try:
        books = load_playbooks(extra)
    except PlaybookError as error:
        _print_problems(error, out)
        return 1
    data = listing(books)
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
        return 0
    print("Scenarios (practice with: practice <key>):", file=out)
    width = max((len(s["key"]) for s in data["scenarios"]), default=0)
    for scenario in data["scenarios"]:
        print(f"  {scenario['key']:<{width}}  {scenario['title']} — {scenario['company']}", file=out)
    print("Checklists (start with: checklist <key>):", file=out)
    width = max((len(c["key"]) for c in data["checklists"]), default=0)
    for checklist in data["checklists"]:
        print(f"  {checklist['key']:<{width}}  {checklist['title']} ({checklist['steps']} steps)", file=out)
    return 0
