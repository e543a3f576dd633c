"""Acts in everyday words (round ten): perks let go for another, reasons with no ask, questions about a perk.

Every sentence was written for this test (none comes from a corpus); each case follows docs/labelling.md.
"""

from __future__ import annotations

from bot.understanding.acts import Act, Context
from tests.support.harness import shipped

_, UNDERSTANDER = shipped()


def acts(text: str, context: Context | None = None) -> set[Act]:
    return set(UNDERSTANDER.read(text, context).acts)


def test_a_perk_not_needed_for_another_is_a_trade() -> None:
    # guide: trade_off offers something up to get something else; "I don't need X, give me Y" does
    for text in ("I don't need the relocation money, give me a fourth remote day instead.",
                 "The parking I dont need. Better for me is two more days of leave.",
                 "Could we land on $95k? I'll stop pushing on the title then."):
        assert {Act.trade_off, Act.propose} <= acts(text), text
    # not needing something, with nothing asked for it, trades nothing
    assert Act.trade_off not in acts("I don't need the relocation package, I already live in town.")


def test_a_deadline_someone_else_set_is_news_not_a_request_for_time() -> None:
    # guide: request_time asks for time; a rival's deadline is news about the rival offer
    for text in ("A second firm has made me an offer and they want the answer until Monday.",
                 "Just so you know, another employer has sent me an offer and has asked for my reply by Tuesday."):
        got = acts(text)
        assert Act.competing_offer in got and Act.request_time not in got, text
    # asking the recruiter to answer by a day sets them a deadline; it asks no time for oneself
    assert Act.request_time not in acts("The other offer expires soon, so could you let me know by Monday?")


def test_time_asked_in_ordinary_words() -> None:
    for text in ("Thank you. We decide together with my husband and answer you on Saturday.",
                 "I need to discuss the offer with my parents and will reply on Sunday.",
                 "Sounds promising, but I'd like a day or two to talk it over with my brother."):
        assert Act.request_time in acts(text), text


def test_a_question_on_how_often_a_figure_is_paid_asks() -> None:
    # guide: ask wants information; how a named figure is paid asks about it, it does not ask for it
    for text in ("Would the €6,000 sign-on be paid monthly, or all at once?",
                 "The 40 hours is per week?"):
        got = acts(text)
        assert Act.ask in got and Act.propose not in got, text
    # a figure wanted per period is still asked for
    assert Act.propose in acts("Could the training budget be €3,000 per year?")


def test_reasons_in_plain_words_justify() -> None:
    # guide: justify gives a reason for a position; what the ask would ease, or what binds the speaker, is one
    for text in ("Could you add a parking spot? It would make my mornings much easier.",
                 "Can I start in August? My children have to finish the school year first.",
                 "I would like some security in the first year, so could we add two months of severance?"):
        assert {Act.justify, Act.propose} <= acts(text), text


def test_a_figure_called_insufficient_refuses_it() -> None:
    # guide: reject turns down what is on the table, softened or not
    for text in ("Thanks for looking into it, but 20 days would not be sufficient with my family so far away.",
                 "Thank you, but the $1,500 learning budget won't cover the course I planned."):
        assert Act.reject in acts(text), text


def test_two_concessions_thanked_for_as_settled_are_taken() -> None:
    # guide: accept takes what is on the table; "both work" after an offer takes both
    offered = Context(last_perk="pto", last_speaker="counterpart", last_move="offer",
                      offer={"base_salary": 90000.0, "pto": 25.0, "remote_work": 2.0})
    for text in ("$90k and 25 days both work, thanks. Could we also look at a third remote day?",
                 "Thank you, both of those are very welcome. Next, I'd like to talk about remote days."):
        assert Act.accept in acts(text, offered), text
