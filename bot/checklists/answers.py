"""Reading a checklist answer as typed, per step kind, and showing answers back.

Each :class:`bot.playbooks.models.StepKind` has its reader: a figure (number, amount such as "90k"
or "8k a month", percentage), an option by number, name or button, a ranking such as "2 1 3",
yes/no, free text, or an offer's terms in free text. A reader returns the value and the line that
echoes it, returns :data:`PENDING` when the step needs more input (a ranking tapped one button at
a time, an offer still missing its base), or raises :class:`Retry` with what to type instead.
Readers may note things on the :class:`~bot.session.ChecklistState` they are given (the currency,
a half-entered offer, the other end of a typed range); the runner owns that state.
"""

from __future__ import annotations

import math
import re
from typing import Any, Protocol

from bot.markup import escape
from bot.playbooks.models import Checklist, PerkDef, Playbooks, Step, StepKind
from bot.session import ChecklistState
from bot.understanding.acts import Understanding
from bot.valuation import units
from bot.valuation.value import read_terms

MAX_TEXT_CHARS = 1000  # a free-text answer is kept up to this length
OFFER_EXAMPLE = "`base 95k, 25 days pto, 2 days remote, 4% pension match, 10k sign-on`"
NO_WORDS = {"no", "n", "nope", "nah", "not yet", "false", "i haven't", "i have not", "no thanks", "negative"}
PENDING: Any = object()  # the step needs more input before it is answered
# Checklist figures are capped below 1e12, so they are spelled out rather than shown as 1e+09.
FIGURE_EXPONENT_FROM = 1e12

_MONEY_CAP = 100_000_000.0  # no salary figure a person types is above this
_NUMBER_CAP = 1_000_000_000.0
_YES = {"yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "true", "correct", "done", "i have", "i did",
        "absolutely", "of course", "definitely", "ja", "si", "oui"}
_DONE = {"done", "that's all", "thats all", "that is all", "continue", "go on", "next", "ok", "okay", "finished"}
_UNITS_FOR: dict[StepKind, tuple[str | None, ...]] = {
    StepKind.money: (None, "money"),
    StepKind.percent: (None, "percent"),
    StepKind.number: (None, "money", "percent", "days", "weeks", "months", "years", "hours"),
}


class Understander(Protocol):
    def read(self, text: str) -> Understanding: ...


class Retry(Exception):
    """An answer that cannot be used; the message says why and how to put it."""


def figure(x: float) -> str:
    """A checklist figure (a count, a percentage's number, an assumption) as people write it."""
    return units.number(x, exponent_from=FIGURE_EXPONENT_FROM)


def read_answer(
    playbooks: Playbooks, understander: Understander, checklist: Checklist, st: ChecklistState, step: Step,
    typed: str, picked: str | None,
) -> tuple[Any, str]:
    """The value for `step` from typed text or a picked button, and the line that echoes it."""
    match step.kind:
        case StepKind.money | StepKind.number | StepKind.percent:
            if picked is not None:
                raise Retry("Type the figure, please.")
            return read_figure(checklist, st, step, typed)
        case StepKind.choice:
            option = read_option(step, typed, picked)
            return option, f"Noted: **{escape(option, 80)}**."
        case StepKind.ranking:
            return read_ranking(st, step, typed, picked)
        case StepKind.confirm:
            yes = read_confirm(typed, picked)
            return yes, f"Noted: **{'yes' if yes else 'no'}**."
        case StepKind.offer:
            if picked == "done" or (picked is None and st.partial and typed.lower().strip(" .!") in _DONE):
                return finish_offer(playbooks, st, step)
            if picked is not None:
                raise Retry(f"Type the offer's terms, e.g. {OFFER_EXAMPLE}.")
            return read_offer(playbooks, understander, st, step, typed)
        case _:
            if picked is not None:
                raise Retry("Type your answer, please.")
            kept = typed[:MAX_TEXT_CHARS]
            cut = " (I kept the first 1,000 characters.)" if len(typed) > MAX_TEXT_CHARS else ""
            return kept, f"Noted: “{escape(kept, 120)}”.{cut}"


def read_figure(checklist: Checklist, st: ChecklistState, step: Step, typed: str) -> tuple[Any, str]:
    """A money, number or percent answer, range- and cross-checked; a typed range also fills its "_high" step."""
    kind = step.kind
    text = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)", "", typed)  # "95 000"
    if kind is StepKind.money:
        text = re.sub(r"(?<=\d)\s*[mM]\b(?!\s*(?:onth|o\b))", " million", text)
    from bot.understanding.amounts import find_amounts  # here: its patterns compile on import, and a start needs none

    amounts = [a for a in find_amounts(text.lower()) if a.unit in _UNITS_FOR[kind]]
    if not amounts:
        example = {"money": "`95000` or `95k`", "percent": "`4%` or `4`", "number": "`3`"}[kind.value]
        raise Retry(f"I couldn't read that as {'an amount' if kind is StepKind.money else 'a number'}. "
                    f"Try {example}.")
    amount = amounts[0]
    value = amount.value
    if amount.range and step.key.endswith(("_high", "_max")):
        value = amount.range[1]
    per_note = ""
    if kind is StepKind.money and amount.per and amount.per != "year":
        value *= {"month": 12, "week": 52, "day": 260, "hour": 2080}.get(amount.per, 1)
        per_note = f" a year ({figure(amount.value)} a {amount.per})"
    check_bounds(st, step, value)
    if kind is StepKind.money and amount.currency:
        st.currency = st.currency or amount.currency
    problem = cross_check(st, step, value)
    if problem:
        raise Retry(problem)
    shown = echo_figure(step, value, st)
    if amount.range and step.key.endswith(("_low", "_min")) and amount.range[1] >= value:
        partner = fill_range_partner(checklist, st, step, amount.range[1])
        if partner:
            shown += f" to {echo_figure(step, amount.range[1], st)}"
    return value, f"Noted: **{shown}**{per_note}."


