"""Team career channels beside the coach: subscriptions, due posts, mutes, stats and shared checklists.

Adapters call :class:`TeamService` for what happens in a channel, and get neutral replies back:

- :meth:`TeamService.command` for a team command typed in a channel (see :mod:`bot.teams.commands`);
  the answer is for the person who typed it (ephemeral), plus at most one post for the channel;
- :meth:`TeamService.click` for a click on a team post's button (choice ids ``team:…``);
- :meth:`TeamService.claim_due`, then :meth:`TeamService.mark_posted` or :meth:`TeamService.release`,
  from each adapter's scheduler loop (:mod:`bot.teams.scheduler`).

A member's own work (the private copy of a shared checklist) goes through the coach's normal path,
``CoachService.handle``, so it is stored, exported and forgotten like any other session.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.markup import escape
from bot.messages import Card, CardField, Choice, ChoiceStyle, ConversationKind, Incoming, Reply, ReplyKind
from bot.playbooks.models import Playbooks, Tip
from bot.port import Coach
from bot.storage.protocol import CoachStore
from bot.storage.store import StoreError, now_utc
from bot.teams import commands
from bot.teams.commands import BadCommand, ChannelCommand, ShareCommand, StatsCommand
from bot.teams.schedule import DEFAULT_TIMEZONE, Frequency, PostKinds, Schedule, first_due, next_due
from bot.teams.storage import PracticeStats, Subscription, TeamStore, channel_key

logger = logging.getLogger(__name__)

MIN_STATS_PARTICIPANTS = 5  # no small-number disclosure: fewer people than this and no figures at all
CLAIM_LEASE = timedelta(minutes=10)  # a process that dies mid-post lets another retry after this
RETRY_AFTER = timedelta(minutes=5)  # a failed post is tried again this much later
MUTE = "team:mute"
UNMUTE = "team:unmute"
START = "team:start:"
PROGRESS = "team:progress:"

NOT_A_CHANNEL = "Team commands work in a channel: run this in the channel you want it for."
NOT_A_MANAGER = ("Only the people who manage this channel can change its Offer Coach posts "
                 "(on Slack: workspace admins and owners, or whoever created the channel; on Discord: "
                 "members with Manage Channels). Ask one of them, or see `channel status`.")
NOT_SUBSCRIBED = "This channel has no Offer Coach posts. A channel manager can start them with `channel subscribe`."
TROUBLE = "I couldn't save that just now, so nothing changed. Please try again in a moment."
MUTED_TEXT = ("Muted for you. Slack and Discord can't hide a channel message from one person, so muting means: "
              "I never send you a direct message or a private note prompted by this channel's posts, and your "
              "practices stop counting in its team stats. To hide the posts too, mute the channel in your "
              "app's settings. **Unmute** undoes this.")
UNMUTED_TEXT = "Unmuted: this channel's Offer Coach posts count you in again."


@dataclass(frozen=True)
class Actor:
    """Who acted, and in which channel. `user_tenant` is the tenant of the user's key when it differs
    from the channel's (Discord keys users globally, under "")."""

    platform: str
    tenant: str
    channel: str
    user_id: str
    in_channel: bool = True  # False for a DM
    user_tenant: str | None = None

    @property
    def channel_key(self) -> str:
        return channel_key(self.platform, self.tenant, self.channel)

    @property
    def user_key(self) -> str:
        tenant = self.tenant if self.user_tenant is None else self.user_tenant
        return f"{self.platform}:{tenant}:{self.user_id}"


@dataclass(frozen=True)
class CommandResult:
    replies: list[Reply]  # for the person who typed the command only
    channel_post: Reply | None = None  # visible in the channel (a shared checklist)


@dataclass(frozen=True)
class ClickResult:
    replies: list[Reply] = field(default_factory=list)  # for the clicker only
    dm_replies: list[Reply] = field(default_factory=list)  # to the clicker's DM (their private copy)
    updated_post: Reply | None = None  # replaces the clicked channel message (the aggregate count)


@dataclass(frozen=True)
class DuePost:
    """A post this process has claimed and must now send, then report with mark_posted or release."""

    subscription: Subscription
    tip_key: str
    cycle: int
    due_at: datetime
    reply: Reply
    owner: str

    @property
    def platform(self) -> str:
        return self.subscription.platform

    @property
    def tenant(self) -> str:
        return self.subscription.tenant

    @property
    def channel(self) -> str:
        return self.subscription.channel


