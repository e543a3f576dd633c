"""Benchmark: one turn through CoachService.handle_sync, SQLite commit included.

Run from the repository root:

    python bench/turn.py                 # 3,000 measured turns, real engine if it can be built
    python bench/turn.py --turns 10000
    python bench/turn.py --fake-engine   # the service and store alone
    python bench/turn.py --by-message    # also the engine's p50 per line of the conversation

It reports p50 / p99 / p99.9 / max per turn on a file database in WAL mode (synchronous=NORMAL)
for:

1. the configured service (background WAL checkpoints, see bot/storage/store.py);
2. the same with SQLite's default automatic checkpoint in the commit path, for comparison;
3. the service and SQLite alone (an engine that does nothing), and the real engine alone
   (``Engine.step``, the one call the service runs);
4. the idle-engine turn with 10 prior turns versus 10,000
   prior turns in the session's transcript, to show the turn cost does not grow with it.

Targets (issue 2 §11): p50 < 0.5 ms, p99 < 1 ms.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.messages import ConversationKind, Incoming, Reply
from bot.service import CoachService, Engine
from bot.session import Outcome, SessionState
from bot.storage.store import Store

# A practice as people type it, then the commands around it; it cycles through every scenario.
CONVERSATION = (
    "practice {scenario}",
    "Thank you, I'm really excited about this role and the team!",
    "Based on market data for this level I was hoping for a base of 135k.",
    "Could we get to 25 days of PTO?",
    "I'd trade part of the sign-on bonus for two remote days a week.",
    "I have a competing offer at 140,000.",
    "hint",
    "what's the offer now?",
    "Could you do a $10k sign-on bonus instead?",
    "Can you put the final package in writing?",
    "I accept",
    "status",
    "value base 120k, 25 days pto, 2 remote days",
    "help",
)


class IdleEngine:
    """An engine that does no work, to time the service and SQLite alone."""

    def step(self, state: SessionState, incoming: Incoming) -> Outcome:
        new = state.model_copy(update={"turns": state.turns + 1})
        return Outcome(state=new, replies=[Reply(text="ok")])


def real_engine() -> tuple[Engine | None, list[str], str]:
    """The real engine and its scenario keys, or None and the reason it cannot be built."""
    try:
        from bot.engine import Engine as CoachEngine
        from bot.playbooks.loader import load_playbooks
        from bot.understanding.reader import Understander

        playbooks = load_playbooks()
        engine = CoachEngine(playbooks, Understander(playbooks.perks))
        return engine, sorted(playbooks.scenarios), "real engine (bot.engine) with the shipped playbooks"
    except Exception as error:  # any failure means: fall back to the idle engine and say why
        return None, [], f"fake engine: the real engine could not be built ({type(error).__name__}: {error})"


def messages(scenarios: list[str], users: int) -> Iterator[Incoming]:
    """Round-robin users, each walking through the conversation, scenario after scenario."""
    keys = scenarios or ["growth_startup"]
    counters = dict.fromkeys(range(users), 0)
    events = itertools.count()
    for user in itertools.cycle(range(users)):
        n = counters[user]
        counters[user] += 1
        line = CONVERSATION[n % len(CONVERSATION)]
        scenario = keys[(n // len(CONVERSATION) + user) % len(keys)]
        yield Incoming(
            platform="bench",
            user_id=f"user{user}",
            conversation_id=f"dm{user}",
            conversation_kind=ConversationKind.direct,
            text=line.format(scenario=scenario),
            event_id=f"ev{next(events)}",
        )


def time_turns(service: CoachService, source: Iterator[Incoming], count: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        service.handle_sync(next(source))
    durations = []
    clock = time.perf_counter_ns
    for _ in range(count):
        incoming = next(source)
        start = clock()
        service.handle_sync(incoming)
        durations.append((clock() - start) / 1e6)
    return durations


def summary(durations: list[float]) -> str:
    ordered = sorted(durations)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    return (
        f"p50 {statistics.median(ordered):.3f} ms   p99 {at(0.99):.3f} ms   "
        f"p99.9 {at(0.999):.3f} ms   max {ordered[-1]:.3f} ms   (n={len(ordered)})"
    )


def run(
    label: str,
    make_engine: Callable[[], Engine],
    scenarios: list[str],
    *,
    turns: int,
    maintenance: bool,
    users: int = 20,
) -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        service = CoachService(Store(Path(folder) / "bench.db", maintenance=maintenance), make_engine())
        try:
            durations = time_turns(service, messages(scenarios, users), turns, warmup=min(500, turns // 5))
        finally:
            service.close()
    print(f"{label:<58} {summary(durations)}")
    return durations


def engine_alone(engine: Engine, scenarios: list[str], turns: int, *, by_message: bool = False) -> None:
    """The engine with no service and no store, each user's state kept in a dict.

    ``step`` may change the state it is given, as the service lets it (the state is parsed afresh
    for each turn). With `by_message`, the p50 of ``step`` per line of the conversation, slowest first.
    """
    for label, step in [("engine.step alone (no service, no SQLite)", engine.step)]:
        states: dict[str, SessionState] = {}
        source = messages(scenarios, 20)
        durations = []
        per_line: dict[str, list[float]] = {}
        for n in range(turns + 500):
            incoming = next(source)
            state = states.get(incoming.user_id) or SessionState()
            start = time.perf_counter_ns()
            outcome = step(state, incoming)
            took = (time.perf_counter_ns() - start) / 1e6
            if n >= 500:
                durations.append(took)
                text = incoming.text or ""
                line = "practice <scenario>" if text.startswith("practice ") else text
                per_line.setdefault(line, []).append(took)
            states[incoming.user_id] = outcome.state
        print(f"{label:<58} {summary(durations)}")
    if by_message:
        for key, values in sorted(per_line.items(), key=lambda item: -statistics.median(item[1])):
            print(f"    p50 {statistics.median(values):.3f} ms  n={len(values):<5} {key[:70]}")


def transcript_growth(turns: int) -> None:
    """The same idle turn on a session with 10 prior turns and with 10,000."""
    with tempfile.TemporaryDirectory() as folder:
        service = CoachService(Store(Path(folder) / "growth.db"), IdleEngine())
        try:
            short = Incoming(platform="bench", user_id="short", conversation_id="d", text="hello")
            long = Incoming(platform="bench", user_id="long", conversation_id="d", text="hello")
            for _ in range(10):
                service.handle_sync(short)
            for _ in range(10_000):
                service.handle_sync(long)
            for label, incoming in (("10 prior turns", short), ("10,000 prior turns", long)):
                durations = time_turns(service, itertools.repeat(incoming), turns, warmup=100)
                print(f"{'  idle engine, session with ' + label:<58} {summary(durations)}")
        finally:
            service.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--turns", type=int, default=3000, help="measured turns per run (default 3000)")
    parser.add_argument("--fake-engine", action="store_true", help="skip the real engine")
    parser.add_argument("--by-message", action="store_true", help="the engine's p50 per conversation line")
    args = parser.parse_args()

    engine, scenarios, described = (None, [], "fake engine (--fake-engine)") if args.fake_engine else real_engine()
    make_engine: Callable[[], Engine] = (lambda: engine) if engine is not None else IdleEngine  # type: ignore[assignment,return-value]
    print(f"One turn through CoachService.handle_sync, SQLite commit included; {described}.")
    print("File database, WAL, synchronous=NORMAL. Targets: p50 < 0.5 ms, p99 < 1 ms.\n")
    # Collections of the young generation are part of real turns; leave gc on but start clean.
    gc.collect()
    main_run = run(
        "configured: background passive checkpoints", make_engine, scenarios, turns=args.turns, maintenance=True
    )
    run(
        "comparison: SQLite automatic checkpoint in the commit",
        make_engine,
        scenarios,
        turns=args.turns,
        maintenance=False,
    )
    run("service + SQLite only (idle engine)", IdleEngine, [], turns=args.turns, maintenance=True)
    if engine is not None:
        engine_alone(engine, scenarios, args.turns, by_message=args.by_message)
    transcript_growth(min(args.turns, 2000))
    p50, p99 = statistics.median(main_run), sorted(main_run)[int(0.99 * len(main_run))]
    verdict = "meets" if p50 < 0.5 and p99 < 1.0 else "MISSES"
    print(f"\nConfigured service {verdict} the targets (p50 {p50:.3f} ms, p99 {p99:.3f} ms).")
    print("Reproduce: python bench/turn.py [--turns N] [--fake-engine]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
