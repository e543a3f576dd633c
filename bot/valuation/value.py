"""The yearly money value of an offer, perk by perk, and two offers side by side.

Pure functions over the perk catalogue: each perk's ``value`` method (see
:class:`bot.playbooks.models.ValueMethod`) turns its amount into money per year, using the base
salary and the assumptions in ``playbooks/assumptions.yaml``. Every valuation carries the
assumptions it actually used, so the bot can show them and the user can change one
("assume commute_cost_per_day 25") and see the effect.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from bot.messages import Card, CardField, Reply, ReplyKind
from bot.playbooks.models import PerkDef, Playbooks, Scenario, Unit, ValueMethod
from bot.understanding.acts import Term, Understanding
from bot.valuation import units
from bot.valuation.units import number

# Which assumptions each method reads (``flat`` reads the one its perk names).
ASSUMPTIONS_READ: dict[ValueMethod, tuple[str, ...]] = {
    ValueMethod.one_off: ("expected_years",),
    ValueMethod.days_of_pay: ("working_days_per_year",),
    ValueMethod.leave_weeks: ("expected_years", "leave_use_probability"),
    ValueMethod.commute_days: ("work_weeks_per_year", "commute_cost_per_day"),
    ValueMethod.hours_below_baseline: ("baseline_hours",),
    ValueMethod.timed_raise: ("raise_review_after_months",),
    ValueMethod.insurance: ("layoff_probability",),
}

# Sensible bounds for the assumptions a user may edit; a value outside gets a friendly refusal.
ASSUMPTION_BOUNDS: dict[str, tuple[float, float]] = {
    "expected_years": (0.25, 40),
    "working_days_per_year": (100, 366),
    "work_weeks_per_year": (1, 52),
    "commute_cost_per_day": (0, 1000),
    "baseline_hours": (1, 80),
    "raise_review_after_months": (0, 12),
    "layoff_probability": (0, 1),
    "leave_use_probability": (0, 1),
}
_DEFAULT_BOUNDS = (0.0, 10_000_000.0)
_PROBABILITIES = {"layoff_probability", "leave_use_probability"}


class ValueLine(BaseModel):
    """One perk of an offer and what it is worth a year (``yearly`` None: reported, not priced)."""

    model_config = ConfigDict(frozen=True)

    perk: str
    label: str
    amount: float
    unit: str
    shown: str  # the amount as a person would say it: "25 days", "$120,000"
    yearly: float | None
    explain: str  # how this figure was reckoned, with the numbers


class Valuation(BaseModel):
    model_config = ConfigDict(frozen=True)

    lines: list[ValueLine]
    total: float  # the sum of the priced lines, base salary included
    base: float
    assumptions: dict[str, float]  # the assumptions this valuation read, with their values
    currency: str = "USD"

    def line(self, perk: str) -> ValueLine | None:
        return next((ln for ln in self.lines if ln.perk == perk), None)

    def summary(self) -> dict[str, Any]:
        """A compact JSON-ready form for records and exports."""
        return {
            "currency": self.currency,
            "base": self.base,
            "total": round(self.total, 2),
            "perks": {ln.perk: {"amount": ln.amount, "yearly": _round(ln.yearly)} for ln in self.lines},
            "assumptions": dict(self.assumptions),
        }


class TermsRead(BaseModel):
    """Perk terms read from a message, in each perk's canonical unit, and what had to be left out."""

    model_config = ConfigDict(frozen=True)

    terms: dict[str, float] = Field(default_factory=dict)
    problems: list[str] = Field(default_factory=list)  # friendly sentences to show the user
    currency: str | None = None
    assumptions: dict[str, float] = Field(default_factory=dict)  # said in passing: "a 5% raise at 6 months"


class AssumptionError(ValueError):
    """An "assume ..." message that could not be applied; ``str()`` is a friendly sentence."""


# --- assumptions ---------------------------------------------------------------------------------


