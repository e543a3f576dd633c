"""The Bolt app: which Slack requests we listen to, and how each becomes one call into the core.

Every listener records the request in the core's inbox, acknowledges it and returns, so Slack has
its answer at once, whatever a turn costs; the work then runs as this process's own task (see
:mod:`adapters.slack.intake`), not as a Bolt lazy listener, which would copy every request.
``process_before_response`` is on, so the acknowledgement goes out as the listener returns, after
the request is safely recorded. Retries and replays are dropped by the inbox and, for turns, by
the service's processed-event table. Replies go out through one HTTP session for the process
(:mod:`adapters.slack.clients`). With a single workspace's token, requests from any other
workspace are refused rather than answered with that token.
"""

from __future__ import annotations

import logging
import re
import weakref
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.sqlite3 import SQLite3InstallationStore
from slack_sdk.oauth.state_store.stateless import StatelessOAuthStateStore
from slack_sdk.web.async_client import AsyncWebClient

from adapters import lifecycle
from adapters.observability import count_error
from adapters.slack.clients import Clients
from adapters.slack.config import SlackSettings
from adapters.slack.deliver import Delivery, respond
from adapters.slack.home import HOME_ACTION_PREFIX, OPEN_VALUE_FORM, home_view
from adapters.slack.http import shape_problem, warm_responses
from adapters.slack.inbound import (
    PLATFORM,
    BadPayload,
    Origin,
    action_value,
    click_origin,
    command_origin,
    dm_origin,
    mention_origin,
    parse_block_actions,
    parse_command,
    parse_message_event,
    slack_to_plain,
    strip_leading_mention,
    text_incoming,
)
from adapters.slack.intake import REPLAY, Intake, request_key
from adapters.slack.lifecycle import Lifecycle, Tokens
from adapters.slack.modals import VALUE_CALLBACK, value_modal, value_text
from adapters.slack.render import CHOICE_ACTION_PREFIX, ChoiceValue, chosen_blocks, render_reply
from adapters.slack.teams import TEAM_ACTION_PREFIX, UNAVAILABLE, SlackTeams, command_is_for_teams
from bot.messages import ConversationKind, Incoming
from bot.port import Coach
from bot.storage.inbox import Inbox
from bot.storage.protocol import StoreError
from bot.teams.service import TeamService

log = logging.getLogger(__name__)

NOT_YOURS = ("That button belongs to someone else's session, so I've left it alone. "
             "Type `{command} practice` to start your own.")
STALE_BUTTON = "That button is from an older message I can no longer read. Type `{command} help` to carry on."
OTHER_WORKSPACE = "This Offer Coach is set up for another Slack workspace, so it cannot answer here."
# Message subtypes that are a person writing; the rest (edits, deletions, joins, bots) are not.
_USER_SUBTYPES = {None, "file_share", "thread_broadcast"}
# How long closing the app waits for the work in flight before cancelling it.
DRAIN_SECONDS = 10.0

Work = Callable[[dict[str, Any], AsyncWebClient, AsyncBoltContext, str], Coroutine[Any, Any, None]]


