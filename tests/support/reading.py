"""What the shipped reader takes from a line, in the short forms the reading tests compare against."""

from __future__ import annotations

from bot.understanding.acts import Act, Context
from tests.support.harness import shipped


def pairs(text: str, context: Context | None = None) -> list[tuple[str | None, float | None, str]]:
    """Each term's (perk, amount, role)."""
    return [(t.perk, t.amount, t.role) for t in shipped()[1].read(text, context).terms]


def acts(text: str, context: Context | None = None) -> list[Act]:
    return shipped()[1].read(text, context).acts