def assumptions_for(
    playbooks: Playbooks, scenario: Scenario | str | None = None, overrides: Mapping[str, float] | None = None
) -> dict[str, float]:
    """The defaults, then the scenario's own, then the user's overrides."""
    merged = dict(playbooks.assumptions)
    if isinstance(scenario, str):
        scenario = playbooks.scenarios.get(scenario)
    if scenario is not None:
        merged.update(scenario.assumptions)
    if overrides:
        merged.update(overrides)
    return merged


_ASSUME = re.compile(r"^\s*(?:assume|assumption)\s+(?P<name>[a-z_ \-]+?)\s*(?:=|:|\bto\b|\bis\b)?\s*"
                     r"(?P<value>[-+]?[$€£₪]?\s*\d[\d,]*(?:\.\d+)?)\s*(?P<suffix>%|k\b)?\s*$", re.IGNORECASE)


def is_assumption_message(text: str | None, *, strict: bool = False) -> bool:
    """Whether the user is changing an assumption; `strict` asks for the full "assume NAME VALUE" form."""
    if not text:
        return False
    if strict:
        return _ASSUME.match(text) is not None
    return text.strip().lower().startswith(("assume ", "assumption "))


def parse_assumption(text: str, known: Mapping[str, float]) -> tuple[str, float]:
    """Read "assume commute_cost_per_day 25" (or "assume layoff probability 5%") into a name and value.

    Raises :class:`AssumptionError` with a sentence for the user when the name or value will not do.
    """
    match = _ASSUME.match(text or "")
    names = ", ".join(f"`{k}`" for k in known)
    if not match:
        raise AssumptionError(f"To change an assumption, write `assume NAME VALUE`, e.g. "
                              f"`assume commute_cost_per_day 25`. The names are: {names}.")
    wanted = re.sub(r"[\s\-]+", "_", match["name"].strip().lower())
    if wanted not in known:
        from rapidfuzz import process  # here: the chat's first reply imports this module but needs no fuzzy match

        best = process.extractOne(wanted, list(known), score_cutoff=75)
        if best is None:
            raise AssumptionError(f"I don't know an assumption called `{wanted}`. The names are: {names}.")
        wanted = best[0]
    raw = re.sub(r"[\s,$€£₪]", "", match["value"])
    value = float(raw)
    suffix = (match["suffix"] or "").lower()
    if suffix == "k":
        value *= 1000
    if wanted in _PROBABILITIES and (suffix == "%" or 1 < value <= 100):
        value /= 100  # "5%" and "5" both mean a 5% chance
    low, high = ASSUMPTION_BOUNDS.get(wanted, _DEFAULT_BOUNDS)
    if not math.isfinite(value) or not low <= value <= high:
        raise AssumptionError(f"`{wanted}` must be between {number(low)} and {number(high)}; "
                              f"{number(value)} is outside that.")
    return wanted, value


def describe_assumptions(assumptions: Mapping[str, float]) -> str:
    """One line: "Assumptions: expected_years 2 · commute_cost_per_day 18 …"."""
    if not assumptions:
        return "No assumptions needed for these perks."
    parts = [f"{k} {number(v)}" for k, v in assumptions.items()]
    return "Assumptions: " + " · ".join(parts) + ' — to change one, type "assume NAME VALUE" during a value review.'


# --- values --------------------------------------------------------------------------------------


def yearly_value(
    perk: str, amount: float, base: float, playbooks: Playbooks, assumptions: Mapping[str, float] | None = None
) -> float | None:
    """What `amount` of `perk` is worth per year on a base salary of `base`; None when not priced."""
    definition = playbooks.perks.get(perk)
    if definition is None:
        return None
    return _reckon(definition, amount, base, assumptions_for(playbooks, None, assumptions))[0]


def _price(
    perk: PerkDef, amount: float, base: float, a: Mapping[str, float], currency: str = "USD"
) -> tuple[float | None, str]:
    """The yearly value and the sentence that shows how it was reckoned."""
    value, explain = _reckon(perk, amount, base, a, currency)
    return value, explain()


