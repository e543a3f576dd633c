"""Sending the core's replies to the right place in Slack.

The DM is where practices and checklists live. A command typed in a channel answers only the
user there (ephemeral) and moves anything private to the DM, with one pointer saying so. A
thread practice answers in the thread. Files go up as files; where that fails, as code.
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.slack.inbound import Origin
from adapters.slack.render import SlackMessage, attachment_as_code, render_reply
from bot.messages import Attachment, ConversationKind, Reply

log = logging.getLogger(__name__)

POINTER = ("I've continued in our direct messages, so the rest stays between us: "
           "open *Offer Coach* under *Apps* in your sidebar.")
# Slack accepts at most five posts to one response_url; past that, chat.postEphemeral.
RESPONSE_URL_USES = 5
SORRY = "Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment."


class Delivery:
    """Delivers one event's replies; holds nothing beyond this one event."""

    def __init__(self, client: AsyncWebClient, origin: Origin) -> None:
        self.client = client
        self.origin = origin
        self._dm_channel = origin.dm_channel
        self._response_url_uses = 0

    async def send(self, replies: list[Reply]) -> None:
        moved = False
        for reply in replies:
            private = self.origin.kind is ConversationKind.direct or reply.move_to_private
            if private:
                await self._to_dm(reply)
                moved = moved or reply.move_to_private or self._dm_channel != self.origin.channel
            elif self.origin.kind is ConversationKind.channel:
                # A command in a shared channel answers only the person who typed it.
                await self._ephemeral(render_reply(reply, owner=self.origin.user, where="c"))
                if reply.attachment is not None:
                    await self._upload_to_dm(reply.attachment)
                    moved = True
            else:
                await self._to_thread(reply)
        if moved and self.origin.channel and self.origin.channel != self._dm_channel:
            await self._ephemeral(SlackMessage(text=POINTER, blocks=[]))

    async def apologise(self) -> None:
        """Tell the user something failed, in the place they acted; never raises."""
        try:
            message = SlackMessage(text=SORRY, blocks=[])
            if self.origin.kind is ConversationKind.direct or not self.origin.channel:
                await self._post(self._dm_channel or self.origin.user, message)
            else:
                await self._ephemeral(message)
        except Exception:  # the apology is best effort; the failure is already logged
            log.warning("could not tell user of a failure")

    # --- places ------------------------------------------------------------------------------

    async def _to_dm(self, reply: Reply) -> None:
        message = render_reply(reply, owner=self.origin.user, where="d")
        await self._post(self._dm_channel or self.origin.user, message)
        if reply.attachment is not None:
            await self._upload_to_dm(reply.attachment)

    async def _to_thread(self, reply: Reply) -> None:
        message = render_reply(reply, owner=self.origin.user, where=self.origin.where)
        if reply.ephemeral:
            await self._ephemeral(message)
        else:
            await self._post(self.origin.channel or self.origin.user, message, thread_ts=self.origin.thread_ts)
        if reply.attachment is not None:
            await self._upload_to_dm(reply.attachment)

    async def _post(self, channel: str, message: SlackMessage, thread_ts: str | None = None) -> None:
        response = await self.client.chat_postMessage(
            channel=channel, text=message.text, blocks=message.blocks or None, thread_ts=thread_ts,
            unfurl_links=False, unfurl_media=False,
        )
        if channel == self.origin.user or channel == self._dm_channel:
            self._dm_channel = response.get("channel") or self._dm_channel

    async def _ephemeral(self, message: SlackMessage) -> None:
        if self.origin.response_url and self._response_url_uses < RESPONSE_URL_USES:
            self._response_url_uses += 1
            await respond(self.client, self.origin.response_url,
                          {**message.payload(), "response_type": "ephemeral", "replace_original": False})
            return
        await self.client.chat_postEphemeral(
            channel=self.origin.channel or self.origin.user, user=self.origin.user, text=message.text,
            blocks=message.blocks or None, thread_ts=self.origin.thread_ts,
        )

    async def _dm(self) -> str:
        if self._dm_channel is None:
            opened = await self.client.conversations_open(users=self.origin.user)
            self._dm_channel = opened["channel"]["id"]
        return self._dm_channel

    async def _upload_to_dm(self, attachment: Attachment) -> None:
        channel = await self._dm()
        try:
            await self.client.files_upload_v2(
                channel=channel, filename=attachment.filename, content=attachment.content,
                title=attachment.filename, snippet_type="json" if attachment.mime == "application/json" else None,
            )
        except SlackApiError as err:
            # Commonly a missing files:write scope on an older install: the content still arrives.
            log.warning("file upload failed (%s); sending it as a code block", err.response.get("error"))
            await self._post(channel, attachment_as_code(attachment))


async def respond(client: AsyncWebClient, response_url: str, body: dict[str, object]) -> None:
    """Post to a response_url on the Web API client's connection pool.

    Bolt's own ``respond`` opens a new HTTP session per call; reusing the client's session saves
    a connection set-up on every ephemeral answer.
    """
    if not body.get("blocks"):
        body = {k: v for k, v in body.items() if k != "blocks"}
    response = await AsyncWebhookClient(url=response_url, session=client.session).send_dict(body)
    if response.status_code != 200:
        log.warning("response_url answered HTTP %d", response.status_code)
