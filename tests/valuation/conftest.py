"""Fixtures shared by valuation tests: the shipped playbooks and their perk catalogue."""

from __future__ import annotations

import pytest

from bot.playbooks.loader import load_playbooks
from bot.playbooks.models import PerkDef, Playbooks


@pytest.fixture(scope="module")
def playbooks() -> Playbooks:
    """The shipped playbooks, loaded once per test module, so no module sees another's changes."""
    return load_playbooks()


@pytest.fixture(scope="module")
def perks(playbooks: Playbooks) -> dict[str, PerkDef]:
    return playbooks.perks