def _reckon(
    perk: PerkDef, amount: float, base: float, a: Mapping[str, float], currency: str = "USD"
) -> tuple[float | None, Callable[[], str]]:
    """The yearly value, and how to say how it was reckoned: the sentence is only built when shown.

    Totals on the turn's hot path (the debrief prices three packages) never show it.
    """

    def cash(x: float) -> str:
        return units.money(x, currency)

    m = perk.value
    if not math.isfinite(amount):
        return None, lambda: "Not a usable amount."
    if m in _SHARE_OF_PAY:
        return _reckon_share_of_pay(m, amount, base, a, currency)
    if m is ValueMethod.none:
        return None, lambda: perk.explain
    if m in (ValueMethod.salary, ValueMethod.money_per_year):
        return amount, lambda: perk.explain
    if m is ValueMethod.one_off:
        years = a.get("expected_years") or 1
        return amount / years, lambda: f"{cash(amount)} once, spread over {number(years)} years."
    if m is ValueMethod.commute_days:
        weeks = a.get("work_weeks_per_year", 46)
        cost = a.get("commute_cost_per_day", 0)
        return amount * weeks * cost, lambda: (f"{number(amount)} days a week × {number(weeks)} working weeks × "
                                               f"{cash(cost)} commute saved a day.")
    if m is ValueMethod.flat:
        each = a.get(perk.assumption or "")
        if each is None:
            return None, lambda: f"Not priced: the assumption `{perk.assumption}` is not set."
        return amount * each, lambda: f"{cash(each)} a year, from `{perk.assumption}`."
    return None, lambda: perk.explain


# The methods that price a perk as a share of the base pay.
_SHARE_OF_PAY = frozenset({
    ValueMethod.percent_of_base,
    ValueMethod.days_of_pay,
    ValueMethod.leave_weeks,
    ValueMethod.hours_below_baseline,
    ValueMethod.timed_raise,
    ValueMethod.insurance,
})


def _reckon_share_of_pay(
    m: ValueMethod, amount: float, base: float, a: Mapping[str, float], currency: str
) -> tuple[float, Callable[[], str]]:
    """:func:`_reckon` for the methods in ``_SHARE_OF_PAY``."""

    def cash(x: float) -> str:
        return units.money(x, currency)

    if m is ValueMethod.percent_of_base:
        return base * amount / 100, lambda: f"{number(amount)}% of a {cash(base)} base."
    if m is ValueMethod.days_of_pay:
        days = a.get("working_days_per_year") or 260
        return amount * base / days, lambda: f"{number(amount)} days × {cash(base)} ÷ {number(days)} working days."
    if m is ValueMethod.leave_weeks:
        years = a.get("expected_years") or 1
        chance = a.get("leave_use_probability", 1.0)
        value = amount * base / 52 * chance / years
        return value, lambda: (f"{number(amount)} weeks of pay ({cash(base)} ÷ 52 a week), × {_pct(chance)} chance "
                               f"you take it, spread over {number(years)} years.")
    if m is ValueMethod.hours_below_baseline:
        baseline = a.get("baseline_hours") or 40
        if amount <= 0:
            return 0.0, lambda: "Hours not stated."
        value = base * (baseline - amount) / baseline
        if amount > baseline:
            return value, lambda: (f"{number(amount - baseline)} hours a week more than a {number(baseline)}-hour week "
                                   "at the same pay: a cost.")
        return value, lambda: (f"{number(baseline - amount)} of {number(baseline)} weekly hours freed, "
                               "at your hourly rate.")
    if m is ValueMethod.timed_raise:
        months = min(max(a.get("raise_review_after_months", 3), 0), 12)
        return base * amount / 100 * (12 - months) / 12, lambda: (
            f"{number(amount)}% of {cash(base)} for the {number(12 - months)} months of year one after the "
            f"review at month {number(months)}.")
    # ValueMethod.insurance
    chance = a.get("layoff_probability", 0.0)
    return amount * base / 12 * chance, lambda: (f"{number(amount)} months of pay × {_pct(chance)} yearly chance "
                                                 "of being let go.")


def used_assumptions(perk: PerkDef) -> tuple[str, ...]:
    if perk.value is ValueMethod.flat:
        return (perk.assumption,) if perk.assumption else ()
    return ASSUMPTIONS_READ.get(perk.value, ())


