"""Starting the Slack adapter: `offer-coach run slack [--port N]`.

Socket Mode when SLACK_APP_TOKEN is set (no public URL needed), HTTP mode otherwise, with events,
slash commands and interactivity all at one path. Configuration is checked before anything
connects; a problem is printed with the variable's name and the exit status is 2.

For operators (see :mod:`adapters.observability`): ``/healthz``, ``/readyz`` and ``/metrics`` on the
app's own port in HTTP mode, and on ``--health-port`` in Socket Mode. SIGTERM or SIGINT stops the
intake, lets the turns in flight deliver their replies, closes the store and exits 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from typing import TextIO

import aiohttp
from aiohttp import web
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError

from adapters import event_loop
from adapters.lifecycle import settle_heap, stop_on_signals
from adapters.observability import (
    Health,
    ObservedCoach,
    add_health_routes,
    counted_team_posts,
    start_health_server,
    store_probe,
)
from adapters.slack.app import (
    Coach,
    build_app,
    close_app,
    finish_pending,
    slack_teams,
    warm_connections,
    warm_up,
)
from adapters.slack.config import SlackConfigError, SlackSettings, load_settings
from adapters.slack.http import guarded_web_app
from adapters.version import version
from bot.config import CoreSettings
from bot.storage.inbox import LEASE
from bot.storage.store import StoreError
from bot.teams.scheduler import Scheduler
from bot.teams.service import TeamService

log = logging.getLogger(__name__)

PLATFORM = "slack"

EXIT_CONFIG = 2
EXIT_UNREACHABLE = 1


async def health(_request: web.Request) -> web.Response:
    return web.Response(text="ok")


def http_app(app: AsyncApp, settings: SlackSettings, checks: Health | None = None) -> web.Application:
    """Bolt's aiohttp application (events, commands, interactivity, OAuth pages) plus the health checks."""
    secret = settings.signing_secret.get_secret_value() if settings.signing_secret else None
    web_app = guarded_web_app(app, settings.path, secret)
    web_app.router.add_get("/health", health)
    add_health_routes(web_app, checks or Health(PLATFORM, connected=True))
    return web_app


