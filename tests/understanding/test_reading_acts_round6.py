"""Acts a user would notice being misread (round six): walking out after an "ok", taking another job, an
acceptance heard in a question or a refusal, a request for time or writing missed.

Every sentence was written for this test (none comes from a corpus). Each assertion is what the recruiter
must do next: stop when the user walks out, keep negotiating when the user only asked something, give time
or paperwork when asked for it.
"""

from __future__ import annotations

from bot.understanding.acts import Act, Context, Signal
from tests.support.harness import shipped

_, UNDERSTANDER = shipped()
_OFFER = Context(last_perk="base_salary", last_move="offer", offer={"base_salary": 90000, "pto": 25})


def acts(text: str, context: Context | None = None) -> set[Act]:
    return set(UNDERSTANDER.read(text, context).acts)


def test_walking_out_after_an_ok_ends_the_talks_and_takes_nothing() -> None:
    for text in ("meh ok fine, i'm out. we're going in circles", "ok look, i'm gonna pass on this one. cheers",
                 "pass. best of luck w the hiring", "nope, not doing this. declining",
                 "Thanks for the time, but I won't take the position."):
        found = acts(text, _OFFER)
        assert Act.quit in found and Act.accept not in found, text


def test_taking_another_job_is_a_walk_out_not_an_acceptance() -> None:
    for text in ("Unfortunately I have accepted a different role and will withdraw my application.",
                 "I've decided to take another offer. Thanks again for everything.",
                 "After a lot of thought I'll have to say no. I hope our paths cross in future."):
        found = acts(text, _OFFER)
        assert Act.quit in found and Act.accept not in found, text
    # a threat to take another offer is an ultimatum: it demands the figure and ends nothing yet
    found = acts("95k or I will accept another offer.", _OFFER)
    assert Act.propose in found and not {Act.accept, Act.quit} & found
    # refusing one term with the same words ends nothing
    assert Act.quit not in acts("I'll have to say no to 20 days of leave.", _OFFER)


def test_asking_what_else_is_possible_never_closes_the_deal() -> None:
    # a pleasantry before asking where there is room must not end the practice on an acceptance
    for text in ("sounds reasonable. anything else you could add?", "lovely, thanks. that works for me. what else?",
                 "perfect, and is there any room on the sign-on?"):
        found = acts(text, _OFFER)
        assert Act.accept not in found and Act.ask in found, text
    # and asking what else is possible names nothing to propose
    assert acts("what else could you do to close the gap?", _OFFER) == {Act.ask}


def test_acceptance_words_inside_a_refusal_or_a_question_take_nothing() -> None:
    for text in ("90 is not a figure I could accept.", "ok so what's the deal with the stock options?",
                 "We'd already agreed on 25 days of leave, right?",
                 "Could we try four home days for a quarter and see how it works?",
                 "I'll want the final letter in my inbox before I formally accept.",
                 "I'd like until Monday to think it over. I hope that is acceptable."):
        assert Act.accept not in acts(text, _OFFER), text
    assert Act.reject in acts("90 is not a figure I could accept.", _OFFER)
    # the same words still accept when nothing undoes them
    assert Act.accept in acts("not a problem at all, I accept", _OFFER)


def test_a_recap_asked_for_without_a_question_mark_asks() -> None:
    for text in ("recap pls", "Kindly send me a summary of the package as it stands.",
                 "ok gimme the whole rundown of where we're at"):
        found = UNDERSTANDER.read(text)
        assert Act.ask in found.acts and Act.accept not in found.acts, text


def test_time_asked_for_in_more_words_is_heard() -> None:
    for text in ("Could I have a few more days before I give you my decision?", "can u give me few days for think",
                 "Is it ok if I speak with a current engineer before I decide?",
                 "Let's talk again on Monday once I've had a chance to review it all."):
        found = UNDERSTANDER.read(text, _OFFER)
        assert Act.request_time in found.acts, text
        assert Act.propose not in found.acts and not found.terms, text  # the days are thinking time, not leave


def test_a_promise_or_a_wait_for_the_paperwork_asks_for_no_time() -> None:
    for text in ("Please email me the final letter so I can sign it by Thursday.",
                 "Could you send it as a PDF so I can show my husband?",
                 "I'll wait with signing until I receive the revised terms in writing.",
                 "Before I reply in full, could you tell me how the bonus is paid?"):
        assert Act.request_time not in acts(text, _OFFER), text
    # someone else's deadline is news, not time asked for
    assert Act.request_time not in acts("my current company wants an answer by Monday")
    # a consult with a time of its own still asks for time, besides the writing
    found = acts("Can you email it over so I can go through it with my wife this weekend?", _OFFER)
    assert {Act.request_time, Act.request_writing} <= found


