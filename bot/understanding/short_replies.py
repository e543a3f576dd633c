"""Short replies read against the recruiter's last line, where the words alone say too little.

"Thanks, that really helps" right after the recruiter gave something takes it; "I guess that's alright"
after an offer or a refusal settles for the offer as it stands; "no, that's everything" answers "anything
else?" and refuses nothing. Each rule looks only at short messages that name no term, so a longer message
("that helps, but I'd still need 95k") is left to the rest of the reader.
"""

from __future__ import annotations

import re

from bot.understanding.acts import Act, Context, Term

SHORT = 8  # words: past this a message says more than a reply to the last line
# What the recruiter just gave is welcome: "that helps a lot", "oh, this really helps", "that helped"
GIVEN_HELPS = re.compile(r"\b(?:that|this|it)(?: really| truly| definitely)? help(?:s|ed)\b")
# Settling for what stands: "I guess that's alright", "ok, it's all right then" (not "…, but" or "…, if")
STANDING_IS_ALRIGHT = re.compile(r"\b(?:that'?s|that is|it'?s|it is) (?:alright|all right)\b"
                                 r"(?!,? (?:but|if|as long)\b)")
# Nothing more to raise: "no, I think that's everything", "no thanks, everything is clear", "nope, nothing else"
NOTHING_MORE = re.compile(r"^\W*(?:no|nope|nah)\b.{0,25}?\b(?:that'?s (?:all|everything)|that is (?:all|everything)|"
                          r"everything(?:'s| is) (?:clear|fine|good)|nothing (?:else|more))\b")


def read_against_last_line(low: str, acts: list[Act], terms: list[Term], context: Context | None,
                           words: int) -> list[Act]:
    """`acts` with a short reply's meaning against the recruiter's last move: taken, settled or only answered.

    `low` is the lower-cased message and `words` its word count; `acts` keeps the reader's act order."""
    if words > SHORT or terms or "?" in low:
        return acts
    if Act.reject in acts and NOTHING_MORE.search(low):
        return [a for a in acts if a is not Act.reject]
    if context is None or Act.accept in acts or Act.reject in acts:
        return acts
    takes = (context.last_move == "offer" and GIVEN_HELPS.search(low)) or (
        context.last_move in ("offer", "refusal") and STANDING_IS_ALRIGHT.search(low))
    return [a for a in Act if a in {*acts, Act.accept}] if takes else acts  # the vocabulary's order
