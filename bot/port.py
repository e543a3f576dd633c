"""The one port every adapter talks to: a platform event in as :class:`Incoming`, neutral replies out.

``bot.service.CoachService`` implements it; Slack, Discord, the terminal and team channels all depend
on this protocol, never on the concrete service, so a test can hand them a scripted coach.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from bot.messages import Incoming, Reply


class Coach(Protocol):
    """What an adapter may ask of the core."""

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Run one turn (de-duplicated, locked, persisted) and return what to show the user."""
        ...

    def progress(self, user_key: str) -> dict[str, Any]:
        """A user's practice and checklist progress, for a home tab or status view."""
        ...


@runtime_checkable
class DirectCoach(Coach, Protocol):
    """A coach that can also run a turn to the end without an event loop.

    For an adapter that serves one person a line at a time (the terminal): asking directly, it
    starts without importing asyncio. The service offers it; a coach that only awaits works too.
    """

    def handle_sync(self, incoming: Incoming) -> list[Reply]:
        """The same turn as :meth:`Coach.handle`, for a caller that has no event loop."""
        ...
