"""The service around the pure engine: one incoming event in, the replies out, everything saved.

Every adapter (terminal, Slack, Discord) calls :meth:`CoachService.handle` (or
:meth:`CoachService.handle_sync`). For one event it:

1. reads the session state of (user, scope) with its version, or starts a fresh one;
2. runs ``engine.step`` (pure, no I/O) outside any transaction or write lock;
3. in one short transaction claims the event id (a platform retry, even one sent to another
   process, is skipped with no replies), checks the session is still at the version it read,
   appends the turn, saves the new state and inserts the finished-work records; when another
   turn of the same session got there first, nothing is written and steps 1-3 run again;
4. performs the I/O the engine asked for: a data export as a JSON attachment, or forgetting.

The store is any :class:`~bot.storage.protocol.CoachStore`: SQLite or PostgreSQL.

It also builds the export and the progress summary that Slack's App Home shows.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import weakref
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from bot.messages import Attachment, Incoming, Reply, ReplyKind
from bot.session import Action, ChecklistState, Outcome, SessionState
from bot.storage.common import Aborted, read_session, rolled_back, start_log, write_turn
from bot.storage.protocol import CoachStore, Commit
from bot.storage.store import (
    ARCHIVED_SESSION_KIND,
    LoadedSession,
    StoredRecord,
    StoreError,
    TurnWrite,
    UserData,
    now_utc,
    timestamp,
)

if TYPE_CHECKING:
    import asyncio

    from bot.config import CoreSettings

logger = logging.getLogger(__name__)

EXPORT_FILENAME = "offer-coach-export.json"
EXPORT_FORMAT = "offer-coach-export"
EXPORT_VERSION = 1
DEFAULT_MAX_MESSAGE_CHARS = 4_000
# A turn that loses the race for its session this many times (another process writes the same
# session each time) steps once more holding the session's row (PostgreSQL) or the write lock
# (SQLite), which always succeeds: optimistic when it is cheap, never starved.
OPTIMISTIC_ATTEMPTS = 2
# The platform of the throwaway user in CoachService.rehearse (never a real platform's name).
REHEARSAL_PLATFORM = "rehearsal"

STORE_TROUBLE_REPLY = Reply(
    kind=ReplyKind.notice,
    text="I couldn't save that just now, so nothing changed. Please try again in a moment.",
)
ENGINE_TROUBLE_REPLY = Reply(
    kind=ReplyKind.notice,
    text=(
        "Sorry, something went wrong on my side with that message. Your session is as it was; "
        "try rephrasing, or type `help`."
    ),
)
EXPORT_READY_TEXT = (
    "Here is everything Offer Coach keeps about you, as JSON: your practices, checklists, "
    "valuations and the conversation itself."
)
FORGOTTEN_TEXT = (
    "Done: I deleted everything Offer Coach kept about you (practices, checklists, valuations and "
    "the conversation). If you write again, you start from scratch."
)


class Engine(Protocol):
    """What the service drives.

    The state handed to ``step`` is parsed from the store for this one turn and owned by it: no
    one else holds it, and if ``step`` raises it is thrown away (the stored state stays as it
    was). So ``step`` may change it in place; copying it first would only cost time.
    """

    def step(self, state: SessionState, incoming: Incoming) -> Outcome: ...


class CoachService:
    def __init__(
        self,
        store: CoachStore,
        engine: Engine,
        *,
        clock: Callable[[], datetime] | None = None,
        max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS,
    ) -> None:
        self.store = store
        self.engine = engine
        self._clock = clock or now_utc
        self._max_stored_chars = max_message_chars
        # One lock per live session; entries vanish when no turn holds or awaits them.
        self._session_locks: weakref.WeakValueDictionary[tuple[str, str], asyncio.Lock] = weakref.WeakValueDictionary()

    @classmethod
    def from_settings(cls, settings: CoreSettings) -> CoachService:
        """The service as configured: shipped playbooks (plus the team's), the real engine, the DB."""
        # Imported here: these modules are large, and export/forget need none of them.
        from bot.engine import Engine as CoachEngine
        from bot.engine import LazyUnderstander
        from bot.playbooks.loader import load_playbooks

        playbooks = load_playbooks(settings.playbooks)
        understander = LazyUnderstander(playbooks.perks)
        engine = CoachEngine(playbooks, understander, max_message_chars=settings.max_message_chars)
        from bot.storage import open_store

        retention = timedelta(days=settings.retention_days) if settings.retention_days else None
        store = open_store(settings.store_target, retention=retention)
        return cls(store, engine, max_message_chars=settings.max_message_chars)

    def close(self) -> None:
        self.store.close()

    # --- handling one event ------------------------------------------------------------------

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Handle one event from an async adapter and return the replies to send."""
        import asyncio  # here, not at the top: the terminal never needs it, and it costs ~50 ms to import

        key = (incoming.user_key, incoming.scope)
        lock = self._session_locks.get(key)
        if lock is None:
            lock = self._session_locks[key] = asyncio.Lock()
        async with lock:
            # The store work runs inline on the event loop: a read and one short write transaction
            # (about 0.1-0.15 ms on SQLite in WAL, well under 1 ms on PostgreSQL over loopback;
            # bench/store_bench.py), cheaper than handing it to a thread and back. The engine
            # steps outside any write lock, so another process never waits for this one's step.
            # The lock keeps this process's turns of one session in order; the version check
            # orders them across processes.
            return self._handle_now(incoming)

    def handle_sync(self, incoming: Incoming) -> list[Reply]:
        """The same as :meth:`handle`, for synchronous callers (terminal, CLI, tests)."""
        return self._handle_now(incoming)

    def _handle_now(self, incoming: Incoming) -> list[Reply]:
        incoming = _encodable(incoming)
        now = timestamp(self._clock())  # formatted once: the event and the turn share it
        event_key = f"{incoming.platform}:{incoming.event_id}" if incoming.event_id is not None else None
        try:
            for attempt in range(OPTIMISTIC_ATTEMPTS):
                loaded = self.store.load_session(incoming.user_key, incoming.scope)
                outcome = self._step(loaded.state, incoming)
                turn = self._turn(incoming, now, loaded, outcome)
                result = self.store.commit_turn(turn, event_key=event_key)
                if result is not Commit.conflict:
                    break
                # Another turn of this session committed since we read it: read again, step again.
                logger.debug("a turn from %s stepped again after a conflict (attempt %d)", incoming.platform, attempt)
            else:
                result, turn, outcome = self._step_holding_the_session(incoming, now, event_key)
            if result is Commit.duplicate:
                logger.debug("skipped a duplicate event from %s", incoming.platform)
                return []
            if result is Commit.conflict:  # a brand-new session created twice at once; rare
                return [STORE_TROUBLE_REPLY]
        except (StoreError, sqlite3.Error) as error:
            logger.warning("could not save a turn from %s: %s", incoming.platform, error)
            return [STORE_TROUBLE_REPLY]
        except Exception:
            # The transaction rolled back, so nothing stored changed; the user still gets an answer.
            logger.exception("could not save a turn from %s", incoming.platform)
            return [ENGINE_TROUBLE_REPLY]
        replies = list(turn.replies)
        if outcome is not None and outcome.action is not None:
            replies.extend(self._perform(outcome.action, incoming.user_key))
        return replies

    def _step_holding_the_session(
        self, incoming: Incoming, now: str, event_key: str | None
    ) -> tuple[Commit, TurnWrite, Outcome | None]:
        """Read, step and write in one transaction that holds the session (row lock or write lock)."""
        store = self.store
        try:
            with store.transaction():
                loaded = read_session(store.execute, incoming.user_key, incoming.scope, lock=store.dialect.for_update)
                outcome = self._step(loaded.state, incoming)
                turn = self._turn(incoming, now, loaded, outcome)
                write_turn(store.execute, turn, event_key)
        except Aborted as aborted:
            return aborted.result, turn, outcome
        return Commit.saved, turn, outcome

    def _turn(self, incoming: Incoming, now: str, loaded: LoadedSession, outcome: Outcome | None) -> TurnWrite:
        replies = list(outcome.replies) if outcome else [ENGINE_TROUBLE_REPLY]
        if loaded.notice:
            replies.insert(0, Reply(kind=ReplyKind.notice, text=loaded.notice))
        return TurnWrite(
            user_key=incoming.user_key,
            platform=incoming.platform,
            scope=incoming.scope,
            at=now,
            text_in=_clip(incoming.text, self._max_stored_chars),
            choice_in=incoming.choice,
            replies=replies,
            # A failed step keeps the stored state, unless it was unreadable.
            state=outcome.state if outcome else (SessionState() if loaded.notice else None),
            records=list(outcome.records) if outcome else [],
            user_known=loaded.existed,
            expected_version=loaded.version,
            archive=loaded.stale,
        )

    def _step(self, state: SessionState, incoming: Incoming) -> Outcome | None:
        # The state was parsed for this turn alone, so the engine may change it in place.
        try:
            return self.engine.step(state, incoming)
        except Exception:
            # No message text here: the traceback names code, not what the user wrote.
            logger.exception("the engine failed on a turn from %s", incoming.platform)
            return None

    def _perform(self, action: Action, user_key: str) -> list[Reply]:
        try:
            if action is Action.export:
                content = json.dumps(self.export_user(user_key), indent=2, ensure_ascii=False)
                return [
                    Reply(
                        text=EXPORT_READY_TEXT,
                        attachment=Attachment(filename=EXPORT_FILENAME, content=content),
                        move_to_private=True,
                    )
                ]
            if action is Action.forget:
                self.forget_user(user_key)
                return [Reply(kind=ReplyKind.notice, text=FORGOTTEN_TEXT, move_to_private=True)]
        except (StoreError, sqlite3.Error) as error:
            logger.warning("could not %s a user's data: %s", action.value, error)
            return [STORE_TROUBLE_REPLY]
        return []

    # --- before serving --------------------------------------------------------------------

    def rehearse(self, texts: Iterable[str]) -> list[Reply]:
        """Play `texts` as a throwaway user through the whole turn path, then undo every write.

        Each line is read, stepped and written with the very statements a turn uses, all in one
        write transaction that is rolled back at the end: nothing stays in the store (no user,
        session, turn or event id: there is nothing to see or export), but the statements are
        prepared and the pages they touch are cached, and the second line reads back and updates the
        session the first one wrote. Then the store starts its log (:meth:`Store.start_wal` where
        it has one), so the first user's commit is an ordinary one. Call it once the engine is warm
        (:func:`adapters.lifecycle.warm_up` does): the transaction holds the write lock while the
        lines step, a few milliseconds. Returns the replies, for an adapter to render once.
        """
        store = self.store
        replies: list[Reply] = []
        now = timestamp(self._clock())
        with rolled_back(store):
            for number, text in enumerate(texts):
                incoming = Incoming(platform=REHEARSAL_PLATFORM, tenant="-", user_id="-", conversation_id="-",
                                    text=text, event_id=str(number))
                loaded = read_session(store.execute, incoming.user_key, incoming.scope)
                turn = self._turn(incoming, now, loaded, self._step(loaded.state, incoming))
                write_turn(store.execute, turn, f"{incoming.platform}:{incoming.event_id}")
                replies.extend(turn.replies)
        start_log(store)
        return replies

    # --- a user's data -----------------------------------------------------------------------

    def export_user(self, user_key: str) -> dict[str, Any]:
        return build_export(self.store.user_data(user_key), now=self._clock(), team=team_rows(self.store, user_key))

    def forget_user(self, user_key: str) -> None:
        """Delete all of the user's data. Processed event ids are kept (see Store.forget_user)."""
        self.store.forget_user(user_key)

    def progress(self, user_key: str) -> dict[str, Any]:
        return build_progress(self.store.user_data(user_key, with_turns=False))


# --- shaping a user's data ---------------------------------------------------------------------


def team_rows(store: CoachStore, user_key: str) -> dict[str, Any]:
    """What team channels and workspaces keep about the user: mutes, stats membership, shared
    checklists started, and the channels, shares and installations they set up."""
    from bot.teams.storage import TeamStore  # only exports need it

    return {**TeamStore(store).user_rows(user_key), **store.user_mentions(user_key)}


def build_export(data: UserData, *, now: datetime, team: dict[str, Any] | None = None) -> dict[str, Any]:
    """The user's data as plain JSON-ready dicts, in the shape issue 2 §8 lists."""
    states = _readable_states(data)
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": timestamp(now),
        "user": {"key": data.user_key, "platform": data.platform, "first_seen": data.created_at},
        "practices": [_practice(record) for record in data.records if record.kind == "practice"],
        "practices_in_progress": [
            _practice_in_progress(scope, state) for scope, state in states if state.practice is not None
        ],
        "checklists": _checklists(data.records, states),
        "valuations": [
            {"key": record.key, "at": record.at, **record.data} for record in data.records if record.kind == "valuation"
        ],
        "archived_sessions": [
            {"at": record.at, **record.data} for record in data.records if record.kind == ARCHIVED_SESSION_KIND
        ],
        "turns": [
            {
                "at": turn.at,
                "scope": turn.scope,
                "text": turn.text_in,
                "choice": turn.choice_in,
                "replies": turn.replies,
            }
            for turn in data.turns
        ],
        "team": team or {},
    }


