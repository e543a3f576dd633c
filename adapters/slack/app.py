"""The Bolt app: which Slack requests we listen to, and how each becomes one call into the core.

Every listener acknowledges at once and does its work in a Bolt lazy listener, so Slack always
gets its answer well inside three seconds, whatever a turn costs. ``process_before_response`` is
on: the ack then returns immediately instead of after Bolt's 10 ms polling of an ack made on
another task. Retries and duplicate event ids are stopped by the service's processed-event table.
"""

from __future__ import annotations

import logging
import re
import weakref
from pathlib import Path
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.sqlite3 import SQLite3InstallationStore
from slack_sdk.oauth.state_store.stateless import StatelessOAuthStateStore
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.config import SlackSettings
from adapters.slack.deliver import Delivery, respond
from adapters.slack.home import HOME_ACTION_PREFIX, OPEN_VALUE_FORM, home_view
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
from adapters.slack.modals import VALUE_CALLBACK, value_modal, value_text
from adapters.slack.render import CHOICE_ACTION_PREFIX, ChoiceValue, chosen_blocks
from adapters.slack.teams import TEAM_ACTION_PREFIX, UNAVAILABLE, SlackTeams, command_is_for_teams
from bot.messages import ConversationKind, Incoming
from bot.port import Coach
from bot.teams.service import TeamService

log = logging.getLogger(__name__)

NOT_YOURS = ("That button belongs to someone else's session, so I've left it alone. "
             "Type `{command} practice` to start your own.")
STALE_BUTTON = "That button is from an older message I can no longer read. Type `{command} help` to carry on."
# Message subtypes that are a person writing; the rest (edits, deletions, joins, bots) are not.
_USER_SUBTYPES = {None, "file_share", "thread_broadcast"}


class _ClientGivenFilter(logging.Filter):
    """Drops Bolt's start-up warning that SLACK_BOT_TOKEN is unused: we pass it inside `client`
    (the only way to give the client our SLACK_API_URL), and Bolt also reads the variable."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("As you gave `client` as well")


logging.getLogger("slack_bolt.AsyncApp").addFilter(_ClientGivenFilter())


def user_key(team: str, user: str) -> str:
    return Incoming(platform=PLATFORM, tenant=team, user_id=user, conversation_id=user).user_key


def build_app(settings: SlackSettings, coach: Coach, *, db_path: Path | str,
              teams: TeamService | None = None) -> AsyncApp:
    """The Bolt app for these settings; OAuth installs live in the core's SQLite file `db_path`.

    `teams` enables the team channel commands and buttons (see :mod:`adapters.slack.teams`);
    :func:`slack_teams` gives the object whose ``deliver`` the scheduler calls.
    :func:`close_app` closes the connections it opened.
    """
    bot_token = settings.bot_token.get_secret_value() if settings.bot_token else None
    client = AsyncWebClient(token=bot_token, base_url=settings.api_url)
    signing_secret = settings.signing_secret.get_secret_value() if settings.signing_secret else ""
    oauth_settings = None
    if settings.multi_workspace:
        assert settings.client_secret is not None and settings.state_secret is not None
        oauth_settings = AsyncOAuthSettings(
            client_id=settings.client_id,
            client_secret=settings.client_secret.get_secret_value(),
            scopes=settings.scopes,
            installation_store=installation_store(coach, db_path, settings.client_id or ""),
            state_store=StatelessOAuthStateStore(
                expiration_seconds=300, signing_secret=settings.state_secret.get_secret_value()
            ),
        )
    app = AsyncApp(
        client=client,
        signing_secret=signing_secret,
        oauth_settings=oauth_settings,
        process_before_response=True,
        # Socket Mode requests are not signed; HTTP ones always are.
        request_verification_enabled=settings.mode == "http",
    )
    pool = ConnectionPool()
    team_side = SlackTeams(teams, client, app.installation_store) if teams is not None else None
    Listeners(settings, coach, pool, team_side).register(app)
    _pools[app] = pool
    if team_side is not None:
        _teams[app] = team_side
    return app


def installation_store(coach: Coach, db_path: Path | str, client_id: str) -> AsyncInstallationStore:
    """Bolt's SQLite installation store in the core's file; on PostgreSQL, the core's own store."""
    store = getattr(coach, "store", None)
    if store is not None and store.dialect.name == "postgresql":
        from adapters.slack.installations import StoreInstallationStore

        return StoreInstallationStore(store, client_id)
    return SQLite3InstallationStore(database=str(db_path), client_id=client_id)


