"""What a user can ask of the coach: the command catalogue and the ids of the buttons it shows.

:data:`CATALOGUE` is the one list of chat commands: each one's name, the other words that mean
it, the argument it takes and the line ``help`` shows. The engine builds its help text and its
routing from it; the tests check the Slack manifest's usage hint and the Discord slash commands
against it, so a command is added here and nowhere else in the core.

:class:`ChoiceId` is the typed form of a :attr:`bot.messages.Choice.id`: what a button does, built
with :meth:`ChoiceId.encode` and read back with :meth:`ChoiceId.decode`. The encoded strings are
stored in platform messages (a Slack or Discord button keeps working after a restart), so their
shape must never change.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from bot.messages import Choice, ChoiceStyle

# --- the command catalogue -------------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    """One chat command, typed as its first word (``practice growth_startup``) or picked as a button."""

    name: str
    help: str  # one line, lower case, as `help` lists it
    aliases: tuple[str, ...] = ()
    argument: str = ""  # what follows the name, e.g. "scenario" for `practice <scenario>`
    example: str = ""  # a whole example, shown in help instead of `name <argument>`
    slash: bool = True  # a slash command of its own on Discord, and in Slack's usage hint

    @property
    def usage(self) -> str:
        """How the command is typed, as help shows it: an example, or the name and its argument."""
        if self.example:
            return self.example
        return f"{self.name} <{self.argument}>" if self.argument else self.name

    @property
    def help_line(self) -> str:
        """The command's line in the help text."""
        what = f"{self.help}: `{self.usage}`" if self.argument else self.help
        return f"- `{self.name}`: {what}"


CATALOGUE: tuple[Command, ...] = (
    Command("help", "what I can do", aliases=("menu", "?")),
    Command("practice", "start a role-play", aliases=("start", "play"), argument="scenario"),
    Command("scenarios", "list the practice scenarios", aliases=("scenario",)),
    Command("checklist", "guided checklists", aliases=("checklists",), argument="name"),
    Command("value", "the yearly money value of an offer", argument="offer",
            example="value base 100k, 25 days pto, 2 remote days"),
    Command("status", "where you stand"),
    Command("hint", "one concrete next move in a practice"),
    Command("end", "finish the practice (and get your debrief) or pause a checklist", aliases=("stop", "quit")),
    # Offered by a button wherever there is something to resume, and typed; not a slash command.
    Command("resume", "go back to a paused practice or checklist", aliases=("continue",), slash=False),
    Command("export", "all your data as a JSON file"),
    Command("forget", "delete all your data (asks first)", aliases=("delete",)),
)
COMMANDS: dict[str, Command] = {command.name: command for command in CATALOGUE}
_BY_WORD: dict[str, Command] = {word: c for c in CATALOGUE for word in (c.name, *c.aliases)}
# The team channel commands' first words: not the engine's, they go to bot.teams (see bot.teams.commands).
TEAM_COMMANDS = ("channel", "stats")


def find(word: str) -> Command | None:
    """The command a word names, by its name or an alias; None when it names none."""
    return _BY_WORD.get(word)


def command_words() -> list[str]:
    """Every word that names a command: the names, then the aliases."""
    return [c.name for c in CATALOGUE] + [alias for c in CATALOGUE for alias in c.aliases]


_NEAR = 0.75  # how alike a typed word and a command word must be (difflib's ratio) to suggest it


@lru_cache(maxsize=4096)
def nearest_command(word: str) -> Command | None:
    """The command a mistyped word most likely meant, or None.

    People type the same few words again and again, and difflib compares each against every command
    word, so answers are kept. A word more than twice as long as the longest command word cannot
    reach the ratio (2 x matches / total length), so it is answered without comparing or keeping it.
    """
    words = command_words()
    if len(word) > 2 * max(map(len, words)):
        return None
    close = difflib.get_close_matches(word, words, n=1, cutoff=_NEAR)
    return find(close[0]) if close else None


def help_lines() -> list[str]:
    return [command.help_line for command in CATALOGUE]


# --- choice ids ------------------------------------------------------------------------------------

MAX_CHOICE_ID = 64  # the length a Choice.id may have (platforms cap a button's value)


class ChoiceKind(StrEnum):
    """What a button does; the value is the prefix of its encoded id."""

    command = "cmd"  # run a command: value is its name
    practice = "practice"  # start (or resume) a practice: value is the scenario
    restart = "restart"  # end the practice under way and start this one: value is the scenario
    checklist = "checklist"  # start or resume a checklist: value is its key
    confirm = "confirm"  # answer a yes/no question: value is the question, detail "yes" or "no"
    step = "cl"  # answer a checklist step: value is the step's key, detail the answer


# Kinds whose ids carry a detail after the value; a step's key is read up to its last ':', a
# question up to its first (as the ids have always been read).
_WITH_DETAIL = {ChoiceKind.confirm, ChoiceKind.step}


@dataclass(frozen=True)
class ChoiceId:
    """The typed form of a choice id: ``cmd:hint``, ``practice:growth_startup``, ``cl:target:yes``."""

    kind: ChoiceKind
    value: str
    detail: str = ""

    def encode(self) -> str:
        """The id as buttons carry it, cut to the length a Choice.id may have."""
        text = f"{self.kind}:{self.value}:{self.detail}" if self.kind in _WITH_DETAIL else f"{self.kind}:{self.value}"
        return text[:MAX_CHOICE_ID]

    @classmethod
    def decode(cls, text: str) -> ChoiceId | None:
        """The choice an id stands for, or None for an id no button of ours has (stale or made up).

        Lenient like the reading it replaces: a missing part reads as "".
        """
        prefix, _, rest = text.partition(":")
        try:
            kind = ChoiceKind(prefix)
        except ValueError:
            return None
        if kind is ChoiceKind.step:
            value, _, detail = rest.rpartition(":")
            return cls(kind, value, detail)
        if kind is ChoiceKind.confirm:
            value, _, detail = rest.partition(":")
            return cls(kind, value, detail)
        return cls(kind, rest)

    def button(self, label: str, style: ChoiceStyle = ChoiceStyle.default) -> Choice:
        """A button that picks this choice."""
        return Choice(id=self.encode(), label=label, style=style)


def command_button(name: str, label: str, style: ChoiceStyle = ChoiceStyle.default) -> Choice:
    """A button that runs the command `name`."""
    assert name in COMMANDS, name
    return ChoiceId(ChoiceKind.command, name).button(label, style)


@cache
def main_menu() -> tuple[Choice, ...]:
    """The buttons under most answers outside a practice: always the same frozen choices, so they
    are built once, not on every turn that shows them."""
    return (
        command_button("scenarios", "Practise a negotiation", ChoiceStyle.primary),
        command_button("checklist", "Checklists"),
        command_button("value", "Value an offer"),
        command_button("status", "Status"),
    )
