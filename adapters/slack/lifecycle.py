"""A workspace's life with the app: its bot token (rotated when it expires), and its removal.

Tokens: with one workspace's token (SLACK_BOT_TOKEN) that token is used; with OAuth installs the
workspace's bot is read from the installation store, and an expiring token (token rotation on) is
refreshed through Slack's SDK and saved before use. Bolt does the same for incoming requests;
this is for the posts nobody asked for (the scheduled team posts).

Removal: ``app_uninstalled`` and ``tokens_revoked`` go to Bolt's own token revocation listeners,
which delete the installation rows, and then the workspace's team channel rows are deleted too.
People's own practices and checklists stay until each of them uses ``forget`` (docs/slack.md).
The work is done before the acknowledgement, so if the process dies first, Slack sends it again.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.listener.async_builtins import AsyncTokenRevocationListeners
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.clients import Clients
from adapters.slack.config import SlackSettings
from adapters.slack.inbound import PLATFORM
from bot.teams.service import TeamService

log = logging.getLogger(__name__)

# Refresh a rotating token this long before it expires (Bolt's own default for requests).
ROTATE_MINUTES_BEFORE = 120


class Tokens:
    """The bot token to use for one workspace, refreshed when it is about to expire."""

    def __init__(self, settings: SlackSettings, clients: Clients,
                 installation_store: AsyncInstallationStore | None) -> None:
        self.single = settings.bot_token.get_secret_value() if settings.bot_token else None
        self.clients = clients
        self.store = installation_store
        self._credentials = ((settings.client_id, settings.client_secret.get_secret_value())
                             if settings.client_id and settings.client_secret else None)

    async def client_for(self, team: str) -> AsyncWebClient | None:
        """A client for the workspace's bot, or None when the app is not installed there."""
        if self.single is not None:
            return self.clients.get(self.single)
        if self.store is None:
            return None
        bot = await self.store.async_find_bot(enterprise_id=None, team_id=team)
        if bot is None:
            return None
        if bot.bot_token_expires_at is not None and self._credentials is not None:
            client_id, client_secret = self._credentials
            rotator = AsyncTokenRotator(client_id=client_id, client_secret=client_secret,
                                        client=self.clients.get(None))
            refreshed = await rotator.perform_bot_token_rotation(
                bot=bot, minutes_before_expiration=ROTATE_MINUTES_BEFORE)
            if refreshed is not None:
                await self.store.async_save_bot(refreshed)
                bot = refreshed
        return self.clients.get(bot.bot_token)


class Lifecycle:
    """Listeners for a workspace removing the app or revoking its tokens."""

    def __init__(self, installation_store: AsyncInstallationStore | None, teams: TeamService | None) -> None:
        self.revocation = AsyncTokenRevocationListeners(installation_store) if installation_store else None
        self.teams = teams

    def register(self, app: AsyncApp) -> None:
        app.event("app_uninstalled")(self.on_uninstalled)
        app.event("tokens_revoked")(self.on_tokens_revoked)

    async def on_uninstalled(self, ack: Any, context: AsyncBoltContext) -> None:
        if self.revocation is not None:
            await self.revocation.handle_app_uninstalled_events(context)
        rows = self._forget_team_rows(context.team_id)
        log.info("the app was uninstalled from a workspace: its installation and %d team channel rows deleted", rows)
        await ack()

    async def on_tokens_revoked(self, ack: Any, event: dict[str, Any], context: AsyncBoltContext) -> None:
        if self.revocation is not None:
            await self.revocation.handle_tokens_revoked_events(event, context)
        if (event.get("tokens") or {}).get("bot"):
            # Without its bot token nothing can be posted there again: the channels' settings go too.
            rows = self._forget_team_rows(context.team_id)
            log.info("a workspace revoked the bot token: its installation and %d team channel rows deleted", rows)
        await ack()

    def _forget_team_rows(self, team: str | None) -> int:
        if self.teams is None or not team:
            return 0
        return self.teams.teams.forget_workspace(PLATFORM, team)
