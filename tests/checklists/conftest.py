"""Fixtures shared by the checklist tests: the shipped playbooks."""

from __future__ import annotations

import pytest

from bot.playbooks.loader import load_playbooks
from bot.playbooks.models import Playbooks


@pytest.fixture(scope="module")
def playbooks() -> Playbooks:
    """The shipped playbooks, loaded once per test module, so no module sees another's changes."""
    return load_playbooks()