def default_owner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


class TeamService:
    def __init__(self, store: CoachStore, playbooks: Playbooks, coach: Coach, *,
                 clock: Callable[[], datetime] | None = None, owner_id: str | None = None,
                 lease: timedelta = CLAIM_LEASE) -> None:
        self.store = store
        self.teams = TeamStore(store)
        self.playbooks = playbooks
        self.coach = coach
        self._clock = clock or now_utc
        self.owner_id = owner_id or default_owner_id()
        self.lease = lease
        self._labels = {t.detector.value: t.label for t in playbooks.rubric}

    def now(self) -> datetime:
        moment = self._clock()
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

    is_team_command = staticmethod(commands.is_team_command)

    # --- commands typed in a channel -----------------------------------------------------------

    async def command(self, text: str, actor: Actor, is_manager: Callable[[], Awaitable[bool]], *,
                      default_timezone: Callable[[], str | None] | str | None = None) -> CommandResult:
        """Run one team command. `is_manager` is asked only for commands that change the channel.

        `default_timezone` (or a callable giving it, read after `is_manager`) is the zone a new
        subscription gets when the command names none, e.g. the Slack user's own; else UTC.
        """
        parsed = commands.parse(text)
        if parsed is None:
            return _say(commands.TEAM_HELP)
        if isinstance(parsed, BadCommand):
            return _say(parsed.message)
        if not actor.in_channel:
            return _say(NOT_A_CHANNEL)
        try:
            if isinstance(parsed, StatsCommand):
                return self._stats_membership(parsed, actor)
            if isinstance(parsed, ShareCommand):
                return self._share(parsed, actor)
            if parsed.action == "status":
                return self._status(actor)
            if not await is_manager():
                return _say(NOT_A_MANAGER)
            zone = default_timezone() if callable(default_timezone) else default_timezone
            return self._change(parsed, actor, zone)
        except StoreError as error:
            logger.warning("a team command could not be saved: %s", error)
            return _say(TROUBLE)

    def _change(self, command: ChannelCommand, actor: Actor, default_timezone: str | None) -> CommandResult:
        key = actor.channel_key
        now = self.now()
        existing = self.teams.subscription(key)
        if command.action == "subscribe":
            return self._subscribe(command, actor, existing, default_timezone)
        if existing is None:
            return _say(NOT_SUBSCRIBED)
        if command.action == "unsubscribe":
            self.teams.delete_subscription(key)
            return _say("Unsubscribed: no more Offer Coach posts in this channel. "
                        "`channel subscribe` brings them back.")
        if command.action == "pause":
            if existing.paused:
                return _say("Already paused. `channel resume` starts the posts again.")
            self.teams.update_subscription(key, now=now, paused=True)
            return _say("Paused: no posts until someone runs `channel resume`. The schedule is kept.")
        if command.action == "resume":
            if not existing.paused:
                return _say(f"The posts are not paused; the next one is {self._when(existing, existing.next_due)}.")
            # Weeks missed while paused are not made up: the next slot from now on.
            due = next_due(existing.schedule, now, anchor=existing.anchor)
            self.teams.update_subscription(key, now=now, paused=False, next_due=due, claimed_by=None,
                                           claimed_until=None)
            return _say(f"Resumed. The next post is {self._when(existing, due)}.")
        assert command.action == "stats" and command.stats_on is not None
        self.teams.update_subscription(key, now=now, stats=command.stats_on)
        if command.stats_on:
            return _say("Team stats are on: each post will add how many practices were run and the average score "
                        f"per technique, counted only for people who typed `stats join` here, and only when at "
                        f"least {MIN_STATS_PARTICIPANTS} of them practised.")
        return _say("Team stats are off for this channel.")

    def _subscribe(self, command: ChannelCommand, actor: Actor, existing: Subscription | None,
                   default_timezone: str | None) -> CommandResult:
        now = self.now()
        base = existing.schedule if existing else Schedule(timezone=_known_or_utc(default_timezone))
        schedule = Schedule(
            weekday=base.weekday if command.weekday is None else command.weekday,
            at=base.at if command.at is None else command.at,
            timezone=base.timezone if command.timezone is None else command.timezone,
            frequency=base.frequency if command.frequency is None else command.frequency,
        )
        kinds = command.kinds or (existing.kinds if existing else PostKinds.both)
        due, anchor = first_due(schedule, now)
        subscription = Subscription(
            channel_key=actor.channel_key, platform=actor.platform, tenant=actor.tenant, channel=actor.channel,
            schedule=schedule, kinds=kinds, stats=existing.stats if existing else False, paused=False,
            anchor=anchor, next_due=due, cycle=existing.cycle if existing else 0,
        )
        self.teams.save_subscription(subscription, by=actor.user_key, now=now)
        what = {PostKinds.tips: "a tip", PostKinds.challenges: "a challenge",
                PostKinds.both: "a tip or a challenge"}[kinds]
        verb = "Updated" if existing else "Subscribed"
        return _say(f"{verb}: {what} from the playbooks, {schedule.describe()}. The first one is "
                    f"{self._when(subscription, due)}. Every post has a **Mute for me** button; "
                    "`channel pause` or `channel unsubscribe` stop them for everyone.")

    def _status(self, actor: Actor) -> CommandResult:
        sub = self.teams.subscription(actor.channel_key)
        if sub is None:
            return _say(NOT_SUBSCRIBED)
        state = "paused" if sub.paused else f"next post {self._when(sub, sub.next_due)}"
        what = {PostKinds.tips: "tips", PostKinds.challenges: "challenges", PostKinds.both: "tips and challenges"}
        card = Card(title="Offer Coach in this channel", fields=(
            CardField(label="Posts", value=f"{what[sub.kinds]}, {sub.schedule.describe()}"),
            CardField(label="State", value=state),
            CardField(label="Posted so far", value=str(self.teams.post_count(sub.channel_key))),
            CardField(label="Team stats", value=(
                f"on (figures appear once {MIN_STATS_PARTICIPANTS} members who typed `stats join` have practised)"
                if sub.stats else "off")),
            CardField(label="You", value="muted" if self.teams.is_muted(sub.channel_key, actor.user_key)
                      else "not muted"),
        ))
        return CommandResult([Reply(text="", cards=(card,), ephemeral=True)])

    def _stats_membership(self, command: StatsCommand, actor: Actor) -> CommandResult:
        changed = self.teams.set_opted_in(actor.channel_key, actor.user_key, command.join, self.now())
        if command.join:
            return _say("You're in: your finished practices count toward this channel's weekly team stats. Only "
                        "totals are shown (practices run, average score per technique), never who did what, and "
                        f"nothing at all until {MIN_STATS_PARTICIPANTS} people took part. `stats leave` to stop."
                        if changed else "You had already joined this channel's team stats.")
        return _say("You've left this channel's team stats; your practices are no longer counted."
                    if changed else "You were not in this channel's team stats.")

    def _share(self, command: ShareCommand, actor: Actor) -> CommandResult:
        checklists = self.playbooks.checklists
        if command.checklist not in checklists:
            names = ", ".join(f"`{key}`" for key in checklists)
            asked = f"I don't have a checklist called `{escape(command.checklist)}`. " if command.checklist else ""
            return _say(f"{asked}Share one with `checklist share <name>`; the checklists are {names}.")
        share_id = secrets.token_urlsafe(6)
        self.teams.create_share(share_id, actor.channel_key, command.checklist, actor.user_key, self.now())
        post = self._share_post(share_id, command.checklist)
        return CommandResult([Reply(text="Posted. Everyone who clicks **Start** gets a private copy; this channel "
                                         "only ever sees how many started and finished.", ephemeral=True)],
                             channel_post=post)

    # --- clicks on team posts ------------------------------------------------------------------

    async def click(self, choice_id: str, actor: Actor) -> ClickResult:
        try:
            if choice_id == MUTE:
                self.teams.set_muted(actor.channel_key, actor.user_key, True, self.now())
                return ClickResult([Reply(text=MUTED_TEXT, ephemeral=True,
                                          choices=(Choice(id=UNMUTE, label="Unmute"),))])
            if choice_id == UNMUTE:
                self.teams.set_muted(actor.channel_key, actor.user_key, False, self.now())
                return ClickResult([Reply(text=UNMUTED_TEXT, ephemeral=True)])
            if choice_id.startswith(START):
                return await self._start(choice_id.removeprefix(START), actor)
            if choice_id.startswith(PROGRESS):
                share_id = choice_id.removeprefix(PROGRESS)
                found = self.teams.share(share_id)
                if found is None:
                    return ClickResult([Reply(text="That shared checklist is no longer available.", ephemeral=True)])
                return ClickResult(updated_post=self._share_post(share_id, found[1]))
        except StoreError as error:
            logger.warning("a team click could not be saved: %s", error)
            return ClickResult([Reply(text=TROUBLE, ephemeral=True)])
        return ClickResult([Reply(text="That button is from an older post I can no longer read.", ephemeral=True)])

    async def _start(self, share_id: str, actor: Actor) -> ClickResult:
        found = self.teams.share(share_id)
        if found is None or found[1] not in self.playbooks.checklists:
            return ClickResult([Reply(text="That shared checklist is no longer available; ask for a new share.",
                                      ephemeral=True)])
        _channel, checklist = found
        self.teams.record_start(share_id, actor.user_key, self.now())
        incoming = Incoming(
            platform=actor.platform, tenant=actor.tenant if actor.user_tenant is None else actor.user_tenant,
            user_id=actor.user_id, conversation_id=actor.user_id, conversation_kind=ConversationKind.direct,
            text=f"checklist {checklist}",
        )
        dm = await self.coach.handle(incoming)
        return ClickResult(
            replies=[Reply(text="Your own copy is waiting in our direct messages; your answers stay there.",
                           ephemeral=True)],
            dm_replies=dm,
            updated_post=self._share_post(share_id, checklist),
        )

    def _share_post(self, share_id: str, checklist_key: str) -> Reply:
        checklist = self.playbooks.checklists[checklist_key]
        started, finished = self.teams.share_counts(share_id, checklist_key)
        people = "1 person" if started == 1 else f"{started} people"
        return Reply(
            text=(f"**Shared checklist: {escape(checklist.title)}**\n"
                  f"{len(checklist.steps)} short steps. Click **Start** and your own copy opens in a private "
                  "message with me; your answers stay there. This channel only sees the totals.\n"
                  f"**{people} started, {finished} finished**"),
            choices=(Choice(id=f"{START}{share_id}", label="Start", style=ChoiceStyle.primary),
                     Choice(id=f"{PROGRESS}{share_id}", label="Refresh count"),
                     Choice(id=MUTE, label="Mute for me")),
        )

    # --- the scheduler's side ------------------------------------------------------------------

    def claim_due(self, platform: str | None = None, *, limit: int = 20) -> list[DuePost]:
        """Claim the posts due now (in one BEGIN IMMEDIATE transaction, so two processes never both
        claim one) and build them. Each must be reported with mark_posted or release."""
        now = self.now()
        claimed: list[tuple[Subscription, Tip, int]] = []
        with self.store.transaction():
            for sub in self.teams.due_unclaimed(now, platform, limit):
                picked = self._next_tip(sub)
                if picked is None:  # an empty pool for these kinds: skip the slot rather than loop on it
                    self.teams.record_post(sub.channel_key, "-", sub.cycle, sub.next_due, now,
                                           next_due(sub.schedule, now, anchor=sub.anchor))
                    continue
                self.teams.set_claim(sub.channel_key, self.owner_id, now + self.lease)
                claimed.append((sub, *picked))
        return [DuePost(sub, tip.key, cycle, sub.next_due, self._tip_post(sub, tip, now), self.owner_id)
                for sub, tip, cycle in claimed]

    def mark_posted(self, post: DuePost) -> bool:
        """Record the post and move the channel to its next future slot (missed weeks are not made up)."""
        now = self.now()
        sub = post.subscription
        after = max(now, post.due_at)
        with self.store.transaction():
            if self.teams.claim_owner(sub.channel_key) != post.owner:
                logger.warning("a team post was completed after its claim lapsed; not recorded twice")
                return False
            self.teams.record_post(sub.channel_key, post.tip_key, post.cycle, post.due_at, now,
                                   next_due(sub.schedule, after, anchor=sub.anchor))
        return True

    def release(self, post: DuePost, *, give_up: bool = False) -> None:
        """The post could not be sent: try again later, or (the channel is gone) pause the subscription."""
        now = self.now()
        with self.store.transaction():
            if self.teams.claim_owner(post.subscription.channel_key) != post.owner:
                return
            self.teams.set_claim(post.subscription.channel_key, "retry", now + RETRY_AFTER)
        if give_up:
            self.teams.update_subscription(post.subscription.channel_key, now=now, paused=True,
                                           claimed_by=None, claimed_until=None)

    def _pool(self, kinds: PostKinds) -> list[Tip]:
        wanted = {PostKinds.tips: {"tip"}, PostKinds.challenges: {"challenge"},
                  PostKinds.both: {"tip", "challenge"}}[kinds]
        return [tip for tip in self.playbooks.tips if tip.kind in wanted]

    def _next_tip(self, sub: Subscription) -> tuple[Tip, int] | None:
        """The next tip of the channel's current cycle: every tip of the pool once, in an order of
        the channel's own, before any repeats; a new cycle never opens with the tip just posted."""
        pool = self._pool(sub.kinds)
        if not pool:
            return None
        cycle, posted, last = self.teams.rotation(sub.channel_key)
        remaining = [tip for tip in _cycle_order(pool, sub.channel_key, cycle) if tip.key not in set(posted)]
        if not remaining:
            cycle += 1
            remaining = _cycle_order(pool, sub.channel_key, cycle)
            if len(remaining) > 1 and remaining[0].key == last:
                remaining = remaining[1:]
        return remaining[0], cycle

    def _tip_post(self, sub: Subscription, tip: Tip, now: datetime) -> Reply:
        heading = "Challenge of the week" if tip.kind == "challenge" else "Tip of the week"
        if sub.schedule.frequency is Frequency.biweekly:
            heading = heading.replace("of the week", "for the next two weeks")
        cards: tuple[Card, ...] = ()
        lines = [f"**{heading}**", escape(" ".join(tip.text.split()))]
        if sub.stats:
            window = timedelta(days=14 if sub.schedule.frequency is Frequency.biweekly else 7)
            stats = self.teams.practice_stats(sub.channel_key, now - window, now)
            card = self._stats_card(stats, window)
            if card is not None:
                cards = (card,)
            else:
                lines.append(f"Team stats appear once at least {MIN_STATS_PARTICIPANTS} people who typed "
                             "`stats join` here have practised in the period.")
        lines.append("Practise it privately: start a practice with me in a direct message.")
        return Reply(text="\n".join(lines), cards=cards, choices=(Choice(id=MUTE, label="Mute for me"),))

    def _stats_card(self, stats: PracticeStats, window: timedelta) -> Card | None:
        if stats.participants < MIN_STATS_PARTICIPANTS:
            return None
        fields = [CardField(label="Practices run", value=str(stats.practices))]
        for detector, label in self._labels.items():
            if detector in stats.average_scores:
                fields.append(CardField(label=label, value=f"{stats.average_scores[detector]:.1f} / 2"))
        days = window.days
        return Card(title=f"The team's practice, last {days} days", fields=tuple(fields),
                    footer=f"Counted for the {stats.participants} people who joined the stats and practised; "
                           "averages only, never who did what.")

    def _when(self, sub: Subscription, due: datetime) -> str:
        local = due.astimezone(sub.schedule.zone)
        return f"{local.strftime('%A %d %B %Y at %H:%M')} ({sub.schedule.timezone})"


def _cycle_order(pool: list[Tip], key: str, cycle: int) -> list[Tip]:
    """The pool in an order of the channel and cycle's own, the same in every process."""
    return sorted(pool, key=lambda tip: hashlib.sha256(f"{key}|{cycle}|{tip.key}".encode()).digest())


def _known_or_utc(zone: str | None) -> str:
    if not zone:
        return DEFAULT_TIMEZONE
    try:
        Schedule(timezone=zone)
    except ValueError:
        return DEFAULT_TIMEZONE
    return zone


def _say(text: str) -> CommandResult:
    return CommandResult([Reply(text=text, kind=ReplyKind.notice, ephemeral=True)])
