"""Acts the guide settles that the reader used to get wrong: rival offers without an ask, requests for a perk
said beside the cost that is their reason, short questions that name what is wanted, certificates wanted.

Every sentence was written for this test (none comes from a corpus); each assertion is something a user would
notice in a practice: a recruiter answering news as if it were a demand, or a demand as if it were news.
"""

from __future__ import annotations

from bot.understanding.acts import Act, Context, Understanding
from tests.support.harness import shipped

_, UNDERSTANDER = shipped()


def read(text: str, context: Context | None = None) -> Understanding:
    return UNDERSTANDER.read(text, context)


def acts(text: str, context: Context | None = None) -> set[Act]:
    return set(read(text, context).acts)


# --- a rival offer: a reason only when it backs an ask (guide, second Clarifications) -----------------


def test_news_of_a_rival_offer_with_no_ask_is_not_a_reason() -> None:
    for text in ("fyi a fintech offered me 135k base",
                 "I now hold an offer from a logistics firm at €6,100 a month.",
                 "another co came back with 22 days pto and 4 wfh days"):
        assert acts(text) == {Act.competing_offer}, text


def test_a_rival_offer_behind_an_ask_or_beside_current_pay_still_justifies() -> None:
    assert {Act.competing_offer, Act.justify, Act.propose} <= acts(
        "a fintech offered me 135k base, could you get to 132k?")
    assert {Act.competing_offer, Act.justify, Act.propose} <= acts("another company offered 135k, can you match?")
    # what they earn today is a reason of its own, ask or not
    assert Act.justify in acts("I earn 118k today and a fintech offered me 135k.")


# --- a perk asked for in words, its only figure being the cost behind it ---------------------------


def test_a_request_to_pay_for_a_perk_beside_its_cost_proposes() -> None:
    for text in ("my night course is about 2,800 dollars, can the company pay for it?",
                 "Childcare near the office runs ₪2,500 a month; I would ask that you contribute to it.",
                 "moving our furniture from Lisbon will cost 4.000 euro. Is possible some help?"):
        found = acts(text)
        assert {Act.propose, Act.justify} <= found, (text, found)


def test_a_question_about_what_is_covered_stays_a_question() -> None:
    for text in ("dental plan cover my kids?", "night course covered?"):
        assert acts(text) == {Act.ask}, text


# --- short questions: naming what is wanted proposes, asking what there is asks ---------------------


def test_a_short_question_that_names_the_level_or_the_period_proposes() -> None:
    for text in ("lead in my title?", "buddy for the first 3 months?", "title data scientist II?"):
        assert acts(text) == {Act.propose}, text
    for text in ("wellness budget?", "parental leave?"):  # a bare perk still asks what there is
        assert acts(text) == {Act.ask}, text


# --- a certificate the user wants paid is not their own value -------------------------------------


def test_a_certificate_to_be_paid_for_is_no_reason() -> None:
    assert Act.justify not in acts("25 days off + a cert budget")
    assert Act.justify not in acts("exam cert paid?")
    assert Act.justify in acts("I have the CKA cert, so I'd want 5k more")  # one they hold is


# --- one term taken inside a longer message ---------------------------------------------------------

ON_THE_TABLE = Context(last_move="offer", last_perk="pto",
                       offer={"base_salary": 95000, "pto": 22, "remote_work": 2, "sign_on_bonus": 5000})


def test_a_term_called_fine_is_taken_while_the_rest_is_asked() -> None:
    said = read("22 days pto ok. base 105 though", ON_THE_TABLE)
    assert {Act.accept, Act.propose} <= set(said.acts)
    said = read("The sign-on at $5k is fine, and I'd rather not argue about it; what matters is 3 remote days.")
    assert {Act.accept, Act.propose} <= set(said.acts)
    assert Act.accept in acts("2 remote days ok", ON_THE_TABLE)
    # asked about, put as a condition or bettered in the same breath, it is not taken
    assert Act.accept not in acts("is 22 days ok?")
    assert Act.accept not in acts("if 3 remote days is fine with you, let's talk base")
    assert Act.accept not in acts("20 weeks of parental leave is ok but 26 would be better")


