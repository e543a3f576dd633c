"""Starting and stopping a long-running adapter: warm the coach up first, stop on SIGTERM or SIGINT.

The order on a signal is the same everywhere: stop taking new events, let the turns in flight finish
and deliver their replies (:meth:`adapters.observability.InFlight.drain`, bounded), close the store,
exit 0.
"""

from __future__ import annotations

import contextlib
import logging
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.messages import Incoming, Reply
from bot.session import SessionState

if TYPE_CHECKING:  # the terminal warms up without an event loop, so asyncio is imported only to stop one
    import asyncio

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
# A short practice: the reading patterns, the recruiter and the debrief all run once.
WARM_UP_LINES = ("I'd like 165k base, could you do that?", "What about 4 remote days a week?", "end")


def warm_up(coach: object, render: Callable[[Reply], object] | None = None) -> None:
    """Do once, before reporting ready, what the first turn would otherwise pay for.

    A short practice goes through the engine on a throwaway state (pure: nothing is stored), which
    builds the understander; `render` turns its replies into the platform's shape once. The
    playbooks are already loaded by then (the service is built from them). A coach without an
    engine (a scripted one in tests) has nothing to warm.
    """
    engine = getattr(coach, "engine", None)
    step = getattr(engine, "step", None)
    scenarios = getattr(getattr(engine, "playbooks", None), "scenarios", None)
    if step is None or not scenarios:
        return
    state = SessionState()
    try:
        for text in (f"practice {next(iter(scenarios))}", *WARM_UP_LINES):
            outcome = step(state, Incoming(platform="warm-up", tenant="-", user_id="-", conversation_id="-",
                                           text=text))
            state = outcome.state or state
            for reply in outcome.replies:
                if render is not None:
                    render(reply)
    except Exception:  # a warm-up is an optimisation: the real turn reports its own trouble
        log.warning("warm-up failed; the first turn will be slower", exc_info=True)


def stop_on_signals(stop: asyncio.Event) -> Callable[[], None]:
    """Set `stop` on SIGTERM or SIGINT while the loop runs; returns the function that undoes it."""
    import asyncio

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