async def start_http(app: AsyncApp, settings: SlackSettings, *, host: str = "0.0.0.0",
                     port: int = 3000, checks: Health | None = None) -> tuple[web.AppRunner, int]:
    """Serve the app over HTTP; returns the runner (to clean up) and the port actually bound."""
    runner = web.AppRunner(http_app(app, settings, checks), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, bound


async def start_socket_mode(app: AsyncApp, settings: SlackSettings) -> AsyncSocketModeHandler:
    assert settings.app_token is not None
    handler = AsyncSocketModeHandler(app, app_token=settings.app_token.get_secret_value(), web_client=app.client)
    await handler.connect_async()
    return handler


def team_service(service: object) -> TeamService | None:
    """Team channels on the coach's own store and playbooks (None for a coach without them)."""
    store = getattr(service, "store", None)
    playbooks = getattr(getattr(service, "engine", None), "playbooks", None)
    if store is None or playbooks is None:
        return None
    return TeamService(store, playbooks, service)  # type: ignore[arg-type]


class StartupError(Exception):
    """Slack refused our credentials or could not be reached; the message says which and what to do."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _refused(variable: str, refused: SlackApiError) -> StartupError:
    error = refused.response.get("error", "refused")
    return StartupError(f"{variable} was refused by Slack ({error}); copy it again from the app's settings page",
                        EXIT_CONFIG)


def _unreachable(settings: SlackSettings, problem: Exception) -> StartupError:
    return StartupError(f"Cannot reach Slack at SLACK_API_URL={settings.api_url} ({type(problem).__name__})",
                        EXIT_UNREACHABLE)


async def check_bot_token(app: AsyncApp, settings: SlackSettings) -> None:
    """Fail at start, not on the first user's message, when Slack refuses the bot token."""
    if settings.bot_token is None:
        return  # OAuth: each workspace's token is checked when it is installed
    try:
        await app.client.auth_test()
    except SlackApiError as refused:
        raise _refused("SLACK_BOT_TOKEN", refused) from None
    except (TimeoutError, aiohttp.ClientError, OSError) as problem:
        raise _unreachable(settings, problem) from None


async def serve(settings: SlackSettings, coach: Coach, core: CoreSettings, port: int,
                stop: asyncio.Event | None = None, teams: TeamService | None = None,
                health_port: int | None = None) -> None:
    """Run until `stop` is set (or SIGINT/SIGTERM); with `teams`, team channel posts go out on schedule."""
    stop = stop or asyncio.Event()
    undo_signals = stop_on_signals(stop)
    checks = Health(PLATFORM, store_answers=store_probe(coach))
    health_server = None
    try:
        if health_port is not None:  # Socket Mode has no port of its own; HTTP mode serves them on its port
            health_server, _ = await start_health_server(checks, health_port)
        await _serve(settings, ObservedCoach(coach, PLATFORM), core, port, stop, teams, checks)
    finally:
        undo_signals()
        if health_server is not None:
            await health_server.cleanup()
        log.info("Slack adapter stopped")


async def _serve(settings: SlackSettings, coach: Coach, core: CoreSettings, port: int, stop: asyncio.Event,
                 teams: TeamService | None, checks: Health) -> None:
    log.info("Slack adapter starting in %s mode (offer-coach %s)",
             "Socket" if settings.mode == "socket" else "HTTP", version())
    warm_up(coach)  # before Slack can send anything: the first reply is then as fast as the rest
    app = build_app(settings, coach, db_path=core.db, teams=teams)
    try:
        await check_bot_token(app, settings)
        await warm_connections(app)
        # Before Slack can deliver anything (in Socket Mode, from the moment the connection opens):
        # a full collection here takes tens of ms, which the first event would otherwise wait out.
        settle_heap()  # everything kept for the process's life is built: out of the collector's way
        handler = None
        if settings.mode == "socket":
            assert settings.app_token is not None
            try:
                # The Socket Mode client retries a refused token for ever; asking once first turns
                # that into a clear message and an exit.
                await app.client.apps_connections_open(app_token=settings.app_token.get_secret_value())
                handler = await start_socket_mode(app, settings)
            except SlackApiError as refused:
                raise _refused("SLACK_APP_TOKEN", refused) from None
            except (TimeoutError, aiohttp.ClientError, OSError) as problem:
                raise _unreachable(settings, problem) from None
    except StartupError:
        await close_app(app)
        raise
    scheduling = _start_scheduler(app, teams, stop)
    if handler is not None:
        checks.watch_connection(handler.client.is_connected)
        log.info("Slack adapter connected in Socket Mode; ready")
        await finish_pending(app)
        sweeping = asyncio.get_running_loop().create_task(_sweep_pending(app))
        try:
            await stop.wait()
        finally:
            await _stop_scheduler(sweeping)
            await _stop_scheduler(scheduling)
            await handler.close_async()
            await close_app(app)
    else:
        runner, bound = await start_http(app, settings, port=port, checks=checks)
        checks.set_connected(True)  # Slack accepted the token, and Slack's requests can reach us now
        log.info("Slack adapter listening on port %d at %s; ready", bound, settings.path)
        await finish_pending(app)
        sweeping = asyncio.get_running_loop().create_task(_sweep_pending(app))
        try:
            await stop.wait()
        finally:
            await _stop_scheduler(sweeping)
            await _stop_scheduler(scheduling)
            await runner.cleanup()
            await close_app(app)


def _start_scheduler(app: AsyncApp, teams: TeamService | None, stop: asyncio.Event) -> asyncio.Task[None] | None:
    side = slack_teams(app)
    if teams is None or side is None:
        return None
    deliver = counted_team_posts(side.deliver, PLATFORM)
    return asyncio.create_task(Scheduler(teams, PLATFORM, deliver).run(stop), name="offer-coach-team-posts")


async def _sweep_pending(app: AsyncApp) -> None:
    """Now and then, take over requests whose owner's lease ran out (a process that crashed on
    another host while this one kept running); one small read when there are none."""
    while True:
        await asyncio.sleep(LEASE.total_seconds())
        try:
            await finish_pending(app)
        except StoreError as error:
            log.warning("could not look for abandoned requests: %s", error)


async def _stop_scheduler(task: asyncio.Task[None] | None) -> None:
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def run(core: CoreSettings, port: int = 3000, *, err: TextIO | None = None, health_port: int | None = None) -> int:
    """Entry point for the CLI: 0 after a clean stop, 2 on a configuration problem."""
    err = err or sys.stderr
    try:
        settings = load_settings()
    except SlackConfigError as problem:
        print(f"Slack configuration: {problem}", file=err)
        return EXIT_CONFIG
    if not 0 < port < 65536:
        print(f"--port: {port} is not a TCP port (1-65535)", file=err)
        return EXIT_CONFIG
    from bot.service import CoachService

    try:
        service = CoachService.from_settings(core)
    except Exception as problem:  # a bad database path or playbook folder: say which, and stop
        print(f"Cannot start Offer Coach: {problem}", file=err)
        return EXIT_CONFIG
    teams = team_service(service)
    try:
        event_loop.run(serve(settings, service, core, port, teams=teams, health_port=health_port))
    except event_loop.EventLoopUnavailable as problem:
        print(f"{event_loop.VARIABLE}={event_loop.chosen()}: {problem}", file=err)
        return EXIT_CONFIG
    except StartupError as problem:
        print(f"Slack: {problem}", file=err)
        return problem.exit_code
    except OSError as problem:  # the port is taken, or not ours to use
        print(f"Slack: cannot listen for requests ({problem.strerror or problem}); choose another port",
              file=err)
        return EXIT_UNREACHABLE
    except KeyboardInterrupt:
        pass
    finally:
        service.close()
    return 0