def test_a_term_called_fine_before_moving_on_stays_taken_in_a_practice() -> None:
    # the recruiter's figure differs from the one the user repeats; moving on to the next item says the user takes
    # it as settled, so the recruiter reads an acceptance (and puts the figure right) rather than a new demand
    said = read("100k base works for me. Next, could I have 3 remote days?", ON_THE_TABLE)
    assert {Act.accept, Act.propose} <= set(said.acts)
    assert [t.role for t in said.terms if t.perk == "base_salary"] == ["current"]


def test_a_perk_refused_beside_one_taken_is_not_a_new_ask() -> None:
    assert acts("ok with the pto. remote still too little", ON_THE_TABLE) == {Act.accept, Act.reject}


# --- after the fourth tuning set and the guide's third Clarifications ------------------------------


def test_a_rival_offer_beside_a_refusal_backs_no_ask() -> None:
    assert acts("a bank offered me 52k elsewhere, so 44k doesn't cut it") >= {Act.competing_offer, Act.reject}
    assert Act.justify not in acts("a bank offered me 52k elsewhere, so 44k doesn't cut it")


def test_reasons_said_in_chat_words_justify() -> None:
    for text in ("could I get a mentor, it's my first management role", "push the start to 5 wks, notice period",
                 "10k sign-on to cover my bonus pls", "could you cover parking? it comes out of my own pocket",
                 "need 25 days, my fam is in Chile"):
        assert {Act.propose, Act.justify} <= acts(text), text


def test_a_wish_put_as_nice_to_have_or_possible_proposes() -> None:
    for text in ("a gym budget would be super nice", "I prefer the Staff title, it is possible?",
                 "would the team consider a compressed week?", "wfh mondays?"):
        assert Act.propose in acts(text), text


def test_terms_taken_by_name_or_figure_are_accepted() -> None:
    for text in ("Happy with $95k and the 4% match; the rest is 3 remote days.",
                 "I'd accept the 22 days as offered, but I'd ask for a $3k sign-on.",
                 "yes to the equipment budget, no to the gym stipend",
                 "Okay, 22 days it is. Next is the sign-on: could it be $5k?"):
        assert Act.accept in acts(text, ON_THE_TABLE), text
    # a condition or a trade in the same sentence takes nothing yet
    assert Act.accept not in acts("With a 4k sign-on in place I'd accept the $95k as is.")


def test_a_perk_left_alone_is_not_asked_for() -> None:
    said = read("I won't push on the base. Could the leave go to 25 days?", ON_THE_TABLE)
    assert [t.role for t in said.terms if t.perk == "base_salary"] == ["current"]


def test_a_statement_before_a_request_does_not_make_it_a_question() -> None:
    said = read("What I care about most is leave: could we make it 25 days?")
    assert Act.propose in said.acts and Act.ask not in said.acts


def test_exasperated_refusals_refuse() -> None:
    for text in ("€61k? come on.", "₪30,000 is still far off", "not there yet. 70k and 25 days",
                 "that's barely a move"):
        assert Act.reject in acts(text), text


def test_an_opening_fine_before_new_figures_counters() -> None:
    # a bare "fine," and figures better than the offer is a counter; the figures the user names are asks
    said = read("Fine, $99k and a $6k sign-on because I lose my bonus.", ON_THE_TABLE)
    assert Act.accept not in said.acts and Act.propose in said.acts
    assert {(t.perk, t.role) for t in said.terms if t.amount} >= {("base_salary", "ask"), ("sign_on_bonus", "ask")}
    # …while a recap closed with "deal", or sent to be written up, takes what it names
    assert Act.accept in acts("24 days, $99k. Fine. Deal.", ON_THE_TABLE)


def test_a_lesser_figure_called_also_fine_is_taken_not_asked() -> None:
    said = read("Ok, 1 remote day is also fine.", ON_THE_TABLE)
    assert set(said.acts) == {Act.accept}
    assert [t.role for t in said.terms] == ["current"]
