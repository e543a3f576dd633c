"""Decisive acts on whole practices (round nine): acceptances in their ordinary forms, refusals, and what is no act.

Every sentence was written for this test (none comes from a corpus); each case follows docs/labelling.md.
"""

from __future__ import annotations

from bot.understanding.acts import Act, Context
from tests.support.harness import shipped

_, UNDERSTANDER = shipped()
_TABLE = {"base_salary": 64000.0, "pto": 22.0, "remote_work": 2.0, "sign_on_bonus": 0.0, "relocation": 5000.0}
_OFFERED = Context(last_perk="relocation", last_speaker="counterpart", last_move="offer", offer=_TABLE)
_REFUSED = Context(last_perk="base_salary", last_speaker="counterpart", last_move="refusal", offer=_TABLE)
_QUESTION = Context(last_perk="base_salary", last_speaker="counterpart", last_move="question", offer=_TABLE)


def acts(text: str, context: Context | None = None) -> set[Act]:
    return set(UNDERSTANDER.read(text, context).acts)


def test_an_acceptance_followed_by_plans_still_accepts() -> None:
    # "I accept, and we'll…" plans what comes after the yes; it puts no condition on it (guide: accept)
    for text in ("Letter received. I accept, and we'll begin looking for a flat next week.",
                 "I accept, and we will see you on the first of March."):
        assert Act.accept in acts(text, _OFFERED), text
        assert Act.accept in acts(text), text
    # a condition joined by "and we" still undoes it
    assert Act.accept not in acts("I'd accept if relocation goes to $8,000 and we have a deal.", _OFFERED)


def test_a_yes_and_a_request_for_the_letter_after_a_refusal_takes_the_offer() -> None:
    # the recruiter will go no further; "deal, send it" takes the offer as it stands (guide: "Sounds good, can you
    # put that in writing?" is accept + request_writing)
    for text in ("alright. deal. email it over tonight.", "Yes. Please put it in writing for me."):
        assert {Act.accept, Act.request_writing} <= acts(text, _REFUSED), text
    # a bare "ok" after a refusal only acknowledges the no; a "yes" to a question only answers it
    assert Act.accept not in acts("ok", _REFUSED)
    assert Act.accept not in acts("yes", _QUESTION)


def test_an_offer_waved_off_as_nothing_refuses_it() -> None:
    # calling what is on the table worthless next to a counter is reject + propose (guide, fifth round)
    for text in ("A $3k relocation is nothing. Make it $8k.", "22 days of leave is nothing. I need 27.",
                 "Pathetic. Base of 70k or I'm out."):
        assert {Act.reject, Act.propose} <= acts(text, _OFFERED), text
    # "nothing" about something else refuses nothing
    assert Act.reject not in acts("There is nothing else I need. Could relocation be $8,000?", _OFFERED)
    assert Act.reject not in acts("Honestly the commute is nothing to worry about.", _OFFERED)


def test_a_figure_or_forget_it_is_an_ultimatum_not_a_walk_out() -> None:
    # guide: an ultimatum is propose with the ultimatum signal; quit only for a clear end
    for text in ("66k or forget it.", "Relocation of $8,000, otherwise forget about it."):
        said = UNDERSTANDER.read(text, _OFFERED)
        assert Act.propose in said.acts and Act.quit not in said.acts, text
        assert "ultimatum" in {s.value for s in said.signals}, text
    assert Act.quit in acts("Forget it, I'm out. Good luck with the search.", _OFFERED)


_GRANTED = Context(last_perk="remote_work", last_speaker="counterpart", last_move="offer", offer=_TABLE,
                   conceded=["remote_work"])
_BASE_ON_TABLE = Context(last_perk="base_salary", last_speaker="counterpart", last_move="offer", offer=_TABLE)


def test_ordinary_approvals_take_what_was_just_offered() -> None:
    # guide, fourth and fifth rounds: approval in words after an offer is accept
    assert Act.accept in acts("ohh 64k is way better 🙂", _BASE_ON_TABLE)
    assert {Act.accept, Act.propose} <= acts("nice!! 🙌 next, could the sign-on be $3,000?", _GRANTED)
    assert Act.accept in acts("Thanks! I'm happy to proceed at $64,000. Please send the paperwork.", _BASE_ON_TABLE)
    assert Act.accept in acts("I am writing to formally accept your offer for the analyst role.")
    # a condition still undoes it, and "nice" that goes on pushing the same perk takes nothing
    assert Act.accept not in acts("I'd be happy to proceed if the base reaches $68k.", _BASE_ON_TABLE)
    assert Act.accept not in acts("Nice. But 2 days is not enough, I need 3.", _GRANTED)