def test_paperwork_described_is_not_paperwork_asked_for() -> None:
    for text in ("I already hold 95k in writing from another firm, so 90 is low.",
                 "Your 20k equity is nice on paper, but I'd want 100k base.",
                 "I accept the terms as set out in your email of this morning."):
        assert Act.request_writing not in acts(text, _OFFER), text
    for text in ("I accept, and I'd be grateful if the parental leave were listed in the letter.",
                 "Could we write in that remote days go to three after probation?"):
        assert Act.request_writing in acts(text, _OFFER), text


def test_more_ways_of_saying_yes_to_an_offer_accept() -> None:
    for text in ("ooh yes!! 🙌", "brilliant, can you email me the updated letter?",
                 "Thank you for the new figure of $92,000; I am happy to confirm and accept it.",
                 "I understand the band is fixed, and I am perfectly content with that.",
                 "that's what I hoped for, so yes to that", "I'm going to accept. Please send the contract."):
        assert Act.accept in acts(text, _OFFER), text
    # a yes before a question about a term, or praise before a noun, takes nothing
    assert Act.accept not in acts("ooh ok so is there a bike scheme here? 🚲")
    assert Act.accept not in acts("brilliant team, I'd love to join")
    assert Act.accept not in acts("wow ok, so can you send me the details of the bonus plan?", _OFFER)
    # an "ok" that only acknowledges takes nothing, even before a request for the paperwork
    assert Act.accept not in acts("ok no worries. can you email me all of it so I don't mix it up?", _OFFER)
    assert Act.accept not in acts("Oh, ok. My moving quote was around $12k, if that helps.", _OFFER)


def test_plain_refusals_in_other_words_refuse() -> None:
    for text in ("Eighteen days of leave is not sufficient for a family abroad.", "this offer is trash tbh",
                 "honestly the 90k stung a little", "Leave and pension are fine. Salary is the sticking point."):
        assert Act.reject in acts(text, _OFFER), text


def test_a_floor_said_as_what_i_cannot_accept_proposes() -> None:
    # the recruiter should answer the figure, not treat it as a refusal of the offer
    found = acts("I'm afraid I can't accept fewer than 25 days of leave.", _OFFER)
    assert Act.propose in found and Act.reject not in found


def test_asking_whether_there_is_room_asks_and_proposes_nothing() -> None:
    # guide, third round: "any room / flexibility on X?" asks where there is room; the recruiter explains
    for text in ("Would there be some flexibility on relocation, given the band?",
                 "Hi Sam, would there be any room on the signing bonus?",
                 "I'd love to get there. Is 95k truly the maximum, or is there some flexibility?"):
        found = UNDERSTANDER.read(text, _OFFER)
        assert Act.ask in found.acts and Act.propose not in found.acts and Act.accept not in found.acts, text
        assert Signal.alternatives in found.signals, text


def test_a_recap_to_confirm_or_a_term_to_confirm_asks_for_nothing_new() -> None:
    # the recruiter should confirm the figures, not weigh them as new asks
    for text in ("Just to confirm my understanding: base $95,000 and 22 days of leave. Is that correct?",
                 "So the offer is 95k, 22 days and two remote days? Could you recap the rest?",
                 "Please confirm whether the 6% pension contribution includes the employer part.",
                 "sooo any wiggle room on the equipment budget?"):
        found = UNDERSTANDER.read(text, _OFFER)
        assert Act.ask in found.acts and Act.propose not in found.acts, text
        assert not [t for t in found.terms if t.role == "ask"], text
    # perks suggested after asking where there is room are still asked for
    for text in ("If base is fixed at 90k, what else could you do? A sign-on could help close the gap.",
                 "What else can you do, then? Bigger sign-on? More equity?"):
        assert Act.propose in acts(text, _OFFER), text
    # a new figure after the confirmed one is still asked for
    found = UNDERSTANDER.read("Leave is 22 days, right? If so I'd want a 10k sign-on.", _OFFER)
    assert Act.propose in found.acts and any(t.role == "ask" and t.amount == 10000 for t in found.terms)


def test_preferring_this_company_is_keenness() -> None:
    # the scorecard credits showing keenness; a preference for the company said plainly is that
    for text in ("Another firm offered 95k, but I'd still rather be at Brightline.",
                 "I would prefer to join Orbita, and would be ready to sign at 95k.",
                 "I have a competing offer; however, your company remains my preferred choice.",
                 "I'd love to accept. Could you confirm the bonus will be in the contract?",
                 "I care a lot about this mission and want to make it work."):
        assert Act.enthusiasm in acts(text, _OFFER), text
    # candour is no keenness, nor paperwork looked forward to in words of love
    assert Act.enthusiasm not in acts("I'd rather be honest: without remote days I can't do this.", _OFFER)
    assert Act.enthusiasm not in acts("The equity is fine but not exciting; I'd want 30k.", _OFFER)


