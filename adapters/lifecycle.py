"""Starting and stopping a long-running adapter: warm the coach up first, stop on SIGTERM or SIGINT.

The order on a signal is the same everywhere: stop taking new events, let the turns in flight finish
and deliver their replies (:meth:`adapters.observability.InFlight.drain`, bounded), close the store,
exit 0.
"""

from __future__ import annotations

import contextlib
import gc
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
    builds the understander; `render` turns its replies into the platform's shape once. Then the
    coach rehearses the same practice through its store (:meth:`bot.service.CoachService.rehearse`:
    the turn's statements run and are rolled back, and the store's log is started), so the first
    user's turn finds its statements prepared and its commit an ordinary one. The playbooks are
    already loaded by then (the service is built from them). A coach without an engine (a scripted
    one in tests) has nothing to warm.
    """
    engine = getattr(coach, "engine", None)
    step = getattr(engine, "step", None)
    scenarios = getattr(getattr(engine, "playbooks", None), "scenarios", None)
    if step is None or not scenarios:
        return
    state = SessionState()
    lines = (f"practice {next(iter(scenarios))}", *WARM_UP_LINES)
    try:
        for text in lines:
            outcome = step(state, Incoming(platform="warm-up", tenant="-", user_id="-", conversation_id="-",
                                           text=text))
            state = outcome.state or state
            for reply in outcome.replies:
                if render is not None:
                    render(reply)
        rehearse = getattr(coach, "rehearse", None)
        if rehearse is not None:  # after the engine pass: the reader is built outside the write lock
            rehearse(lines)
    except Exception:  # a warm-up is an optimisation: the real turn reports its own trouble
        log.warning("warm-up failed; the first turn will be slower", exc_info=True)


# Young objects between collections of the youngest generation (Python's default: 700). A turn
# leaves few cycles behind, so a collection every ~12 turns found nothing yet cost about 15 us a turn.
YOUNG_COLLECTION_THRESHOLD = 5_000


def settle_heap() -> None:
    """Call once everything the process keeps for its whole life is loaded and warmed up (the
    playbooks, the reader's patterns, the platform's libraries and app): hide all of it from the
    garbage collector, and collect the young generation less often.

    A full collection then walks only what later turns create instead of the ~75,000 objects that
    never die: on a busy Slack server those came every two seconds, took 25-45 ms each (a stall for
    every request waiting) and freed nothing. What is left to collect is a turn's rare cycles."""
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, old)


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