def check_bounds(st: ChecklistState, step: Step, value: float) -> None:
    """Raise :class:`Retry` when a figure is out of range for its kind or for the step's min and max."""
    kind = step.kind
    if not math.isfinite(value) or abs(value) > (_MONEY_CAP if kind is StepKind.money else _NUMBER_CAP):
        raise Retry("That number is too large to be right. Please check it and type it again.")
    if kind is StepKind.money and value < 0:
        raise Retry("An amount can't be negative here.")
    if kind is StepKind.percent and not 0 <= value <= 1000:
        raise Retry("A percentage here should be between 0 and 1,000.")
    if (step.min is not None and value < step.min) or (step.max is not None and value > step.max):
        raise Retry(f"That's outside what this step takes: {bounds_text(step, st)}.")


def fill_range_partner(checklist: Checklist, st: ChecklistState, step: Step, high: float) -> str | None:
    """Answer the matching "_high" step from a range typed for the "_low" one; its key, if any."""
    partner = step.key.rsplit("_", 1)[0] + ("_high" if step.key.endswith("_low") else "_max")
    partner_step = next((s for s in checklist.steps if s.key == partner), None)
    if partner_step is None or (partner_step.max is not None and high > partner_step.max):
        return None
    st.answers[partner] = high
    return partner


def cross_check(st: ChecklistState, step: Step, value: float) -> str | None:
    """Why a figure contradicts an earlier answer (a range upside down, a walk-away above target), or None."""
    answers = st.answers
    cur = st.currency or "USD"
    if step.key.endswith("_high"):
        low = answers.get(step.key[: -len("_high")] + "_low")
        if isinstance(low, int | float) and value < low:
            return f"The top of the range should be at least the bottom ({units.money(low, cur)})."
    if step.key == "walk_away":
        target = answers.get("target")
        if isinstance(target, int | float) and value > target:
            return (f"Your walk-away should be at or below your target ({units.money(target, cur)}): it is "
                    "the least you would accept, not what you ask for.")
    return None


def read_option(step: Step, typed: str, picked: str | None) -> str:
    if picked is not None:
        if picked.isdigit() and int(picked) < len(step.options):
            return step.options[int(picked)]
        raise Retry("That button is out of date; pick again.")
    found = match_option(typed, step.options)
    if found is None:
        raise Retry(f"I couldn't match “{escape(typed, 60)}” to an option. Type its number or its name.")
    return found


def read_ranking(st: ChecklistState, step: Step, typed: str, picked: str | None) -> tuple[Any, str]:
    """The options in the user's order, typed at once or tapped one by one (PENDING until one is left)."""
    options = step.options
    if picked is not None:
        if not (picked.isdigit() and int(picked) < len(options)):
            raise Retry("That button is out of date; pick again.")
        option = options[int(picked)]
        if option not in st.picked:
            st.picked.append(option)
        left = [o for o in options if o not in st.picked]
        if len(left) > 1:
            return PENDING, f"**{len(st.picked)}. {escape(option, 60)}**"
        ranking = [*st.picked, *left]
    else:
        parts = [p for p in re.split(r"[,;>\n/]+|\s+(?:then|and)\s+|\s+(?=\d)", typed) if p.strip()]
        if len(parts) == 1 and re.fullmatch(r"\d+", parts[0].strip()) and len(parts[0].strip()) > 1 \
                and len(options) <= 9:
            parts = list(parts[0].strip())  # "213"
        ranking = [*st.picked]
        for part in parts:
            matched = match_option(part.strip(" ."), options)
            if matched is None:
                raise Retry(f"I couldn't match “{escape(part.strip(), 40)}” to an option. Use the numbers, "
                            "e.g. `2 1 3`, or the names separated by commas.")
            if matched in ranking:
                raise Retry(f"**{escape(matched, 60)}** appears twice. List each option once.")
            ranking.append(matched)
        ranking += [o for o in options if o not in ranking]
    shown = ", ".join(f"{i}. {escape(o, 60)}" for i, o in enumerate(ranking, 1))
    return ranking, f"Your order: {shown}."


def read_confirm(typed: str, picked: str | None) -> bool:
    if picked in ("yes", "no"):
        return picked == "yes"
    said = typed.lower().strip(" .!")
    if said in _YES or said.startswith(("yes", "yeah", "yep", "sure")):
        return True
    if said in NO_WORDS or said.startswith(("no ", "no,", "nope")):
        return False
    raise Retry("Please answer **yes** or **no**.")


