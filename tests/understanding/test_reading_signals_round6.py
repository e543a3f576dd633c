"""Signals, sixth round: evidence the speaker waves away, asks about or only names as a topic is no evidence;
evidence said hedged or in plain words still is; contempt is rude while firmness is not; a threat to walk is an
ultimatum while a floor or a forfeited bonus is not (docs/labelling.md, Signals and its Clarifications).

Every line here is written for this test, not taken from a corpus.
"""

from __future__ import annotations

import pytest

from bot.understanding.acts import Act, Signal
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


@pytest.mark.parametrize(
    "text",
    [
        # hedged, but still a report of what others get
        "I think I read somewhere that analysts get a bit more than that",
        "I heard that new hires here get a review after six months, could I have one too?",
        # who is paid what, in the words people use
        "product designers in Lisbon are paid €55k to €65k",
        "backend pay in Warsaw runs 25k to 30k a month",
        "the grants I've seen sit around 30k, so could it be 30k?",
        "I know people earning 95k at smaller agencies",
        # a public scale quoted by its ends
        "the union scale goes from $60,000 at step 1 to $75,000 at step 8",
        # a range for a place and level, said in second-language English
        "In Munich for senior it is 75 until 90, I ask 85.",
        # what is common at other employers
        "plenty of companies in Madrid cover the transit pass",
        "almost every company in Dublin pays for the gym, could you?",
        "everyone in Paris gets 25 days",
        "startups usually are giving a sign-on for a lost bonus",
        "35 days is common here, could we do 33?",
    ],
)
def test_market_data_said_hedged_or_in_plain_words(text: str) -> None:
    assert Signal.market_data in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have no idea what's normal here, is two days at home fine?",
        "lots of people on my team are on leave this month",
        "the health plan is the same for everyone in the unit, that's fine",
        "I read that the contract has a probation clause, is that right?",
    ],
)
def test_not_knowing_the_norm_or_a_rule_read_is_no_market_data(text: str) -> None:
    assert Signal.market_data not in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        # contempt put as a question, a sneer or a brush-off
        "were you even listening? I said 25 days",
        "do you even look at what I send you?",
        "it's clear you haven't read my resume",
        "a 2% match, how generous",
        "save me the 'budget is tight' nonsense and pay 90k",
        "spare me the speech about the band",
        "stop lowballing me",
    ],
)
def test_contempt_is_rude(text: str) -> None:
    assert Signal.rude in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        # plain exasperation, a figure called too low, or the speaker doubting their own ask
        "60k? come on, that's under what I make now",
        "honestly 70k is a lowball for this role, I need 78k",
        "could I get step 5, or is that greedy?",
        "thank you, that's generous of you",
    ],
)
def test_exasperation_and_self_doubt_are_not_rude(text: str) -> None:
    assert Signal.rude not in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "60k? come on. the market pays 70k",
        "does the pension come on top of the salary?",
    ],
)
def test_come_on_is_exasperation_not_begging(text: str) -> None:
    assert Signal.pleading not in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        # a threat to end the talks, in the words people use
        "80k or we're done",
        "the other firm offered 95k and I'll take it unless you match it",
        "give me 95k or I'll take my skills elsewhere",
        "four days at home, that's not negotiable",
    ],
)
def test_a_threat_to_walk_is_an_ultimatum(text: str) -> None:
    assert Signal.ultimatum in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        # a bonus forfeited by leaving, or a limit the speaker accepts, threatens nothing
        "if I resign in May I walk away from my retention bonus, could a sign-on cover it?",
        "if I join now I leave behind 10k in unvested stock",
        "I understand that's not negotiable, so let's look at the bonus",
        "is 26 days really not negotiable?",
    ],
)
def test_a_forfeited_bonus_or_an_accepted_limit_is_no_ultimatum(text: str) -> None:
    assert Signal.ultimatum not in signals(text)


def test_taking_ones_portfolio_elsewhere_is_no_claim_of_value() -> None:
    assert Signal.own_value not in signals("90k or I take my portfolio elsewhere")


