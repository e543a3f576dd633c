"""A DM reply goes out as the same request ``send`` would make, for less work: no view, no parsed echo.

The work is counted (views and buttons built, messages parsed), never timed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import discord
import pytest

from adapters.discord import views
from adapters.discord.client import CoachClient, intents
from adapters.discord.commands import Catalogue
from adapters.discord.config import DiscordSettings
from adapters.discord.posting import post
from adapters.discord.render import message_kwargs, render_reply
from bot.engine import Engine
from bot.messages import Attachment, Card, CardField, Choice, ChoiceStyle, Reply, ReplyKind
from bot.service import CoachService
from bot.storage.store import Store
from tests.support.fake_discord import FakeDiscord, RecordedRequest, connected
from tests.support.harness import shipped

GUILD = 777 << 22
ALICE = 2001
BOB = 2002
SCENARIO = "growth_startup"

BUTTONS = (Choice(id="cmd:hint", label="Hint"), Choice(id="cmd:status", label="Offer so far"),
           Choice(id="cmd:end", label="End and debrief", style=ChoiceStyle.danger))
REPLIES = [
    Reply(text="Thanks, noted. We'll look at *that*."),
    Reply(kind=ReplyKind.recruiter, speaker="Maya Chen", text="Let me check with the team.", choices=BUTTONS),
    Reply(text="**The offer as it stands**", choices=BUTTONS, cards=(Card(title="The offer", fields=(
        CardField(label="Base salary", value="$150,000", inline=True),
        CardField(label="Remote work", value="3 days a week", inline=True))),)),
    Reply(text="Which one?", choices=tuple(Choice(id=f"scenario:{n}", label=f"Scenario {n}") for n in range(8))),
    Reply(text="Your data is attached.", attachment=Attachment(filename="offer-coach.json", content='{"a": 1}')),
]


def _body(request: RecordedRequest) -> dict[str, Any]:
    body = dict(request.json or {})
    body.pop("nonce")  # random for every send
    return body


@contextlib.contextmanager
def counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> Iterator[list[int]]:
    """Count calls of ``owner.name`` (a method or function) while the block runs."""
    calls = [0]
    original: Callable[..., Any] = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    yield calls
    monkeypatch.setattr(owner, name, original)


async def test_a_dm_message_is_the_request_send_would_make(fake: FakeDiscord) -> None:
    client = discord.Client(intents=intents(), max_messages=None, guild_ready_timeout=0,
                            allowed_mentions=discord.AllowedMentions.none())
    async with connected(fake, client):
        dm = await client.create_dm(discord.Object(ALICE))
        for reply in REPLIES:
            for out in render_reply(reply, ALICE):
                seen = len(fake.requests)
                await dm.send(**message_kwargs(out))
                await post(dm, out)
                sent, posted = [r for r in fake.requests[seen:] if r.path.endswith("/messages")]
                assert _body(posted) == _body(sent)
                assert posted.files == sent.files
    assert any(m["components"] for m in fake.messages)  # buttons and menus were among them


async def test_a_closed_dm_still_raises_forbidden(fake: FakeDiscord) -> None:
    fake.dm_closed.add(BOB)
    client = discord.Client(intents=intents(), guild_ready_timeout=0)
    async with connected(fake, client):
        dm = await client.create_dm(discord.Object(BOB))
        [out] = render_reply(REPLIES[0], BOB)
        with pytest.raises(discord.Forbidden):
            await post(dm, out)


async def test_dm_turns_build_no_view_and_parse_only_what_arrives(fake: FakeDiscord, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Two users practise in their DMs: their buttons come from one template made by discord.py's
    items once, no view is built per message, and the only messages discord.py parses are the
    users' own (not the echo of every message the bot sent)."""
    playbooks, understander = shipped()
    service = CoachService(Store(tmp_path / "coach.db", maintenance=False), Engine(playbooks, understander))
    client = CoachClient(service, DiscordSettings(token=fake.token, sync_commands=False),
                         Catalogue.from_playbooks(playbooks), guild_ready_timeout=0)
    views._template.cache_clear()
    try:
        async with connected(fake, client):
            with counting(monkeypatch, discord.ui.View, "__init__") as views_built, \
                    counting(monkeypatch, discord.ui.Button, "__init__") as buttons_built, \
                    counting(monkeypatch, discord.Message, "__init__") as messages_parsed:
                sent = []
                for user in (ALICE, BOB):
                    for text in (f"practice {SCENARIO}", "status", "I was hoping for 165k base"):
                        sent += await fake.turn(fake.send_dm(user, text))
    finally:
        service.close()
    with_buttons = [m for m in sent if m["components"]]
    assert len(with_buttons) >= 4  # each user's briefing and offer carry the practice's buttons
    for user in (ALICE, BOB):
        owned = [c["custom_id"] for m in with_buttons if m["channel_id"] == str(fake.dm_channel_id(user))
                 for row in m["components"] for c in row["components"]]
        assert owned and all((views.parse_custom_id(custom_id) or (0, None))[0] == user for custom_id in owned)
    assert views_built[0] == 1  # the template of the practice's buttons, once
    assert buttons_built[0] == 3  # its three buttons, once, for both users and every message
    assert messages_parsed[0] == 6  # the six DMs the users wrote; none of the bot's own
