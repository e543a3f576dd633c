"""The engine: one pure step from (session state, incoming event) to (new state, replies).

It routes the commands of the catalogue (:mod:`bot.commands`), the buttons by their
:class:`~bot.commands.ChoiceId`, and free text to the flow in front (:class:`bot.flow.Flow`): a practice
(:mod:`bot.negotiation.practice`: the counterpart and coaching) or a checklist
(:mod:`bot.checklists.flow`). No I/O: export and forget are asked of the service as an
:class:`~bot.session.Action`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.checklists.flow import ChecklistFlow
from bot.commands import CATALOGUE, ChoiceId, ChoiceKind, command_button, find, help_lines, main_menu, nearest_command
from bot.flow import Flow, say
from bot.markup import clean_user_text, escape
from bot.messages import ChoiceStyle, ConversationKind, Incoming, Reply, ReplyKind
from bot.negotiation.practice import WALK_AWAY, PracticeRunner, is_active
from bot.playbooks.models import Playbooks
from bot.session import Action, Outcome, Record, SessionState
from bot.understanding.acts import Act, Context
from bot.valuation.value import compare, read_terms, valuation_reply, value_offer

if TYPE_CHECKING:
    from bot.playbooks.models import PerkDef
    from bot.understanding.acts import Reader, Understanding
    from bot.understanding.reader import Understander

WALK_YES = frozenset({"yes", "y", "end", "end the practice", "yes, end it", "quit", "exit", "i'm sure", "confirm"})
WALK_NO = frozenset({"no", "n", "keep negotiating", "keep going", "continue", "no, keep going"})
# What a typed answer must be to say yes to each pending question; anything else says no.
CONFIRM_YES = {"forget": frozenset({"yes", "y", "yes, delete everything", "confirm", "delete"}), WALK_AWAY: WALK_YES}


class LazyUnderstander:
    """Builds the real understander on the first message that needs reading.

    Its patterns take about a tenth of a second to compile, and the first reply a user sees
    (the menu) needs none of them: the terminal shows it sooner this way.
    """

    def __init__(self, perks: dict[str, PerkDef]) -> None:
        self._perks = perks
        self._real: Understander | None = None

    def read(self, text: str, context: Context | None = None) -> Understanding:
        if self._real is None:
            from bot.understanding.reader import Understander

            self._real = Understander(self._perks)
        return self._real.read(text, context)


_VERSUS = re.compile(r"\s+(?:vs\.?|versus)\s+|\s*\|\s*", re.IGNORECASE)
# In a practice or checklist, free text beginning with a command word is only a command when short:
# "end" is a command, "end of year bonus of 10%" is an ask.
_MAX_COMMAND_WORDS = 3


class Engine:
    def __init__(self, playbooks: Playbooks, understander: Reader, *, max_message_chars: int = 4000) -> None:
        self.playbooks = playbooks
        self.understander = understander
        self.max_chars = max_message_chars
        self.practices = PracticeRunner(playbooks, understander)
        self.checklists = ChecklistFlow(playbooks, understander)
        # In this order: a practice under way is hinted at and resumed before a checklist.
        self.flows: tuple[Flow, ...] = (self.practices, self.checklists)
        handlers: dict[str, Callable[[SessionState, str], Outcome]] = {
            "help": self._help, "practice": self.practices.open,
            "scenarios": lambda st, _args: self.practices.scenarios(st),
            "checklist": self.checklists.open, "value": self._value, "status": self._status, "hint": self._hint,
            "end": self._end, "resume": self._resume, "export": self._export, "forget": self._forget,
        }
        # Routed from the catalogue: a command without a handler fails here, at start-up.
        self._commands = {command.name: handlers[command.name] for command in CATALOGUE}
        self._choices: dict[ChoiceKind, Callable[[SessionState, ChoiceId], Outcome | None]] = {
            ChoiceKind.command: self._picked_command,
            ChoiceKind.practice: lambda st, picked: self.practices.open(st, picked.value),
            ChoiceKind.restart: lambda st, picked: self.practices.open(st, picked.value, force=True),
            ChoiceKind.checklist: lambda st, picked: self.checklists.open(st, picked.value),
            ChoiceKind.confirm: self._answer,
            ChoiceKind.step: self.checklists.answer_choice,
        }

    # --- entry point -------------------------------------------------------------------------------

    def step(self, state: SessionState, incoming: Incoming) -> Outcome:
        """One turn: the new state and the replies.

        It takes `state` over: it may change it in place, and the outcome's state is usually that same
        object. The service parses the state from the store for each turn and drops it if the step
        fails, so a copy here would only cost time (about a tenth of a turn); a caller that still
        needs the state it passed copies it first (:func:`bot.session.private_copy`).
        """
        state.turns += 1
        notices: list[Reply] = []
        text = clean_user_text(incoming.text or "").strip()
        if len(text) > self.max_chars:
            text = text[: self.max_chars]
            notices.append(Reply(
                text=f"Your message was long, so I read only its first {self.max_chars:,} characters.",
                kind=ReplyKind.notice,
            ))
        out = self._route(state, text, incoming.choice)
        if not notices and incoming.conversation_kind is not ConversationKind.channel:
            return out  # the common case: nothing to add or change, so no copy of the outcome
        replies = notices + out.replies
        if incoming.conversation_kind is ConversationKind.channel:
            # Negotiation details are private: a command typed in a shared channel is answered in the DM.
            replies = [r.model_copy(update={"move_to_private": True}) for r in replies]
        return out.model_copy(update={"replies": replies})

    def _route(self, st: SessionState, text: str, choice: str | None) -> Outcome:
        if choice:
            st.agreed = None
            return self._choice(st, choice)
        if not text:
            return say(st, "I didn't catch anything there. Type `help` to see what I can do.", menu=True)
        if st.confirm:
            return self._confirm(st, text)
        command, args = self._command(st, text)
        if command:
            st.agreed = None
            return self._commands[command](st, args)
        flow = self._front(st)
        if flow is not None:
            return flow.take_turn(st, text)
        if st.agreed:
            after = self.practices.after_agreement(st, text)
            if after is not None:
                return after
        return self._unknown(st, text)

    def _front(self, st: SessionState) -> Flow | None:
        """The flow the user is in now, if any."""
        return next((flow for flow in self.flows if flow.in_front(st)), None)

    def _command(self, st: SessionState, text: str) -> tuple[str | None, str]:
        words = text.split()
        first = words[0].lower().lstrip("/!")
        # "help?" names help, but "?" alone is itself an alias and must not be stripped to nothing.
        command = find(first.rstrip(".!?:,") or first)
        if command is None:
            return None, ""
        busy = st.mode != "idle"
        if busy and len(words) > _MAX_COMMAND_WORDS:
            return None, ""
        return command.name, " ".join(words[1:])

    # --- commands ----------------------------------------------------------------------------------

    def _export(self, st: SessionState, _args: str = "") -> Outcome:
        # The service says what it attached, after it has built the file.
        return Outcome(state=st, replies=[], action=Action.export)

    def _forget(self, st: SessionState, _args: str = "") -> Outcome:
        st.confirm = "forget"
        return Outcome(state=st, replies=[Reply(
            text="This deletes **all** your practices, checklists and messages, for good. Are you sure?",
            choices=(ChoiceId(ChoiceKind.confirm, "forget", "yes").button("Yes, delete everything", ChoiceStyle.danger),
                     ChoiceId(ChoiceKind.confirm, "forget", "no").button("No, keep it")),
        )])

    def _help(self, st: SessionState, _args: str = "") -> Outcome:
        lines = ["**Offer Coach** helps you negotiate a job offer: the salary, and the perks around it.", ""]
        lines += help_lines()
        lines += ["", "In a team channel, admins can set up a weekly tip (`channel subscribe`), anyone can share a "
                      "checklist (`checklist share prepare`) or count their practices in the team stats "
                      "(`stats join`); type `channel` there for the details."]
        if st.mode == "practice":
            lines += ["", "In a practice, just talk to the recruiter as you would for real."]
        everything = (*main_menu(), command_button("hint", "Hint"), command_button("resume", "Resume"),
                      command_button("export", "Export my data"),
                      command_button("forget", "Delete my data", ChoiceStyle.danger))
        return Outcome(state=st, replies=[Reply(text="\n".join(lines), choices=everything)])

    def _value(self, st: SessionState, args: str) -> Outcome:
        if not args.strip():
            review = "review" if "review" in self.playbooks.checklists else next(iter(self.playbooks.checklists), "")
            if review:
                return self.checklists.open(st, review)
            return say(st, "Tell me the offer, e.g. `value base 100k, 25 days pto, 2 remote days`.")
        offers = [part for part in _VERSUS.split(args) if part.strip()][:2]
        valuations = []
        problems: list[str] = []
        for part in offers:
            read = read_terms(self.understander.read(part), self.playbooks)
            problems += read.problems
            if "base_salary" not in read.terms:
                return say(st, "I need the base salary to value the perks, e.g. "
                               "`value base 100k, 25 days pto, 5% pension match`; "
                               "to compare, put `vs` between two offers.")
            valuations.append(value_offer(read.terms, self.playbooks, assumptions=read.assumptions,
                                          currency=read.currency or "USD"))
        reply = compare(valuations[0], valuations[1]) if len(valuations) == 2 else valuation_reply(valuations[0])
        if problems:
            reply = reply.model_copy(update={"text": reply.text + "\n" + "\n".join(f"- {escape(p)}" for p in problems)})
        reply = reply.model_copy(update={"kind": ReplyKind.comparison})
        records = [Record(kind="valuation", key="value", data=v.summary()) for v in valuations]
        return Outcome(state=st, replies=[reply], records=records)

    # --- the flows ---------------------------------------------------------------------------------

    def _status(self, st: SessionState, _args: str = "") -> Outcome:
        flow = self._front(st)
        if flow is not None:
            return flow.status(st)
        lines = ["Nothing in progress."]
        if is_active(st):
            lines = ["You have a practice paused: type `resume` to go back to it."]
        if st.paused_checklists:
            lines.append("Paused checklists: " + ", ".join(f"`{k}`" for k in st.paused_checklists))
        return say(st, "\n".join(lines), menu=True)

    def _hint(self, st: SessionState, _args: str = "") -> Outcome:
        for flow in self.flows:
            hint = flow.hint(st)
            if hint is not None:
                return hint
        if self.playbooks.tips:
            tip = self.playbooks.tips[st.turns % len(self.playbooks.tips)]
            return say(st, f"**Tip:** {tip.text}", menu=True)
        return say(st, "Start a practice and I'll suggest your next move.", menu=True)

    def _end(self, st: SessionState, _args: str = "") -> Outcome:
        flow = self._front(st)
        if flow is not None:
            return flow.end(st)
        return say(st, "There's nothing to end right now.", menu=True)

    def _resume(self, st: SessionState, _args: str = "") -> Outcome:
        for flow in self.flows:
            resumed = flow.resume(st)
            if resumed is not None:
                return resumed
        return say(st, "There's nothing paused to resume.", menu=True)

    # --- questions and choices ---------------------------------------------------------------------

    def _confirm(self, st: SessionState, text: str) -> Outcome:
        answer = text.strip().lower().rstrip(".!")
        if st.confirm == WALK_AWAY and answer not in WALK_YES | WALK_NO:
            st.confirm = None  # they carried on negotiating instead of answering: read it as a turn
            return self._route(st, text, None)
        yes = answer in CONFIRM_YES.get(st.confirm or "", frozenset())
        return self._answer(st, ChoiceId(ChoiceKind.confirm, st.confirm or "", "yes" if yes else "no"))

    def _choice(self, st: SessionState, choice: str) -> Outcome:
        picked = ChoiceId.decode(choice)
        handler = self._choices.get(picked.kind) if picked else None
        outcome = handler(st, picked) if handler and picked else None
        return outcome or say(st, "That button is from an earlier conversation and no longer applies.",
                              menu=True)

    def _picked_command(self, st: SessionState, picked: ChoiceId) -> Outcome | None:
        command = self._commands.get(picked.value)
        return command(st, "") if command else None

    def _answer(self, st: SessionState, picked: ChoiceId) -> Outcome:
        if st.confirm != picked.value:
            return say(st, "That question has already been answered.")
        st.confirm = None
        if picked.value == WALK_AWAY:
            if picked.detail == "yes" and st.practice is not None:
                return self.practices.walk_away(st)
            return say(st, "Okay, let's keep negotiating. The recruiter is waiting for your answer.")
        if picked.detail == "yes" and picked.value == "forget":
            fresh = SessionState(turns=st.turns)
            return Outcome(state=fresh, replies=[], action=Action.forget)
        return say(st, "Okay, nothing was deleted.")

    # --- small things ------------------------------------------------------------------------------

    def _unknown(self, st: SessionState, text: str) -> Outcome:
        first = text.split()[0].lower().lstrip("/!") if text.split() else ""
        if first == "assume":
            return say(st, "Assumptions apply while valuing an offer: type `value` to start a review, "
                           "then `assume commute_cost_per_day 25` at any step.",
                       choices=(command_button("value", "Value an offer"),))
        said = self.understander.read(text)
        if Act.greet in said.acts or Act.enthusiasm in said.acts:
            return say(st, "Hi! I'm Offer Coach. I play the recruiter so you can practise negotiating an "
                           "offer (the salary, and the perks around it), then coach you on how it went. "
                           "Where would you like to start?", menu=True)
        if said.terms and any(t.amount is not None for t in said.terms):
            return say(st, "To practise asking for that, start a practice; to see what an offer is worth, "
                           "put `value` in front of it.", menu=True)
        # Suggest a command only for what looks like a mistyped one, not for any short word ("hi" is not "hint").
        command = nearest_command(first) if len(first) >= 3 else None
        if command:
            name = command.name
            return say(st, f"I don't know `{escape(first, 40)}`. Did you mean `{name}`?",
                       choices=(command_button(name, name.capitalize()),))
        return say(st, "I'm not sure what you mean. Start a practice, a checklist, or type `help`.", menu=True)
