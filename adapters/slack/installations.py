"""Slack OAuth installations kept in the core's store, for a store on PostgreSQL.

Bolt's own SQLite3InstallationStore keeps installs in the SQLite file as before; on PostgreSQL,
where several processes on several hosts share one database, this installation store (Bolt's
``AsyncInstallationStore`` interface) writes them through the core's store protocol into the
``oauth_installations`` and ``oauth_bots`` tables: the latest install per workspace and user, and
the latest bot per workspace. Bolt calls it on install, on every event (to find the bot token) and
from its token-revocation listeners (to delete).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation

from bot.storage.protocol import CoachStore

log = logging.getLogger(__name__)


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, default=lambda value: value.isoformat() if isinstance(value, datetime) else str(value))


def _installed_at(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value, UTC).isoformat(timespec="microseconds")
    return str(value or datetime.now(UTC).isoformat(timespec="microseconds"))


class StoreInstallationStore(AsyncInstallationStore):
    def __init__(self, store: CoachStore, client_id: str) -> None:
        self.store = store
        self.client_id = client_id

    @property
    def logger(self) -> logging.Logger:
        return log

    @staticmethod
    def _team(enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None) -> tuple[str, str]:
        # An org-wide install is one row for the whole enterprise, whatever workspace asks.
        return enterprise_id or "", "" if is_enterprise_install else team_id or ""

    async def async_save(self, installation: Installation) -> None:
        self.save(installation)

    async def async_save_bot(self, bot: Bot) -> None:
        self.save_bot(bot)

    def save(self, installation: Installation) -> None:
        """Keep the install (and its bot); synchronous, for `offer-coach db copy`. One short transaction."""
        enterprise, team = self._team(installation.enterprise_id, installation.team_id,
                                      installation.is_enterprise_install)
        at = _installed_at(installation.installed_at)
        with self.store.transaction():
            self.store.execute(
                "INSERT INTO oauth_installations (client_id, enterprise_id, team_id, user_id, installed_at, data) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (client_id, enterprise_id, team_id, user_id) DO UPDATE SET "
                "installed_at = excluded.installed_at, data = excluded.data",
                (self.client_id, enterprise, team, installation.user_id or "", at, _json(installation.to_dict())),
            )
        if installation.bot_token:
            self.save_bot(installation.to_bot())

    def save_bot(self, bot: Bot) -> None:
        enterprise, team = self._team(bot.enterprise_id, bot.team_id, bot.is_enterprise_install)
        with self.store.transaction():
            self.store.execute(
                "INSERT INTO oauth_bots (client_id, enterprise_id, team_id, installed_at, data) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (client_id, enterprise_id, team_id) DO UPDATE SET "
                "installed_at = excluded.installed_at, data = excluded.data",
                (self.client_id, enterprise, team, _installed_at(bot.installed_at), _json(bot.to_dict())),
            )

    async def async_find_bot(self, *, enterprise_id: str | None, team_id: str | None,
                             is_enterprise_install: bool | None = False) -> Bot | None:
        enterprise, team = self._team(enterprise_id, team_id, is_enterprise_install)
        with self.store.snapshot() as sql:
            row = sql.execute("SELECT data FROM oauth_bots WHERE client_id = ? AND enterprise_id = ? AND team_id = ?",
                              (self.client_id, enterprise, team)).fetchone()
        return Bot(**json.loads(row[0])) if row else None

    async def async_find_installation(self, *, enterprise_id: str | None, team_id: str | None,
                                      user_id: str | None = None,
                                      is_enterprise_install: bool | None = False) -> Installation | None:
        enterprise, team = self._team(enterprise_id, team_id, is_enterprise_install)
        sql_text = "SELECT data FROM oauth_installations WHERE client_id = ? AND enterprise_id = ? AND team_id = ?"
        args: list[Any] = [self.client_id, enterprise, team]
        if user_id is not None:
            sql_text += " AND user_id = ?"
            args.append(user_id)
        with self.store.snapshot() as sql:
            row = sql.execute(sql_text + " ORDER BY installed_at DESC LIMIT 1", args).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        data.pop("bot_token_expires_in", None)
        data.pop("user_token_expires_in", None)
        installation = Installation(**data)
        if user_id is not None and installation.bot_token is None:
            # A user's own install may predate the bot's latest token: answer with the current bot.
            bot = await self.async_find_bot(enterprise_id=enterprise_id, team_id=team_id,
                                            is_enterprise_install=is_enterprise_install)
            if bot is not None:
                installation.bot_token, installation.bot_id = bot.bot_token, bot.bot_id
                installation.bot_user_id, installation.bot_scopes = bot.bot_user_id, bot.bot_scopes
        return installation

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        with self.store.transaction():
            self.store.execute("DELETE FROM oauth_bots WHERE client_id = ? AND enterprise_id = ? AND team_id = ?",
                               (self.client_id, enterprise_id or "", team_id or ""))

    async def async_delete_installation(self, *, enterprise_id: str | None, team_id: str | None,
                                        user_id: str | None = None) -> None:
        sql_text = "DELETE FROM oauth_installations WHERE client_id = ? AND enterprise_id = ? AND team_id = ?"
        args: list[Any] = [self.client_id, enterprise_id or "", team_id or ""]
        if user_id is not None:
            sql_text += " AND user_id = ?"
            args.append(user_id)
        with self.store.transaction():
            self.store.execute(sql_text, args)

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.async_delete_bot(enterprise_id=enterprise_id, team_id=team_id)
        await self.async_delete_installation(enterprise_id=enterprise_id, team_id=team_id)