def test_a_question_then_a_request_for_it_asks_and_proposes() -> None:
    # guide, fourth round: "is a laptop included? if not, could you add one?" is ask + propose, one ask term
    for text in ("Does the package include a gym stipend? If not, could you add one?",
                 "do u cover the train pass? if not could u add it?"):
        said = UNDERSTANDER.read(text)
        assert {Act.ask, Act.propose} <= set(said.acts), text
        assert [t.role for t in said.terms] == ["ask"], text
    # two questions ask only
    assert Act.propose not in acts("How does the vesting work? Can you explain it?")


def test_thanks_right_after_an_offer_takes_it_when_the_context_says_no_more() -> None:
    # a context that only says the recruiter put a figure on the table (no record of what moved): thanks right after
    # it takes it (guide, fifth round), unless the message goes on pushing or sets a condition
    offered = Context(last_perk="relocation", last_move="offer", offer=_TABLE)
    assert Act.accept in acts("wow thank you so much!! 🙌", offered)
    assert Act.accept in acts("Thank you.", offered)
    assert Act.accept not in acts("Thank you for the $5,000. Close, but $8,000 would cover the move.", offered)
    assert Act.accept not in acts("Thank you. I'd accept that, provided the sign-on is $3,000.", offered)
    # a practice's context says what moved: thanks for a "let me check" takes nothing
    assert Act.accept not in acts("Thank you.", Context(last_perk="relocation", last_move="offer", offer=_TABLE,
                                                      conceded=[]))


def test_a_rival_offer_said_in_everyday_words_is_a_competing_offer() -> None:
    # guide: competing_offer when they say they have (or expect) another offer
    for text in ("Another logistics firm offered me $70k.", "The hospital already offered to cover my relocation.",
                 "I'm still waiting for the answer from Bosch.", "My manager will make me a counteroffer on Friday.",
                 "they texted that they'd raise their sign-on to $6k. could you go to $7k?"):
        assert Act.competing_offer in acts(text), text
    # the speaker's own counter, a partner's answer and the recruiter's own offer are not rival offers
    for text in ("I'd like to make a counteroffer: $68k.", "I'm waiting for the answer from my wife before I decide.",
                 "You already offered to cover the relocation, thank you."):
        assert Act.competing_offer not in acts(text), text


def test_deferring_to_what_is_normal_takes_nothing() -> None:
    # "whatever is usual is fine" leaves the figure to the recruiter; the figure named is the proposal
    severance = Context(last_perk="severance", last_speaker="counterpart", last_move="offer", offer=_TABLE)
    found = acts("Hmm, perhaps three months? Whatever is standard is fine.", severance)
    assert Act.propose in found and Act.accept not in found
    assert Act.accept in acts("Three months of severance is fine.", Context(
        last_perk="severance", last_move="offer", offer={**_TABLE, "severance": 3.0}))


def test_taking_a_figure_as_the_condition_of_another_ask_trades_it() -> None:
    # guide, third round: taking the standing figure in a trade is trade_off + propose, the figure given
    for text in ("If I take the 22 days, can we talk about a sign-on?",
                 "22 days is close. Could the sign-on be $2,000 if I take the 22 days?"):
        said = UNDERSTANDER.read(text, _OFFERED)
        assert {Act.trade_off, Act.propose} <= set(said.acts), text
        assert ("pto", 22.0, "give") in {(t.perk, t.amount, "give" if t.give else t.role) for t in said.terms}, text


def test_acknowledging_a_no_then_taking_the_term_by_name_accepts() -> None:
    # guide, second round: "ok" after a refusal is [] when it only acknowledges the no, accept when it takes the
    # standing figure in words
    assert Act.accept in acts("I see that the band is fixed, and I'm content with the base as it is.", _REFUSED)
    assert Act.accept not in acts("Okay, I understand. Sorry for asking.", _REFUSED)


def test_signing_and_no_complaints_take_the_offer() -> None:
    summary = Context(last_move="summary", offer=_TABLE)
    assert Act.accept in acts("yesss 🥳 signing", summary)
    assert {Act.accept, Act.propose} <= acts("no complaints on the salary. leave tho, 25 days?")
    # a signing bonus is a perk, and "…and I'm signing today" puts a condition on it
    assert Act.accept not in acts("is there a signing bonus")
    assert Act.accept not in acts("70k + 3 remote days and i'm signing today 🚀")
