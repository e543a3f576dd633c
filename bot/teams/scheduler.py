"""The loop each adapter runs: ask the core what is due, post it, report how it went.

:meth:`Scheduler.tick` is one round (tests call it directly with a controlled clock);
:meth:`Scheduler.run` repeats it every `interval` seconds until stopped. Posting is the adapter's
`deliver` callable; it raises :class:`ChannelGone` when the platform says the channel no longer
exists or the bot was removed, and the subscription is then paused instead of retried forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from bot.storage.store import StoreError
from bot.teams.service import DuePost, TeamService

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL_SECONDS = 30.0


class ChannelGone(Exception):
    """The channel cannot be posted to any more (deleted, archived, bot removed)."""


Deliver = Callable[[DuePost], Awaitable[None]]


class Scheduler:
    def __init__(self, teams: TeamService, platform: str, deliver: Deliver, *,
                 interval: float = DEFAULT_INTERVAL_SECONDS) -> None:
        self.teams = teams
        self.platform = platform
        self.deliver = deliver
        self.interval = interval

    async def tick(self) -> int:
        """Post everything due now; returns how many posts went out."""
        try:
            due = self.teams.claim_due(self.platform)
        except StoreError as error:
            logger.warning("could not read due team posts: %s", error)
            return 0
        sent = 0
        for post in due:
            try:
                await self.deliver(post)
            except ChannelGone:
                logger.warning("a %s channel can no longer be posted to; its subscription is paused", self.platform)
                self.teams.release(post, give_up=True)
                continue
            except Exception:
                logger.exception("a team post to %s failed; it will be retried", self.platform)
                self.teams.release(post)
                continue
            if self.teams.mark_posted(post):
                sent += 1
        return sent

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.tick()
            except Exception:  # the loop must outlive any one bad round
                logger.exception("team scheduler round failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.interval)
