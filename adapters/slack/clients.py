"""One HTTP session, and one Web API client per token, for every call the Slack adapter makes.

Slack's SDK opens (and sets up TLS for) a new connection per call unless a client is given a
session, and building a client costs about as much as a small turn. So the process keeps one
session and reuses a client per (token, team) pair: a rotated token simply gets a new client, and
the table is bounded so old tokens do not pile up.
"""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from adapters.observability import count_rate_limit_retry

MAX_CLIENTS = 1_000
TIMEOUT_SECONDS = 30

# What the Web API clients log through. slack_sdk builds a debug line of every request and response
# (their whole bodies, formatted) whenever this logger's own level is DEBUG or unset, before logging
# drops the line; so its level is pinned to what it would inherit (:func:`_web_api_log`).
_WEB_API_LOG = logging.getLogger(f"{__name__}.web_api")


def _web_api_log() -> logging.Logger:
    """The clients' logger, its own level set to the level in force: the debug lines are still
    written when debug logging is on, and are no longer built only to be dropped when it is off."""
    _WEB_API_LOG.setLevel(logging.NOTSET)
    _WEB_API_LOG.setLevel(_WEB_API_LOG.getEffectiveLevel())
    return _WEB_API_LOG


class CountedRateLimitRetries(AsyncRateLimitErrorRetryHandler):
    """slack_sdk's retry after a 429, counted for the `offer_coach_rate_limit_retries` metric."""

    async def prepare_for_next_attempt_async(self, **kwargs: Any) -> None:
        count_rate_limit_retry("slack")
        await super().prepare_for_next_attempt_async(**kwargs)


class Clients:
    """The process's Web API clients; :meth:`close` closes their one session."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self._session: aiohttp.ClientSession | None = None
        self._clients: dict[tuple[str | None, str | None], AsyncWebClient] = {}

    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS))
            self._clients.clear()  # they held the closed session
        return self._session

    def get(self, token: str | None, team_id: str | None = None) -> AsyncWebClient:
        """The client for this token (and, on org-wide installs, this workspace)."""
        session = self.session
        key = (token, team_id)
        client = self._clients.get(key)
        if client is None:
            if len(self._clients) >= MAX_CLIENTS:
                self._clients.clear()
            client = self._clients[key] = AsyncWebClient(
                token=token, base_url=self.base_url, session=session, team_id=team_id, logger=_web_api_log(),
                retry_handlers=[
                    AsyncConnectionErrorRetryHandler(),
                    # A practice can post a few messages at once; Slack may ask us to slow down,
                    # and a reply late by a second beats a lost one.
                    CountedRateLimitRetries(max_retry_count=2),
                ])
        return client

    def like(self, bolt_client: AsyncWebClient) -> AsyncWebClient:
        """Ours in place of the client Bolt made for one request (same token and workspace)."""
        return self.get(bolt_client.token, bolt_client.default_params.get("team_id"))

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._clients.clear()
