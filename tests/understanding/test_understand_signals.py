"""The coaching signals in ordinary words: what the debrief says about market data, own value, priorities,
room to move, trials, ultimatums, recaps and requests for a hint (docs/labelling.md, Signals)."""

from __future__ import annotations

import pytest

from bot.understanding.acts import Signal
from tests.understanding.test_understand import understander


def signals(text: str) -> set[Signal]:
    return set(understander().read(text).signals)


@pytest.mark.parametrize(
    ("signal", "text"),
    [
        # what others are paid, heard from people or seen in ranges
        (Signal.market_data, "a mate of mine at a bank gets 130k for the same job"),
        (Signal.market_data, "my friend who works at a fintech says they pay 20% bonus"),
        (Signal.market_data, "the range for this level I'm seeing is 95k to 110k"),
        (Signal.market_data, "data engineers I know all get 28 days off"),
        (Signal.market_data, "in my country everybody gets 13 salaries"),
        (Signal.market_data, "two recruiters have reached out with roles at 120k"),
        # experience and results, said without "experience"
        (Signal.own_value, "I have 7 yrs in payments, so 140k feels right"),
        (Signal.own_value, "given my ten years in logistics I'd ask for the top of the band"),
        (Signal.own_value, "my cloud-security background means I can start on day one"),
        (Signal.own_value, "I'm confident I can cut the release time in half"),
        # what matters most, in other words than "priority"
        (Signal.priority, "remote work is very important for me"),
        (Signal.priority, "I'd like equity first, then leave, in that order"),
        (Signal.priority, "I put more weight on time off than on the bonus"),
        # asking where there is room
        (Signal.alternatives, "what would it take to get to 125k?"),
        (Signal.alternatives, "are there other levers you could pull?"),
        (Signal.alternatives, "how flexible is the bonus?"),
        # trying something for a while
        (Signal.trial_period, "maybe we try three home days until summer and see how it goes"),
        (Signal.trial_period, "four-day weeks for two months, then we review together?"),
        # all or nothing
        (Signal.ultimatum, "120k. final."),
        (Signal.ultimatum, "my walk-away number is 98k"),
        (Signal.ultimatum, "if the base stays at 90k I'll have to withdraw"),
        (Signal.ultimatum, "without the remote days I can't accept the job"),
        # asking the coach
        (Signal.hint, "coach, should I mention the other offer?"),
        (Signal.hint, "what should I counter with?"),
        (Signal.summary, "what's the full package now?"),
    ],
)
def test_a_signal_in_plain_words(signal: Signal, text: str) -> None:
    assert signal in signals(text), text


@pytest.mark.parametrize(
    ("signal", "text"),
    [
        # a raise or a review after probation is the raise_review perk, not a trial of something
        (Signal.trial_period, "could I get a 6% raise after probation?"),
        (Signal.trial_period, "a mentor for the first few months would help"),
        (Signal.trial_period, "how long is the probation period?"),
        # "help me understand" asks the recruiter, not the coach; an executive coach is a perk
        (Signal.hint, "could you help me understand how the bonus is worked out?"),
        (Signal.hint, "would there be an executive coach in my first year?"),
        (Signal.hint, "if the salary is stuck, what about equity?"),
        # thanking for a recap, or reviewing the package, asks for no recap
        (Signal.summary, "thanks for the summary, I accept the base as it stands"),
        (Signal.summary, "I'd like a day to review the full package"),
        # asking what is typical informs; it brings no market figure
        (Signal.market_data, "what's the typical bonus payout here?"),
        (Signal.market_data, "I spoke with my partner and we're fine with 20 days"),
        # working in the office is no credential, a need is no ranking
        (Signal.own_value, "I'd prefer working in the office twice a week"),
        (Signal.priority, "that's still far from what I need"),
    ],
)
def test_words_that_only_look_like_a_signal(signal: Signal, text: str) -> None:
    assert signal not in signals(text), text
