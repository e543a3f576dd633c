"""The named checklist computations on their own: which figures they use and what they say."""

from __future__ import annotations

import pytest

from bot.checklists.results import (
    FINISHES,
    SHOWS,
    gap_text,
    money_answer,
    perk_for_label,
    reference_base,
    unit_values,
)
from bot.playbooks.models import Playbooks
from bot.session import ChecklistState


def test_every_computation_the_shipped_checklists_name_exists(playbooks: Playbooks) -> None:
    for checklist in playbooks.checklists.values():
        assert checklist.finish in FINISHES
        assert all(step.show is None or step.show in SHOWS for step in checklist.steps)


@pytest.mark.parametrize(("label", "key"), [
    ("Remote work", "remote_work"), ("More paid time off", "pto"), ("Sign-on bonus", "sign_on_bonus"),
    ("Remoet work", "remote_work"), ("Free lunch", None),
])
def test_a_priority_label_names_its_perk(playbooks: Playbooks, label: str, key: str | None) -> None:
    assert perk_for_label(playbooks, label) == key


def test_a_yes_is_not_read_as_an_amount() -> None:
    st = ChecklistState(key="x", answers={"target": True, "market_low": 90_000})
    assert money_answer(st, "target") is None
    assert money_answer(st, "target", "market_low") == 90_000.0


def test_perks_are_priced_on_the_best_figure_the_user_gave(playbooks: Playbooks) -> None:
    prepare = playbooks.checklists["prepare"]
    st = ChecklistState(key="prepare")
    assert reference_base(prepare, st)[1].startswith("an example")
    st.answers.update(market_low=80_000.0, market_high=100_000.0)
    assert reference_base(prepare, st) == (90_000.0, "the middle of your market range")
    st.answers["target"] = 95_000.0
    assert reference_base(prepare, st) == (95_000.0, "your target")
    st.answers["offer_terms"] = {"base_salary": 85_000.0}
    assert reference_base(prepare, st) == (85_000.0, "the offer's base")
    assert "base of **$85,000** (the offer's base)" in unit_values(playbooks, prepare, st).text


def test_the_gap_says_when_a_target_is_below_the_market(playbooks: Playbooks) -> None:
    prepare = playbooks.checklists["prepare"]
    st = ChecklistState(key="prepare", answers={"market_low": 100_000.0, "market_high": 120_000.0,
                                                "target": 90_000.0, "walk_away": 80_000.0})
    text = gap_text(playbooks, prepare, st)
    assert "below the market range you found ($100,000–$120,000)" in text
    assert "Room between your walk-away and your target: $10,000." in text


def test_a_priority_label_maps_to_a_perk_only_when_it_names_one(playbooks: Playbooks) -> None:
    assert perk_for_label(playbooks, "Helth insurance") == "health_insurance"
    assert perk_for_label(playbooks, "More PTO") == "pto"
    assert perk_for_label(playbooks, "A corner office") is None
    assert perk_for_label(playbooks, "Dog friendly office") is None
