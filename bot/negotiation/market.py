"""The recruiter's view of the market: whether a figure the user asks for or claims is believable.

Each scenario's hidden sheet says what the role usually gets per perk and what a competing offer
usually looks like (:class:`bot.playbooks.models.MarketView`). A figure far past that is doubted:
an ask is questioned instead of countered, a claim earns nothing. Two claims about the same thing
that disagree are a contradiction, which costs credibility for the rest of the practice.
"""

from __future__ import annotations

from bot.playbooks.models import PerkDef, Scenario, Unit

_FALLBACK_STRETCH = 0.5  # a perk the market view doesn't cover is judged against its own sheet, generously


def usual_range(scenario: Scenario, key: str, *, competing: bool = False) -> tuple[float, float] | None:
    """What the role usually gets on `key` (or, for `competing`, another employer's base), as low-high."""
    market = scenario.market
    rng = market.competing_offer if competing and market.competing_offer else market.ranges.get(key)
    if rng is not None:
        return rng.low, rng.high
    sheet = scenario.perks.get(key)
    if sheet is None or sheet.fixed or sheet.limit is None:
        return None
    low, high = sorted((sheet.offer, sheet.limit))
    return low, high


def believable(amount: float, perk: PerkDef, scenario: Scenario, key: str, *, competing: bool = False) -> bool:
    """Whether `amount` (in the perk's unit) is within reach of what the market pays for this role."""
    if perk.unit in (Unit.flag, Unit.level):
        return True
    rng = usual_range(scenario, key, competing=competing)
    if rng is None:
        return True
    covered = key in scenario.market.ranges or (competing and scenario.market.competing_offer is not None)
    stretch = scenario.market.stretch if covered else max(scenario.market.stretch, _FALLBACK_STRETCH)
    low, high = rng
    if perk.better == "higher":
        return amount <= high * (1 + stretch)
    return amount >= low * (1 - stretch)


def far_below(amount: float, perk: PerkDef, scenario: Scenario, key: str) -> bool:
    """A claimed figure under half of the least this role usually gets on `key`: about something else.

    No one argues for more pay by quoting half the market, so such a figure was tied to the wrong perk
    (a range about equity read beside the salary); it is neither believed nor held against the user.
    """
    if perk.unit in (Unit.flag, Unit.level) or perk.better != "higher":
        return False
    rng = usual_range(scenario, key)
    return rng is not None and amount < rng[0] * 0.5


def contradicts(before: tuple[float, float], now: tuple[float, float], margin: float) -> bool:
    """Two claimed ranges about the same thing that are further apart than `margin` allows."""
    return now[1] < before[0] * (1 - margin) or now[0] > before[1] * (1 + margin)
