"""A local Discord for tests and benchmarks: REST and a gateway WebSocket on 127.0.0.1, each on its own port.

The real discord.py client connects to it (see :func:`point_discord_py_at`), so tests exercise the
library's own parsing, rate-limit handling, reconnects and interaction responses, with no network.

What it models, and only that:

- REST: ``/users/@me``, ``/oauth2/applications/@me``, ``/gateway(/bot)``, command sync, DM channel
  creation, channel messages (JSON or multipart with files), typing, interaction callbacks,
  follow-up webhooks and edits of the original response.
- Gateway: HELLO, IDENTIFY → READY (+ GUILD_CREATE), heartbeats acknowledged with op 11, RESUME →
  replay of missed events + RESUMED, and op 7 RECONNECT on request. Frames are plain JSON text.
- Faults on request: a 429 with a ``Via`` header on the next message creations, and users whose
  DMs are closed (403, code 50007).
- Slow delivery on request: :meth:`FakeDiscord.hold_messages` keeps the bot's message creations
  waiting (counted in :attr:`FakeDiscord.held`) until :meth:`FakeDiscord.release_messages`, so a
  test can stop the bot with a reply in flight.

Every message the bot creates, anywhere, is recorded in :attr:`FakeDiscord.messages`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

DISCORD_EPOCH_MS = 1_420_070_400_000
EPHEMERAL_FLAG = 1 << 6
FAKE_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.fake.token-for-tests-only"  # base64 of 123456789012345678
BOT_ID = 123456789012345678


ALL_PERMISSIONS = 562949953421311


def _option_type(value: Any) -> int:
    """Discord's application command option type for a value: boolean 5, integer 4, string 3."""
    if isinstance(value, bool):
        return 5
    return 4 if isinstance(value, int) else 3


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # Exactly "application/json": discord.py compares the header verbatim and treats anything else as text.
    return web.Response(body=json.dumps(data).encode(), status=status,
                        headers={"Content-Type": "application/json", **(headers or {})})


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


@dataclass
class FakeUser:
    id: int
    username: str
    bot: bool = False

    def payload(self) -> dict[str, Any]:
        return {"id": str(self.id), "username": self.username, "global_name": self.username.title(),
                "discriminator": "0", "avatar": None, "bot": self.bot, "public_flags": 0}


@dataclass
class RecordedRequest:
    method: str
    path: str
    json: Any
    query: dict[str, str]
    files: dict[str, bytes] = field(default_factory=dict)
    at: float = 0.0  # time.perf_counter() when the request arrived, for benchmarks


@dataclass
class _Connection:
    ws: web.WebSocketResponse
    shard: tuple[int, int]
    session_id: str | None = None


@dataclass
class _Session:
    session_id: str
    shard: tuple[int, int]
    seq: int = 0
    backlog: list[dict[str, Any]] = field(default_factory=list)  # every dispatched frame, for RESUME
    connection: _Connection | None = None