class _ClientGivenFilter(logging.Filter):
    """Drops Bolt's start-up warning that SLACK_BOT_TOKEN is unused: we pass it inside `client`
    (the only way to give the client our SLACK_API_URL), and Bolt also reads the variable."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("As you gave `client` as well")


logging.getLogger("slack_bolt.AsyncApp").addFilter(_ClientGivenFilter())


def user_key(team: str, user: str) -> str:
    return Incoming(platform=PLATFORM, tenant=team, user_id=user, conversation_id=user).user_key


@dataclass
class AppParts:
    """What one app holds beside Bolt: the clients, the intake, the team side."""

    clients: Clients
    intake: Intake
    teams: SlackTeams | None


_parts: weakref.WeakKeyDictionary[AsyncApp, AppParts] = weakref.WeakKeyDictionary()


def build_app(settings: SlackSettings, coach: Coach, *, db_path: Path | str,
              teams: TeamService | None = None) -> AsyncApp:
    """The Bolt app for these settings; OAuth installs live in the core's SQLite file `db_path`.

    `teams` enables the team channel commands and buttons (see :mod:`adapters.slack.teams`);
    :func:`slack_teams` gives the object whose ``deliver`` the scheduler calls.
    :func:`close_app` finishes the work in flight and closes the connections.
    """
    bot_token = settings.bot_token.get_secret_value() if settings.bot_token else None
    clients = Clients(settings.api_url)
    # Bolt's own calls (auth.test, the per-request clients it makes) ride on the same session.
    client = AsyncWebClient(token=bot_token, base_url=settings.api_url, session=clients.session)
    signing_secret = settings.signing_secret.get_secret_value() if settings.signing_secret else ""
    oauth_settings = None
    installation_store = None
    if settings.multi_workspace:
        assert settings.client_secret is not None and settings.state_secret is not None
        installation_store = installations_for(coach, db_path, settings.client_id or "")
        oauth_settings = AsyncOAuthSettings(
            client_id=settings.client_id,
            client_secret=settings.client_secret.get_secret_value(),
            scopes=settings.scopes,
            installation_store=installation_store,
            state_store=StatelessOAuthStateStore(
                expiration_seconds=300, signing_secret=settings.state_secret.get_secret_value()
            ),
        )
    app = AsyncApp(
        client=client,
        signing_secret=signing_secret,
        oauth_settings=oauth_settings,
        # Given here too, so Bolt's authorize (which refreshes rotating tokens) uses our client
        # and so SLACK_API_URL, not a default client of its own.
        installation_store=installation_store,
        process_before_response=True,
        # Socket Mode requests are not signed; HTTP ones always are.
        request_verification_enabled=settings.mode == "http",
        # Bolt's assistant-thread helpers (set_status, say_stream, suggested prompts), attached to
        # every DM event for listeners that ask for them; ours never do.
        attaching_conversation_kwargs_enabled=False,
    )
    store = getattr(coach, "store", None)
    # Any store with transactions (SQLite, or PostgreSQL through the store protocol) keeps the inbox.
    intake = Intake(Inbox(store) if hasattr(store, "transaction") and hasattr(store, "snapshot") else None)
    tokens = Tokens(settings, clients, installation_store)
    team_side = SlackTeams(teams, clients, tokens) if teams is not None else None
    listeners = Listeners(settings, coach, clients, intake, team_side)
    listeners.register(app)
    Lifecycle(installation_store, teams).register(app)
    listeners.register_catch_alls(app)  # last: they take whatever no listener above wanted
    if not settings.multi_workspace:
        app.middleware(OnlyOurWorkspace())
    _parts[app] = AppParts(clients, intake, team_side)
    return app


class OnlyOurWorkspace(AsyncMiddleware):
    """With one workspace's token, a request from another workspace is refused, not answered with it.

    A middleware class rather than a function: Bolt then calls it directly, without working out
    which arguments a function wants on every request."""

    async def async_process(self, *, req: AsyncBoltRequest, resp: BoltResponse,
                            next: Callable[[], Awaitable[BoltResponse]]) -> BoltResponse | None:
        context = req.context
        ours = context.authorize_result.team_id if context.authorize_result else None
        theirs = context.team_id
        if ours and theirs and theirs != ours and not context.is_enterprise_install:
            log.warning("refused a request from another workspace")
            if req.body.get("command") or req.body.get("response_url"):
                return BoltResponse(status=200, body=OTHER_WORKSPACE)
            return BoltResponse(status=200, body="")
        return await next()


def installations_for(coach: Coach, db_path: Path | str, client_id: str) -> AsyncInstallationStore:
    """Bolt's SQLite installation store in the core's file; on PostgreSQL, the core's own store."""
    store = getattr(coach, "store", None)
    if store is not None and store.dialect.name == "postgresql":
        from adapters.slack.installations import StoreInstallationStore

        return StoreInstallationStore(store, client_id)
    return SQLite3InstallationStore(database=str(db_path), client_id=client_id)


def slack_teams(app: AsyncApp) -> SlackTeams | None:
    """The app's team channel side (None when built without `teams`)."""
    parts = _parts.get(app)
    return parts.teams if parts else None


def intake_of(app: AsyncApp) -> Intake:
    """The app's intake: requests in flight (:attr:`Intake.in_flight`), :meth:`Intake.drain`."""
    return _parts[app].intake