def build_progress(data: UserData) -> dict[str, Any]:
    """What a home screen shows: practices done, checklists and where they stand, last valuation."""
    states = _readable_states(data)
    practices = [_practice(record) for record in data.records if record.kind == "practice"]
    valuations = [record for record in data.records if record.kind == "valuation"]
    current = next((state.practice for scope, state in states if scope == "direct" and state.practice), None)
    return {
        "user_key": data.user_key,
        "practices_done": len(practices),
        "agreements": sum(1 for practice in practices if practice["agreed"]),
        "practices": list(reversed(practices)),  # newest first
        "practice_in_progress": (
            {"scenario": current.scenario, "turns": current.turns} if current and current.status == "active" else None
        ),
        "checklists": _checklists(data.records, states),
        "last_valuation": (
            {"key": valuations[-1].key, "at": valuations[-1].at, **valuations[-1].data} if valuations else None
        ),
    }


def _readable_states(data: UserData) -> list[tuple[str, SessionState]]:
    states = []
    for session in data.sessions:
        if session.state is None:
            continue
        try:
            states.append((session.scope, SessionState.model_validate(session.state)))
        except ValueError:
            continue  # an old or broken state; it is archived when that session is next used
    return states


def _practice(record: StoredRecord) -> dict[str, Any]:
    data = record.data
    outcome = data.get("outcome")
    return {
        "scenario": data.get("scenario", record.key),
        "outcome": outcome,
        "agreed": bool(data.get("agreed", outcome == "agreed")),
        "terms": data.get("terms", {}),
        "opening": data.get("opening", {}),
        "money_won_per_year": data.get("money_won_per_year"),
        "room_share": data.get("room_share"),
        "scores": data.get("scores", {}),
        "finished_at": record.at,
    }


