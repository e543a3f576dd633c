"""The flows a user can be in (a practice, a checklist) behind one small protocol, and what they share.

The engine hands free text to the flow in front and asks the flows for status, hints, the end
and a resume, instead of branching on the session's mode itself. A flow is pure like the engine:
each method takes the :class:`~bot.session.SessionState` over, may change it in place, and
returns the replies.
"""

from __future__ import annotations

import difflib
from typing import Protocol

from bot.commands import main_menu
from bot.markup import escape
from bot.messages import Choice, Reply
from bot.session import Outcome, SessionState


class Flow(Protocol):
    """A guided conversation the engine routes to.

    The two there are: :class:`bot.negotiation.practice.PracticeRunner` and
    :class:`bot.checklists.flow.ChecklistFlow`.
    """

    def in_front(self, st: SessionState) -> bool:
        """Whether the user is in this flow now, so that what they type goes to it."""
        ...

    def take_turn(self, st: SessionState, text: str) -> Outcome:
        """One message typed to the flow in front."""
        ...

    def status(self, st: SessionState) -> Outcome:
        """Where the flow in front stands."""
        ...

    def hint(self, st: SessionState) -> Outcome | None:
        """A next move in this flow if one is under way (in front or paused behind), else None."""
        ...

    def end(self, st: SessionState) -> Outcome:
        """Close the flow in front: a practice ends with its debrief, a checklist is paused."""
        ...

    def resume(self, st: SessionState) -> Outcome | None:
        """Back into this flow where it was left, or None when there is nothing of it to go back to."""
        ...


def say(st: SessionState, text: str, *, menu: bool = False, choices: tuple[Choice, ...] = ()) -> Outcome:
    """One plain reply; `menu` puts the main menu under it when there are no other buttons."""
    return Outcome(state=st, replies=[Reply(text=text, choices=choices or (main_menu() if menu else ()))])


def as_key(typed: str) -> str:
    """A scenario or checklist key as a user may type it: `Growth Startup` and `growth-startup` too."""
    return typed.strip().lower().replace("-", "_").replace(" ", "_")


def did_you_mean(what: str, key: str, known: list[str]) -> str:
    """The answer to a key that names nothing: the nearest one, or every one there is."""
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
    if close:
        return f"There's no {what} `{escape(key, 40)}`. Did you mean `{close[0]}`?"
    return f"There's no {what} `{escape(key, 40)}`. Known: " + ", ".join(f"`{k}`" for k in known)