@pytest.mark.parametrize(
    "text",
    [
        # deeds with an adverb between "I" and the verb, time spent, praise received, a place in the range
        "I also built the payments pipeline your team now runs on",
        "the nine years I spent leading support teams taught me this job",
        "I've done data engineering for seven years, so step 4 fits",
        "I've been at a logistics startup for five years as their only analyst",
        "your design lead praised my onboarding case study in the interview",
        "my output has only gone up since I moved to a compressed week",
        "I consider myself a natural fit for the platform team",
        "juniors start at 60k and I'm at the top of that band",
        "I am the only applicant who has run this exact system",
        "after I finish the course I can automate the monthly reports",
    ],
)
def test_own_value_said_in_plain_words(text: str) -> None:
    assert Signal.own_value in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        # experience said of others, or only referred to, and "I speak about…" is no language skill
        "how are new hires with prior experience usually placed on the scale?",
        "I'd just like the step to reflect my experience",
        "I'm grateful HR credits some of my experience",
        "I do not speak about the bonus, I speak about the relocation",
        "could you add a sign-on to help with the move?",
    ],
)
def test_others_experience_referred_value_and_speaking_about_a_topic_are_no_own_value(text: str) -> None:
    assert Signal.own_value not in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "remote days matter a lot to me, after the base",
        "for me the parking is very important, can you pay it?",
        "two more asks, in order of importance: equity, then parking",
        "second on my list is the remote days",
        "the bigger worry for me is severance if the role goes away",
    ],
)
def test_priority_said_as_a_list_place_a_worry_or_plain_importance(text: str) -> None:
    assert Signal.priority in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "I care a lot about what your charity does and would love to join",
        "the mission here is very important to me",
    ],
)
def test_caring_about_the_mission_ranks_no_term(text: str) -> None:
    assert Signal.priority not in signals(text)


@pytest.mark.parametrize(
    ("signal", "text"),
    [
        # room asked for in other words
        (Signal.alternatives, "before I name a number, what's on offer beyond the salary?"),
        (Signal.alternatives, "is the bonus perhaps a bit flexible?"),
        (Signal.alternatives, "since the base is fixed, is there anywhere else you have room?"),
        (Signal.alternatives, "is 92k really the most you can do?"),
        (Signal.alternatives, "could you tell me whether relocation can be discussed at this level?"),
        (Signal.alternatives, "which parts of the offer are negotiable here?"),
        # the whole offer asked for again, the coach asked what to do
        (Signal.summary, "sorry, could you tell me the full offer again?"),
        (Signal.summary, "could you provide a written summary of the complete package?"),
        (Signal.hint, "hmm should I just ask for more days off?"),
        (Signal.hint, "it looks ok I think, should I take it?"),
        # trying something for a while
        (Signal.trial_period, "what if we tried three home days until March and then reviewed it?"),
        (Signal.trial_period, "happy to start with one remote day and move to two after the probation"),
    ],
)
def test_signals_asked_or_proposed_in_other_words(signal: Signal, text: str) -> None:
    assert signal in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        # what a figure is, praise for a proposal on the table, the speaker's own condition or a claim about others
        "is the 40 the hours or something else?",
        "a larger sign-on is a fair alternative, could it be 20k?",
        "I'd take step 2 if training and remote days make up for it.",
        "at other firms the sign-on is negotiable.",
        "if 80k is the most you can do, I'd want 25 days",
    ],
)
def test_a_question_about_a_figure_or_a_statement_asks_for_no_room(text: str) -> None:
    assert Signal.alternatives not in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        # news greeted, surprise, or someone else's liking is not the speaker wanting the job
        "Thanks Sam, good to hear. Is the 90k before tax?",
        "oh wow ok, 25 days then",
        "your CTO loved my demo, so 95k",
    ],
)
def test_greeting_news_is_not_enthusiasm(text: str) -> None:
    assert Act.enthusiasm not in understander().read(text).acts


def test_i_loved_the_team_is_enthusiasm() -> None:
    assert Act.enthusiasm in understander().read("I really loved meeting the team last week").acts


def test_having_said_it_already_is_no_reason() -> None:
    assert Act.justify not in understander().read("I already said I would take it. Yes, I accept.").acts


def test_evidence_waved_away_is_no_reason() -> None:
    said = understander().read("I don't need the market data, 100k or I walk.")
    assert Act.justify not in said.acts and Signal.market_data not in said.signals


def test_a_refusal_before_an_ultimatum_still_refuses() -> None:
    said = understander().read("81?? come on. 90 or I take my skills elsewhere.")
    assert Act.reject in said.acts and Signal.ultimatum in said.signals
