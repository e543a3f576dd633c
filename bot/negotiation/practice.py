"""The practice side of the engine: starting a role-play, each turn of it, and the hand-off to the debrief.

A :class:`PracticeRunner` opens a scenario (its brief, the recruiter's greeting and the offer card),
resumes one, shows the offer as it stands, passes each line the user says to the coaching notes
and the counterpart, and when the practice ends hands it to :func:`bot.negotiation.coaching.debrief`. It is
the practice :class:`bot.flow.Flow` of the engine, and pure like it: it changes the
:class:`~bot.session.SessionState` it is given and returns the replies; the engine decides when to call it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.commands import ChoiceId, ChoiceKind, command_button
from bot.flow import as_key, did_you_mean, say
from bot.markup import escape
from bot.messages import Card, CardField, Choice, ChoiceStyle, Reply, ReplyKind
from bot.negotiation import coaching
from bot.negotiation.counterpart import Counterpart, conceded, open_practice, quoted_monthly, shown
from bot.negotiation.state import PracticeState
from bot.playbooks.models import Playbooks, Scenario
from bot.session import Outcome, Record, SessionState
from bot.understanding.acts import Act, Context, Signal

if TYPE_CHECKING:
    from bot.understanding.acts import Reader

WALK_AWAY = "walk"  # the pending question's name in SessionState.confirm
WALK_AWAY_QUESTION = ("That sounds like walking away from this offer. Do you want to end the practice here, "
                      "or keep negotiating?")
ULTIMATUM_NOTE = ("Coach: an either-or puts the recruiter on the defensive and rarely moves a number; a reason "
                  "does. The practice goes on. If you really mean to walk away, type `end`.")
AFTER_WRITING = "Of course: the written offer, with every term we agreed, is on its way to you."
AFTER_THANKS = "Thank you! We're glad to have you on board."
AFTER_NOTE = "That practice is over; your debrief is above. Try it again to aim higher, or pick another scenario."
AFTER_MORE = ("That practice ended when you accepted the offer, so {name} can't reopen it for {perk}. "
              "Try the scenario again and raise it before you accept.")
FOREIGN_NOTE = ("Practice runs in English for now, so I couldn't read that message. Could you say it in English? "
                "Your negotiation is still where you left it.")


def practice_choices() -> tuple[Choice, ...]:
    """The buttons under a practice's replies: a hint, the offer so far, the end and debrief."""
    return (
        command_button("hint", "Hint"),
        command_button("status", "Offer so far"),
        command_button("end", "End and debrief", ChoiceStyle.danger),
    )


def is_active(st: SessionState) -> bool:
    """Whether the session has a practice under way (in front or paused behind a checklist)."""
    return bool(st.practice and st.practice.status == "active")


