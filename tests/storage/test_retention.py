"""OFFER_COACH_RETENTION_DAYS: the words of finished transcripts go after that many days; what
they produced (scores, outcomes, counts) stays, and a practice still in progress keeps its words."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import CoreSettings
from bot.service import CoachService, build_progress
from bot.storage.store import Store, now_utc
from tests.support.harness import ChatHarness

WORDS = "my current employer pays 140k"


def _sqlite(service: CoachService) -> Store:
    """The harness's store, which is SQLite here: these tests read its rows directly."""
    assert isinstance(service.store, Store)
    return service.store


def _turn_words(store: Store, user_key: str) -> list[tuple[str | None, str]]:
    return [(text, replies) for text, replies in store.conn.execute(
        "SELECT text_in, replies FROM turns WHERE user_key = ? ORDER BY id", (user_key,))]


def test_old_finished_transcripts_lose_their_words_and_keep_their_scores():
    chat = ChatHarness()
    chat.say("practice growth_startup", user="alice")
    chat.say(WORDS, user="alice")
    chat.pick("cmd:end", user="alice")  # alice's practice is over
    chat.say("practice growth_startup", user="bob")
    chat.say(WORDS, user="bob")  # bob's is still going
    store = _sqlite(chat.service)
    progress_before = build_progress(store.user_data("test::alice"))
    turns_before = store.count("turns")

    changed = store.drop_old_words(timedelta(days=30), now=now_utc() + timedelta(days=40))

    assert changed == 3
    assert all(text is None and replies == "[]" for text, replies in _turn_words(store, "test::alice"))
    assert any(text == WORDS for text, _ in _turn_words(store, "test::bob"))
    assert store.count("turns") == turns_before  # the turns are still counted, just without words
    assert build_progress(store.user_data("test::alice")) == progress_before  # scores and outcomes kept
    assert progress_before["practices_done"] == 1
    assert "Offer so far" in str(chat.say("status", user="bob"))  # bob's practice goes on
    chat.close()


def test_recent_transcripts_keep_their_words():
    chat = ChatHarness()
    chat.say("practice growth_startup", user="alice")
    chat.pick("cmd:end", user="alice")
    assert chat.service.store.drop_old_words(timedelta(days=30)) == 0
    assert all(text or replies != "[]" for text, replies in _turn_words(_sqlite(chat.service), "test::alice"))
    chat.close()


def test_the_running_bot_drops_old_words_by_itself_when_the_setting_is_on(tmp_path: Path, monkeypatch):
    path = tmp_path / "coach.db"
    chat = ChatHarness(path)
    chat.say("practice growth_startup", user="alice")
    chat.pick("cmd:end", user="alice")
    long_ago = (now_utc() - timedelta(days=100)).isoformat()
    _sqlite(chat.service).conn.execute("UPDATE turns SET at = ?", (long_ago,))
    chat.close()

    monkeypatch.setenv("OFFER_COACH_RETENTION_DAYS", "90")
    service = CoachService.from_settings(CoreSettings(db=path))
    try:
        for _ in range(200):  # the maintenance thread's first round comes about a second after start
            if all(text is None for text, _ in _turn_words(_sqlite(service), "test::alice")):
                break
            time.sleep(0.05)
        assert all(text is None and replies == "[]" for text, replies in _turn_words(_sqlite(service), "test::alice"))
    finally:
        service.close()


def test_a_retention_below_one_day_is_refused(monkeypatch):
    monkeypatch.setenv("OFFER_COACH_RETENTION_DAYS", "0")
    with pytest.raises(ValueError):
        CoreSettings()
