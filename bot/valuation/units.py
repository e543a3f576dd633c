"""Turning a term as the user said it into the perk's canonical unit, and showing amounts back.

"3 weeks" of PTO is 15 days, "8k a month" of salary is 96,000 a year, "+2 days" is on top of what
is on the table. One place for this, so the role-play, the checklists and `value` agree.
"""

from __future__ import annotations

import math

from bot.playbooks.models import PerkDef, Unit
from bot.understanding.acts import Term

WEEKS_PER_MONTH = 52 / 12
_PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}

# How a spoken unit converts into each canonical unit: factor to multiply by.
_FACTORS: dict[Unit, dict[str, float]] = {
    Unit.days: {"days": 1, "weeks": 5, "hours": 1 / 8},
    Unit.days_per_week: {"days": 1},
    Unit.weeks: {"weeks": 1, "days": 1 / 5, "months": WEEKS_PER_MONTH},
    Unit.months: {"months": 1, "weeks": 1 / WEEKS_PER_MONTH, "years": 12},
    Unit.years: {"years": 1, "months": 1 / 12},
    Unit.hours: {"hours": 1},
    Unit.percent: {"percent": 1},
}


def to_canonical(term: Term, perk: PerkDef, *, current: float | None = None, base: float | None = None) -> float | None:
    """The term's amount in `perk.unit`, or None when it cannot be read as one (ask for a number)."""
    if perk.unit is Unit.flag:
        return 0.0 if term.negated else 1.0
    if term.amount is None:
        return None
    amount = float(term.amount)
    if perk.unit is Unit.money:
        if term.unit not in (None, "money"):
            return None
        amount *= _PER_YEAR.get(term.per or "year", 1) if perk.value.value in ("salary", "money_per_year") else 1
    elif perk.unit is Unit.percent and term.unit == "money":
        if not base:
            return None
        amount = amount / base * 100
    elif perk.unit is Unit.level:
        pass
    elif term.unit is None:
        pass  # a bare number: read in the perk's own unit ("25" PTO means 25 days)
    else:
        factor = _FACTORS.get(perk.unit, {}).get(term.unit)
        if factor is None:
            return None
        amount *= factor
        if perk.unit is Unit.hours and term.per == "day":
            amount *= 5  # weekly hours: "9 hours a day" is a 45-hour week
    if term.relative and current is not None:
        amount += current
    return amount


def in_range(amount: float, perk: PerkDef) -> bool:
    return perk.min <= amount <= perk.max


_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "ILS": "₪", "CAD": "CA$", "AUD": "A$", "INR": "₹"}


def money(amount: float, currency: str = "USD") -> str:
    symbol = _SYMBOLS.get(currency)
    text = f"{abs(amount):,.0f}"
    sign = "-" if amount < 0 else ""
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{text} {currency}"


def number(x: float, decimals: int = 2, *, exponent_from: float = 1e9) -> str:
    """A figure as people write it: "1,250", "2.5"; at most `decimals` decimals, no trailing zeros.

    From `exponent_from` up it is three significant digits ("1.5e+09"): a figure that large is a
    typo to show back, not an amount to spell out. Infinity and NaN come back as Python writes them.
    """
    if not math.isfinite(x):
        return str(x)
    if abs(x) >= exponent_from:
        return f"{x:.3g}"
    return f"{x:,.{decimals}f}".rstrip("0").rstrip(".") if x != int(x) else f"{int(x):,}"


def _amount(x: float) -> str:
    # Amounts of a perk are range-checked already, so they are always spelled out, to one decimal.
    return number(x, 1, exponent_from=math.inf)


def show(amount: float, perk: PerkDef, currency: str = "USD") -> str:
    """An amount as a person would say it: "$120,000", "25 days", "3 days a week", "yes"."""
    match perk.unit:
        case Unit.money:
            return money(amount, currency)
        case Unit.percent:
            return f"{_amount(amount)}%"
        case Unit.days:
            return f"{_amount(amount)} day{'s' if amount != 1 else ''}"
        case Unit.days_per_week:
            return f"{_amount(amount)} day{'s' if amount != 1 else ''} a week"
        case Unit.hours:
            return f"{_amount(amount)} hours a week"
        case Unit.flag:
            return "yes" if amount else "no"
        case Unit.level:
            return "as offered" if amount == 0 else f"+{_amount(amount)} level"
        case _:
            unit = perk.unit.value
            return f"{_amount(amount)} {unit[:-1] if amount == 1 else unit}"