def value_offer(
    terms: Mapping[str, float],
    playbooks: Playbooks,
    *,
    assumptions: Mapping[str, float] | None = None,
    currency: str = "USD",
) -> Valuation:
    """Every perk of an offer with its yearly value, and the yearly total.

    `terms` maps perk keys to amounts in each perk's canonical unit (as in a scenario's sheet);
    unknown perks and amounts outside a perk's range are listed but not priced. `assumptions`
    are merged over the playbook defaults.
    """
    merged = assumptions_for(playbooks, None, assumptions)
    base = float(terms.get("base_salary") or 0)
    if not math.isfinite(base) or base < 0:
        base = 0.0
    lines: list[ValueLine] = []
    used: dict[str, float] = {}
    in_catalogue_order = [k for k in playbooks.perks if k in terms] + [k for k in terms if k not in playbooks.perks]
    for key in in_catalogue_order:
        amount = float(terms[key])
        perk = playbooks.perks.get(key)
        if perk is None:
            lines.append(ValueLine(perk=key, label=key.replace("_", " ").capitalize(), amount=amount, unit="",
                                   shown=number(amount), yearly=None, explain="Not a perk I know how to value."))
            continue
        if not math.isfinite(amount) or not units.in_range(amount, perk):
            lines.append(ValueLine(perk=key, label=perk.label, amount=amount, unit=perk.unit.value,
                                   shown=number(amount), yearly=None,
                                   explain=f"Left out: outside the range {_range(perk, currency)}."))
            continue
        yearly, explain = _price(perk, amount, base, merged, currency)
        if yearly is not None:
            for name in used_assumptions(perk):
                if name in merged:
                    used[name] = merged[name]
        lines.append(ValueLine(perk=key, label=perk.label, amount=amount, unit=perk.unit.value,
                               shown=units.show(amount, perk, currency), yearly=yearly,
                               explain=explain))
    total = sum(ln.yearly for ln in lines if ln.yearly is not None)
    ordered_used = {k: used[k] for k in merged if k in used}
    return Valuation(lines=lines, total=total, base=base, assumptions=ordered_used, currency=currency)


def total_value(
    terms: Mapping[str, float], playbooks: Playbooks, *, assumptions: Mapping[str, float] | None = None
) -> float:
    """The yearly total of :func:`value_offer` without its display lines: for scoring, on the turn's hot path."""
    merged = assumptions_for(playbooks, None, assumptions)
    base = float(terms.get("base_salary") or 0)
    if not math.isfinite(base) or base < 0:
        base = 0.0
    total = 0.0
    for key, amount in terms.items():
        perk = playbooks.perks.get(key)
        if perk is None or not math.isfinite(amount) or not units.in_range(amount, perk):
            continue
        yearly = _reckon(perk, float(amount), base, merged)[0]
        total += yearly or 0.0
    return total


def money_won(
    opening: Mapping[str, float],
    final: Mapping[str, float],
    playbooks: Playbooks,
    *,
    assumptions: Mapping[str, float] | None = None,
) -> float:
    """The yearly value gained by the final package over the opening one (negative when it lost)."""
    before = value_offer(opening, playbooks, assumptions=assumptions)
    after = value_offer(final, playbooks, assumptions=assumptions)
    return after.total - before.total


# --- reading terms -------------------------------------------------------------------------------


