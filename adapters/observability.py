"""What an operator watches, for the Slack and Discord adapters: metrics, health, readiness, work in flight.

- The Prometheus metrics (prometheus-client's default registry, so process metrics come along):
  turns, replies, errors by kind, rate-limit retries, team posts, turn latency, connected state.
- :class:`ObservedCoach` wraps the :class:`bot.port.Coach` an adapter talks to and counts its turns;
  the core itself counts nothing.
- :class:`InFlight` keeps count of the work under way (a turn and the delivery of its replies), so a
  graceful shutdown can stop taking events and wait, for a bounded time, until it is done.
- :class:`Health` answers ``/healthz`` (the process is alive), ``/readyz`` (connected to the
  platform and the store answers) and ``/metrics``; :func:`add_health_routes` puts them on the Slack
  app's own server, :func:`start_health_server` on a port of their own (Socket Mode, Discord).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Gauge, Histogram, generate_latest

from bot.messages import Incoming, Reply
from bot.port import Coach

log = logging.getLogger(__name__)

HEALTH_PORT_VARIABLE = "OFFER_COACH_HEALTH_PORT"
DRAIN_SECONDS = 10.0  # how long a shutdown waits for the turns in flight

TURNS = Counter("offer_coach_turns", "Turns the coach took (one incoming message, command or click).", ["platform"])
REPLIES = Counter("offer_coach_replies", "Replies the coach gave to deliver.", ["platform"])
ERRORS = Counter("offer_coach_errors", "Failures, by kind: turn (the coach failed), delivery (the platform "
                 "refused a reply), team_post, listener.", ["platform", "kind"])
RATE_LIMIT_RETRIES = Counter("offer_coach_rate_limit_retries", "Calls the platform asked us to retry later (429).",
                             ["platform"])
TEAM_POSTS = Counter("offer_coach_team_posts", "Scheduled posts sent to team channels.", ["platform"])
TURN_SECONDS = Histogram("offer_coach_turn_seconds", "Time the coach took for one turn, delivery excluded.",
                         ["platform"], buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5))
CONNECTED = Gauge("offer_coach_connected", "1 while connected to the platform, else 0.", ["platform"])
IN_FLIGHT = Gauge("offer_coach_in_flight", "Turns (with their delivery) under way.", ["platform"])


def count_error(platform: str, kind: str) -> None:
    ERRORS.labels(platform, kind).inc()


def count_rate_limit_retry(platform: str) -> None:
    RATE_LIMIT_RETRIES.labels(platform).inc()


def count_team_post(platform: str) -> None:
    TEAM_POSTS.labels(platform).inc()


class ObservedCoach:
    """A :class:`bot.port.Coach` that counts the turns of the one it wraps (never their text)."""

    def __init__(self, coach: Coach, platform: str) -> None:
        self.coach = coach
        self.platform = platform
        # The platform's series, looked up once: `labels()` hashes and locks on every call.
        self._turns = TURNS.labels(platform)
        self._seconds = TURN_SECONDS.labels(platform)
        self._replies = REPLIES.labels(platform)

    async def handle(self, incoming: Incoming) -> list[Reply]:
        self._turns.inc()
        started = time.perf_counter()
        try:
            replies = await self.coach.handle(incoming)
        except Exception:
            count_error(self.platform, "turn")
            raise
        finally:
            self._seconds.observe(time.perf_counter() - started)
        self._replies.inc(len(replies))
        return replies

    def progress(self, user_key: str) -> dict[str, Any]:
        return self.coach.progress(user_key)

    def __getattr__(self, name: str) -> Any:
        # What is not part of the port (the store, for the team channels) is the wrapped coach's.
        return getattr(self.coach, name)


class InFlight:
    """The work under way on one platform; :meth:`drain` stops new work and waits for the rest."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.draining = False
        self._active = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._gauge = IN_FLIGHT.labels(platform)  # looked up once, not on every event

    @property
    def active(self) -> int:
        return self._active

    def begin(self) -> None:
        self._active += 1
        self._idle.clear()
        self._gauge.inc()

    def end(self) -> None:
        self._active -= 1
        self._gauge.dec()
        if self._active == 0:
            self._idle.set()

    def __enter__(self) -> InFlight:
        self.begin()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.end()

    async def drain(self, timeout: float = DRAIN_SECONDS) -> bool:
        """Refuse new work and wait up to `timeout` seconds for what is under way; True if it all finished."""
        self.draining = True
        await asyncio.sleep(0)  # let work scheduled a moment ago begin, so it is counted
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            log.warning("stopping with %d turn(s) still under way after %.0f s", self._active, timeout)
            return False
        return True


