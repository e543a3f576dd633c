"""Checklists as a flow of the session: opening one, answering it, pausing it and picking it up again.

:class:`ChecklistFlow` is the checklist side of the engine (see :class:`bot.flow.Flow`): it keeps
the checklist in front in ``SessionState.checklist`` and the ones paused in
``SessionState.paused_checklists``, and hands each answer to the :class:`~bot.checklists.runner.ChecklistRunner`,
which knows the steps.
"""

from __future__ import annotations

from bot.checklists.answers import Understander
from bot.checklists.runner import ChecklistRunner, split_records
from bot.commands import ChoiceId, ChoiceKind
from bot.flow import as_key, did_you_mean, say
from bot.markup import escape
from bot.messages import Reply
from bot.playbooks.models import Playbooks
from bot.session import Outcome, SessionState


class ChecklistFlow:
    """The checklists of one session; a :class:`bot.flow.Flow`."""

    def __init__(self, playbooks: Playbooks, understander: Understander) -> None:
        self.playbooks = playbooks
        self.runner = ChecklistRunner(playbooks, understander)

    # --- the flow protocol -----------------------------------------------------------------------

    def in_front(self, st: SessionState) -> bool:
        return st.mode == "checklist" and st.checklist is not None

    def take_turn(self, st: SessionState, text: str) -> Outcome:
        return self._answer(st, text, None)

    def status(self, st: SessionState) -> Outcome:
        assert st.checklist is not None
        checklist = self.playbooks.checklists[st.checklist.key]
        return Outcome(state=st, replies=[
            Reply(text=f"**{escape(checklist.title)}**: step {st.checklist.step + 1} of {len(checklist.steps)}."),
            *self.runner.resume(st.checklist),
        ])

    def hint(self, st: SessionState) -> Outcome | None:
        return None  # each step's question carries its own hint

    def end(self, st: SessionState) -> Outcome:
        """Pause the checklist in front: it waits in the paused ones."""
        assert st.checklist is not None
        title = self.playbooks.checklists[st.checklist.key].title
        key = st.checklist.key
        self._park(st)
        st.mode = "idle"
        return say(st, f"Saved. Type `checklist {key}` to pick **{escape(title)}** up again.", menu=True)

    def resume(self, st: SessionState) -> Outcome | None:
        """The unfinished checklist in front, or else the first one paused."""
        if st.checklist and not st.checklist.done:
            st.mode = "checklist"
            return Outcome(state=st, replies=self.runner.resume(st.checklist))
        if st.paused_checklists:
            return self.open(st, next(iter(st.paused_checklists)))
        return None

    # --- opening and answering ---------------------------------------------------------------------

    def open(self, st: SessionState, typed: str) -> Outcome:
        """`checklist <name>`: the list without a name; a paused one where it was left; else a fresh one."""
        key = as_key(typed)
        if not key:
            return self._listing(st)
        if key not in self.playbooks.checklists:
            return say(st, did_you_mean("checklist", key, list(self.playbooks.checklists)))
        self._park(st)
        paused = st.paused_checklists.pop(key, None)
        st.mode = "checklist"
        if paused is not None:
            st.checklist = paused
            return Outcome(state=st, replies=[Reply(text="Picking up where you left off."),
                                              *self.runner.resume(paused)])
        st.checklist, replies = self.runner.start(key)
        return Outcome(state=st, replies=replies)

    def answer_choice(self, st: SessionState, picked: ChoiceId) -> Outcome | None:
        """A step's button: it brings its checklist to the front. None when there is no checklist."""
        assert picked.kind is ChoiceKind.step
        if not st.checklist:
            return None
        st.mode = "checklist"
        return self._answer(st, None, picked)

    def _listing(self, st: SessionState) -> Outcome:
        lines = ["**Checklists**: guided, and you can stop and resume any time.", ""]
        lines += [f"- **{c.title}** (`{c.key}`): {' '.join(c.summary.split())}"
                  for c in self.playbooks.checklists.values()]
        return say(st, "\n".join(lines), choices=tuple(
            ChoiceId(ChoiceKind.checklist, k).button(c.title[:75]) for k, c in self.playbooks.checklists.items()))

    def _park(self, st: SessionState) -> None:
        if st.checklist and not st.checklist.done:
            st.paused_checklists[st.checklist.key] = st.checklist
        st.checklist = None

    def _answer(self, st: SessionState, text: str | None, choice: ChoiceId | None) -> Outcome:
        assert st.checklist is not None
        if st.checklist.key not in self.playbooks.checklists:
            st.checklist, st.mode = None, "idle"
            return say(st, "That checklist is no longer in the playbooks.", menu=True)
        state, replies, record = self.runner.answer(st.checklist, text, choice)
        if state.done:
            st.checklist, st.mode = None, "idle"
        else:
            st.checklist = state
        return Outcome(state=st, replies=replies, records=split_records(record))
