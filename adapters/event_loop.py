"""Which event loop the Slack and Discord servers run on: uvloop when installed, else Python's own.

uvloop (in the ``slack`` and ``discord`` extras, where it builds) runs the loop, the socket reads and
writes and the timers in C: on `run slack` it cut the server's CPU per practice turn by about a
fifth, and on Discord the adapter's own CPU per DM (docs/slack.md, docs/discord.md). One setting,
``OFFER_COACH_EVENT_LOOP``, chooses for every server: ``auto`` (the default) takes uvloop when it is
installed and Python's loop otherwise; ``asyncio`` keeps Python's loop (to compare, or to sidestep a
problem); ``uvloop`` insists on it and stops with a message naming the setting when it is missing.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, Literal, TypeVar

from bot.config import environment_values

log = logging.getLogger(__name__)

EventLoopName = Literal["asyncio", "uvloop", "auto"]
EVENT_LOOPS: tuple[EventLoopName, ...] = ("asyncio", "uvloop", "auto")
SETTING = "event_loop"  # read as OFFER_COACH_EVENT_LOOP, like the core's own settings
VARIABLE = "OFFER_COACH_EVENT_LOOP"

T = TypeVar("T")


class EventLoopUnavailable(Exception):
    """The setting names a loop that is unknown or not installed; the message says what to do."""


def chosen() -> str:
    """The loop OFFER_COACH_EVENT_LOOP asks for; ``auto`` when it is not set."""
    value = environment_values({SETTING: None}).get(SETTING)
    return (value or "auto").strip().lower()


def loop_factory(name: str) -> Callable[[], asyncio.AbstractEventLoop]:
    """What makes the loop called `name`: ``asyncio``, ``uvloop`` or ``auto``."""
    if name not in EVENT_LOOPS:
        raise EventLoopUnavailable(f"unknown event loop {name!r}; choose one of {', '.join(EVENT_LOOPS)}")
    if name == "asyncio":
        return asyncio.new_event_loop
    try:
        import uvloop
    except ImportError as error:
        if name == "auto":
            return asyncio.new_event_loop
        raise EventLoopUnavailable(
            "uvloop is not installed: `pip install uvloop`, or set the event loop to asyncio or auto"
        ) from error
    factory: Callable[[], asyncio.AbstractEventLoop] = uvloop.new_event_loop
    return factory


def run_on(name: str, main: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(main)`` on the loop called `name`."""
    try:
        factory = loop_factory(name)
    except Exception:
        main.close()  # never awaited: say nothing about it
        raise
    with asyncio.Runner(loop_factory=factory) as runner:
        log.debug("event loop: %s", type(runner.get_loop()).__module__)
        return runner.run(main)


def run(main: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(main)`` on the loop OFFER_COACH_EVENT_LOOP chooses (EventLoopUnavailable if it can't)."""
    return run_on(chosen(), main)
