"""Questions for information about the offer, and the facts that answer them.

"Is the ₪38,000 a month gross or net?", "how does the equity vest?", "do the 28 days include public
holidays?" ask what a term of the offer *is*, not for more of it. :func:`aspects` says which kinds of fact
a message asks for; :func:`answers` gives the scenario's facts for those kinds (its ``pay:`` for the salary,
each perk sheet's ``about:`` for the rest), and None for a kind nobody wrote down, so the recruiter says it
would have to check instead of making one up. Nothing here moves a figure or reads a limit.
"""

from __future__ import annotations

import re

from bot.playbooks.models import PayFacts, PerkFacts, Scenario

# Each kind of fact and the words that ask for it, in the order the answers are said.
_ASKED: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("basis", re.compile(r"\b(?:gross|net|before[- ]tax\w*|after[- ]tax\w*|pre-?tax|post-?tax|take[- ]home|taxed|"
                         r"taxable)\b")),
    ("period", re.compile(r"\b(?:(?:per|a|an|each|every) (?:month|year|week|annum)|monthly|yearly|annual(?:ly)?|"
                          r"weekly|one[- ](?:off|time)|recurring|in total|total)\b")),
    ("vesting", re.compile(r"\b(?:vest\w*|cliff)\b")),
    ("guaranteed", re.compile(r"\b(?:guarantee\w*|discretionary|target)\b")),
    ("includes", re.compile(r"\b(?:includ\w*|on top|counts?|counted|cover|covers)\b")),
    ("paid", re.compile(r"\b(?:paid|pay(?:s|ing)? out|payout|instal+ments?|lump|pay (?:it )?back|repa(?:y|id))\b")),
    ("note", re.compile(r"\b(?:mean(?:s|t|ing)?|explain\w*|how (?:does|do|would|will) (?:it|that|this|the|they))\b")),
)
# Words that ask for room rather than facts: "is the bonus target negotiable?" is an ask, answered as one.
_ROOM = re.compile(r"\b(?:negotiab\w*|room|wiggle|budge|higher|increase\w*|improve\w*|bump\w*|stretch|any chance|"
                   r"go up|push)\b")
_QUESTION = re.compile(r"[^.!?\n]*\?")

_BASIS = {"gross": "That's gross, before tax.", "net": "That's net, after tax."}
_PERIOD = {"year": "That's per year.", "month": "That's per month.", "week": "That's per week.",
           "one_off": "It's paid once, not every year."}
_GUARANTEED = {True: "It's guaranteed.", False: "It isn't guaranteed."}
_PAYMENTS = {12: "in 12 monthly payments", 24: "twice a month", 26: "every two weeks", 52: "weekly"}


def aspects(text: str) -> list[str]:
    """The kinds of fact the questions in `text` ask for; a question for room ("any room on the bonus?") asks none."""
    low = text.lower().replace("’", "'")
    asked = " ".join(q for q in (_QUESTION.findall(low) or [low]) if not _ROOM.search(q))  # per question
    return [kind for kind, words in _ASKED if words.search(asked)]


def answers(kinds: list[str], key: str, scenario: Scenario) -> list[str | None]:
    """One answer per kind asked, None where the scenario says nothing about it."""
    if key == "base_salary":
        return [_about_pay(kind, scenario.pay, scenario.pay_period) for kind in kinds]
    sheet = scenario.perks.get(key)
    about = sheet.about if sheet is not None else None
    return [_about_perk(kind, about) if about is not None else None for kind in kinds]


def _about_pay(kind: str, pay: PayFacts | None, period: str) -> str | None:
    """The pay as a whole: the period it is quoted in is always known; the rest comes from ``pay:``."""
    paid = _payments(pay.payments) if pay is not None and pay.payments else None
    if kind == "period":
        per = "a monthly" if period == "month" else "a yearly"
        return f"It's {per} figure" + (f", paid {paid}." if paid else ".")
    if pay is None:
        return None
    if kind == "basis":
        return _BASIS[pay.basis]
    if kind == "paid":
        return f"It's paid {paid}." if paid else None
    if kind in ("note", "includes"):
        return pay.note
    return None


def _payments(count: int) -> str:
    return _PAYMENTS.get(count, f"in {count} payments a year")


def _about_perk(kind: str, about: PerkFacts) -> str | None:
    if kind == "basis":
        return _BASIS[about.basis] if about.basis else None
    if kind == "period":
        return _PERIOD[about.period] if about.period else None
    if kind == "guaranteed":  # and how it is paid, which says what it depends on
        if about.guaranteed is None:
            return None
        return " ".join(part for part in (_GUARANTEED[about.guaranteed], about.paid) if part)
    if kind == "note":  # "what does it mean?", "how does it work?": what it is, else how it is paid or what it covers
        return about.note or about.paid or about.includes or about.vesting
    fact: str | None = getattr(about, kind)
    return fact