def _practice_in_progress(scope: str, state: SessionState) -> dict[str, Any]:
    practice = state.practice
    assert practice is not None
    return {
        "scope": scope,
        "scenario": practice.scenario,
        "status": practice.status,
        "turns": practice.turns,
        "offer": {perk: track.current for perk, track in practice.offer.items()},
    }


def _checklists(records: list[StoredRecord], states: list[tuple[str, SessionState]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for record in records:
        if record.kind == "checklist":
            done = {"checklist": record.key, "status": "done", "answers": record.data.get("answers", record.data)}
            if "result" in record.data:
                done["result"] = record.data["result"]  # e.g. the yearly total, the e-mail draft
            found.append({**done, "finished_at": record.at})
    for _scope, state in states:
        if state.checklist is not None and not state.checklist.done:
            found.append(_open_checklist(state.checklist, "in progress"))
        for paused in state.paused_checklists.values():
            found.append(_open_checklist(paused, "paused"))
    return found


def _open_checklist(checklist: ChecklistState, status: str) -> dict[str, Any]:
    return {"checklist": checklist.key, "status": status, "step": checklist.step, "answers": checklist.answers}


def _encodable(incoming: Incoming) -> Incoming:
    """Replace lone surrogates (which UTF-8, JSON and SQLite refuse) and NUL characters (which
    PostgreSQL text refuses) so odd input cannot break a turn, on either back end."""
    fixes: dict[str, str] = {}
    for field in ("text", "choice"):
        value = getattr(incoming, field)
        if value is None:
            continue
        if "\x00" in value:
            value = fixes[field] = value.replace("\x00", "\ufffd")
        if value.isascii():
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            fixes[field] = value.encode("utf-8", "replace").decode("utf-8")
    return incoming.model_copy(update=fixes) if fixes else incoming


def _clip(text: str | None, limit: int) -> str | None:
    if text is None or len(text) <= limit:
        return text
    return text[:limit]
