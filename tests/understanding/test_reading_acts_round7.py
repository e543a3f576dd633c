"""Decisive acts on whole practices (round seven): taking the move the recruiter just made.

Every sentence was written for this test (none comes from a corpus). The practice tells the reader which perks
the recruiter's last reply gave ground on (``Context.conceded``); a first sentence that only approves, or thanks
for what was given, takes that move, and what follows is read as it is (docs/labelling.md: agreeing to one perk
while still negotiating others is accept + propose).
"""

from __future__ import annotations

from bot.understanding.acts import Act, Context
from tests.support.harness import shipped

_, UNDERSTANDER = shipped()
_TABLE = {"base_salary": 91000.0, "pto": 22.0, "remote_work": 2.0, "professional_development": 800.0}
_AFTER_A_MOVE = Context(last_perk="pto", last_speaker="counterpart", last_move="offer", offer=_TABLE,
                        conceded=["pto"])
_NO_MOVE = Context(last_perk="pto", last_speaker="counterpart", last_move="offer", offer=_TABLE, conceded=[])


def acts(text: str, context: Context | None) -> set[Act]:
    return set(UNDERSTANDER.read(text, context).acts)


def test_approving_the_move_then_raising_another_perk_takes_the_move() -> None:
    for text in ("Lovely. Next, could the learning budget go to $1,500?",
                 "Excellent, thanks! Moving on to hybrid work: could I have three days at home?",
                 "That's brilliant news. Now the laptop: is there an equipment allowance?"):
        found = acts(text, _AFTER_A_MOVE)
        assert Act.accept in found, text
    # what follows the approval is still read: the new figure is asked for
    assert Act.propose in acts("Lovely. Next, could the learning budget go to $1,500?", _AFTER_A_MOVE)


def test_thanks_for_what_was_given_takes_it() -> None:
    for text in ("Thank you so much for the extra leave! Could we now look at remote days?",
                 "Thanks for moving on the 22 days. What about the training budget?"):
        assert Act.accept in acts(text, _AFTER_A_MOVE), text


def test_the_same_words_take_nothing_without_a_move_just_made() -> None:
    for text in ("Lovely. Next, could the learning budget go to $1,500?",
                 "Thank you so much for the extra leave! Could we now look at remote days?"):
        assert Act.accept not in acts(text, _NO_MOVE), text
        assert Act.accept not in acts(text, None), text


def test_courtesies_and_hedged_approvals_take_nothing() -> None:
    for text in ("Thank you for the update. Could we look at remote days?",  # thanks for news, not for a term
                 "Thanks for explaining. Could we look at remote days?",
                 "Good, but I was hoping for 25 days.",  # approval undone in its own sentence
                 "Great. 25 days or I walk away."):  # an ultimatum takes nothing
        assert Act.accept not in acts(text, _AFTER_A_MOVE), text


def test_a_bare_no_said_as_its_own_sentence_refuses() -> None:
    for text in ("Hang on, no. We settled base at $95k earlier, so please keep it there.",
                 "$5?? No. I meant five days at home."):
        assert Act.reject in acts(text, _AFTER_A_MOVE), text
    # a "no" inside a sentence still names what is left out, and refuses nothing by itself
    assert Act.reject not in acts("I'd take 24 days with no sign-on.", _AFTER_A_MOVE)


def test_an_all_or_nothing_demand_refuses_nothing() -> None:
    for text in ("Working from home is non-negotiable for me. Three days or I'm out.",
                 "No. $99k or we're done here."):
        found = UNDERSTANDER.read(text, _AFTER_A_MOVE)
        assert Act.quit not in found.acts and Act.propose in found.acts, text
    assert Act.reject not in acts("A flexible schedule is non-negotiable.", _AFTER_A_MOVE)
    # the plain "No." before the demand still turns the offer down
    assert Act.reject in acts("No. $99k or we're done here.", _AFTER_A_MOVE)


def test_doubting_ones_own_ask_or_asking_about_a_gap_refuses_nothing() -> None:
    for text in ("hmm, 27 days maybe? or is that too much", "so the bonus says 0, there's no bonus at all?",
                 "My flat is far from the office, so could I work from home three days?"):
        assert Act.reject not in acts(text, _AFTER_A_MOVE), text
    assert Act.reject in acts("That's far from what I had in mind.", _AFTER_A_MOVE)
    assert Act.reject in acts("27 days is too much for you? 22 is too few for me.", _AFTER_A_MOVE)


_BASE_MOVED = Context(last_perk="base_salary", last_speaker="counterpart", last_move="offer", offer=_TABLE,
                      conceded=["base_salary"])