class PracticeRunner:
    """Runs role-play practices over the playbooks for the engine; a :class:`bot.flow.Flow`."""

    def __init__(self, playbooks: Playbooks, understander: Reader) -> None:
        self.playbooks = playbooks
        self.understander = understander

    # --- the flow protocol -----------------------------------------------------------------------

    def in_front(self, st: SessionState) -> bool:
        return st.mode == "practice" and is_active(st)

    def take_turn(self, st: SessionState, text: str) -> Outcome:
        assert st.practice is not None
        scenario = self.playbooks.scenarios.get(st.practice.scenario)
        if scenario is None:
            st.practice, st.mode = None, "idle"
            return say(st, "That scenario is no longer in the playbooks, so the practice was closed.", menu=True)
        return self.turn(st, scenario, text)

    def hint(self, st: SessionState) -> Outcome | None:
        """One concrete next move, while a practice is under way (even paused behind a checklist)."""
        return self.next_move(st) if is_active(st) else None

    def end(self, st: SessionState) -> Outcome:
        """End the practice in front and give its debrief."""
        replies, records = self.finish(st, "ended")
        return Outcome(state=st, replies=replies, records=records)

    def resume(self, st: SessionState) -> Outcome | None:
        """Back to the practice under way, with the offer as it stands; None when there is none."""
        return self._back_to(st) if is_active(st) else None

    # --- opening ---------------------------------------------------------------------------------

    def scenarios(self, st: SessionState) -> Outcome:
        """The scenarios to pick from."""
        lines = ["**Practice scenarios**: pick one to role-play.", ""]
        choices = []
        for sc in self.playbooks.scenarios.values():
            lines.append(f"- **{sc.title}** (`{sc.key}`): {' '.join(sc.summary.split())}")
            choices.append(ChoiceId(ChoiceKind.practice, sc.key).button(sc.title[:75]))
        return Outcome(state=st, replies=[Reply(text="\n".join(lines), choices=tuple(choices))])

    def open(self, st: SessionState, typed: str, *, force: bool = False) -> Outcome:
        """`practice <scenario>`: without one, back to the practice under way or the list to pick from."""
        key = as_key(typed)
        if not key:
            return self._back_to(st) if is_active(st) else self.scenarios(st)
        scenario = self.playbooks.scenarios.get(key)
        if scenario is None:
            return say(st, did_you_mean("scenario", key, list(self.playbooks.scenarios)),
                       choices=tuple(ChoiceId(ChoiceKind.practice, k).button(s.title[:75])
                                     for k, s in self.playbooks.scenarios.items()))
        return self.start(st, scenario, force=force)

    def start(self, st: SessionState, scenario: Scenario, *, force: bool = False) -> Outcome:
        """Open `scenario`; with one already under way, ask first, resume it, or (forced) end it first."""
        key = scenario.key
        replies: list[Reply] = []
        records: list[Record] = []
        if st.practice and st.practice.status == "active":
            if not force and st.practice.scenario != key:
                current = self.playbooks.scenarios.get(st.practice.scenario)
                title = current.title if current else st.practice.scenario
                return Outcome(state=st, replies=[Reply(
                    text=f"You have a practice in progress: **{escape(title)}**. "
                         "Continue it, or end it and start the new one?",
                    choices=(command_button("resume", "Continue it", ChoiceStyle.primary),
                             ChoiceId(ChoiceKind.restart, key).button("End it, start the new one")))])
            if st.practice.scenario == key and not force:
                return self._back_to(st)
            replies, records = self.finish(st, "ended")
        st.practice = open_practice(scenario)
        st.mode, st.agreed = "practice", None
        return Outcome(state=st, replies=[*replies, *self.opening(scenario)], records=records)

    def opening(self, scenario: Scenario) -> list[Reply]:
        """The scenario's brief with the practice buttons, then the recruiter's greeting with the offer."""
        perks = self.playbooks.perks
        offer = Card(
            title=f"The offer: {scenario.role} at {scenario.company}",
            fields=tuple(
                CardField(label=perks[k].label, value=shown(s.offer, perks[k], scenario))
                for k, s in scenario.perks.items() if s.offer or k == "base_salary"
            ),
        )
        # Playbook text is written by the team, so its own markup is kept; only users' text is escaped.
        intro = Reply(text=f"**{scenario.title}**\n{scenario.brief}\n\n"
                           "Talk to the recruiter as you would for real. Type `hint` for a next move, "
                           "`status` for the offer so far, `end` for your debrief.", choices=practice_choices())
        hello = Reply(text=scenario.persona.greeting, kind=ReplyKind.recruiter, speaker=scenario.persona.name,
                      cards=(offer,))
        return [intro, hello]

    def _back_to(self, st: SessionState) -> Outcome:
        """Back to the active practice, with the offer as it stands."""
        assert st.practice is not None
        st.mode = "practice"
        scenario = self.playbooks.scenarios[st.practice.scenario]
        return Outcome(state=st, replies=[Reply(
            text=f"Back to **{escape(scenario.title)}**. {scenario.persona.name} is waiting for your answer.",
            cards=(self.offer_card(st, scenario),), choices=practice_choices())])

    def status(self, st: SessionState) -> Outcome:
        """The offer as it stands in the active practice."""
        assert st.practice is not None
        scenario = self.playbooks.scenarios[st.practice.scenario]
        return Outcome(state=st, replies=[Reply(text="**The offer as it stands**",
                                                cards=(self.offer_card(st, scenario),),
                                                choices=practice_choices())])

    def offer_card(self, st: SessionState, scenario: Scenario) -> Card:
        """Every term on the table now, with what it was at the start where it moved."""
        assert st.practice is not None
        perks = self.playbooks.perks
        fields = []
        for key, track in st.practice.offer.items():
            sheet = scenario.perks.get(key)
            if not track.current and key != "base_salary" and not (sheet and sheet.offer):
                continue  # a perk given up in a trade stays on the card, at nothing (was …)
            changed = sheet is not None and track.current != sheet.offer
            value = shown(track.current, perks[key], scenario)
            if changed and sheet is not None:
                value += f" (was {shown(sheet.offer, perks[key], scenario)})"
            fields.append(CardField(label=perks[key].label, value=value))
        return Card(title=f"{scenario.role} at {scenario.company}", fields=tuple(fields))

    def next_move(self, st: SessionState) -> Outcome:
        """One concrete next move in the active practice."""
        assert st.practice is not None
        scenario = self.playbooks.scenarios[st.practice.scenario]
        return Outcome(state=st, replies=[Reply(
            text="**Hint:** " + coaching.hint(st.practice, scenario, self.playbooks))])

    def turn(self, st: SessionState, scenario: Scenario, text: str) -> Outcome:
        """One line said to the recruiter: answered, then noted for the debrief as the recruiter took it, and
        debriefed if it ended the talk."""
        practice = st.practice
        assert practice is not None
        context = Context(  # before any reply, the recruiter's last move was the opening offer
            last_perk=practice.topic, last_speaker="counterpart", last_move=practice.last_move or "offer",
            offer=self.offer_as_quoted(practice, scenario), conceded=practice.conceded,
        )
        said = self.understander.read(text, context)
        if said.foreign:
            return Outcome(state=st, replies=[Reply(kind=ReplyKind.notice, text=FOREIGN_NOTE)])
        if Signal.hint in said.signals and not said.terms:
            return self.next_move(st)
        asks = [t for t in said.terms if t.perk and t.amount is not None and t.role == "ask" and not t.give]
        if Act.quit in said.acts and not asks:
            coaching.observe(practice, said, scenario)
            return self.confirm_walk_away(st)
        before = {key: track.current for key, track in practice.offer.items()}
        turn = Counterpart(scenario, self.playbooks).respond(practice, said)
        st.practice = turn.state
        turn.state.conceded = conceded(self.playbooks.perks, before, turn.state)
        coaching.observe(turn.state, turn.read or said, scenario, doubted=turn.doubted, weighed=turn.weighed)
        replies = [Reply(text="\n\n".join(turn.lines), kind=ReplyKind.recruiter, speaker=scenario.persona.name)]
        if (Signal.ultimatum in said.signals or Act.quit in said.acts) and not turn.ended:
            replies.append(Reply(kind=ReplyKind.notice, text=ULTIMATUM_NOTE))
        if turn.ended:
            more, records = self.finish(st, turn.state.status)
            return Outcome(state=st, replies=replies + more, records=records)
        return Outcome(state=st, replies=replies)

    def offer_as_quoted(self, practice: PracticeState, scenario: Scenario) -> dict[str, float | str]:
        """The offer as the user sees it: where the scenario quotes pay monthly, "the 38k" is the monthly base."""
        perks = self.playbooks.perks
        return {key: track.current / 12 if key in perks and quoted_monthly(perks[key], scenario) else track.current
                for key, track in practice.offer.items()}

    def confirm_walk_away(self, st: SessionState) -> Outcome:
        """A walk-away ends the practice only once confirmed: a misread line must not throw it away."""
        st.confirm = WALK_AWAY
        return Outcome(state=st, replies=[Reply(kind=ReplyKind.notice, text=WALK_AWAY_QUESTION, choices=(
            ChoiceId(ChoiceKind.confirm, WALK_AWAY, "yes").button("End the practice", ChoiceStyle.danger),
            ChoiceId(ChoiceKind.confirm, WALK_AWAY, "no").button("Keep negotiating", ChoiceStyle.primary),
        ))])

    def walk_away(self, st: SessionState) -> Outcome:
        """The confirmed walk-away: the recruiter's goodbye, then the debrief."""
        assert st.practice is not None
        scenario = self.playbooks.scenarios[st.practice.scenario]
        turn = Counterpart(scenario, self.playbooks).walk_away(st.practice)
        goodbye = Reply(text="\n\n".join(turn.lines), kind=ReplyKind.recruiter, speaker=scenario.persona.name)
        more, records = self.finish(st, turn.state.status)
        return Outcome(state=st, replies=[goodbye, *more], records=records)

    def after_agreement(self, st: SessionState, text: str) -> Outcome | None:
        """A line said to the recruiter after the practice ended in agreement: a request for the offer in
        writing or thanks is answered, more asks are told the practice is over; None for anything else."""
        scenario = self.playbooks.scenarios.get(st.agreed or "")
        if scenario is None:
            st.agreed = None
            return None
        said = self.understander.read(text, Context(last_speaker="counterpart", last_move="summary"))
        asks = [t for t in said.terms if t.perk and t.role == "ask" and not t.negated]
        if Act.request_writing in said.acts:
            line = AFTER_WRITING
        elif asks:
            perk = self.playbooks.perks.get(asks[0].perk or "")
            return Outcome(state=st, replies=[Reply(kind=ReplyKind.notice, text=AFTER_MORE.format(
                perk=perk.label.lower() if perk else "that", name=scenario.persona.name),
                choices=self._again(scenario))])
        elif {Act.accept, Act.enthusiasm} & set(said.acts) or "thank" in text.lower():
            line = AFTER_THANKS
        else:
            return None
        return Outcome(state=st, replies=[
            Reply(text=line, kind=ReplyKind.recruiter, speaker=scenario.persona.name),
            Reply(kind=ReplyKind.notice, text=AFTER_NOTE, choices=self._again(scenario))])

    def _again(self, scenario: Scenario) -> tuple[Choice, ...]:
        """The way on from a finished practice: the same scenario again, or another."""
        return (ChoiceId(ChoiceKind.restart, scenario.key).button("Try it again", ChoiceStyle.primary),
                command_button("scenarios", "Another scenario"))

    def finish(self, st: SessionState, status: str) -> tuple[list[Reply], list[Record]]:
        """Close the practice with `status` (unless it already ended), and its debrief and record."""
        practice = st.practice
        assert practice is not None
        if practice.status == "active":
            practice.status = status  # type: ignore[assignment]
        scenario = self.playbooks.scenarios[practice.scenario]
        replies, data = coaching.debrief(practice, scenario, self.playbooks)
        st.practice, st.mode = None, "idle"
        st.agreed = scenario.key if practice.status == "agreed" else None
        replies[-1] = replies[-1].model_copy(update={"choices": (
            *self._again(scenario),
            ChoiceId(ChoiceKind.checklist, "close").button("Close checklist") if "close" in self.playbooks.checklists
            else command_button("help", "Help"),
        )})
        return replies, [Record(kind="practice", key=scenario.key, data=data)]
