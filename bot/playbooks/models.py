"""The schema of playbooks: perks, scenarios with their hidden sheets, checklists, rubric, tips.

Playbooks are YAML files validated by these pydantic models (see :mod:`bot.playbooks.loader`
for the folder layout and error messages). Everything a team may want to change without
touching code lives here as data; everything that decides behaviour reads it from here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Key = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]


# Validators are built when first used (defer_build): a start that finds the loaded playbooks in the
# cache (bot.playbooks.validated_cache) validates nothing and never needs them.


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --- perks -------------------------------------------------------------------------------------


class Unit(StrEnum):
    money = "money"  # in the scenario's currency; per year unless the perk says otherwise
    percent = "percent"
    days = "days"
    days_per_week = "days_per_week"
    weeks = "weeks"
    months = "months"
    years = "years"
    hours = "hours"  # per week
    level = "level"  # an ordinal step (title, mentorship); 0 = none
    flag = "flag"  # 1 = granted, 0 = not


class ValueMethod(StrEnum):
    """How a perk's yearly money value is computed (see :mod:`bot.valuation.value`)."""

    salary = "salary"  # the amount itself, per year
    money_per_year = "money_per_year"  # an allowance or budget per year
    one_off = "one_off"  # a one-off sum spread over `expected_years`
    percent_of_base = "percent_of_base"  # e.g. retirement match, target bonus
    days_of_pay = "days_of_pay"  # paid days off: days × base / `working_days_per_year`
    leave_weeks = "leave_weeks"  # paid leave weeks × base / 52, spread over `expected_years`
    commute_days = "commute_days"  # remote days per week × `work_weeks_per_year` × `commute_cost_per_day`
    hours_below_baseline = "hours_below_baseline"  # fewer weekly hours than `baseline_hours`, at the hourly rate
    timed_raise = "timed_raise"  # a raise (percent of base) after `raise_review_after_months`, over year one
    insurance = "insurance"  # months of pay × `layoff_probability` per year
    flat = "flat"  # a fixed yearly value from the assumption named in `assumption`
    none = "none"  # no money value (title, start date): reported, not priced


class PerkDef(Strict):
    key: Key
    label: str
    unit: Unit
    better: Literal["higher", "lower"] = "higher"
    synonyms: list[str] = Field(min_length=1)
    value: ValueMethod
    assumption: str | None = None  # for value: flat, the assumption key
    explain: str  # how the money value is reckoned, in words shown to users
    min: float = 0
    max: float


# --- scenarios ---------------------------------------------------------------------------------


class Unlock(StrEnum):
    """What makes the counterpart move on a perk."""

    market_data = "market_data"  # the user cites market research
    justification = "justification"  # the user explains their value or why it matters
    competing_offer = "competing_offer"
    enthusiasm = "enthusiasm"
    concrete_number = "concrete_number"  # the ask names an amount
    trade_off = "trade_off"  # the user gives something in exchange
    trial_period = "trial_period"  # the user proposes trying it for a while first
    politeness = "politeness"  # no rudeness so far in the practice


class Alternative(Strict):
    """What the counterpart can offer instead when a perk is fixed or at its limit."""

    perk: Key
    amount: float
    say: str  # the counterpart's line offering it


# One fact about the offer, in the recruiter's words: a sentence or two, said as it is when asked.
Fact = Annotated[str, Field(min_length=3, max_length=240)]


class PerkFacts(Strict):
    """What the recruiter tells a candidate who asks about one perk of the offer (never a limit).

    Each field answers one kind of question ("is it gross?", "per year?", "how does it vest?"); a question
    whose field is left out gets an honest "I'd have to check", never a made-up answer.
    """

    basis: Literal["gross", "net"] | None = None  # money: before or after tax
    period: Literal["year", "month", "week", "one_off"] | None = None  # what the figure is per
    guaranteed: bool | None = None  # a bonus: paid whatever happens (true) or a target (false)
    paid: Fact | None = None  # how and when it is paid
    vesting: Fact | None = None  # equity: how the grant vests
    includes: Fact | None = None  # what it covers, and what it does not
    note: Fact | None = None  # what it means, for "what does the start date mean?"

    def known(self) -> bool:
        return any(value is not None for value in self.model_dump().values())


class PayFacts(Strict):
    """What the recruiter tells a candidate who asks about the pay as a whole: gross or net, how often it is paid.

    The period pay is quoted in is the scenario's ``pay_period``."""

    basis: Literal["gross", "net"]
    payments: int | None = Field(default=None, ge=1, le=52)  # salary payments a year: 12 monthly, 26 fortnightly…
    note: Fact | None = None  # anything else about the pay (a 13th salary, overtime included…)


class PerkSheet(Strict):
    """The hidden limits of one perk in one scenario, and what the recruiter may tell about it."""

    offer: float  # the opening value (0 when not offered)
    limit: float | None = None  # ceiling (or floor when lower is better); None = fixed at `offer`
    unlocks: list[Unlock] = Field(default_factory=lambda: [Unlock.concrete_number])
    needs: int = Field(default=1, ge=1, le=5)  # unlocks required for the full move; fewer earn part
    check_with_team: bool = False  # the first qualifying ask gets "let me check", answered next turn
    alternatives: list[Alternative] = Field(default_factory=list)
    firm_line: str | None = None  # what the counterpart says when it cannot move this perk
    about: PerkFacts | None = None  # facts the recruiter answers questions with; not a limit, not hidden

    @property
    def fixed(self) -> bool:
        return self.limit is None or self.limit == self.offer