def read_terms(
    u: Understanding,
    playbooks: Playbooks,
    *,
    current: Mapping[str, float] | None = None,
    base: float | None = None,
) -> TermsRead:
    """The terms of a message in canonical units, with a sentence for each one left out.

    "8k a month" of salary becomes 96,000 a year, "3 weeks" of PTO 15 days, a "$3,000 raise" a
    percent of base; "3 more days" is added to `current`. A money amount naming no perk is read
    as the base salary when none was given. Out-of-range amounts ("-5 days", "999 weeks", "1e99")
    are dropped and explained.
    """
    current = dict(current or {})
    out: dict[str, float] = {}
    problems: list[str] = []
    currency = next((t.currency for t in u.terms if t.currency), None)

    def known_base() -> float | None:
        return out.get("base_salary") or base or current.get("base_salary") or None

    said: dict[str, float] = {}
    # "a 5% raise after 6 months": the months say when the review is, not another perk.
    timing = {id(later) for earlier, later in zip(u.terms, u.terms[1:], strict=False)
              if earlier.perk == "raise_review" and later.perk is None and later.unit == "months"
              and later.amount is not None and 0 <= later.amount <= 12}
    # Salary first, so money raises and other base-dependent conversions can use it.
    ordered = sorted(u.terms, key=lambda t: t.perk != "base_salary")
    for term in ordered:
        key = term.perk
        if id(term) in timing:
            said["raise_review_after_months"] = float(term.amount or 0)
            continue
        if key is None:
            if term.amount is not None and term.unit in (None, "money") and "base_salary" not in out \
                    and not base and math.isfinite(term.amount) and term.amount >= 1000:
                key = "base_salary"
            elif term.amount is not None:
                problems.append(f"I couldn't tell which perk {_num_or_raw(term.amount)}"
                                f"{' ' + term.unit if term.unit and term.unit != 'money' else ''} was for.")
                continue
            else:
                continue
        perk = playbooks.perks.get(key)
        if perk is None:
            continue
        if term.amount is not None and not math.isfinite(term.amount):
            problems.append(f"{perk.label}: that number is too large to use.")
            continue
        if term.negated:
            out[key] = 0.0
            continue
        value = units.to_canonical(term, perk, current=out.get(key, current.get(key)), base=known_base())
        if value is None:
            problems.append(_unreadable(term, perk, currency))
            continue
        if not math.isfinite(value) or not units.in_range(value, perk):
            problems.append(f"{perk.label}: {_num_or_raw(value)} {_unit_words(perk)} is outside the range "
                            f"I can use ({_range(perk, currency or 'USD')}), so I left it out.")
            continue
        out[key] = value
    return TermsRead(terms=out, problems=problems, currency=currency, assumptions=said)


def _unreadable(term: Term, perk: PerkDef, currency: str | None) -> str:
    """Why a term for ``perk`` could not be turned into the perk's unit."""
    if term.amount is None:
        return f"{perk.label}: how much? Give a number, e.g. {_example(perk)}."
    if perk.unit is Unit.percent and term.unit == "money":
        return (f"{perk.label}: I need the base salary to turn "
                f"{units.money(term.amount, currency or 'USD')} into a share of it.")
    return (f"{perk.label}: I couldn't read {_num_or_raw(term.amount)} "
            f"{term.unit or ''} as {_unit_words(perk)}.".replace("  ", " "))


def terms_from_understanding(u: Understanding, playbooks: Playbooks) -> dict[str, float]:
    """The terms of a message in canonical units; see :func:`read_terms` for the problems too."""
    return dict(read_terms(u, playbooks).terms)


# --- showing -------------------------------------------------------------------------------------


def valuation_cards(v: Valuation, title: str = "What this offer is worth a year") -> Card:
    """A card with one field per perk ("25 days → $9,615 a year"), the total, and the assumptions."""
    fields = [CardField(label=ln.label, value=_line_value(ln, v.currency)) for ln in v.lines]
    fields.append(CardField(label="Total per year", value=units.money(v.total, v.currency), inline=False))
    return Card(title=title, fields=tuple(fields), footer=describe_assumptions(v.assumptions))


def valuation_reply(v: Valuation, title: str = "What this offer is worth a year") -> Reply:
    """The card, with a short text that explains each priced line's reckoning."""
    explained = [f"- **{ln.label}**: {ln.explain}" for ln in v.lines if ln.yearly is not None and ln.yearly
                 and ln.perk != "base_salary"]
    unpriced = [ln.label for ln in v.lines if ln.yearly is None]
    text = f"All in, about **{units.money(v.total, v.currency)} a year**."
    if explained:
        text += "\nHow each perk was reckoned:\n" + "\n".join(explained)
    if unpriced:
        text += "\nNot priced: " + ", ".join(unpriced) + "."
    return Reply(text=text, cards=(valuation_cards(v, title),))


