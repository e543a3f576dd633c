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