def slack_teams(app: AsyncApp) -> SlackTeams | None:
    """The app's team channel side (None when built without `teams`)."""
    return _teams.get(app)


class ConnectionPool:
    """One HTTP session for every Web API and response_url call the listeners make.

    Slack's SDK clients otherwise open (and set up TLS for) a new connection per call. The
    session cannot ride on Bolt's client: lazy listeners get a deep copy of the request, and a
    session cannot be copied. So each listener re-points its client here instead.
    """

    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None

    def client(self, bolt_client: AsyncWebClient) -> AsyncWebClient:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        pooled = AsyncWebClient(token=bolt_client.token, base_url=bolt_client.base_url, session=self._session,
                                logger=bolt_client.logger, retry_handlers=[
                                    AsyncConnectionErrorRetryHandler(),
                                    # A practice can post a few messages at once; Slack may ask us
                                    # to slow down, and a reply late by a second beats a lost one.
                                    AsyncRateLimitErrorRetryHandler(max_retry_count=2),
                                ])
        pooled.default_params = dict(bolt_client.default_params)  # e.g. team_id on org-wide installs
        return pooled

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


# Each app's pool, found again by close_app; weak, so a dropped app takes its entry with it.
_pools: weakref.WeakKeyDictionary[AsyncApp, ConnectionPool] = weakref.WeakKeyDictionary()
_teams: weakref.WeakKeyDictionary[AsyncApp, SlackTeams] = weakref.WeakKeyDictionary()


async def close_app(app: AsyncApp) -> None:
    """Close the connections the app's listeners opened."""
    pool = _pools.pop(app, None)
    if pool is not None:
        await pool.close()


async def _ack(ack: Any) -> None:
    await ack()


