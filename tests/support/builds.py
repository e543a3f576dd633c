"""Counting the start-up work an adapter should finish before it says it is ready (issue 14)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.playbooks import loader
from bot.understanding import reader


def count_builds(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many readers get built and playbook folders loaded from now on (the dict updates live)."""
    counted = {"readers": 0, "playbooks": 0}
    real_init = reader.Understander.__init__
    real_load = loader.load_playbooks

    def counting_init(self: Any, *args: Any, **kwargs: Any) -> None:
        counted["readers"] += 1
        real_init(self, *args, **kwargs)

    def counting_load(*args: Any, **kwargs: Any) -> Any:
        counted["playbooks"] += 1
        return real_load(*args, **kwargs)

    monkeypatch.setattr(reader.Understander, "__init__", counting_init)
    monkeypatch.setattr(loader, "load_playbooks", counting_load)
    return counted
