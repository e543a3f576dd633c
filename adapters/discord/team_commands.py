"""The team channel slash commands: ``/channel …`` and ``/stats …``, as two command groups.

Each command is the team chat command of the same words, handed to the :class:`CommandHandler`
the group was built with (the client passes :class:`adapters.discord.teams.DiscordTeams`).

``/channel`` is guild-only and its default permission is Manage Channels, so members without it do
not even see it; the permission is checked again when a command runs, because a server can
override a command's visibility.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from adapters.discord.commands import CommandHandler
from bot.teams.schedule import WEEKDAYS

_WEEKDAY_CHOICES = [app_commands.Choice(name=day.title(), value=day[:3]) for day in WEEKDAYS]
_FREQUENCY_CHOICES = [app_commands.Choice(name="Every week", value="weekly"),
                      app_commands.Choice(name="Every other week", value="biweekly")]
_KIND_CHOICES = [app_commands.Choice(name="Tips and challenges", value="both"),
                 app_commands.Choice(name="Tips", value="tips"),
                 app_commands.Choice(name="Challenges", value="challenges")]
_COMMON_ZONES = ("UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Chicago",
                 "America/Denver", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Tokyo",
                 "Asia/Singapore", "Asia/Jerusalem", "Australia/Sydney", "Africa/Lagos")


async def _zone_autocomplete(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    from zoneinfo import available_timezones

    typed = current.strip().lower()
    pool = _COMMON_ZONES if not typed else sorted(available_timezones())
    found = [zone for zone in pool if typed in zone.lower()]
    return [app_commands.Choice(name=zone, value=zone) for zone in found[:25]]


class ChannelGroup(app_commands.Group, name="channel",
                   description="Offer Coach's weekly tips and challenges in this channel",
                   guild_only=True, default_permissions=discord.Permissions(manage_channels=True)):
    """``/channel subscribe|unsubscribe|pause|resume|status|stats``: a channel's scheduled posts."""

    def __init__(self, handler: CommandHandler) -> None:
        super().__init__()
        self.handler = handler

    @app_commands.command(name="subscribe", description="Post a tip or challenge here every week")
    @app_commands.describe(day="Which day", time="Local time, HH:MM (24-hour)", timezone="IANA time zone",
                           frequency="How often", kinds="What to post")
    @app_commands.choices(day=_WEEKDAY_CHOICES, frequency=_FREQUENCY_CHOICES, kinds=_KIND_CHOICES)
    @app_commands.autocomplete(timezone=_zone_autocomplete)
    async def subscribe(self, interaction: discord.Interaction[Any], day: app_commands.Choice[str] | None = None,
                        time: app_commands.Range[str, 1, 8] | None = None,
                        timezone: app_commands.Range[str, 1, 64] | None = None,
                        frequency: app_commands.Choice[str] | None = None,
                        kinds: app_commands.Choice[str] | None = None) -> None:
        words = ["channel", "subscribe"]
        words += [part for part in (day.value if day else None, time, timezone,
                                    frequency.value if frequency else None, kinds.value if kinds else None) if part]
        await self.handler.command(interaction, " ".join(words))

    @app_commands.command(name="unsubscribe", description="Stop Offer Coach's posts in this channel")
    async def unsubscribe(self, interaction: discord.Interaction[Any]) -> None:
        await self.handler.command(interaction, "channel unsubscribe")

    @app_commands.command(name="pause", description="Pause the posts, keeping the schedule")
    async def pause(self, interaction: discord.Interaction[Any]) -> None:
        await self.handler.command(interaction, "channel pause")

    @app_commands.command(name="resume", description="Resume paused posts")
    async def resume(self, interaction: discord.Interaction[Any]) -> None:
        await self.handler.command(interaction, "channel resume")

    @app_commands.command(name="status", description="This channel's schedule and settings")
    async def status(self, interaction: discord.Interaction[Any]) -> None:
        await self.handler.command(interaction, "channel status")

    @app_commands.command(name="stats", description="Add the team's practice stats to the posts (5+ people)")
    async def stats(self, interaction: discord.Interaction[Any], on: bool) -> None:
        await self.handler.command(interaction, f"channel stats {'on' if on else 'off'}")


class StatsGroup(app_commands.Group, name="stats", description="This channel's opt-in team stats", guild_only=True):
    """``/stats join|leave``: a member opts in or out of the channel's team stats."""

    def __init__(self, handler: CommandHandler) -> None:
        super().__init__()
        self.handler = handler

    @app_commands.command(name="join", description="Count my practices in this channel's team stats")
    async def join(self, interaction: discord.Interaction[Any]) -> None:
        await self.handler.command(interaction, "stats join")

    @app_commands.command(name="leave", description="Stop counting my practices in this channel's team stats")
    async def leave(self, interaction: discord.Interaction[Any]) -> None:
        await self.handler.command(interaction, "stats leave")


def team_commands(handler: CommandHandler) -> list[app_commands.Group]:
    """The team command groups, each handing its commands to `handler`."""
    return [ChannelGroup(handler), StatsGroup(handler)]
