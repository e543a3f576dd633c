"""The coach's slash commands: each one is the chat command of the same name, so the core decides what
it does.

``/practice`` and ``/checklist start`` autocomplete from the loaded playbooks (a :class:`Catalogue`);
``/checklist share`` is a team channel command. Commands hand their text to a :class:`CommandHandler`
given when they are built, so this module knows nothing of the client. Used in a server, the answer
is ephemeral and the practice itself continues in the user's DM (see :mod:`adapters.discord.delivery`).
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import discord
from discord import app_commands

from adapters.discord.delivery import RESTARTING
from adapters.discord.inbound import command_text

if TYPE_CHECKING:
    from bot.playbooks.models import Playbooks

logger = logging.getLogger(__name__)

AUTOCOMPLETE_LIMIT = 25
ARGUMENT_LIMIT = 200
FAILED = "Sorry, that command failed on my side. Please try again in a moment."

AppCommand = app_commands.Command[Any, ..., Any] | app_commands.Group


class CommandHandler(Protocol):
    """What a slash command is handed to, as the chat text it stands for."""

    async def command(self, interaction: discord.Interaction[Any], text: str) -> None: ...


@dataclass(frozen=True)
class Catalogue:
    """What the slash commands offer as autocomplete: (key, title) pairs."""

    scenarios: tuple[tuple[str, str], ...] = ()
    checklists: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_playbooks(cls, playbooks: Playbooks | None) -> Catalogue:
        if playbooks is None:
            return cls()
        return cls(
            scenarios=tuple((key, s.title) for key, s in playbooks.scenarios.items()),
            checklists=tuple((key, c.title) for key, c in playbooks.checklists.items()),
        )


def matching(pairs: tuple[tuple[str, str], ...], typed: str) -> list[app_commands.Choice[str]]:
    """Entries whose key or title contains what the user has typed so far, best first."""
    typed = typed.strip().lower()
    found = [(key, title) for key, title in pairs if typed in key.lower() or typed in title.lower()]
    found.sort(key=lambda kt: (not (kt[0].lower().startswith(typed) or kt[1].lower().startswith(typed)), kt[1]))
    return [app_commands.Choice(name=title[:100] or key, value=key) for key, title in found[:AUTOCOMPLETE_LIMIT]]


class ChecklistGroup(app_commands.Group, name="checklist",
                     description="Guided checklists, e.g. to prepare an offer call"):
    """``/checklist start`` runs a checklist in the DM; ``/checklist share`` posts one to a team channel."""

    def __init__(self, coach: CommandHandler, teams: CommandHandler, catalogue: Catalogue) -> None:
        super().__init__()
        self.coach = coach
        self.teams = teams
        self.catalogue = catalogue

    async def _checklists(self, interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
        return matching(self.catalogue.checklists, current)

    @app_commands.command(name="start", description="Work through a guided checklist in a private message")
    @app_commands.describe(name="Which checklist (leave empty to see them all)")
    @app_commands.autocomplete(name=_checklists)
    async def start(self, interaction: discord.Interaction[Any],
                    name: app_commands.Range[str, 0, ARGUMENT_LIMIT] | None = None) -> None:
        await self.coach.command(interaction, command_text("checklist", name))

    @app_commands.command(name="share", description="Post a checklist here that everyone can start privately")
    @app_commands.describe(name="Which checklist to share")
    @app_commands.autocomplete(name=_checklists)
    async def share(self, interaction: discord.Interaction[Any], name: app_commands.Range[str, 1, 64]) -> None:
        await self.teams.command(interaction, f"checklist share {name}")


# Commands that take no argument: name -> description.
_PLAIN = {
    "scenarios": "List the practice scenarios",
    "status": "Where you are: the offer on the table and your progress",
    "hint": "A coaching hint for your next move",
    "end": "End the practice and get your debrief",
    "export": "Download everything Offer Coach keeps about you",
    "forget": "Delete everything Offer Coach keeps about you",
    "help": "What Offer Coach can do",
}


def _plain(name: str, coach: CommandHandler) -> app_commands.Command[Any, ..., None]:
    async def run(interaction: discord.Interaction[Any]) -> None:
        await coach.command(interaction, command_text(name))

    return app_commands.Command(name=name, description=_PLAIN[name], callback=run)


def coach_commands(coach: CommandHandler, teams: CommandHandler, catalogue: Catalogue) -> list[AppCommand]:
    """The coach's commands, in the order they are registered; `teams` takes ``/checklist share``."""

    async def scenarios(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
        return matching(catalogue.scenarios, current)

    @app_commands.command(name="practice", description="Practise negotiating an offer against a recruiter")
    @app_commands.describe(scenario="Which situation to practise (leave empty to see them all)")
    @app_commands.autocomplete(scenario=scenarios)
    async def practice(interaction: discord.Interaction[Any],
                       scenario: app_commands.Range[str, 0, ARGUMENT_LIMIT] | None = None) -> None:
        await coach.command(interaction, command_text("practice", scenario))

    @app_commands.command(name="value", description="What an offer is worth per year, perks included")
    @app_commands.describe(offer="The offer in your words, e.g. 120k base, 10% bonus, 25 days off")
    async def value(interaction: discord.Interaction[Any],
                    offer: app_commands.Range[str, 0, ARGUMENT_LIMIT] | None = None) -> None:
        await coach.command(interaction, command_text("value", offer))

    return [practice, _plain("scenarios", coach), ChecklistGroup(coach, teams, catalogue), value,
            *(_plain(name, coach) for name in ("status", "hint", "end", "export", "forget", "help"))]


class CoachTree(app_commands.CommandTree[Any]):
    """The command tree; a command that raises gets a private apology instead of Discord's error.

    While the bot is stopping (its ``in_flight`` is draining) every command, the team ones too, is
    answered with a short private "restarting" note and not run; suggestions still answer.
    """

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        in_flight = getattr(self.client, "in_flight", None)
        command = interaction.type is discord.InteractionType.application_command
        if in_flight is None or not in_flight.draining or not command:
            return True
        # If even this fails, Discord tells the user the command failed, which is true enough.
        with contextlib.suppress(discord.HTTPException):
            await interaction.response.send_message(RESTARTING, ephemeral=True)
        return False

    async def on_error(self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
        logger.exception("a slash command failed", exc_info=error)
        try:
            if interaction.response.is_done():
                await interaction.followup.send(FAILED, ephemeral=True)
            else:
                await interaction.response.send_message(FAILED, ephemeral=True)
        except discord.HTTPException:
            pass
