"""Guided checklists: one typed question at a time, validated, resumable, with money computations.

A :class:`ChecklistRunner` walks a :class:`bot.playbook_models.Checklist` step by step. Each step
reads its kind of input (a number, an amount such as "90k", a percentage, a choice by label,
number or button, a ranking such as "2 1 3", yes/no, free text, or an offer's terms in free text)
and re-asks with a friendly hint when it cannot, without losing earlier answers. ``back`` goes
to the previous step, ``skip`` passes an optional one, and ``assume NAME VALUE`` changes a
valuation assumption at any step. All of it lives in :class:`bot.session.ChecklistState`, so a
checklist resumes exactly where it was after a restart.

Steps and finishes can name computations (``show:`` and ``finish:`` in the YAML): perk_values,
offer_total, target_gap; prepare_summary, offer_review, close_email. They read answers by step
key and show what they can when a key is missing, so a team may reshape the checklists freely.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from typing import Any, Protocol

from rapidfuzz import fuzz, process

from bot import units
from bot.acts import Understanding
from bot.amounts import find_amounts
from bot.markup import clean_user_text, escape
from bot.messages import Attachment, Card, CardField, Choice, ChoiceStyle, Reply, ReplyKind
from bot.playbook_models import Checklist, Playbooks, Step, StepKind, Unit, ValueMethod
from bot.session import ChecklistState, Record
from bot.valuation import (
    AssumptionError,
    Valuation,
    assumptions_for,
    compare,
    describe_assumptions,
    is_assumption_message,
    parse_assumption,
    read_terms,
    used_assumptions,
    valuation_reply,
    value_offer,
    yearly_value,
)

log = logging.getLogger(__name__)

CHOICE_PREFIX = "cl:"
MAX_TEXT_CHARS = 1000  # a free-text answer is kept up to this length
_MONEY_CAP = 100_000_000.0  # no salary figure a person types is above this
_NUMBER_CAP = 1_000_000_000.0
_BACK_WORDS = {"back", "go back", "previous", "prev", "undo"}
_SKIP_WORDS = {"skip", "pass", "skip it", "skip this", "n/a", "none", "-"}
_YES = {"yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "true", "correct", "done", "i have", "i did",
        "absolutely", "of course", "definitely", "ja", "si", "oui"}
_NO = {"no", "n", "nope", "nah", "not yet", "false", "i haven't", "i have not", "no thanks", "negative"}
_DONE = {"done", "that's all", "thats all", "that is all", "continue", "go on", "next", "ok", "okay", "finished"}
_OFFER_EXAMPLE = "`base 95k, 25 days pto, 2 days remote, 4% pension match, 10k sign-on`"


class Understander(Protocol):
    def read(self, text: str) -> Understanding: ...


class _Retry(Exception):
    """An answer that cannot be used; the message says why and how to put it."""


def split_records(record: Record | None) -> list[Record]:
    """The checklist record, plus a separate valuation record when the checklist valued an offer."""
    if record is None:
        return []
    out = [record]
    valuation = record.data.get("valuation")
    if isinstance(valuation, dict):
        out.append(Record(kind="valuation", key=record.key, data=valuation))
    return out


class ChecklistRunner:
    """Runs checklists over the playbooks; pure: every call returns a new state and the replies."""

    def __init__(self, playbooks: Playbooks, understander: Understander) -> None:
        self.playbooks = playbooks
        self.understander = understander
        self._shows: dict[str, Callable[[Checklist, ChecklistState, Step], list[Reply]]] = {
            "perk_values": self._show_perk_values,
            "offer_total": self._show_offer_total,
            "target_gap": self._show_target_gap,
        }
        self._finishes: dict[str, Callable[[Checklist, ChecklistState], tuple[list[Reply], dict[str, Any]]]] = {
            "prepare_summary": self._finish_prepare,
            "offer_review": self._finish_review,
            "close_email": self._finish_close,
        }

    # --- the three entry points --------------------------------------------------------------------

    def start(self, key: str) -> tuple[ChecklistState, list[Reply]]:
        """A fresh state at the first step, an introduction and the first question.

        Raises KeyError for a checklist the playbooks do not have (the engine checks first).
        """
        checklist = self.playbooks.checklists[key]
        state = ChecklistState(key=key)
        intro = Reply(text=(
            f"**{escape(checklist.title, 120)}**\n{checklist.summary.strip()}\n"
            f"{len(checklist.steps)} steps. Type `back` to change your last answer, `skip` to pass an optional "
            "step, `end` to pause and come back later."))
        return state, [intro, self._ask(checklist, state)]

    def resume(self, state: ChecklistState) -> list[Reply]:
        """The current question again, with the answer given last time if there was one."""
        checklist = self.playbooks.checklists.get(state.key)
        if checklist is None:
            return [Reply(text="That checklist is no longer in the playbooks.", kind=ReplyKind.notice)]
        if state.done:
            return [Reply(text=f"**{escape(checklist.title, 120)}** is finished. Type `checklist {state.key}` "
                               "to go through it again.")]
        return [self._ask(checklist, self._clamped(checklist, state))]

    def answer(
        self, state: ChecklistState, text: str | None, choice: str | None
    ) -> tuple[ChecklistState, list[Reply], Record | None]:
        """Take one answer (typed text or a picked choice id) for the current step.

        Returns the new state, the replies, and at the finish a Record(kind "checklist") whose
        ``data`` holds the answers and the result (see :func:`split_records` for the valuation).
        """
        checklist = self.playbooks.checklists.get(state.key)
        if checklist is None:
            return state, [Reply(text="That checklist is no longer in the playbooks.", kind=ReplyKind.notice)], None
        st = self._clamped(checklist, state.model_copy(deep=True))
        if st.done:
            return st, self.resume(st), None
        step = checklist.steps[st.step]
        typed = clean_user_text(text or "").strip()
        command = typed.lower().strip(" .!")
        picked: str | None = None
        if choice:
            step_key, _, picked = choice.removeprefix(CHOICE_PREFIX).rpartition(":")
            if not choice.startswith(CHOICE_PREFIX) or step_key != step.key:
                stale = "That button belongs to another step. Here is where we are:"
                return st, [self._ask(checklist, st, stale)], None
            command = picked if picked in ("back", "skip", "restart", "done") else ""

        if command in _BACK_WORDS:
            return self._back(checklist, st)
        declined = step.optional and step.kind in (StepKind.text, StepKind.offer) and (
            command in _NO or command in ("nothing", "no offer", "no offer yet", "nothing else", "no thanks"))
        if declined or (command in _SKIP_WORDS and (step.optional or command == "skip")):
            if not step.optional:
                return st, [self._ask(checklist, st, "This step can't be skipped; the rest builds on it.")], None
            st.answers[step.key] = None
            return self._advance(checklist, st, step, "Skipped.")
        if command == "restart" and step.kind is StepKind.ranking:
            st.picked = []
            return st, [self._ask(checklist, st, "Starting the ranking over.")], None
        # In a free-text step only the exact form counts, so "Assume I ship it in May…" stays an answer.
        if picked is None and is_assumption_message(typed, strict=step.kind is StepKind.text):
            return self._assume(checklist, st, typed)
        if picked is None and not typed:
            return st, [self._ask(checklist, st, "I didn't catch an answer.")], None

        answered_before = {k for k, v in st.answers.items() if v is not None}
        try:
            value, echo = self._read(checklist, st, step, typed, picked)
        except _Retry as retry:
            return st, [self._ask(checklist, st, str(retry))], None
        if value is _PENDING:
            return st, [self._ask(checklist, st, echo)], None
        st.answers[step.key] = value
        st.picked, st.partial = [], {}
        # An answer that also filled the next step ("90-110k" for the low end) saves asking it.
        filled = {k for k, v in st.answers.items() if v is not None} - answered_before - {step.key}
        next_index = st.step + 1
        if next_index < len(checklist.steps) - 1 and checklist.steps[next_index].key in filled:
            st.step += 1
        return self._advance(checklist, st, step, echo)

    # --- moving between steps ----------------------------------------------------------------------

    def _clamped(self, checklist: Checklist, st: ChecklistState) -> ChecklistState:
        if st.step >= len(checklist.steps) or st.step < 0:
            st.step = max(0, min(st.step, len(checklist.steps) - 1))
        return st

    def _back(self, checklist: Checklist, st: ChecklistState) -> tuple[ChecklistState, list[Reply], None]:
        if st.step == 0:
            return st, [self._ask(checklist, st, "This is the first step.")], None
        st.step -= 1
        st.picked, st.partial = [], {}
        return st, [self._ask(checklist, st, "Going back one step.")], None

    def _advance(
        self, checklist: Checklist, st: ChecklistState, step: Step, echo: str
    ) -> tuple[ChecklistState, list[Reply], Record | None]:
        replies: list[Reply] = []
        if step.show:
            show = self._shows.get(step.show)
            if show is None:
                log.debug("checklist %s: unknown show computation %s", checklist.key, step.show)
            else:
                replies += show(checklist, st, step)
        st.step += 1
        if st.step < len(checklist.steps):
            if replies:
                replies.insert(0, Reply(text=echo))
                replies.append(self._ask(checklist, st))
            else:
                replies.append(self._ask(checklist, st, echo))
            return st, replies, None
        st.done = True
        st.step = len(checklist.steps) - 1
        finish = self._finishes.get(checklist.finish, self._finish_generic)
        more, result = finish(checklist, st)
        data: dict[str, Any] = {"answers": dict(st.answers), "result": result.get("summary", {})}
        if "valuation" in result:
            data["valuation"] = result["valuation"]
        return st, [Reply(text=echo), *replies, *more], Record(kind="checklist", key=checklist.key, data=data)

    def _assume(
        self, checklist: Checklist, st: ChecklistState, typed: str
    ) -> tuple[ChecklistState, list[Reply], None]:
        known = assumptions_for(self.playbooks, None, st.assumptions)
        try:
            name, value = parse_assumption(typed, known)
        except AssumptionError as problem:
            return st, [self._ask(checklist, st, str(problem))], None
        st.assumptions[name] = value
        replies: list[Reply] = []
        offer = self._main_offer(checklist, st)
        note = f"Now assuming `{name}` = {_num(value)}."
        if offer:
            revalued = self._value(st, offer)
            if name not in revalued.assumptions:
                note += " None of this offer's perks use it, so its value is unchanged."
            replies.append(valuation_reply(revalued, "Your offer per year, re-valued"))
        else:
            note += " " + describe_assumptions(assumptions_for(self.playbooks, None, st.assumptions))
        return st, [Reply(text=note), *replies, self._ask(checklist, st)], None

    # --- asking ------------------------------------------------------------------------------------

    def _ask(self, checklist: Checklist, st: ChecklistState, before: str = "") -> Reply:
        step = checklist.steps[st.step]
        lines = [before] if before else []
        lines.append(f"**{escape(checklist.title, 80)}**: step {st.step + 1} of {len(checklist.steps)}"
                     + (" (optional)" if step.optional else ""))
        lines.append(step.prompt.strip())
        if step.help:
            lines.append(step.help.strip())
        hint = self._hint(step, st)
        if hint:
            lines.append(hint)
        previous = st.answers.get(step.key)
        if previous is not None:
            lines.append(f"Last time you said: {self._echo_value(step, previous, st)}. "
                         "Answer again to keep or change it.")
        return Reply(text="\n".join(lines), choices=self._choices(step, st))

    def _hint(self, step: Step, st: ChecklistState) -> str:
        bounds = self._bounds_text(step, st)
        match step.kind:
            case StepKind.money:
                return "An amount, e.g. `95000` or `95k`" + (f" ({bounds})." if bounds else ".")
            case StepKind.percent:
                return "A percentage, e.g. `4%`" + (f" ({bounds})." if bounds else ".")
            case StepKind.number:
                return "A number" + (f" ({bounds})." if bounds else ".")
            case StepKind.confirm:
                return "Yes or no."
            case StepKind.choice:
                return "Pick one: " + " · ".join(f"{i}. {escape(o, 60)}" for i, o in enumerate(step.options, 1))
            case StepKind.ranking:
                left = [o for o in step.options if o not in st.picked]
                listed = " · ".join(f"{step.options.index(o) + 1}. {escape(o, 60)}" for o in left)
                if st.picked:
                    so_far = ", ".join(f"{i}. {escape(o, 60)}" for i, o in enumerate(st.picked, 1))
                    return f"So far: {so_far}. Tap the next one, or type the rest in order. Left: {listed}"
                return ("Tap them from most to least important, or type the numbers in order, e.g. "
                        f"`{' '.join(str(i) for i in range(min(len(step.options), 3), 0, -1))}`. {listed}")
            case StepKind.offer:
                if st.partial:
                    got = self._terms_text(st.partial, st)
                    if self._needs_base(st, step) and "base_salary" not in st.partial:
                        return f"So far I have: {got}. Still needed: the **base salary**, e.g. `base 95k`."
                    return f"So far I have: {got}. Add or correct terms, or type `done` to go on with these."
                return f"Write the terms in your own words, e.g. {_OFFER_EXAMPLE}."
            case _:
                return "A sentence or two is plenty."

    def _choices(self, step: Step, st: ChecklistState) -> tuple[Choice, ...]:
        # Steps that take a number get no buttons: a terminal maps a typed number to a button.
        choices: list[Choice] = []

        def add(value: str, label: str, style: ChoiceStyle = ChoiceStyle.default) -> None:
            choices.append(Choice(id=f"{CHOICE_PREFIX}{step.key}:{value}"[:64], label=label[:75], style=style))

        if step.kind in (StepKind.choice, StepKind.ranking):
            for i, option in enumerate(step.options):
                if option not in st.picked:
                    add(str(i), option)
            if step.kind is StepKind.ranking and st.picked:
                add("restart", "Start over")
        elif step.kind is StepKind.offer and st.partial and (
                "base_salary" in st.partial or not self._needs_base(st, step)):
            add("done", "Done", ChoiceStyle.primary)
        elif step.kind is StepKind.confirm:
            add("yes", "Yes", ChoiceStyle.primary)
            add("no", "No")
        elif step.kind not in (StepKind.text, StepKind.offer):
            return ()
        if step.optional:
            add("skip", "Skip")
        if st.step > 0:
            add("back", "Back")
        return tuple(choices)

    def _bounds_text(self, step: Step, st: ChecklistState) -> str:
        def fmt(x: float) -> str:
            if step.kind is StepKind.money:
                return units.money(x, st.currency or "USD")
            return f"{_num(x)}%" if step.kind is StepKind.percent else _num(x)

        if step.min is not None and step.max is not None:
            return f"between {fmt(step.min)} and {fmt(step.max)}"
        if step.min is not None:
            return f"at least {fmt(step.min)}"
        if step.max is not None:
            return f"at most {fmt(step.max)}"
        return ""

    # --- reading answers ---------------------------------------------------------------------------

    def _read(
        self, checklist: Checklist, st: ChecklistState, step: Step, typed: str, picked: str | None
    ) -> tuple[Any, str]:
        match step.kind:
            case StepKind.money | StepKind.number | StepKind.percent:
                if picked is not None:
                    raise _Retry("Type the figure, please.")
                return self._read_figure(checklist, st, step, typed)
            case StepKind.choice:
                option = self._read_option(step, typed, picked)
                return option, f"Noted: **{escape(option, 80)}**."
            case StepKind.ranking:
                return self._read_ranking(st, step, typed, picked)
            case StepKind.confirm:
                yes = self._read_confirm(typed, picked)
                return yes, f"Noted: **{'yes' if yes else 'no'}**."
            case StepKind.offer:
                if picked == "done" or (picked is None and st.partial and typed.lower().strip(" .!") in _DONE):
                    return self._finish_offer(st, step)
                if picked is not None:
                    raise _Retry(f"Type the offer's terms, e.g. {_OFFER_EXAMPLE}.")
                return self._read_offer(checklist, st, step, typed)
            case _:
                if picked is not None:
                    raise _Retry("Type your answer, please.")
                kept = typed[:MAX_TEXT_CHARS]
                cut = " (I kept the first 1,000 characters.)" if len(typed) > MAX_TEXT_CHARS else ""
                return kept, f"Noted: “{escape(kept, 120)}”.{cut}"

    def _read_figure(self, checklist: Checklist, st: ChecklistState, step: Step, typed: str) -> tuple[Any, str]:
        kind = step.kind
        text = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)", "", typed)  # "95 000"
        if kind is StepKind.money:
            text = re.sub(r"(?<=\d)\s*[mM]\b(?!\s*(?:onth|o\b))", " million", text)
        amounts = [a for a in find_amounts(text.lower()) if a.unit in _UNITS_FOR[kind]]
        if not amounts:
            example = {"money": "`95000` or `95k`", "percent": "`4%` or `4`", "number": "`3`"}[kind.value]
            raise _Retry(f"I couldn't read that as {'an amount' if kind is StepKind.money else 'a number'}. "
                         f"Try {example}.")
        amount = amounts[0]
        value = amount.value
        if amount.range and step.key.endswith(("_high", "_max")):
            value = amount.range[1]
        per_note = ""
        if kind is StepKind.money and amount.per and amount.per != "year":
            value *= {"month": 12, "week": 52, "day": 260, "hour": 2080}.get(amount.per, 1)
            per_note = f" a year ({_num(amount.value)} a {amount.per})"
        if not math.isfinite(value) or abs(value) > (_MONEY_CAP if kind is StepKind.money else _NUMBER_CAP):
            raise _Retry("That number is too large to be right. Please check it and type it again.")
        if kind is StepKind.money and value < 0:
            raise _Retry("An amount can't be negative here.")
        if kind is StepKind.percent and not 0 <= value <= 1000:
            raise _Retry("A percentage here should be between 0 and 1,000.")
        if (step.min is not None and value < step.min) or (step.max is not None and value > step.max):
            raise _Retry(f"That's outside what this step takes: {self._bounds_text(step, st)}.")
        if kind is StepKind.money and amount.currency:
            st.currency = st.currency or amount.currency
        problem = self._cross_check(checklist, st, step, value)
        if problem:
            raise _Retry(problem)
        shown = self._echo_value(step, value, st)
        if amount.range and step.key.endswith(("_low", "_min")) and amount.range[1] >= value:
            partner = self._fill_range_partner(checklist, st, step, amount.range[1])
            if partner:
                shown += f" to {self._echo_value(step, amount.range[1], st)}"
        return value, f"Noted: **{shown}**{per_note}."

    def _fill_range_partner(self, checklist: Checklist, st: ChecklistState, step: Step, high: float) -> str | None:
        """Answer the matching "_high" step from a range typed for the "_low" one; its key, if any."""
        partner = step.key.rsplit("_", 1)[0] + ("_high" if step.key.endswith("_low") else "_max")
        partner_step = next((s for s in checklist.steps if s.key == partner), None)
        if partner_step is None or (partner_step.max is not None and high > partner_step.max):
            return None
        st.answers[partner] = high
        return partner

    def _cross_check(self, checklist: Checklist, st: ChecklistState, step: Step, value: float) -> str | None:
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

    def _read_option(self, step: Step, typed: str, picked: str | None) -> str:
        if picked is not None:
            if picked.isdigit() and int(picked) < len(step.options):
                return step.options[int(picked)]
            raise _Retry("That button is out of date; pick again.")
        found = _match_option(typed, step.options)
        if found is None:
            raise _Retry(f"I couldn't match “{escape(typed, 60)}” to an option. Type its number or its name.")
        return found

    def _read_ranking(self, st: ChecklistState, step: Step, typed: str, picked: str | None) -> tuple[Any, str]:
        options = step.options
        if picked is not None:
            if not (picked.isdigit() and int(picked) < len(options)):
                raise _Retry("That button is out of date; pick again.")
            option = options[int(picked)]
            if option not in st.picked:
                st.picked.append(option)
            left = [o for o in options if o not in st.picked]
            if len(left) > 1:
                return _PENDING, f"**{len(st.picked)}. {escape(option, 60)}**"
            ranking = [*st.picked, *left]
        else:
            parts = [p for p in re.split(r"[,;>\n/]+|\s+(?:then|and)\s+|\s+(?=\d)", typed) if p.strip()]
            if len(parts) == 1 and re.fullmatch(r"\d+", parts[0].strip()) and len(parts[0].strip()) > 1 \
                    and len(options) <= 9:
                parts = list(parts[0].strip())  # "213"
            ranking = [*st.picked]
            for part in parts:
                option = _match_option(part.strip(" ."), options)
                if option is None:
                    raise _Retry(f"I couldn't match “{escape(part.strip(), 40)}” to an option. Use the numbers, "
                                 "e.g. `2 1 3`, or the names separated by commas.")
                if option in ranking:
                    raise _Retry(f"**{escape(option, 60)}** appears twice. List each option once.")
                ranking.append(option)
            ranking += [o for o in options if o not in ranking]
        shown = ", ".join(f"{i}. {escape(o, 60)}" for i, o in enumerate(ranking, 1))
        return ranking, f"Your order: {shown}."

    def _read_confirm(self, typed: str, picked: str | None) -> bool:
        if picked in ("yes", "no"):
            return picked == "yes"
        said = typed.lower().strip(" .!")
        if said in _YES or said.startswith(("yes", "yeah", "yep", "sure")):
            return True
        if said in _NO or said.startswith(("no ", "no,", "nope")):
            return False
        raise _Retry("Please answer **yes** or **no**.")

    def _read_offer(self, checklist: Checklist, st: ChecklistState, step: Step, typed: str) -> tuple[Any, str]:
        understanding = self.understander.read(typed)
        read = read_terms(understanding, self.playbooks, current=st.partial)
        merged = {**st.partial, **read.terms}
        terms = {k: merged[k] for k in self.playbooks.perks if k in merged}
        notes = "".join(f"\n- {escape(p, 200)}" for p in read.problems)
        if not terms:
            raise _Retry(f"I couldn't find any terms in that. Try something like {_OFFER_EXAMPLE}.{notes}")
        if read.currency:
            st.currency = st.currency or read.currency
        st.assumptions.update(read.assumptions)
        got = f"Got it: {self._terms_text(terms, st)}.{notes}"
        if self._needs_base(st, step) and "base_salary" not in terms:
            st.partial = terms
            return _PENDING, got
        if read.problems:
            # Something the user meant to include was not understood: let them rephrase it before it is
            # lost from the valuation or the written summary.
            st.partial = terms
            return _PENDING, got + "\nRephrase what I missed (e.g. `5% raise review`), or type `done` to go on."
        return terms, got

    def _finish_offer(self, st: ChecklistState, step: Step) -> tuple[Any, str]:
        if self._needs_base(st, step) and "base_salary" not in st.partial:
            raise _Retry("I still need the **base salary** to value the perks, e.g. `base 95k`.")
        return dict(st.partial), f"Got it: {self._terms_text(st.partial, st)}."

    def _needs_base(self, st: ChecklistState, step: Step) -> bool:
        # Valuing an offer needs its salary; an agreed package to confirm in writing may change only perks.
        checklist = self.playbooks.checklists.get(st.key)
        return step.key != "agreed_terms" and (checklist is None or checklist.finish != "close_email")

    # --- showing answers ---------------------------------------------------------------------------

    def _echo_value(self, step: Step, value: Any, st: ChecklistState) -> str:
        if value is None:
            return "skipped"
        match step.kind:
            case StepKind.money:
                return units.money(float(value), st.currency or "USD")
            case StepKind.percent:
                return f"{_num(float(value))}%"
            case StepKind.number:
                return _num(float(value))
            case StepKind.confirm:
                return "yes" if value else "no"
            case StepKind.ranking:
                return ", ".join(escape(str(o), 60) for o in value)
            case StepKind.offer:
                return self._terms_text(value, st) if isinstance(value, dict) else "—"
            case _:
                return f"“{escape(str(value), 120)}”"

    def _terms_text(self, terms: dict[str, float], st: ChecklistState) -> str:
        parts = []
        for key, amount in terms.items():
            perk = self.playbooks.perks.get(key)
            if perk is not None:
                parts.append(f"{perk.label} {units.show(amount, perk, st.currency or 'USD')}")
        return ", ".join(parts) or "nothing"

    # --- computations shown after a step -------------------------------------------------------------

    def _value(self, st: ChecklistState, terms: dict[str, float]) -> Valuation:
        return value_offer(terms, self.playbooks, assumptions=st.assumptions, currency=st.currency or "USD")

    def _offers(self, checklist: Checklist, st: ChecklistState) -> list[tuple[Step, dict[str, float]]]:
        return [(s, st.answers[s.key]) for s in checklist.steps
                if s.kind is StepKind.offer and isinstance(st.answers.get(s.key), dict) and st.answers[s.key]]

    def _main_offer(self, checklist: Checklist, st: ChecklistState) -> dict[str, float] | None:
        offers = self._offers(checklist, st)
        return offers[0][1] if offers else None

    def _money_answer(self, st: ChecklistState, *keys: str) -> float | None:
        for key in keys:
            value = st.answers.get(key)
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value)
        return None

    def _show_perk_values(self, checklist: Checklist, st: ChecklistState, step: Step) -> list[Reply]:
        answer = st.answers.get(step.key)
        if step.kind is StepKind.offer and isinstance(answer, dict):
            return [valuation_reply(self._value(st, answer), "This offer per year")]
        return [self._unit_values(checklist, st)]

    def _unit_values(self, checklist: Checklist, st: ChecklistState) -> Reply:
        """What one more unit of each prioritised perk is worth a year, on the user's own figures."""
        base, source = self._reference_base(checklist, st)
        keys = self._priority_perks(st) or ["pto", "remote_work", "retirement_match", "sign_on_bonus",
                                            "raise_review", "severance", "professional_development"]
        merged = assumptions_for(self.playbooks, None, st.assumptions)
        cur = st.currency or "USD"
        lines: list[str] = []
        used: dict[str, float] = {}
        for key in keys:
            perk = self.playbooks.perks.get(key)
            if perk is None or key == "base_salary":
                continue
            step_amount, what = _UNIT_STEP.get(perk.unit, (1.0, "having it"))
            if perk.unit is Unit.hours:
                step_amount = merged.get("baseline_hours", 40) - 1
            worth = yearly_value(key, step_amount, base, self.playbooks, merged)
            if worth is None:
                lines.append(f"- **{perk.label}**: not priced. {perk.explain}")
                continue
            if perk.value in (ValueMethod.money_per_year, ValueMethod.salary):
                lines.append(f"- **{perk.label}**: counted at face value, money for money. {perk.explain}")
                continue
            if perk.unit is Unit.money:
                what = f"each {units.money(1000, cur)} up front"
            lines.append(f"- **{perk.label}**: {what} ≈ **{units.money(worth, cur)} a year**")
            used.update({k: merged[k] for k in used_assumptions(perk) if k in merged})
        head = f"What each perk is worth to you a year, on a base of **{units.money(base, cur)}** ({source}):"
        footer = [describe_assumptions(used)] if used else []
        return Reply(text="\n".join([head, *lines, *footer]))

    def _reference_base(self, checklist: Checklist, st: ChecklistState) -> tuple[float, str]:
        offer = self._main_offer(checklist, st)
        if offer and offer.get("base_salary"):
            return offer["base_salary"], "the offer's base"
        target = self._money_answer(st, "target")
        if target:
            return target, "your target"
        low, high = self._money_answer(st, "market_low"), self._money_answer(st, "market_high")
        if low and high:
            return (low + high) / 2, "the middle of your market range"
        if low or high:
            return float(low or high or 0), "your market figure"
        return 100_000.0, "an example; your own figures will replace it"

    def _priority_perks(self, st: ChecklistState) -> list[str]:
        ranking = st.answers.get("priorities")
        if not isinstance(ranking, list):
            return []
        keys: list[str] = []
        for label in ranking:
            key = self._perk_for_label(str(label))
            if key and key not in keys:
                keys.append(key)
        return keys

    def _perk_for_label(self, label: str) -> str | None:
        text = label.lower()
        best: tuple[int, str] | None = None
        for key, perk in self.playbooks.perks.items():
            for name in (key.replace("_", " "), perk.label.lower(), *perk.synonyms):
                if re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", text) and (best is None
                                                                                    or len(name) > best[0]):
                    best = (len(name), key)
        if best:
            return best[1]
        names = {n.lower(): k for k, p in self.playbooks.perks.items() for n in (p.label, *p.synonyms)}
        found = process.extractOne(text, list(names), scorer=fuzz.WRatio, score_cutoff=85)
        return names[found[0]] if found else None

    def _show_offer_total(self, checklist: Checklist, st: ChecklistState, step: Step) -> list[Reply]:
        answer = st.answers.get(step.key)
        terms = answer if isinstance(answer, dict) else self._main_offer(checklist, st)
        if not terms:
            return []
        return [valuation_reply(self._value(st, terms), "This offer per year")]

    def _show_target_gap(self, checklist: Checklist, st: ChecklistState, step: Step) -> list[Reply]:
        text = self._gap_text(checklist, st)
        return [Reply(text=text)] if text else []

    def _gap_text(self, checklist: Checklist, st: ChecklistState) -> str:
        cur = st.currency or "USD"
        target = self._money_answer(st, "target")
        walk_away = self._money_answer(st, "walk_away")
        low, high = self._money_answer(st, "market_low"), self._money_answer(st, "market_high")
        offer = self._main_offer(checklist, st)
        lines: list[str] = []
        if target and offer:
            v = self._value(st, offer)
            base = v.base
            if base:
                gap = target - base
                if gap > 0:
                    lines.append(f"The base salary ({units.money(base, cur)}) is **{units.money(gap, cur)} below** "
                                 f"your target of {units.money(target, cur)}.")
                else:
                    lines.append(f"The base salary ({units.money(base, cur)}) meets your target of "
                                 f"{units.money(target, cur)}.")
            total_gap = v.total - target
            if total_gap >= 0:
                lines.append(f"Counting the perks, the package is worth {units.money(v.total, cur)} a year: "
                             f"**{units.money(total_gap, cur)} above** your target.")
            else:
                lines.append(f"Counting the perks, the package is worth {units.money(v.total, cur)} a year: "
                             f"still **{units.money(-total_gap, cur)} short** of your target. Ask for the gap "
                             "with your justification, or for perks that close it.")
            if walk_away and base and base < walk_away and v.total < walk_away:
                lines.append(f"It is below your walk-away ({units.money(walk_away, cur)}), even with the perks.")
        if target and low and high:
            if target < low:
                lines.append(f"Your target ({units.money(target, cur)}) is below the market range you found "
                             f"({units.money(low, cur)}–{units.money(high, cur)}): you may be asking too little.")
            elif target > high:
                lines.append(f"Your target ({units.money(target, cur)}) is above the market range you found: "
                             "be ready to justify it with your results and skills.")
            else:
                share = (target - low) / (high - low) if high > low else 1.0
                lines.append(f"Your target sits {round(share * 100)}% of the way up the market range "
                             f"({units.money(low, cur)}–{units.money(high, cur)}). Aiming near the top, with reasons, "
                             "leaves room to meet in the middle.")
        if walk_away and target and not offer:
            lines.append(f"Room between your walk-away and your target: {units.money(target - walk_away, cur)}.")
        return "\n".join(lines)

    # --- finishes ----------------------------------------------------------------------------------

    def _finish_generic(self, checklist: Checklist, st: ChecklistState) -> tuple[list[Reply], dict[str, Any]]:
        fields = [CardField(label=s.prompt.strip()[:60], value=self._echo_value(s, st.answers.get(s.key), st),
                            inline=False) for s in checklist.steps]
        return [Reply(text=f"**{escape(checklist.title, 120)}**: done.",
                      cards=(Card(title="Your answers", fields=tuple(fields)),))], {"summary": {}}

    def _finish_prepare(self, checklist: Checklist, st: ChecklistState) -> tuple[list[Reply], dict[str, Any]]:
        cur = st.currency or "USD"
        a = st.answers
        low, high = self._money_answer(st, "market_low"), self._money_answer(st, "market_high")
        target, walk_away = self._money_answer(st, "target"), self._money_answer(st, "walk_away")
        priorities = a.get("priorities") if isinstance(a.get("priorities"), list) else []
        fields: list[CardField] = []
        if low is not None or high is not None:
            fields.append(CardField(label="Market range", value=f"{_m(low, cur)} – {_m(high, cur)}"))
        if target is not None:
            fields.append(CardField(label="Your target", value=units.money(target, cur)))
        if walk_away is not None:
            fields.append(CardField(label="Walk-away (keep it to yourself)", value=units.money(walk_away, cur)))
        if priorities:
            fields.append(CardField(label="Priorities", value=", ".join(escape(str(p), 40) for p in priorities[:3]),
                                    inline=False))
        offer = self._main_offer(checklist, st)
        summary: dict[str, Any] = {"market_low": low, "market_high": high, "target": target, "walk_away": walk_away,
                                   "priorities": priorities}
        if offer:
            v = self._value(st, offer)
            fields.append(CardField(label="Offer on the table, per year", value=units.money(v.total, cur)))
            summary["offer_total"] = round(v.total, 2)
        timing = a.get("timing")
        if isinstance(timing, str):
            fields.append(CardField(label="Timing", value=escape(timing, 80)))

        advice = ["**Your plan**"]
        if priorities:
            advice.append(f"- Lead with **{escape(str(priorities[0]), 60)}**; the ones lower down are what you "
                          "can trade.")
        gap = self._gap_text(checklist, st)
        if gap:
            advice += [f"- {line}" for line in gap.split("\n")]
        if isinstance(timing, str) and not re.search(r"writ|wait|after", timing, re.I):
            advice.append("- Wait for the written offer before you negotiate the details: then you know exactly "
                          "what you are improving.")
        else:
            advice.append("- Negotiate once the written offer is in hand, and ask about the whole package at once.")
        justification = a.get("justification")
        if isinstance(justification, str) and justification.strip():
            advice.append("- Open warmly, then give your reason:")
            advice.append(f"> {escape(justification, 400)}")
        else:
            advice.append("- Prepare one or two reasons for your ask: a result you delivered, a skill they need, "
                          "or your market figures.")
        if target is not None:
            advice.append(f"- Name a number: “Based on my research and what I bring, I'm looking for "
                          f"{units.money(target, cur)}.”")
        advice.append("- When you agree, ask for it in writing (the `close` checklist drafts the e-mail).")
        replies = [Reply(text="\n".join(advice), cards=(Card(title="Your negotiation plan", fields=tuple(fields)),))]
        perk_reply = self._unit_values(checklist, st) if priorities else None
        if perk_reply and not any(s.show == "perk_values" for s in checklist.steps):
            replies.insert(0, perk_reply)
        return replies, {"summary": summary}

    def _finish_review(self, checklist: Checklist, st: ChecklistState) -> tuple[list[Reply], dict[str, Any]]:
        offers = self._offers(checklist, st)
        if not offers:
            return [Reply(text="No offer was entered, so there is nothing to value. Run the checklist again with "
                               "the offer's terms.")], {"summary": {}}
        main = self._value(st, offers[0][1])
        shown = {s.show for s in checklist.steps}
        replies: list[Reply] = []
        if len(offers) == 1:
            replies.append(valuation_reply(main, "Your offer per year"))
        summary: dict[str, Any] = {"total": round(main.total, 2), "base": main.base}
        target = self._money_answer(st, "target")
        gap = self._gap_text(checklist, st)
        if gap and "target_gap" not in shown:
            replies.append(Reply(text=gap))
        if target is not None:
            summary["target"] = target
            summary["gap_to_target"] = round(target - main.total, 2)
        result: dict[str, Any] = {"summary": summary, "valuation": main.summary()}
        if len(offers) > 1:
            other = self._value(st, offers[1][1])
            replies.append(compare(main, other, ("This offer", "The other offer")))
            summary["second_total"] = round(other.total, 2)
            summary["difference"] = round(other.total - main.total, 2)
            result["valuation"] = {**main.summary(), "compared_with": other.summary()}
        tail = "\nDifferent assumptions? Type `assume NAME VALUE` at any step of a review to re-value the offer."
        replies[-1] = replies[-1].model_copy(update={"text": replies[-1].text + tail})
        return replies, result

    def _finish_close(self, checklist: Checklist, st: ChecklistState) -> tuple[list[Reply], dict[str, Any]]:
        a = st.answers
        cur = st.currency or "USD"
        agreed = a.get("agreed_terms") if isinstance(a.get("agreed_terms"), dict) else self._main_offer(checklist, st)
        recipient = _plain(a.get("recipient"), 120)
        start = _plain(a.get("start_date_text"), 200)
        notes = _plain(a.get("extra_notes"), MAX_TEXT_CHARS)
        lines_plain: list[str] = []
        lines_markup: list[str] = []
        for key, amount in (agreed or {}).items():
            perk = self.playbooks.perks.get(key)
            if perk is None:
                continue
            shown = units.show(amount, perk, cur)
            review_month = st.assumptions.get("raise_review_after_months")
            if key == "raise_review" and review_month is not None:
                shown += f" after a review at month {_num(review_month)}"
            lines_plain.append(f"- {perk.label}: {shown}")
            lines_markup.append(f"- {perk.label}: {escape(shown, 80)}")
        if start:
            lines_plain.append(f"- Start date: {start}")
            lines_markup.append(f"- Start date: {escape(start, 200)}")
        if a.get("writing_promised") is True:
            ask_letter = ("As you kindly offered, I look forward to the updated offer letter with these terms, "
                          "and I'll sign it as soon as it arrives.")
        else:
            ask_letter = ("Could you please send me an updated offer letter that includes these terms? I'll sign "
                          "it as soon as it arrives.")
        email_to = recipient if recipient and re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", recipient) else ""
        greeting_name = "" if email_to or not recipient else recipient
        draft = [
            *([f"To: {email_to}"] if email_to else []),
            "Subject: Confirming the details of my offer",
            "",
            f"Hi {greeting_name}," if greeting_name else "Hello,",
            "",
            "Thank you again for the offer; I'm delighted to accept. So that we both have the same record, "
            "here is what we agreed:",
            "",
            *lines_plain,
            "",
            *([notes, ""] if notes else []),
            ask_letter,
            "",
            "Best regards,",
        ]
        content = "\n".join(draft) + "\n"
        markup = [
            "**Get it in writing.** Here is a draft to send back; the same text is attached to copy.",
            "",
            *([f"> To: {escape(email_to, 120)}"] if email_to else []),
            "> Subject: Confirming the details of my offer",
            f"> Hi {escape(greeting_name, 120)}," if greeting_name else "> Hello,",
            "> Thank you again for the offer; I'm delighted to accept. So that we both have the same record, "
            "here is what we agreed:",
            *lines_markup,
            *([f"> {escape(notes, 400)}"] if notes else []),
            f"> {ask_letter}",
            "> Best regards,",
        ]
        if not lines_plain:
            markup.append("No terms were entered: add them before you send it.")
        reply = Reply(text="\n".join(markup), attachment=Attachment(filename="offer-confirmation.txt",
                                                                    content=content, mime="text/plain"))
        summary = {"email": content, "terms": dict(agreed or {})}
        return [reply], {"summary": summary}