class MarketRange(Strict):
    """A low–high range in a perk's unit (money per year in the scenario's currency)."""

    low: float = Field(ge=0)
    high: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> MarketRange:
        if self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g})")
        return self


class MarketView(Strict):
    """What the recruiter knows of the market for the role, part of the hidden sheet.

    Figures the user claims (market data, a competing offer) and figures the user asks for are
    judged against it: one far outside is questioned and earns nothing. A perk with no range here
    is judged against its own sheet (from the offer to the limit).
    """

    ranges: dict[Key, MarketRange] = Field(default_factory=dict)  # per perk: what the role usually gets
    competing_offer: MarketRange | None = None  # the base salary another employer usually offers
    stretch: float = Field(default=0.2, ge=0, le=2)  # how far past a range's top a figure is still believable


class Credibility(Strict):
    """How the recruiter treats claims it cannot believe, part of the hidden sheet."""

    doubt_costs_patience: int = Field(default=1, ge=0, le=5)  # a questioned claim or ask uses up patience
    contradiction_margin: float = Field(default=0.15, ge=0, le=1)  # two claims further apart than this contradict
    # what stops counting for the rest of the practice once the user contradicts an earlier claim
    contradiction_loses: list[Unlock] = Field(
        default_factory=lambda: [Unlock.market_data, Unlock.competing_offer, Unlock.justification])


class Persona(Strict):
    name: str
    title: str
    style: Literal["warm", "formal", "brisk", "earnest"]
    greeting: str


class Scenario(Strict):
    key: Key
    title: str
    company: str
    role: str
    summary: str  # what the user is told before starting
    brief: str  # the candidate's situation: what they know, what they want
    currency: str = "USD"
    pay_period: Literal["year", "month"] = "year"  # how pay is quoted to the user; amounts stay yearly
    pay: PayFacts | None = None  # what the recruiter tells about the pay as a whole when asked
    persona: Persona
    patience: int = Field(ge=1, le=10)  # asks without a move before the counterpart goes firm
    perks: dict[Key, PerkSheet]
    assumptions: dict[Key, float] = Field(default_factory=dict)  # valuation overrides
    market: MarketView = Field(default_factory=MarketView)
    credibility: Credibility = Field(default_factory=Credibility)

    @model_validator(mode="after")
    def _has_salary(self) -> Scenario:
        if "base_salary" not in self.perks:
            raise ValueError("a scenario needs base_salary in its perks")
        return self


# --- checklists --------------------------------------------------------------------------------


class StepKind(StrEnum):
    number = "number"
    money = "money"
    percent = "percent"
    choice = "choice"
    ranking = "ranking"  # order some options, e.g. "3 1 2" or names separated by commas
    text = "text"
    confirm = "confirm"  # yes / no
    offer = "offer"  # an offer's terms in free text ("base 100k, 25 days pto"), read into perk terms


class Step(Strict):
    key: Key
    kind: StepKind
    prompt: str
    help: str | None = None
    options: list[str] = Field(default_factory=list)  # for choice and ranking
    min: float | None = None
    max: float | None = None
    optional: bool = False  # the user may type "skip"
    show: str | None = None  # a named computation shown after this step (see bot.checklists.runner)


class Checklist(Strict):
    key: Key
    title: str
    summary: str
    steps: list[Step] = Field(min_length=1)
    finish: str  # the named computation that closes the checklist

    @model_validator(mode="after")
    def _options_where_needed(self) -> Checklist:
        for i, step in enumerate(self.steps):
            if step.kind in (StepKind.choice, StepKind.ranking) and len(step.options) < 2:
                raise ValueError(f"steps.{i}.options: a {step.kind.value} step needs at least two options")
        keys = [s.key for s in self.steps]
        if len(keys) != len(set(keys)):
            raise ValueError("steps: step keys must be unique")
        return self


# --- coaching ----------------------------------------------------------------------------------


class Detector(StrEnum):
    """The coded check behind each rubric technique (see :mod:`bot.negotiation.coaching`)."""

    research_market = "research_market"
    prioritise = "prioritise"
    justify_value = "justify_value"
    show_enthusiasm = "show_enthusiasm"
    whole_package = "whole_package"
    ask_alternatives = "ask_alternatives"
    take_time = "take_time"
    polite_firm = "polite_firm"
    get_in_writing = "get_in_writing"


class Technique(Strict):
    key: Key
    label: str
    detector: Detector
    why: str  # why it works, in one or two sentences
    tip: str  # a concrete next step when missed
    example: str  # a line the user could say


class Tip(Strict):
    key: Key
    kind: Literal["tip", "challenge"] = "tip"
    text: str
    technique: Key | None = None
    perk: Key | None = None


class Playbooks(BaseModel):
    """Everything loaded and cross-checked: what the engine runs on."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    perks: dict[str, PerkDef]
    assumptions: dict[str, float]  # valuation defaults; a scenario may override some
    scenarios: dict[str, Scenario]
    checklists: dict[str, Checklist]
    rubric: list[Technique]
    tips: list[Tip]
