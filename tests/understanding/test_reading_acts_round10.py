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
