"""Slack's HTTP requests, checked at the door: signature first, then the body's shape, then Bolt.

Bolt's own server parses the body before it checks the signature, so anyone could make it log a
traceback and answer 500 with ``{bad``, and a signed body of the wrong shape (a JSON array, a click
without its action, a number where Slack sends text) failed deep inside a listener. Here an
unsigned request gets 401 before its body is read as anything, a malformed one gets 400, and
each is logged as one short line, at most once a minute per kind with a count of the rest.
Everything that passes goes to Bolt unchanged (which checks the signature again, routes, and
serves the OAuth pages).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.app.async_server import AsyncSlackAppServer
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.signature import SignatureVerifier

log = logging.getLogger(__name__)

LOG_EVERY_SECONDS = 60.0

# Fields Slack always sends as text where present; a listener reads them as such.
_EVENT_TEXT = ("type", "user", "text", "channel", "channel_type", "subtype", "ts", "thread_ts", "tab", "bot_id")
_OBJECTS = ("team", "user", "channel", "container", "message", "view", "enterprise")


class QuietLog:
    """One log line per kind of rejection per interval, saying how many were dropped since."""

    def __init__(self, every: float = LOG_EVERY_SECONDS) -> None:
        self.every = every
        self._last: dict[str, float] = {}
        self._since: dict[str, int] = {}

    def note(self, kind: str) -> None:
        now = time.monotonic()
        self._since[kind] = self._since.get(kind, 0) + 1
        if now - self._last.get(kind, -self.every) >= self.every:
            log.warning("rejected a Slack request: %s (%d since the last such line)", kind, self._since[kind])
            self._last[kind] = now
            self._since[kind] = 0


def shape_problem(body: Any) -> str | None:
    """Why a parsed body cannot be a request Slack sends, or None when it can be."""
    if not isinstance(body, dict):
        return "the body is not an object"
    for name in _OBJECTS:
        if body.get(name) is not None and not isinstance(body[name], dict | str):
            return f"{name} has the wrong type"
    kind = body.get("type")
    if kind == "event_callback":
        return _event_problem(body.get("event"))
    if kind == "block_actions":
        return _actions_problem(body)
    if kind in ("view_submission", "view_closed") and not isinstance(body.get("view"), dict):
        return "a form without its view"
    return None


def _event_problem(event: Any) -> str | None:
    if not isinstance(event, dict):
        return "an event that is not an object"
    if any(event.get(name) is not None and not isinstance(event[name], str) for name in _EVENT_TEXT):
        return "an event field has the wrong type"
    return None


def _actions_problem(body: dict[str, Any]) -> str | None:
    actions = body.get("actions")
    if not isinstance(actions, list) or not actions or not all(isinstance(a, dict) for a in actions):
        return "a click without its action"
    user = body.get("user")
    if not isinstance(user, dict) or not isinstance(user.get("id"), str):
        return "a click without its user"
    first = actions[0]
    if any(first.get(name) is not None and not isinstance(first[name], str) for name in ("value", "action_ts")):
        return "a click's value has the wrong type"
    if first.get("selected_option") is not None and not isinstance(first["selected_option"], dict):
        return "a click's option has the wrong type"
    return None


class GuardedServer(AsyncSlackAppServer):
    """Bolt's aiohttp server with the checks above in front of its POST path."""

    def __init__(self, app: AsyncApp, path: str, signing_secret: str | None) -> None:
        super().__init__(port=0, path=path, app=app)
        self.verifier = SignatureVerifier(signing_secret) if signing_secret else None
        self.rejected = QuietLog()

    async def handle_post_requests(self, request: web.Request) -> web.Response:
        if request.path != self.path:
            return web.Response(status=404)
        data = await request.read()
        if self.verifier is not None and not self.verifier.is_valid_request(data, request.headers):  # type: ignore[arg-type]
            self.rejected.note("bad or missing signature")
            return web.Response(status=401, text="invalid request")
        try:
            bolt_request = AsyncBoltRequest(body=data.decode(), query=request.query_string,
                                            headers=request.headers)  # type: ignore[arg-type]
        except Exception:  # whatever the parser trips on, the body is not one Slack sends
            bolt_request = None
        problem = "unreadable body" if bolt_request is None else shape_problem(bolt_request.body)
        if problem is not None or bolt_request is None:
            self.rejected.note(problem or "unreadable body")
            return web.Response(status=400, text="malformed request")
        try:
            response = await self.bolt_app.async_dispatch(bolt_request)
        except Exception as error:
            self.rejected.note(f"dispatch failed ({type(error).__name__})")
            log.debug("dispatch failed", exc_info=error)
            return web.Response(status=500, text="internal error")
        return await to_aiohttp_response(response)


async def warm_responses() -> None:
    """Before serving: turn a made-up Bolt response into aiohttp's once. Bolt's adapter compiles a
    pattern the first time it does, which the first request's acknowledgement would pay for."""
    await to_aiohttp_response(BoltResponse(status=200, body=""))


def guarded_web_app(app: AsyncApp, path: str, signing_secret: str | None) -> web.Application:
    """The aiohttp application serving `app` at `path` (and its OAuth pages), checked at the door."""
    return GuardedServer(app, path, signing_secret).web_app
