"""The learned second opinion on acts: what it changes for a user, and that it is trained on tuning data only."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path

import pytest

from bench import train_acts
from bot.playbooks.loader import load_playbooks
from bot.playbooks.models import PerkDef
from bot.understanding import second_opinion
from bot.understanding.acts import Act
from bot.understanding.reader import Understander


@pytest.fixture(scope="module")
def perks() -> Mapping[str, PerkDef]:
    return load_playbooks().perks


def test_a_counter_backed_by_todays_pay_refuses_nothing(perks: Mapping[str, PerkDef]) -> None:
    line = ("I earn $91,000 today, so $88,000 would mean taking a pay cut; the posted range for this level goes "
            "to $99,000, so could we meet at $95,000?")
    assert Act.reject in Understander(perks, acts_model=False).read(line).acts  # the rules alone
    acts = Understander(perks).read(line).acts
    assert Act.reject not in acts
    assert Act.propose in acts


def test_asking_how_perks_are_paid_is_a_question_not_an_ask(perks: Mapping[str, PerkDef]) -> None:
    line = "Can you tell me how the equity vests, and whether the $10k relocation is paid before or after the move?"
    assert Understander(perks, acts_model=False).read(line).acts == [Act.propose]  # the rules alone
    assert Understander(perks).read(line).acts == [Act.ask]


def test_the_shipped_weights_fit_this_reader() -> None:
    model = second_opinion.shipped_model()
    assert model is not None, "act_weights.json is missing or stale: run python bench/train_acts.py"
    assert Act.propose in model.acts and Act.accept in model.acts


def test_stale_weights_leave_the_rules_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               perks: Mapping[str, PerkDef], caplog: pytest.LogCaptureFixture) -> None:
    stale = tmp_path / "act_weights.json"
    stale.write_text(json.dumps({"features": "words/0", "acts": ["propose"], "bias": [0.0], "weights": {}}))
    monkeypatch.setattr(second_opinion, "WEIGHTS", stale)
    second_opinion.shipped_model.cache_clear()
    try:
        with caplog.at_level(logging.WARNING):
            reader = Understander(perks)
        assert reader.acts_model is None
        assert "bench/train_acts.py" in caplog.text
        assert reader.read("Could base be 95k?").acts == [Act.propose]
    finally:
        second_opinion.shipped_model.cache_clear()


def test_training_refuses_frozen_data(tmp_path: Path) -> None:
    (tmp_path / "iter9").mkdir()
    (tmp_path / "iter9" / "terse.test.jsonl").write_text("{}\n")
    with pytest.raises(ValueError, match="never trained on"):
        list(train_acts.tuning_files(tmp_path))


def test_training_reads_every_tuning_set_and_no_frozen_one() -> None:
    found = list(train_acts.tuning_files())
    groups = {group for group, _ in found}
    assert {"dev", "iter", "iter3", "iter6", "iter7"} <= groups
    assert not any(train_acts.is_frozen(path) for _, path in found)


def test_reading_a_message_asks_the_model_once(perks: Mapping[str, PerkDef], monkeypatch: pytest.MonkeyPatch) -> None:
    reader = Understander(perks)
    assert reader.acts_model is not None
    calls: list[int] = []
    real = reader.acts_model.logits

    def counted(found: object) -> dict[Act, float]:
        calls.append(1)
        return real(found)  # type: ignore[arg-type]

    monkeypatch.setattr(reader.acts_model, "logits", counted)
    reader.read("We have 3 days at home now; could it be 4, since my commute is 90 minutes each way?")
    assert len(calls) == 1
    reader.read("")  # nothing to read: no acts, and the model is not asked
    assert len(calls) == 1
