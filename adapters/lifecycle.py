"""Starting and stopping a long-running adapter: warm the coach up first, stop on SIGTERM or SIGINT.

The order on a signal is the same everywhere: stop taking new events, let the turns in flight finish
and deliver their replies (:meth:`adapters.observability.InFlight.drain`, bounded), close the store,
exit 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
WARM_UP_TEXT = "Could we do 120k with 25 days of holiday and a remote day a week?"


def warm_up(coach: object) -> None:
    """Build what the first message would otherwise wait for: the understander's patterns.

    The playbooks are already loaded by then (the service is built from them); a coach without
    an understander (a scripted one in tests) has nothing to warm.
    """
    understander = getattr(getattr(coach, "engine", None), "understander", None)
    read = getattr(understander, "read", None)
    if callable(read):
        read(WARM_UP_TEXT)


def stop_on_signals(stop: asyncio.Event) -> Callable[[], None]:
    """Set `stop` on SIGTERM or SIGINT while the loop runs; returns the function that undoes it."""
    loop = asyncio.get_running_loop()
    installed = []

    def asked_to_stop(signum: signal.Signals) -> None:
        if not stop.is_set():
            log.info("%s received: finishing the turns in flight, then stopping", signum.name)
        stop.set()

    for signum in STOP_SIGNALS:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread
            loop.add_signal_handler(signum, asked_to_stop, signum)
            installed.append(signum)

    def undo() -> None:
        for signum in installed:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(signum)

    return undo