# --- helpers ---------------------------------------------------------------------------------------

_PENDING: Any = object()  # the step needs more input before it is answered

_UNITS_FOR: dict[StepKind, tuple[str | None, ...]] = {
    StepKind.money: (None, "money"),
    StepKind.percent: (None, "percent"),
    StepKind.number: (None, "money", "percent", "days", "weeks", "months", "years", "hours"),
}

_UNIT_STEP: dict[Unit, tuple[float, str]] = {
    Unit.days: (1.0, "each extra day"),
    Unit.days_per_week: (1.0, "each day a week"),
    Unit.percent: (1.0, "each 1%"),
    Unit.weeks: (1.0, "each week"),
    Unit.months: (1.0, "each month"),
    Unit.years: (1.0, "each year"),
    Unit.hours: (0.0, "each hour less a week"),  # the amount is baseline_hours - 1, set when used
    Unit.flag: (1.0, "having it"),
    Unit.level: (1.0, "each level"),
    Unit.money: (1000.0, "each 1,000"),
}


def _match_option(typed: str, options: list[str]) -> str | None:
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
    found = process.extractOne(said, lowered, scorer=fuzz.WRatio, score_cutoff=80)
    return options[found[2]] if found else None


def _num(x: float) -> str:
    if abs(x) >= 1e12:
        return f"{x:.3g}"
    return f"{x:,.2f}".rstrip("0").rstrip(".") if x != int(x) else f"{int(x):,}"


def _m(x: float | None, currency: str) -> str:
    return "?" if x is None else units.money(x, currency)


def _plain(value: Any, limit: int) -> str:
    """User text for a plain-text file: cleaned, on one line, cut to `limit`."""
    if not isinstance(value, str):
        return ""
    text = clean_user_text(value).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
