"""Acts the guide settles that the reader still missed: a salutation that puts the name first, an acceptance
said with "will" or followed by a polite "and would…", and short ways of taking the offer ("accept.", "that's
alright", "my formal acceptance", "90 it is then").

Every sentence was written for this test (none comes from a corpus); each assertion is something a user would
notice in a practice: a recruiter who ignores a hello, or keeps negotiating after the user said yes.
"""

from __future__ import annotations

from bot.understanding.acts import Act, Context
from tests.support.harness import shipped

_, UNDERSTANDER = shipped()
_OFFER = Context(last_perk="base_salary", last_move="offer", offer={"base_salary": 90000, "pto": 25})


def acts(text: str, context: Context | None = None) -> set[Act]:
    return set(UNDERSTANDER.read(text, context).acts)


def test_a_hello_after_the_name_or_a_formal_salutation_greets() -> None:
    for text in ("Priya hey!", "Marcus! hello 🙂 glad we could talk", "To whom it may concern, is parking included?"):
        assert Act.greet in acts(text), text


def test_a_future_tense_acceptance_still_accepts() -> None:
    assert Act.accept in acts("Thanks for all the back and forth. I will sign.", _OFFER)
    assert Act.accept in acts("I accept, and would appreciate the final letter by email.", _OFFER)
    # a condition still undoes it
    assert Act.accept not in acts("I will sign if the sign-on goes to 12k.", _OFFER)
    assert Act.accept not in acts("I would accept if you add two more days.", _OFFER)


def test_short_ways_of_taking_the_offer_accept() -> None:
    for text in ("accept. please send the paperwork", "Right, I suppose that's alright.",
                 "Kindly treat this email as my formal acceptance.", "ok fine, 90 it is then"):
        assert Act.accept in acts(text, _OFFER), text


def test_an_ultimatum_demands_what_it_names() -> None:
    # "an ultimatum is propose (plus the ultimatum signal)": the recruiter must answer the figure, not a walk-out
    for text in ("Final answer: 95k or I sign elsewhere.", "Give me 95 thousand or I go to the other company."):
        found = acts(text, _OFFER)
        assert Act.propose in found and Act.quit not in found and Act.accept not in found, text


def test_a_question_about_the_401k_is_not_a_number_asked_for() -> None:
    # "401k" names the plan, and "a match" names what it is: neither asks for a figure or a change
    for text in ("does the 401k come with a match or not?", "is the 401(k) a match or a flat contribution?"):
        found = acts(text)
        assert Act.ask in found and Act.propose not in found, text
    assert Act.propose in acts("is a 6% 401k match possible?")


def test_soft_refusals_in_chat_words_refuse() -> None:
    # the recruiter should hear a no, said gently, and not treat the figure as taken
    for text in ("honestly 90 doesn't really cut it", "90 is kinda painful tbh", "that's not gonna fly",
                 "Two weeks is too soon for me.", "I must respectfully decline a base of $90,000.",
                 "$90,000 is nearer, but I am not yet able to accept it.", "it's hard to say yes to 90k"):
        assert Act.reject in acts(text, _OFFER), text
    # a hard thing in the user's life is a reason, not a refusal
    assert Act.reject not in acts("could I work from home 3 days? my commute is painful")


def test_settling_one_term_to_get_another_is_a_trade() -> None:
    # guide, third round: taking or dropping one term on condition of another is a trade, not a plain counter
    for text in ("i'd take 90k if you throw in a 5k signing bonus",
                 "the stock options don't mean much to me, happy to drop them if the base goes up",
                 "I'd come down to $92k if relocation could reach $12k."):
        assert {Act.trade_off, Act.propose} <= acts(text, _OFFER), text
    # a condition on the same term, or none, trades nothing
    assert Act.trade_off not in acts("I'd take 27 days if you add one more day", _OFFER)
    assert Act.trade_off not in acts("I'd take 27 days if that's the most you can do", _OFFER)


def test_an_acceptance_held_until_the_paperwork_is_not_yet_an_acceptance() -> None:
    # guide: "I'll accept once I see it in writing" is a request for writing, not an acceptance
    for text in ("Happy to confirm my acceptance, subject to seeing the signed letter.",
                 "Many thanks, I will sign when I receive the paperwork."):
        assert Act.accept not in acts(text, _OFFER), text
    assert Act.accept in acts("I accept the offer. When can I start?", _OFFER)


def test_a_casual_word_before_a_question_still_asks() -> None:
    for text in ("oh nice, and does the gym budget cover classes too?", "lol does the bonus pay out yearly?"):
        found = acts(text)
        assert Act.ask in found and Act.propose not in found, text


def test_any_room_on_a_perk_asks_where_there_is_room() -> None:
    # guide, third round: "any room / flexibility on X?" is ask (with alternatives), not a request for X
    for text in ("any wiggle room on the relocation", "Any flexibility on the signing bonus?"):
        found = acts(text)
        assert Act.ask in found and Act.propose not in found, text
    # a figure named, or a shy wish, is still a request
    assert Act.propose in acts("any room to get to 95k?")
    assert Act.propose in acts("any chance of more vacation?")


def test_an_ultimatum_naming_the_other_offer_accepts_nothing() -> None:
    found = acts("My final word: $95,000 or I will accept the other company's offer.", _OFFER)
    assert Act.propose in found and Act.accept not in found