def test_yes_to_the_figure_just_given_takes_it_while_asking_for_more() -> None:
    found = UNDERSTANDER.read("Fine, €91k. But two home days won't do. I need three days at home.", _BASE_MOVED)
    assert {Act.accept, Act.propose} <= set(found.acts)
    # a figure other than the one just given is a counter, not a yes
    assert Act.accept not in acts("Fine, €94k. But two home days won't do. I need three days at home.", _BASE_MOVED)
    # a figure said against the one it replaces stays asked for, beside the yes
    said = UNDERSTANDER.read("okay fine, 91k. and 3 days at home, not 2.", _BASE_MOVED)
    assert Act.accept in said.acts
    assert any(t.perk == "remote_work" and t.amount == 3 and t.role == "ask" for t in said.terms)


def test_grudging_and_plain_yeses_take_the_offer() -> None:
    for text in ("the 4% match is meagre but whatever. Now the leave: 25 days?", "whatever. okay.",
                 "Thanks, it is really good. Could you email it to me?", "I slept on it and we're in."):
        assert Act.accept in acts(text, _NO_MOVE), text
    # a yes that only acknowledges what was said, or a condition, takes nothing
    for text in ("Yes, I know about the $800 budget. I'm asking whether it could be $2,000.",
                 "Give me 25 days and we're in."):
        assert Act.accept not in acts(text, _NO_MOVE), text


def test_writing_wished_for_or_waited_on_is_asked_for() -> None:
    for text in ("I'll sign as soon as I receive the paperwork.",
                 "a recap email with all the numbers would be really helpful"):
        found = acts(text, _NO_MOVE)
        assert Act.request_writing in found and Act.accept not in found, text
    # asking when the contract comes is a question, not a request for it
    assert Act.request_writing not in acts("I accept the offer. When I receive the contract?", _NO_MOVE)


def test_reading_it_over_later_or_deciding_later_asks_for_time() -> None:
    for text in ("could you email the letter so I can read it over this weekend?",
                 "Please send it in writing; I want my sister to look at it before I say yes."):
        found = acts(text, _NO_MOVE)
        assert {Act.request_time, Act.request_writing} <= found, text
    # the days wanted to read it are no leave, even while leave is the topic
    said = UNDERSTANDER.read("Nothing new from me, I just need two or three days to read it.", _NO_MOVE)
    assert Act.request_time in said.acts and not said.terms and Act.propose not in said.acts


def test_saying_there_is_no_new_figure_refuses_nothing() -> None:
    assert Act.reject not in acts("Sorry, there's no new figure from me, I only asked about vesting.", _NO_MOVE)


def test_more_plain_refusals_yeses_and_rival_offers() -> None:
    assert Act.reject in acts("91 is still under the market. 97 is the least I'd take.", _NO_MOVE)
    assert Act.accept in acts("Fine. I will take it. Please put the review in the contract.", _NO_MOVE)
    assert Act.accept in acts("I slept on it, and I would be happy to accept.", _NO_MOVE)
    assert Act.accept not in acts("I would accept if you add two days.", _NO_MOVE)
    assert Act.competing_offer in acts("My current boss counter-offered €95,000 to keep me. Could you do €96,000?",
                                       _NO_MOVE)
    # an offer elsewhere turned down is no leverage any more
    assert Act.competing_offer not in acts("I told the other firm no this morning. I accept.", _NO_MOVE)


def test_writing_asked_for_a_named_term_and_an_answer_owed_elsewhere() -> None:
    found = acts("hold on, you said 5% earlier. put the 5% in the offer letter please", _NO_MOVE)
    assert Act.request_writing in found
    # the answer owed to the other company is their deadline, not time asked of this recruiter
    found = acts("Great, 22 days works. I have to give the other company an answer before Monday.", _NO_MOVE)
    assert Act.request_time not in found


def test_denying_a_change_or_dropping_one_point_ends_nothing() -> None:
    assert Act.reject not in acts("No, I don't want to change it, I only want to know: is the bonus yearly?",
                                  _NO_MOVE)
    found = acts("Forget it then. Put the $91k and the 22 days in writing and I will sign once I have it.", _NO_MOVE)
    assert Act.quit not in found and Act.request_writing in found
    assert Act.quit in acts("Forget it. I'm done with this.", _NO_MOVE)


def test_a_message_of_thanks_only_takes_the_move_just_made() -> None:
    for text in ("Thank you so much, that is really kind of you.", "I really appreciate that, Priya!"):
        assert Act.accept in acts(text, _AFTER_A_MOVE), text
        assert Act.accept not in acts(text, _NO_MOVE), text  # thanks alone take nothing with no move made
    # thanks that go on to a new ask take the move and ask (docs/labelling.md, fifth round: thanks right after a
    # grant are accept; agreeing to one perk while still negotiating others is accept + propose)
    for text in ("Thank you, Priya. Next is the start date: could I start in May?",
                 "Thanks, Priya. Next, the learning budget: could it be $1,500?"):
        assert {Act.accept, Act.propose} <= acts(text, _AFTER_A_MOVE), text
        assert Act.accept not in acts(text, _NO_MOVE), text
