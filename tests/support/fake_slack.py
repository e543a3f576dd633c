"""A local Slack for tests and benchmarks: Web API, response_url sink and Socket Mode, on 127.0.0.1.

It binds an ephemeral port, records every call, and answers like Slack does for the methods the
adapter uses. :func:`signed_headers` and the payload builders send requests to the app exactly as
Slack would: signed form bodies for slash commands and clicks, signed JSON for events.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from aiohttp import WSMsgType, web
from slack_sdk.signature import SignatureVerifier

BOT_USER_ID = "UBOTC0ACH"
BOT_ID = "BBOTC0ACH"
TEAM_ID = "T0FAKE001"
APP_ID = "A0FAKE001"


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    token: str | None
    at: float = field(default_factory=time.perf_counter)


@dataclass
class Posted:
    """A body posted to a response_url or an upload URL."""

    path: str
    body: Any
    at: float = field(default_factory=time.perf_counter)


class FakeSlack:
    """Slack's Web API, response_url and Socket Mode endpoints, recording what the app sends."""

    def __init__(self, *, bot_user_id: str = BOT_USER_ID, team_id: str = TEAM_ID) -> None:
        self.bot_user_id = bot_user_id
        self.team_id = team_id
        self.calls: list[ApiCall] = []
        self.posted: list[Posted] = []
        self.acks: list[dict[str, Any]] = []
        self.errors: dict[str, str] = {}  # method -> Slack error code to answer with
        self.rate_limit_once: set[str] = set()  # methods whose next call gets HTTP 429
        # hold_posts(): chat.postMessage calls wait (counted in `held`) until release_posts().
        self.held = 0
        self.abandoned = 0
        self._release: asyncio.Event | None = None
        # Who users.info says is a workspace admin, who conversations.info says created a channel,
        # and each user's time zone (users.info `tz`).
        self.admins: set[str] = set()
        self.channel_creators: dict[str, str] = {}
        self.user_zones: dict[str, str] = {}
        self.channels_without_bot: set[str] = set()  # conversations.info says is_member: false
        self.rotations = 0  # refresh-token grants answered by oauth.v2.access
        # Called with each ApiCall or Posted as it arrives (benchmarks match replies this way).
        self.observers: list[Callable[[ApiCall | Posted], None]] = []
        self.port = 0
        self._ts = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._sockets: list[web.WebSocketResponse] = []
        self._socket_ready = asyncio.Event()
        self._handlers: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
            "auth.test": lambda p: {"url": "https://fake.slack.test/", "team": "Fake", "user": "coach",
                                    "team_id": self.team_id, "user_id": self.bot_user_id,
                                    "bot_id": BOT_ID, "is_enterprise_install": False},
            "chat.postMessage": self._post_message,
            "chat.postEphemeral": lambda p: {"message_ts": self._next_ts()},
            "chat.update": lambda p: {"channel": p.get("channel"), "ts": p.get("ts")},
            "conversations.open": lambda p: {"channel": {"id": self.dm_of(str(p.get("users", "")))}},
            "users.info": self._user_info,
            "conversations.info": lambda p: {"channel": {
                "id": p.get("channel"), "is_channel": True,
                "creator": self.channel_creators.get(str(p.get("channel")), "U0CREATOR"),
                "is_member": str(p.get("channel")) not in self.channels_without_bot}},
            "views.publish": lambda p: {"view": {"id": "V" + uuid.uuid4().hex[:10].upper()}},
            "views.open": lambda p: {"view": {"id": "V" + uuid.uuid4().hex[:10].upper()}},
            "views.update": lambda p: {"view": {"id": p.get("view_id", "V1")}},
            "apps.connections.open": lambda p: {"url": f"ws://127.0.0.1:{self.port}/socket"},
            "files.getUploadURLExternal": self._upload_url,
            "oauth.v2.access": self._oauth_access,
            "files.completeUploadExternal": lambda p: {"files": [{"id": f["id"], "title": f.get("title")}
                                                                 for f in _json_list(p.get("files"))]},
        }

    # --- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> FakeSlack:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # the SDK reads users.info, conversations.info by GET
        app.router.add_post("/response/{name}", self._sink)
        app.router.add_post("/upload/{name}", self._sink)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        for ws in self._sockets:
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeSlack:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "r") -> str:
        return f"http://127.0.0.1:{self.port}/response/{name}"

    @staticmethod
    def dm_of(user: str) -> str:
        """The DM channel id Fake Slack gives a user's conversation with the bot."""
        return "D" + user.lstrip("UW")[:10]

    # --- what tests read ---------------------------------------------------------------------

    def calls_to(self, *methods: str) -> list[ApiCall]:
        return [call for call in self.calls if call.method in methods]

    def messages_to(self, channel: str) -> list[dict[str, Any]]:
        """chat.postMessage bodies that landed in `channel` (a user id means their DM)."""
        return [c.params for c in self.calls_to("chat.postMessage")
                if c.params.get("channel") in (channel, self.dm_of(channel))]

    def hold_posts(self) -> None:
        """Keep the app's next chat.postMessage calls waiting, as a slow Slack would, until :meth:`release_posts`."""
        self._release = asyncio.Event()

    def release_posts(self) -> None:
        if self._release is not None:
            self._release.set()
            self._release = None

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Wait until `predicate()` is truthy (it is re-checked after every recorded call)."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), timeout)
        return predicate()

    async def _record(self, item: ApiCall | Posted | dict[str, Any]) -> None:
        if isinstance(item, ApiCall | Posted):
            (self.calls if isinstance(item, ApiCall) else self.posted).append(item)  # type: ignore[arg-type]
            for observer in self.observers:
                observer(item)
        else:
            self.acks.append(item)
        async with self._changed:
            self._changed.notify_all()

    # --- Web API -----------------------------------------------------------------------------

    def _next_ts(self) -> str:
        return f"1700000000.{next(self._ts):06d}"

    def _post_message(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = str(params.get("channel", ""))
        if channel.startswith(("U", "W")):
            channel = self.dm_of(channel)  # posting to a user id lands in the bot's DM with them
        ts = self._next_ts()
        return {"channel": channel, "ts": ts, "message": {"text": params.get("text"), "ts": ts}}

    def _user_info(self, params: dict[str, Any]) -> dict[str, Any]:
        user = str(params.get("user", ""))
        admin = user in self.admins
        return {"user": {"id": user, "team_id": self.team_id, "name": user.lower(), "is_admin": admin,
                         "is_owner": False, "is_primary_owner": False, "is_bot": False,
                         "tz": self.user_zones.get(user, "America/Los_Angeles")}}

    def _oauth_access(self, params: dict[str, Any]) -> dict[str, Any]:
        """Token rotation: a refresh token buys a new bot token (and refresh token) for 12 hours."""
        self.rotations += 1
        return {"access_token": f"xoxe.xoxb-rotated-{self.rotations}", "refresh_token": f"xoxe-1-r{self.rotations}",
                "token_type": "bot", "expires_in": 43_200, "team": {"id": self.team_id},
                "bot_user_id": self.bot_user_id, "app_id": APP_ID, "scope": "chat:write"}

    def _upload_url(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = "F" + uuid.uuid4().hex[:10].upper()
        return {"upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}", "file_id": file_id}

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.method == "GET":
            params = {}
        elif request.content_type == "application/json":
            params = await request.json()
        else:
            params = {k: _maybe_json(v) for k, v in (await request.post()).items() if isinstance(v, str)}
        # Some SDK methods send their arguments in the query string.
        params = {**{k: _maybe_json(v) for k, v in request.query.items()}, **params}
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") or params.get("token")
        await self._record(ApiCall(method, params, token))
        release = self._release
        if release is not None and method == "chat.postMessage":
            self.held += 1
            async with self._changed:
                self._changed.notify_all()
            await release.wait()
            if request.transport is None or request.transport.is_closing():
                self.abandoned += 1  # the app hung up before Slack could answer: it never knew it was posted
        if method in self.rate_limit_once:
            self.rate_limit_once.discard(method)
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                     headers={"Retry-After": "0"})
        if method in self.errors:
            return web.json_response({"ok": False, "error": self.errors[method]})
        if method not in ("apps.connections.open", "oauth.v2.access") and not token:
            return web.json_response({"ok": False, "error": "not_authed"})
        handler = self._handlers.get(method, lambda p: {})
        return web.json_response({"ok": True, **handler(params)})

    async def _sink(self, request: web.Request) -> web.Response:
        raw = await request.read()
        try:
            body: Any = json.loads(raw)
        except ValueError:
            body = raw.decode("utf-8", "replace")
        await self._record(Posted(request.path, body))
        return web.Response(text="ok")

    # --- Socket Mode -------------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_json({"type": "hello", "num_connections": 1,
                            "connection_info": {"app_id": APP_ID}, "debug_info": {"host": "fake"}})
        self._socket_ready.set()
        async for message in ws:
            if message.type is WSMsgType.TEXT:
                with contextlib.suppress(ValueError):
                    await self._record(json.loads(message.data))
        if ws in self._sockets:
            self._sockets.remove(ws)
        return ws

    async def send_envelope(self, kind: str, payload: dict[str, Any], *, timeout: float = 5.0) -> str:
        """Send one Socket Mode envelope ("events_api", "slash_commands", "interactive")."""
        await asyncio.wait_for(self._socket_ready.wait(), timeout)
        envelope_id = str(uuid.uuid4())
        await self._sockets[-1].send_json({
            "envelope_id": envelope_id, "type": kind, "payload": payload,
            "accepts_response_payload": kind != "events_api", "retry_attempt": 0, "retry_reason": "",
        })
        return envelope_id

    def ack_for(self, envelope_id: str) -> dict[str, Any] | None:
        return next((ack for ack in self.acks if ack.get("envelope_id") == envelope_id), None)


