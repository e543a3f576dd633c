"""The learned second opinion on the roles of figures: what it changes for a user, and when it stays out."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path

import pytest

from bot.playbooks.loader import load_playbooks
from bot.playbooks.models import PerkDef
from bot.understanding import figure_roles
from bot.understanding.figure_roles import RoleModel
from bot.understanding.reader import Understander
from tests.support.reading import pairs

ROLES = ["ask", "current", "evidence", "give", "question"]


@pytest.fixture(scope="module")
def perks() -> Mapping[str, PerkDef]:
    return load_playbooks().perks


def _sure_that(word_before: str, role: str, weight: float) -> RoleModel:
    """A model that reads a figure right after ``word_before`` as ``role``, as sure as ``weight`` makes it."""
    return RoleModel(ROLES, [0.0] * len(ROLES), {f"b0:{word_before}": [(ROLES.index(role), weight)]})


def _roles(reader: Understander, line: str) -> list[tuple[str | None, float | None, str]]:
    return [(t.perk, t.amount, t.role) for t in reader.read(line).terms]


def test_a_figure_the_model_is_sure_of_takes_its_role(perks: Mapping[str, PerkDef]) -> None:
    line = "Could the learning budget go to $3,000? Peers get about $2,500."
    rules = Understander(perks, roles_model=False)
    assert ("professional_development", 2500.0, "evidence") in _roles(rules, line)
    sure = Understander(perks, roles_model=_sure_that("about", "current", 9.0))
    read = _roles(sure, line)
    assert ("professional_development", 2500.0, "current") in read
    assert ("professional_development", 3000.0, "ask") in read  # the other figure keeps the rules' role


def test_a_model_not_sure_enough_leaves_the_rules_role(perks: Mapping[str, PerkDef]) -> None:
    line = "Could the learning budget go to $3,000? Peers get about $2,500."
    unsure = Understander(perks, roles_model=_sure_that("about", "current", 1.0))  # e^1 / (e^1 + 4) < 0.8
    assert _roles(unsure, line) == _roles(Understander(perks, roles_model=False), line)


def test_a_model_that_leaves_the_rules_role_a_fair_chance_leaves_it(perks: Mapping[str, PerkDef]) -> None:
    line = "Could the learning budget go to $3,000? Peers get about $2,500."
    # current at about 0.88, the rules' evidence at about 0.12: sure of its own reading, not sure the rules are wrong
    torn = RoleModel(ROLES, [0.0] * len(ROLES),
                     {"b0:about": [(ROLES.index("current"), 9.0), (ROLES.index("evidence"), 7.0)]})
    assert _roles(Understander(perks, roles_model=torn), line) == _roles(Understander(perks, roles_model=False), line)


def test_a_figure_written_twice_keeps_the_rules_roles(perks: Mapping[str, PerkDef]) -> None:
    line = "The course costs $1,800, so could the development budget be $1,800?"
    sure = Understander(perks, roles_model=RoleModel(ROLES, [0.0, 0.0, 9.0, 0.0, 0.0], {}))  # evidence, always
    assert _roles(sure, line) == _roles(Understander(perks, roles_model=False), line)


def test_the_extra_days_spoken_of_are_not_one_day() -> None:
    read = pairs("A €4,000 sign-on would be a fair swap for the extra vacation days.")
    assert ("pto", 1, "give") not in read and ("pto", 1, "ask") not in read
    assert ("sign_on_bonus", 4000, "ask") in read


def test_the_shipped_weights_fit_this_reader() -> None:
    model = figure_roles.shipped_role_model()
    assert model is not None, "role_weights.json is missing or stale: run python bench/train_roles.py"
    assert set(model.labels) == set(ROLES)


def test_stale_weights_leave_the_rules_roles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             perks: Mapping[str, PerkDef], caplog: pytest.LogCaptureFixture) -> None:
    stale = tmp_path / "role_weights.json"
    stale.write_text(json.dumps({"features": "figure/0", "roles": ["ask"], "bias": [0.0], "weights": {}}))
    monkeypatch.setattr(figure_roles, "WEIGHTS", stale)
    figure_roles.shipped_role_model.cache_clear()
    try:
        with caplog.at_level(logging.WARNING):
            reader = Understander(perks)
        assert reader.roles_model is None
        assert "bench/train_roles.py" in caplog.text
        assert _roles(reader, "Market is 150-170k, so 165k base?") == [
            ("base_salary", 150000.0, "evidence"), ("base_salary", 165000.0, "ask")]
    finally:
        figure_roles.shipped_role_model.cache_clear()


def test_each_figure_is_weighed_once(perks: Mapping[str, PerkDef], monkeypatch: pytest.MonkeyPatch) -> None:
    reader = Understander(perks)
    assert reader.roles_model is not None
    calls: list[int] = []
    real = reader.roles_model.probabilities

    def counted(found: set[str]) -> dict[str, float]:
        calls.append(1)
        return real(found)

    monkeypatch.setattr(reader.roles_model, "probabilities", counted)
    reader.read("Market is 150-170k, so could base be 165k and PTO 25 days?")
    assert len(calls) == 3  # 150k (the range), 165k, 25 days
    calls.clear()
    reader.read("Thanks, that sounds great!")
    assert calls == []
