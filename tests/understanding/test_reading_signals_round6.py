"""Signals, sixth round: evidence the speaker waves away, asks about or only names as a topic is no evidence;
evidence said hedged or in plain words still is; contempt is rude while firmness is not; a threat to walk is an
ultimatum while a floor or a forfeited bonus is not (docs/labelling.md, Signals and its Clarifications).

Every line here is written for this test, not taken from a corpus.
"""

from __future__ import annotations

import pytest

from bot.understanding.acts import Signal
from tests.understanding.test_understand import understander


def signals(text: str) -> set[Signal]:
    return set(understander().read(text).signals)


@pytest.mark.parametrize(
    "text",
    [
        # market words the speaker waves away
        "I do not need market numbers, 95k is what I want.",
        "forget the market, I want 120k",
        # asking what the market is brings no figure of it
        "what is the range for similar roles at this company?",
        "could you tell me the typical salary band for my level?",
        # research as a line of work, not as homework done
        "a $1,800 budget would pay for a user research course",
        "half my week is research and prototyping, so two days at home suits it",
        # a place and an average that are no pay comparison
        "the gym in the city centre costs 60 a month, could you cover it?",
        "I'd like overtime capped at 42 hours on average",
    ],
)
def test_evidence_waved_away_asked_about_or_only_a_topic_is_no_market_data(text: str) -> None:
    assert Signal.market_data not in signals(text)


def test_market_figures_said_after_a_question_still_count() -> None:
    assert Signal.market_data in signals("is the bonus fixed? most employers here give 10%.")
