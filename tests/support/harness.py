"""One harness that every end-to-end test drives: say text or pick choices as a given user.

It runs the real service, engine, understanding and store (in memory by default), exactly as
an adapter would, and hands back the neutral replies. Modelled on errbot's test bot.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from bot.engine import Engine
from bot.markup import plain
from bot.messages import Choice, ConversationKind, Incoming, Reply
from bot.negotiation.state import PracticeState
from bot.playbooks.loader import load_playbooks
from bot.playbooks.models import Playbooks
from bot.service import CoachService
from bot.session import ChecklistState, SessionState
from bot.storage.store import Store
from bot.understanding.reader import Understander

# Event ids stay unique across harnesses and restarts, as a platform's would.
_EVENT_IDS = itertools.count(1)


@cache
def shipped() -> tuple[Playbooks, Understander]:
    """The shipped playbooks and an understander for them, loaded once per test process."""
    playbooks = load_playbooks()
    return playbooks, Understander(playbooks.perks)


class ChatHarness:
    def __init__(
        self,
        db: Path | str = ":memory:",
        *,
        playbooks: Playbooks | None = None,
        platform: str = "test",
        max_message_chars: int = 4000,
    ) -> None:
        if playbooks is None:
            playbooks, understander = shipped()
        else:
            understander = Understander(playbooks.perks)
        self.playbooks = playbooks
        self.db = db
        self.platform = platform
        engine = Engine(playbooks, understander, max_message_chars=max_message_chars)
        self.service = CoachService(Store(db, maintenance=False), engine)
        self._clock = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        self.last: dict[str, list[Reply]] = {}

    def close(self) -> None:
        self.service.close()

    def incoming(self, *, user: str, text: str | None = None, choice: str | None = None,
                 kind: ConversationKind = ConversationKind.direct, conversation: str | None = None,
                 event_id: str | None = None) -> Incoming:
        self._clock += timedelta(seconds=30)
        return Incoming(
            platform=self.platform, user_id=user, conversation_id=conversation or f"dm-{user}",
            conversation_kind=kind, text=text, choice=choice,
            event_id=event_id or f"ev-{next(_EVENT_IDS)}", at=self._clock,
        )

    def send(self, incoming: Incoming) -> list[Reply]:
        replies = self.service.handle_sync(incoming)
        self.last[incoming.user_id] = replies
        return replies

    def say(self, text: str, *, user: str = "alice", **kw: object) -> list[Reply]:
        return self.send(self.incoming(user=user, text=text, **kw))  # type: ignore[arg-type]

    def pick(self, choice_id: str, *, user: str = "alice", **kw: object) -> list[Reply]:
        return self.send(self.incoming(user=user, choice=choice_id, **kw))  # type: ignore[arg-type]

    def choices(self, user: str = "alice") -> list[Choice]:
        return [c for r in self.last.get(user, []) for c in r.choices]

    def pick_label(self, label: str, *, user: str = "alice") -> list[Reply]:
        """Click the button from the last replies whose label contains `label` (case-insensitive)."""
        for choice in self.choices(user):
            if label.lower() in choice.label.lower():
                return self.pick(choice.id, user=user)
        raise AssertionError(f"no choice like {label!r} in {[c.label for c in self.choices(user)]}")

    def state(self, user: str = "alice", scope: str = "direct") -> SessionState:
        return self.service.store.load_session(f"{self.platform}::{user}", scope).state

    def practice(self, user: str = "alice", scope: str = "direct") -> PracticeState:
        """The practice under way; a test that expects one fails plainly when there is none."""
        practice = self.state(user, scope).practice
        assert practice is not None, f"{user} has no practice under way"
        return practice

    def checklist(self, user: str = "alice", scope: str = "direct") -> ChecklistState:
        """The checklist under way; a test that expects one fails plainly when there is none."""
        checklist = self.state(user, scope).checklist
        assert checklist is not None, f"{user} has no checklist under way"
        return checklist

    def restart(self) -> ChatHarness:
        """A new process on the same database file (the old one is closed)."""
        if str(self.db) == ":memory:":
            raise ValueError("restart() needs a database file: ChatHarness(tmp_path / 'coach.db')")
        self.close()
        return ChatHarness(self.db, playbooks=self.playbooks, platform=self.platform)


def text_of(replies: list[Reply]) -> str:
    """Everything a user would read in these replies, as plain text: lines, card titles and fields."""
    parts = []
    for reply in replies:
        if reply.text:
            parts.append((f"{reply.speaker}: " if reply.speaker else "") + plain(reply.text))
        for card in reply.cards:
            parts.append(card.title)
            parts += [f"{f.label}: {plain(f.value)}" for f in card.fields]
            if card.footer:
                parts.append(plain(card.footer))
    return "\n".join(parts)
