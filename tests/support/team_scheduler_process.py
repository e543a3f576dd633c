"""One process's team scheduler, for the test that runs four of them on one database.

It is what `offer-coach run slack` runs for team channels: the coach service from the same
settings (``OFFER_COACH_DATABASE_URL`` or ``OFFER_COACH_DB``), a :class:`~bot.teams.service.TeamService`
on its store and playbooks, and :meth:`bot.teams.scheduler.Scheduler.tick` (claim what is due,
post it, record it). Two parts stand in for the outside world: the clock is read from a file the
test moves a week at a time, and the poster appends each post to a file instead of calling Slack.

Arguments: the clock file, this process's posts file and its rounds file. Each time the clock
file shows a new moment the process runs one round, then appends the moment to its rounds file,
so the test knows when every process has had its go at that moment. SIGTERM ends it (exit 0).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
from datetime import datetime
from pathlib import Path

from bot.config import CoreSettings
from bot.service import CoachService
from bot.teams.scheduler import Scheduler
from bot.teams.service import DuePost, TeamService

PLATFORM = "slack"
LOOK_EVERY_SECONDS = 0.01


def _moment(clock: Path) -> str:
    return clock.read_text().strip()


async def _serve(clock: Path, posts: Path, rounds: Path) -> None:
    service = CoachService.from_settings(CoreSettings())
    try:
        teams = TeamService(service.store, service.engine.playbooks, service,  # type: ignore[attr-defined]
                            clock=lambda: datetime.fromisoformat(_moment(clock)))

        async def deliver(post: DuePost) -> None:
            record = {"channel": post.subscription.channel_key, "due": post.due_at.isoformat(),
                      "tip": post.tip_key, "pid": os.getpid()}
            with posts.open("a") as out:
                out.write(json.dumps(record) + "\n")

        scheduler = Scheduler(teams, PLATFORM, deliver)
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        done = ""
        while not stop.is_set():
            moment = _moment(clock)
            if moment != done:
                await scheduler.tick()
                done = moment
                with rounds.open("a") as out:
                    out.write(moment + "\n")
            await asyncio.sleep(LOOK_EVERY_SECONDS)
    finally:
        service.close()


def main(argv: list[str]) -> int:
    clock, posts, rounds = (Path(arg) for arg in argv)
    asyncio.run(_serve(clock, posts, rounds))
    return 0
