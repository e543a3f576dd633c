"""Which asyncio event loop a server runs on: Python's own, or uvloop when the operator asks for it.

uvloop is optional (``pip install 'offer-coach[uvloop]'``): a drop-in loop written in C that makes
the loop's own work, and aiohttp's sockets under it, cheaper. ``auto`` takes it when it is installed
and Python's loop otherwise; ``uvloop`` insists on it and stops with a message naming the setting
when it is missing. Shared by every adapter that runs a server, so there is one place that chooses.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, Literal, TypeVar

EventLoopName = Literal["asyncio", "uvloop", "auto"]
EVENT_LOOPS: tuple[EventLoopName, ...] = ("asyncio", "uvloop", "auto")

T = TypeVar("T")


class EventLoopUnavailable(Exception):
    """uvloop was asked for and is not installed; the message says how to install it."""


def uvloop_installed() -> bool:
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return False
    return True


def loop_factory(name: str) -> Callable[[], asyncio.AbstractEventLoop]:
    """What makes the loop called `name`: ``asyncio``, ``uvloop`` or ``auto``."""
    if name == "asyncio" or (name == "auto" and not uvloop_installed()):
        return asyncio.new_event_loop
    if name not in ("uvloop", "auto"):
        raise ValueError(f"unknown event loop {name!r}; choose one of {', '.join(EVENT_LOOPS)}")
    try:
        import uvloop
    except ImportError as error:
        raise EventLoopUnavailable(
            "uvloop is not installed: `pip install 'offer-coach[uvloop]'`, or set the event loop to asyncio"
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
        return runner.run(main)
