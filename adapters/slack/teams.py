"""Team career channels on Slack: the channel commands, clicks on team posts, and scheduled posts.

Who may change a channel's posts: workspace admins and owners (``users.info``: ``is_admin``,
``is_owner``, ``is_primary_owner``) and the channel's creator (``conversations.info``). Slack's
"channel manager" role is not readable through the public Web API outside Enterprise Grid, so the
creator stands in for it; an admin can always act. Everything personal is ephemeral or in the DM:
the only messages the bot posts visibly in a channel are the scheduled posts and shared checklists.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.clients import Clients
from adapters.slack.deliver import Delivery, respond
from adapters.slack.inbound import PLATFORM, Origin, action_value, parse_block_actions, slack_to_plain
from adapters.slack.lifecycle import Tokens
from adapters.slack.render import SlackMessage, _mrkdwn, _plain_text, render_reply
from bot.messages import ChoiceStyle, ConversationKind, Reply
from bot.teams.scheduler import ChannelGone
from bot.teams.service import Actor, DuePost, TeamService

log = logging.getLogger(__name__)

TEAM_ACTION_PREFIX = "oc.team."
# Errors after which posting to the channel can never work without someone fixing it.
_GONE = {"channel_not_found", "is_archived", "not_in_channel", "team_access_not_granted", "account_inactive",
         "invalid_auth", "token_revoked", "team_not_found", "restricted_action"}
NOT_IN_CHANNEL = ("I can't post in this channel yet. Invite me first (type `/invite @Offer Coach` here), "
                  "then run the command again.")
NOT_A_MEMBER_YET = ("One more step: I'm not in this channel yet, so the posts couldn't arrive. Type "
                    "`/invite @Offer Coach` here.")
UNAVAILABLE = "Team channel features are not running in this Offer Coach."


def team_message(reply: Reply) -> SlackMessage:
    """A team post (or its ephemeral answer) as Block Kit: anyone may click its buttons, so they
    carry only the team choice id, never an owner."""
    message = render_reply(reply.model_copy(update={"choices": ()}), owner="-", where="c")
    if reply.choices:
        elements = []
        for index, choice in enumerate(reply.choices):
            button: dict[str, Any] = {"type": "button", "action_id": f"{TEAM_ACTION_PREFIX}{index}",
                                      "text": _plain_text(choice.label, 75), "value": choice.id}
            if choice.style is not ChoiceStyle.default:
                button["style"] = choice.style.value
            elements.append(button)
        message.blocks.append({"type": "actions", "block_id": "oc.team", "elements": elements})
    if not message.blocks:
        message.blocks.append({"type": "section", "text": _mrkdwn(message.text)})
    return message


class SlackTeams:
    """The Slack side of :class:`bot.teams.service.TeamService`."""

    def __init__(self, teams: TeamService, clients: Clients, tokens: Tokens) -> None:
        self.teams = teams
        self.clients = clients
        self.tokens = tokens

    # --- permission ----------------------------------------------------------------------------

    async def manager_and_zone(self, client: AsyncWebClient, user: str, channel: str) -> tuple[bool, str | None]:
        """Whether the user may change the channel's posts, and their time zone (the default for a new schedule)."""
        zone = None
        try:
            info = (await client.users_info(user=user)).get("user") or {}
            zone = info.get("tz")
            if info.get("is_admin") or info.get("is_owner") or info.get("is_primary_owner"):
                return True, zone
            channel_info = (await client.conversations_info(channel=channel)).get("channel") or {}
            return channel_info.get("creator") == user, zone
        except SlackApiError as error:
            # Missing scopes or an unknown channel: refuse rather than guess.
            log.warning("could not check channel permissions (%s)", _code(error))
            return False, zone

    # --- a team command typed with the slash command -------------------------------------------

    async def on_command(self, client: AsyncWebClient, origin: Origin, text: str) -> None:
        in_channel = origin.kind is not ConversationKind.direct
        actor = Actor(platform=PLATFORM, tenant=origin.team, channel=origin.channel or origin.user,
                      user_id=origin.user, in_channel=in_channel)
        checked: dict[str, Any] = {}

        async def is_manager() -> bool:
            checked["manager"], checked["zone"] = await self.manager_and_zone(client, origin.user, actor.channel)
            return bool(checked["manager"])

        result = await self.teams.command(text, actor, is_manager, default_timezone=lambda: checked.get("zone"))
        if checked.get("manager") and text.lower().split()[:2] == ["channel", "subscribe"] \
                and not await self._bot_is_member(client, actor.channel):
            result.replies.append(Reply(text=NOT_A_MEMBER_YET))
        if result.channel_post is not None:
            try:
                await self._post(client, actor.channel, result.channel_post)
            except SlackApiError as error:
                log.warning("could not post a shared checklist (%s)", _code(error))
                await self._ephemeral(client, origin, Reply(text=NOT_IN_CHANNEL))
                return
        for reply in result.replies:
            await self._ephemeral(client, origin, reply)

    async def _bot_is_member(self, client: AsyncWebClient, channel: str) -> bool:
        """False only when Slack says the bot is not in the channel (its posts would fail there)."""
        try:
            info = (await client.conversations_info(channel=channel)).get("channel") or {}
        except SlackApiError:
            return True  # unknown: the first post will tell, and pause the subscription if it fails
        return info.get("is_member", True) is not False

    # --- clicks on team posts ------------------------------------------------------------------

    async def on_click(self, client: AsyncWebClient, body: dict[str, Any]) -> None:
        actions = parse_block_actions(body)
        choice = action_value(actions.actions[0]) or ""
        team = actions.team.id if actions.team else ""
        channel = actions.channel.id if actions.channel else (actions.container.channel_id
                                                               if actions.container else None)
        origin = Origin(team=team, user=actions.user.id, kind=ConversationKind.channel, channel=channel,
                        response_url=actions.response_url)
        if channel is None:
            return
        actor = Actor(platform=PLATFORM, tenant=team, channel=channel, user_id=actions.user.id)
        result = await self.teams.click(choice, actor)
        if result.dm_replies:
            dm = Origin(team=team, user=actions.user.id, kind=ConversationKind.direct)
            await Delivery(client, dm).send(result.dm_replies)
        if result.updated_post is not None and actions.container and actions.container.message_ts \
                and not actions.container.is_ephemeral:
            message = team_message(result.updated_post)
            try:
                await client.chat_update(channel=channel, ts=actions.container.message_ts, text=message.text,
                                         blocks=message.blocks)
            except SlackApiError as error:
                log.warning("could not refresh a shared checklist's count (%s)", _code(error))
        for reply in result.replies:
            await self._ephemeral(client, origin, reply)

    # --- scheduled posts -----------------------------------------------------------------------

    async def deliver(self, post: DuePost) -> None:
        """Post one due tip or challenge in its channel (the scheduler's `deliver`)."""
        client = await self._client_for(post.tenant)
        try:
            await self._post(client, post.channel, post.reply)
        except SlackApiError as error:
            code = _code(error)
            if code in _GONE:
                raise ChannelGone(code) from None
            raise

    async def _client_for(self, team: str) -> AsyncWebClient:
        """The workspace's bot client, its token refreshed first when rotation is on."""
        client = await self.tokens.client_for(team)
        if client is None:
            raise ChannelGone("no installation for this workspace")
        return client

    # --- sending -------------------------------------------------------------------------------

    async def _post(self, client: AsyncWebClient, channel: str, reply: Reply) -> None:
        message = team_message(reply)
        await client.chat_postMessage(channel=channel, text=message.text, blocks=message.blocks,
                                      unfurl_links=False, unfurl_media=False)

    async def _ephemeral(self, client: AsyncWebClient, origin: Origin, reply: Reply) -> None:
        message = team_message(reply)
        if origin.response_url:
            await respond(client, origin.response_url, {**message.payload(), "response_type": "ephemeral",
                                                        "replace_original": False})
        elif origin.channel:
            await client.chat_postEphemeral(channel=origin.channel, user=origin.user, text=message.text,
                                            blocks=message.blocks)


def _code(error: SlackApiError) -> str:
    data = getattr(error.response, "data", None)
    return str(data.get("error", "unknown")) if isinstance(data, dict) else f"HTTP {error.response.status_code}"


def command_is_for_teams(text: str) -> bool:
    from bot.teams.commands import is_team_command

    return is_team_command(slack_to_plain(text))
