"""When a channel's next post is due: weekly or every other week, at a local time, in an IANA zone.

Pure functions of their arguments (no clock), so daylight-saving changes are tested directly.
The rules a person would expect from "Mondays at 09:00 Europe/Berlin":

- the post goes out at 09:00 on the wall clock, whatever the UTC offset is that week;
- a wall-clock time that does not exist on a spring-forward day (02:30 when clocks jump from
  02:00 to 03:00) is posted at the same distance past the jump (03:30), i.e. the UTC instant
  the naive time maps to with the offset in force just before the change;
- a time that happens twice on a fall-back day is posted at its first occurrence;
- every other week counts from the subscription's anchor, so a missed week never shifts parity.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import BaseModel, ConfigDict, Field, field_validator

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_WEEKDAY = 0  # Monday: the week's tip before the week's calls
DEFAULT_TIME = time(9, 0)
DEFAULT_TIMEZONE = "UTC"


class Frequency(StrEnum):
    weekly = "weekly"
    biweekly = "biweekly"


class PostKinds(StrEnum):
    tips = "tips"
    challenges = "challenges"
    both = "both"


class Schedule(BaseModel):
    """Day, time and zone of a channel's post, and how often it comes."""

    model_config = ConfigDict(frozen=True)

    weekday: int = Field(default=DEFAULT_WEEKDAY, ge=0, le=6)  # 0 = Monday
    at: time = DEFAULT_TIME
    timezone: str = DEFAULT_TIMEZONE
    frequency: Frequency = Frequency.weekly

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        zone_or_error(value)
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def describe(self) -> str:
        """'every Monday at 09:00 (Europe/Berlin)' or 'every other Monday at …'."""
        every = "every other" if self.frequency is Frequency.biweekly else "every"
        return f"{every} {WEEKDAYS[self.weekday].title()} at {self.at.strftime('%H:%M')} ({self.timezone})"


class ScheduleError(ValueError):
    """A day, time or zone we cannot read; the message says what was expected."""


def zone_or_error(name: str) -> ZoneInfo:
    try:
        if not name or name.startswith(("/", ".")) or ".." in name:
            raise ZoneInfoNotFoundError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        hint = _zone_hint(name)
        raise ScheduleError(
            f"I don't know the time zone {name!r}. Use an IANA name such as Europe/Berlin, "
            f"America/New_York or UTC{hint}."
        ) from None


def _zone_hint(name: str) -> str:
    lowered = name.lower().replace(" ", "_")
    if not lowered:
        return ""
    for candidate in sorted(available_timezones()):
        if candidate.lower().endswith("/" + lowered):
            return f" (did you mean {candidate}?)"
    return ""


_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$", re.IGNORECASE)


def parse_weekday(word: str) -> int:
    lowered = word.strip().lower()
    if len(lowered) >= 2:
        for index, name in enumerate(WEEKDAYS):
            if name.startswith(lowered):
                return index
    raise ScheduleError(f"I don't know the day {word!r}; use a weekday such as monday or mon.")


def parse_time(word: str) -> time:
    match = _TIME.match(word.strip())
    if not match:
        raise ScheduleError(f"I can't read the time {word!r}; use 24-hour HH:MM, e.g. 09:00 or 14:30.")
    hour, minute = int(match[1]), int(match[2] or 0)
    suffix = (match[3] or "").lower()
    if suffix:
        if not 1 <= hour <= 12:
            raise ScheduleError(f"{word!r} is not a time on a 12-hour clock.")
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ScheduleError(f"{word!r} is not a time of day; use HH:MM between 00:00 and 23:59.")
    return time(hour, minute)


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of wall-clock `at` on `day` in `zone`, with the gap and fold rules above."""
    # fold=0 takes the first of a repeated hour, and for a time inside a spring-forward gap the
    # offset in force before the jump, which lands as far past the jump as the time was.
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)


def next_due(schedule: Schedule, after: datetime, *, anchor: date | None = None) -> datetime:
    """The first due instant strictly after `after` (UTC).

    `anchor` is a local date of one due post (the first); biweekly posts fall an even number of
    weeks from it. Without an anchor every matching weekday counts.
    """
    if after.tzinfo is None:
        after = after.replace(tzinfo=UTC)
    zone = schedule.zone
    local_day = after.astimezone(zone).date()
    offset = (schedule.weekday - local_day.weekday()) % 7
    day = local_day + timedelta(days=offset)
    # At most three candidates: this week's slot may already be past, and biweekly may skip one.
    for _ in range(4):
        if schedule.frequency is Frequency.biweekly and anchor is not None and ((day - anchor).days // 7) % 2:
            day += timedelta(days=7)
            continue
        due = local_instant(day, schedule.at, zone)
        if due > after:
            return due
        day += timedelta(days=7)
    raise AssertionError("unreachable: a weekly slot always exists within three weeks")  # pragma: no cover


def first_due(schedule: Schedule, now: datetime) -> tuple[datetime, date]:
    """The first post of a new subscription, and the anchor (its local date) for biweekly parity."""
    due = next_due(schedule, now)
    return due, due.astimezone(schedule.zone).date()