def _maybe_json(value: str) -> Any:
    if value[:1] in "[{":
        with contextlib.suppress(ValueError):
            return json.loads(value)
    return value


def _json_list(value: Any) -> list[dict[str, Any]]:
    value = _maybe_json(value) if isinstance(value, str) else value
    return value if isinstance(value, list) else []


# --- requests as Slack sends them --------------------------------------------------------------


def signed_headers(secret: str, body: str, *, timestamp: int | None = None,
                   content_type: str = "application/x-www-form-urlencoded") -> dict[str, str]:
    """Slack's request signing (v0 HMAC-SHA256 of "v0:timestamp:body")."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    assert signature is not None  # None only when the secret or timestamp is missing
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature, "Content-Type": content_type}


def slash_command(*, text: str, user: str, channel: str, response_url: str, command: str = "/offer-coach",
                  team: str = TEAM_ID, trigger_id: str = "13345224609.738474920.8088930838d88f008e0") -> dict[str, str]:
    return {
        "token": "legacy-verification-token", "team_id": team, "team_domain": "fake",
        "channel_id": channel, "channel_name": "directmessage" if channel.startswith("D") else "general",
        "user_id": user, "user_name": user.lower(), "command": command, "text": text,
        "api_app_id": APP_ID, "is_enterprise_install": "false",
        "response_url": response_url, "trigger_id": trigger_id,
    }


def form_body(fields: dict[str, str]) -> str:
    return urlencode(fields)


def block_actions(*, user: str, value: str, channel: str | None, response_url: str,
                  action_id: str = "oc.choice.0", select: bool = False, team: str = TEAM_ID,
                  message_ts: str = "1700000000.000001", thread_ts: str | None = None) -> dict[str, Any]:
    action: dict[str, Any] = {"action_id": action_id, "block_id": "oc.choices", "action_ts": f"{time.time():.6f}"}
    if select:
        action.update(type="static_select", selected_option={"text": {"type": "plain_text", "text": "x"},
                                                              "value": value})
    else:
        action.update(type="button", value=value, text={"type": "plain_text", "text": "x"})
    container: dict[str, Any] = {"type": "message", "message_ts": message_ts, "channel_id": channel,
                                 "is_ephemeral": False}
    if thread_ts:
        container["thread_ts"] = thread_ts
    body: dict[str, Any] = {
        "type": "block_actions", "team": {"id": team, "domain": "fake"},
        "user": {"id": user, "username": user.lower(), "team_id": team},
        "api_app_id": APP_ID, "token": "legacy-verification-token", "container": container,
        "trigger_id": "13345224609.738474920.8088930838d88f008e0", "response_url": response_url,
        "actions": [action],
    }
    if channel:
        body["channel"] = {"id": channel, "name": "directmessage"}
        body["message"] = {"type": "message", "ts": message_ts, "text": "", "user": BOT_USER_ID}
    return body


def payload_body(payload: dict[str, Any]) -> str:
    """Interactivity requests: form-encoded with the JSON in `payload`."""
    return urlencode({"payload": json.dumps(payload)})


def event_callback(event: dict[str, Any], *, team: str = TEAM_ID, event_id: str | None = None) -> dict[str, Any]:
    return {
        "token": "legacy-verification-token", "team_id": team, "api_app_id": APP_ID, "event": event,
        "type": "event_callback", "event_id": event_id or "Ev" + uuid.uuid4().hex[:10].upper(),
        "event_time": int(time.time()),
        "authorizations": [{"team_id": team, "user_id": BOT_USER_ID, "is_bot": True}],
    }


def dm_message(*, user: str, text: str, channel: str | None = None, ts: str | None = None) -> dict[str, Any]:
    return {"type": "message", "channel_type": "im", "user": user, "text": text,
            "channel": channel or FakeSlack.dm_of(user), "ts": ts or f"{time.time():.6f}",
            "event_ts": ts or f"{time.time():.6f}"}


def app_mention(*, user: str, text: str, channel: str, ts: str, thread_ts: str | None = None) -> dict[str, Any]:
    event = {"type": "app_mention", "user": user, "text": text, "channel": channel, "ts": ts, "event_ts": ts}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def app_home_opened(*, user: str) -> dict[str, Any]:
    return {"type": "app_home_opened", "user": user, "channel": FakeSlack.dm_of(user), "tab": "home",
            "event_ts": f"{time.time():.6f}"}


@dataclass
class Sent:
    status: int
    body: str
    ack_seconds: float  # request sent until the response was read


class SlackSender:
    """Sends requests to the app as Slack does, signed with the app's signing secret."""

    def __init__(self, session: Any, url: str, signing_secret: str) -> None:
        self.session = session  # an aiohttp.ClientSession
        self.url = url
        self.signing_secret = signing_secret

    async def send(self, body: str, *, content_type: str = "application/x-www-form-urlencoded",
                   timestamp: int | None = None, secret: str | None = None,
                   extra_headers: dict[str, str] | None = None) -> Sent:
        headers = signed_headers(secret or self.signing_secret, body, timestamp=timestamp,
                                 content_type=content_type)
        headers.update(extra_headers or {})
        started = time.perf_counter()
        async with self.session.post(self.url, data=body.encode(), headers=headers) as response:
            text = await response.text()
        return Sent(response.status, text, time.perf_counter() - started)

    async def command(self, text: str, *, user: str, channel: str, response_url: str, **kw: Any) -> Sent:
        return await self.send(form_body(slash_command(text=text, user=user, channel=channel,
                                                       response_url=response_url, **kw)))

    async def interaction(self, payload: dict[str, Any]) -> Sent:
        return await self.send(payload_body(payload))

    async def event(self, event: dict[str, Any], *, event_id: str | None = None, retry: int | None = None,
                    team: str = TEAM_ID) -> Sent:
        body = json.dumps(event_callback(event, team=team, event_id=event_id))
        extra = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else None
        return await self.send(body, content_type="application/json", extra_headers=extra)


def view_submission(*, user: str, callback_id: str, values: dict[str, Any], private_metadata: str = "",
                    team: str = TEAM_ID) -> dict[str, Any]:
    """A modal's submit; `values` as Slack nests them: {block_id: {action_id: {type, value}}}."""
    return {
        "type": "view_submission", "team": {"id": team, "domain": "fake"},
        "user": {"id": user, "username": user.lower(), "team_id": team}, "api_app_id": APP_ID,
        "token": "legacy-verification-token", "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        "view": {"id": "V0FAKE0001", "type": "modal", "callback_id": callback_id, "team_id": team,
                 "private_metadata": private_metadata, "state": {"values": values}},
    }
