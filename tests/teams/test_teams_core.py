"""Team channels in the core: schedules across time zones and DST, the no-repeat rotation, claims
between two processes, the stats privacy threshold, and friendly answers to bad commands."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.messages import Incoming, Reply
from bot.service import CoachService
from bot.session import Outcome, Record, SessionState
from bot.storage import open_store
from bot.teams.commands import BadCommand, parse
from bot.teams.schedule import Frequency, Schedule, ScheduleError, next_due, zone_or_error
from bot.teams.service import MIN_STATS_PARTICIPANTS, Actor, TeamService
from tests.support.clock import Clock
from tests.support.harness import shipped

BERLIN = "Europe/Berlin"
START = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # a Monday, 08:00 in Berlin


class PracticeEngine:
    """Each message finishes a practice with fixed scores: what the stats read, without role-play."""

    def step(self, state: SessionState, incoming: Incoming) -> Outcome:
        scores = {"research_market": 2, "prioritise": 1} if incoming.text == "good" else {"research_market": 0}
        return Outcome(state=state, replies=[Reply(text="done")],
                       records=[Record(kind="practice", key="growth_startup", data={"scores": scores})])


async def _yes() -> bool:
    return True


def _service(db: Path | str, clock: Clock) -> tuple[CoachService, TeamService]:
    playbooks, _ = shipped()
    coach = CoachService(open_store(db, maintenance=False), PracticeEngine(), clock=clock)
    return coach, TeamService(coach.store, playbooks, coach, clock=clock)


def _actor(user: str = "UADMIN", channel: str = "CTEAM") -> Actor:
    return Actor(platform="test", tenant="T1", channel=channel, user_id=user)


# --- schedules ---------------------------------------------------------------------------------


def test_the_wall_clock_time_holds_across_daylight_saving_changes() -> None:
    monday_nine = Schedule(weekday=0, at=time(9, 0), timezone=BERLIN)
    before_change = next_due(monday_nine, datetime(2026, 3, 20, tzinfo=UTC))
    after_change = next_due(monday_nine, before_change)
    assert before_change == datetime(2026, 3, 23, 8, 0, tzinfo=UTC)  # CET, UTC+1
    assert after_change == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)  # CEST, UTC+2: still 09:00 in Berlin
    new_york = Schedule(weekday=0, at=time(9, 0), timezone="America/New_York")
    assert next_due(new_york, datetime(2026, 11, 1, tzinfo=UTC)) == datetime(2026, 11, 2, 14, 0, tzinfo=UTC)


def test_a_time_skipped_or_repeated_by_the_clock_change_is_posted_once_at_a_sensible_moment() -> None:
    sunday_half_two = Schedule(weekday=6, at=time(2, 30), timezone=BERLIN)
    # 29 March 2026: 02:00 jumps to 03:00, so 02:30 does not exist; it is posted at 03:30 CEST.
    assert next_due(sunday_half_two, datetime(2026, 3, 28, tzinfo=UTC)) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    # 25 October 2026: 02:30 happens twice; the first one (CEST) is used.
    assert next_due(sunday_half_two, datetime(2026, 10, 24, tzinfo=UTC)) == datetime(2026, 10, 25, 0, 30,
                                                                                       tzinfo=UTC)


def test_every_other_week_keeps_its_parity_from_the_anchor() -> None:
    fortnightly = Schedule(weekday=0, at=time(9, 0), timezone=BERLIN, frequency=Frequency.biweekly)
    anchor = date(2026, 11, 30)
    # Asked from just after the anchor, or from a week later: both land two weeks after it.
    assert next_due(fortnightly, datetime(2026, 11, 30, 9, tzinfo=UTC), anchor=anchor).date() == date(2026, 12, 14)
    assert next_due(fortnightly, datetime(2026, 12, 7, 9, tzinfo=UTC), anchor=anchor).date() == date(2026, 12, 14)


def test_unknown_zones_days_and_times_get_a_message_that_says_what_to_type() -> None:
    with pytest.raises(ScheduleError, match="IANA name"):
        zone_or_error("Mars/Olympus")
    with pytest.raises(ScheduleError, match="did you mean Europe/Berlin"):
        zone_or_error("berlin")
    for text, expected in (("channel subscribe mon 25:00", "not a time of day"),
                           ("channel subscribe Mars/Base", "IANA name"),
                           ("channel stats maybe", "channel stats on"),
                           ("channel frobnicate", "Team channel commands"),
                           ("channel pause now", "takes nothing after it")):
        parsed = parse(text)
        assert isinstance(parsed, BadCommand) and expected in parsed.message, text


# --- commands and the rotation ------------------------------------------------------------------


async def test_commands_outside_a_channel_and_unknown_checklists_get_friendly_answers(store_target: str) -> None:
    coach, teams = _service(store_target, Clock(START))
    in_dm = Actor(platform="test", tenant="T1", channel="D1", user_id="U1", in_channel=False)
    result = await teams.command("channel subscribe", in_dm, _yes)
    assert "in the channel" in result.replies[0].text
    result = await teams.command("checklist share nonsense`**", _actor(), _yes)
    assert result.channel_post is None
    assert "`prepare`" in result.replies[0].text and "**" not in result.replies[0].text.split("called")[1][:20]
    coach.close()


async def test_a_cycle_posts_every_tip_once_before_any_repeats(store_target: str) -> None:
    clock = Clock(START)
    coach, teams = _service(store_target, clock)
    await teams.command("channel subscribe mon 09:00 Europe/Berlin tips", _actor(), _yes)
    pool = [tip.key for tip in teams.playbooks.tips if tip.kind == "tip"]
    posted: list[str] = []
    for _ in range(len(pool) + 1):
        clock.moment += timedelta(days=7)
        [due] = teams.claim_due()
        assert teams.mark_posted(due)
        posted.append(due.tip_key)
    assert sorted(posted[: len(pool)]) == sorted(pool)  # each tip once in the first cycle
    assert posted[len(pool)] != posted[len(pool) - 1]  # the new cycle does not open with the last tip
    coach.close()


def test_four_schedulers_claiming_at_the_same_moment_post_once_per_due_slot(store_target: str) -> None:
    """Four processes' schedulers (each its own store connection) race for three channels' posts
    over three weekly slots: every slot is posted exactly once, by whichever claimed it."""
    import asyncio

    clock = Clock(START)
    services = [_service(store_target, clock) for _ in range(4)]
    channels = ["C1", "C2", "C3"]
    for channel in channels:
        asyncio.run(services[0][1].command("channel subscribe mon 09:00 Europe/Berlin", _actor(channel=channel),
                                           _yes))
    posted: list[str] = []
    for week in range(1, 4):
        clock.moment = START + timedelta(days=7 * week, hours=2)
        barrier = threading.Barrier(len(services))

        def post_what_is_due(teams: TeamService, barrier: threading.Barrier = barrier) -> None:
            barrier.wait()
            for _ in range(10):
                for due in teams.claim_due():
                    if teams.mark_posted(due):
                        posted.append(due.subscription.channel_key)

        threads = [threading.Thread(target=post_what_is_due, args=(teams,)) for _coach, teams in services]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(posted) == sorted([_actor(channel=c).channel_key for c in channels] * week)
    teams = services[0][1].teams
    assert [teams.post_count(_actor(channel=c).channel_key) for c in channels] == [3, 3, 3]
    for coach, _teams in services:
        coach.close()


# --- opt-in team stats --------------------------------------------------------------------------


async def _practise(coach: CoachService, teams: TeamService, users: list[str], *, join: bool = True) -> None:
    for user in users:
        if join:
            await teams.command("stats join", _actor(user), _yes)
        await coach.handle(Incoming(platform="test", tenant="T1", user_id=user, conversation_id=user, text="good"))


async def test_team_stats_need_five_people_who_opted_in_and_show_only_averages(store_target: str) -> None:
    clock = Clock(START)
    coach, teams = _service(store_target, clock)
    await teams.command("channel subscribe mon 09:00 Europe/Berlin", _actor(), _yes)
    await teams.command("channel stats on", _actor(), _yes)
    await _practise(coach, teams, [f"U{n}" for n in range(MIN_STATS_PARTICIPANTS - 1)])
    await _practise(coach, teams, ["UNOTJOINED"], join=False)  # practised, but never opted in

    clock.moment = START + timedelta(days=7, hours=2)
    [due] = teams.claim_due()
    assert due.reply.cards == ()
    assert "at least 5 people" in due.reply.text
    teams.mark_posted(due)

    await _practise(coach, teams, [f"U{n}" for n in range(MIN_STATS_PARTICIPANTS)])
    clock.moment += timedelta(days=7)
    [due] = teams.claim_due()
    [card] = due.reply.cards
    values = {field.label: field.value for field in card.fields}
    assert values["Practices run"] == "5"  # this week's five, not last week's or the non-member's
    assert values["Bring market data"] == "2.0 / 2"
    assert "U0" not in str(due.reply)  # never who did what
    coach.close()


async def test_forgetting_a_user_removes_their_team_rows_too(store_target: str) -> None:
    coach, teams = _service(store_target, Clock(START))
    await teams.command("stats join", _actor("UFORGET"), _yes)
    await teams.click("team:mute", _actor("UFORGET"))
    rows = coach.export_user("test:T1:UFORGET")["team"]  # the user's own export shows them
    assert [row["channel"] for row in rows["muted_channels"]] == [_actor().channel_key]
    assert len(rows["stats_joined"]) == 1
    coach.forget_user("test:T1:UFORGET")
    assert teams.teams.opted_in_count(_actor().channel_key) == 0
    assert not teams.teams.is_muted(_actor().channel_key, "test:T1:UFORGET")
    coach.close()