async def finish_pending(app: AsyncApp) -> int:
    """Run the requests an earlier process accepted but never finished (call once serving)."""
    return await _parts[app].intake.replay(app)


async def warm_connections(app: AsyncApp) -> None:
    """Before serving: let Bolt learn who the token is, on the connection the replies will use.

    Bolt asks ``auth.test`` on the first request it authorises; that, and opening (against Slack,
    with TLS) the connection, would otherwise land on the first user's reply. A made-up event type
    goes through Bolt's whole chain and is acknowledged by the catch-all listener, doing nothing
    else. (The start-up token check has opened the shared session's connection already.) The
    inbox rehearses a request (:meth:`bot.storage.inbox.Inbox.rehearse`, rolled back) and the store
    starts its log last, after every start-up write (:meth:`bot.storage.store.Store.start_wal`).
    """
    _warm_intake(app)
    await warm_responses()
    if app.client.token is None:
        return  # OAuth installs: one token per workspace, found when its first request comes
    try:
        await app.async_dispatch(AsyncBoltRequest(
            body={"type": "event_callback", "event": {"type": "offer_coach_warm_up"}}, mode="socket_mode"))
    except Exception:  # an optimisation: the first request will do the same, a little later
        log.warning("could not warm the connection to Slack", exc_info=True)


def _warm_intake(app: AsyncApp) -> None:
    parts = _parts.get(app)
    inbox = parts.intake.inbox if parts else None
    if inbox is None:
        return
    try:
        inbox.rehearse(PLATFORM)  # and the store's log is started after it
    except StoreError:  # an optimisation: the first request meets the same trouble and reports it
        log.warning("could not warm the inbox", exc_info=True)


async def close_app(app: AsyncApp, drain_seconds: float = DRAIN_SECONDS) -> None:
    """Let the work in flight finish (cancelled past `drain_seconds`), then close the connections."""
    parts = _parts.pop(app, None)
    if parts is None:
        return
    if not await parts.intake.drain(drain_seconds):
        await parts.intake.cancel()
    await parts.clients.close()


def warm_up(coach: Coach) -> None:
    """Do once, before serving, what the first turn would otherwise pay for (a short practice run
    through the engine on a throwaway state, see :func:`adapters.lifecycle.warm_up`), rendering its
    replies as Slack messages. The first user then waits as long as any other."""
    lifecycle.warm_up(coach, lambda reply: render_reply(reply, owner="-", where="d"))


async def _ack(ack: Any) -> None:
    await ack()


def _wanted_message(body: dict[str, Any]) -> bool:
    event = body.get("event") or {}
    return event.get("channel_type") == "im" and event.get("subtype") in _USER_SUBTYPES and not event.get("bot_id")


