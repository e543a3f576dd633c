"""Team channels in the core: schedules across time zones and DST, the no-repeat rotation, claims
between two processes, the stats privacy threshold, and friendly answers to bad commands."""

from __future__ import annotations

import asyncio
import json
import os
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

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
from tests.support.preforked import Preforked

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


# Six channels in three workspaces, each subscribed at START, with its first slot: weekly ones
# post every week after it, the biweekly one every other week. No clock change falls in these weeks.
SLOTS = {
    ("T1", "C1"): ("mon 09:00 Europe/Berlin", datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo(BERLIN)), 1),
    ("T1", "C2"): ("tue 18:30 America/New_York challenges",
                   datetime(2026, 11, 24, 18, 30, tzinfo=ZoneInfo("America/New_York")), 1),
    ("T1", "C3"): ("wed 08:00 Asia/Tokyo biweekly", datetime(2026, 11, 25, 8, 0, tzinfo=ZoneInfo("Asia/Tokyo")), 2),
    ("T2", "C1"): ("fri 12:00 UTC both", datetime(2026, 11, 27, 12, 0, tzinfo=UTC), 1),
    ("T2", "C4"): ("sun 23:45 Pacific/Auckland",
                   datetime(2026, 11, 29, 23, 45, tzinfo=ZoneInfo("Pacific/Auckland")), 1),
    ("T3", "C5"): ("thu 07:15 Europe/London", datetime(2026, 11, 26, 7, 15, tzinfo=ZoneInfo("Europe/London")), 1),
}
WEEKS = 4
SCHEDULERS = 4


async def test_four_scheduler_processes_post_each_due_slot_exactly_once(store_target: str, tmp_path: Path) -> None:
    """Four processes run the scheduler round `offer-coach run slack` runs, on one database; the
    clock moves a week at a time and every process has its round at each moment. Each channel's
    due slots are posted once each, none missing, and the store's post history says the same."""
    coach, setup = _service(store_target, Clock(START))
    for (tenant, channel), (schedule, _first, _every) in SLOTS.items():
        actor = Actor(platform="slack", tenant=tenant, channel=channel, user_id="UADMIN")
        await setup.command(f"channel subscribe {schedule}", actor, _yes)
    clock = tmp_path / "clock"
    clock.write_text(START.isoformat())
    argvs = [[str(clock), str(tmp_path / f"posts-{n}.jsonl"), str(tmp_path / f"rounds-{n}.txt")]
             for n in range(SCHEDULERS)]
    env = {**os.environ, "OFFER_COACH_DATABASE_URL": store_target, "OFFER_COACH_DB": str(tmp_path / "unused.db")}
    schedulers = Preforked("tests.support.team_scheduler_process:main", argvs, env=env, cwd=tmp_path,
                           preload=["tests.support.team_scheduler_process", "bot.engine", "bot.playbooks.loader",
                                    "bot.understanding.reader", "psycopg", "psycopg_pool"])

    async def everyone_had_a_round_at(moment: str) -> None:
        rounds = [Path(argv[2]) for argv in argvs]
        deadline = asyncio.get_running_loop().time() + 60
        while not all(path.exists() and path.read_text().splitlines()[-1:] == [moment] for path in rounds):
            assert all(schedulers.exited(n) is None for n in range(SCHEDULERS)), schedulers.errors()
            assert asyncio.get_running_loop().time() < deadline, f"not every scheduler ran at {moment}"
            await asyncio.sleep(0.02)

    try:
        await everyone_had_a_round_at(START.isoformat())
        for week in range(1, WEEKS + 1):
            moment = (START + timedelta(weeks=week)).isoformat()
            clock.with_suffix(".new").write_text(moment)
            clock.with_suffix(".new").replace(clock)  # each process reads the whole new moment or the old one
            await everyone_had_a_round_at(moment)
    finally:
        exit_codes = await schedulers.stop()
    assert exit_codes == [0] * SCHEDULERS, schedulers.errors()

    posted: dict[str, list[str]] = {}
    for argv in argvs:
        lines = Path(argv[1]).read_text().splitlines() if Path(argv[1]).exists() else []
        for post in map(json.loads, lines):
            posted.setdefault(post["channel"], []).append(datetime.fromisoformat(post["due"]).isoformat())
    expected = {f"slack:{tenant}:{channel}": [(first + timedelta(weeks=every * n)).astimezone(UTC).isoformat()
                                              for n in range(WEEKS // every)]
                for (tenant, channel), (_schedule, first, every) in SLOTS.items()}
    assert {key: sorted(slots) for key, slots in posted.items()} == expected  # each slot once, none missing
    assert {key: setup.teams.post_count(key) for key in expected} == {key: len(v) for key, v in expected.items()}
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
