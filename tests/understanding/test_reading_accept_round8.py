"""Acceptances on whole practices (round eight): thanks and approval for what the recruiter just granted.

Every sentence was written for this test (none comes from a corpus). docs/labelling.md, fifth round: thanks or
approval right after the recruiter grants something is `accept`, and taking what was just granted, then asking for
time or writing on the whole offer, is `accept` + `request_time` / `request_writing`; still pushing on the figure
just given, or taking it only on a condition, accepts nothing.
"""

from __future__ import annotations

from bot.understanding.acts import Act, Context
from tests.support.harness import shipped

_, UNDERSTANDER = shipped()
_TABLE = {"base_salary": 95000.0, "pto": 25.0, "remote_work": 2.0, "sign_on_bonus": 0.0}
_AFTER_A_MOVE = Context(last_perk="pto", last_speaker="counterpart", last_move="offer", offer=_TABLE,
                        conceded=["pto"])
_NO_MOVE = Context(last_perk="pto", last_speaker="counterpart", last_move="offer", offer=_TABLE, conceded=[])
_BASE_OFFERED = Context(last_perk="base_salary", last_speaker="counterpart", last_move="offer", offer=_TABLE)


def acts(text: str, context: Context | None) -> set[Act]:
    return set(UNDERSTANDER.read(text, context).acts)


def test_thanks_for_a_grant_then_the_paperwork_takes_the_grant() -> None:
    for text in ("Thanks so much, Priya! Could you email me the revised offer? I'd like the weekend to look it over.",
                 "you're the best 🙌 can u send the new letter so i can read it tonight?",
                 "Thank you. Could you recap the whole package for me as it stands?"):
        found = acts(text, _AFTER_A_MOVE)
        assert Act.accept in found, text
        assert Act.accept not in acts(text, _NO_MOVE), text  # nothing was granted: thanks take nothing


def test_approval_after_ok_takes_the_grant() -> None:
    found = acts("ok perfect. can you put it all in an email first? I want a night to read it before I say yes",
                 _AFTER_A_MOVE)
    assert {Act.accept, Act.request_writing} <= found
    assert {Act.accept, Act.propose} <= acts("ok great. next, could the sign-on be $5,000?", _AFTER_A_MOVE)


def test_a_yes_that_only_leads_into_time_takes_nothing_when_nothing_was_granted() -> None:
    found = acts("Perfect. I'd like one evening to go over the equity terms before I sign.", _NO_MOVE)
    assert Act.accept not in found and Act.propose not in found
    assert Act.request_time in found


def test_thanks_for_moving_to_a_figure_takes_it() -> None:
    for text in ("Thanks for raising the base to $95,000. Next, could I get 28 days of leave?",
                 "ty for 95k!! ok now pto, 28 days?",
                 "I appreciate you moving the salary to $95k. But could the sign-on be $5,000?"):
        found = acts(text, _BASE_OFFERED)
        assert {Act.accept, Act.propose} <= found, text
    # still pushing on the same figure, or taking it only on a condition, takes nothing
    assert Act.accept not in acts("Thanks for coming up to $95k. If you can reach $98k I'm ready to sign.",
                                  _BASE_OFFERED)
    assert Act.accept not in acts("Thanks for moving to $95k. I'd accept that base if the sign-on went to $5,000.",
                                  _BASE_OFFERED)
    assert Act.accept not in acts("Thanks for the $95,000, but I still need $98,000.", _BASE_OFFERED)


def test_thanks_for_a_grant_then_a_question_takes_the_grant() -> None:
    text = "oh wow thank you!! 🙌 quick question, is the leave counted in working days?"
    assert Act.accept in acts(text, _AFTER_A_MOVE)
    assert Act.accept not in acts(text, _NO_MOVE)


def test_great_news_welcomes_an_offer_without_taking_it() -> None:
    opening = Context(last_speaker="counterpart", last_move="offer", offer=_TABLE)
    found = acts("Thanks Dana, this is great news, and I am keen to join. I would ask for a base of $102,000.", opening)
    assert Act.accept not in found and Act.propose in found


def test_fine_but_more_on_the_same_perk_is_a_counter() -> None:
    found = acts("tbh the 25 days is fine but 28 would be amazing", _NO_MOVE)
    assert Act.accept not in found and Act.propose in found
    # another term taken beside the counter is still taken
    assert {Act.accept, Act.propose} <= acts("The base is fine now. 25 days is ok but I'd want 28.", _NO_MOVE)


def test_a_term_asked_and_then_in_is_a_condition() -> None:
    found = acts("throw in 3 more days of leave & im in", None)
    assert Act.accept not in found and Act.propose in found


def test_thanks_for_the_perk_just_offered_by_name_take_it() -> None:
    offered = Context(last_perk="remote_work", last_speaker="counterpart", last_move="offer", offer=_TABLE)
    for text in ("Many thanks for the remote days ☺️ could the sign-on be $5,000 too?",
                 "thx so much for the wfh days!! next, 28 days of leave?"):
        assert Act.accept in acts(text, offered), text
    # more asked of the same perk, or a "but" about it, still pushes
    assert Act.accept not in acts("Thanks for the remote days, but could it be 3 instead of 2?", offered)


def test_the_standing_figure_approved_after_a_refusal_is_taken() -> None:
    refused = Context(last_perk="sign_on_bonus", last_speaker="counterpart", last_move="refusal",
                      offer={**_TABLE, "sign_on_bonus": 4000.0}, conceded=[])
    assert Act.accept in acts("$4,000 is fair, thanks. Could we look at a fourth week of leave?", refused)
    # a higher figure called good after a refusal is a counter, not the standing offer taken
    assert Act.accept not in acts("$6,000 is good I think?", refused)
