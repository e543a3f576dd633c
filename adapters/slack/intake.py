"""Taking a Slack request in: record it, acknowledge it, then work on it as the server's own task.

The order is what makes a crash lose nothing: Slack never resends a request it got a 200 for, so
the request goes into the core's inbox (:mod:`bot.storage.inbox`) before the listener returns and
Bolt sends the acknowledgement; the requests that arrive together (read off the sockets in one turn
of the event loop) share one transaction, so a busy server commits once for several of them rather
than once each. The work then runs as a task of this process, counted while it
runs (:attr:`Intake.in_flight`, :meth:`Intake.drain`: the hooks a graceful shutdown needs), and is
marked done in small batches. Requests a crashed process left pending are dispatched again through
the Bolt app at start-up (:meth:`Intake.replay`), once their lease says no live process holds them
(another process on the same database may still be working on its own); a turn they lead to is
claimed by its event id in the turn's own transaction, so it still happens exactly once.

The same inbox row recognises a replayed request: events by their event id, clicks by who clicked
when, and slash commands and forms, which carry no id, by their signature (valid five minutes).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import uuid
from collections.abc import Coroutine
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.internals import parse_body

from adapters.slack.inbound import PLATFORM
from bot.storage.inbox import Inbox
from bot.storage.store import StoreError

log = logging.getLogger(__name__)

# The Bolt context key that marks a request dispatched again from the inbox (its value is the key).
REPLAY = "offer_coach_replay"
# Finished keys are marked done together, at most this long after the first of them finished.
FINISH_DELAY_SECONDS = 0.05


def request_key(body: dict[str, Any], signature: str | None) -> str:
    """What recognises this request if Slack (or anyone) sends it again."""
    event_id = body.get("event_id")
    if isinstance(event_id, str) and event_id:
        return event_id
    actions = body.get("actions")
    if body.get("type") == "block_actions" and isinstance(actions, list) and actions:
        action_ts = actions[0].get("action_ts") if isinstance(actions[0], dict) else None
        user = body.get("user") or {}
        if action_ts and isinstance(user, dict) and user.get("id"):
            # Hashed: the key outlives the request by minutes and need not name who clicked.
            return "click:" + hashlib.blake2b(f"{user['id']}:{action_ts}".encode(), digest_size=12).hexdigest()
    if signature:
        return f"sig:{signature}"
    trigger = body.get("trigger_id")
    if isinstance(trigger, str) and trigger:
        return f"trigger:{trigger}"  # Socket Mode: no signature, but each command has its own trigger
    return f"once:{uuid.uuid4().hex}"


class Intake:
    """The inbox on the adapter's side, and the tasks working on acknowledged requests."""

    def __init__(self, inbox: Inbox | None) -> None:
        self.inbox = inbox
        self._tasks: set[asyncio.Task[None]] = set()
        self._running: set[str] = set()
        self._finished: list[str] = []
        self._flush: asyncio.TimerHandle | None = None
        # Requests waiting to be recorded together: (key, payload, resolved when committed).
        self._arriving: list[tuple[str, str, asyncio.Future[bool]]] = []

    @property
    def in_flight(self) -> int:
        """Requests acknowledged and still being worked on."""
        return len(self._tasks)

    async def accept(self, key: str, raw_body: str, body: dict[str, Any]) -> bool:
        """Record the request before it is acknowledged; False for one already seen (drop it).

        The requests that arrive together (in one turn of the event loop: under load, several) are
        recorded in one transaction, each acknowledged once it is committed."""
        if self.inbox is None:
            return True
        recorded = asyncio.get_running_loop().create_future()
        self._arriving.append((key, raw_body or json.dumps(body), recorded))
        if len(self._arriving) == 1:
            asyncio.get_running_loop().call_soon(self._record_arrivals)
        return await recorded

    def _record_arrivals(self) -> None:
        arriving, self._arriving = self._arriving, []
        if self.inbox is None or not arriving:
            return
        try:
            new = self.inbox.accept_many(PLATFORM, [(key, payload) for key, payload, _ in arriving])
        except StoreError as error:
            # The turns will meet the same trouble and say so; the requests are still worked on.
            log.warning("could not record %d requests in the inbox: %s", len(arriving), error)
            new = [True] * len(arriving)
        except Exception as error:
            for _, _, recorded in arriving:
                if not recorded.done():
                    recorded.set_exception(error)
            return
        for (_, _, recorded), is_new in zip(arriving, new, strict=True):
            if not recorded.done():
                recorded.set_result(is_new)

    def start(self, work: Coroutine[Any, Any, None], key: str) -> None:
        """Run `work` as this process's own task; the key is marked done when it ends."""
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        self._running.add(key)
        task.add_done_callback(lambda done: self._done(done, key))

    def _done(self, task: asyncio.Task[None], key: str) -> None:
        self._tasks.discard(task)
        self._running.discard(key)
        if not task.cancelled() and task.exception() is not None:
            log.error("request work failed: %s", type(task.exception()).__name__, exc_info=task.exception())
        if task.cancelled() or self.inbox is None:
            return  # a cancelled request stays pending and is finished at the next start
        self.done(key)

    def done(self, key: str) -> None:
        """Mark the request done soon, with the others that finish meanwhile."""
        if self.inbox is None:
            return
        self._finished.append(key)
        if self._flush is None:
            self._flush = asyncio.get_running_loop().call_later(FINISH_DELAY_SECONDS, self.flush)

    def flush(self) -> None:
        """Mark the finished requests done, in one short transaction."""
        self._flush = None
        keys, self._finished = self._finished, []
        if not keys or self.inbox is None:
            return
        try:
            self.inbox.finish(PLATFORM, keys)
        except StoreError as error:
            log.warning("could not mark %d requests done (they will be checked again at start): %s",
                        len(keys), error)

    async def drain(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for the work in flight; True when none is left."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)
        self.flush()
        return not self._tasks

    async def cancel(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._flush is not None:
            self._flush.cancel()
        self.flush()
        if self.inbox is not None:
            try:
                self.inbox.release(PLATFORM)  # what was cut short is the next start's at once
            except StoreError as error:
                log.warning("could not release unfinished requests (taken over when their lease ends): %s", error)

    async def replay(self, app: AsyncApp) -> int:
        """Dispatch the requests a previous process accepted but never finished; returns how many."""
        if self.inbox is None:
            return 0
        pending = self.inbox.take_over(PLATFORM)
        for item in pending:
            try:
                body = parse_body(item.payload, None)
            except ValueError:
                log.warning("dropped an unreadable pending request")
                self.inbox.finish(PLATFORM, [item.key])
                continue
            request = AsyncBoltRequest(body=body, context={REPLAY: item.key}, mode="socket_mode")
            await app.async_dispatch(request)
            if item.key not in self._running:
                self.done(item.key)  # refused or nothing to do now: not pending any more
        if pending:
            log.info("finished %d requests left pending by an earlier run", len(pending))
        return len(pending)
