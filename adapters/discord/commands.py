"""The slash commands: each one is the chat command of the same name, so the core decides what it does.

``/practice`` and ``/checklist start`` autocomplete from the loaded playbooks; ``/checklist share``,
``/channel …`` and ``/stats …`` are the team channel commands (:mod:`adapters.discord.teams`).
Used in a server, the answer is ephemeral and the practice itself continues in the user's DM
(see :mod:`adapters.discord.client`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from adapters.discord.inbound import command_text
from adapters.discord.teams import TEAM_COMMANDS

if TYPE_CHECKING:
    from adapters.discord.client import CoachClientMixin

AUTOCOMPLETE_LIMIT = 25
ARGUMENT_LIMIT = 200


def matching(pairs: tuple[tuple[str, str], ...], typed: str) -> list[app_commands.Choice[str]]:
    """Entries whose key or title contains what the user has typed so far, best first."""
    typed = typed.strip().lower()
    found = [(key, title) for key, title in pairs if typed in key.lower() or typed in title.lower()]
    found.sort(key=lambda kt: (not (kt[0].lower().startswith(typed) or kt[1].lower().startswith(typed)), kt[1]))
    return [app_commands.Choice(name=title[:100] or key, value=key) for key, title in found[:AUTOCOMPLETE_LIMIT]]


def _coach(interaction: discord.Interaction[Any]) -> CoachClientMixin:
    return interaction.client  # type: ignore[return-value]


async def _run(interaction: discord.Interaction[Any], name: str, argument: str | None = None) -> None:
    await _coach(interaction).handle_command(interaction, command_text(name, argument))


async def _scenario_autocomplete(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    return matching(_coach(interaction).catalogue.scenarios, current)


async def _checklist_autocomplete(interaction: discord.Interaction[Any],
                                  current: str) -> list[app_commands.Choice[str]]:
    return matching(_coach(interaction).catalogue.checklists, current)


@app_commands.command(name="practice", description="Practise negotiating an offer against a recruiter")
@app_commands.describe(scenario="Which situation to practise (leave empty to see them all)")
@app_commands.autocomplete(scenario=_scenario_autocomplete)
async def practice(interaction: discord.Interaction[Any],
                   scenario: app_commands.Range[str, 0, ARGUMENT_LIMIT] | None = None) -> None:
    await _run(interaction, "practice", scenario)


@app_commands.command(name="scenarios", description="List the practice scenarios")
async def scenarios(interaction: discord.Interaction[Any]) -> None:
    await _run(interaction, "scenarios")


checklist_group = app_commands.Group(name="checklist", description="Guided checklists, e.g. to prepare an offer call")


@checklist_group.command(name="start", description="Work through a guided checklist in a private message")
@app_commands.describe(name="Which checklist (leave empty to see them all)")
@app_commands.autocomplete(name=_checklist_autocomplete)
async def checklist(interaction: discord.Interaction[Any],
                    name: app_commands.Range[str, 0, ARGUMENT_LIMIT] | None = None) -> None:
    await _run(interaction, "checklist", name)


@checklist_group.command(name="share", description="Post a checklist here that everyone can start privately")
@app_commands.describe(name="Which checklist to share")
@app_commands.autocomplete(name=_checklist_autocomplete)
async def checklist_share(interaction: discord.Interaction[Any], name: app_commands.Range[str, 1, 64]) -> None:
    await _coach(interaction).handle_team_command(interaction, f"checklist share {name}")


@app_commands.command(name="value", description="What an offer is worth per year, perks included")
@app_commands.describe(offer="The offer in your words, e.g. 120k base, 10% bonus, 25 days off")
async def value(interaction: discord.Interaction[Any],
                offer: app_commands.Range[str, 0, ARGUMENT_LIMIT] | None = None) -> None:
    await _run(interaction, "value", offer)


@app_commands.command(name="status", description="Where you are: the offer on the table and your progress")
async def status(interaction: discord.Interaction[Any]) -> None:
    await _run(interaction, "status")


@app_commands.command(name="hint", description="A coaching hint for your next move")
async def hint(interaction: discord.Interaction[Any]) -> None:
    await _run(interaction, "hint")


@app_commands.command(name="end", description="End the practice and get your debrief")
async def end(interaction: discord.Interaction[Any]) -> None:
    await _run(interaction, "end")


@app_commands.command(name="export", description="Download everything Offer Coach keeps about you")
async def export(interaction: discord.Interaction[Any]) -> None:
    await _run(interaction, "export")


@app_commands.command(name="forget", description="Delete everything Offer Coach keeps about you")
async def forget(interaction: discord.Interaction[Any]) -> None:
    await _run(interaction, "forget")


@app_commands.command(name="help", description="What Offer Coach can do")
async def help_command(interaction: discord.Interaction[Any]) -> None:
    await _run(interaction, "help")


COMMANDS = (practice, scenarios, checklist_group, value, status, hint, end, export, forget, help_command,
            *TEAM_COMMANDS)


class CoachTree(app_commands.CommandTree[Any]):
    async def on_error(self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
        import logging

        logging.getLogger(__name__).exception("a slash command failed", exc_info=error)
        text = "Sorry, that command failed on my side. Please try again in a moment."
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True)
            else:
                await interaction.response.send_message(text, ephemeral=True)
        except discord.HTTPException:
            pass


def build_tree(client: discord.Client) -> app_commands.CommandTree[Any]:
    tree = CoachTree(client)
    for command in COMMANDS:
        tree.add_command(command)
    return tree