def compare(a: Valuation, b: Valuation, names: tuple[str, str] = ("Offer A", "Offer B")) -> Reply:
    """Two offers side by side, perk by perk, with the yearly difference."""
    first, second = names
    order: list[str] = [ln.perk for ln in a.lines] + [ln.perk for ln in b.lines if a.line(ln.perk) is None]
    fields = []
    for key in order:
        la, lb = a.line(key), b.line(key)
        label = (la or lb).label  # type: ignore[union-attr]
        diff = (lb.yearly if lb and lb.yearly is not None else 0) - (la.yearly if la and la.yearly is not None
                                                                      else 0)
        value = f"{first}: {_cell(la, a.currency)} · {second}: {_cell(lb, b.currency)}"
        if diff and (la is None or la.yearly is not None) and (lb is None or lb.yearly is not None):
            value += f" ({_signed(diff, a.currency)} for {second})"
        fields.append(CardField(label=label, value=value, inline=False))
    gap = b.total - a.total
    fields.append(CardField(label="Total per year", value=f"{first}: {units.money(a.total, a.currency)} · {second}: "
                            f"{units.money(b.total, b.currency)}", inline=False))
    footer = describe_assumptions({**a.assumptions, **b.assumptions})
    if a.currency != b.currency:
        footer = f"Careful: the offers are in different currencies ({a.currency}, {b.currency}). " + footer
    if a.currency != b.currency:
        text = (f"{first} is in {a.currency} and {second} in {b.currency}: convert one to the other's "
                "currency before comparing the totals.")
    elif abs(gap) < 0.5:
        text = f"{first} and {second} are worth the same per year."
    else:
        better, worse = (second, first) if gap > 0 else (first, second)
        text = f"**{better}** is worth about **{units.money(abs(gap), a.currency)} more a year** than {worse}."
    return Reply(text=text, kind=ReplyKind.comparison,
                 cards=(Card(title=f"{first} vs {second}, per year", fields=tuple(fields), footer=footer),))


# --- formatting helpers --------------------------------------------------------------------------


def _line_value(ln: ValueLine, currency: str) -> str:
    if ln.yearly is None:
        return f"{ln.shown} (not priced)"
    if ln.perk == "base_salary":
        return units.money(ln.yearly, currency)
    return f"{ln.shown} → {units.money(ln.yearly, currency)} a year"


def _cell(ln: ValueLine | None, currency: str) -> str:
    if ln is None:
        return "—"
    if ln.yearly is None or ln.perk == "base_salary":
        return ln.shown
    return f"{ln.shown} ({units.money(ln.yearly, currency)})"


def _signed(amount: float, currency: str) -> str:
    return ("+" if amount > 0 else "-") + units.money(abs(amount), currency)


def _num_or_raw(x: float) -> str:
    return number(x) if math.isfinite(x) and abs(x) < 1e12 else f"{x:g}"


def _pct(share: float) -> str:
    return f"{number(share * 100)}%"


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


_UNIT_WORDS = {
    Unit.money: "money", Unit.percent: "percent", Unit.days: "days", Unit.days_per_week: "days a week",
    Unit.weeks: "weeks", Unit.months: "months", Unit.years: "years", Unit.hours: "hours a week",
    Unit.level: "levels", Unit.flag: "yes or no",
}


def _unit_words(perk: PerkDef) -> str:
    return _UNIT_WORDS.get(perk.unit, perk.unit.value)


def _range(perk: PerkDef, currency: str) -> str:
    if perk.unit is Unit.money:
        return f"{units.money(perk.min, currency)} to {units.money(perk.max, currency)}"
    return f"{number(perk.min)} to {number(perk.max)} {_unit_words(perk)}"


_EXAMPLES = {
    Unit.money: "`5k`", Unit.percent: "`4%`", Unit.days: "`25 days`", Unit.days_per_week: "`2 days a week`",
    Unit.weeks: "`16 weeks`", Unit.months: "`3 months`", Unit.years: "`2 years`", Unit.hours: "`35 hours`",
    Unit.level: "`1`", Unit.flag: "`yes`",
}


def _example(perk: PerkDef) -> str:
    return _EXAMPLES.get(perk.unit, "`1`")
