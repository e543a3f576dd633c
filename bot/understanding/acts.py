"""What understanding a message yields: acts, terms and signals.

:class:`Understanding` is the output of :meth:`bot.understanding.reader.Understander.read`, shared by the
role-play, the checklists and ``offer-coach understand`` (which prints ``text``, ``acts`` and
``terms`` as one JSON line per message).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field


class Act(StrEnum):
    greet = "greet"
    propose = "propose"  # asks for, or offers, a concrete term
    accept = "accept"
    reject = "reject"
    ask = "ask"  # a question
    justify = "justify"  # reasons, market data, or the speaker's value
    enthusiasm = "enthusiasm"
    competing_offer = "competing_offer"
    trade_off = "trade_off"  # gives something to get something
    request_time = "request_time"
    request_writing = "request_writing"
    quit = "quit"


class Signal(StrEnum):
    """Finer cues the coaching and the counterpart use; not part of the `understand` JSON."""

    market_data = "market_data"  # cites research, ranges, levels, surveys
    own_value = "own_value"  # cites their skills, experience, results
    priority = "priority"  # says what matters most to them
    alternatives = "alternatives"  # asks what else could be offered
    trial_period = "trial_period"  # proposes trying something for a while
    rude = "rude"
    pleading = "pleading"  # begging, repeating "please", no reasons
    summary = "summary"  # asks to recap the whole package / current offer
    hint = "hint"  # asks for help on what to do next
    ultimatum = "ultimatum"  # all or nothing: "either 150k or I walk"


Unit = Literal["money", "percent", "days", "weeks", "months", "years", "hours"]
# What a number is doing in the message: only an ask (or what is offered up in a trade) is negotiated;
# evidence backs an ask, current names the offer as it stands, question asks about a term for information.
Role = Literal["ask", "evidence", "current", "give", "question"]


class Term(BaseModel):
    model_config = ConfigDict(frozen=True)

    perk: str | None  # a perk key from the catalogue; None when an amount names no perk
    amount: float | None = None
    unit: Unit | None = None
    negated: bool = False  # "no car", "without a bonus"
    range: tuple[float, float] | None = None  # "130-140k": amount is the low end
    per: Literal["year", "month", "week", "day", "hour"] | None = None  # "12000 NIS per month"
    currency: str | None = None  # ISO code when one was written: USD, EUR, ILS, GBP…
    relative: bool = False  # "3 more days", "+2k": amount is on top of the current value
    give: bool = False  # the perk offered in exchange: "I'd trade part of the sign-on bonus for two remote days"
    role: Role = "ask"  # "comparable roles pay 150-170k, so I'd like 165k": 150k is evidence, 165k the ask
    # The figure cannot be real as written ("1e308", a 13-digit salary, "twelve hundred thousand million"):
    # question it, never echo or concede it (see bot.understanding.amounts.Amount.doubtful).
    doubtful: bool = False


class Understanding(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    acts: list[Act] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)
    signals: list[Signal] = Field(default_factory=list)
    foreign: bool = False  # written in another language: practice is in English, so nothing was read

    def has(self, act: Act) -> bool:
        return act in self.acts

    def json_line(self) -> dict:
        """The `offer-coach understand` output for this message."""
        return {
            "text": self.text,
            "acts": [a.value for a in self.acts],
            "terms": [
                {"perk": t.perk, "amount": t.amount, "unit": t.unit, "negated": t.negated, "role": t.role}
                for t in self.terms
            ],
        }


class Context(BaseModel):
    """What the previous turn was about, so "then 9 hours" can be read against it."""

    model_config = ConfigDict(frozen=True)

    last_perk: str | None = None  # the perk the counterpart last spoke of
    last_speaker: Literal["user", "counterpart"] | None = None
    # what the counterpart last did: put a figure on the table, asked something, refused, recapped
    last_move: Literal["offer", "question", "refusal", "summary"] | None = None
    # the offer as it stands, perk -> amount in the perk's unit: "I'll take the 118k" names it, asks nothing new
    offer: dict[str, float | str] = Field(default_factory=dict)  # a title is a word
    # the perks the counterpart's last turn gave ground on: "Good. Now the leave" right after it takes that move
    conceded: list[str] = Field(default_factory=list)


class Reader(Protocol):
    """Anything that reads a message: the real understander, or the engine's lazily built one."""

    def read(self, text: str, context: Context | None = None) -> Understanding: ...