def test_a_figure_elsewhere_is_a_rival_offer() -> None:
    # the recruiter reacts to leverage; a sum "elsewhere" is that, and "match?" asks to meet it
    found = acts("95k elsewhere, match?", _OFFER)
    assert {Act.competing_offer, Act.propose} <= found
    assert Act.competing_offer in acts("I've got 97k on the table elsewhere fwiw", _OFFER)
    assert Act.competing_offer in acts("I received a written offer yesterday for 97k.", _OFFER)
    # what other companies do in general is the market, not a rival offer
    assert Act.competing_offer not in acts("Why is the salary fixed? In other companies it is negotiable.", _OFFER)


def test_the_reason_behind_a_question_for_information_is_no_justification() -> None:
    # the scorecard's "justify your ask" should not be credited for explaining why one asks
    for text in ("How many weeks is the parental leave? We are expecting a baby in summer.",
                 "Is relocation included? I must move with my whole family from Porto."):
        found = acts(text)
        assert Act.ask in found and Act.justify not in found, text
    # a bonus given up still argues for what is asked about
    assert Act.justify in acts("is there a sign-on? I'd be walking away from my annual bonus")


def signals(text: str, context: Context | None = None) -> set[Signal]:
    return set(UNDERSTANDER.read(text, context).signals)


def test_signals_in_plain_words() -> None:
    assert Signal.hint in signals("what would u do here coach")
    assert Signal.hint in signals("What would you suggest I push for now?")
    assert Signal.summary in signals("Please tell me again the whole offer, what is it now?")
    assert Signal.priority in signals("remote work is a must, I look after my dad twice a week")
    assert Signal.priority in signals("honestly i care way more about equity than the bonus")
    # saying something matters is not ranking it; an exclamation is not rudeness
    assert Signal.priority not in signals("good onboarding matters a lot to me as a new manager")
    assert Signal.rude not in signals("damn, another company just offered me 97k")


def test_a_notice_period_stated_alone_asks_for_nothing() -> None:
    # guide: "a notice period stated alone is no act and no term"; the recruiter should not counter a start date
    for text in ("my notice period is two months", "Please note I must give my current employer one month's notice."):
        found = UNDERSTANDER.read(text)
        assert Act.propose not in found.acts and not found.terms, text
    assert Act.propose in acts("I have a one month notice period, so could we push the start date to May?")


def test_taking_a_term_then_is_no_new_ask() -> None:
    for text in ("oh nice, step 2 works then 🙌", "ok, 3 more days of leave is perfect, deal"):
        found = acts(text, _OFFER)
        assert Act.accept in found and Act.propose not in found, text


def test_pleading_after_a_refusal_asks_for_more_of_that_perk() -> None:
    refused = Context(last_perk="base_salary", last_move="refusal", offer={"base_salary": 90000})
    found = UNDERSTANDER.read("pls pls just a tad more 🙏", refused)
    assert Act.propose in found.acts and Signal.pleading in found.signals
    assert [(t.perk, t.role) for t in found.terms] == [("base_salary", "ask")]
    assert not UNDERSTANDER.read("pls pls pls").terms  # with no perk under discussion, no term


def test_moving_my_start_asks_for_a_start_date() -> None:
    # guide, third round: "push my start to April" is a start_date term with no amount
    for text in ("could we push my start to May? my lease ends then", "I'd like the start moved to June please"):
        found = UNDERSTANDER.read(text)
        assert Act.propose in found.acts and [t.perk for t in found.terms] == ["start_date"], text


def test_asking_the_coach_without_a_question_mark_asks() -> None:
    # guide, second round: a request to the coach is `ask` with the hint signal, and feeling lost is no reason
    found = UNDERSTANDER.read("tbh kinda lost, what's my next move")
    assert Act.ask in found.acts and Act.justify not in found.acts and Signal.hint in found.signals


def test_a_threat_to_take_the_other_offer_otherwise_is_an_ultimatum() -> None:
    found = UNDERSTANDER.read("Make it 95k, otherwise I'm going to take the other offer.", _OFFER)
    assert Act.propose in found.acts and Act.quit not in found.acts and Signal.ultimatum in found.signals


def test_a_name_then_good_morning_greets_and_a_letter_to_mention_asks_for_writing() -> None:
    assert Act.greet in acts("Priya, good morning. Could parental leave go to 16 weeks?")
    assert Act.request_writing in acts("I accept, and I'd love the letter to mention the mentor we agreed.", _OFFER)


def test_giving_something_up_is_not_giving_up_the_talks() -> None:
    from tests.support.harness import shipped

    _, understander = shipped()
    traded = understander.read("ok 150 then, but add a 10k sign-on since I give up my bonus at the old place")
    assert "quit" not in {a.value for a in traded.acts}
    done = understander.read("I give up, this is pointless")
    assert "quit" in {a.value for a in done.acts}
