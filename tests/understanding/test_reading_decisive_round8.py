"""Decisive acts on whole practices (round eight): proposals missed or read where none was meant, refusals
read where none was meant.

Every sentence was written for this test (none comes from a corpus). docs/labelling.md: a question for
information is `ask`, never `propose`; a counter is not a refusal; a stated floor proposes.
"""

from __future__ import annotations

from bot.understanding import cues
from bot.understanding.acts import Act, Context
from bot.understanding.reader import _requests_more
from tests.support.harness import shipped

_, UNDERSTANDER = shipped()
_TABLE = {"base_salary": 64000.0, "pto": 20.0, "equity": 5000.0, "remote_work": 1.0, "wellness": 400.0}
_OFFER = Context(last_perk="base_salary", last_speaker="counterpart", last_move="offer", offer=_TABLE)


def acts(text: str, context: Context | None = _OFFER) -> set[Act]:
    return set(UNDERSTANDER.read(text, context).acts)


def test_a_question_between_two_readings_of_a_term_asks() -> None:
    for text in ("The 5000 in shares is paid every year or just once?", "20 days is with the public holidays or not?",
                 "The wellness money is per month or per year?",
                 "Is the bonus guaranteed or only if the company hits its targets?"):
        found = acts(text)
        assert Act.ask in found, text
        assert Act.propose not in found, text
    # a request between two figures still proposes
    assert Act.propose in acts("Could you do 24 days or 25?")


def test_a_question_announced_about_a_perk_asks_for_nothing() -> None:
    found = acts("Thanks a lot. I have one small question about the shares. Do they vest over four years?")
    assert Act.propose not in found
    assert Act.ask in found


def test_asking_whether_a_figure_is_fixed_refuses_nothing() -> None:
    for text in ("The base of 64k is fixed for all new hires, or it depends on seniority?",
                 "Is the leave capped at 20 days for everyone?"):
        assert Act.reject not in acts(text), text
    # said as a statement, the same words still refuse
    assert Act.reject in acts("Your base is fixed? Then 64k does not work for me.")


def test_the_speakers_own_floor_proposes_it() -> None:
    for text in ("I would rather join you, but I cannot go below $70k.",
                 "Sorry, 64k is under my floor of 69k; I'm not in a position to go lower."):
        assert Act.propose in acts(text), text
    # the figure refused before the floor is still refused
    assert Act.reject in acts("Sorry, 64k is under my floor of 69k; I'm not in a position to go lower.")


def test_a_rivals_deadline_said_after_its_offer_asks_for_no_time() -> None:
    found = acts("Another firm offered me $70k last week and wants an answer by Monday. I'd need $68k here.")
    assert Act.request_time not in found
    assert Act.competing_offer in found


def test_a_perk_asked_for_as_something_the_company_can_do_proposes() -> None:
    found = acts("Thanks. And on the gym, is that something you can pay for?")
    assert Act.propose in found
    assert Act.ask not in found


def test_a_shy_wish_put_as_a_question_proposes() -> None:
    assert Act.propose in acts("I was thinking, perhaps remote work on Fridays?")


def test_a_request_after_a_lead_in_proposes_the_perk_it_names() -> None:
    text = "A final point, as I am new to leading people: could the firm assign me a mentor for the first months?"
    assert Act.propose in acts(text)


def test_perks_named_with_the_offers_figures_in_a_request_for_writing_ask_for_nothing() -> None:
    found = acts("Please email me the offer with $64k base and the $5,000 equity.")
    assert Act.request_writing in found
    assert Act.propose not in found


def test_where_there_is_room_on_the_offers_own_figure_asks() -> None:
    found = acts("One more question before I sign: is there any flexibility on the 20 days of leave?")
    assert Act.ask in found
    assert Act.propose not in found
    # a new figure in the same words asks for it
    assert Act.propose in acts("Is there any flexibility to go to 25 days of leave?")


def test_a_complaint_given_in_on_refuses_nothing() -> None:
    found = acts("Dropping the gym money is ridiculous, but fine, I will take 64k and 20 days. Send the contract.")
    assert Act.reject not in found
    assert Act.reject in acts("Dropping the gym money is ridiculous. I need 66k.")


def test_a_figure_asked_for_in_so_many_words_is_asked_even_if_the_offer_has_it() -> None:
    said = UNDERSTANDER.read("My question is about the shares: could the firm offer $5,000 when I join?", _OFFER)
    assert Act.propose in said.acts
    assert [(t.perk, t.amount, t.role) for t in said.terms] == [("equity", 5000.0, "ask")]


def test_doubting_a_perk_is_missing_declines_nothing() -> None:
    found = acts("What does wellness 0 mean here? Like no gym money at all??")
    assert Act.propose not in found


def test_saying_no_more_time_is_needed_requests_nothing_more() -> None:
    # an acceptance keeps a proposal only when it requests more; "I do not need more time" requests nothing
    low = "sorry, i do not need more time. i accept the package."
    assert not _requests_more(low, False, cues.GATE.scan(low))
    assert _requests_more("i accept, but i need more time.", False, cues.GATE.scan("i accept, but i need more time."))


def test_more_than_fine_approves_a_figure() -> None:
    said = UNDERSTANDER.read("Thanks, $400 for wellness is more than fine. Could you email me the offer?", _OFFER)
    assert Act.propose not in said.acts
    assert not [t for t in said.terms if t.role == "ask"]


def test_something_given_for_something_asked_is_a_trade() -> None:
    found = acts("Could we meet at $68k if I start three weeks earlier than planned?")
    assert {Act.propose, Act.trade_off} <= found


def test_a_limit_granted_or_asked_about_refuses_nothing() -> None:
    for text in ("I fully respect that the bands are set. Could you add 3 more leave days instead?",
                 "I hear that the base is firm. What else could we look at?",
                 "I want to understand which parts of the package are negotiable and which are fixed."):
        assert Act.reject not in acts(text), text


def test_a_correction_or_a_letters_opening_refuses_nothing() -> None:
    for text in ("No, sorry, I meant 3 days at home, not 2.",
                 "Dear Ms. Lee, please find below my reply to your offer."):
        assert Act.reject not in acts(text), text


def test_a_trade_proposes() -> None:
    for text in ("A trade I'd be fine with: I'll take the shares off the table entirely and go with a straight 68k "
                 "base instead of 64k plus shares.",
                 "I'd skip the gym money if I get 2 extra days off instead — 20 is just not enough with family abroad"):
        assert {Act.propose, Act.trade_off} <= acts(text), text


def test_a_wish_said_in_slang_proposes() -> None:
    for text in ("could I do like 4x10s? compressed hours would be 🔥",
                 "a gym allowance would be sweet tbh"):
        assert Act.propose in acts(text), text


def test_questions_listed_after_a_colon_ask() -> None:
    found = acts("Before I answer, I need to clear up two points: how the $5,000 in shares vests, and whether the "
                 "wellness money rolls over.")
    assert Act.ask in found
    assert Act.propose not in found


def test_a_perk_named_in_thanks_is_not_asked_for() -> None:
    for text in ("Dear Mr. Hale, thank you for the offer of the Analyst role at grade 5 ($64,000).",
                 "Thanks so much for confirming the additional gym money. Much appreciated."):
        assert Act.propose not in acts(text, None), text
    # a request after the thanks still proposes
    assert Act.propose in acts("Thanks for the offer. Could the title be Senior Analyst?", None)
