"""Signals in the words people actually use, and the ones they take back.

Research said without "market" or "survey", experience said as a stretch of years, priorities said as a
ranking, room asked for in a question; and the other way round: greed, begging or an all-or-nothing the
speaker disowns ("I don't want to sound greedy", "not a dealbreaker") is not pressure or rudeness, and a
choice between two things ("either the bonus or the sign-on") is no ultimatum (docs/labelling.md, Signals).
"""

from __future__ import annotations

import pytest

from bot.understanding.acts import Signal
from tests.understanding.test_understand import understander


def signals(text: str) -> set[Signal]:
    return set(understander().read(text).signals)


@pytest.mark.parametrize(
    ("signal", "text"),
    [
        # research in ordinary words: who is paid what, with the figure
        (Signal.market_data, "QA leads at similar companies earn between 95k and 105k"),
        (Signal.market_data, "developers here are generally around 70k, so 68k is a bit low"),
        (Signal.market_data, "startups this size usually give 25 days, could we match that?"),
        (Signal.market_data, "I did my homework before this call, and 30 days would be fair"),
        (Signal.market_data, "25 days off is what everyone here gets"),
        (Signal.market_data, "90k sits at the bottom of the 88k-110k range"),
        # the speaker's own value as years, a role held, a result
        (Signal.own_value, "I've been a team lead for five years, so the senior title fits"),
        (Signal.own_value, "with eight years of Python, 95k is fair"),
        (Signal.own_value, "as a senior accountant I already handle the month-end close"),
        (Signal.own_value, "my migration of the billing system cut hosting costs by a third"),
        (Signal.own_value, "two of my six years were spent in fintech"),
        (Signal.own_value, "seven years' experience in logistics should count for something"),
        # a ranking or the one thing that matters
        (Signal.priority, "remote work is my #1, salary comes after"),
        (Signal.priority, "honestly time off > a bigger bonus"),
        (Signal.priority, "bonus first, then equity, then the rest"),
        (Signal.priority, "the training budget means more to me than the sign-on"),
        (Signal.priority, "what I really need is a shorter commute"),
        # asking where there is room
        (Signal.alternatives, "where do you have the most flexibility: base or bonus?"),
        (Signal.alternatives, "is there some room left on the sign-on?"),
        (Signal.alternatives, "is there anything besides salary you could put on the table?"),
        (Signal.alternatives, "which benefits are usually negotiable here?"),
        # all or nothing in plain words
        (Signal.ultimatum, "if it's not 80k I leave"),
        (Signal.ultimatum, "if we can't get to 85 I walk"),
        (Signal.ultimatum, "85k, that's my last word"),
        (Signal.ultimatum, "100k or I go with the other company"),
        (Signal.ultimatum, "without some give on the hours I won't be able to accept"),
        # asking the coach, or for the package again
        (Signal.hint, "not sure what to ask for next, any suggestions?"),
        (Signal.hint, "what shd i do now"),
        (Signal.summary, "can you say me again the package please?"),
        # begging with nothing but please
        (Signal.pleading, "pls"),
        (Signal.pleading, "Please, just one more day off. Please"),
        # contempt in everyday words
        (Signal.rude, "your recruiters are clueless"),
        (Signal.rude, "you keep wasting my time with this"),
    ],
)
def test_a_signal_in_ordinary_words(signal: Signal, text: str) -> None:
    assert signal in signals(text), text


@pytest.mark.parametrize(
    ("signal", "text"),
    [
        # disowned or said of oneself: not rudeness towards the recruiter
        (Signal.rude, "I don't want to come across as greedy, but 95k would be fair"),
        (Signal.rude, "am I being greedy if I ask for 30 days?"),
        (Signal.rude, "I'm not saying the offer is a joke, just that it is low"),
        (Signal.rude, "good coffee in this city ain't cheap"),
        (Signal.rude, "parking downtown is daylight robbery, about 300 a month"),
        # not begging
        (Signal.pleading, "I'm not begging, I'm explaining why 90k is fair"),
        (Signal.pleading, "happy to come on board at 90k"),
        # not all or nothing
        (Signal.ultimatum, "a mentor would be nice but it's not a dealbreaker"),
        (Signal.ultimatum, "this isn't my final number, I'm open to ideas"),
        (Signal.ultimatum, "either the bonus or the sign-on would work for me"),
        (Signal.ultimatum, "I'm not trying to pressure you, it's not take it or leave it"),
        (Signal.priority, "the wellness stipend I don't care about, drop it"),
        (Signal.priority, "a nice perk, but I'd value it at close to nothing"),
        # room asked for only when asked
        (Signal.alternatives, "without any flexibility on hours I can't accept"),
        (Signal.alternatives, "I'll sign at 90k without asking for anything else"),
        # not the speaker's value
        (Signal.own_value, "I bring my son to daycare at 8, so I need flexible hours"),
        (Signal.own_value, "I hold an offer from another bank at 100k"),
        (Signal.own_value, "can we also talk about a mentor for my first year?"),
        # the speaker's own recap is not asking for one; a sum that helps is no plea to the coach
        (Signal.summary, "let me recap: 90k, 25 days, two remote days"),
        (Signal.summary, "quick recap from my side: 90k and 25 days, and I still need a laptop"),
        (Signal.hint, "a bigger sign-on would help me sleep at night"),
        # not research
        (Signal.market_data, "could it be 5k more? asking for a friend"),
        (Signal.market_data, "my background is in equity research, so I know the numbers"),
    ],
)
def test_no_signal_where_it_is_taken_back(signal: Signal, text: str) -> None:
    assert signal not in signals(text), text


def test_a_disowned_word_hides_nothing_else_said() -> None:
    """Taking back one word does not take back the all-or-nothing said after it."""
    said = signals("I'm not calling anyone greedy. 120k or I go with another company.")
    assert Signal.ultimatum in said and Signal.rude not in said
