"""Team channel rows in the core's store: plain SQL, the same on SQLite and PostgreSQL, over the
tables of store migration 3.

Writes that must not interleave between processes (claiming a due post, completing it) run in
the store's :meth:`~bot.storage.protocol.CoachStore.transaction` (``BEGIN IMMEDIATE`` on SQLite;
on PostgreSQL the due rows are claimed ``FOR UPDATE SKIP LOCKED`` and the claim re-checked
``FOR UPDATE``); the caller opens it, these helpers only run statements through
:meth:`~bot.storage.protocol.CoachStore.execute`. Reads of several statements use ``snapshot``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from bot.storage.protocol import CoachStore, Rows
from bot.storage.store import timestamp
from bot.teams.schedule import Frequency, PostKinds, Schedule


def channel_key(platform: str, tenant: str, channel: str) -> str:
    return f"{platform}:{tenant}:{channel}"


@dataclass(frozen=True)
class Subscription:
    channel_key: str
    platform: str
    tenant: str
    channel: str
    schedule: Schedule
    kinds: PostKinds
    stats: bool
    paused: bool
    anchor: date
    next_due: datetime
    cycle: int


_COLUMNS = ("channel_key, platform, tenant, channel, weekday, at_time, timezone, frequency, kinds, stats, "
            "paused, anchor, next_due, cycle")


def _subscription(row: tuple[Any, ...]) -> Subscription:
    key, platform, tenant, channel, weekday, at_time, zone, frequency, kinds, stats, paused, anchor, due, cycle = row
    return Subscription(
        channel_key=key, platform=platform, tenant=tenant, channel=channel,
        schedule=Schedule(weekday=weekday, at=time.fromisoformat(at_time), timezone=zone,
                          frequency=Frequency(frequency)),
        kinds=PostKinds(kinds), stats=bool(stats), paused=bool(paused), anchor=date.fromisoformat(anchor),
        next_due=datetime.fromisoformat(due), cycle=cycle,
    )


@dataclass(frozen=True)
class PracticeStats:
    """Practices by the opted-in members of one channel in a window; scores are 0-2 averages."""

    participants: int
    practices: int
    average_scores: dict[str, float]


class TeamStore:
    def __init__(self, store: CoachStore) -> None:
        self.store = store

    def _execute(self, sql: str, params: Any = ()) -> Rows:
        return self.store.execute(sql, params)

    # --- subscriptions -------------------------------------------------------------------------

    def save_subscription(self, sub: Subscription, *, by: str, now: datetime) -> None:
        """Create or replace a channel's subscription (the post history and mutes are kept)."""
        at = timestamp(now)
        with self.store.transaction():
            self._execute(
                f"INSERT INTO team_subscriptions ({_COLUMNS}, created_by, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (channel_key) DO UPDATE SET "
                "weekday = excluded.weekday, at_time = excluded.at_time, timezone = excluded.timezone, "
                "frequency = excluded.frequency, kinds = excluded.kinds, paused = 0, anchor = excluded.anchor, "
                "next_due = excluded.next_due, claimed_by = NULL, claimed_until = NULL, "
                "updated_at = excluded.updated_at",
                (sub.channel_key, sub.platform, sub.tenant, sub.channel, sub.schedule.weekday,
                 sub.schedule.at.strftime("%H:%M"), sub.schedule.timezone, sub.schedule.frequency.value,
                 sub.kinds.value, int(sub.stats), int(sub.paused), sub.anchor.isoformat(), timestamp(sub.next_due),
                 sub.cycle, by, at, at),
            )

    def subscription(self, key: str) -> Subscription | None:
        with self.store.snapshot() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM team_subscriptions WHERE channel_key = ?", (key,)).fetchone()
        return _subscription(row) if row else None

    def delete_subscription(self, key: str) -> bool:
        with self.store.transaction():
            return self._execute("DELETE FROM team_subscriptions WHERE channel_key = ?", (key,)).rowcount == 1

    def update_subscription(self, key: str, *, now: datetime, **fields: Any) -> bool:
        allowed = {"paused", "stats", "next_due", "claimed_by", "claimed_until"}
        if not fields or not set(fields) <= allowed:
            raise ValueError(f"cannot update {sorted(set(fields) - allowed)}")
        values = [timestamp(v) if isinstance(v, datetime) else int(v) if isinstance(v, bool) else v
                  for v in fields.values()]
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self.store.transaction():
            cursor = self._execute(
                f"UPDATE team_subscriptions SET {assignments}, updated_at = ? WHERE channel_key = ?",
                (*values, timestamp(now), key),
            )
        return cursor.rowcount == 1

    # --- the due-post claim (inside a transaction) ---------------------------------------------

    def due_unclaimed(self, now: datetime, platform: str | None, limit: int) -> list[Subscription]:
        at = timestamp(now)
        sql = (f"SELECT {_COLUMNS} FROM team_subscriptions WHERE paused = 0 AND next_due <= ? "
               "AND (claimed_until IS NULL OR claimed_until < ?)")
        args: list[Any] = [at, at]
        if platform is not None:
            sql += " AND platform = ?"
            args.append(platform)
        sql += " ORDER BY next_due LIMIT ?" + self.store.dialect.skip_locked
        args.append(limit)
        return [_subscription(row) for row in self._execute(sql, args)]

    def set_claim(self, key: str, owner: str | None, until: datetime | None) -> None:
        self._execute("UPDATE team_subscriptions SET claimed_by = ?, claimed_until = ? WHERE channel_key = ?",
                           (owner, timestamp(until) if until else None, key))

    def claim_owner(self, key: str) -> str | None:
        row = self._execute("SELECT claimed_by FROM team_subscriptions WHERE channel_key = ?"
                            + self.store.dialect.for_update, (key,)).fetchone()
        return row[0] if row else None

    def record_post(self, key: str, tip_key: str, cycle: int, due_at: datetime, posted_at: datetime,
                    next_due: datetime) -> None:
        self._execute(
            "INSERT INTO team_posts (channel_key, tip_key, cycle, due_at, posted_at) VALUES (?, ?, ?, ?, ?)",
            (key, tip_key, cycle, timestamp(due_at), timestamp(posted_at)),
        )
        self._execute(
            "UPDATE team_subscriptions SET next_due = ?, cycle = ?, claimed_by = NULL, claimed_until = NULL "
            "WHERE channel_key = ?",
            (timestamp(next_due), cycle, key),
        )

    def rotation(self, key: str) -> tuple[int, list[str], str | None]:
        """The channel's current cycle, the tips posted in it, and the last tip posted at all.

        Call inside a transaction (the claim's), so the answer cannot change before it is used.
        """
        row = self._execute("SELECT cycle FROM team_subscriptions WHERE channel_key = ?", (key,)).fetchone()
        cycle = row[0] if row else 0
        keys = [k for (k,) in self._execute(
            "SELECT tip_key FROM team_posts WHERE channel_key = ? AND cycle = ? ORDER BY id", (key, cycle))]
        last = self._execute("SELECT tip_key FROM team_posts WHERE channel_key = ? ORDER BY id DESC LIMIT 1",
                                  (key,)).fetchone()
        return cycle, keys, last[0] if last else None

    def post_count(self, key: str) -> int:
        with self.store.snapshot() as conn:
            return conn.execute("SELECT count(*) FROM team_posts WHERE channel_key = ?", (key,)).fetchone()[0]

    # --- per-user mutes and stats opt-ins ------------------------------------------------------

    def _toggle(self, table: str, key: str, user_key: str, on: bool, now: datetime) -> bool:
        with self.store.transaction():
            if on:
                cursor = self._execute(
                    f"INSERT INTO {table} (channel_key, user_key, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    (key, user_key, timestamp(now)))
            else:
                cursor = self._execute(f"DELETE FROM {table} WHERE channel_key = ? AND user_key = ?",
                                            (key, user_key))
        return cursor.rowcount == 1

    def set_muted(self, key: str, user_key: str, muted: bool, now: datetime) -> bool:
        return self._toggle("team_mutes", key, user_key, muted, now)

    def is_muted(self, key: str, user_key: str) -> bool:
        with self.store.snapshot() as conn:
            return conn.execute("SELECT 1 FROM team_mutes WHERE channel_key = ? AND user_key = ?",
                                (key, user_key)).fetchone() is not None

    def muted_count(self, key: str) -> int:
        with self.store.snapshot() as conn:
            return conn.execute("SELECT count(*) FROM team_mutes WHERE channel_key = ?", (key,)).fetchone()[0]

    def set_opted_in(self, key: str, user_key: str, opted_in: bool, now: datetime) -> bool:
        return self._toggle("team_optins", key, user_key, opted_in, now)

    def opted_in_count(self, key: str) -> int:
        with self.store.snapshot() as conn:
            return conn.execute("SELECT count(*) FROM team_optins WHERE channel_key = ?", (key,)).fetchone()[0]

    def practice_stats(self, key: str, since: datetime, until: datetime) -> PracticeStats:
        """Finished practices of opted-in members between `since` and `until`."""
        with self.store.snapshot() as conn:
            rows = conn.execute(
                "SELECT r.user_key, r.data FROM team_optins o JOIN records r ON r.user_key = o.user_key "
                "AND r.kind = 'practice' WHERE o.channel_key = ? AND r.at >= ? AND r.at < ? AND NOT EXISTS ("
                "SELECT 1 FROM team_mutes m WHERE m.channel_key = o.channel_key AND m.user_key = o.user_key)",
                (key, timestamp(since), timestamp(until)),
            ).fetchall()
        people: set[str] = set()
        totals: dict[str, list[float]] = {}
        for user_key, data in rows:
            people.add(user_key)
            try:
                scores = json.loads(data).get("scores") or {}
            except (ValueError, AttributeError):
                continue
            for technique, points in scores.items():
                if isinstance(points, int | float):
                    totals.setdefault(technique, []).append(float(points))
        averages = {technique: sum(values) / len(values) for technique, values in totals.items()}
        return PracticeStats(participants=len(people), practices=len(rows), average_scores=averages)

    def user_rows(self, user_key: str) -> dict[str, list[dict[str, str]]]:
        """Every team row that names the user, for their data export."""
        with self.store.snapshot() as conn:
            return {
                "muted_channels": [{"channel": k, "at": at} for k, at in conn.execute(
                    "SELECT channel_key, at FROM team_mutes WHERE user_key = ? ORDER BY at", (user_key,))],
                "stats_joined": [{"channel": k, "at": at} for k, at in conn.execute(
                    "SELECT channel_key, at FROM team_optins WHERE user_key = ? ORDER BY at", (user_key,))],
                "shared_checklists_started": [{"checklist": c, "channel": k, "at": at} for c, k, at in conn.execute(
                    "SELECT t.checklist, t.channel_key, s.started_at FROM team_share_starts s JOIN team_shares t "
                    "ON t.share_id = s.share_id WHERE s.user_key = ? ORDER BY s.started_at", (user_key,))],
            }

    # --- shared checklists ---------------------------------------------------------------------

    def create_share(self, share_id: str, key: str, checklist: str, by: str, now: datetime) -> None:
        with self.store.transaction():
            self._execute(
                "INSERT INTO team_shares (share_id, channel_key, checklist, created_by, created_at) "
                "VALUES (?, ?, ?, ?, ?)", (share_id, key, checklist, by, timestamp(now)))

    def share(self, share_id: str) -> tuple[str, str] | None:
        """(channel key, checklist key) of a share, or None."""
        with self.store.snapshot() as conn:
            row = conn.execute("SELECT channel_key, checklist FROM team_shares WHERE share_id = ?",
                               (share_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def record_start(self, share_id: str, user_key: str, now: datetime) -> bool:
        """True the first time this user starts this share."""
        with self.store.transaction():
            return self._execute(
                "INSERT INTO team_share_starts (share_id, user_key, started_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (share_id, user_key, timestamp(now))).rowcount == 1

    def share_counts(self, share_id: str, checklist: str) -> tuple[int, int]:
        """(people who started, people who finished since they started) for one share."""
        with self.store.snapshot() as conn:
            started = conn.execute("SELECT count(*) FROM team_share_starts WHERE share_id = ?",
                                   (share_id,)).fetchone()[0]
            finished = conn.execute(
                "SELECT count(*) FROM team_share_starts s WHERE s.share_id = ? AND EXISTS ("
                "SELECT 1 FROM records r WHERE r.user_key = s.user_key AND r.kind = 'checklist' "
                "AND r.key = ? AND r.at >= s.started_at)", (share_id, checklist)).fetchone()[0]
        return started, finished

    # --- a workspace that removed the app ------------------------------------------------------

    def forget_workspace(self, platform: str, tenant: str) -> int:
        """Delete every team row of one workspace (its channels' subscriptions, posts, mutes, opt-ins
        and shared checklists); returns how many rows went."""
        prefix = channel_key(platform, tenant, "")
        match = "substr(channel_key, 1, CAST(? AS INTEGER)) = ?"
        deleted = 0
        with self.store.transaction():
            execute = self._execute
            deleted += execute("DELETE FROM team_share_starts WHERE share_id IN "
                               f"(SELECT share_id FROM team_shares WHERE {match})", (len(prefix), prefix)).rowcount
            for table in ("team_shares", "team_posts", "team_mutes", "team_optins", "team_subscriptions"):
                deleted += execute(f"DELETE FROM {table} WHERE {match}", (len(prefix), prefix)).rowcount
        return deleted