def read_offer(
    playbooks: Playbooks, understander: Understander, st: ChecklistState, step: Step, typed: str
) -> tuple[Any, str]:
    """An offer's terms in free text, merged with what was entered before; PENDING while incomplete."""
    understanding = understander.read(typed)
    read = read_terms(understanding, playbooks, current=st.partial)
    merged = {**st.partial, **read.terms}
    terms = {k: merged[k] for k in playbooks.perks if k in merged}
    notes = "".join(f"\n- {escape(p, 200)}" for p in read.problems)
    if not terms:
        raise Retry(f"I couldn't find any terms in that. Try something like {OFFER_EXAMPLE}.{notes}")
    if read.currency:
        st.currency = st.currency or read.currency
    st.assumptions.update(read.assumptions)
    got = f"Got it: {terms_text(terms, st, playbooks.perks)}.{notes}"
    if needs_base(playbooks, st, step) and "base_salary" not in terms:
        st.partial = terms
        return PENDING, got
    if read.problems:
        # Something the user meant to include was not understood: let them rephrase it before it is
        # lost from the valuation or the written summary.
        st.partial = terms
        return PENDING, got + "\nRephrase what I missed (e.g. `5% raise review`), or type `done` to go on."
    return terms, got


def finish_offer(playbooks: Playbooks, st: ChecklistState, step: Step) -> tuple[Any, str]:
    """The offer entered so far, when the user says it is complete."""
    if needs_base(playbooks, st, step) and "base_salary" not in st.partial:
        raise Retry("I still need the **base salary** to value the perks, e.g. `base 95k`.")
    return dict(st.partial), f"Got it: {terms_text(st.partial, st, playbooks.perks)}."


def needs_base(playbooks: Playbooks, st: ChecklistState, step: Step) -> bool:
    # Valuing an offer needs its salary; an agreed package to confirm in writing may change only perks.
    checklist = playbooks.checklists.get(st.key)
    return step.key != "agreed_terms" and (checklist is None or checklist.finish != "close_email")


def match_option(typed: str, options: list[str]) -> str | None:
    """An option by its number (1-based), its exact name, a unique start, or a close spelling."""
    said = typed.strip().lower().strip(" .!")
    if not said:
        return None
    if said.isdigit():
        index = int(said) - 1
        return options[index] if 0 <= index < len(options) else None
    lowered = [o.lower() for o in options]
    if said in lowered:
        return options[lowered.index(said)]
    starts = [o for o, low in zip(options, lowered, strict=True) if low.startswith(said)]
    if len(starts) == 1:
        return starts[0]
    contains = [o for o, low in zip(options, lowered, strict=True) if said in low]
    if len(contains) == 1 and len(said) >= 3:
        return contains[0]
    from rapidfuzz import fuzz, process  # here: the chat's first reply imports this module but needs no fuzzy match

    found = process.extractOne(said, lowered, scorer=fuzz.WRatio, score_cutoff=80)
    return options[found[2]] if found else None


# --- showing answers back -------------------------------------------------------------------------


def echo_value(step: Step, value: Any, st: ChecklistState, perks: dict[str, PerkDef]) -> str:
    """An answer as the user would recognise it: "$95,000", "4%", "yes", the offer's terms."""
    if value is None:
        return "skipped"
    match step.kind:
        case StepKind.money | StepKind.percent | StepKind.number:
            return echo_figure(step, float(value), st)
        case StepKind.confirm:
            return "yes" if value else "no"
        case StepKind.ranking:
            return ", ".join(escape(str(o), 60) for o in value)
        case StepKind.offer:
            return terms_text(value, st, perks) if isinstance(value, dict) else "—"
        case _:
            return f"“{escape(str(value), 120)}”"


def echo_figure(step: Step, value: float, st: ChecklistState) -> str:
    """A money, percent or number answer: "$95,000", "4%", "3"."""
    if step.kind is StepKind.money:
        return units.money(value, st.currency or "USD")
    return f"{figure(value)}%" if step.kind is StepKind.percent else figure(value)


def terms_text(terms: dict[str, float], st: ChecklistState, perks: dict[str, PerkDef]) -> str:
    """Offer terms on one line: "Base salary $95,000, Paid time off 25 days"."""
    parts = []
    for key, amount in terms.items():
        perk = perks.get(key)
        if perk is not None:
            parts.append(f"{perk.label} {units.show(amount, perk, st.currency or 'USD')}")
    return ", ".join(parts) or "nothing"


def bounds_text(step: Step, st: ChecklistState) -> str:
    """What a figure step accepts, e.g. "between $10,000 and $1,000,000"; "" when it is unbounded."""
    if step.min is not None and step.max is not None:
        return f"between {echo_figure(step, step.min, st)} and {echo_figure(step, step.max, st)}"
    if step.min is not None:
        return f"at least {echo_figure(step, step.min, st)}"
    if step.max is not None:
        return f"at most {echo_figure(step, step.max, st)}"
    return ""
