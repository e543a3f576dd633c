"""The team commands as typed in a channel, read into small typed commands.

Both platforms use the same words (Slack: ``/offer-coach channel subscribe mon 09:00 Europe/Berlin``;
Discord builds the same text from its slash command options):

- ``channel subscribe [weekday] [HH:MM] [time zone] [weekly|biweekly] [tips|challenges|both]``
- ``channel unsubscribe`` · ``channel pause`` · ``channel resume`` · ``channel status``
- ``channel stats on|off`` (managers: whether the weekly post carries the team's stats)
- ``stats join`` · ``stats leave`` (anyone: count my practices in this channel's team stats)
- ``checklist share <name>``
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from bot.teams.schedule import Frequency, PostKinds, ScheduleError, parse_time, parse_weekday, zone_or_error

CHANNEL_ACTIONS = ("subscribe", "unsubscribe", "pause", "resume", "status", "stats")
_FREQUENCIES = {"weekly": Frequency.weekly, "biweekly": Frequency.biweekly, "fortnightly": Frequency.biweekly,
                "every-other-week": Frequency.biweekly}
_KINDS = {"tips": PostKinds.tips, "tip": PostKinds.tips, "challenges": PostKinds.challenges,
          "challenge": PostKinds.challenges, "both": PostKinds.both}

TEAM_HELP = (
    "**Team channel commands** (type them in the channel):\n"
    "- `channel subscribe [day] [HH:MM] [time zone] [weekly|biweekly] [tips|challenges|both]`: a weekly tip "
    "or challenge here, e.g. `channel subscribe mon 09:00 Europe/Berlin`\n"
    "- `channel pause`, `channel resume`, `channel unsubscribe`, `channel status`\n"
    "- `channel stats on|off`: add the team's practice stats to the weekly post (shown only when five or more "
    "people who joined the stats took part)\n"
    "- `stats join` / `stats leave`: count your own practices in this channel's team stats\n"
    "- `checklist share <name>`: post a checklist everyone can start privately"
)


@dataclass(frozen=True)
class ChannelCommand:
    action: str  # one of CHANNEL_ACTIONS
    weekday: int | None = None
    at: time | None = None
    timezone: str | None = None
    frequency: Frequency | None = None
    kinds: PostKinds | None = None
    stats_on: bool | None = None


@dataclass(frozen=True)
class StatsCommand:
    join: bool


@dataclass(frozen=True)
class ShareCommand:
    checklist: str  # "" when not given


@dataclass(frozen=True)
class BadCommand:
    message: str


TeamCommand = ChannelCommand | StatsCommand | ShareCommand | BadCommand


def is_team_command(text: str) -> bool:
    words = text.strip().lower().split()
    if not words:
        return False
    if words[0] == "channel":
        return True
    if words[0] == "stats" and (len(words) == 1 or words[1] in {"join", "leave", "on", "off"}):
        return True
    return words[0] == "checklist" and len(words) >= 2 and words[1] == "share"


def parse(text: str) -> TeamCommand | None:
    """The command in `text`, a BadCommand saying what is wrong, or None when it is not a team command."""
    if not is_team_command(text):
        return None
    words = text.strip().split()
    head = words[0].lower()
    if head == "checklist":
        return ShareCommand(checklist=" ".join(words[2:]).strip().lower())
    if head == "stats":
        if len(words) < 2:
            return BadCommand("Say `stats join` to count your practices in this channel's team stats, "
                              "or `stats leave` to stop.")
        return StatsCommand(join=words[1].lower() in {"join", "on"})
    if len(words) < 2 or words[1].lower() not in CHANNEL_ACTIONS:
        return BadCommand(TEAM_HELP)
    action = words[1].lower()
    rest = words[2:]
    if action == "stats":
        if len(rest) != 1 or rest[0].lower() not in {"on", "off"}:
            return BadCommand("Say `channel stats on` or `channel stats off`.")
        return ChannelCommand(action, stats_on=rest[0].lower() == "on")
    if action != "subscribe":
        if rest:
            return BadCommand(f"`channel {action}` takes nothing after it.")
        return ChannelCommand(action)
    try:
        return _subscribe(rest)
    except ScheduleError as problem:
        return BadCommand(str(problem))


def _subscribe(words: list[str]) -> ChannelCommand:
    weekday: int | None = None
    at: time | None = None
    zone: str | None = None
    frequency: Frequency | None = None
    kinds: PostKinds | None = None
    for word in words:
        lowered = word.lower().strip(",")
        if lowered in _FREQUENCIES:
            frequency = _FREQUENCIES[lowered]
        elif lowered in _KINDS:
            kinds = _KINDS[lowered]
        elif lowered[:1].isdigit():
            at = parse_time(lowered)
        elif "/" in word or lowered in {"utc", "gmt"}:
            zone = "UTC" if lowered in {"utc", "gmt"} else word.strip(",")
            zone_or_error(zone)
        else:
            try:
                weekday = parse_weekday(lowered)
            except ScheduleError:
                zone_or_error(word)  # a zone without a slash (e.g. "Japan") is still a zone
                zone = word
    return ChannelCommand("subscribe", weekday=weekday, at=at, timezone=zone, frequency=frequency, kinds=kinds)
