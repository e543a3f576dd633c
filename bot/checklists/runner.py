"""Guided checklists: one typed question at a time, validated, resumable.

A :class:`ChecklistRunner` walks a :class:`bot.playbooks.models.Checklist` step by step: it asks
each question with its hint and buttons, hands the answer to the reader for the step's kind
(:mod:`bot.checklists.answers`), and re-asks with a friendly hint when it cannot be read, without
losing earlier answers. ``back`` goes to the previous step, ``skip`` passes an optional one, and
``assume NAME VALUE`` changes a valuation assumption at any step. All of it lives in
:class:`bot.session.ChecklistState`, so a checklist resumes exactly where it was after a restart.

Steps and finishes can name computations (``show:`` and ``finish:`` in the YAML); they live in
:mod:`bot.checklists.results`.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.checklists.answers import (
    NO_WORDS,
    OFFER_EXAMPLE,
    PENDING,
    Retry,
    Understander,
    bounds_text,
    echo_value,
    figure,
    needs_base,
    read_answer,
    terms_text,
)
from bot.checklists.results import FINISHES, SHOWS, Finish, Show, finish_generic, main_offer, value_terms
from bot.commands import ChoiceId, ChoiceKind
from bot.markup import clean_user_text, escape
from bot.messages import Choice, ChoiceStyle, Reply, ReplyKind
from bot.playbooks.models import Checklist, Playbooks, Step, StepKind
from bot.session import ChecklistState, Record
from bot.valuation.value import (
    AssumptionError,
    assumptions_for,
    describe_assumptions,
    is_assumption_message,
    parse_assumption,
    valuation_reply,
)

log = logging.getLogger(__name__)

_BACK_WORDS = {"back", "go back", "previous", "prev", "undo"}
_SKIP_WORDS = {"skip", "pass", "skip it", "skip this", "n/a", "none", "-"}
_DECLINE_WORDS = {"nothing", "no offer", "no offer yet", "nothing else", "no thanks"}
_BUTTON_COMMANDS = {"back", "skip", "restart", "done"}
# One answer's result: the new state, the replies, and the record when it finished the checklist.
Answered = tuple[ChecklistState, list[Reply], Record | None]

__all__ = ["ChecklistRunner", "Understander", "split_records"]

def split_records(record: Record | None) -> list[Record]:
    """The checklist record, plus a separate valuation record when the checklist valued an offer."""
    if record is None:
        return []
    out = [record]
    valuation = record.data.get("valuation")
    if isinstance(valuation, dict):
        out.append(Record(kind="valuation", key=record.key, data=valuation))
    return out


def _picked(step: Step, choice: ChoiceId) -> str | None:
    """What a step button picked, or None when it is not a button of this step (an older one)."""
    if choice.kind is not ChoiceKind.step or choice.value != step.key:
        return None
    return choice.detail


def _skips(step: Step, command: str) -> bool:
    """Whether the answer passes the step: `skip`, or a "no"/"nothing" to an optional free-text one."""
    declined = step.optional and step.kind in (StepKind.text, StepKind.offer) and (
        command in NO_WORDS or command in _DECLINE_WORDS)
    return declined or (command in _SKIP_WORDS and (step.optional or command == "skip"))


class ChecklistRunner:
    """Runs checklists over the playbooks; pure: every call returns a new state and the replies."""

    def __init__(self, playbooks: Playbooks, understander: Understander) -> None:
        self.playbooks = playbooks
        self.understander = understander
        self._shows: dict[str, Show] = SHOWS
        self._finishes: dict[str, Finish] = FINISHES

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

    def answer(self, state: ChecklistState, text: str | None, choice: ChoiceId | None) -> Answered:
        """Take one answer (typed text, or a picked step button) for the current step.

        Returns the new state, the replies, and at the finish a Record(kind "checklist") whose
        ``data`` holds the answers and the result (see :func:`split_records` for the valuation).
        `state` itself is left as it was.
        """
        checklist = self.playbooks.checklists.get(state.key)
        if checklist is None:
            return state, [Reply(text="That checklist is no longer in the playbooks.", kind=ReplyKind.notice)], None
        st = self._clamped(checklist, state.model_copy(deep=True))
        if st.done:
            return st, self.resume(st), None
        step = checklist.steps[st.step]
        typed = clean_user_text(text or "").strip()
        picked: str | None = None
        command = typed.lower().strip(" .!")
        if choice:
            picked = _picked(step, choice)
            if picked is None:
                stale = "That button belongs to another step. Here is where we are:"
                return st, [self._ask(checklist, st, stale)], None
            command = picked if picked in _BUTTON_COMMANDS else ""
        moved = self._navigate(checklist, st, step, command)
        if moved is not None:
            return moved
        # In a free-text step only the exact form counts, so "Assume I ship it in May…" stays an answer.
        if picked is None and is_assumption_message(typed, strict=step.kind is StepKind.text):
            return self._assume(checklist, st, typed)
        if picked is None and not typed:
            return st, [self._ask(checklist, st, "I didn't catch an answer.")], None
        return self._record(checklist, st, step, typed, picked)

    def _navigate(self, checklist: Checklist, st: ChecklistState, step: Step, command: str) -> Answered | None:
        """`back`, `skip` (or declining an optional step) and restarting a ranking; None for anything else."""
        if command in _BACK_WORDS:
            return self._back(checklist, st)
        if _skips(step, command):
            if not step.optional:
                return st, [self._ask(checklist, st, "This step can't be skipped; the rest builds on it.")], None
            st.answers[step.key] = None
            return self._advance(checklist, st, step, "Skipped.")
        if command == "restart" and step.kind is StepKind.ranking:
            st.picked = []
            return st, [self._ask(checklist, st, "Starting the ranking over.")], None
        return None

    def _record(self, checklist: Checklist, st: ChecklistState, step: Step, typed: str, picked: str | None) -> Answered:
        """Read the answer for the step, keep it, and go on (or ask again when it can't be read)."""
        answered_before = {k for k, v in st.answers.items() if v is not None}
        try:
            value, echo = read_answer(self.playbooks, self.understander, checklist, st, step, typed, picked)
        except Retry as retry:
            return st, [self._ask(checklist, st, str(retry))], None
        if value is PENDING:
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

    def _back(self, checklist: Checklist, st: ChecklistState) -> Answered:
        if st.step == 0:
            return st, [self._ask(checklist, st, "This is the first step.")], None
        st.step -= 1
        st.picked, st.partial = [], {}
        return st, [self._ask(checklist, st, "Going back one step.")], None

    def _advance(self, checklist: Checklist, st: ChecklistState, step: Step, echo: str) -> Answered:
        replies: list[Reply] = []
        if step.show:
            show = self._shows.get(step.show)
            if show is None:
                log.debug("checklist %s: unknown show computation %s", checklist.key, step.show)
            else:
                replies += show(self.playbooks, checklist, st, step)
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
        finish = self._finishes.get(checklist.finish, finish_generic)
        more, result = finish(self.playbooks, checklist, st)
        data: dict[str, Any] = {"answers": dict(st.answers), "result": result.get("summary", {})}
        if "valuation" in result:
            data["valuation"] = result["valuation"]
        return st, [Reply(text=echo), *replies, *more], Record(kind="checklist", key=checklist.key, data=data)

    def _assume(self, checklist: Checklist, st: ChecklistState, typed: str) -> Answered:
        known = assumptions_for(self.playbooks, None, st.assumptions)
        try:
            name, value = parse_assumption(typed, known)
        except AssumptionError as problem:
            return st, [self._ask(checklist, st, str(problem))], None
        st.assumptions[name] = value
        replies: list[Reply] = []
        offer = main_offer(checklist, st)
        note = f"Now assuming `{name}` = {figure(value)}."
        if offer:
            revalued = value_terms(self.playbooks, st, offer)
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
            lines.append(f"Last time you said: {echo_value(step, previous, st, self.playbooks.perks)}. "
                         "Answer again to keep or change it.")
        return Reply(text="\n".join(lines), choices=self._choices(step, st))

    def _hint(self, step: Step, st: ChecklistState) -> str:
        bounds = bounds_text(step, st)
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
                    got = terms_text(st.partial, st, self.playbooks.perks)
                    if needs_base(self.playbooks, st, step) and "base_salary" not in st.partial:
                        return f"So far I have: {got}. Still needed: the **base salary**, e.g. `base 95k`."
                    return f"So far I have: {got}. Add or correct terms, or type `done` to go on with these."
                return f"Write the terms in your own words, e.g. {OFFER_EXAMPLE}."
            case _:
                return "A sentence or two is plenty."

    def _choices(self, step: Step, st: ChecklistState) -> tuple[Choice, ...]:
        # Steps that take a number get no buttons: a terminal maps a typed number to a button.
        choices: list[Choice] = []

        def add(value: str, label: str, style: ChoiceStyle = ChoiceStyle.default) -> None:
            choices.append(ChoiceId(ChoiceKind.step, step.key, value).button(label[:75], style))

        if step.kind in (StepKind.choice, StepKind.ranking):
            for i, option in enumerate(step.options):
                if option not in st.picked:
                    add(str(i), option)
            if step.kind is StepKind.ranking and st.picked:
                add("restart", "Start over")
        elif step.kind is StepKind.offer and st.partial and (
                "base_salary" in st.partial or not needs_base(self.playbooks, st, step)):
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
