"""Health, readiness, metrics and the work-in-flight count that graceful shutdowns wait on."""

from __future__ import annotations

import asyncio

import pytest

from adapters.observability import Health, InFlight, ObservedCoach, start_health_server, store_probe
from bot.messages import Incoming, Reply
from bot.service import CoachService
from bot.storage import open_store
from bot.storage.store import Store
from tests.support.probe import get, metric
from tests.support.slack_rig import ScriptedEngine


class Failing:
    async def handle(self, incoming: Incoming) -> list[Reply]:
        raise RuntimeError("boom")

    def progress(self, user_key: str) -> dict[str, object]:
        return {}


def _incoming(text: str = "hello") -> Incoming:
    return Incoming(platform="test", user_id="u1", conversation_id="c1", text=text)


async def _serving(health: Health) -> tuple[object, str]:
    runner, port = await start_health_server(health, 0, host="127.0.0.1")
    return runner, f"http://127.0.0.1:{port}"


async def test_readyz_says_not_ready_until_connected_and_while_the_store_is_closed(store_target: str) -> None:
    store = open_store(store_target, maintenance=False)  # SQLite and PostgreSQL alike
    health = Health("testplatform", store_answers=store_probe(CoachService(store, ScriptedEngine())))
    runner, base = await _serving(health)
    try:
        assert (await get(base + "/healthz"))[0] == 200  # alive from the start
        status, text = await get(base + "/readyz")
        assert status == 503 and "not connected to Testplatform" in text
        health.set_connected(True)
        assert (await get(base + "/readyz"))[0] == 200
        assert metric((await get(base + "/metrics"))[1], "offer_coach_connected", platform="testplatform") == 1
        store.close()
        status, text = await get(base + "/readyz")
        assert status == 503 and "store" in text
    finally:
        await runner.cleanup()  # type: ignore[attr-defined]


async def test_a_watched_connection_is_asked_on_every_probe() -> None:
    up = True

    async def probe() -> bool:
        return up

    health = Health("watched")
    health.watch_connection(probe)
    assert await health.connected()
    up = False
    assert not await health.connected()


async def test_the_observed_coach_counts_turns_replies_and_failures() -> None:
    scrape = lambda name, **labels: metric(_latest(), name, **labels)  # noqa: E731
    coach = ObservedCoach(CoachService(Store(":memory:"), ScriptedEngine()), "counted")
    turns, replies = scrape("offer_coach_turns_total", platform="counted"), scrape("offer_coach_replies_total",
                                                                                  platform="counted")
    assert [r.text for r in await coach.handle(_incoming("hi"))] == ["You said: hi"]
    assert scrape("offer_coach_turns_total", platform="counted") == turns + 1
    assert scrape("offer_coach_replies_total", platform="counted") == replies + 1
    assert scrape("offer_coach_turn_seconds_count", platform="counted") == turns + 1

    failing = ObservedCoach(Failing(), "counted")
    with pytest.raises(RuntimeError):
        await failing.handle(_incoming())
    assert scrape("offer_coach_errors_total", platform="counted", kind="turn") == 1


def _latest() -> str:
    from prometheus_client import REGISTRY, generate_latest

    return generate_latest(REGISTRY).decode()


async def test_drain_waits_for_the_work_under_way_and_gives_up_at_its_bound() -> None:
    in_flight = InFlight("drained")
    release = asyncio.Event()
    finished: list[str] = []

    async def turn() -> None:
        in_flight.begin()
        try:
            await release.wait()
            finished.append("turn")
        finally:
            in_flight.end()

    running = asyncio.create_task(turn())
    draining = asyncio.create_task(in_flight.drain(timeout=30))
    await asyncio.sleep(0)
    assert in_flight.draining and in_flight.active == 1 and not draining.done()
    release.set()
    assert await draining is True and finished == ["turn"]
    await running

    stuck = InFlight("stuck")
    stuck.begin()  # never ends
    assert await stuck.drain(timeout=0) is False  # bounded: it never waits past its limit


async def test_counting_a_turn_looks_up_no_metric_series(monkeypatch: pytest.MonkeyPatch) -> None:
    """The platform's series are found once, when the coach and the in-flight count are made: per
    event only the counting itself runs (each `labels()` look-up hashes and locks)."""
    from prometheus_client.metrics import MetricWrapperBase

    coach = ObservedCoach(CoachService(Store(":memory:"), ScriptedEngine()), "looked-up")
    in_flight = InFlight("looked-up")
    looked_up: list[tuple[object, ...]] = []
    labels = MetricWrapperBase.labels

    def counted(self: MetricWrapperBase, *values: object, **named: object) -> MetricWrapperBase:
        looked_up.append(values)
        return labels(self, *values, **named)  # type: ignore[arg-type]

    monkeypatch.setattr(MetricWrapperBase, "labels", counted)
    turns = metric(_latest(), "offer_coach_turns_total", platform="looked-up")
    for n in range(5):
        with in_flight:
            await coach.handle(_incoming(f"hi {n}"))
    assert looked_up == []
    assert metric(_latest(), "offer_coach_turns_total", platform="looked-up") == turns + 5
    assert metric(_latest(), "offer_coach_in_flight", platform="looked-up") == 0
