"""A workspace that removes the app loses its team channel rows, and no other workspace's (both back ends)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from bot.storage import open_store
from bot.teams.schedule import Frequency, PostKinds, Schedule
from bot.teams.storage import Subscription, TeamStore, channel_key

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def _channel(teams: TeamStore, tenant: str, channel: str) -> str:
    key = channel_key("slack", tenant, channel)
    teams.save_subscription(Subscription(
        channel_key=key, platform="slack", tenant=tenant, channel=channel,
        schedule=Schedule(weekday=0, at=time(9), timezone="UTC", frequency=Frequency.weekly),
        kinds=PostKinds.tips, stats=True, paused=False, anchor=date(2026, 11, 23),
        next_due=datetime(2026, 11, 23, 9, tzinfo=UTC), cycle=0), by=f"slack:{tenant}:UADMIN", now=NOW)
    teams.set_muted(key, f"slack:{tenant}:UBOB", True, NOW)
    teams.set_opted_in(key, f"slack:{tenant}:UALICE", True, NOW)
    teams.create_share(f"share-{tenant}", key, "prepare", f"slack:{tenant}:UADMIN", NOW)
    teams.record_start(f"share-{tenant}", f"slack:{tenant}:UALICE", NOW)
    return key


def test_forgetting_a_workspace_deletes_its_team_rows_only(store_target: str):
    store = open_store(store_target, maintenance=False)
    try:
        teams = TeamStore(store)
        gone, kept = _channel(teams, "T1", "C1"), _channel(teams, "T10", "C1")  # T1 is a prefix of T10
        assert teams.forget_workspace("slack", "T1") == 5
        assert teams.subscription(gone) is None and teams.share("share-T1") is None
        assert teams.subscription(kept) is not None and teams.share("share-T10") is not None
        assert teams.muted_count(kept) == 1 and teams.opted_in_count(kept) == 1
    finally:
        store.close()
