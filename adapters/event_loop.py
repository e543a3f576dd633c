"""The event loop the Slack and Discord servers run on: uvloop when it is installed, else asyncio's.

uvloop (an optional dependency of the ``slack`` and ``discord`` extras) runs the loop, the socket
reads and writes and the timers in C; on `run slack` it cut the server's CPU per practice turn by
about a fifth (docs/slack.md#benchmark). ``OFFER_COACH_UVLOOP=0`` (or ``false``, ``no``, ``off``)
keeps asyncio's own loop, for an operator who meets a problem with it or wants to compare.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from bot.config import environment_values

log = logging.getLogger(__name__)

T = TypeVar("T")
SETTING = "uvloop"  # read as OFFER_COACH_UVLOOP, like the core's own settings
_OFF = {"0", "false", "no", "off"}


def uvloop_wanted() -> bool:
    """False when OFFER_COACH_UVLOOP turns uvloop off; it is on by default."""
    value = environment_values({SETTING: None}).get(SETTING)
    return value is None or value.strip().lower() not in _OFF


def loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's loop constructor when wanted and installed; None means asyncio's default loop."""
    if not uvloop_wanted():
        return None
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop  # type: ignore[no-any-return]


def run(main: Coroutine[Any, Any, T]) -> T:
    """Like :func:`asyncio.run`, on the loop :func:`loop_factory` chooses."""
    factory = loop_factory()
    with asyncio.Runner(loop_factory=factory) as runner:
        log.debug("event loop: %s", type(runner.get_loop()).__module__)
        return runner.run(main)
