"""Two readings the guide's fifth Clarifications round settles (docs/labelling.md).

Every sentence was written for this test (none comes from a corpus).

- Thanks or approval right after the recruiter grants something is `accept`; a new ask on another perk in the same
  message adds `propose` (agreeing to one perk while still negotiating others is accept + propose).
- Calling the offer low, or not enough, next to a counter is `reject` + `propose`, softened or not.
"""

from __future__ import annotations

from bot.understanding.acts import Act, Context
from tests.support.harness import shipped

_, UNDERSTANDER = shipped()
_TABLE = {"base_salary": 96000.0, "pto": 24.0, "remote_work": 2.0, "sign_on_bonus": 0.0}
_AFTER_A_MOVE = Context(last_perk="pto", last_speaker="counterpart", last_move="offer", offer=_TABLE,
                        conceded=["pto"])
_NO_MOVE = Context(last_perk="pto", last_speaker="counterpart", last_move="offer", offer=_TABLE, conceded=[])


def acts(text: str, context: Context | None = None) -> set[Act]:
    return set(UNDERSTANDER.read(text, context).acts)


def test_thanks_for_a_grant_then_a_new_ask_takes_the_grant_and_asks() -> None:
    for text in ("Thank you, I really appreciate it. On another point, could the sign-on be $6,000?",
                 "Thanks so much. One more thing, if I may: I'd like a third day working from home.",
                 "thank u!! ok next up, can we get base to 100k?"):
        found = acts(text, _AFTER_A_MOVE)
        assert {Act.accept, Act.propose} <= found, text
        # nothing was granted: the thanks take nothing, the ask stays
        found = acts(text, _NO_MOVE)
        assert Act.accept not in found and Act.propose in found, text


def test_thanks_that_say_it_helped_take_the_grant() -> None:
    found = acts("Thanks, that really helps. Is there any room on the sign-on?", _AFTER_A_MOVE)
    assert Act.accept in found
    assert Act.accept not in acts("Thanks, that really helps. Is there any room on the sign-on?", _NO_MOVE)


def test_thanks_then_more_on_what_was_granted_is_still_a_counter() -> None:
    found = acts("Thank you. Could the leave go to 28 days, though?", _AFTER_A_MOVE)
    assert Act.accept not in found and Act.propose in found


def test_a_figure_called_low_beside_a_counter_refuses_it() -> None:
    for text in ("96k is kinda low for me, could we say 104k?",
                 "Honestly the base feels a bit low; would $104,000 be possible?",
                 "24 days seems somewhat low to me. Could you do 28?",
                 "The $96k isn't enough for this role; I'd need $104k."):
        found = acts(text)
        assert {Act.reject, Act.propose} <= found, text
