"""The blind corpora: frozen files never change, and scores on them and on their dev halves do not fall.

The frozen sets are a measure, not a target: their errors are never printed, and these floors sit a
little under the figures published in docs/understanding.md so that only a real regression fails.
"""

from __future__ import annotations

import json
from functools import cache

from tests.support import blind
from tests.support.harness import shipped


def test_frozen_corpora_are_unchanged() -> None:
    recorded = json.loads((blind.BLIND / "FROZEN.json").read_text(encoding="utf-8"))
    assert blind.checksums() == recorded


@cache
def scored(split: str) -> dict[str, blind.StyleScore]:
    from bench.understanding import blind_context

    _, understander = shipped()
    return blind.score_lines(blind.lines(split), lambda text, ctx: understander.read(text, blind_context(ctx)))


def test_frozen_lines_do_not_regress() -> None:
    everything = scored("test")["all"]
    assert round(everything.acts.f1, 2) >= 0.78
    assert round(everything.perks.f1, 2) >= 0.90
    assert round(everything.pairs.f1, 2) >= 0.58


def test_dev_lines_do_not_regress() -> None:
    everything = scored("dev")["all"]
    assert round(everything.acts.f1, 2) >= 0.79
    assert round(everything.pairs.f1, 2) >= 0.64


def test_a_market_range_before_the_ask_is_evidence_not_the_ask() -> None:
    _, understander = shipped()
    said = understander.read("Comparable roles pay $150k to $170k base, so I'd like to be at $165,000")
    assert [(t.perk, t.amount, t.role) for t in said.terms] == [
        ("base_salary", 150_000, "evidence"),
        ("base_salary", 165_000, "ask"),
    ]


def test_whole_practices_are_read_better_than_before() -> None:
    # 126 of 422 turns were read right before numbers had roles and replies had context.
    result = blind.score_practices(blind.practices("test"), blind.play_in_harness)
    assert result.turns == 422
    assert result.right >= 135


def test_second_frozen_set_is_unchanged() -> None:
    folder = blind.BLIND / "second"
    recorded = json.loads((folder / "FROZEN.json").read_text(encoding="utf-8"))
    assert blind.checksums(folder) == recorded