class Listeners:
    """The listener functions; they keep no state between events."""

    def __init__(self, settings: SlackSettings, coach: Coach, clients: Clients, intake: Intake,
                 teams: SlackTeams | None = None) -> None:
        self.settings = settings
        self.coach = coach
        self.clients = clients
        self.intake = intake
        self.teams = teams

    def register(self, app: AsyncApp) -> None:
        """The listeners doing the work, the DM message first: Bolt tries listeners in order, and each
        one it tries costs a matcher call with its arguments built afresh (about as much as Bolt's
        dispatch of the listener itself), so the request that comes most often is matched first.
        No two of these match the same request, so their order decides nothing else."""
        app.event("message")(self._accepting(self.on_message, wanted=_wanted_message))
        app.command(self.settings.command)(self._accepting(self.on_command))
        app.event("app_mention")(self._accepting(self.on_mention))
        app.event("app_home_opened")(self._accepting(self.on_home_opened))
        app.action(re.compile("^" + re.escape(CHOICE_ACTION_PREFIX)))(self._accepting(self.on_choice))
        app.action(re.compile("^" + re.escape(HOME_ACTION_PREFIX)))(self._accepting(self.on_home_action))
        app.action(re.compile("^" + re.escape(TEAM_ACTION_PREFIX)))(self._accepting(self.on_team_action))
        app.view(VALUE_CALLBACK)(self._accepting(self.on_value_submitted, form_check=True))
        app.error(self.on_error)

    def register_catch_alls(self, app: AsyncApp) -> None:
        """Anything else Slack sends is acknowledged and dropped: an unhandled request would get a
        404, which Slack answers by retrying the same event."""
        app.event(re.compile(".*"))(_ack)
        app.action(re.compile(".*"))(_ack)
        app.command(re.compile(".*"))(self.ack_other_command)

    def _accepting(self, work: Work, *, wanted: Callable[[dict[str, Any]], bool] | None = None,
                   form_check: bool = False) -> Callable[..., Coroutine[Any, Any, None]]:
        """A Bolt listener: record the request, acknowledge it, and start `work` on it."""
        intake = self.intake

        async def listener(ack: Any, body: dict[str, Any], request: Any, context: AsyncBoltContext) -> None:
            if wanted is not None and not wanted(body):
                await ack()
                return
            if form_check:
                # Field errors can only be shown by the ack itself, so the form is checked before it.
                _text, errors = value_text(((body.get("view") or {}).get("state") or {}).get("values") or {})
                if errors:
                    await ack(response_action="errors", errors=errors)
                    return
            replay = context.get(REPLAY)
            if not replay and request.mode == "socket_mode" and shape_problem(body) is not None:
                log.warning("dropped a malformed Socket Mode request")  # HTTP ones never get here
                await ack()
                return
            key = replay or request_key(body, _header(request, "x-slack-signature"))
            if not replay and not await intake.accept(key, request.raw_body, body):
                log.debug("dropped a request already delivered (a retry or a replay)")
                await ack()
                return
            await ack()
            intake.start(work(body, self.clients.like(context.client), context, key), key)

        return listener

    async def ack_other_command(self, ack: Any) -> None:
        await ack(text=f"I answer to `{self.settings.command}`: try `{self.settings.command} help`.")

    async def on_error(self, error: Exception, body: dict[str, Any]) -> None:
        count_error(PLATFORM, "listener")
        log.error("listener failed: %s", type(error).__name__, exc_info=error)

    # --- the core, and delivery --------------------------------------------------------------

    async def _turn(self, client: AsyncWebClient, origin: Origin, incoming: Incoming) -> None:
        delivery = Delivery(client, origin)
        try:
            replies = await self.coach.handle(incoming)
        except Exception:
            log.exception("turn failed (platform=slack kind=%s)", origin.kind.value)
            await delivery.apologise()
            return
        try:
            await delivery.send(replies)
        except Exception:
            count_error(PLATFORM, "delivery")
            log.exception("delivery failed (kind=%s)", origin.kind.value)
            await delivery.apologise()

    async def _refuse(self, client: AsyncWebClient, origin: Origin, text: str) -> None:
        if origin.response_url:
            await respond(client, origin.response_url,
                          {"text": text, "response_type": "ephemeral", "replace_original": False})
        elif origin.channel:
            await client.chat_postEphemeral(channel=origin.channel, user=origin.user, text=text)

    # --- the work on each request (run as the server's own task) ----------------------------

    async def on_command(self, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext,
                         key: str) -> None:
        try:
            command = parse_command(body)
        except BadPayload:
            log.warning("unreadable slash command payload")
            return
        origin = command_origin(command)
        typed = slack_to_plain(command.text)
        if command_is_for_teams(command.text):
            if self.teams is None:
                await self._refuse(client, origin, UNAVAILABLE)
                return
            try:
                await self.teams.on_command(client, origin, typed)
            except Exception:
                log.exception("team command failed")
                await Delivery(client, origin).apologise()
            return
        if typed.lower() == "value" and command.trigger_id:
            await client.views_open(trigger_id=command.trigger_id, view=value_modal(command.user_id))
            return
        # The request's key is the turn's event id: a replayed command is claimed already.
        await self._turn(client, origin, text_incoming(origin, typed or "help", key, user_name=command.user_name))

    async def on_message(self, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext,
                         key: str) -> None:
        try:
            message = parse_message_event(body.get("event") or {})
        except BadPayload:
            log.warning("unreadable message event")
            return
        text = slack_to_plain(message.text)
        if not message.user or not text:
            return
        origin = dm_origin(str(body.get("team_id", "")), message)
        await self._turn(client, origin, text_incoming(origin, text, body.get("event_id") or key))

    async def on_mention(self, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext,
                         key: str) -> None:
        try:
            message = parse_message_event(body.get("event") or {})
        except BadPayload:
            log.warning("unreadable app_mention event")
            return
        if not message.user:
            return
        text = slack_to_plain(strip_leading_mention(message.text, context.bot_user_id)) or "help"
        origin = mention_origin(str(body.get("team_id", "")), message)
        await self._turn(client, origin, text_incoming(origin, text, body.get("event_id") or key))

    async def on_home_opened(self, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext,
                             key: str) -> None:
        event = body.get("event") or {}
        user = event.get("user")
        if event.get("tab") != "home" or not isinstance(user, str):
            return
        try:
            progress = self.coach.progress(user_key(str(body.get("team_id", "")), user))
        except Exception:
            log.exception("could not read progress for the Home tab")
            progress = {"unavailable": True}
        await client.views_publish(user_id=user, view=home_view(progress, user))

    async def _click(self, body: dict[str, Any], client: AsyncWebClient) -> tuple[Origin, ChoiceValue] | None:
        """The click's origin and value when the clicker owns it; otherwise answers and gives None."""
        try:
            actions = parse_block_actions(body)
        except BadPayload:
            log.warning("unreadable block_actions payload")
            return None
        value = ChoiceValue.decode(action_value(actions.actions[0]) or "")
        origin = click_origin(actions, value.where if value else "d", team_fallback="")
        command = self.settings.command
        if value is None:
            await self._refuse(client, origin, STALE_BUTTON.format(command=command))
            return None
        if value.owner != actions.user.id:
            await self._refuse(client, origin, NOT_YOURS.format(command=command))
            return None
        return origin, value

    async def on_choice(self, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext,
                        key: str) -> None:
        clicked = await self._click(body, client)
        if clicked is None:
            return
        origin, value = clicked
        incoming = Incoming(
            platform=PLATFORM, tenant=origin.team, user_id=origin.user, conversation_id=origin.conversation_id,
            conversation_kind=origin.kind, choice=value.choice_id, event_id=key,
        )
        await self._turn(client, origin, incoming)
        await self._mark_chosen(client, body)

    async def _mark_chosen(self, client: AsyncWebClient, body: dict[str, Any]) -> None:
        """Swap the clicked message's buttons for a note of the pick, so a stale menu cannot be used twice."""
        message = body.get("message")
        url = body.get("response_url")
        if not isinstance(message, dict) or not isinstance(message.get("blocks"), list) or not url:
            return  # ephemeral messages come without their blocks; they go away on their own
        try:
            await respond(client, url, {"replace_original": True, "text": message.get("text", ""),
                                        "blocks": chosen_blocks(message["blocks"], body["actions"][0])})
        except Exception:  # cosmetic: the turn itself is done and delivered
            log.warning("could not mark the picked choice")

    async def on_home_action(self, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext,
                             key: str) -> None:
        clicked = await self._click(body, client)
        if clicked is None:
            return
        origin, value = clicked
        origin = Origin(team=origin.team, user=origin.user, kind=ConversationKind.direct)
        if value.choice_id == OPEN_VALUE_FORM:
            trigger_id = body.get("trigger_id")
            if trigger_id:
                await client.views_open(trigger_id=trigger_id, view=value_modal(origin.user))
            return
        await self._turn(client, origin, text_incoming(origin, value.choice_id, key))

    async def on_team_action(self, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext,
                             key: str) -> None:
        """A click on a team post: anyone in the channel may click, so there is no owner check."""
        if self.teams is None:
            return
        try:
            await self.teams.on_click(client, body)
        except BadPayload:
            log.warning("unreadable team block_actions payload")
        except Exception:
            log.exception("team click failed")

    async def on_value_submitted(self, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext,
                                 key: str) -> None:
        view = body.get("view") or {}
        text, errors = value_text((view.get("state") or {}).get("values") or {})
        user = (body.get("user") or {}).get("id")
        team = (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id", "")
        if text is None or errors or not isinstance(user, str):
            return
        origin = Origin(team=str(team), user=user, kind=ConversationKind.direct)
        await self._turn(client, origin, text_incoming(origin, text, key))


def _header(request: Any, name: str) -> str | None:
    values = request.headers.get(name) if request is not None else None
    return values[0] if values else None