async def _always() -> bool:
    return True


class Health:
    """What ``/healthz``, ``/readyz`` and ``/metrics`` report for one adapter."""

    def __init__(self, platform: str, *, store_answers: Callable[[], bool] | None = None,
                 connected: bool = False) -> None:
        self.platform = platform
        self._store_answers = store_answers or (lambda: True)
        self._connected: Callable[[], Awaitable[bool]] | None = None
        self.set_connected(connected)

    def set_connected(self, connected: bool) -> None:
        """For adapters told of their connection by events (Discord's ready, disconnect, resumed)."""
        CONNECTED.labels(self.platform).set(1 if connected else 0)
        self._connected = _always if connected else None

    def watch_connection(self, probe: Callable[[], Awaitable[bool]]) -> None:
        """For adapters that ask their connection how it is (Slack's Socket Mode client)."""
        self._connected = probe
        CONNECTED.labels(self.platform).set(1)

    async def connected(self) -> bool:
        connected = self._connected is not None and await self._connected()
        CONNECTED.labels(self.platform).set(1 if connected else 0)
        return connected

    def store_answers(self) -> bool:
        try:
            return bool(self._store_answers())
        except Exception as problem:  # the reason, never the data
            log.warning("the store did not answer the readiness check (%s)", type(problem).__name__)
            return False

    async def healthz(self, _request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def readyz(self, _request: web.Request) -> web.Response:
        problems = []
        if not await self.connected():
            problems.append(f"not connected to {self.platform.capitalize()}")
        if not self.store_answers():
            problems.append("the store does not answer")
        if problems:
            return web.Response(status=503, text="; ".join(problems) + "\n")
        return web.Response(text="ready\n")

    async def metrics(self, _request: web.Request) -> web.Response:
        response = web.Response(body=generate_latest(REGISTRY))
        response.headers["Content-Type"] = CONTENT_TYPE_LATEST
        return response


def add_health_routes(app: web.Application, health: Health) -> None:
    app.router.add_get("/healthz", health.healthz)
    app.router.add_get("/readyz", health.readyz)
    app.router.add_get("/metrics", health.metrics)


async def start_health_server(health: Health, port: int, host: str = "0.0.0.0") -> tuple[web.AppRunner, int]:
    """Serve the three endpoints on a port of their own; returns the runner (to clean up) and the bound port."""
    app = web.Application()
    add_health_routes(app, health)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    log.info("health, readiness and metrics on port %d (/healthz, /readyz, /metrics)", bound)
    return runner, bound


def store_probe(coach: object) -> Callable[[], bool]:
    """A readiness check of the coach's store: one small query (True for a coach without a store)."""
    store = getattr(coach, "store", None)
    if store is None:
        return lambda: True
    return lambda: store.schema_version() >= 0


def counted_team_posts(deliver: Callable[[Any], Awaitable[None]], platform: str) -> Callable[[Any], Awaitable[None]]:
    """The scheduler's `deliver`, counting the posts that went out and those that failed."""

    async def deliver_and_count(post: Any) -> None:
        try:
            await deliver(post)
        except Exception:
            count_error(platform, "team_post")
            raise
        count_team_post(platform)

    return deliver_and_count