class Listeners:
    """The listener functions; they keep no state between events."""

    def __init__(self, settings: SlackSettings, coach: Coach, pool: ConnectionPool,
                 teams: SlackTeams | None = None) -> None:
        self.settings = settings
        self.coach = coach
        self.pool = pool
        self.teams = teams

    def register(self, app: AsyncApp) -> None:
        app.command(self.settings.command)(ack=_ack, lazy=[self.on_command])
        app.event("message")(ack=_ack, lazy=[self.on_message])
        app.event("app_mention")(ack=_ack, lazy=[self.on_mention])
        app.event("app_home_opened")(ack=_ack, lazy=[self.on_home_opened])
        app.action(re.compile("^" + re.escape(CHOICE_ACTION_PREFIX)))(ack=_ack, lazy=[self.on_choice])
        app.action(re.compile("^" + re.escape(HOME_ACTION_PREFIX)))(ack=_ack, lazy=[self.on_home_action])
        app.action(re.compile("^" + re.escape(TEAM_ACTION_PREFIX)))(ack=_ack, lazy=[self.on_team_action])
        app.view(VALUE_CALLBACK)(ack=self.ack_value_form, lazy=[self.on_value_submitted])
        # Anything else Slack sends is acknowledged and dropped: an unhandled request would get a
        # 404, which Slack answers by retrying the same event.
        app.event(re.compile(".*"))(_ack)
        app.action(re.compile(".*"))(_ack)
        app.command(re.compile(".*"))(self.ack_other_command)
        app.error(self.on_error)

    async def ack_other_command(self, ack: Any) -> None:
        await ack(text=f"I answer to `{self.settings.command}`: try `{self.settings.command} help`.")

    async def on_error(self, error: Exception, body: dict[str, Any]) -> None:
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
            log.exception("delivery failed (kind=%s)", origin.kind.value)
            await delivery.apologise()

    async def _refuse(self, client: AsyncWebClient, origin: Origin, text: str) -> None:
        if origin.response_url:
            await respond(client, origin.response_url,
                          {"text": text, "response_type": "ephemeral", "replace_original": False})
        elif origin.channel:
            await client.chat_postEphemeral(channel=origin.channel, user=origin.user, text=text)

    # --- listeners ---------------------------------------------------------------------------

    async def on_command(self, body: dict[str, Any], client: AsyncWebClient) -> None:
        client = self.pool.client(client)
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
        await self._turn(client, origin, text_incoming(origin, typed or "help", None, user_name=command.user_name))

    async def on_message(self, body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient) -> None:
        client = self.pool.client(client)
        if event.get("channel_type") != "im" or event.get("subtype") not in _USER_SUBTYPES or event.get("bot_id"):
            return
        try:
            message = parse_message_event(event)
        except BadPayload:
            log.warning("unreadable message event")
            return
        text = slack_to_plain(message.text)
        if not message.user or not text:
            return
        origin = dm_origin(str(body.get("team_id", "")), message)
        await self._turn(client, origin, text_incoming(origin, text, body.get("event_id")))

    async def on_mention(self, body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient,
                         context: Any) -> None:
        client = self.pool.client(client)
        try:
            message = parse_message_event(event)
        except BadPayload:
            log.warning("unreadable app_mention event")
            return
        if not message.user:
            return
        text = slack_to_plain(strip_leading_mention(message.text, context.get("bot_user_id"))) or "help"
        origin = mention_origin(str(body.get("team_id", "")), message)
        await self._turn(client, origin, text_incoming(origin, text, body.get("event_id")))

    async def on_home_opened(self, body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient) -> None:
        client = self.pool.client(client)
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

    async def on_choice(self, body: dict[str, Any], client: AsyncWebClient) -> None:
        client = self.pool.client(client)
        clicked = await self._click(body, client)
        if clicked is None:
            return
        origin, value = clicked
        action_ts = str(body.get("actions", [{}])[0].get("action_ts", ""))
        incoming = Incoming(
            platform=PLATFORM, tenant=origin.team, user_id=origin.user, conversation_id=origin.conversation_id,
            conversation_kind=origin.kind, choice=value.choice_id,
            event_id=f"click:{origin.user}:{action_ts}" if action_ts else None,
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

    async def on_home_action(self, body: dict[str, Any], client: AsyncWebClient) -> None:
        client = self.pool.client(client)
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
        await self._turn(client, origin, text_incoming(origin, value.choice_id, None))

    async def on_team_action(self, body: dict[str, Any], client: AsyncWebClient) -> None:
        """A click on a team post: anyone in the channel may click, so there is no owner check."""
        if self.teams is None:
            return
        client = self.pool.client(client)
        try:
            await self.teams.on_click(client, body)
        except BadPayload:
            log.warning("unreadable team block_actions payload")
        except Exception:
            log.exception("team click failed")

    async def ack_value_form(self, ack: Any, view: dict[str, Any]) -> None:
        # Field errors can only be shown by the ack itself, so the form is checked before it.
        _text, errors = value_text(view.get("state", {}).get("values", {}))
        if errors:
            await ack(response_action="errors", errors=errors)
        else:
            await ack()

    async def on_value_submitted(self, body: dict[str, Any], view: dict[str, Any], client: AsyncWebClient) -> None:
        client = self.pool.client(client)
        text, errors = value_text(view.get("state", {}).get("values", {}))
        user = (body.get("user") or {}).get("id")
        team = (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id", "")
        if text is None or errors or not isinstance(user, str):
            return
        origin = Origin(team=str(team), user=user, kind=ConversationKind.direct)
        await self._turn(client, origin, text_incoming(origin, text, None))