class FakeDiscord:
    """A local Discord. Use as ``async with FakeDiscord() as fake, fake.patched(): ...``."""

    def __init__(self, *, token: str = FAKE_TOKEN, bot_id: int = BOT_ID, guild_ids: tuple[int, ...] = (),
                 shards: int = 1, heartbeat_interval_ms: int = 41_250) -> None:
        self.token = token
        self.bot = FakeUser(bot_id, "offer-coach", bot=True)
        self.application_id = bot_id
        self.guild_ids = guild_ids
        self.shards = shards
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.users: dict[int, FakeUser] = {}
        self.channels: dict[int, dict[str, Any]] = {}
        self.messages: list[dict[str, Any]] = []
        self.requests: list[RecordedRequest] = []
        self.commands: dict[str, list[dict[str, Any]]] = {}  # "global" or a guild id -> synced commands
        self.callbacks: list[dict[str, Any]] = []
        self.identifies = 0
        self.resumes = 0
        self.heartbeats = 0
        self.rate_limited_requests = 0
        self.dm_closed: set[int] = set()
        self.interactions_expire = False  # answer every callback "Unknown interaction", as after 3 s
        self._rate_limit_next = 0
        self.held = 0
        self.abandoned = 0
        self._release: asyncio.Event | None = None
        self._rate_limit_retry_after = 0.05
        self._ids = itertools.count(1)
        self._sessions: dict[str, _Session] = {}
        self._connections: list[_Connection] = []
        self._dm_channels: dict[int, int] = {}
        self._interactions: dict[str, dict[str, Any]] = {}  # token -> state of an interaction
        self._changed = asyncio.Condition()
        self._last_request_at = time.monotonic()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.gateway_port = 0
        self.rest_connections: set[Any] = set()  # the client ends of every REST connection so far
        for guild_id in guild_ids:
            self.channels[guild_id + 1] = {"id": str(guild_id + 1), "type": 0, "guild_id": str(guild_id),
                                           "name": "general", "position": 0, "permission_overwrites": []}

    # --- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        # Two ports, as Discord has two hosts (discord.com for REST, gateway.discord.gg for the
        # gateway): on one, the login's pooled REST connection would become the gateway socket and
        # the first reply would pay for a new connection that a bot against Discord does not.
        ports = []
        for _ in range(2):
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            await site.start()
            ports.append(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]
        self.port, self.gateway_port = ports
        return self

    async def stop(self) -> None:
        for connection in list(self._connections):
            with contextlib.suppress(Exception):
                await connection.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.gateway_port}/gateway"

    @contextlib.contextmanager
    def patched(self) -> Iterator[None]:
        with point_discord_py_at(self.api_base, self.gateway_url):
            yield

    # --- ids and users -------------------------------------------------------------------------

    def snowflake(self) -> int:
        return ((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | (next(self._ids) & 0x3FFFFF)

    def user(self, user_id: int, username: str | None = None) -> FakeUser:
        if user_id not in self.users:
            self.users[user_id] = FakeUser(user_id, username or f"user{user_id}")
        return self.users[user_id]

    def dm_channel_id(self, user_id: int) -> int:
        """The id of the DM channel between the bot and a user (created on first use)."""
        channel_id = self._dm_channels.setdefault(user_id, self.snowflake())
        if channel_id not in self.channels:
            self.channels[channel_id] = {"id": str(channel_id), "type": 1, "last_message_id": None,
                                         "recipients": [self.user(user_id).payload()]}
        return channel_id

    def guild_channel_id(self, guild_id: int) -> int:
        return guild_id + 1

    # --- what tests inject ---------------------------------------------------------------------

    async def send_dm(self, user_id: int, text: str) -> dict[str, Any]:
        """The user writes to the bot in a DM: a MESSAGE_CREATE without guild_id."""
        author = self.user(user_id)
        message = self._message(self.dm_channel_id(user_id), author, text)
        await self.dispatch("MESSAGE_CREATE", message)
        return message

    async def send_guild_message(self, guild_id: int, user_id: int, text: str) -> dict[str, Any]:
        author = self.user(user_id)
        message = self._message(self.guild_channel_id(guild_id), author, text, guild_id=guild_id)
        message["member"] = self._member(user_id)
        if f"<@{self.bot.id}>" in text:
            message["mentions"] = [{**self.bot.payload(), "member": {"roles": [], "joined_at": _now_iso()}}]
        await self.dispatch("MESSAGE_CREATE", message)
        return message

    async def slash(self, user_id: int, name: str, options: dict[str, Any] | None = None, *,
                    guild_id: int | None = None, subcommand: str | None = None,
                    permissions: int | None = None) -> str:
        """The user runs a slash command (``/name subcommand options``); returns the interaction token.

        `permissions` is the member's resolved permission bits in the channel (default: all).
        """
        given = [{"name": k, "type": _option_type(v), "value": v} for k, v in (options or {}).items()]
        if subcommand is not None:
            given = [{"name": subcommand, "type": 1, "options": given}]
        data = {"id": str(self._command_id(name, guild_id)), "name": name, "type": 1, "options": given}
        return await self._interact(user_id, 2, data, guild_id=guild_id, permissions=permissions)

    async def autocomplete(self, user_id: int, name: str, option: str, typed: str, *,
                           guild_id: int | None = None) -> str:
        data = {"id": str(self._command_id(name, guild_id)), "name": name, "type": 1,
                "options": [{"name": option, "type": 3, "value": typed, "focused": True}]}
        return await self._interact(user_id, 4, data, guild_id=guild_id)

    async def click(self, user_id: int, message: dict[str, Any], custom_id: str,
                    values: list[str] | None = None) -> str:
        """The user clicks a button (or picks `values` in a select) on a message the bot sent."""
        component_type = 3 if values is not None else 2
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = values
        guild_id = int(message["guild_id"]) if message.get("guild_id") else None
        return await self._interact(user_id, 3, data, guild_id=guild_id, message=message,
                                    channel_id=int(message["channel_id"]))

    async def request_reconnect(self) -> None:
        """Send op 7 RECONNECT on every open connection: the client must RESUME."""
        for connection in list(self._connections):
            await connection.ws.send_str(json.dumps({"op": 7, "d": None}))

    def rate_limit_next_messages(self, count: int = 1, retry_after: float = 0.05) -> None:
        """The next `count` message creations get a 429 (with a Via header, so discord.py retries)."""
        self._rate_limit_next = count
        self._rate_limit_retry_after = retry_after

    # --- what tests read -----------------------------------------------------------------------

    def hold_messages(self) -> None:
        """Keep the bot's next message creations waiting until :meth:`release_messages`."""
        self._release = asyncio.Event()

    def release_messages(self) -> None:
        if self._release is not None:
            self._release.set()
            self._release = None

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), timeout)

    async def wait_for_messages(self, count: int, timeout: float = 5.0, **where: Any) -> list[dict[str, Any]]:
        """Wait until at least `count` bot messages match `where` (e.g. channel_id=...); return them."""
        def found() -> list[dict[str, Any]]:
            return [m for m in self.messages if all(str(m.get(k)) == str(v) for k, v in where.items())]

        await self.wait_for(lambda: len(found()) >= count, timeout)
        return found()

    async def quiet(self, period: float = 0.15, timeout: float = 5.0) -> None:
        """Wait until the bot has made no request for `period` seconds: its turn is fully delivered."""
        deadline = time.monotonic() + timeout
        while True:
            idle = time.monotonic() - self._last_request_at
            if idle >= period:
                return
            if time.monotonic() > deadline:
                raise TimeoutError("the bot kept making requests")
            await asyncio.sleep(period - idle)

    async def turn(self, action: Any, *, new_messages: int = 1, timeout: float = 5.0) -> list[dict[str, Any]]:
        """Run an injected event (an awaitable) and return the bot messages it produced, once all are sent."""
        before = len(self.messages)
        callbacks = len(self.callbacks)
        await action
        await self.wait_for(lambda: len(self.messages) - before >= new_messages or len(self.callbacks) > callbacks,
                            timeout)
        await self.quiet()
        return self.messages[before:]

    def messages_in(self, channel_id: int) -> list[dict[str, Any]]:
        return [m for m in self.messages if m["channel_id"] == str(channel_id)]

    def interaction(self, token: str) -> dict[str, Any]:
        return self._interactions[token]

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # --- gateway -------------------------------------------------------------------------------

    async def dispatch(self, event: str, data: dict[str, Any], *, shard_id: int = 0) -> None:
        """Send a DISPATCH to the shard's session; kept for replay if the client is reconnecting."""
        session = self._session_for_shard(shard_id)
        if session is None:
            raise RuntimeError("no client has identified on this shard yet")
        session.seq += 1
        frame = {"op": 0, "t": event, "s": session.seq, "d": data}
        session.backlog.append(frame)
        del session.backlog[:-1000]
        if session.connection is not None and not session.connection.ws.closed:
            await session.connection.ws.send_str(json.dumps(frame))

    def shard_of_guild(self, guild_id: int | None) -> int:
        return 0 if guild_id is None else (guild_id >> 22) % self.shards

    def _session_for_shard(self, shard_id: int) -> _Session | None:
        found = [s for s in self._sessions.values() if s.shard[0] == shard_id]
        return found[-1] if found else None

    async def wait_until_ready(self, shards: int = 1, timeout: float = 5.0) -> None:
        await self.wait_for(lambda: len({s.shard[0] for s in self._sessions.values()}) >= shards, timeout)

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        connection = _Connection(ws=ws, shard=(0, 1))
        self._connections.append(connection)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}}))
        try:
            async for frame in ws:
                if frame.type is not WSMsgType.TEXT:
                    continue
                payload = json.loads(frame.data)
                await self._on_gateway_frame(connection, payload)
        finally:
            self._connections.remove(connection)
            for session in self._sessions.values():
                if session.connection is connection:
                    session.connection = None
        return ws

    async def _on_gateway_frame(self, connection: _Connection, payload: dict[str, Any]) -> None:
        op, d = payload.get("op"), payload.get("d")
        data: dict[str, Any] = d if isinstance(d, dict) else {}  # IDENTIFY/RESUME send an object, a heartbeat a number
        if op == 1:
            self.heartbeats += 1
            await connection.ws.send_str(json.dumps({"op": 11}))
        elif op == 2:
            if data.get("token") != self.token:
                await connection.ws.close(code=4004, message=b"Authentication failed.")
                return
            self.identifies += 1
            shard = tuple(data.get("shard") or (0, 1))
            connection.shard = (int(shard[0]), int(shard[1]))
            session = _Session(session_id=f"session-{next(self._ids)}", shard=connection.shard,
                               connection=connection)
            self._sessions[session.session_id] = session
            shard_guild_ids = [g for g in self.guild_ids if self.shard_of_guild(g) == connection.shard[0]]
            guilds = [{"id": str(g), "unavailable": True} for g in shard_guild_ids]
            await self.dispatch("READY", {
                "v": 10, "user": self.bot.payload(), "guilds": guilds, "session_id": session.session_id,
                "resume_gateway_url": self.gateway_url, "shard": list(connection.shard),
                "application": {"id": str(self.application_id), "flags": 0}, "private_channels": [],
                "relationships": [],
            }, shard_id=connection.shard[0])
            for guild_id in shard_guild_ids:
                await self.dispatch("GUILD_CREATE", self._guild(guild_id), shard_id=connection.shard[0])
            await self._notify()
        elif op == 6:
            resumed = self._sessions.get(data.get("session_id", ""))
            if resumed is None or data.get("token") != self.token:
                await connection.ws.send_str(json.dumps({"op": 9, "d": False}))
                return
            self.resumes += 1
            connection.shard = resumed.shard
            resumed.connection = connection
            missed = [f for f in resumed.backlog if f["s"] > int(data.get("seq") or 0)]
            for frame in missed:
                await connection.ws.send_str(json.dumps(frame))
            resumed.seq += 1
            await connection.ws.send_str(json.dumps({"op": 0, "t": "RESUMED", "s": resumed.seq, "d": {}}))
            await self._notify()

    def _guild(self, guild_id: int) -> dict[str, Any]:
        channel = dict(self.channels[self.guild_channel_id(guild_id)])
        return {
            "id": str(guild_id), "name": f"Server {guild_id}", "owner_id": "1", "unavailable": False,
            "roles": [{"id": str(guild_id), "name": "@everyone", "permissions": "104324673", "position": 0,
                       "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}],
            "channels": [channel], "threads": [], "members": [self._member(self.bot.id, bot=True)],
            "member_count": 2, "emojis": [], "stickers": [], "features": [], "voice_states": [],
            "presences": [], "stage_instances": [], "guild_scheduled_events": [], "soundboard_sounds": [],
            "large": False, "joined_at": _now_iso(), "verification_level": 0, "default_message_notifications": 0,
            "explicit_content_filter": 0, "mfa_level": 0, "premium_tier": 0, "preferred_locale": "en-US",
            "system_channel_flags": 0, "nsfw_level": 0, "afk_timeout": 300,
        }

    def _member(self, user_id: int, *, bot: bool = False) -> dict[str, Any]:
        user = self.bot if bot else self.user(user_id)
        return {"user": user.payload(), "roles": [], "joined_at": _now_iso(), "deaf": False, "mute": False,
                "flags": 0}

    def _message(self, channel_id: int, author: FakeUser, content: str, *,
                 guild_id: int | None = None) -> dict[str, Any]:
        message: dict[str, Any] = {
            "id": str(self.snowflake()), "channel_id": str(channel_id), "author": author.payload(),
            "content": content, "timestamp": _now_iso(), "edited_timestamp": None, "tts": False,
            "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
            "pinned": False, "type": 0, "flags": 0, "components": [],
        }
        if guild_id is not None:
            message["guild_id"] = str(guild_id)
        return message

    # --- interactions --------------------------------------------------------------------------

    def _command_id(self, name: str, guild_id: int | None) -> int:
        for scope in (str(guild_id), "global"):
            for command in self.commands.get(scope, []):
                if command["name"] == name:
                    return int(command["id"])
        return self.snowflake()

    async def _interact(self, user_id: int, kind: int, data: dict[str, Any], *, guild_id: int | None,
                        message: dict[str, Any] | None = None, channel_id: int | None = None,
                        permissions: int | None = None) -> str:
        interaction_id = self.snowflake()
        token = f"itoken-{interaction_id}"
        if channel_id is None:
            channel_id = self.guild_channel_id(guild_id) if guild_id else self.dm_channel_id(user_id)
        channel = self.channels.get(channel_id) or {"id": str(channel_id), "type": 0 if guild_id else 1}
        payload: dict[str, Any] = {
            "id": str(interaction_id), "application_id": str(self.application_id), "type": kind, "token": token,
            "version": 1, "data": data, "channel_id": str(channel_id), "channel": channel, "locale": "en-US",
            "app_permissions": "562949953421311", "entitlements": [], "context": 0 if guild_id else 1,
            "authorizing_integration_owners": {"0": str(guild_id)} if guild_id else {"1": str(user_id)},
            "attachment_size_limit": 10_485_760,
        }
        if guild_id is not None:
            payload["guild_id"] = str(guild_id)
            payload["member"] = {**self._member(user_id),
                                 "permissions": str(ALL_PERMISSIONS if permissions is None else permissions)}
            payload["guild_locale"] = "en-US"
        else:
            payload["user"] = self.user(user_id).payload()
        if message is not None:
            payload["message"] = message
        self._interactions[token] = {"id": interaction_id, "user_id": user_id, "guild_id": guild_id,
                                     "channel_id": channel_id, "type": kind, "responses": [],
                                     "original": None, "ephemeral": False, "message": message}
        await self.dispatch("INTERACTION_CREATE", payload, shard_id=self.shard_of_guild(guild_id))
        return token

    # --- REST ----------------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        arrived = time.perf_counter()
        if request.transport is not None:
            self.rest_connections.add(request.transport.get_extra_info("peername"))
        path = "/" + request.match_info["tail"]
        body: Any = None
        files: dict[str, bytes] = {}
        if request.content_type == "multipart/form-data":
            form = await request.post()
            for name, value in form.items():
                if name == "payload_json":
                    body = json.loads(str(value))
                elif hasattr(value, "file"):
                    files[value.filename] = value.file.read()  # type: ignore[union-attr]
        elif request.can_read_body:
            raw = await request.read()
            body = json.loads(raw) if raw else None
        self.requests.append(RecordedRequest(request.method, path, body, dict(request.query), files, arrived))
        self._last_request_at = time.monotonic()
        if request.headers.get("Authorization") not in (f"Bot {self.token}", None) and not path.startswith(
                ("/interactions/", "/webhooks/")):
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        release = self._release
        if release is not None and request.method == "POST" and path.endswith("/messages"):
            self.held += 1
            await self._notify()
            await release.wait()
            if request.transport is None or request.transport.is_closing():
                self.abandoned += 1  # the bot hung up before Discord could answer
        try:
            response = await self._route(request.method, path, body, files)
        finally:
            await self._notify()
        return response

    async def _route(self, method: str, path: str, body: Any, files: dict[str, bytes]) -> web.StreamResponse:
        parts = path.strip("/").split("/")
        response = self._route_application(method, parts, body) or self._route_messages(method, parts, body, files)
        return response or _json({"message": "404: Not Found", "code": 0}, status=404)

    def _route_application(self, method: str, parts: list[str], body: Any) -> web.Response | None:
        """The bot's identity, the gateway and slash-command sync."""
        match method, parts:
            case "GET", ["users", "@me"]:
                return _json(self.bot.payload())
            case "GET", ["oauth2", "applications", "@me"]:
                return _json({"id": str(self.application_id), "name": "Offer Coach", "icon": None,
                              "description": "", "rpc_origins": [], "bot_public": True,
                              "bot_require_code_grant": False, "verify_key": "0" * 64, "flags": 0,
                              "owner": {**self.user(1, "owner").payload()}, "team": None})
            case "GET", ["gateway", "bot"]:
                return _json({"url": self.gateway_url, "shards": self.shards, "session_start_limit": {
                    "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}})
            case "GET", ["gateway"]:
                return _json({"url": self.gateway_url})
            case "PUT", ["applications", _, "commands"]:
                return _json(self._sync("global", body))
            case "PUT", ["applications", _, "guilds", guild_id, "commands"]:
                return _json(self._sync(guild_id, body))
        return None

    def _route_messages(self, method: str, parts: list[str], body: Any,
                        files: dict[str, bytes]) -> web.Response | None:
        """Channels, messages and interaction responses."""
        match method, parts:
            case "POST", ["users", "@me", "channels"]:
                return _json(self.channels[self.dm_channel_id(int(body["recipient_id"]))])
            case "POST", ["channels", channel_id, "typing"]:
                return web.Response(status=204)
            case "POST", ["channels", channel_id, "messages"]:
                return self._create_message(int(channel_id), body, files)
            case "POST", ["interactions", _, token, "callback"]:
                return self._callback(token, body, files)
            case "POST", ["webhooks", _, token]:
                return self._followup(token, body, files)
            case "PATCH", ["webhooks", _, token, "messages", "@original"]:
                return self._edit_original(token, body)
            case "GET", ["webhooks", _, token, "messages", "@original"]:
                state = self._interactions[token]
                return _json(state["original"] or {})
        return None

    def _sync(self, scope: str, commands: list[dict[str, Any]]) -> list[dict[str, Any]]:
        synced = [{**c, "id": str(self.snowflake()), "application_id": str(self.application_id), "version": "1",
                   "default_member_permissions": c.get("default_member_permissions"), "type": c.get("type", 1)}
                  for c in commands]
        if scope != "global":
            for command in synced:
                command["guild_id"] = scope
        self.commands[scope] = synced
        return synced

    def _bot_message(self, channel_id: int, body: dict[str, Any] | None, files: dict[str, bytes], *,
                     ephemeral: bool = False, where: str, token: str | None = None) -> dict[str, Any]:
        body = body or {}
        channel = self.channels.get(channel_id, {})
        message = self._message(channel_id, self.bot, body.get("content") or "",
                                guild_id=int(channel["guild_id"]) if channel.get("guild_id") else None)
        message["embeds"] = body.get("embeds") or []
        message["components"] = body.get("components") or []
        message["flags"] = int(body.get("flags") or 0) | (EPHEMERAL_FLAG if ephemeral else 0)
        message["attachments"] = [{"id": str(self.snowflake()), "filename": name, "size": len(data),
                                   "url": f"{self.api_base}/attachments/{name}", "proxy_url": "",
                                   "content": data.decode("utf-8", "replace")} for name, data in files.items()]
        # What the test inspects, beyond Discord's own fields:
        message["_allowed_mentions"] = body.get("allowed_mentions")
        message["_reference"] = body.get("message_reference")
        message["_where"] = where  # "channel", "response", "followup"
        message["_token"] = token
        self.messages.append(message)
        return message

    def _create_message(self, channel_id: int, body: Any, files: dict[str, bytes]) -> web.Response:
        if self._rate_limit_next > 0:
            self._rate_limit_next -= 1
            self.rate_limited_requests += 1
            return _json({"message": "You are being rate limited.", "retry_after": self._rate_limit_retry_after,
                          "global": False}, status=429,
                         headers={"Via": "1.1 google", "Retry-After": "1", "X-RateLimit-Limit": "5",
                                  "X-RateLimit-Remaining": "0",
                                  "X-RateLimit-Reset-After": str(self._rate_limit_retry_after),
                                  "X-RateLimit-Bucket": "fake-bucket", "X-RateLimit-Scope": "user"})
        channel = self.channels.get(channel_id)
        if channel is None:
            return _json({"message": "Unknown Channel", "code": 10003}, status=404)
        if channel["type"] == 1 and int(channel["recipients"][0]["id"]) in self.dm_closed:
            return _json({"message": "Cannot send messages to this user", "code": 50007}, status=403)
        return _json(self._bot_message(channel_id, body, files, where="channel"))

    def _callback(self, token: str, body: dict[str, Any], files: dict[str, bytes]) -> web.Response:
        state = self._interactions.get(token)
        if state is None or self.interactions_expire:
            return _json({"message": "Unknown interaction", "code": 10062}, status=404)
        if state["responses"]:
            return _json({"message": "Interaction has already been acknowledged.", "code": 40060}, status=400)
        kind = int(body["type"])
        data = body.get("data") or {}
        state["responses"].append(body)
        self.callbacks.append({"token": token, **body})
        ephemeral = bool(int(data.get("flags") or 0) & EPHEMERAL_FLAG)
        interaction = {"id": str(state["id"]), "type": state["type"], "response_message_loading": kind == 5,
                       "response_message_ephemeral": ephemeral}
        resource: dict[str, Any] = {"type": kind}
        if kind in (4, 5):
            message = self._bot_message(state["channel_id"], data if kind == 4 else {"flags": data.get("flags")},
                                        files, ephemeral=ephemeral, where="response", token=token)
            message["_loading"] = kind == 5
            if kind == 5:
                self.messages.remove(message)  # "thinking…" is not a message until the follow-up fills it
            state["original"] = message
            state["ephemeral"] = ephemeral
            interaction["response_message_id"] = message["id"]
            resource["message"] = message
        elif kind == 7 and state["message"] is not None:
            state["message"]["components"] = data.get("components", state["message"]["components"])
            for key in ("content", "embeds"):
                if key in data:
                    state["message"][key] = data[key]
            state["message"]["_edits"] = state["message"].get("_edits", 0) + 1
            interaction["response_message_id"] = state["message"]["id"]
            resource["message"] = state["message"]
        return _json({"interaction": interaction, "resource": resource})

    def _followup(self, token: str, body: Any, files: dict[str, bytes]) -> web.Response:
        state = self._interactions.get(token)
        if state is None or not state["responses"]:
            return _json({"message": "Unknown Webhook", "code": 10015}, status=404)
        original = state["original"]
        if original is not None and original.get("_loading"):
            # The first follow-up after a deferral replaces the "thinking…" message and keeps its privacy.
            message = self._bot_message(state["channel_id"], body, files, ephemeral=state["ephemeral"],
                                        where="followup", token=token)
            message["id"] = original["id"]
            state["original"] = message
            return _json(message)
        ephemeral = bool(int((body or {}).get("flags") or 0) & EPHEMERAL_FLAG)
        return _json(self._bot_message(state["channel_id"], body, files, ephemeral=ephemeral, where="followup",
                                       token=token))

    def _edit_original(self, token: str, body: Any) -> web.Response:
        state = self._interactions[token]
        original = state["original"]
        if original is None:
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        original.update({k: v for k, v in (body or {}).items() if k in ("content", "embeds", "components")})
        return _json(original)


@contextlib.contextmanager
def point_discord_py_at(api_base: str, gateway_url: str) -> Iterator[None]:
    """Point discord.py's REST routes (bot and webhook) and its default gateway at a local Discord."""
    import discord.gateway
    import discord.http
    import yarl

    old_base = discord.http.Route.BASE
    old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway


@contextlib.asynccontextmanager
async def connected(fake: FakeDiscord, client: Any, *, timeout: float = 5.0) -> Any:
    """Run a discord.py client against the fake until the block ends; yields once it is ready.

    The client should be made with ``guild_ready_timeout=0`` so READY is not held back for seconds.
    """
    with fake.patched():
        task = asyncio.create_task(client.start(fake.token))
        ready = asyncio.create_task(client.wait_until_ready())
        done, _ = await asyncio.wait({task, ready}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        if ready not in done:
            ready.cancel()
            if task in done:
                task.result()  # the client failed to start: raise why
            raise TimeoutError("the client did not become ready against the fake Discord")
        try:
            yield client
        finally:
            await client.close()
            with contextlib.suppress(asyncio.CancelledError):
                await task
