"""The cue phrases that tell acts and signals apart, and the small word lists understanding needs.

Kept apart from :mod:`bot.understanding.reader` so the reading logic stays short and the phrases can be read
and extended in one place. Every pattern runs on text already lowercased by
:func:`bot.understanding.amounts.normalise`. The long alternations are compiled with :func:`_cue`, which regroups
alternatives under their first letter (see the note there).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from bot.understanding.cue_gate import CueGate
from bot.understanding.factored_cache import FactoredSources

# --- compiling cue patterns ----------------------------------------------------------------------
# The cue patterns are long alternations of phrases. Python's regex engine tries every alternative
# at every word boundary, so alternatives are regrouped under their first letter when compiled:
# same matches, about a fifth less time, and the patterns stay readable as written.


WRITTEN: list[str] = []  # every cue pattern as written, so a test can check the regrouping changes nothing


def _cue(src: str) -> re.Pattern[str]:
    WRITTEN.append(src)
    return re.compile(_FACTORED.get(src))


def _structure(src: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each ( ) | of a regex source outside escapes and [classes], with the group depth before it."""
    depth, i, in_class = 0, start, False
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if src[i + 1 : i + 2] == "]":
                i += 1
        elif c in "()|":
            yield i, c, depth
            depth += {"(": 1, ")": -1}.get(c, 0)
        i += 1


def _split_top(src: str) -> list[str]:
    """Split a regex source on its top-level | (outside groups and classes)."""
    cuts = [i for i, c, depth in _structure(src) if c == "|" and depth == 0]
    return [src[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(src)], strict=True)]


def _group_end(src: str, open_at: int) -> int:
    """Where the group opened at `open_at` closes."""
    for i, c, depth in _structure(src, open_at):
        if c == ")" and depth == 1:
            return i
    raise ValueError("unbalanced")


def _factor(src: str) -> str:
    """Rewrite every (?:a|b|...) so alternatives sharing a first letter sit under it: (?:a(?:..)|b(?:..))."""
    out, i = [], 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            out.append(src[i : i + 2])
            i += 2
            continue
        if c == "[":
            j = i + 1
            if src[j : j + 1] == "^":
                j += 1
            if src[j : j + 1] == "]":
                j += 1
            while src[j] != "]":
                j += 2 if src[j] == "\\" else 1
            out.append(src[i : j + 1])
            i = j + 1
            continue
        if src.startswith("(?:", i):
            end = _group_end(src, i)
            inner = _factor(src[i + 3 : end])
            out.append("(?:" + _factor_branch(inner) + ")")
            i = end + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)

def _factor_branch(inner: str) -> str:
    alts = _split_top(inner)
    if len(alts) < 4:
        return inner
    groups: dict[str, list[str]] = {}
    order: list[str] = []
    for alt in alts:
        first = alt[:1]
        plain = first.isalpha() and alt[1:2] not in ("?", "*", "+", "{")
        key = first if plain else "\0" + alt
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(alt)
    pieces = []
    for key in order:
        members = groups[key]
        if key.startswith("\0") or len(members) == 1:
            pieces.extend(members)
        else:
            tails = [m[1:] for m in members]
            pieces.append(key + "(?:" + "|".join(tails) + ")")
    return "|".join(pieces)


# Regrouping runs in Python, about 12 ms a start: its results are kept in the user's cache (see there).
_FACTORED = FactoredSources(Path(__file__), _factor)


# Everyday words that sit one typo away from a perk word; never read them as that perk.
NOT_TYPOS = frozenset(
    {
        "clarification", "clarifications",
        "mention", "version", "equality", "packing", "wealth", "bones", "relation", "remove", "remote", "promise",
        "pairing",  # "planning and pairing" is no parking
        "testing", "resting",  # "user testing calls" is no vesting
        "reason", "season", "station", "nation", "motion", "notion", "lotion", "potion", "caution", "action",
        "fraction", "section", "pension", "tension", "mansion", "passion", "session", "trainee", "raining",
        "ranking", "banking", "baking", "making", "taking", "waking", "staring", "sharing", "caring", "daring",
        "bearing", "hearing", "wearing", "stating", "skating", "dating", "rating", "sating", "grating", "months",
        "mouths", "hours", "house", "horse", "health", "heath", "stocks", "stock", "shores", "shared", "shape",
        "shake", "share", "title", "tickle", "little", "settle", "tittle", "bonds", "bounds", "bound", "binds",
        "monitors", "mentors", "mentor", "motor", "events", "vacant", "vocation", "location", "locations",
        "allocation", "relaxation", "relations", "creation", "ration", "raise", "raised", "praise", "paise", "rise",
        "arise", "equal", "equip", "quiet", "quit", "quite", "quote", "quota", "basis", "based", "bases", "cases",
        "vases", "baseline", "salad", "salads", "salt", "sales", "salsa", "solar", "sonar", "dollar", "collar",
        "meant", "mental", "rental", "dental", "central", "medial", "media", "medium", "medal", "metal", "petal",
        "retirement", "transition", "transaction", "translation", "transmit", "transparent", "transfer", "parting",
        "partner", "parent", "parents", "parental", "apparent", "paternal", "maternal", "eternal", "internal",
        "external", "journal", "fraternity", "wellness", "fitness", "illness", "witness", "business", "madness",
        "sadness", "boldness", "coldness", "kindness", "moving", "having", "saving", "leaving", "loving", "living",
        "giving", "diving", "roving", "proving", "solving", "career", "carrier", "course", "courses", "source",
        "sources", "force", "forces", "horses", "worse", "nurse", "purse", "start", "stars", "starts", "smart",
        "chart", "heart", "earth", "staff", "stuff", "stiff", "sniff", "cliff", "schedule", "module", "modules",
        "scheduled", "review", "reviews", "preview", "interview", "interviews", "leading", "leaning", "reading",
        "heading", "loading", "lending", "pleasing", "message", "messages", "requirement", "requirements",
        "supports", "spots", "committing", "commenting", "computing", "confidence", "transient", "nesting",
        "barking", "marking", "draining", "trailing",
    }
)

ACKNOWLEDGED = re.compile(
    r"\W*(?:noted|got it|i see|i saw|i know|i noticed|understood|gotcha|thanks for (?:the|that)|that'?s helpful|"
    r"i understand|no worries|"
    r"makes sense)\b"
)
# before a yes: "ugh fine", "omg yes", "whoa ok"
INTERJECTIONS = frozenset({"ugh", "well", "sweet", "woo", "wooo", "lol", "omg", "ooh", "whoa", "wow", "yay",
                           "whatever"})
OPENERS = frozenset(
    {"ok", "okay", "k", "fine", "sure", "yes", "yep", "yeah", "yeh", "yea", "ya", "yup", "alright", "cool", "great",
     "good", "ack", "done", "sweet", "awesome", "lovely", "brilliant", "perfect"}
)
ASKS_ABOUT_OFFERS = re.compile(r"\b(?:do you have|are there|any) (?:any )?other (?:offers|companies)\b")
# "push the start to 5 wks", "move my start back": the start date moved, whatever follows
# "I can't go below 0.2%", "nothing under $140k": a floor, what would have been needed
FLOOR_WORDS = re.compile(r"\b(?:go (?:below|under|lower)|less than|lower than|at least|minimum|floor)\b")
START_MOVED_BEFORE = re.compile(
    r"\b(?:push|move|delay|shift|postpone|bring)(?:ing|ed)? (?:the |my )?$"
    # "6 wks start", "2 weeks to start", "the 2-week start"
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|ten|twelve)[\s-]*(?:wks?|weeks?|months?)[\s-]+(?:to\s+)?$"
)
# "push my start to May", "my start pushed back" (not "my start to the role")
START_MOVED_AFTER = re.compile(
    r"\s+(?:to(?! (?:the|a|an|my|this|your)\b)|pushed|moved|back|delayed|postponed|later|until|till)\b"
)
# "starting in four weeks", "starting next month": when the job starts; not "starting at 9:30", "starting early"
STARTING_WHEN = re.compile(
    r"\s+(?:in|from|after|next)\b(?!\s+(?:the\s+)?(?:morning|afternoon|evening)s?\b)"
    r"(?!\s+(?:zero|scratch|nothing|square one|the (?:bottom|ground|beginning))\b)"  # "not starting from zero"
)
START_WHEN = re.compile(
    r"\s+(?:be\s+)?"  # "can the start be after 6 weeks?"
    r"(?:in|on(?! an?\b)|at(?!\s+(?:about |around |roughly )?(?:[$€£₪]|\d[\d,.]*\s*k\b|step|grade|level))|"
    r"by|from|after|"
    r"before|next|later|earlier|sooner|date|day|mid|early|\d|two|three|"
    r"four|six|an? (?:full |whole )?(?:day|week|month|couple))\b"
    r"|\s*(?:\?|$)"
)
ACHIEVEMENT = re.compile(
    r"\b(?:went up|gone up|rose|risen|jumped|saved|grew|increased|cut|generated|brought in|delivered|managed|"
    r"raised|closed|doubled|reduced|"
    r"handled|ran|led)\s+(?:[\w'-]+\s+){0,4}(?:by\s+)?\W?$"
)
ON_JOINING = re.compile(
    r"\s+(?:when i (?:join|start|sign)|on joining|upon joining|for joining|to join|at signing|on signing|upfront|"
    r"up front|on day one|in my first (?:paycheck|month))\b"
)
# A bonus the user leaves behind to join is the one they have now, not one paid on joining: "walking away from an 8k
# bonus to join you"
LEFT_TO_JOIN_BEFORE = re.compile(
    r"\b(?:leav(?:e|ing)|walk(?:ing)? away from|forfeit(?:ing)?|los(?:e|ing)|giv(?:e|ing) up)\b[^.!?;]{0,24}$")
MATCH_IT = re.compile(
    r"(?<!can't )(?<!cannot )(?<!won't )(?<!not )"
    r"\b(?:(?:match|beat|meet|top) (?:it|that|this|them|their offer|the offer)|meet (?:me )?in the middle|"
    r"(?:you|u) (?:can |could |would )?(?:do|offer|give) (?:me )?(?:something similar|the same|similar)|"
    r"close (?:that|the) gap|split the difference)\b|"
    r"\b(?:can|could|would|will) (?:you|u|we) (?:\w+ )?(?:match|beat)\s*(?:\?|$)|"  # "…160k, can you match?"
    r"[,.;]\s*(?:match|beat)(?: (?:it|that))?\s*\?"  # "41k elsewhere, match?"
)
# "relocating to Berlin", "relocating from Madrid", "relocating my family": the move, not the relocation package
MOVING_SOMEWHERE_AFTER = re.compile(r"\s+(?:to|from|a|my|our|the|here|there|across|for|with)\b")
# "I'm 7 yrs in, relocating, so…": the move said as a reason between commas, not the package
MOVING_AS_REASON = re.compile(r"\s*[,;]\s*(?:so|and|which|hence|therefore)\b")
# A perk named as what the employer gives, not as a thing bought: "the relocation", "relo", "the training budget"
PACKAGE_NAME = re.compile(r"reloc|\brelo\b|allowance|budget|package|stipend|money|assistance|benefit|fund")
# A figure after the move that is pay, not what the move costs: "relocating to Berlin, where the market runs
# €70k-€82k" does not name the package; "relocating my family will cost $15k" does
MOVE_NOT_COST_WORDS = re.compile(
    r"\b(?:market|range|band|earn\w*|paid|pays?|paying|salar\w*|seniors?|roles?|offers?)\b"
)
CLAUSE_AFTER = re.compile(r"[^,;.!?]*")
# A request to improve a perk whose only figure is the offer's: "any way to bump the 2k?", "can we chat leave tho? 15
# days is rough", "could we look at annual leave instead?", "maybe you can give more money for the learning?"
MORE_ASKED = re.compile(
    r"\b(?:bump|raise|increase|improve|top up|(?:give|get|add) (?:me |us )?(?:a (?:bit|little) )?more|"
    r"(?:go|be|make it) (?:a (?:bit|little) )?higher|any way to|"
    r"(?:can|could) (?:we|you|u) (?:please )?(?:chat|talk|look at|discuss|revisit|reconsider|do better on)|"
    r"(?:is )?possible (?:some|more|to (?:get|have) more))\b"
)
# …unless the sentence takes or thanks for what is offered: "ok on the 20 days, can we talk about base?"
# "is there room to raise it?" asks where there is room: the perk is asked about (guide, third round)
TAKEN_IN_SENTENCE = re.compile(
    r"\b(?:thanks?|thank you|fine|works|happy with|ok on|okay on|accept|agreed|great|room|flexibility|flexible)\b")
# A figure said to correct the one before it: "no sorry, I meant 22", "meant 23 lol", "I mean €76,000"
MEANT_BEFORE = re.compile(
    r"(?:\b(?:i )?(?:meant|mean)(?: to (?:say|write|type))?:?|"
    # "two days... sorry, no, let's say one", "25 days, no wait, 22": the speaker corrects the figure just said
    r"\b(?:sorry|no)[,.!]*\s+(?:no|wait|actually)[,.!]*(?:\s+(?:let'?s say|make it|say|rather))?|"
    r"\bactually,?\s+(?:let'?s say|make it))\s*(?:it'?s\s+|is\s+)?[$€£₪]?\s*$")
PLEASE_AFTER = re.compile(r"\s*(?:days?\s+|weeks?\s+|k\s+)?(?:please|pls|plz)\b")
MATCH_VERB = re.compile(r"\b(?:match|beat|top|the same|similar)\b")
# "3% match", "a match of 4%": right next to a percentage, "match" is the retirement match; alone it is
# too often a verb or a fit ("we can match that", "a good match for my skills").
MATCH_PERCENT_BEFORE = re.compile(r"\d(?:[.,]\d+)?\s*(?:%|percent|per cent)\s+(?:employer\s+|company\s+)?$")
MATCH_PERCENT_AFTER = re.compile(r"\s+(?:of|at|up to|to)\s+(?:\w+\s+)?\d+(?:[.,]\d+)?\s*(?:%|percent|per cent)")
# "travel" alone is the transport perk only when it is paid for: "1,000 nis for travel", "cover my travel"
TRAVEL_PAID_BEFORE = re.compile(
    r"\b(?:for|cover|covers|covered|pay for|paid|reimburse|reimbursed|towards?|plus|and)\s+(?:the\s+|my\s+|your\s+)?$"
)
# Perks offered up in a trade: "trade the bonus for…", "give up the car", "a lower base", "instead of the laptop".
# Searched just before a perk mention; "for" and "if" stop the look-back so the perk asked for is never marked.
GIVE_BEFORE = re.compile(
    r"\b(?:trade|trading|swap|swapping|exchange|give up|giving up|forgo|forego|forget|drop|skip|waive|"
    r"without|instead of|in place of|rather than|keep|less|lower|smaller|reduced|fewer|reduce|cut|"
    r"(?:come|coming) down to|(?:an? )?(?:acceptable |fair |good )?substitute for|in lieu of)\s+"
    r"(?:(?!(?:for|if|then|and|than)\b)[\w$€£.,%-]+\s+){0,3}$"  # "worth less to me than salary" compares
)
SOONER_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:earlier|sooner)\b")
# A number that labels rather than measures: "grade 7", "step 4", "a family of 4"
LABEL_NUMBER_BEFORE = re.compile(
    r"\b(?:grade|step|level|band|tier|phase|round|stage|number|no\.|version|family of|team of|group of|household of|"
    r"article|section|clause|paragraph|chapter|page)"
    r"\s*$"
)
# What the user loses by moving, said right before the figure: evidence, even "on the table" ("annual leave 23 days"
# names the leave, a noun)
FORFEIT_BEFORE = re.compile(
    r"\b(?:(?<!annual )(?<!paid )(?<!parental )(?<!sick )(?<!maternity )(?<!paternity )(?<!family )leave(?: behind)?|"
    r"leaving(?: behind)?|forfeit(?:ing)?|los(?:e|ing)|walk(?:ing)? away from)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|over|a|an|my|the)\s+)*$"
)
# What the user gives up by moving: asked for in the same sentence, it is the reason, not the perk asked for.
FORFEITED = _cue(r"\b(?:forfeit(?:s|ed|ing)?|walk(?:ing)? away from|(?:leave|leaving|lose|losing) (?:\w+ )?behind)\b")
# What a cost is for, said near a sum that names no perk: "movers quoted us $14k", "the cert course is 8k",
# "parking is ₪700 a month". The group names are perk keys.
COST_OBJECT = re.compile(
    r"\b(?:(?P<relocation>mov(?:e|ing|ers?)|removals?|temporary housing)|"
    r"(?P<transportation>parking|\w*ticket|transit|train|bus pass|commut\w*|mileage)|"
    r"(?P<professional_development>courses?|certificat\w*|cert|exams?|conferences?|tuition|classes)|"
    r"(?P<wellness>gym|yoga|therapy)|(?P<equipment>desk|monitor|laptop|chair))\b"
)
# "24 in total", "bringing the total to 24": the figure a change arrives at
TOTAL_AFTER = re.compile(r"\s*(?:days?\s+|weeks?\s+)?(?:in total|total|all in)\b")
TOTAL_BEFORE = re.compile(r"\b(?:total(?: of)?|bringing (?:it|the total|that|me) (?:up )?to|for a total of)\s*$")
# "ill take 5k less": a cut the speaker offers
LESS_AFTER = re.compile(r"\s+(?:less|lower)\b(?!\s+than)")
# A figure demanded with a threat after it: "160 or I go with the other offer", "$90k or I walk". The rival named in
# the threat is why the figure is asked, not what the figure is.
OR_ELSE_AFTER = re.compile(
    r"[^.!?;]{0,30}?\bor (?:else )?(?:i|i'?ll|ill|i will|i'?m|i am|we|we'?ll|we'?re|nothing|no deal)\b")
# "if it's not 80k I walk", "unless it's 150": the figure a condition demands is the ask, not the offer refused
DEMANDED_IN_CONDITION_BEFORE = re.compile(
    r"\b(?:if|unless) (?:it'?s|its|it is|that'?s|that is|the (?:base|salary|offer|number) is)(?: not)? (?:at )?[$€£₪]?$"
)
# What a figure is for, said after it: "15k to cover the bonus I'm forfeiting". The loss named after that is the
# reason for the figure; the figure itself is still asked for.
PURPOSE_AFTER = re.compile(
    r"[^.!?;]{0,30}?\b(?:to (?:cover|offset|make up for|replace|compensate(?: for)?|bridge)|"
    r"(?:that|which) (?:would|will|could) (?:cover|offset|make up for|replace))\b"
)
# A figure the speaker takes to get something else: "I'd take 155 if you add the sign-on", "I'd be open to €77k if
# you could add…", "I am prepared to accept ₪41,500 provided…". Searched right before the figure; the condition
# (cues.TRADE_CONDITION_AFTER) must follow it in the same sentence.
TAKEN_IN_TRADE_BEFORE = re.compile(
    r"(?:\b(?:i'?d|i would|i can|i could|i'?ll|ill|i will|i'?m|i am|i)\s+(?:(?:happily|gladly|still|also)\s+)?"
    r"(?:(?:be\s+)?(?:willing|prepared|happy|glad|open)\s+to\s+)?|\band\s+|"
    # "happy to keep base at 172 for it", "4 remote days, can go down to 5k signon for that": no "I" in chat
    r"(?:^|[,.;!?]\s*|\s)(?:(?:willing|prepared|happy|glad|fine|ok|okay) to|can|could)\s+)"
    r"(?:accept|take|live with|work with|settle (?:for|at|on)|come down to|go down to|stay (?:at|on)|keep|hold|"
    r"meet you at|be (?:fine|ok|okay|happy|good|open|comfortable) (?:with|to|at))\s+"
    r"(?:(?:a|an|the|my)\s+)?(?:(?!(?:if|for|and|but|more|less|higher|lower|trial)\b)[\w-]+\s+){0,3}?"
    r"(?:(?:of|at|on)\s+)?(?:about\s+|around\s+)?[$€£₪]?$"
)
# A figure kept in words that name the offer's own ("keep the base at", "take your $20k equity", "as offered"): with
# no condition after it, the speaker confirms the offer rather than giving it up for what they asked before.
THE_OFFERS_FIGURE_KEPT = re.compile(r"\b(?:the|your|this|that)\b")
AS_OFFERED_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:as (?:offered|is|it is|it stands)|unchanged)\b")
CONDITION_BETWEEN = re.compile(r"\b(?:if|provided|as long as|so long as|in exchange for)\b")
# The taking as the condition itself: "if I take the 20 days, can we talk about the sign-on?"
TAKEN_AS_CONDITION_BEFORE = re.compile(
    r"\b(?:if|provided|as long as) (?:i|we) (?:can )?(?:take|accept|keep|settle for|stay at|stick with) "
    r"(?:(?:a|an|the|my)\s+)?[$€£₪]?$"
)
TRADE_CONDITION_AFTER = re.compile(r"[^.!?;]{0,80}?\b(?:if|provided|as long as|so long as|in exchange|in return|"
                                   r"(?:for|to get) (?:it|that|this)\b(?! (?:is|was|would|will)\b))")
# A start date offered to make a deal work: "I can start in 3 weeks if you…", "push start back to 4 weeks to make it
# easier for you". Searched in the rest of the sentence after the figure.
CONCESSION_AFTER = re.compile(
    r"[^.!?;]*?\b(?:if (?:you|the company|that helps|it helps|needed|it'?s easier)|in (?:exchange|return)|"
    r"to make (?:it|this|that|things) (?:easier|work))\b"
)
# A perk offered up, said right before it: with another perk in the message, a trade ("a lower bonus if…").
GIVEN_UP_BEFORE = re.compile(
    r"\b(?:trade|trading|swap|swapping|exchange|give up|giving up|forgo|forego|drop|skip|waive|less|lower|smaller|"
    r"reduced|fewer|reduce|cut|pro-?rated)\s+(?:(?!(?:for|if|then|and)\b)[\w$€£.,%-]+\s+){0,3}$"
)
# A perk named, then offered up by a pronoun in a trade: "the VSOP is worth less to me — I'd give it up for a
# higher base", "the mentorship? I'd trade that for a remote day".
GIVE_IT_AFTER = re.compile(
    r"[^.;!?]{0,60}?\b(?:give|giving|trade|trading|swap|swapping|drop|dropping|forgo|forego|skip|waive) "
    r"(?:it|them|that|those)(?: up)? (?:for|in exchange|if)\b"
)
# The offer's own figure offered up in a trade: "I'd give up the $600 wellness stipend and the $2k equipment budget",
# "the ₪2,400 wellness budget converted to parking", "drop the VSOP and the €1,500 learning budget"
OFFER_GIVEN_UP_BEFORE = re.compile(
    r"\b(?:give up|giving up|give back|forgo|forego|drop|dropping|skip|waive|trade|trading|swap|swapping|"
    r"let go of|sacrifice)\s+(?:(?!(?:for|if|then|but|so|to|in|instead)\b)[\w$€£₪.,%'-]+\s+){0,6}$"
)
PART_OF_BEFORE = re.compile(r"\b(?:\d{1,2}|one|two|three|four|five) of (?:the|my|your|our) $")  # "2 of the 18 days"
OFFER_GIVEN_UP_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:converted|moved|put|shifted|redirected|swapped|traded|could go|go|goes|going)\s+"
    r"(?:in)?to(?:wards?)?\b(?!\s+[$€£₪]?\d)"
)
GIVE_TRADE_VERB = re.compile(r"\b(?:trade|trading|swap|swapping)\s+(?:you\s+)?(?:part|some|half|a bit)?\s*(?:of\s+)?$")
SALARY_AS_SOURCE = re.compile(r"\s+(?:guides?|reports?|surveys?|insights|calculators?|websites?|sites?|tools?)\b")
COMMUTE_AS_TRIP = re.compile(
    r"\s+(?:is|was|takes|took|of|each|would|will)\b(?!\s+(?:covered|paid|reimbursed|be covered))"
)
# What leaving the current job costs: said as a reason for an ask, not as something offered in a trade.
LOSS_FROM_LEAVING = _cue(
    r"\b(?:at my current (?:job|company|employer|role)|by leaving|when i leave|if i leave|(?:i|you) leave behind|"
    r"unvested|(?:since|because|as) i'?d be giving up|(?:means?|meaning|worth) giving up)\b"
)
# A part of a message that takes what is on the table: its figures are the offer, not asks.
ACCEPT_SPAN_CUT = re.compile(r"[.;!?\n]|\bbut\b|\bwhere\b|\bexcept\b")
RECAP = re.compile(
    r"\b(?:to summari[sz]e|to recap|recap|where (?:i think )?we are|have i got (?:that|it) right|settled|"
    r"so i have (?:it|this|that|everything) (?:right|straight)|make sure i have (?:it|this|that) right|"
    r"(?:let me )?restate|we'?re on the same page|if i understand(?: you)? (?:correctly|right)|"
    r"everything else is|(?:is|are) (?:settled|agreed|fine)|as offered)\b"
)
# A condition put on accepting: "if you can do X, I'll sign", "X and I'm in", "I'd take it with two conditions: X";
# not a list that ends ", and I'm in", which takes what it lists
CONDITION = _cue(
    r"\b(?:if|as long as|provided|assuming|only with|conditions?|and (?:i'?m in|we'?re good|i'?ll sign|i sign|"
    r"i'?m yours|i'?m sold|(?:we|you)(?:'ve| have)? (?:got )?a deal|it'?s a deal))\b"
)
CONDITION_BEFORE = re.compile(r"\b(?:if|as long as|provided|assuming|only with|conditions?)\b")
CONDITION_AFTER = re.compile(
    r"[^.!?;]*?(?<!,) and (?:i'?m in|we'?re good|i'?ll sign|i sign|i'?m yours|i'?m sold|"
    r"(?:we|you)(?:'ve| have)? (?:got )?a deal|it'?s a deal)\b"
)
ACCEPTING = re.compile(
    r"^\W*(?:ok(?:ay)?|fine|good|agreed|yes|sure|alright),?\s+on\b|"
    r"\b(?:i (?:can |will |'ll |happily |gladly |do |shall )?accept|i agree|works(?: for me)?|"
    r"sounds? (?:fine|good|great)|(?:is|are)(?: also| totally| perfectly| absolutely)? (?:fine|ok|okay|good)|"
    r"deal|i'?m in|that'?s (?:fine|ok|okay|good)|"
    r"(?:happy|fine|good) with (?:the|my|your)|(?<!not )comfortable with|"
    r"(?:happy|pleased|glad|delighted|ready) to (?:accept|sign)|"
    r"(?:would|will) work (?:well|great|fine|nicely))\b"
)
BUT = re.compile(r"\bbut\b")
LISTING = frozenset({"with", "plus", "including", "include", "includes"})  # name what is taken, ask nothing
# "happy to get the offer from Kestrel" thanks the recruiter's company: no rival offer
THANKFUL_FOR_OFFER = re.compile(
    r"\b(?:happy|glad|pleased|thrilled|excited|grateful|thank(?:s| you)?) (?:to (?:get|receive|have) |for )"
    r"(?:the |this |your |an? )?offers?\b"
)
# "I want 3 months' severance in the contract": where the new term goes, not a request for the document
CONTRACT_AS_PLACE = re.compile(
    r"\b(?:in|into|to) (?:the|my) (?:contract|offer letter|offer)\b|\bthe (?:contract|offer letter) to include\b"
)
CONDITIONAL = re.compile(r"\b(?:if|unless|otherwise|or else)\b")
# A term named as already on the table: "the 4 wfh days", "the new sign-on", "my start date"
REFERENCED_BEFORE = re.compile(r"\b(?:the|that|those|these|our|my)\s+(?:[\w$€£₪.,%-]+\s+){0,2}$")
DIGIT = re.compile(r"\d")
HYPOTHETICAL = re.compile(r"\bif\b[^,.;!?]*$")
# A limit named as granted, or as a condition, is not a refusal: "I know the band is fixed, but could…",
# "since PTO is fixed by policy…", "otherwise it won't work for me", "under this I must say no".
CONCEDED = re.compile(
    r"\b(?:if|unless|otherwise|since|given(?: that)?|understood|i note|i hear (?:you|that)|"
    r"i (?:fully |totally |completely |do |really )?(?:know|understand|reali[sz]e|appreciate|respect|accept that)|"
    r"i'?m aware|knowing|whether|under (?:this|that)|if not)\b"
    r"(?:(?!\b(?:but|however|still|yet)\b)[^.;!?])*$"
)
# "150 isn't a number I can accept", "not something I could agree to": the acceptance words are refused
NOT_ACCEPTABLE_BEFORE = re.compile(
    r"\b(?:isn'?t|is not|not|never)\s+(?:a |an |the |any |something |anything |one |what )?"
    r"(?:[\w$€£₪.%-]+\s+){0,2}(?:that\s+|which\s+)?$"
)
# A recap asked for in so many words, without a question mark: "recap pls", "kindly provide a summary"
SUMMARY_ASKED = re.compile(r"\b(?:pl[sz]|please|kindly|gimme|give me|tell me|send me|provide|share|remind me|"
                           r"walk me|run me)\b|^\W*(?:recap|summari[sz]e)\b")
NOTICE_STATED = re.compile(r"\bnotice(?: period)? (?:is|of)\b|\b(?:give|giving|serve|serving|owe|on)\b[^.;!?]{0,40}"
                           r"\bnotice\b|\b(?:weeks?|months?)'? ?(?:'s)? notice\b")
START_ASKED = re.compile(r"\b(?:start|begin|push|later|delay|move|join)\w*\b")
# What "then" closes when a term is taken: "step 3 is fine then", "90 it is then", "ok then"
TAKEN_THEN = ("fine", "works", "ok", "okay", "good", "great", "perfect", "it is", "alright", "deal")
# A floor stated by the candidate proposes: "I cannot go under 38 thousand"
OWN_FLOOR = re.compile(r"\bi'?m not (?:in a position|able|willing) to go (?:any )?(?:below|under|lower)\b|"
                       r"\bi (?:can'?t|cannot|won'?t|will not) (?:go (?:any )?(?:below|under|lower)|"
                       # "I cannot accept fewer than three remote days", "…accept a base salary below €75,000"
                       r"accept (?:fewer|less|anything (?:less|lower|below|under)|(?:a |an |the )?(?:[\w-]+ ){0,2}"
                       r"(?:below|under|lower than|less than)))\b")
# "38,500 is under my floor of 40,000": the figure after it is the speaker's floor, the one before it is refused
MY_FLOOR = re.compile(r"\bmy (?:floor|minimum|bottom line|walk-?away)\b")
CONDITION_WORD = re.compile(r"\b(?:if|unless|provided|as long as|once|in place)\b")  # cheap check first
# "If we can agree on a 6% raise, I'm happy to accept the base": what follows a condition proposes, it takes nothing
TAKEN_UNDER_CONDITION = re.compile(
    r"\b(?:if|unless|provided|as long as|once|with (?:that|those|this|these)\b[^.;!?]{0,40}\bin place)\b[^.;!?]*$"
)
# One term taken by name: "happy with the base", "fine on the bonus" (not "I'd be happy with the base at 130k")
# (a cheap check before the patterns below)
TAKING_WORD = re.compile(
    r"\b(?:fine|ok(?:ay)?|good|happy|content|complaints?|agreed|settled|works|sorted|yes|accept\w*|it is)\b")
# A term named, then said to be fine, in the same clause: "wfh 2d ok", "the base at $172k is fine, and…",
# "step 3 at $78,000 works for me. next…", "the 28 days are fine, but…" (up to three words in between).
TERM_FINE_AFTER = re.compile(
    r"(?:'s)?\s*(?:(?!(?:not|no|never|still|be|if|i|i'?m|am|we|we'?re|and|more|less|much|than)\b)"
    r"(?:[\w$€£₪%'()-]|[.,](?=\d))+\s+){0,3}?"
    r"(?:(?:is|are|looks?|seems?|sounds?) (?:(?:totally|perfectly|absolutely|really|more than) )?)?"
    r"(?:fine|ok(?:ay)?|good|acceptable|settled|sorted|works(?: for me)?|it is(?=\W*(?:$|[.,;!])))\b"
    r"(?!\s*\?|\s+(?:if|as long|provided|once|to|with the|for the|but only|step|start|move|improvement|first)\b)"
    r"(?![^.;!?]*\b(?:would|'d) be (?:better|ideal|nicer|perfect)\b)"  # "12 weeks is ok but 16 would be better"
)
# Said before a term in its sentence, these make "X is fine" a question or a condition, not a taking.
NOT_YET_TAKEN = re.compile(r"\b(?:if|would|could|can|should|whether|unless|as long as|provided|once|how|what)\s")
# The user moves on to the next item: what they called fine before it is settled in their eyes ("…works. Next, …")
MOVING_ON = re.compile(r"\b(?:next|last (?:thing|item|point|piece|one|bit)|moving on|now (?:on|to|for|about|let'?s)|"
                       r"on to|onto|turn to|the other thing|(?:one|the) more thing)\b")
TERM_TAKEN_BEFORE = re.compile(
    r"(?:(?<!be )(?<!not )(?<!n't )(?<!already )(?<!we )(?<!we've )"
    r"\b(?:fine|ok|okay|good|happy|agreed|settled|content) (?:on|with|w/?|for)|"
    r"(?<!not )(?<!n't )\bno complaints? (?:on|about|with)|"  # "no complaints on pay. vacay tho, 24?"
    r"(?<!not )(?<!n't )\b(?:ok|okay|fine|happy) (?:staying|keeping|sticking) (?:on|with|at)|"
    r"^\W*yes,? (?:to|on)|(?<!not )(?<!n't )(?<!to )\b(?:i'?d (?:like to )?|i (?:will |can )?)accept) "
    r"(?:the |my |your )?(?:proposed |revised |current |new )?$"
)
INFLECTIONS = frozenset({"s", "es", "ed", "d", "ing", "er", "ers", "ly"})

GREET = _cue(
    r"^\W*(?:hi+|hello+|hey+|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|dear \w+|"
    r"hola|shalom|bonjour|hallo|heya|sup|morning)\b(?!\s+(?:to|of|is|was)\b)"
    r"|^\W*to whom it may concern\b"
    r"|\bnice to (?:meet|hear from|e-?meet) you\b|\bpleasure to (?:meet|speak|talk)\b"
    r"|\bthanks? (?:you )?for (?:reaching out|getting back to me|having me)\b|\bhow(?:'?s it going| are you)\b"
)
# "Noa hiii", "Jonas! hey": the name first, then the hello (tried only when a hello word opens the message)
NAME_THEN_HELLO = re.compile(
    r"\W*[a-z]+\W*\s(?:hi+|hey+|hello+|good (?:morning|afternoon|evening))\b(?!\s+(?:to|of|is|was)\b)"
)
# "I have accepted another position", "I'll accept another offer": taking a job elsewhere takes nothing here
_NOT_ANOTHER = r"(?! (?:another|a different|the other|other|an offer (?:from|at|elsewhere))\b)"
ACCEPT = _cue(
    r"\b(?:deal(?<!great deal)(?<!good deal)(?!\s+with\b)|it'?s a deal|we have a deal|"
    r"sounds? (?:good|great|fair|fine|perfect|reasonable)|"
    r"(?:i (?:can |will |'ll |happily |gladly |do |shall )?accept|i'?ll accept)" + _NOT_ANOTHER + r"|i shall sign|"
    r"(?:is|'s|are) acceptable|"
    # what was just conceded, thanked for as settled: "$180k and $16k both work", "both of those are very welcome"
    r"(?:both|all) (?:of (?:those|them|these) )?(?:work|are (?:very |most |more than )?(?:welcome|great|fine))|"
    r"my (?:formal |official )?acceptance|it'?s fine|it is fine|looks? fine|let'?s lock (?:in|it in|that in)|"
    r"saying yes|consider (?:it|the matter) settled|"
    r"i'?m happy to accept|happy to (?:accept|sign|go with)|"
    r"accepted" + _NOT_ANOTHER + r"|"
    r"(?<!we )(?<!we've )(?<!weve )(?<!already )(?<!have )(?<!had )(?<!'d )(?<!you )(?<!they )agreed"
    r"(?! case by case| individually| on a case)|i agree(?! to)|works for me|"
    r"(?<!something )(?<!anything )(?<!how )(?<!if )(?<!whether )that works|"
    r"(?<!how )(?<!if )(?<!whether )(?:this|it) works|(?:would|will) work (?:well|great|fine|nicely|perfectly)|"
    r"(?:i'?m|i am) (?:quite |very |perfectly )?comfortable with (?:the|that|this|it|[$€£₪]?\d)|"
    r"let'?s do (?:it|this|that)|let'?s go with|i'?m in|we'?re (?:all )?in(?=\W*$|[.!,])|"
    r"count me in|i'?ll take it|i will take it|i take it(?=\W*(?:$|[.!]))|i'll sign|"
    r"we'?re good|we are good|all good|perfect|great,? (?:thanks|thank you|let'?s)|looks good|"
    r"sounds? (?:gd|gud|goood+|great+)|"
    r"fair enough|that'?s fair|"
    r"that'?s (?:fine|ok|okay|alright|all right|good|great|perfect)(?! (?:to|for the|with the|news)\b)|"
    r"done deal|you'?ve got (?:a|yourself a) deal|we can do that|we can make that work|"
    r"i can live with (?:that|it)|happy with (?:that|this|it)|happy with(?<!be happy with)|ok(?:ay)? then|"
    r"(?:is|are) (?:fine|ok|okay|good|great) (?:with|for) (?:me|us)|(?:\w+ )?(?:is|are) fine,|"
    r"alright then|wonderful|excellent,? (?:thanks|thank you)|which works|"
    r"\d[\w%.]* (?:works|it is(?!\s+\w)|it is then)|^\W*accept(?=\W*$|[.!])|"
    # "…? yes pls", "…and accept it", "I am content with step 1", "so yes to that", "I'm going to accept"
    r"(?<=[.?!] )(?:yes+|yeah+|yep)(?: (?:pl[sz]|please))?(?=\W*$)|"
    r"and (?:i )?accept (?:it|this|that|the (?:offer|revised|new|updated|figure|package))|"
    r"(?:i'?m|i am) (?:quite |perfectly |very |entirely )?content with|yes to (?:that|this|it)\b|"
    r"(?:i'?m|i am) (?:going to|gonna) accept" + _NOT_ANOTHER + r"|"
    r"i'?m agree|i am agree|am agree|agree with (?:all|everything|this|that|it)|ship it|"
    r"yes to (?:all|everything)|i will sign|accepting|is (?:def(?:initely)?|totally) fine|"
    r"are (?:def(?:initely)?|totally) fine|"
    r"days? ok(?:ay)?\W*$|weeks? ok(?:ay)?\W*$|"
    r"that'?s (?:amazing|awesome|fantastic|wonderful)|"
    # not "whatever is normal is fine": deferring to a norm the speaker does not know takes no figure
    r"(?<!you )(?<!mission )(?<!team )(?<!product )(?<!culture )(?<!company )(?<!people )(?<!u )(?<!normal )"
    r"(?<!standard )(?<!usual )(?<!typical )(?<!customary )"
    r"(?:is|are) (?:(?:very|really|so) )?(?:fine|ok|okay|good|great|perfect)\b(?! (?:to|for the|with the|news)\b))\b"
    r"|^\W*(?:ugh|well|sweet|woo+|lol|omg|ooh|whoa|wow|yay|whatever)[,.]?\s+(?:ok(?:ay)?|fine|sure|yes+|yeah+|alright|"
    r"cool|good)\b"
    r"(?!\s+(?:but|if)\b)"
    r"|\bbut (?:whatever|fine)(?=\s*(?:[.!]|$))"  # "4% is stingy but whatever.": grudgingly taken
    r"|^\W*(?:sweet|awesome|lovely|brilliant)(?=\s*(?:[^\w\s]|$))"  # "sweet, can u email it?", not "awesome team"
    r"|^\W*(?:ok(?:ay)?|ok+|k|fine|sure|yes+|yep|yeah+|yeh|yea|ya|yup|alright|cool|great|good|ack|done)\b"
    r"(?!\s+(?:but|if|morning|afternoon|evening|day|news|question|point|to|so|counter|hear)\b)"
)
ACCEPT_BLOCK = re.compile(
    r"\b(?:in return|in exchange|(?:accept|take) (?:a )?(?:less|lower|smaller|fewer)|but|if|unless|as long as|"
    r"provided|only if|on condition|not|no way|can'?t(?! wait)|cannot(?! wait)|won'?t|"
    r"no deal|does|(?:would|will)(?! work (?:well|great|fine|nicely|perfectly)| be (?:glad|happy|pleased|delighted|"
    r"thrilled|honou?red) to (?:accept|sign|join))|"
    r"do you|don'?t think|below|under|what i can|call it|and we|once|as soon as|subject to|"
    r"when (?:i|we|you) (?:get|see|receive|have|hear)|"
    r"for both|(?:and|(?<=\s)&) (?:i'?m|im) in|and i'?ll sign|and (?:it'?s|we have|we make) (?:a|the) deal|"
    # "…in writing before I formally accept", "I trust that is acceptable" (of a request just made)
    r"before (?:i|we)|(?:trust|hope) (?:that|this|it))\b|n't\b(?! wait)|(?<=\s)&(?= (?:i'?m|im) in\b)"
)
ACCEPT_THEN_ASK = re.compile(
    r"\b(?:i'?d like|i would like|i want|i need|could (?:you|we|i)|can (?:you|we|i)|would you|how about|"
    r"what about|there'?s|there is|we can|we could|let me|let'?s|is there|are there|"
    r"here'?s|here is|gimme|give me|tell me|walk me|remind me|what'?s|what is|where (?:are|do) we)\b"
)
# Words that soften or stress a judgement of a figure: "kinda low", "a little light", "somewhat below", "way too low"
SOFTENED = (r"(?:(?:(?:a )?little bit|a bit|a little|a tad|kinda|kind of|pretty|quite|too|really|very|rather|somewhat|"
            r"slightly|so|just|"
            r"way|well|far|considerably|honestly|frankly|still) )*")
REJECT = _cue(
    r"\b(?:can'?t|cannot|can not|couldn'?t|won'?t|will not|unable to|not able to) "
    r"(?:accept|agree|take|do|go (?:above|beyond|higher|over|any higher|past|lower|below)|work with|"
    r"offer|move|budge|change|match|stretch|justify|approve|add|include|give|make|meet|provide|exceed|"
    r"increase|raise|improve|say yes)\b"
    r"|\b(?:too low|too little|too small|too few|not enough|isn'?t enough|is not enough|"
    r"(?<!find )below (?:my|what|market)|(?:under|below) the market|"
    r"lower than (?:i|my|what)|doesn'?t work|does not work|doesn'?t cut it|does not cut it|"
    r"(?:is|'s|are) (?:just |simply |frankly )?(?:useless|a joke|insulting|laughable)|"
    r"does(?:n'?t| not) get (?:it|me|us|the job) done|won'?t work|not going to work|isn'?t going to work|"
    r"no way|not acceptable|unacceptable|not possible|impossible|out of the question|no deal|"
    r"i'?ll (?:have to )?pass|i(?:'ll| will)? (?:have to |must )?decline|not interested|no can do|"
    r"decline (?:the|your|this) offer|(?:was|were) expecting more|expected more|hoped for more|hoping for more than|"
    # "150 is kinda low for me", "84k seems a little low": a figure called low, softened or not (guide, fifth round)
    r"(?:is|seems|are|was|looks|feels|sounds) " + SOFTENED + r"low|"
    r"(?:is|seems|are|was|looks) (?:a bit |quite |too |really |very )?little|(?:2|to|too) low|"
    r"is capped at|are capped at|'s capped at|was capped at|be capped at|"
    r"(?<!which )(?:is|as) (?:our|the) (?:max|maximum|limit|top|cap|ceiling)|"
    r"top of (?:the|our) (?:band|range)|"
    r"as far as (?:i|we) can go|(?:is|'s) the most (?:we|i) can|the most (?:i|we) can (?:do|offer|give)|"
    r"too much|not sustainable|tops? out|(?:is|are) firm|"
    r"there'?s no(?! (?:misunderstanding|doubt|confusion|rush|hurry|problem|issue|need|new)\b)|"
    r"there is no(?! (?:misunderstanding|doubt|confusion|rush|hurry|problem|issue|need|new)\b)|"
    r"are (?:you|u) serious|a stretch|"
    r"(?:isn'?t|not|aren'?t) competitive|(?:have to|must|need to|going to|gonna) say no|say no to|"
    r"(?:under|below) what i (?:hoped|expected|wanted|was hoping)|"
    r"(?:under|below|less than) what i (?:earn|make|get)|(?<!not a )(?<!isn't a )(?<!n't a )deal ?-?breaker|"
    r"not willing to go (?:below|above|under|over|lower|higher)|won'?t go (?:below|under|lower)|"
    r"beyond what (?:we|i) can|don'?t think .{1,25} works?|"
    r"not happening|that'?s a no|not an option|off the table|not on the table|"
    r"we don'?t (?:offer|do|have|provide)|we do not (?:offer|do|have|provide)|isn'?t (?:possible|something we)|"
    r"(?:is|are|salary is|band is) (?:fixed|capped|set|non-?negotiable)|non-?negotiable|no room|"
    r"(?:hard|firm) (?:cap|limit|ceiling)|no flexibility|not flexible|can'?t budge|"
    r"that'?s (?:the|our) (?:max|maximum|limit|ceiling|best)|at (?:the|our) (?:max|limit|ceiling)|"
    r"nothing (?:more|else) (?:we|i) can|not something we|we'?re not able|i don'?t think (?:so|that works)|"
    r"i'?m afraid not|unfortunately (?:not|no|we can'?t|that'?s)|not in (?:the|our) budget|"
    r"beyond (?:our|the) budget|over (?:our|the) budget|budget (?:doesn'?t|does not|won'?t) allow|"
    r"i (?:must|have to|need to) say no|i'?m going to say no|i say no|no thanks|no thank you|"
    r"disappointed|disappointing|not (?:quite )?(?:what i|where i)|"
    # "far from what I need", not "far from my home"
    r"far from(?! (?:my |our |the )?(?:home|house|place|flat|apartment|office|city|centre|center|family|here|where))|"
    r"a bit low|quite low|rather low|"
    r"on the low side|lowball(?:ing|ed)?|low ?ball(?:ing)?|ridiculous|insult(?:ing)?|a joke|laughable|peanuts|"
    # "a 10k sign-on is nothing", "pathetic.": the figure on the table waved off as worthless (guide, fifth round)
    r"(?:is|'s|are) (?:just |simply |really |basically )?nothing(?=[.!;]|$| to me\b)|(?<!not )pathetic|"
    r"(?:is|are|seems?|feels?|looks?) (?:a bit |quite |really |very |both |too |pretty |kinda |so |way |far |much )?"
    r"(?:tough|rough|light|difficult|a problem|"
    r"small|short|insufficient|under|below)|insufficient|not be possible|won'?t (?:even )?cover|too far (?:below|"
    r"apart|from)|(?:bummed|unhappy|not happy|disappointed) (?:about|with)|unimpressed|wasting my time|falls? short|"
    r"(?:doesn'?t|does not) meet|saying no to|not (?:taking|accepting) (?:the|that|this|it)|"
    r"(?:doesn'?t|does not|won'?t) (?:even )?(?:cover|come close))\b"
    r"|^\W*(?:(?:lol|haha|ugh|hmm|um|well|sorry),?\s+)?(?:no|nah|nope)\b"
    r"(?=\s*(?:[^\w\s]|$|thanks|thank|way|i\b|that|sorry|we\b|not|sir))(?!,?\s*that'?s (?:all|everything|it)\b)"
    r"(?!,?\s*(?:sorry,?\s*)?i (?:meant|mean)\b)"  # "no, I meant 4 weeks" corrects the speaker's own words
    r"|,\s*no\W*$|^not for\b"
    # "€30?? No.", "Wait, no. We agreed…": a bare no as its own sentence
    r"|(?:^|[.!?]\s+)(?:(?:wait|hang on|hold on|hmm|um|uh|ugh|sorry|lol|well|honestly),?\s+)?(?:no|nope|nah)"
    r"\s*[.!]+(?:\s|$)"
)
# Refusals in everyday words ("base still low", "no 401k match at all?", "that's a pay cut"), gated apart from REJECT.
REFUSAL_WORDS = _cue(
    r"^\W*no [\w\s()'-]{1,30}? at all\b|\b(?:still (?:too |so |pretty )?(?:low|little)|pay ?cut|"
    r"at the (?:floor|bottom)|(?:hard|difficult|tough) for me|not quite there|still needs? (?:some |more )?work|"
    r"(?:be|is|'s|as) a (?:big |real |clear )?step (?:back|backwards|down)|(?:a |kind of a |kinda a )?downgrade|"
    r"(?:leave|leaves|leaving) (?:me|us) worse off|(?:be|'d be) taking a cut|bottom of the barrel|"
    r"(?:a )?(?:lil|little|bit|tad) (?:low|light)|(?:kinda|pretty|a bit|rather) meh|clown offer|"
    # "₪38,000 is far off", "€74k? that's barely a move", "$158k? come on.", "not there yet", "still short"
    r"nowhere near|(?:is|'s|still) (?:far|a long way) off|a long way (?:off|from)|not there yet|"
    r"still (?:a bit |too |way )?short|barely (?:a move|any (?:move|movement)|an improvement|moved?)|"
    r"(?:is|'s) (?:at )?the bottom of (?:the|your|my|their)|come on(?=\W*(?:$|[.!?,]))|"
    # soft refusals in chat words: "doesn't really cut it", "kinda hard to say yes to", "step 1 is kinda
    # brutal" (a figure called painful, not "the commute is brutal"), "that's not gonna fly", "two weeks is too
    # fast", "I must respectfully decline"
    r"(?:does(?:n'?t| not)|won'?t) (?:really |quite )?cut it|(?:hard|tough|difficult) to say yes|"
    r"(?<=\d)\w* (?:is|are|feels?|seems?) (?:honestly |kinda |kind of |pretty |a bit |a lil |a little |really |so )*"
    r"(?:brutal|painful)|"
    r"(?:not gonna|not going to|won'?t|doesn'?t|does not) fly|(?:is|'s|are) too (?:fast|soon|early|quick)|"
    r"not (?:yet |quite )?(?:able|in a position) to accept|(?:must|have to) (?:respectfully |regretfully )decline|"
    # "150 isn't a number I can accept", "not an offer we could take"
    r"(?:isn'?t|is not|not) (?:a |an |the )?(?:number|figure|offer|amount|package|salary|something|one) (?:that )?"
    r"(?:i|we) (?:can|could|would|will) (?:accept|take|live with|work with|agree to)|"
    # "twenty days is not sufficient", "ur offer is garbage", "the number stung a bit", "base is the problem"
    r"(?:is|are|'s) not (?:sufficient|adequate|enough)|(?:is|are|'s) (?:just |honestly |frankly )?(?:garbage|trash)|"
    r"(?:stung|stings)|(?:is|are) the (?:problem|sticking point|issue)(?=\W*$|[.!;])|"
    # "€1,000 is a little short for a proper desk", "17 days would not be sufficient", "$2,000 won't cover the
    # certificate", "15 days is the lowest I've seen", "puts me close to the bottom"
    r"(?:is|'s|are) (?:a (?:little|bit|tad) |slightly |somewhat )?short (?:for|of)|"
    r"(?:would|will)(?: not|n'?t) be (?:sufficient|enough|adequate)|"
    r"(?:won'?t|will not|doesn'?t|does not|wouldn'?t|would not) (?:fully )?cover (?:the|my|it)|"
    r"the lowest (?:i'?ve|i have) (?:seen|had|heard)|(?:close to|near|right at) the bottom)\b"
)
REQUEST = _cue(
    r"\b(?:can (?:you|we|i|u)|could (?:you|we|i|u)|would (?:you|we|u)|will you|may i|might you|"
    r"is it possible|any chance|possible to|i'?d (?:like|love|want|need|prefer|ask|hope)|i would (?:like|love|"
    r"want|need|prefer)|i (?:want|need|ask|request|expect|propose|suggest|prefer)|i'?m (?:asking|looking|hoping|"
    r"aiming|targeting|expecting)|i was (?:hoping|thinking|looking)|let'?s (?:say|make it|do|go|settle|meet)|"
    r"how about|what about|what if|we (?:can|could|will|'ll|would|are|'re) (?:offer|give|do|add|include|"
    r"provide|go|bump|raise|increase|move|make|happy|able|offering|prepared|willing)|we offer|"
    r"our offer|the offer (?:is|includes|comes)|your (?:\w+ )?(?:will be|would be|is)|you'?(?:ll| will) get|"
    r"you get|you'?d get|it comes with|comes with|includes?|including|plus|with|make it|bump|raise (?:it|the|that|my)|"
    # "more than fine", "more than generous" approve; they ask for no more
    r"increase|more(?! than (?:fine|enough|fair|generous|happy|ok|okay|good|reasonable))|extra|additional|higher|"
    r"better|improve|add|give me|get|meet me|split the difference|"
    r"counter(?:offer)?|propose|proposing|offering|need|want|asking for|ask for|looking for|hoping for|"
    r"target|expect|expecting|settle|at least|minimum|no less than|then)\b"
)
# A word that links a reason to an ask: a reason only when the message asks, refuses or trades something
# ("so I can read it carefully" behind a request for the contract gives no reason for a term).
REASON_LINK = _cue(
    r"\b(?:because|since|given (?:that|my|the|what|how)|"
    r"(?<!as long )(?<!as soon )(?<!as well )as i(?:'ve| have| am|'m)|"
    r"due to|considering(?! me\b)|"
    r"that'?s why|the reason|reasons?|so that|so i can|to be able to|in order to|hence|which is why|"
    r"to allow me|to let me|would let me|to reflect|in line with|so (?:the|my) (?:kids|children|family|partner)|"
    r"months'? notice|weeks'? notice|notice period|(?:have|my|a|one month|1 month) notice|"
    r"to cover (?:my|what i|the (?:move|bonus|gap|loss))|in light of|on that basis|for that reason|"
    r"(?:would|will|which|it'?d|it'?ll) (?:allow|free|save) (?:me|us)|(?:would|will|'d) make a (?:real |big |huge )?"
    r"difference|as (?:this|it) (?:will be|would be|is) my|to cover (?:this|that|it|the cost))\b"
)
# "since PTO is fixed by policy", "since I understand the band is fixed": the recruiter's limit, granted
CONSTRAINT_GRANTED = re.compile(
    r"\b(?:since|as|given(?: that)?|because)\s+(?:i (?:know|understand) (?:that )?)?(?:the |your |our )?"
    r"[\w-]+(?: [\w-]+)?\s+(?:is|are|can'?t|cannot|won'?t)\s+(?:fixed|firm|set|capped|locked|tight|limited|"
    r"not (?:negotiable|flexible)|move|budge|change|go)\b"
)
# Reasons in everyday words, without "because": a cost, a loss, a family move, current pay, a skill the team needs.
# Kept apart from JUSTIFY so the gate searches them only where one of their words is in the message.
REASON_WORDS = _cue(
    r"\b(?:"
    r"my family (?:lives?|is|are|has|needs)|moving (?:my|our) family|move from|that'?s because|"
    r"my(?<!cover my)(?<!covers my)(?<!for my) (?:mother|father|mum|mom|dad|parents?|family|partner|wife|husband|"
    r"spouse)\b|"
    r"(?:will|would|'ll|'d) lose|(?:say|said|told) me|i (?:receive|get|earn|make) today|i'?m on \S+ now|im on \S+|"
    r"(?<!over )(?<!for )(?<!after )(?<!in )(?<!within )(?<!every )"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:yrs?|years) (?:of )?(?:experience|exp|eng\w*|"
    r"in\b|at\b|as\b|doing|leading|managing|building|working)|led (?:\d|two|three|four|five|a team|teams)|mkt|"
    r"(?:a |big |real )?risk for (?:me|us)|(?:must|have to|need to) finish|i (?:really )?believe in|pay ?cut|"
    r"(?:bonus|equity|stock|options|salary|pension) (?:i'?m|i am|i'?d be|i would be) (?:walking away from|"
    r"leaving behind|giving up|losing|forfeiting)|walk(?:ing)? away from \(|"
    r"i (?:make|earn|bill|take home) (?:about |around |roughly )?[$€£₪]?\d|today i (?:earn|make|get)|"
    r"(?:the )?current (?:is|one is)|my current (?:package|total|plan)|"
    r"my current (?:company|employer|job|place|gig) (?:gives?|pays?|offers?|has)|"
    r"i (?:make|earn) \S+ (?:now|today|currently|rn)|fees?|comes? to|expensive|(?:ain'?t|isn'?t|not) cheap|"
    r"costs?(?: me| us| about| around| near| roughly| almost| over| [$€£₪~]| \d)|(?:would|will|it'?ll|it would) cost|"
    r"quotes?|quoted|a round trip|forfeit\w*|losing|"
    r"walk(?:ing)? away from (?:a |an |my |the )?(?:[$€£₪~]?\d|(?:\w+ )?(?:bonus|equity|stock|options|rsus?|pension))|"
    r"retention bonus|in my country|(?:is|are) normal\b|every(?:body|one) (?:has|have|gets?|gives?)|"
    r"all (?:the )?companies (?:give|pay|offer|have)|family of|baby|pregnan\w*|"
    r"care for|pick ?-?ups?|first[- ]time (?:manager|managing|manag\w+)|i (?:bike|cycle|walk|drive) "
    r"(?:to|everywhere)|i live|uproot\w*|i(?: am|'m)? (?:a )?speaker|"
    r"(?:i have|i hold|i'?ve got) (?:the |a |an |my )?(?:\w+ )?certificat\w*|"
    r"(?:has|have) (?:already )?(?:built|led|shipped|delivered|run|managed)|(?:i'?ve|i have) been the|"
    r"(?:better )?reflects? my|would reflect|(?:bring|brings|add|adds) value|is (?:really )?(?:a )?senior (?:one|role)|"
    r"(?:is )?senior at most|exactly this kind|at my (?:last|previous|current) (?:job|company|role|place|"
    r"employer|two jobs)|help (?:me )?ramp|ramp (?:up )?faster|(?:help|helps) a lot w(?:ith|/)|"
    r"believe in (?:the|this|your) (?:product|mission|company)|bullish|benchmarks?|reached out|approached by|"
    r"recruiters? (?:\w+ ){0,6}(?:said|told|say|says)|careers page|"
    r"(?<!fixed )(?:per|under) the (?:collective )?agreement|"
    r"the agreement (?:lets|allows|says)|"
    r"(?:is|'s) (?:brutal|dying|broken|ancient|killing me|a nightmare|exhausting)|daylight robbery|"
    r"colleagues (?:\w+ ){0,4}(?:have|get|already)|i'?ve (?:hired|mentored)|my (?:thesis|dissertation)|"
    r"cost of living|"
    # situations people give as reasons in chat: a first management job, a course to finish, money out of
    # pocket, family far away or on the way, a move, school changes, caregiving, current pay said plainly
    r"first (?:\w+ )?(?:mgmt|management|manager|managing|leadership) (?:role|job|position)|"
    r"first time (?:as|being) (?:a )?(?:manager|mgr|lead)|(?:to|must|have to|need to) (?:finish|complete) my|"
    r"out of (?:my|our) (?:own )?pocket|my fam\b|(?:moving|move) the (?:whole )?fam(?:ily)?|"
    r"(?:us|we'?re|we are) expecting|kids? (?:changing|starting|switching) schools?|caregiv\w+|"
    r"i(?:'m| am) (?:now|currently) at|my actual (?:salary|pay|package)|(?:i'?ve|i have) been an? "
    r"(?:senior|lead|staff|principal) )\b"
)
JUSTIFY = _cue(
    r"\b(?:my (?:commute|kids?|children|"
    r"mortgage|rent|situation|health(?! (?:insurance|plan|cover|care|benefits?))|back|daughter|son|baby|"
    r"student loans?|loans|experience|background|"
    r"track record|skills|results|research|scope|publication)|i (?:currently|now) (?:make|earn|get|have)|"
    r"i (?:make|earn) \S+ (?:now|today|currently)|what i (?:earn|make)|i'?m at \S+ (?:now|right now|today)|"
    r"currently (?:making|earning|on|at|get|getting)|"
    r"at my current (?:job|role|salary|company|package)|my current (?:salary|package|base|pay)|"
    r"market|levels(?:\.fyi)?|glassdoor|payscale|blind|salary survey|survey|(?:market|salary|pay) data|"
    r"the data (?:shows?|says|suggests)|"
    r"data (?:shows?|says|from|suggests)|research|researched|"
    r"average|median|percentile|benchmark|industry (?:standard|rate|norm)|typical(?:ly)?|going rate|"
    r"unvested|leave (?:behind|on the table)|what i (?:lose|leave|give up|forfeit)|"
    r"comparable|peers|similar roles|most companies|other companies|in this area|in (?:this|the) city|"
    r"years? of experience|yoe|\d+ years in|i'?ve (?:led|built|managed|shipped|grown|delivered|scaled|"
    r"launched|increased|saved|run)|i (?:led|built|managed|shipped|grew|delivered|scaled|launched|"
    r"bring|have (?:\d+|\w+) years)|i'?m (?:bringing|certified|a senior|an expert|the only)|"
    r"(?:for|with) school|pickups?|my next move|help me grow|wrap up|"
    r"i'?m confident (?:that )?i|i can (?:add|bring|contribute)|add a lot|"
    r"i already(?! (?:said|told|asked|mentioned|accepted|agreed|explained))|i have my own|"
    r"others (?:at|in|with)|went up|gone up|costs? me|rents?|responsibilit(?:y|ies)|i'?ll be the one|owning|"
    r"a team of|(?:was|got|been) promoted|on-?call|leaving \S+(?: \S+)? behind|spoke (?:to|with) my|"
    r"make the move work|"
    r"my (?:phd|degree|certification)|cost of living|inflation|childcare|school run|caring for|"
    r"long commute|hours? (?:each way|commute)|moving (?:from|across)|(?:i'?m|we'?re|i am|we are) moving to|"
    r"isn'?t reachable|not reachable|"
    # what the ask would make possible, and what ties the speaker's hands, said in plain words: "it would make my
    # commute much easier", "the kids must finish school", "I need some security"
    r"(?:would|will|it'?d|could) make (?:\w+ ){0,3}?(?:considerably |much |a lot |so much |far )?(?:easier|simpler|"
    r"feasible|workable)|make a (?:real |big |huge )?difference|"
    r"(?:kids?|children|son|daughter) (?:must|have to|need to|should) (?:finish|complete)|"
    r"(?:need|want|value|like) (?:some |a |a bit of )?(?:security|safety net)|"
    r"no public transport|(?:,|;) as (?:my|i|we|the|our)|(?:is|are) (?:normal|standard|common) (?:in|at|for)|"
    r"i (?:study|am studying|'m studying)|"
    r"i rely on|"
    # personal reasons said without "because"
    r"my (?:partner|wife|husband|mother|mum|mom|father|dad|parents|family|"
    r"spouse|son|daughter) (?:is|has|works|only|moves|lives|needs|and i|can'?t)|my visa|"
    r"(?:i|i'?d|i would) lose|my last employer|i'?d be moving|(?:to see|to visit|visiting) (?:my|them|family)|"
    r"i meet (?:every|all|each)|(?:back|health|medical) condition|"
    r"i have (?:family|kids|two kids|three kids|children|a family|to give)|planning a family|"
    r"i have (?:two|three|four|\d|small|young) (?:small |young )?(?:kids|children)|family (?:abroad|in)|"
    r"(?:i'?m|we'?re) (?:finishing|relocating|moving|studying|expecting|caring)|i (?:coach|volunteer|train|care for|"
    r"live \S+ (?:\S+ )?away)|kids in|daycare|there'?s no (?:train|bus)|"
    r"isn'?t cheap|(?:commute|rent|mortgage) is|budgets? (?:were|was) set|company policy|"
    # the commute told as the trip: "the travel to office is more than one hour", "my drive to work takes 80 minutes"
    r"(?:travel|trip|journey|drive|ride|way) to (?:the )?(?:office|work) (?:is|takes)|"
    r"(?:the )?same for everyone|kicks? off|meets in person|"
    # what the user has done, and why the offer falls short, said without "because"
    r"i(?:'ve| have)? (?:worked|been (?:leading|working|running|the \w+ lead|a \w+ lead)|spent the last)|"
    r"having (?:worked|led|built|run|managed)|i'?ve taken|"
    r"(?:won'?t|wouldn'?t|doesn'?t|does not|will not|would not|can'?t|cannot) (?:even )?cover|insufficient|"
    r"(?:is|it'?s) my only|(?:i'?ve|i have) been quoted|"
    r"(?:is|it'?s) (?:normal|standard|common|usual) (?:in|at|for|here)|"
    # own value and market data: see OWN_VALUE and MARKET, which also count as reasons
    r"according to|salary (?:guide|report|insights)|(?:job )?(?:ads?|postings?|listings?)|statistics|midpoint|"
    r"i (?:speak(?! (?:about|of|with|to|for)\b)|hold(?! (?:a |an |the )?(?:\w+ )?offer)|beat|exceeded|already know)|"
    r"fluent in|"
    r"(?:aws |pmp |\w+ )?certified|"
    r"(?:i have|i hold|i'?ve got|i got|i (?:have )?(?:earned|passed)) (?:a |an |the |my )?(?:\w+ )?certs?\b|"
    r"(?:which|that) (?:your|the) (?:\w+ )?(?:team|clients|office)|(?:help|helps) with (?:your|the)|"
    r"your experience|i'?ll be (?:leading|running|managing))\b"
)
ENTHUSIASM = _cue(
    r"\b(?:excited|(?<!not )exciting|(?<=very )excite|thrilled|stoked|pumped|delighted|eager|keen|enthusiastic|"
    r"passionate|"
    r"(?:i |we |really |truly |absolutely )(?:love|adore)|(?:i|we|i'?ve|we'?ve|i have|i really|i truly|i just) loved|"
    r"dream (?:job|role|company)|can'?t wait|looking forward|really (?:want|like|keen)|"
    r"(?:would|'d) (?:really )?(?:love|like) to (?:join|work|be part)|(?:would|'d) (?:really )?love to (?:accept|sign)|"
    r"great (?:team|company|fit|opportunity|mission|product|culture)|"
    r"(?<!would be )(?:amazing|fantastic|awesome)|fit (?:perfectly|really well)|perfect fit|big fan|huge fan|"
    # "wow", "yay" and "good to hear" greet news; they do not say the speaker wants the job (live players agreed)
    r"welcome aboard|welcome to the team|favou?rite|great news|good news|wants you|loved you|"
    r"i prefer (?:your|you|this)|"
    r"very (?:interested|excited|happy|keen)|genuinely|honou?red|motivated|inspired|impressed|"
    r"(?<!'d )(?<!would )love (?:the|this|your|what|it|working)|"
    r"i like (?:the|this|your) (?:team|role|company|mission|product|people)|"
    r"i'?m (?:all in|sold|super (?:keen|excited|happy))|happy to be|glad to (?:be|join)|"
    r"(?:want|wanna|keen) to (?:join|be part|work with you)|i really want this)\b"
)
# Keenness in everyday words (the company preferred, the job wanted), gated apart from ENTHUSIASM.
KEEN_WORDS = _cue(
    r"\b(?:(?:first|top) choice|(?:prefer|rather|like) to (?:join|choose|be with|work with|be part of) "
    r"(?:you|your|this|the)|"
    r"(?:choose|pick) you|(?:i'?d|i would) (?:still |much |really )?rather "
    r"(?:join (?!the\b|a\b|an\b)\w+|(?:be|work|build(?: [^,;.!?]{1,25}?)?) (?:here|with you))|"
    r"(?:yours|this one|this offer) is the one i want|"
    r"leaning (?:toward|towards) (?:you|this|the offer|joining)|leaning yes|hyped|"
    r"(?:want|need|wanted|love) (?:this|the) (?:job|role|position|offer)|job i'?ve wanted|"
    r"(?:great|good|perfect) match|i like very much|i believe in|bullish|look forward to|"
    r"want to make this work|(?:near|close|dear) to my heart|"
    # "I'd rather be at Lumen", "I'd prefer to join Kestrel", "remains my preferred choice", "I remain most interested
    # in you", "I want to take the job", "I care a lot about this mission"
    r"(?:i'?d|i would) (?:still |much |really |honestly )?(?:rather be|prefer to (?:be|join|work)) "
    r"(?:at|with|in|for)? ?"
    r"(?!(?:the|my|a|an|another|other|home|office|remote|honest|transparent|upfront|clear|direct|frank|safe|sure|"
    r"realistic|careful|straight)\b)[a-z]{3,}|preferred choice|"
    r"remain(?:s)? (?:most |very |really |genuinely )?(?:interested|keen)|"
    r"want to take (?:the|this) (?:job|role|position|offer)|"
    r"care (?:a lot|deeply|so much|a great deal) about (?:this|the|your) (?:mission|work|team|cause|company)|"
    r"(?:have )?long admired|"
    r"(?:glad|happy|thrilled|pleased|grateful) (?:for|to (?:get|receive)|about) (?:\w+ )?(?:the |this |your )?offer"
    r"(?!,? but))"
)
COMPETING = _cue(
    r"\b(?:(?<!in )(?<!at )(?:another|other|competing|second|rival|parallel|different|better|higher|external) "
    r"(?:offers?|company|companies|co|cos|bank|"
    r"employer|firm|startup|place)|offers? (?:from|at(?! least| most| minimum)|elsewhere|on the table)|"
    # "another robotics co offered…", "a rival fintech firm": the kind of company said between
    r"(?:another|rival|competing) [a-z-]+ (?:company|co|firm|startup|bank|employer)|"
    # "the county already offered to pay for it", "their sign-on", "my employer will make a counteroffer", "I'm
    # waiting for the answer from Siemens": a rival's offer, made or expected
    r"(?<!you )(?<!you've )(?<!youve )(?<!we )(?<!we've )already offered (?:me|to (?:pay|cover|match|give))|"
    r"their (?:offer|sign-?on)|"
    r"(?:they|he|she|employer|company|boss|manager)(?: will| would|'ll| are going to| is going to| might)? make "
    r"(?:me )?a counter ?-?offer|"
    r"waiting (?:also )?(?:for |on )?(?:the |an? )?(?:answer|offer|decision|response) (?:also )?from (?!my |our )|"
    r"counter(?<!my counter)(?<!make a counter)(?<!making a counter)(?<!here's a counter) ?-?offer|"
    r"(?:they|he|she|[a-z]+ corp|[a-z]+ inc|google|meta|amazon|microsoft|apple|netflix|a competitor|"
    r"competitor|a startup|a bank) "
    r"(?:is |are |has |have )?(?:just |also |even |already )?(?:offered|offering|offers|would pay|"
    r"will pay|pays|matched|countered|put \S+ on the table)|"
    # "they also give me a 10% bonus": only with "also" or "even" (a bare "give" is most often a request)
    r"(?:they|he|she|[a-z]+ corp|[a-z]+ inc|a competitor|competitor|a startup|a bank) (?:also|even) giv(?:e|es|ing)\b|"
    # the current employer paying is current pay (evidence); countering to keep the candidate is a rival offer
    r"(?:my current (?:employer|company|job|boss|manager)|my (?:employer|boss|manager)) "
    r"(?:is |are |has |have )?(?:just )?(?:offered|matched|countered|counter-?offered|made a counter|"
    r"put \S+ on the table)|"
    r"offered me|been offered|(?:got|have|received|hold|holding) (?:an?|another) (?:written |verbal |firm |new )?offer|"
    r"approached by|(?:another|a second|a different) (?:company|firm|employer|startup|bank) (?:has |have |just )*"
    r"(?:extended|made|sent|given)|"
    r"in talks with|also interviewing|other opportunit(?:y|ies)|another opportunity|multiple offers|two offers|"
    r"final[- ]rounds?|deadline elsewhere|interview\w* elsewhere|process elsewhere|"
    r"anoth?r offer|competing|(?:accepted|taken|signed|accept|take) (?:another|a different) (?:position|role|job)|"
    # "41k elsewhere, match?", "I have ₪41,000 on the table elsewhere", "…or I take the other job", "received a
    # written offer", "two firms have quoted me €80k"
    r"\d[\d.,]*k?\s+(?:[a-z/]+\s+){0,4}?(?:elsewhere|somewhere else)|"
    r"(?:or|otherwise|else|then|,) i(?:'ll| will)? take the other (?:job|role|position)|"
    r"(?:received|got|have|hold) a (?:written |verbal |firm |formal )offer|"
    r"(?:they|companies|company|firms?) (?:have |has )?quoted me)\b"
)
# "I told the other company no": a rival offer turned down is no longer leverage
RIVAL_TURNED_DOWN = re.compile(r"\b(?:told|turned down|declined|said no to) (?:the other|the rival|another|that other)"
                               r" (?:company|firm|offer|employer|one)\b")
TRADE = _cue(
    r"\b(?:in exchange|in return|trade(?:[- ]off)?|trading|swap|exchange for|"
    r"(?:give|giving|gave) (?:it |them |that |those )?up|forgo|forego|drop (?:the|my)|"
    r"means (?:dropping|giving up|losing) (?:the|my)|substitute for|in lieu of|"
    # a perk let go for what is asked beside it: "I don't need the sign-on, better for me is 5 more days", "the gym
    # money I don't need, give me a remote day", "…so could we meet at $162k, and I'll stop pushing on equity?"
    r"i (?:do not|don'?t|dont|not|no longer) need (?:the|my|that|this|your|any)\b[^?!;]{0,50}?"
    r"(?:\binstead\b|\brather\b|give me|better for me|you can give|i'?d (?:rather|prefer))|"
    r"(?:i (?:don'?t|dont|do not|not) need|i can (?:live|do) without)(?=[,.]? ?(?:give me|better|you can give))|"
    r"i'?ll stop (?:pushing|asking) (?:on|for)|"
    r"forget (?:about )?the \w+(?:[ -]\w+)*,? give me|"
    r"i(?: can| could| would|'d| will|'ll) (?:accept|take|live with|settle for|go with|do) (?:a |the )?"
    r"(?:lower|less|smaller|fewer|reduced|slightly lower)|(?:lower|less|smaller|fewer) \w+(?: \w+)? if|"
    r"(?:lower|reduce|cut) (?:the |my )?\w+(?:[ -]\w+)?(?: to \S+)? for (?:a|an|more|extra|\d|two|three|four|five)|"
    # a condition met by giving something up; "if you can get to 182k, I'll sign" gives nothing up
    r"if (?:you|we) .{0,60}(?:i|then i)(?:'ll| will| can| could|'d| would) (?:happily |gladly |even )?"
    r"(?:drop|give up|forgo|forego|skip|waive|lower|reduce|cut|trade|take (?:a |the )?(?:lower|less|smaller|reduced)|"
    r"accept (?:a |the )?(?:lower|less|smaller|reduced)|start (?:earlier|sooner|later)|push|commit|"
    r"do without|go without|live without|give)|"
    r"(?:i'?ll|ill|i will|i'?d|i would|i can|i could) (?:happily |gladly )?take \S+ less|"
    r"i (?:can|could|'d|would|'ll|will) (?:do|start|give|drop|skip|waive|push|move)\b[^.;!?]{0,40}\bif (?:you|u) "
    r"(?:can |could |would )?(?:give|add|do|offer|bump|raise|include|pay|cover|move|go|get|make)|"
    r"for that,? i|balance (?:it|that) (?:out|with)|compensate (?:with|by)|"
    r"i'?ll trade|happy to trade|in place of|(?:you|u) can keep the|"
    r"(?:rather|prefer) (?:have|get) .{1,40} than|if you accept|earlier if|later if|sooner if)\b"
)
REQUEST_TIME = _cue(
    r"\b(?:sleep on (?:it|this|that)|think (?:about|abt|over|ovr|things)|"
    r"lemme (?:think|check|sleep|chat|talk|get back)|"
    r"think(?<!\bi think)(?<!\bi really think) (?:it|this|that)(?!'s| is| would| will| could| brings?)|"
    r"(?<!i )think$|mull (?:it|this|that) over|"
    r"(?:some|a bit of|a little|more) time(?! off)|"
    r"(?:a few days?|a couple (?:of )?days|(?:a|an|one|the) (?:day|evening|night|week|weekend)|a moment|"
    r"a minute|\d+ days?|\w+ days) (?:to (?:think|consider|decide|reflect|review|mull|sleep|read|look|go|talk|discuss)"
    r"|or (?:so|two))|"
    r"(?:need|needs|want|like|get|have|take|give (?:me|us)|allow (?:me|us)) (?:some |a little |a bit of |more )?time"
    r"(?! to (?:settle|move|relocate|find|prepare|wrap|finish|pack))|(?:have|get|take) a (?:couple|few) (?:of )?days\b"
    r"(?! (?:off|of (?:pto|leave|vacation|holiday))|\s+(?:more|extra))|"
    r"take (?:a|the|some|a few) (?:day|days|week|weekend|night|moment|minute)s?|"
    r"take (?:two|three|\d+) (?:days|nights|weeks|hours) to|"
    r"until (?:the )?end of (?:the )?(?:day|week|month)|till (?:the )?end of (?:the )?(?:day|week|month)|"
    r"until (?:tuesday|wednesday|thursday|the weekend)|till (?:monday|tuesday|wednesday|thursday|friday|the weekend|"
    r"tomorrow|next week)|"
    r"get back to (?:you|me)|come back to you|circle back|revert|"
    r"(?:talk|speak|discuss|check|consult|run|go over|think|chat|review|look at|look over|go through|decide) "
    r"(?:it |this |that |them |things |the offer |everything )?"
    r"(?:over |through |together )?"
    r"(?:with|w/?|by|to) (?:my |our |the )?"
    r"(?:wife|husband|partner|family|spouse|sister|brother|parents|mum|mom|dad|team|manager|finance|hr|boss|lawyer|accountant|mentor|leadership|"
    r"comp team|hiring manager|people|committee|founders?|ceo|cfo|board|director|vp|budget owner)|"
    r"show (?:it |this |that |them )?(?:to )?(?:my|our) (?:wife|husband|partner|family|spouse)|"
    r"check with (?:the|my|our) (?:team|manager|hr|finance|boss|budget|comp)|let me (?:check|confirm|see|think|"
    r"consider|review|reflect)|i'?ll (?:check|"
    r"confirm(?! (?:today|now|tonight|right away|straight away|immediately))|see what|ask|review|consider|reflect)|"
    r"(?:decide|decision|answer|respond|reply|confirm) (?!by e-?mail|in writing|in full)(?:(?:to )?you )?"
    r"(?:by|before|on (?=monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)|in|within|tomorrow|"
    r"monday|tuesday|"
    r"wednesday|thursday|friday|next)|by (?:tomorrow|monday|tuesday|wednesday|thursday|friday|the weekend|"
    r"end of (?:the )?(?:day|week)|eod|eow|next week)|"
    r"(?<!start )(?:in|within) (?:a|the next|\d+|a few|two|three|24|48|72) (?:hours?|days?)|"
    r"not ready to (?:decide|commit|sign)|not sure (?:about|yet)|still deciding|haven'?t decided|undecided|"
    r"don'?t want to rush|"
    r"need to (?:consider|reflect|think|review|process|digest)|need a (?:day|moment|minute|night|week)|"
    r"give me (?:a (?:day|few days|week|moment|minute|bit|couple)|some time|until|till)|"
    r"until (?:monday|tomorrow|friday|next week)|hold (?:on|off)|"
    r"take (?:some|a little) time|let me get back|i'?ll get back|we'?ll get back|get back to you|"
    # "a couple more days before I give you an answer", "few days for think", "before I decide", "once I've reviewed"
    r"(?:a |some |a few |few |a couple (?:of )?|two |three |\d+ )?(?:more )?(?:days?|time|weeks?) "
    r"(?:for (?:think|thinking|reflection|reflecting)|before (?:i|we) (?:give|decide|answer|respond|get back|"
    r"make (?:a|my|the|our) (?:final )?decision))|"
    r"(?<=\w )before (?:i|we) (?:decide|make (?:a|my|the|our) (?:final )?decision|say yes)|"
    r"(?:look|read|go) (?:it |this |that |them |everything )?over (?:tonight|tomorrow|this weekend|over the weekend)|"
    r"once (?:i'?ve|i have|we'?ve|we have) (?:reviewed|thought|considered|had (?:a |some )?(?:chance|time|look)))\b"
)
REQUEST_WRITING = _cue(
    r"\b(?:in writing|written(?: offer| confirmation| down)?|writing|write (?:it|that|this) (?:up|down)|"
    r"e-?mail|mail (?:it|me|that)|send (?:it|me|that|this|over|the|an|a|over the|through|across)|"
    r"offer letter|contract|paperwork|(?:it|that|this|everything|all|them|down) on paper|formal(?:ly)? offer|"
    r"official offer|write (?:it |that |this )?in(?:to)?|the letter (?:by|reflects|shows|includes|says|states)|"
    r"the letter to (?:mention|include|say|state|reflect|list|show)|"
    r"document(?:ed)?|docs?(?! for)|signed copy|pdf|in the letter|put (?:it|that|this|those|everything|all of that|"
    r"all that|them) (?:in|into|down)(?! (?:the |my )?(?:base|salary|sign|bonus|equity|pto))|"
    r"updated offer|revised offer|new offer letter|get it in)\b"
)
QUIT = _cue(
    r"\b(?:(?<!be )(?<!not )(?<!n't )walk(?:ing)? away(?! from (?!this|the (?:deal|offer|negotiation|table|talks)|"
    r"it\b|you\b))(?!\s+from(?:\W*$|\s*[,;.)]))"
    r"(?!\s+(?:isn'?t|is not|wouldn'?t|would not|or anything))|"
    r"i'?m (?:out|done|leaving)(?! (?:my|a|an|the|\w+ behind|behind))(?![^.!?]{0,40}\bbehind\b)|"
    r"i am (?:out|done)|we'?re done here|"
    r"forget (?:it|this|about it)|"
    r"(?:i|we) (?:will|'ll|have to|must) (?:pass|withdraw|walk)|withdraw(?:ing)? (?:my|from)|"
    r"decline (?:the|your|this) offer|declining (?:the|your|this) offer|turn(?:ing)? (?:it|this|the offer) down|"
    r"end (?:the|this) (?:negotiation|conversation|chat|session|practice)|let'?s end|"
    r"(?:bye|goodbye|good bye|ciao|farewell|see ya)\b|"
    r"no deal|not (?:interested|moving forward|going forward) (?:anymore|any more|with this|with the offer)|"
    r"i'?ll (?:go|take the other|accept the other|look) elsewhere|"
    r"(?<!than )(?<!not )(?<!n't )(?<!than to )(?:take the other offer|accept (?:the )?other offer)|"
    r"going with (?:the other|another)|stop (?:this|here|the negotiation)|"
    # "I give up" ends the talks; "I give up my yearly bonus" gives something up
    r"i give up(?!\s+(?:my|the|a|an|some|part|half|all of|\$|€|£|₪|\d))|waste of (?:my )?time|"
    r"end of (?:the )?discussion|we'?ll part ways|part ways|i quit(?! (?:my|a|the|that|his|her|over|because))|"
    r"done negotiating|done here|i'?ll pass(?!\s+on)|i'?m declining|im declining|"
    # "I must decline a base of $84k" refuses a term; "I must decline (the offer)" ends the talks
    r"(?:going to|gonna|will|'ll|decided? to|have to|must|need to) (?:respectfully )?(?:"
    r"decline(?!\s+(?:a|an)\s|\s+(?:the|your|this|that)\s+(?!offer|role|job|position|opportunity)\w)|withdraw|"
    r"pass on (?:this|the offer|it|the role)|turn (?:it |this |the offer |the role )?down)|"
    r"(?:decided?|decision) (?:to )?not (?:to )?(?:accept|pursue|take|move forward)|not to pursue|"
    r"turn(?:ed|ing)? down (?:the|your|this) (?:offer|role|position)|withdrawal from|"
    r"(?:isn'?t|is not|not) the right (?:fit|move|role|opportunity) for me|(?:isn'?t|is not) the right fit|"
    r"unable to (?:take|accept) the (?:role|job|position|offer)|say no to the whole|"
    r"declining (?:this|the|your) offer|i'?ll be passing on (?:this|the|it)|i'?m passing on (?:this|the|it)|"
    r"i am passing on (?:this|the|it)|a no from me|"
    r"i will not accept (?:this|the|your) offer|not be moving forward|^\W*(?:no,? )?(?:thx|thanks),? declining|"
    r"good luck (?:to you|w(?:ith|/)? (?:the|your) (?:search|hiring)|filling)|"
    r"best of luck (?:to you|w(?:ith|/)? (?:the|your) (?:search|hiring)|filling)|"
    # "pass. good luck", "I will not take this job", "I'll just go with the other company", "I have accepted another
    # position", "I'll have to say no." / "…say no to the role", "not taking it. declining": the talks end
    r"^\W*pass(?=\W*(?:$|[.!,]))|(?:^|[.!,]\s*)declin(?:e|ing)(?=\W*$)|"
    r"(?:will not|won'?t|not going to|cannot|can'?t) (?:take|accept) (?:this|the) (?:job|role|position)|"
    r"(?:'ll|will|gonna|going to) (?:just )?go with (?:the other|another|a different)|"
    r"(?<!not )(?<!n't )(?:decided to|have|'ve|had) (?:accept(?:ed)?|take|taken|signed with) "
    r"(?:another|a different) (?:offer|position|role|job|company)|"
    r"(?:have to|must|need to|going to|gonna) say no"
    r"(?=\W*$|[.!;]| [-–—] | to (?:the|this|your) (?:role|job|position|offer)\b)|"
    r"hope our paths cross|"
    r"decided to (?:stay|remain) (?:with|at|where)|decision to (?:stay|remain) (?:with|at|where))\b"
)
QUIT_ALONE = re.compile(r"^\W*(?:quit|exit|stop|end|bye|goodbye|i quit|i'?m out)\W*$")

MARKET = _cue(
    r"\b(?:market|mkt|levels(?:\.fyi)?|glassdoor|payscale|blind|survey|(?:market|salary|pay) data|"
    r"the data (?:shows?|says|suggests)|"
    r"data (?:shows?|says|from|suggests)|(?:my|some|of|did|done|doing|based on|from) research\b|researched|"
    r"research (?:shows?|says|suggests|puts|indicates)|(?<!hours on )(?<!week on )average|median|"
    r"percentile|benchmarks?|industry (?:standard|rate|norm)|typically (?:pay|get|offer|sit|earn|make|start)|"
    r"(?:is|are) typical|going rate|comparable (?:[\w-]+ ){0,3}(?:roles|positions|companies|jobs|startups|firms)|peers|"
    r"similar roles|most companies|other companies|all (?:the )?companies|in this area|in (?:this|the) city(?! cent)|"
    r"what others|recruiters? (?:told|say|said|have|has|from|called|reached)|a recruiter|standard for|the norm|"
    r"norm for|"
    r"according to|salary (?:guide|report|insights)|(?:job )?(?:ads|postings?|listings?)|the ad\b|"
    r"statistics|midpoint|robert half|robert walters|michael page|hays|radford|mercer|linkedin|indeed|stepstone|carta|"
    r"(?:is|are) (?:normal|standard|common|usual) (?:in|for|across|at|among)|as standard|is normal\b|"
    r"(?:other|most) (?:firms|startups|banks|"
    r"employers|companies)|competitors|everyone i know|everybody|in my country|common practice|"
    r"(?:friends?|mates?|buddy|buddies|colleagues?|contacts?)(?: of mine)? (?:in|at|with|who|says|said|tells?|told|"
    r"works?|gets?|got|there)|(?<!asking for )(?:my|a) (?:\w+ )?friend|some colleagues|"
    r"(?:people|ppl|others|folks|managers|"
    r"engineers|designers|developers|\w+ers) i know|people (?:with|in) my|"
    r"(?:at|for) my level|in my field|(?:in|across) (?:this|the) (?:sector|industry)|"
    r"companies (?:your|of your) size|(?:roles|jobs|positions|offers|postings|ads) i'?ve seen|"
    r"what i (?:see|'?m seeing|am seeing) (?:for|in|at|around)|"
    r"from what i'?ve seen|what i'?ve (?:seen|heard|read)|i'?ve (?:seen|heard|read) (?:at|for|in|from|that)|"
    r"range (?:for (?:this|the|my|similar|comparable|senior|people|\w+ (?:managers|engineers|roles|designers))|"
    r"i'?m seeing|i'?ve seen|i see)|(?:top|bottom|low end|high end|middle) of the (?:[^\s.;!?]+ )?range|"
    r"published (?:scale|range|band)|"
    r"roles i'?ve (?:interviewed|applied|been approached)|i spoke (?:with|to) (?:\w+ )?\w+s at|(?:companies|"
    r"firms|fintechs|startups|recruiters|people) i spoke (?:with|to)|(?:in|across) this space|"
    r"earning between|(?:last|recent) (?:few )?hires|"
    r"going (?:salary|rate)|what the role pays|pays elsewhere)\b"
)
# Evidence the speaker waves away, said just before a market cue: "I do not need market figures", "forget the
# survey", "who cares what other companies pay". Searched only before a market cue that matched.
EVIDENCE_WAVED_AWAY_BEFORE = re.compile(
    r"(?:\b(?:do|does|did)(?:n'?t| not)|\bno need (?:for|of)|\bnever mind|\bforget(?: about)?|"
    r"\bwho cares(?: about)?|\bspare me|\bskip)\s+"
    r"(?:(?:need|want|care|about|for|any|the|your|those|these|some|what)\s+){0,3}$"
)
# Market talk only the market_data signal looks for: how the figures of the message are read (MARKET) stays as it
# was, so a figure beside "companies this size" keeps its role.
MARKET_TALK = _cue(
    r"\b(?:"
    r"(?:compan(?:y|ies)|firms?|organi[sz]ations?|orgs?|startups?|employers?|places?) (?:of )?(?:your|this|that|"
    r"similar) size|"
    # what people in a role are paid, said with the figure: "EM roles at firms this size pay $170k-$190k",
    # "seniors in Berlin are paid 70-82k", "grants at this stage run $20k-$40k"
    r"(?:roles|positions|managers|engineers|analysts|designers|developers|devs|leads|people|folks|seniors|juniors|"
    r"hires|employees|grants|salaries|packages)\b"
    r"[^.;!?]{0,50}?\b(?:pay|paying|make|earn|get|take|(?:are|get) paid|earning|making|getting|runs?|range|"
    r"are(?: \w+ly)?(?: at| around| about| between| in)?)\s+"
    r"(?:around |about |roughly |between |from |anywhere from |somewhere )?[$€£₪]?\d[\d.,]*\w*|"
    r"\bpay (?:in|at|for) [^.;!?]{1,40}?\b(?:runs?|ranges?|sits?|goes|is) (?:from |between )?[$€£₪]?\d[\d.,]*\w*|"
    # a pay scale quoted by its ends: "the published scale runs from $71,200 at step 1 to $89,000 at step 6"
    r"published (?:pay |salary )?(?:scale|range|band|grid)s?|(?:runs|goes|ranges) from [$€£₪]?\d[\d.,]*k? at "
    r"(?:step|grade|level|band) \w+ to|"
    # a range for a place or a level, said as a fact: "in Berlin for senior is 70 until 82"
    r"in [a-z]+ (?:for )?(?:(?:the|a) )?(?:senior|junior|mid|lead|staff|it is|it'?s|salary is|the salary is)"
    r"\b"
    r"[^.;!?]{0,40}?\d[\d.,]*k? ?(?:until|to|-|–) ?[$€£₪]?\d[\d.,]*\w*|"
    r"(?:salary|salaries|pay) (?:is|are|goes|runs) (?:between|from) [$€£₪]?\d[\d.,]*k?(?: thousand)? ?"
    r"(?:until|to|-|–|and) ?[$€£₪]?\d[\d.,]*\w*|"
    # what is common, said of companies or people at large: "many Berlin companies pay it", "everyone in Berlin
    # does 4 days"
    r"(?:many|lots of|a lot of|plenty of|(?:pretty much |almost |nearly )?every) (?:[\w-]+ ){0,2}"
    r"(?:compan(?:y|ies|ys)|firms?|startups?|employers?)|"
    r"everyone (?:in|at) (?!the\b)[a-z]+ (?:does|do|gets|get|has|have|makes|earns|pays|offers)\b|"
    r"(?:compan(?:ies|ys)|firms|startups|employers) (?:\w+ )?(?:normally|usually|typically|generally|commonly) "
    r"(?:are |do )?(?:pay|paying|give|giving|offer|offering|cover|covering)|"
    r"(?:is|are|(?<!what)'s) (?:pretty |very |quite |fairly )?(?:normal|standard|common|usual|typical) here|"
    r"of what'?s normal|"
    r"bare minimum in|"
    # friends and figures seen: "I've got friends making that", "grants I've seen run $20k to $40k"
    r"(?:friends|colleagues|people|ppl) (?:making|earning|getting|on) (?:that|those|[$€£₪]?\d[\d.,]*\w*)|"
    r"(?:grants|salaries|packages|bonuses|numbers|figures|ranges) i'?ve (?:seen|heard)|"
    # hedged reports still report: "I think I read somewhere that designers make more", "I read that seniors get 80k"
    r"i (?:think i )?(?:read|heard|saw) (?:somewhere|online)|"
    r"(?:i|i'?ve) (?:read|heard) that (?:\w+ ){0,5}(?:get|make|earn|are paid|pay|gets|makes|earns|pays)\b|"
    r"i heard (?:\w+ ){1,4}(?:get|make|earn|are paid|are given|get reviewed)\b|"
    r"what everyone (?:here |else )?(?:gets|has|makes)|(?:in|around) my (?:city|town|area|region)|"
    # research in plain words: "I did my homework", "I looked around", "I checked online"
    r"(?:did|done) (?:my|some|a bit of) (?:homework|digging)|(?:looked|checked|asked|shopped) around|"
    r"(?:looked|checked) (?:it |this |that )?(?:up )?online)\b"
)
OWN_VALUE = _cue(
    r"\b(?:years? of (?:experience|\w+ (?:experience|work))|yoe|\d+ years in|i'?ve (?:led|built|managed|shipped|"
    r"grown|delivered|scaled|launched|increased|saved|run|been doing|hired|taken|hit|exceeded|spent)|"
    r"i (?:also |personally |recently |previously |successfully )?(?:led|built|managed|shipped|grew|delivered|scaled|"
    r"launched|bring(?! my (?:daughter|son|kid|child|partner|wife|husband|dog))|saved|cut|increased|doubled|"
    r"have (?:\d+|\w+) years?\b(?! (?:left|to go|remaining|on)\b)|run|ran|did \w+ \w+ for)|"
    r"(?:i'?m|i am) (?:bringing|certified|"
    r"an expert|the only)|my (?:experience|background|track record|skills|results|expertise|phd|"
    r"degree|certification|portfolio|publication record|thesis)(?! elsewhere)|track record|expertise|proven|"
    r"i can hit the ground running|hit the ground running|"
    r"i'?ve (?:mentored|worked|trained|coached|won)|i (?:speak(?! (?:about|of|with|to|for)\b)|"
    r"hold(?! (?:a |an |the )?(?:[\w-]+ )?offer)|beat|"
    r"exceeded|already (?:know|do|run|lead|manage|handle|own|cover)|know \w+ well|"
    r"can cover|mentored)|fluent in|top (?:seller|performer|salesperson)|(?:\w+ )?certified|"
    r"(?:which|that) (?:your|the) (?:\w+ )?(?:team|clients|office) (?:uses?|needs?|asked|works)|"
    r"your (?:team|clients|\w+ team) (?:uses?|needs?|works|asked)|"
    # "I can help with the migration"; money "to help with the move" helps the speaker, not the team
    r"(?:help|helps) with (?:your|the)(?! (?:move|moving|relocation|costs?|rent|deposit|bills?|commute)\b)|"
    r"your experience|i'?ll be (?:leading|running|managing)|my results|i'?ve been (?:managing|leading|the)|"
    r"i meet (?:every|all|each)|i tick (?:every|all)|"
    # experience counted in years, said any way: "6 yrs in GIS", "given my six years", "with eight years in DevOps"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|my \w+) (?:years?|yrs?) (?:in|at|doing|as|of \w+ work|"
    r"of \w+ behind|behind|eng\w*|gis|exp\w*)\b|(?:given|with|for) my (?!first\b)(?:\w+ )?(?:years?|yrs?)\b|"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:years|yrs)' (?:exp\w*|of)|"
    r"(?:with|for|having|of) (?:over |nearly |almost )?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\+? "
    r"(?:years?|yrs?) of (?!vest)[\w-]+|with (?:over |nearly |almost )?(?:\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten)\+? years\b(?! (?:of )?vest)|"
    r"^\W*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:years?|yrs?) of [\w-]+|"
    r"my (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) years\b|"
    r"i'?ve been (?:an? |the )[\w\s-]{1,30}? for (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|\w+) "
    r"(?:years?|yrs?)|"
    r"someone who (?:runs|leads|manages|built|ships|has (?:led|built|run|managed|shipped))|"
    r"my (?:[\w-]+ )?(?:redesign|work|project|migration|rollout|launch|team|code|product|platform|campaign)"
    r"(?: of [\w\s-]{1,30}?)? (?:reduced|increased|improved|cut (?:[\w-]+ ){0,3}by|grew|boosted|saved|doubled|"
    r"tripled|halved)|"
    r"(?:i|we)'?ve got \d+ (?:years?|yrs?)|(?:someone|people) with (?:\w+ )?(?:years?|experience)|"
    r"(?:i|i'?ve|i have|i am|i'?m|having) (?:worked|working) in \w+|(?:with|for|as|given) (?:\w+ )?(?:\w+ )?experience|"
    r"i'?m confident (?:that )?i|i (?:think|know) i can|i'?d bring|as someone who|"
    r"(?:would|will|could) (?:directly )?(?:strengthen|benefit|feed|help) (?:the|your|our)|feeds (?:straight )?into|"
    r"(?:directly )?benefits (?:the|your|our)|"
    r"my [\w-]+ background|i am (?:a )?speaker|i'?m (?:a )?speaker|bring value|better reflects? my|performing at|"
    # experience told as time spent, results seen by others, a standing in the range
    r"years (?:i'?ve |i )spent (?:running|leading|building|managing|doing|working|as)|"
    r"i'?ve (?:done|been doing) [\w\s-]{1,30}? for (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) "
    r"(?:years?|yrs?)|i'?ve been (?:at|with) [\w\s-]{1,40}? for (?:\d+|one|two|three|four|five|six|seven|eight|nine|"
    r"ten) (?:years?|yrs?)|(?:liked|loved|praised) my (?:[\w-]+ )?(?:portfolio|work|case study|presentation)|"
    r"(?:strongest|best) (?:portfolio|candidate|profile)|my best (?:output|work|results?|quarter|year)|"
    r"my (?:output|productivity|numbers|performance) (?:has |have )?(?:only )?(?:gone up|went up|rose|grew|"
    r"improved|increased|doubled)|(?:consider myself|i'?m|i am) (?:a |an )?(?:strong|good|great|perfect|natural) "
    r"(?:match|fit)|i'?m at the top of (?:that|the|this)|(?:after|once) i finish [\w\s-]{1,20}? i (?:can|could|will))\b"
)
# Experience said of other people ("new hires with prior experience", "my colleagues with the same experience"):
# searched only before an own-value cue that matched, and only when the cue itself is not about "my …".
OTHERS_BEFORE = re.compile(
    r"\b(?:hires|people|ppl|someone|somebody|candidates|employees|colleagues|peers|friends|others|anyone|"
    r"engineers|designers|developers|analysts|managers)\b[^.;!?,]{0,30}$"
)
# Value only referred to, not told: "I need the step to reflect my experience", "HR credits part of my experience".
VALUE_REFERRED_BEFORE = re.compile(
    r"\b(?:reflects?|reflecting|credits?|crediting|recogni[sz]es?|recogni[sz]ing|count|counts|acknowledges?)\b"
    r"(?:\s+\w+){0,3}\s+$"
)
VAGUE_VALUE = frozenset({"my experience", "my background", "my scope", "my skills", "my expertise"})
# What a keen candidate cares about besides the terms: caring about it ranks no term ("the mission matters to me").
ABOUT_THE_EMPLOYER = re.compile(
    r"\b(?:mission|culture|company|cause|charity|organi[sz]ation|product|values|what you do)\b"
)
PRIORITY = _cue(
    # "matters a lot to me" says it matters, not that it matters most (the writers left it out); "…, after pay" ranks
    r"\b(?:matters? (?:most|more|the most|to me|for me|a great deal)|most important|more important|"
    r"(?:very |really |so )?important (?:to|for) me|(?:is|are) for me (?:very )?important|"
    r"(?:top|first|main|biggest|key|principal|"
    r"number one|#1) (?:priority|thing|concern|request)|priorit(?:y|ies|ise|ize)|"
    r"(?<!n't )(?<!not )(?<!never )care (?:most|more|a lot|about|(?:way|much|far) more)|(?:is|are) a must\b|"
    r"(?:my|the|our) (?:#|no\.? ?|number )(?:1|2|3|one|two|three)\b|"
    r"what i (?:really |most )?need (?:most )?is|the (?:one|only|main|big|biggest) (?:thing|one)(?: that)? "
    r"(?:i (?:really )?(?:need|care about|want)|for me)|"
    r"[a-z]+ > [a-z]+|(?:more|less) to me than|matters? (?:less|as much|way more|much more|far more)|"
    r"first[,;]? (?:then )?[\w$]+,? (?:second|then)|for me (?:is )?(?:very |really |so )?important|"
    r"(?:is|are) key for me|non-?negotiable for me|what i (?:really )?(?:care|value)|what i need most|"
    r"(?:important|crucial|essential|critical) (?:to|for) me|i value|i'?d value(?! it)|"
    r"(?<!not a )(?<!n't a )(?<!no )deal ?breaker|must[- ]have|"
    r"in (?:that|this) order|in order(?=[:,])|(?:more|most) weight|the headline for me|kind of everything|"
    r"what tips it|the sticking point|(?:\w+ )?days? matters|"
    r"matters? a lot to me,? after\b|(?:is|it'?s) very important\b|in order of importance|"
    r"(?:first|second|third|next|last) on my list|(?:bigger|biggest|main|real) (?:worry|concern) for me)\b"
)
# A writing word asks for a document only when something is asked: "could you send…", "please put it in
# writing", "I'd like it in the contract"; "I shall sign the contract today", "the contract says 45 hours",
# "I am writing to ask…" ask for nothing.
WRITING_ASKED = re.compile(
    r"\b(?:(?:can|could|would|will) (?:you|u|we|i)|please|pls|plz|kindly|send|e-?mail (?:me|it|over|that)|"
    r"mail (?:it|me)|put (?:it|that|this|those|everything|all|them)|in writing|written (?:confirmation|down|into)|"
    r"write (?:it|that|this)|confirm|i'?d (?:like|want|need|love|appreciate)|i would (?:like|appreciate)|"
    r"i (?:want|need)|let'?s get|update|once i (?:see|get|receive)|when can i (?:get|see|expect)|spelled out|"
    r"look forward to (?:receiving|seeing|getting)|grateful|appreciate|possible to (?:receive|get|have)|"
    r"written (?:commitment|guarantee|agreement)|put the [^.!?]{1,30}? in(?:to)? (?:the |my |an? )?(?:offer )?"
    r"(?:letter|contract|writing)|"
    r"(?:sign|accept)\w*(?: it| this| the offer)? (?:when|as soon as) i (?:see|get|receive|have)|"
    r"would be (?:super |really |very |so )?(?:helpful|great|nice|appreciated))\b"
)
NOT_WRITING_ASKED = re.compile(
    r"\b(?:(?:this|my) e-?mail|i(?: am|'m) writing|(?:in|per|from) your (?:e-?mail|letter))\b"
)
# how a rival offer stands, not a request
WRITTEN_OFFER = re.compile(r"written offer|offers? in writing|in writing from")
IS_WRITTEN = re.compile(r"\b(?:is|was|it'?s|are|were|be|been) written\b|"
                        r"\b(?:came|comes|come|hold|holding|have|got|had|already) (?:\w+ )?in writing\b")
ALTERNATIVES = _cue(
    r"\b(?:what else|(?<!for )(?<!or )(?<!than )anything else(?! i should| to know| about| you need| left)|"
    # "is that the salary or something else?" asks what a figure is, not where there is room
    r"(?<!or )something else|"
    r"(?<!have )(?<!got )(?<!have some )other (?:options|ways|perks|benefits|things)|"
    # "any alternatives?" asks for them; "the sign-on is a thoughtful alternative" praises one on the table
    r"(?<!have )(?<!got )(?<!have some )(?<!is a )(?<!is an )(?<!thoughtful )(?<!good )(?<!nice )(?<!fair )"
    r"(?<!great )alternatives?|"
    r"(?<!without )any (?:other|flexibility|wiggle room|room)|is there (?:something (?:you|we)|any way|a way|room)|"
    r"(?:is|are|would|will|might) there (?:be )?(?:any |some )?(?:flexibility|room|wiggle room|leeway)|"
    r"what (?:flexibility|room|wiggle room|leeway) (?:do|does|is|could|can|would)|(?:some|any) room left|"
    r"anything (?:besides|apart from|other than|beyond|on top of) (?:the )?(?:money|salary|base|pay|cash) "
    r"(?:you|that you) (?:could|can|might)|(?:are|is) (?:typically|usually|generally|normally) (?:negotiable|flexible)|"
    r"what (?:can|could) you (?:do|offer|move on|give)|where (?:can|could) you (?:move|flex|be flexible)|"
    r"where is there (?:room|flexibility)|what'?s (?:flexible|negotiable)|which (?:parts?|perks?) (?:are|is) "
    r"(?:flexible|negotiable)|make up for it(?=[^.!;]*\?)|other ways?|(?:do|does) (?:you|the company) have room|"
    r"where (?:do|does) (?:you|the company) have (?:the most |more |some |any )?(?:room|flexibility)|"
    r"(?:are|is) negotiable(?=[^.!;]*\?)|which (?:parts?|perks?|terms?|things?)(?: of (?:the|your) (?:package|offer))? "
    r"(?:are|is) (?:flexible|negotiable)|"
    r"\w+ else (?:can|could) (?:u|you)|what would it take|what would need to|other levers|what(?:'s| is) the highest|"
    r"further flexibility|how flexible is|could be flexed|(?:more )?space to move|haven'?t discussed|"
    r"is (?:the |it )?[\w\s]{0,30}negotiable(?=[^.!;]*\?)|what is and isn'?t negotiable|"
    # room asked for in other words: "what's included beyond base?", "is the salary maybe a bit flexible?",
    # "anywhere else you have room?", "is $74,500 the most you can do?", "whether a sign-on can be discussed"
    r"(?:included|on offer|available|you offer) (?:beyond|besides|apart from|other than) (?:the )?(?:base|salary|pay|"
    r"money)|is (?:the |it )?[\w\s]{0,30}flexible(?=\W*\?)|anywhere else (?:you|we|there)|"
    r"the most (?:you|u) (?:can|could) (?:do|offer|go|pay)(?=[^.!;]*\?)|"
    r"(?:whether|if) [^.?!]{0,40}(?:can|could) be (?:discussed|negotiated|revisited))\b"
)
TRIAL = _cue(
    r"\b(?:trial|pilot|try (?:it|this|that|out)|(?:we|i|to) (?:try|tried)\b|test (?:it|period|run)|"
    r"start with .{0,30}(?:and|then) (?:see|review|revisit|try|move to|go to)|"
    r"(?:and )?then (?:we )?(?:review|reviewed|reassess|re-?evaluate)|"
    r"see how it goes|see how (?:it|that|this) works|if it works?,? (?:we )?keep|"
    r"(?:3|three|6|six)[- ]month (?:trial|pilot|test))\b"
)
RUDE = _cue(
    r"\b(?:ridiculous|joke|joking|insult(?:ing)?|stupid|idiot(?:ic)?|dumb|greedy|"
    r"(?<!isn't )(?<!not )(?<!ain't )cheap(?:skate)?|pathetic|clueless|"
    r"useless|garbage|trash|crap|crappy|bs|bullshit|shit|shitty|damn(?![,!])|wtf|stfu|shut up|screw (?:you|this|that)|"
    r"f+u+c*k+|fck|fk|fuck(?:ing)?|hell no|clowns?|laughable|rip-?\s?off|you people|shame on you|"
    r"disgrace|scam|(?<!daylight )robbery|insane|absurd|are you kidding|wasting (?:my|our) time|"
    r"you'?re kidding|kidding me|seriously\?|peanuts|slave|scrooge|moron|incompetent|"
    # lowballing someone is contempt; calling the figure "a lowball" is a plain "too low" (two labellers)
    r"lowball(?:ing|ed)|lowball (?:me|us)|(?:your|this) lowball|"
    # contempt put as a question or a sneer: "were you even listening?", "how generous", "spare me the nonsense"
    r"(?:did|do|have|were|are) you even|(?:were|are) you (?:not )?listening|"
    r"(?:not|never|haven'?t|hasn'?t|didn'?t) (?:even )?(?:read|looked at) my "
    r"(?:cv|resume|résumé|emails?|messages?|portfolio|application)|"
    r"how generous|nonsense|spare me|"
    r"waste of (?:my )?time|get real|give me a break|who do you think)\b"
)
PLEADING = _cue(
    r"\b(?:please+\W+please+|pl[sz]+\W+pl[sz]+|i beg|begging|i'?m begging|pretty please|i really really|"
    r"i really need (?:this|it|the)|desperate(?:ly)?|"
    r"just this once|have a heart|"
    r"do me a favou?r|please,? i need|i need this|pleeease|plz plz|pls pls|pleaseee+|i implore)\b"
)
SUMMARY = _cue(
    r"\b(?:(?<!the )(?<!a )(?<!to )(?<!written )(?<!let me )(?<!quick )(?:summar(?:y|ise|ize|ising|izing)|recap)"
    r"(?! from (?:my|our))|say (?:me )?again (?:all )?the|what (?:do )?we have (?:now|so far)|"
    r"(?:give|send|provide|share|write) (?:me |us )?a (?:short |brief |quick |full )?(?:summary|recap)|"
    r"summary of the (?:complete|whole|full|entire) (?:package|offer)|"
    r"tell me (?:again )?the (?:whole|full|complete|entire|current) (?:offer|package|deal)|"
    r"(?<!to )sum (?:it|up|that|this)|(?:what'?s|what is|say again|repeat|send me|show me) the (?:whole|full|total|"
    r"complete|entire|current) (?:package|offer|deal)|where (?:are|do) we (?:stand|at)|"
    r"where we (?:are|stand)|where we'?re at|(?:the )?(?:full |whole )rundown|"
    r"(?:give|send) me (?:a |the )?(?:quick )?rundown|"
    r"what do we have|what have we (?:got|agreed)|(?:agreed|got|have) so far|"
    r"(?:walk|take) me through (?:the|your|everything)|tell me again|what'?s on the table|(?:current|latest) offer\?|"
    r"overview|remind me (?:of )?(?:the|what)|go over (?:everything|the offer|it all)|run me through|"
    r"status)\b"
)
HINT = _cue(
    r"\b(?:hint|wh?at (?:should|shd|shld|shall) i (?:say|do|ask|try|counter|push)|"
    r"what would (?:you|u) (?:suggest|do|recommend)|what do i (?:say|do|counter)|"
    r"what to (?:say|push for|ask for|do) next|any suggestions?\b|should i (?:mention|say|"
    r"tell|ask|wait|counter)|"
    r"what would you do|what i should (?:answer|say|do|write)|should i (?:accept|push|bring up)|please help me|"
    r"should i (?:also |just |even )(?:ask|mention|say|push|counter)|should i take (?:it|this|that|the offer)\b|"
    r"^\W*(?:hey |ok )?coach\b|^\W*help\W*$|help!|any (?:tips?|advice|ideas?)|tips?\??$|"
    r"(?<!would )(?<!could )(?<!will )(?<!to )help me(?! (?:understand|say|compare|ramp|grow|make|sleep))|"
    r"i'?m (?:a bit |kinda |so )?stuck|stuck here|kinda lost|"
    r"what now|what next|what'?s (?:my|the|our) next move|next move\?|how should i (?:respond|reply|answer|"
    r"proceed)|"
    r"give me a (?:tip|hint)|advice)\b"
)
# Pressure and rudeness the speaker disowns, said just before the cue: "I don't want to sound greedy", "I'm not
# begging", "this isn't a take-it-or-leave-it", "not my final offer". Searched only on the few words before a
# rude, pleading or all-or-nothing cue that matched, so it costs nothing on ordinary lines.
DISOWNED_BEFORE = re.compile(
    r"(?:\bnot|\bno|\bnever|\b(?:isn|aren|wasn|ain|won|wouldn|can|doesn|didn)'?t)\s+"
    r"(?:(?:a|an|so|that|too|really|being|be|my|your|the|our)\s+)?$|"
    r"(?:\bnot|\bnever|n't)\b(?:(?!\bbut\b)[^.!?,;:]){0,30}?\b(?:be|being|sound\w*|seem\w*|come across|coming across|"
    r"call\w*|say\w*|mean\w*|trying|want\w*|going|gonna|giving|give)\b(?:(?!\bbut\b)[^.!?,;:]){0,30}$"
)
# The speaker calling themself or their own ask names is not rudeness to the other side: "am I being greedy?", "I feel
# stupid", "can I ask for step 4, or is that greedy?".
SELF_BEFORE = re.compile(
    r"\b(?:i'?m|i am|am i|being|myself|i feel|i sound|i seem|i look|is that|would that be|is it|was that)\s+"
    r"(?:\w+\s+){0,2}$"
)
SELF_WORDS = frozenset({"greedy", "cheap", "stupid", "dumb", "pathetic", "desperate", "useless", "idiot", "ridiculous"})
# A bare "pls" or a message opening and closing on "please" begs without a cue word in between.
PLEADING_ALONE = re.compile(r"^\W*(?:pl[sz]+|please+)(?:\W+(?:pl[sz]+|please+))*\W*$|^\W*please\b.*\bplease\W*$")
NEGATORS = re.compile(
    r"(?:\bno|\bnot?|\bwithout|\bdon'?t (?:need|want|care about|offer|have|do|provide|give)|"
    r"\bdo not (?:need|want|offer|have|provide)|\bdoesn'?t (?:include|come with|have)|\bno need (?:for|of)|"
    r"\bskip|\bdrop|\bforget|\bminus|\blose|\bgive up|\bgiving up|\bwaive|\binstead of|\brather than|\bforgo|"
    r"\bforego|\bzero|\bnone|\bnever|\bisn'?t|\baren'?t|\bthere'?s no|\bwe can'?t (?:do|offer|give|provide)|"
    r"\bcannot (?:do|offer|give|provide)|\bcan'?t (?:do|offer|give|provide)|\bremove|\bwithout any)"
    r"(?:\s+(?:a|an|the|any|your|my|extra|company|paid|more|of|for|need|to|have|do|offer|with))*\s*$"
)
NEGATION_AFTER = re.compile(
    r"\s*(?:is|are)?\s*(?:not (?:needed|necessary|required|important|a priority|included|possible)|"
    r"isn'?t (?:needed|necessary|required|important|included|possible)|aren'?t (?:needed|necessary|included)|"
    r"(?:is|are) (?:off the table|out)|not needed|unnecessary|"
    r"can go(?! (?:up|higher|to|down|from|past|above|beyond)\b)|i can drop|i don'?t need|"
    r"(?:is|isn'?t) something (?:i|we) (?:need|can)|we don'?t (?:offer|do|have)|is not on offer|won'?t be)"
)
# A perk the speaker loses by moving is what they have, brought as evidence, not a perk declined: "I'd lose my bonus
# of 12k", "if I leave now I lose bonus of 30k" (docs/labelling.md, second and fourth rounds)
LOST_OWN_BEFORE = re.compile(
    r"(?:\blos(?:e|ing)(?: out on)? (?:all (?:of )?)?my|"
    r"\b(?:i|i'?d|i will|i'?ll|i would|i'?m|i am)(?: [a-z]+)? los(?:e|ing)(?: out on)?(?: the)?) (?:[a-z-]+ )?$"
)
NOT_NEGATION = re.compile(r"\b(?:no|not) (?:more|less|later|earlier|fewer|lower|higher|sooner|under|over)\b\W*$")
REPORTED = _cue(
    r"\b(?:levels|glassdoor|payscale|market|survey|average|median|typical|peers|they offered|offered me|"
    r"offer (?:from|at|of)|another (?:company|offer)|other (?:company|offer)|competing|currently|my current|"
    r"industry|standard|most companies|other companies|saved|results?|others|went up|gone up|costs? me|rents?|"
    r"i (?:make|earn|get|have) now|at my current|right now i|today i|experience|yoe)\b"
)
TEXT_SPEAK_AFTER = re.compile(r"\s*(?:the|u|you|me|us|be|go|low|late|much|many)\b")
TIME_AMOUNT_AFTER = re.compile(
    r"^\s*(?:low\b|late\b|much\b|many\b|minutes?\b|running\b|in a row\b|each way\b|(?:of )?commut|"
    r"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|"
    r"of (?:my |the )?(?:quota|target|plan)\b|of (?:[a-z-]+ ){0,2}experience\b|"
    r"to (?:think|decide|consider|reflect|review|discuss|talk|sleep|mull|get back|respond|answer|look|read|go over|"
    r"go through|check)|of (?:this|these|those|them|which)\b|-?(?:person|strong|seat)\b|"
    r"or so to|before (?:i|we) (?:decide|sign|accept|answer|give|respond|get back|make)|for (?:think|thinking)\b|"
    r"of (?:experience|thinking)|experience|yoe|"
    r"in (?:the|this) (?:industry|field|role)|ago|old|(?:years? )?(?:of )?experience|"
    r"(?:employees|people|ppl|persons|kids|children|users|customers|clients|staff|engineers|members|students|"
    r"patients|miles|km|friends|colleagues|companies|firms|offers|interviews|recruiters)\b|"
    r"(?:-| )?(?:trial|pilot|probation|test period|cliff)|(?:'s|s'|')?\s*notice\b)"
)
# "my notice is 1 month", "lease ends mar 1": a notice period or a date, not a term
NOT_A_TERM_BEFORE = re.compile(
    r"\bnotice(?: period)?(?: (?:is|of|=))?\s*(?:about |around |only |just )?$|"
    # how long a journey is: "the flight is 20 hours", "a drive of 3 hours"
    r"\b(?:flights?|drive|trip|journey|ride)\s+(?:is|was|takes|took|of)\s*(?:about |around |over |almost |nearly )?$|"
    # a month's name or its short form ("mar 1", "march 1"), not a word it begins ("market 36-46k")
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$"
)
TIME_AMOUNT_BEFORE = re.compile(
    r"\b(?:in|within|give me|until|till|after|for|need|take|by|over the next|next)\s*(?:a|the|another|next)?\s*"
    r"(?:(?:one|two|three|four|five|a few|a couple|\d+) (?:or|to) )?$"  # "in two or three days"
)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
POLITE_REQUEST = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|then|also|hey|hi|well|great|thanks),?\s+)*"
    r"(?:(?:can|could) (?:you|u|we|i)|would (?:you|u)|will (?:you|u)|may i|might you|can|could|"
    r"can't|couldn't|won't|is it possible|would it be possible|is (?:it )?ok(?:ay)? (?:to|if)|is possible|"
    r"any chance|possible to|please|pls|"
    r"let'?s|maybe|perhaps|i'?d|i would|i want|i need|give me|send|make it|mind)\b"
)
TELL_ME = re.compile(
    r"(?<!not to )\b(?:tell|explain|clarify|share|let me know|walk me|describe|summari[sz]e|recap|remind|go over|"
    r"ask (?:why|what|how|when|who|where|about|if|whether)|to know|(?<!let )you know|confirm (?:whether|if)|advise|"
    r"understand (?:what|how|why|whether|if)|(?:clear|straight) answer)\b"
)
WH_WORD = re.compile(r"\b(?:what|when|how|where|which|why|whether|details)\b")
INFO_START = _cue(
    r"\W*(?:(?:so|and|but|ok|okay|also|thanks|thank you|thx|hey|hi|well|sorry|just|quick question|hmm|help|ooh|oh|"
    r"ah|wait|um|uh|btw|quick q|sorry|please|excuse me|nice|cool|lol|haha|ngl|lowkey|real quick),?\s+)*"
    r"(is there|are there|anything else|what'?s|whats|what|wat|wats|wht|how'?s|how|when|where|which|who|why|is|are|"
    r"does|"
    r"until when|since when|"
    r"do|did|"
    r"will i|would i|"
    r"am i|any idea|any details|i (?:was )?wonder(?:ing)?|curious|i'?m curious|tell me)\b"
)
WH_STATEMENT = re.compile(
    r"\W*(?:what|how much|why|where) (?:really )?(?:matters|i (?:want|need|care|value|like|mean|'d like|would like|am)|"
    r"i'?d (?:push|like|want|need|focus)|"
    r"i'?m (?:asking|looking|saying)|works for me)\b"
)
CONFIRMATION = re.compile(
    r"\b(?:right|correct|is that right|is that correct|yes or no|am i right|agreed|deal)\s*\?+\s*$"
)
WH_INSIDE = re.compile(
    r"\b(?:which|how|what|when|where|who|why|whether)\b|\bor not\s*\?|"
    r"^\W*(?:there (?:is|are)|you (?:pay|cover|offer|give|have|provide)|"
    r"the \w+(?: \w+)? (?:is|are|includes?|covers?|vests?)|"
    r"\w+(?: \w+)? (?:is |are )?(?:includes?|included|covers?|covered))\b"  # "health ins cover family?"
)
# Asked for information, not for a change: "is the 84k before or after tax?", "is there a signing bonus?"
CHANGE_WORDS = re.compile(
    r"\b(?:possible|doable|feasible|ok|okay|fine|could|can (?:you|we|i)|something (?:you|u|we) can|would (?:you|it)|"
    r"more|higher|bigger|increase|bump|raise|go (?:to|up)|flexib\w*|room|wiggle|chance|instead|add|get)\b"
)
# "the grant", "a bigger grant": the noun, in an offer the equity grant; "grant me", "grant it": the verb
# ("set by the grant", "funded from a grant": a funder's grant)
GRANT_AS_EQUITY_BEFORE = re.compile(r"(?<!\bby )(?<!\bfrom )(?<!\bunder )(?<!\bthrough )"
                                    r"\b(?:the|a|an|my|your|this|that|bigger|larger|higher|new|initial|total)\s+$")
GRANT_VERB_AFTER = re.compile(r"(?:\s+|-)(?:me|us|you|him|her|it|them|this|that|my|your|funded|funding|funds|reporting|"
                              r"money|budget|cycle|application|writing|report)\b")
# A figure said right after a word ("the grant be ₪60,000", "a larger grant, say $50k", "grant of $40k")
FIGURE_SOON_AFTER = re.compile(r"[^.!?;\d$€£₪]{0,14}[$€£₪]?\d")
# "₪60,000 in options", "20k worth of options", "$40k of options": a sum paid in options, the equity grant
FIGURE_IN_OPTIONS = re.compile(r"\d(?:[\d,.]*\d)?\s*(?:k|m|thousand)?\s+(?:in|of|worth of|in stock)\s+(options)\b")
# Words about stock that make "the grant" the equity grant with no figure said
STOCK_WORDS = re.compile(r"\b(?:equity|stock|shares?|options?|vest\w*|rsus?|vsop|esop|cliff)\b")
LEAD_IN = re.compile(r",|:|;|\s[-–—]\s")
# "could I be placed at step 4, which is $82,000?": a relative clause after the comma says more of what is asked for;
# it is no question of its own
RELATIVE_AFTER = re.compile(r"\s*(?:which|that)(?:'s|\s+(?:is|would|will|was|means|costs?|comes|matches))\b")
# "$10k up front", "can i get 10k signing": a one-off sum for joining
SIGN_ON_AFTER = re.compile(r"\s+(?:up ?front|signing\b(?!\s+(?:the|a|an|my|it|this|that|of|with|date|day)\b))")
# "shift my hours to 10-6", "core hours from 10 to 3": times of day, not amounts
CLOCK_BEFORE = re.compile(r"\b(?:(?:hours|times?|shift|window)\s+(?:to|from|between|of|at)|"
                          r"(?:starting|finishing|start|finish|leave|leaving|out by|until|till)\s+(?:at|by)?)\s*$")
CLOCK_SPAN_AFTER = re.compile(r"\s*(?:-to-|-|–|to)\s*(\d{1,2})(?:\s*(?:am|pm))?\b(?!\s*(?:%|k\b|days?|weeks?|hours?))")
# "what range did you have budgeted?", "what's the range for this level?": the pay range asked about, the salary's
RANGE_ASKED = re.compile(
    r"\bwhat(?:'s| is| was)?(?: the)? range\b|\brange (?:was |is |did you |do you |you )?(?:have )?budgeted\b|"
    r"\brange (?:for|at) (?:this|the|that) (?:role|level|position|job|grade|seniority)\b"
)
# A figure that is the subject of a yes/no question, at the start of a clause: "…: is the $30k a one-time grant or
# per year", "first, is the ₪5,000 learning budget yearly", "and does the 8% pension contribution start on day one"
# "do"/"does" only as a helper verb before its subject ("does the 8% pension…"): in "could we also do 25 days?"
# the figure is what is asked for.
INVERTED_BEFORE = re.compile(
    r"(?:^|[:;,.?!(]\s*|\b(?:and|first|second|also|whether)\s+)"
    r"(?:(?:is|are|was|whether it'?s)\s+(?:the\s+|your\s+|this\s+|that\s+)?|(?:does|do)\s+(?:the|your|this|that)\s+)$"
)
# Asked for a change, not for information: "is 130k possible?" proposes; "is the 10% bonus guaranteed?" asks
CHANGE_ASKED = re.compile(
    r"\b(?:possible|doable|feasible|ok|okay|fine|more(?! (?:about|on|detail|details|info|information)\b)|higher|"
    r"bigger|increased?|bump|raised?|go (?:to|up)|flexib\w*|"
    r"room|wiggle|chance|instead|add|(?<!a )(?<!the )(?<!k )(?<!k\) )match|stretch|move)\b"
)
# "is there any room / flexibility anywhere?": asks where there is room, no term asked for
ROOM_ASKED = re.compile(
    r"\b(?:is|are) there (?:any |some )?(?:other )?(?:wiggle room|room|flexibility|give|movement|element|scope)\b"
)
# "any room on the sign-on?", "any flexibility on base": asks where there is room (guide, third round), not a request
ANY_ROOM = re.compile(
    r"\W*(?:(?:so|ok|okay|and|also|but|hmm|hey|then),?\s+)*any (?:wiggle room|room|flexibility|flex|give|movement|"
    r"scope|leeway)\b"
)
# "the 18 days", "your $5,000": a figure pointed at as the one on the table, not a new one asked for
THE_OFFERS_FIGURE = re.compile(r"\b(?:the|your) [$€£₪]?\d[\d,.]*k?\b")
# "would there be any flexibility on the sign-on?", "is $150k really the ceiling?": where there is room (guide)
THERE_ROOM = re.compile(
    r"\W*(?:(?:so|ok|okay|and|also|but|then),?\s+)*(?:is|are|would|will|might) there (?:be )?(?:any |some )?"
    r"(?:other )?(?:wiggle room|room|flexibility|flex|give|movement|scope|leeway)\b"
)
# A recap the user gives and asks to have confirmed ("just to confirm: base $118k, 20 days. is that correct?", "so the
# offer is 118k, 15 days?"), or a term asked to be confirmed ("please confirm whether the 8% is employer-only"): the
# figures are the offer as it stands or asked about, not new asks (guide, third round)
CONFIRM_TAG = re.compile(
    r"(?:\bis (?:that|this) (?:right|correct)|,\s*(?:right|correct)|^\W*(?:right|correct))\s*\?+\W*$"
)
CONFIRM_LEAD = re.compile(r"^\W*(?:just )?(?:to confirm(?: my understanding)?|so (?:the|your) offer is|"
                          r"(?:let me )?make sure i have (?:it|this) right)\b")
CONFIRM_WHETHER = re.compile(r"\bconfirm (?:whether|if)\b")
SALUTATION_LEAD = re.compile(r"\W*(?:dear|hi|hey|hello)\s+[\w.]+(?:\s+[\w.]+)?\s*,\s*")  # "Dear Maya, would there…"
CEILING_ASKED = re.compile(
    r"\b(?:is|are) (?:that|this|it|[$€£₪]?\d[\w.,]*|the \w+) (?:really |truly |definitely |absolutely )?"
    r"(?:the )?(?:ceiling|max(?:imum)?|limit|cap|top of the band|final|firm|fixed)\b"
)
# "I'd like to know what the match is", "let me know how it vests": a question said as a wish
KNOW_WISH = re.compile(
    r"\b(?:(?:i'?d|i would) (?:like|love)|i want|i need|i wanted) to "
    r"(?:know|understand|ask|check|confirm|clarify|learn) (?:\w+ )?(?:what|how|why|whether|if|when|which|who|about)\b"
    r"|\blet me know (?:what|how|whether|when|which)\b"
)
# "I need to understand three things: what the bonus paid out, how…", "confirm a few things: whether…": questions listed
QUESTIONS_LISTED = re.compile(
    r"\b(?:things?|points?|questions?|details?)\b[^.?!:]{0,30}: (?:whether|what|how|which|when)\b"
)
# Indignation put as a question wants no answer: "do you people even read my emails?"
RHETORICAL = re.compile(r"\b(?:even|kidding|joking|seriously|how are you|how'?s it going|how have you been)\b")
# "I don't understand, the 4000 is per year or one time?": a question for an explanation
NOT_UNDERSTOOD = re.compile(r"\b(?:don'?t|do not|not) understand\b|\bconfus\w*|\b(?:is (?:it|that)|it is) like\b")
# "is the 4000 for every year or only one time?", "the salary is fixed, or depends on experience?": a question
# between two readings of what is said wants to know which holds (a request for a change is told apart by its words)
EITHER_OR = re.compile(r"\b(?:is|are|it'?s|that'?s|was)\b[^?.!]{1,80}?\bor\b[^?.!]*\?")
# "No 401k match at all?": a perk whose absence is questioned, not a perk declined
ABSENCE_QUESTIONED = re.compile(r"\W*(?:(?:so|wait|what|and|but|really|hm+)\W+)*no\b")
# A question about a figure already named, wanting to know what it is ("is the 20k equity per year or total?",
# "how the 10% bonus has paid out"), not asking for it.
INFO_ABOUT = _cue(
    r"\b(?:or (?:total|one[- ]time|once|discretionary|guaranteed|net|gross|annual|annually|yearly|monthly|"
    r"a one[- ]time|for all time|per \w+|over (?:a|the|\w+) years?|spread)|"
    r"(?:gross|net|pre-?tax|before tax|after tax|at once|up ?front|in one go) or|whether|fully paid|"
    r"paid out|calculated|how (?:does|do|is|are|has|have|was|were|would|will|much of)|incl(?:uding|udes|uded)?\b|"
    r"gross\b|or nah\b|(?:right|correct)\s*\?|"
    # how often a figure is paid or granted: "37.5 hours is per week?", "would the options be granted annually?"
    r"(?:is|are|be) (?:paid |granted |given |vested |counted )?(?:per (?:week|month|year|hour|day)|annually|yearly|"
    r"monthly|weekly)\s*(?:,|\?|or\b))"
)
INFO_WANTED = re.compile(r"\?|\b(?:understand|wondering|curious|clarify|know)\b")
# "I have one question about the equity", "one more question on the bonus": a question announced, nothing asked for
QUESTION_ANNOUNCED = re.compile(
    r"\b(?:i (?:have|had|got)|i'?ve got|(?:one|a|another|quick|small|short|last|little|more|few|some)) "
    r"(?:(?:a|one|more|small|quick|short|last|little|few|further|other|follow-?up) )*questions?\b"
)
# "maybe working from home sometimes?", "perhaps a bit more leave?": a shy wish put as a question is a request (guide,
# third round); the question was already found not to want information
SHY_WISH = re.compile(r"\b(?:maybe|perhaps|possibly)\b")
# "would a mentor be possible?", "would a sign-on be an option?": a perk asked for, put as a question (guide: propose)
PERK_IF_POSSIBLE = _cue(
    r"\W*(?:(?:so|and|but|also|then|ok|okay|well),?\s+)*(?:would|could) (?:a|an|some|one|the|any) [^?,;]{1,60}?"
    r"\bbe (?:possible|an option|doable|feasible|on the table)\b"
)
# (not gated: searched only on messages that have said nothing else yet, so a gate bit would cost more than it saves)
# A perk wanted, said as a request for the company to provide or pay ("I would ask that the company cover it",
# "can company pay it?", "any relocation help?", "I'd be grateful for a mentor"), often beside a cost or a rival
# offer that is the reason and carries the only figure: the request proposes (guide: propose).
PERK_WANTED = _cue(
    r"\b(?:i'?d ask|i would ask|i (?:ask|request) that|i(?:'m| am) asking|any way to|pretty please|"
    r"(?:kinda |really |just )?need (?:you|u) (?:to )?(?:closer|to (?:get|go|come|match|meet))|"
    r"closer to (?:that|it|this|them)|(?:any|some) (?:\w+ )?help\b|(?:i would|i'?d) be grateful (?:for|if)|"
    r"(?:can|could) (?:we|you|u) (?:skip|put|tie|bump|raise|meet|cover|pay|assist|arrange|help)|"
    r"(?:the )?(?:company|you|u|employer|organi[sz]ation|firm) (?:can|could|would|will) (?:\w+ )?"
    r"(?:pay|cover|help|contribute|assist|fund|reimburse)|"
    r"(?:can|could|would|will) (?:the )?(?:company|employer|organi[sz]ation|firm|department) (?:\w+ )?"
    r"(?:pay|cover|help|contribute|assist|fund|reimburse|support)|"
    r"(?:can|could) the \w+(?: \w+)? (?:pay|cover)|(?:it )?is (?:it )?possible\s*\?|any chance\s*\?|can we talk|"
    r"(?:would|could|will) (?:the )?\w+ consider|(?:would|'d) be (?:super |really |so |very )?"
    r"(?:nice|great|amazing|sick|awesome|cool|lovely|ideal|greatly appreciated|appreciated))"
    r"(?!\w)"
)
# A short question about what a perk is or covers wants information: "cert covered?", "health ins cover family?"
WHAT_IT_COVERS = re.compile(
    r"\b(?:cover(?:s|ed|ing)?|includ\w*|incl|count(?:s|ed)?|mean|vest(?:s|ed|ing)?|apply|applies|taxed|"
    r"or (?:not|nah|no)|how|what|which|when|where|why|who|whether)\b"
)
# ...while one that names what is wanted proposes it: "senior in the title?", "mentor for the 1st year?", "step 3?"
TERM_SPELLED_OUT = re.compile(
    r"\b(?:senior|staff|lead|principal|head|sr|ii|iii|iv|director|for (?:the |my )?(?:1st|first|\d+|one|two|"
    r"three|four|six|twelve|whole|entire)|possible|doable|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)\b|\d"
)
YES_NO_OPENERS = frozenset({"is", "are", "will i", "would i", "am i"})
NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty"]
)
# a figure said; "401k" names a plan, not a number
NUMBER_SAID = re.compile(
    r"(?<!\d)(?!401\s?\(?k)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty)\b"
)
# The word boundary is written once, outside the alternation: same matches, about 40% less time.
CLAUSE = re.compile(r"[^.;!?\n,]+?(?=\s*(?:[.;!?\n,]|\b(?:but|however|though|while)\b|$))")
OFFER_CUE = _cue(
    r"\b(?:we (?:can|could|'ll|will) (?:offer|do|add|give|go to|bump|raise|include|make|stretch|move)|"
    r"i can (?:offer|do|add|give)|how about|what about|let'?s|i'?d (?:like|want|need|take|accept)|"
    r"i would|i want|i need|can you|could you|would you|could we|can we|my counter|make a counter)\b"
)
WOULD_HELP = _cue(
    r"\b(?:would (?:help|be (?:great|nice|amazing|ideal|good|perfect|lovely)|make (?:a|the|this|it|all)|"
    r"work for me|mean a lot|matter)|would really help|is a must|are a must|please|pls|plz|"
    r"would (?:be )?(?:super |really |very |so |a )?(?:helpful|huge|clutch|big help|game[- ]changer|invaluable|useful|"
    r"sweet|awesome|dope|fire)|"
    r"would (?:allow|let|enable) me|(?:is|are|would be|seems?) (?:appropriate|fair|reasonable|ideal))\b"
    r"|\bwould be (?:so |pure |absolute )?\U0001f525"  # "a 5% bump after probation would be 🔥"
)
# "I'd take 155 if…", "happy to drop it if…", "I'd come down to $178k if…": the speaker settles one term (named
# before the condition) to get another (named after it). "I can accept X if…" is left out: writers split on it
# (a conditional acceptance, or a trade)
SETTLES_ONE_TERM = re.compile(
    r"\b(?:i'?d|i would|i can|i could|i'?ll|i will|i'?m|i am|happy to|willing to|prepared to|open to)\b[^.;!?]{0,30}?"
    r"\b(?:take|stay at|keep|come down to|go down to|live with|be fine with|be open to|drop|"
    r"renounce|give back|be flexible on|flexible on)\b"
)
TRADE_CONDITION = re.compile(r"\b(?:if|provided|as long as|so long as)\b")
TRADE_HINT = re.compile(  # "instead of 4%" counters the offer as it stands: no trade
    r"\b(?:instead of(?!\s*(?:[$€£₪]?\d|one|two|three|four|five|six|pushing|asking))|"
    r"rather than(?!\s*(?:[$€£₪]?\d|one|two|three|four|five|six|pushing|asking))|in exchange|in return|"
    r"in favou?r of|trade|swap)\b"
)
DURATIONS = frozenset({"days", "weeks", "months", "years", "hours"})
TIMING_BEFORE = re.compile(
    r"\b(?:over|after|for|within|in|every|each|first|per|cliff of|trial of|during)\s+(?:the\s+)?(?:first\s+)?"
    r"(?:a\s+)?$"
)
SUGGESTION = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|then|well|hmm+|ooh|oh),?\s+)*(?:what about|how about|what if|and if|say)\b"
)
OFFER_WORDS = re.compile(
    r"\b(?:offer|offering|pay|paying|make it|counter|final|give you|earn|gross|net|month|year|go to|go up to|"
    r"stretch to|want|need|ask|asking|looking for|hoping|expect|at least|minimum|settle|target|floor)"
)
CLAUSE_BREAK = re.compile(r"[.;!?\n]+|,|\s[-–—]\s|\b(?:and|but|or|plus|also|then|if|so|since|because|unless|with)\b")
TOKEN = re.compile(r"[a-z0-9]+(?:[&'][a-z0-9]+)*(?:\([a-z]\))?")
JOINED = re.compile(r"[\s-]+")
# "$1,000 for your home office" is kit; "home office 3 days" is remote work
HOME_OFFICE_KIT_BEFORE = re.compile(r"\b(?:for|towards?|on|equip) (?:the |your |my |a )?$")
# "take leave", "my annual leave": "leave" the time off, not leaving early on a flexible schedule
LEAVE_TAKEN_BEFORE = re.compile(r"\b(?:take|taking|took|use|using|book|booking|my|annual|paid|of|the)\s+$")
# A perk word naming a line of work or a product: "in healthcare", "transit analysis", "the relocation feature".
FIELD_AFTER = re.compile(
    r"[\s-]+(?:analysis|analyst|analytics|authority|authorities|portal|claims|feature|apps?|project|research|data|"
    r"network|planning|consulting|industry|sector|startup|startups|firm|firms|product|platform|system|systems|"
    r"agency|company|companies|client|clients|domain|space|tech|software|provider|providers|department|background|"
    r"experience|expertise|lanes?|paths?|routes?|ridership|mapping|portfolios?|projects|networks|design|designs|"
    r"patients|clinics?)\b"
    r"|(?<=transit)[\s-]+plans?\b"  # "a regional transit plan" (a dental or pension plan is the perk)
)
# A title that names the job offered or the pay scale it sits on, not a title asked for: "thank you for the offer of
# Senior Data Analyst", "the published pay scale: GIS Analyst II runs from…"
JOB_NAMED_BEFORE = re.compile(
    r"\b(?:offer (?:of|for)|position of|(?:pay )?(?:scale|band|grid)(?: for| of)?\s*:?|"
    r"agreement(?: places| puts| lists| has| gives| says)?\s*:?)\s+(?:an? |the )?(?:[\w-]+\s+)?$"
)
# A desk as the kind of work, not a desk to buy: "desk work", "desk-based", "a desk job"
DESK_WORK_AFTER = re.compile(r"[\s-]+(?:work|based|bound|jobs?)\b")
# "2 in healthcare": years counted in a field (searched only just before " in ")
COUNT_IN_BEFORE = re.compile(r"(?<![\d.,])\b\d\d? in $")
FIELD_BEFORE = re.compile(
    r"\b(?:work(?:s|ed|ing)?|(?<!a )(?<!per )years|experience|career|background|jobs?|been|"
    r"design(?:s|ed|ing)?|buil(?:t|ds?|ding)|develop(?:s|ed|ing)?|consult(?:s|ed|ing)?|engineer(?:s|ed|ing)|"
    r"cod(?:es|ed|ing)|serv(?:es|ed|ing)) (?:\w+ )?(?:in|at|for) $"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|of them|of those|of which) in $"
)
SAID_OF = re.compile(r"[\s-]*(?:(?:of|at|is|=|:)\s*)?(?:an?\s+|the\s+)?")  # "sign-on of 1 crore", "$5m sign-on"
# "step 4", "the step placement", "which step": a pay step is the base salary; "a step up", "next steps" are not
STEP_AS_PAY_AFTER = re.compile(r"\s*(?:\(?\s*\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|placement\b)")
STEP_NOT_PAY_AFTER = re.compile(r"\s+(?:up|down|away|back|forward|further|closer|towards?|ahead|by|in|into|aside)\b")
STEP_AS_PAY_BEFORE = re.compile(r"\b(?:the|which|highest|lowest|what|my|same|a higher|a lower)\s+$|[-—:;,(]\s*$")
# "the grade 7 band", "the grade structure": the pay scale described, not a grade negotiated
GRADE_AS_SCALE_AFTER = re.compile(
    r"(?:\s+\d+)?,?\s+(?:band|bands|salary|salaries|structure|scale|pay|range|position|role|it|"
    # "grade 7 is fixed" describes the scale; "grade 8 is fair" asks for the grade
    r"(?:is|are)(?!\s+(?:(?:more |only )?(?:fair|reasonable|right|justified|appropriate|warranted|deserved|earned)|"
    r"what i|where i)\b))\b"
)
GRADE_AS_SCALE_BEFORE = re.compile(r"\b(?:this|that|same|each|every|by the|by my|by your)\s+$")
# "leave" the verb: "I'd leave", "leave behind", "leave at 1pm", "to leave money on the table"
# "€1,500 learning", "learning 2k", "$3,500 for learning", "more money for the learning?": the learning budget
LEARNING_AS_BUDGET = re.compile(
    r"(?:(?:[$€£₪]\s?\d[\d,.]*k?|\d[\d,.]*\s?k|\d[\d,.]*\s?(?:€|£|₪|eur|euro|dollars?))\s+(?:for\s+|on\s+)?|"
    r"\b(?:for|on|limit on|and) (?:the )?)learning\b(?!\s+(?:curve|stuff|experience|opportunit|culture|environment|"
    r"path|platform|about|from|a lot|new|how|to|on the job))|\blearning\s+(?=[$€£₪]?\d)"
)
LIST_ITEM_END = re.compile(r"\s*(?:[.;!?)]|,\s*(?:then|and|but|so)\b|$)")
LEAVE_VERB_BEFORE = re.compile(
    r"(?:^|\b(?:i|you|we|they|he|she|it|to|would|will|can|could|not|never|must|should|might|may|please|then|before|"
    r"if|once|when|i'?d|i'?ll|we'?d|we'?ll|you'?d|can'?t|won'?t|don'?t|didn'?t|cannot|wouldn'?t|and i|or i))\s+$"
)
LEAVE_VERB_AFTER = re.compile(
    r"\s+(?:behind|at|early|my|your|our|his|her|their|the (?:company|job|team|office|role|country|house|industry|"
    r"bank|firm)|it|them|him|before|after|this|that|a|an|with|here|now|by|from|money|home|work|room|nothing|"
    r"something|everything|anything|\d)\b"
)
# "any flexibility on the base", "how much flexibility": room to move, not a flexible schedule
FLEXIBILITY_AS_ROOM_AFTER = re.compile(r"\s+(?:on|in|within|around|with|about|regarding|there|to|for)\b")
FLEXIBILITY_AS_ROOM_BEFORE = re.compile(r"\b(?:any|further|some|more|much|no|little|is there|of|your|the|their)\s+$")
# A job title named as the thing negotiated: "come in as Staff", "Lead UX Designer instead of UX Designer",
# "make it Engineering Manager II"; not one said of oneself or others ("as a senior engineer", "senior engineers")
TITLE_NAMED = re.compile(
    r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bfor )(?<!\bmost )(?<!\bother )(?<!\bi'm )(?<!promotion to )(?<!promoted to )"
    r"\b(?:(?:senior|staff|lead|principal|head of|junior|associate|sr)(?:\s+[a-z]+){0,2}?\s+"
    r"(?:engineer|designer|developer|analyst|manager|scientist|researcher|architect|consultant|director)"
    r"(?:\s+(?:ii|iii|iv|2|3|4))?"
    r"|(?:em|manager|engineer|designer|analyst|scientist|developer|researcher|architect|consultant)\s+(?:ii|iii|iv)"
    r"|as (?:staff|senior|lead|principal))\b"
    r"(?!\s+(?:for|at|with|in|since|who|and i|position|positions|role|roles|job|jobs|team|teams)\b)"
)
TITLE_WORDS = frozenset(
    {"senior", "staff", "lead", "principal", "head", "junior", "associate", "sr", "ii", "iii", "iv"}
)
HOURS_AS_TIME = re.compile(r"\b(?:in|within|next|few|couple of|24|48|72)\s*$")
NEGATOR_WORDS = frozenset(
    {
        "no", "not", "without", "don't", "dont", "do", "does", "doesn't", "skip", "drop", "forget", "minus",
        "lose", "give", "giving", "waive", "instead", "rather", "forgo", "forego", "zero", "none", "never",
        "isn't", "aren't", "there's", "we", "cannot", "can't", "remove"
    }
)
# Other senses of perk words: "of course", "in the course of", "a course of action";
# "a plane ticket", "a support ticket", "a ticket to the conference": no transit ticket
TICKET_OTHER_BEFORE = re.compile(
    r"\b(?:plane|flight|air|airline|conference|concert|event|support|lottery|raffle|movie|cinema|golden|speeding|"
    r"parking|return|round-trip|one-way)\s+$"
)
TICKET_OTHER_AFTER = re.compile(r"\s+(?:to|for)\s+(?:the\s+|a\s+)?(?:conference|event|concert|show|summit)\b")
# "does the 401k match vest immediately?": the pension vests, no stock is named
PENSION_VESTS_BEFORE = re.compile(
    r"\b(?:match|pension|401\(?k\)?|retirement|contribution|rrsp|superannuation)(?:\s+\w+)?\s+$"
)
# "I'm on vacation until the 12th": away now, not time off negotiated
AWAY_ON_BEFORE = re.compile(r"\b(?:i'?m|i am|i'?ll be|i will be|we'?re|be|been|was|currently|still|away) on $")
# "15 days is not enough for travel": the trip itself
TRIP_BEFORE = re.compile(r"\b(?:enough|time|days|weeks|long|short)\s+(?:for|to)\s+$")
# "is possible to begin work in March?", "could I begin on the 1st": when the job starts
BEGIN_WHEN = re.compile(
    r"\s+(?:(?:work|working|the job|the role|with you)\s+)?(?:in|on|from|after|next|later|earlier|sooner|"
    r"at the (?:start|beginning|end)|(?:\d+|two|three|four|five|six|eight) (?:weeks?|wks?|months?))\b"
)
# "I have certificate AWS", "I hold a GISP certification": what the speaker has earned, not a budget asked for
CERTIFICATE_HELD_BEFORE = re.compile(
    r"\b(?:i|i'?ve|we)\s+(?:already\s+)?(?:have|hold|got|earned|passed|completed|finished|own)\s+"
    r"(?:a |an |the |my |two |several |both )?(?:[\w-]+ )?$"
)
# "a buddy who joined last year told me…": a friend, not an onboarding buddy
BUDDY_FRIEND_AFTER = re.compile(r"\s+(?:who|that|at|from|of mine|told|tells|says|said|works|worked|working|joined)\b")
# "she shares the care with me"
COURSE_OTHER_BEFORE = re.compile(r"\b(?:of|on|off|due|in the|over the|during the|golf|race|main|first)\s+$")
COURSE_OTHER_AFTER = re.compile(r"\s+of\b")
SHARES_VERB_BEFORE = re.compile(r"\b(?:he|she|it|who|that|which|one|everyone|nobody|my \w+)\s+$")
# "the hours aren't flexible", "no flexibility for hours", "hours could be more flexible": a flexible schedule
HOURS_FLEXIBLE = re.compile(
    r"\b(?:hours|hrs|schedule)\b(?:\s+[\w']+){0,4}?\s+flexib\w*|\bflexibility\s+(?:for|with|of|on|in)\s+"
    r"(?:the\s+|my\s+)?(?:hours|hrs|schedule)\b"
)
PAY_SUBJECT = re.compile(
    r"\b(?:roles|companies|company|they|others|we|you|i|firms|people|startups|banks|employers|friend|must|can|could|"
    r"would|will|should|to|does|do|did)\s+$"
)
# The salary as the measure of another perk: "15% of salary", "three months' base salary", "5% of base"
SALARY_AS_MEASURE_BEFORE = re.compile(
    r"(?:%|\bpercent|\bper cent)\s+(?:of|from)\s+(?:the\s+|my\s+|your\s+|annual\s+|base\s+)*$"
    r"|\bmonths?'?s?\s+(?:of\s+)?(?:my\s+|full\s+)?(?:base\s+)?$"
)
# "money on the table", "more money for the learning": money that is no salary
MONEY_NOT_PAY_AFTER = re.compile(r"\s+(?:on the table|for (?:the |my )?\w+|or |go(?:es)? (?:to|toward))")
# "could that money go toward equity": a sum named before, not pay
MONEY_NOT_PAY_BEFORE = re.compile(r"\b(?:that|this|the same|such)\s+$")
# "on top of gross", "from my gross", "at full pay": the salary as the measure of something else
GROSS_AS_MEASURE_BEFORE = re.compile(
    r"\b(?:on top of|from|out of|of|inside|within|against)\s+(?:the\s+|my\s+|your\s+)?$"
)
PAY_AS_MEASURE_BEFORE = re.compile(
    r"\b(?:at|on|with|paid at)\s+(?:the\s+)?(?:full|half|partial|reduced|whole|entire|gross)\s+$"
)
# The commute as the trip, not the allowance: it is the perk only beside words of paying for it
COMMUTE_PAID_NEAR = re.compile(
    r"\b(?:allowance|costs?|budget|pass|paid|covered|cover|reimburs\w*|subsid\w*|benefit|stipend|support|"
    r"expenses?|pay for|help with)\b"
)
QUESTION_MARK_NEXT = re.compile(r"[^.!?]{0,12}\?")
PAY_VERB = re.compile(
    r"\s+(?:me|for|you|us|the|my|a|an|it|that|them|off|out|back|attention|relocation|extra|him|her|more|"
    r"your|our|his|their|this|those|these|myself|ourselves|yourself|themselves|\w+ing)\b"
)
# "can the city pay?", "would the company pay for it": someone asked to pay, not the salary
PAY_ASKED_OF_BEFORE = re.compile(
    r"\b(?:can|could|would|will|does|do|did)\s+(?:the\s+|your\s+|our\s+)?"
    r"(?!(?:the|my|your|our|a|an|base|salary|monthly|yearly|annual|i)\b)[a-z]+\s+(?:also\s+)?$"
)
PERCENT_JUST_BEFORE = re.compile(r"(?:\d\s*%|\bper ?cent)\s*$")
# "a salary review at six months", "the review after 6 months": the timing of a raise review, no term of its own
# ("promo review at 6 mo" is the promotion's months, read as a promotion phrase before this is asked)
REVIEW_WHEN_BEFORE = re.compile(r"(?<!promo )(?<!promotion )\breview (?:at|after|in|within)\s*(?:the |my )?$")
RAISE_VERB = re.compile(
    r"\s+(?:the|my|it|that|this|your|base|salary|to|by|pay|offer|them|the offer|a bit|slightly|up|"
    r"\$|€|£|\d|[\w-]+ to\b|"  # "raise relocation to $16,000"
    # "I would like to raise three things", "raise a concern": to bring up a topic
    r"(?:(?:a|an|one|two|three|four|a few|few|several|some|one more|two more)\s+)?(?:other\s+)?"
    r"(?:things?|points?|issues?|questions?|concerns?|topics?|items?|matters?|subjects?)\b)"
)
PROPOSE_VAGUE = _cue(
    r"\b(?:more|extra|additional|higher|bigger|larger|better|increase|improve|bump|raise|add|include|"
    r"get|have|give|offer|want|need|like|love|hoping|looking for|ask(?:ing)? for|request|throw in|"
    r"upgrade|fewer|less|lower|shorter|reduce|sooner|earlier|later|longer|extend|make it|can you do|"
    r"could you do|push|match|sweeten|top up|move on|possible to|any chance|instead|agree|what if|"
    r"talk about|discuss|negotiate|look at|revisit|cover|pay for|how about|(?:is|are) flexible|"
    r"we (?:can|could|'ll|will) (?:change|do|offer|give|add|make|cover|provide|pay|include)|"
    r"we (?:pay|cover|offer|provide)|"
    r"you'?ll (?:get|be|have)|you get|you can|(?:is|are) (?:fully )?covered|comes with|we'?re remote|"
    r"flexibility|room (?:on|for|with)|wiggle room|be (?:provided|offered|included|arranged|funded)|contribute to|"
    r"fund|discussing|talking about|let'?s talk|i'?d ask|i would ask|i ask that|provided|as long as|"
    r"on condition|in exchange for|in return for|willing to|help with|assist(?:ance)? with|support (?:with|for))\b"
)



# --- the role of a number (ask, evidence, current) ----------------------------------------------
# A message is cut into clauses at punctuation and at the words that join a reason to an ask.
ROLE_SPLIT = _cue(r"[;!?\n,()\u2026\u2600-\u27bf\U0001f300-\U0001faff]|"  # emoji end a clause in chat
                        r"\.(?=\s|$)|\s[-–—]\s|\b(?:so|since|because|given|but|as|while|whereas|though|"
                        r"and|which|plus|when|if|then|cause|coz|bc)\b")
# What leads up to a list of the offer as it stands: "to summarise where we are: base $172k, bonus 10%", "the offer
# says 37.5 hours, 1 remote day and $1,000"
CURRENT_LEAD = _cue(
    r"\b(?:to summari[sz]e|to recap|in summary|restate what i heard|where (?:i think )?we (?:are|stand)|"
    r"(?<!if )(?<!when )(?<!once )we'?re at|(?<!if )(?<!when )(?<!once )we are at|"
    r"(?:the|your) offer (?:says|includes|lists|has|gives)|looked at the numbers(?: again)?)\b"
)
# Where what leads up to a figure stops counting for it: "they pay 150k, so I'd like 160k", "…; you're at 72k".
LEAD_CUT = re.compile(
    r";|\b(?:so|therefore|hence|thus|then|but|however|if|unless|otherwise|instead|rather|you'?re at|you are at|"
    r"you(?:'ve| have)? offered|your offer|you'?re offering|the offer)\b"
)
# What the user has, was offered elsewhere, has seen or carries, said before the figures that show it:
# "I have an offer from them: 150k and 25 days", "today I earn 4,800 a month", "movers quoted us 6k".
EVIDENCE_LEAD = _cue(
    r"\b(?:levels(?:\.fyi)?|glassdoor|payscale|blind|surveys?|benchmarks?|median|average|"
    r"(?:the|a|market|pay|salary|typical) range (?:is|was|runs|of|for)|sits? at|companies (?:of )?your size|"
    r"(?:roles|positions|engineers|designers|managers|developers|analysts|seniors|people)(?: [\w-]+){0,4} "
    r"(?:pay|get|earn|make|are at|are paid|get paid)|i'?m at|i(?: am|'m) (?:now|currently|today) (?:at|on)|"
    r"my (?:actual|present) (?:salary|pay|base|wage)|i (?:receive|get|have) (?:today|now|currently)|"
    # "…below what I currently receive (25 days)": what the speaker has now, said before its figure
    r"i (?:currently|now) (?:receive|get|have)|"
    r"(?:i|we) (?:make|earn|get paid|am on|'m on)|i'?m (?:making|earning|on|paid)|(?:currently|today|right now|now) i|"
    r"my current|at my (?:current|last|previous|old)|my (?:last|previous|old) (?:job|role|company|employer|place)|"
    r"(?:they|peers|friends|others|companies|firms|people|roles|most) (?:also |even |already )?"
    r"(?:pay|pays|paid|offer|offered|give|gave|got|"
    r"get|earn|make)|(?:i'?ve|i have) (?:seen|heard|read about)|based on|according to|recruiters? (?:told|say|said)|"
    r"quoted?|costs? (?:me|us)|(?:would|will) cost|(?:comes?|came|adds? up) to|runs? (?:about|around|to)|"
    r"i'?d (?:lose|forfeit|be leaving|be giving up)|"
    # another employer's figures: "one of them came back with…", "another fintech offered…", "my bank pays…",
    # "I received a written offer yesterday: …"
    r"(?<!you )(?<!you've )(?<!you have )(?:came|(?:'ve|have|has)(?: now| just)? come) back (?:with|at)|"
    r"(?:another|other|the other|a|my|one) (?:[\w-]+ )?(?:company|firm|startup|fintech|bank|employer|scale-?up|place|"
    r"offer) (?:has |had )?(?:offered|offers|pays?|paid|gives?|gave|came back|is at|was at)|"
    r"(?:received|got|have|hold|holding) (?:a|an|another) (?:written |verbal |firm |new )?offer|"
    r"leav(?:e|ing) behind|walking away from|forfeit(?:ing)?)\b"
)
EVIDENCE = _cue(
    r"\b(?:levels(?:\.fyi)?|glassdoor|payscale|blind|surveys?|market|mkt|average|median|typical(?:ly)?|peers?|"
    r"comparable|similar (?:roles?|positions?|companies)|industry|benchmark|going rate|range for|"
    r"(?:they|he|she|companies|firms|others|people|peers|friends|colleagues|everyone|most) (?:also |even |already )?"
    r"(?:offered|offer|offers|pay|pays|paid|give|gives|gave|got|get|earn|earns|make|makes)|offered me|"
    r"offers? (?:from|at|of)|another (?:company|offer|startup|firm)|other (?:company|companies|offer|firms)|"
    r"competing|competitor|rival|currently|counter(?<!my counter)(?<!make a counter)(?<!here's a counter) ?-?offer|"
    r"(?:current(?:ly)?|curr) (?:salary|base|pay|job|role|package)|pays me|paid me|"
    r"my current|right now|rn|at the moment|today i|(?:i (?:make|earn|get|have|am on|am at)|i'm (?:on|at))\b.{0,20}"
    r"\b(?:now|today|currently|at the moment)|i (?:currently|now) (?:make|earn|get|have)|"
    r"(?:at|in) my (?:current|last|previous|old) |my (?:last|previous|old) (?:job|role|company|employer)|"
    r"costs?|cost me|would cost|will cost|spend|spent|paying|pay for|rent|mortgage|tuition|daycare|childcare|"
    r"los(?:e|ing)|leav(?:e|ing) (?:behind|on the table)|forfeit(?:ing)?|walking away from|give up by|"
    r"unvested|colleagues?|friends?|ppl|people (?:i know|in)|others|everyone|most (?:companies|firms|people)|"
    r"(?:i'?ve|i have) (?:seen|heard|read)|i (?:saw|heard|read)|based on|according to|"
    r"data(?! (?:engineer|scien|analy|platform|pipeline))|report|reports|"
    r"recruiters? (?:told|say|said)|postings?|job ads?|listings?|normal|standard|usual(?:ly)?|"
    r"earn|earns|earning|makes|making|get paid|are paid|is paid|quotes?|quoted|estimates?|bill|gone|"
    r"i know (?:get|make|earn|have|are)|(?:that|who) i know|i (?:spoke|talked) (?:to|with)|i'?ve spoken|told me|"
    r"(?:say|says|said) (?:to )?(?:me|us)\b|"
    r"mine'?s|mine is|published|is offering|are offering|was offered)\b"
)
ASKING = _cue(
    r"\b(?:i'?d (?:like|love|want|need|ask|prefer|be happy|be looking)|i would (?:like|love|want|need|ask|prefer)|"
    r"i(?:'d| would) (?:respectfully |kindly )?request|"
    r"i (?:want|need|ask|request|expect|propose|suggest|am asking|'m asking|am looking|'m looking|am hoping|"
    r"'m hoping|am targeting|'m targeting|target|push for)|i'?d push|can (?:you|we|u)|"
    r"could (?:you|we|u)|would (?:you|u)|"
    r"will you|is it possible|possible to|any chance|how about|what about|meet|bring|bump|make it|"
    r"match(?<!401k match)(?<!\) match)(?<!pension match)(?<!retirement match)(?<!% match)"
    r"(?! (?:of|and|is|was|at|up|feels?|seems?)\b)|"
    r"looking for|hoping for|asking for|aiming|expecting|at least|minimum|min|no less than|somewhere in|"
    r"(?:the )?lowest i(?:'d| would| can| will)? (?:go|do|accept|take)|"
    r"within (?:that|this|the) range|in that range|closer to|move (?:to|up)|go (?:to|up)|ok(?:ay)? with|"
    r"i'?m (?:asking|looking|hoping|targeting|aiming)|i'?d (?:accept|take|settle|consider|be (?:comfortable|fine|"
    r"ok|okay|open))|i would (?:accept|take|settle|consider|be (?:comfortable|fine|ok|okay|open))|"
    r"(?:would|'d) be (?:fair|reasonable|right|ideal|in line|appropriate)|feels? (?:fair|right)|"
    r"(?:would|'d|will) (?:make me whole|make up for (?:it|that|the \w+)|close the gap|even (?:it|things) out)|"
    r"(?:would|'d|will) (?:really |certainly |greatly )?(?:help (?:bridge|close|me|cover)|bridge the gap|"
    r"(?:allow|let|enable) me|"
    r"make (?:it|this|that|the (?:package|offer|move|numbers?)) work)|i(?:'d| would) (?:like to )?(?:propose|suggest)|"
    r"(?:my|a) (?:floor|bottom line|walk-away) (?:of|is|at)|(?:we|you) (?:can |could )?(?:reach|get to|land at)|"
    r"(?:can|could|would|will) (?:the|your) (?:company|team|department|employer|firm|organi[sz]ation|agency|"
    r"business|school|university|hospital|city|county|state) (?:be able to |\w+ )?"
    r"(?:cover|pay|fund|reimburse|contribute|provide|add|offer|match))\b"
)
# A figure said to be the norm in the words right after it is evidence, even in a question: "15 days when 25 is
# standard?", "a $4,000 training budget is standard at the companies I've talked to"
NORM_AFTER = _cue(r"\s*(?:(?!(?:when|whereas|while|but|if|so)\b)[a-z-]+\s+){0,6}?(?:is|are|'s) "
                  r"(?:pretty |quite |fairly |very |the )?(?:standard|normal|norm|common|typical|usual)\b")
# The offer as it stands, named right before a number ("instead of 4%", "you offered 120k")...
CURRENT_BEFORE = _cue(
    r"\b(?:(?:\d{1,2}|one|two|three|four|five) of(?= (?:the|my|your|our) )|"  # "2 of the 18 days": the whole
    r"up from|not|(?:i'?m|i am) (?:comfortable|fine|happy|ok|okay|content) with|(?:change|touch) the|"
    r"(?:right now|currently|rn|at the moment),? (?:it'?s|it is|that'?s|they'?re)(?: only| just)?|"
    # "3 wfh days? now 2", "… 🧪 currently 2": said alone after the ask, the figure the offer has
    r"(?:(?<=[^\w\s,] )|^)(?:currently|now|rn|right now|atm)(?![:,]?\s+[a-z])|"
    r"coming back with|(?:you'?re|you are|u'?re|ur|u r|u) at|your|the offer (?:includes|has|gives)|"
    r"(?:you|u)(?:'ve| have)? offered(?: me)?|you'?re offering|"
    r"your offer (?:of|is|was|at)|the offer(?:ed)? (?:of|is|was)|currently offered|"
    r"revised (?:figure|offer|package|proposal) of|"
    r"instead of|rather than|versus|vs\.?|"
    r"(?:(?<=\dk )|(?<=\d )|(?<=\d% ))over|"  # "88k over 84k?": the figure preferred over the offer's
    r"agreed (?:on|to)|agree (?:with|to)|unchanged (?:at|of)|as offered (?:at|of)|"
    r"(?:stays?|remains?|staying|leaving \w+|leave (?:it|\w+)) at|(?<!what )(?<!how )about the|regarding the|"
    r"(?:can'?t|cannot|won'?t|not|not able to|unable to|not going to|am not going to) (?:agree to|accept|do|take)|"
    r"you (?:give|gave|pay|offer)(?: me)? (?:only|just)|in place of|"
    # "you give me 3 weeks holiday, I want 5": what they give, said as a fact (not "if you give me", "can you give me")
    r"(?<!if )(?<!when )(?<!unless )(?<!can )(?<!could )(?<!would )(?<!will )(?<!to )(?<!and )(?<!so )(?<!'d )"
    r"you (?:give|pay|offer)(?: me)?|"
    r"(?:is|are|was|'s) (?:fixed|capped|set|stuck|firm) at|"
    r"appreciate(?: the move to| you going to| that you went to| you moving to)?|"
    r"(?:can|could) work with|proposed|thanks? (?:you )?for (?:confirming|moving to|going to|getting to|the move to|"
    r"offering|coming up to)|(?:won'?t|will not|not going to) (?:ask|push)(?: for| on)?(?: more than| beyond| above)?|"
    r"you (?:went|came|moved|got|have gone|'ve gone|'ve come|have come) (?:up |back )?(?:to|with|at)|"
    r"the current|the existing|keep(?:ing)?|current offer of|on the table|"
    r"offer(?<![a-z]'s offer)(?<!other offer)(?<!competing offer)(?<!second offer)(?<!rival offer)(?<!an offer)"
    r"(?<!a offer)(?<!their offer)(?<!our offer)(?<!written offer)(?<!verbal offer)(?<!firm offer)"
    r"(?:ed)? (?:of|is|was)|"
    r"(?:revised|updated|new|latest) (?:figures?|offer|package|numbers)|"
    r"(?:offer|package|salary|base) (?:works|comes) out (?:to|at)|"
    r"(?:policy|contract|draft|offer letter|agreement|recap|summary) (?:still )?"
    r"(?:says?|shows?|is|has|gives|includes|lists|states)|"
    # "4 wfh days pls, offer says 2", "(the offer currently shows $0)": the offer's own figure, not a rival's
    r"offer(?<!other offer)(?<!competing offer)(?<!an offer)(?<!their offer)(?<!rival offer)(?<!second offer)"
    r"(?<!a offer)(?<!new offer) (?:currently |still |now )?(?:says?|shows?|has|lists|states))[:,]?\s+"
    r"(?:the\s+|your\s+|my\s+|a\s+|at\s+)?(?:[\w$€£₪-]+\s+){0,2}$"
)
# A figure named with "the" right before it, the perk's name following, is one already on the table: "the $10k
# relocation leaves me short", "could the $3,600 transport allowance be raised", "confirm the 20 days of PTO".
THE_FIGURE_BEFORE = _cue(r"\b(?:the|this|that|your)\s+[$€£₪]?$")
# …unless the words before "the" ask for it or give it up: "I'd also like the €50 gym subsidy", "drop the $600 stipend".
THE_FIGURE_WANTED_BEFORE = _cue(
    r"\b(?:like|love|want|need|get|getting|ask(?:ing)? for|add|adding|cover|do|give me|pay|"
    r"give up|giving up|drop|dropping|forgo|forego|"
    r"waive|skip|trade|trading|swap|lose|sacrifice)\s+(?:the|this|that|your)\s+[$€£₪]?$")
# …but not a figure the speaker owns or asked for: "the 25 I get now", "the $185k I asked for".
THE_FIGURE_OWNED_AFTER = _cue(r"\s*(?:i|i'?ve|i'?d|i'?m|we|my|mine|you'?d)\b")
# A figure stated as what something costs, after the thing it pays for (cues.COST_OBJECT): "parking runs ₪700 a
# month", "the gym is like $90/mo", "the exam comes to about 1.2k". Evidence for an ask, not the ask.
COST_STATED_BEFORE = _cue(
    r"(?:\b(?:is|are|runs?|costs?|charges?|comes? to|adds? up to|estimated at|it'?s)\s+(?:me |us )?|"
    # "cover my deutschlandticket (58€/mo)": the price in brackets after the thing
    r"(?<=[a-z] )\(\s*)"
    r"(?:like |about |around |roughly |approximately |almost |nearly |over |at least |~)?[$€£₪~]?$"
)
# A figure followed by a request to pay it is the cost to be covered, not the ask: "parking ₪700/mo, cover it?",
# "the course is $1,500, could you pay for it?"
COVER_IT_AFTER = re.compile(
    r"[^,.;:?!]{0,12}[,.;:!-]\s*(?:(?:so |and )?(?:(?:can|could|would|will) (?:you|u|they|the company|we)|"
    r"(?:you|u|they) (?:can|could)) )?"
    r"(?:cover|pay for|pay|reimburse|pick up|chip in for|contribute to|help with) (?:it|that|this|them)\b"
)
# A price put in brackets after the thing asked to be paid for: "pls cover deutschlandticket (58€/mo)", "could you
# cover my gym (45/mo)?": what it costs, evidence for the request, not a sum asked for
PRICED_IN_BRACKETS_BEFORE = re.compile(
    r"\b(?:cover|covering|pay for|paying for|reimburse|reimbursing)\s+(?:the |my |a |an |our )?[\w-]+(?:\s+[\w-]+)?"
    r"\s*\(\s*(?:~\s*|about |around |like |approx\.? )?[$€£₪]?$")
# A sum said of "it" or "that", the thing named before: "could you pay for the ticket? It's €58 a month", "the
# Deutschlandticket, that is €58 a month", "I think it is about $90", "its like 60 a month", "it costs me ₪700":
# what it costs, not what is asked
PRICED_BY_PRONOUN_BEFORE = re.compile(
    r"\b(?:it|that|this|which)(?:'?s| is| was| costs?| runs?| comes to| adds up to| will cost)\s+(?:me |us )?"
    r"(?:like |about |around |roughly |approximately |almost |nearly |only |just |over |at least |~)?[$€£₪~]?$"
)
# Asking that someone pay for a thing, named before ("it", the group `it`) or here: "would Nordlicht pay for it?",
# "could the company add it?", "you can pay it?", "company can pay it?", "could Kestrel cover it in full?", "maybe you
# can pay the course?", "would Nordlicht contribute to the Deutschlandticket?", "is possible that company pay my
# parking?". The one who pays may be named between the modal and the verb, or before it, but is not the speaker
# ("I can add a lot here", "so I could pay for it"). Put as the condition of a trade, the request needs no modal:
# "I can live with ₪42,000 if you also cover my parking", "…if the company pays for my train pass".
PAY_REQUEST = re.compile(
    r"(?:(?<!\bi )\b(?:would|will|could|can)\b[^.?!;]{0,30}?|"
    r"\bif (?!i\b)(?:the )?[a-z]+ (?:also |just )?|"
    r"\bpossible (?:that |for )?(?:the |you )?[a-z]+(?: to)?\s+)\b"
    r"(?:covers?|pays?(?: for)?|reimburses?|adds?|includes?|picks? up|chips? in for|contributes? to|helps? with)\s+"
    r"(?:(?P<it>it|that|this|them)|one|the|my|a|an)\b"
)
# The same request put as a question about "that": "flexible hours matter most to me. Is that doable?", "on parking,
# is that something you can cover?"
THAT_ASKED_FOR = re.compile(
    r"\b(?:is|would) (?:that|this|it) (?:be )?(?:(?:something|anything) (?:that )?(?:you|u|we|they|[a-z]+) "
    r"(?:can|could|would|might) (?:\w+ )?(?:do|cover|offer|provide|add|pay(?: for)?|include|arrange|consider|support)|"
    r"(?:at all |even |also )?(?:doable|possible|feasible|an option|workable))\b|"
    # "…working from home sometimes? Only if it's possible.", "…leave early on those days, if that's okay"
    r"\bif (?:it'?s|it is|that'?s|that is) (?:\w+ )?(?:possible|doable|ok(?:ay)?|alright|all right)\b"
)
# A figure said to be had elsewhere is a rival offer: "41 elsewhere", "got 160k base elsewhere".
ELSEWHERE_AFTER = re.compile(r"\s*(?:[a-z/-]+\s+){0,2}?(?:elsewhere|somewhere else)\b")
# …unless what is named is the perk's own allowance: "the parking allowance is ₪300" is the offer.
ALLOWANCE_WORDS = _cue(r"\b(?:allowance|budget|stipend|benefit|subsidy|coverage|contribution|reimbursement)\b")
# Words of cues.ASKING that take a figure rather than ask for it: "I'd accept $74,800", "I'd be okay staying on 37.5"
TAKING_NOT_ASKING = re.compile(r"\b(?:accept|take|settle|consider|comfortable|fine|ok|okay|open|ok with)\b")
# A comma inside a figure ("3,600"), which cues.ROLE_SPLIT cuts at
DIGIT_COMMA = re.compile(r"\d,\d")
# A request to confirm or write down what is named: "could you confirm the $120k", "I'd like the 25 days in writing"
CONFIRMING_NOT_ASKING = re.compile(r"\b(?:confirm\w*|in writing|written|put (?:it|that|this|them) down|document\w*|"
                                   r"recap\w*|summari[sz]\w*|send (?:me )?(?:over )?(?:the|a|an) )")
# A clause put as a tentative wish, "maybe 78?", "perhaps two days?": a request, not an echo of the figure
TENTATIVE_START = re.compile(r"\s*(?:(?:or|and|so|but)\s+)?(?:maybe|perhaps|possibly)\b")
# Between a figure and a bare one it is compared with: "20 days instead of 15", "3 remote days rather than two".
COMPARED_WITH = _cue(
    r"(?:\s+[\w-]+){0,3}?\s+(?:instead of|rather than|versus|vs\.?|up from)\s+(?:the |your |my )?$")
# "24 days off instead of 20", "an ₪8,000 budget versus ₪5,000": the figure put in place of the offer's is the ask
PUT_IN_PLACE_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:instead of|rather than|versus|vs\.?)\s+(?:the |your |my )?(?:current )?"
    r"(?:[$€£₪]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)")
# A figure the ask is put in place of: "$10k instead of $5k, and three days…" ends one item; the next is not its kin.
INSTEAD_BEFORE = _cue(r"\b(?:instead of|rather than|in place of|versus|vs\.?)\s+(?:the |your |my )?[$€£₪]?$")
# A figure said in the same breath as the one before it keeps its role: "my base is £68,000, with a 10% bonus"; a
# request in between starts a new one: "keep the salary at $68k, give me two days at home".
SAME_BREATH = re.compile(
    r"(?:(?![.;!?\n]|\b(?:so|but|yet|though|however|i|i'?d|i'?m|could|can|would|will|please|want|need|ask|asking|"
    r"instead|rather|for|if|than|to|give|add|adding|make|bump|raised?|increased?|what about|how about|go with|"
    r"last (?:item|thing|point|piece))\b).)*"
)
# Two figures listed together ("the $135k and 3 remote days we discussed"): what follows the second is said of both
LISTED_WITH = re.compile(
    r"\s*(?:(?!is\b|are\b|was\b|were\b|with\b|to\b|from\b|and\b)[a-z%-]+\s+){0,2}(?:,\s*|and\s+|&\s+|plus\s+)"
    r"(?:(?:a|an|the)\s+)?"
)
# "go from 2 to 3 remote days": a change from the offer as it stands to the ask, not a range of asks
CHANGE_FROM = re.compile(
    r"\b(?:go|goes|going|went|increase[ds]?|increasing|raise[ds]?|raising|move[ds]?|moving|bump(?:ed)?|change[ds]?|"
    r"up|grow|extend(?:ed)?|take|taking|get|getting|bring|reduce|lower|shift|push|rise|improve|adjust)\b"
    r"[^.!?]{0,40}(?<!range )(?<!ranges )(?<!ranging )(?<!run )(?<!runs )(?<!vary )(?<!varies )\bfrom "
    r"(?:the |your |my )?(?:current )?[$€£₪]?$"
)
RANGE_TO = re.compile(r"\s*(?:to|-|–|—)\s*")
# "from 12% to 18%": the first figure is the offer as it stands
FROM_BEFORE = re.compile(r"(?<!start )\bfrom (?:the |your |my )?(?:current )?[$€£₪]?$")
TO_AFTER = re.compile(
    r"\s*(?:[a-z%]+\s+){0,2}?(?:to|up to)\s+(?:about |around |roughly |approximately )?"
    r"(?:[$€£₪]?\d|(?:two|three|four|five|six|seven|eight|nine|ten|twelve)\b)"
)
RUNG = re.compile(r"\b(?:step|grade|level|band|tier)\b")
# "₪8,000 below the other one", "5k short of their offer": a figure that measures a gap to another
GAP_AFTER = re.compile(
    r"\s+(?:a (?:year|month) )?(?:below|under|short of|behind)\s+(?:the other|theirs|their|what (?:the other|they)|"
    r"the (?:competing|rival|other)|(?:my|the) (?:current|other) (?:one|offer|job|salary))")
# "close the gap between $172k and $185k": the gap starts where the talks stand, as "from 150 to 165" does
GAP_BETWEEN_BEFORE = re.compile(r"\b(?:gap|difference|distance) between (?:the |your |my )?[$€£₪]?$")
# "15 → 22 days", "$2k -> $4k", "pto 20 --> two more": an arrow from a figure to another says where it is now and
# where it should go, like "from 15 to 22"
ARROW_TO_AFTER = re.compile(
    r"\s*(?:[a-z%]+\s*){0,3}?(?:-+>|=+>|→|⇒)\s*(?:about |around |like )?[$€£₪]?"
    r"(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten)\b)")
# The offer as it stands, judged too low: "0.05% feels low", "3% match is a joke", "$500 wouldn't cover a ticket".
_JUDGED_LOW = (
    r"(?:(?:is|are|feels?|seems?|looks?|sounds?|sits?|(?<=\W)(?:that|it)'?s) " + SOFTENED
    + r"(?:low|thin|light|short|small|tight|stingy|meh|below|under|few|a joke|not enough|insufficient|underwhelming|"
    r"disappointing|down|on the (?:low|light|short) side|(?:way |far |a long way )?off|nowhere near|"
    r"barely a (?:bump|raise|move)|(?:rough|whatever|insulting)\b)|"
    r"(?:would be|is) a (?:step back|step down|pay cut|cut)|"
    # "150k is barely a bump", "72k is on the low end of…": the offer judged against what the speaker wants
    r"(?:is|'s|are) (?:barely|hardly)\b|(?:is|'s|sits) (?:on|at) the (?:low|lower|bottom) end\b|"
    r"(?:wouldn'?t|won'?t|doesn'?t|does not) (?:even )?"
    r"(?:cover|work|do))"
)
# "…6 weeks, which is well below…", "oof 15 days. that's rough": a judgement said in the next clause
WHICH_JUDGED = re.compile(r"\W*(?:(?:which|that) |(?=(?:that|it)'?s ))" + _JUDGED_LOW)
# ...or right after it ("22 days is low", "$3,000 won't cover a move").
CURRENT_NEXT_TO = re.compile(
    r"^\W*(?:[\w-]+\s+)?(?:as offered|unchanged|as (?:it )?is|it is\b(?! \w)|as (?:we )?(?:planned|discussed|agreed)|"
    # "vacation 20d ok.", "3 is fine but 4…": the figure is taken as it stands, unless the clause asks whether it is
    r"(?:is |are |'s )?(?:ok|okay|fine)(?:-ish)?(?![^.!;]*\?))\b"
)
# A figure thanked for as a message opens is the offer: "Thanks for $150k. …", "thank you for the 155k".
THANKED_FOR = re.compile(r"thanks? (?:you )?for(?: the)?[:,]?\s+(?:[\w$€£₪-]+\s+){0,2}")
# A figure refused or echoed in disbelief just after it is said names the offer being turned down, not what is
# asked: "155 doesn't cut it", "75 is better but still not enough", "87?? come on", "$178k doesn't get it done".
REFUSED_FIGURE = _cue(
    r"\s*(?:[\w-]+\s+){0,3}?(?:does(?:n'?t| not) (?:quite |really |even )?"
    r"(?:cut it|get (?:it|me|us|the job) done|do it)|"
    r"(?:is|'s) (?:a bit |much |slightly |definitely )?better,? but|(?:is|'s) (?:still )?not enough|"
    r"(?:is|'s|are) (?:just |simply |frankly )?(?:useless|a joke|insulting|laughable|pointless))|"
    r"\s*\?\s*[?!]|\s*\?\s*(?:come on|seriously|really)\b|"
    # "150 I cannot accept": the figure turned down in the words right after it
    r",?\s*i (?:can'?t|cannot|can not|won'?t) (?:accept|take)\b(?! (?:less|anything|lower|below|under))"
)
# A figure held up against who or when it is for, then questioned: "172k for a manager role??", "71k for 6 yrs of
# GIS?!", "20 days pto in 2024??"; with one question mark only where the message sneers ("172 for managing a team?
# kinda insulting"). Unless the words before it ask for it: "could you do 90k for the senior role??".
FIGURE_HELD_UP_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:for|in)\s+[^.?!;,]{1,40}?\?(\s*[?!])?")
CURRENT_AFTER = re.compile(
    r"^\W*(?:[\w-]+\s+){0,2}?(?:too |way |kinda |pretty |so |a bit )?low(?=\s*(?:[,.;!?]|$))|"
    r"^\W*(?:[\w-]+\s+){0,4}?(?:isn'?t|is not|not(?!\s+[$€£₪]?\d)|"
    r"is (?:still )?(?:a bit |quite |too |very |considerably |way )?"
    r"(?:low|below|under|short|tough|insufficient|hard)|are (?:low|not enough)|won'?t (?:cover|work|do)|"
    r"doesn'?t (?:cover|work|meet)|does not (?:cover|work|meet)|remains? (?:below|under)|"
    r"too (?:low|little|few|small|soon|early|tight)|"
    r"falls? short|(?:is|are|feels?|seems?) (?:a bit |kinda |pretty |really )?(?:rough|light|small|tough)|"
    r"(?:allowance |amount |figure |package )?offered\b|on offer|in (?:your|the) offer|"
    r"you offered|you'?re offering|(?:is|as) your (?:budget|max|limit|cap)|on the table|in the offer|"
    r"(?:is|are|looks?|seems?|sounds?) (?:(?:more than|perfectly|totally|absolutely|really) )?"
    r"(?:fine|ok|okay|good|great)|"
    r"(?:both|all) work\b|works|covers me|doesn'?t reflect|"
    + _JUDGED_LOW + r"|"
    r"(?:we|you) (?:discussed|agreed(?: on)?|mentioned|described|quoted|talked about)|as (?:we )?(?:discussed|agreed)|"
    r"is (?:the|your) (?:[\w-]+'s )?(?:ceiling|max(?:imum)?|limit|cap|top|most)|is (?:at )?the bottom of|"
    r"is a (?:(?:solid|good|great|big|real|fair|nice) )?(?:step|move|start|improvement)|"
    r"(?:is|'s) (?:a lot |much |way |a bit |definitely )?closer\b(?! to)|covers (?:most|part|some|half) of|"
    r"(?:is|sits?) (?:in )?(?:a |the )?(?:fixed|set|capped)|"
    r"you(?:'ve| have)? (?:came|come|went|gone) back (?:with|at)|"
    r"(?:(?:raised|bumped|increased|moved|going|go|goes|went|come|comes) (?:up )?to|could go to) [$€£₪]?\d)"
)

# Text that is not English: function words of other languages, or another script.
_FOREIGN = (
    "und ich nicht das ist mit für bitte danke sehr gerne wir möchte gehalt urlaub "
    "el la los las que por para con una pero muy gracias quiero salario vacaciones podemos "
    "je tu vous nous est une pour avec merci voudrais salaire télétravail "
    "não com uma obrigado por mês gostaria podemos salário "
    "di della il che per una grazie sarebbe possibile stipendio "
    "jest nie się czy dni urlopu dziękuję możliwe "
    "het een niet voor dank graag salaris "
    "brauche mindestens kurze frage gibt es ein eine habe auch aber oder kann"
)
FOREIGN_WORDS = frozenset(_FOREIGN.split())
_ENGLISH = "the and i you to is a of for my can we it that be would like could this have me please"
ENGLISH_WORDS = frozenset(_ENGLISH.split())
OTHER_SCRIPT = re.compile(  # Hebrew, Arabic, Cyrillic, Greek, Japanese kana, CJK, Hangul, Devanagari
    r"[\u0590-\u05ff\u0600-\u06ff\u0400-\u04ff\u0370-\u03ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\u0900-\u097f]"
)

# All or nothing: coached as an ultimatum, never read as walking out.
ULTIMATUM = _cue(
    # "either X or Y" offers a choice; "either X or I walk" does not
    r"\b(?:either\b.{1,60}\bor (?:else\b|(?:i|we)\b|i'?m\b|nothing\b|no\b)|"
    r"or (?:else )?(?:i|we)(?:'ll| will| would)? (?:walk|stop|leave|go elsewhere|decline|"
    r"pass|take the other|(?:accept|take|sign) (?:another|a different|the other) (?:offer|job|role|position))|"
    r"or (?:i|we) (?:'ll |will )?go (?:to|with) (?:the |an? )?(?:other|another)|"
    r"or (?:we stop|nothing|no deal|i'?m out|we'?re done|we are done)|"
    # "I have another offer at 165 and I'll take it unless you hit 165", "92 or I take my portfolio elsewhere"
    r"i'?ll (?:take|accept|sign) (?:it|that(?: one)?|theirs|them|the other(?: one| offer)?) unless|"
    r"or (?:i|i'?ll|i will) (?:take|bring) it elsewhere|(?:take|bring) (?:my [\w-]+|myself) elsewhere|"
    r"(?<!understand )(?<!know )(?<!if )(?:that'?s|that is|this is) not negotiable(?!\?)|"
    r"or (?:don'?t|do not) bother|or stop calling|(?:my )?last word|"
    # "75k or forget it": the talks end only if the figure is not met (an ultimatum, not a walk-out)
    r"(?:\bor|otherwise),? forget (?:it|about it|the whole thing)|"
    # "if I leave now I walk away from my bonus" forfeits a bonus; it threatens nothing
    r"(?:if|unless) [^.!?]{1,50}\bi (?:walk|leave|go elsewhere|decline)\b(?! (?:away )?from\b| (?:my|behind)\b)|"
    r"(?:i'?m|i am) (?:going to|gonna) have to (?:turn (?:this|it) down|decline|walk|pass)|"
    r"^\W*(?:no|without) [\w\s'-]{1,30},? no deal|otherwise (?:i|we)(?:'ll| will)? "
    r"(?:walk|decline|pass|go)|take it or leave it|final (?:answer|offer)(?: is)?:|"
    r"otherwise,? (?:i'?m|i am) (?:going to|gonna) (?:take|accept|go with|sign with) (?:the|an?)? ?other|"
    r"(?<!not a )(?<!n't a )(?<!no )deal-?breaker|"
    r"(?:if|unless) .{1,50}(?:i'?ll|i will|i'?d|i would) (?:have to |need to |be forced to )?(?:walk|decline|pass|"
    r"go elsewhere|take the other|withdraw)|anything (?:less|lower|below|under)[^.!?]{0,30}(?:i|we)(?:'ll| will)? "
    r"(?:walk|withdraw|decline|pass)|or (?:i'?m|im|i am|we'?re|we are) (?:done|out|walking)(?: here)?|"
    r"non-?negotiable|not negotiable for me|bottom line|or i walk|or i stay|or no (?:deal|move|go)|"
    r"(?:this|that) is final|that'?s final|final(?=\W*$)|otherwise,? it (?:won'?t|will not|doesn'?t) work|"
    r"^\W*final\b|my final (?:position|word|number)|"
    r"walk-?away (?:point|number)|(?:unable|not able) to proceed|i must say no|i'?ll sign with them|"
    r"(?:if|unless|otherwise|should) .{1,60}(?:i'?ll|i will|i'?d|i would|i)(?: have to)? (?:step away|withdraw)|"
    r"(?:if|unless) .{1,50}(?:i'?m|i am) (?:withdrawing|walking away|out)|"
    r"without (?:it|that|them|this|[\w\s'-]{1,40}),? (?:i regret that )?i (?:can'?t|cannot|won'?t|am unable to|"
    r"would not be able to|wouldn'?t be able to|will not be able to|won'?t be able to) "
    r"(?:take|accept|join|come on board|sign))\b"
)
# An acceptance in words that need no context ("I accept"), against "ok" or "deal" that only accept an offer.
# "ok, that's fine, thank you": settling with thanks takes the offer even after a question
# Taking the standing figure in words after a refusal or a prompt ("ok, that's fine", "alright, that's okay for
# me"), unlike "ok" or "ok, I understand", which only acknowledge it.
SETTLING = re.compile(r"\b(?:that'?s|that is|it'?s|this is) (?:fine|good|ok|okay|great)\b.*\bthank|"
                      r"\bthank.*\b(?:that'?s|that is|it'?s|this is) (?:fine|good|ok|okay|great)\b|"
                      r"\b(?:that'?s|that is|this is) (?:fine|ok|okay|acceptable)\b(?! (?:but|if|as long)\b)")
IF_FIXED = re.compile(
    r"\bif (?:the |my )?[\w-]+(?: [\w-]+)? (?:(?:really )?(?:can'?t|cannot|won'?t|doesn'?t|isn'?t going to) "
    r"(?:move|budge|change|go up|go higher|be raised|increase)|(?:is|are) (?:fixed|capped|set|locked|firm))\b"
)
# A perk named without a number that nothing asks for (docs/labelling.md; searched around the perk's mention):
# "let's set the sign-on aside", "a normal bonus, let's leave that": a topic put aside is no term at all;
# "something I get every year, like a bonus": a comparison.
SET_ASIDE_BEFORE = re.compile(r"\b(?:set|put|leave|park|table)\s+(?:the\s+|my\s+|your\s+|that\s+)?$")
SET_ASIDE_AFTER = re.compile(r"\s+(?:aside|to one side|on hold|for (?:now|later|the moment)|to revisit)\b")
LEFT_FOR_LATER = re.compile(r"\blet'?s (?:leave|park|skip|set aside|put aside) (?:that|this|it)\b")
LIKE_A_BEFORE = re.compile(r"(?:,|\bsomething|\bsort of|\bkind of|\bjust) like (?:a |an |the )?$")
# "to help with the move" after what is asked: what the ask is for, not a second perk
PURPOSE_BEFORE = re.compile(r"\bto $")
# A perk the user has now and loses by moving: evidence ("I will lose my yearly bonus", "walk away from my annual
# bonus", "my current employer pays a yearly bonus"), not an ask.
LOST_BEFORE = re.compile(
    r"\b(?:los(?:e|ing)|lost|forfeit(?:s|ed|ing)?|walk(?:ing)? away from|leav(?:e|ing)(?: behind)?|miss(?:ing)? out on)"
    r"\s+(?:all\s+(?:of\s+)?)?(?:my|our)\s+(?:\w+\s+)?$"
)
# The same said after the perk, as what the user loses: "the bonus I'd forfeit", "the bonus I will lose by leaving",
# "the bonus they lose"; and before it with any article: "walking away from a bonus", "I'll lose the bonus"
LOST_AFTER = re.compile(
    r"\s+(?:(?:that|which|what)\s+)?(?:i|we|they|you|he|she)(?:'d|'ll|'m)?\s+(?:(?:will|would|have to|would have to|"
    r"am going to|going to|be|'d be)\s+)*(?:los(?:e|ing)|forfeit(?:ing)?|leav(?:e|ing) behind|"
    r"walk(?:ing)? away from)\b"
)
LOST_ANY_BEFORE = re.compile(
    r"\b(?:los(?:e|ing)|forfeit(?:s|ed|ing)?|walk(?:ing)? away from)\s+(?:a|an|the|this|that)\s+(?:\w+\s+)?$"
)
# Given up by leaving the current job: "I'd be giving up my annual bonus by leaving" (the sentence says it is the
# move that costs it, see LOSS_FROM_LEAVING)
GIVEN_UP_BEFORE_LEAVING = re.compile(r"\bgiv(?:e|ing) up (?:my|our|a|an|the) (?:\w+\s+)?$")
# A sentence that wants the perk it names even where no request was read: "Grade 8, please.", "any shot at the
# ticket too?", "a mentor would help very much", "parking is third", "flexible hours would be huge"
WANTED_IN_SENTENCE = re.compile(
    r"\b(?:please|pls|plz|(?:would|will|'d|'ll) (?:be|help|mean|make)|(?:any|a) (?:shot|chance) (?:at|of|for)|"
    r"(?:is|are|comes?) (?:first|second|third|next|last)|most important|priority|matters? (?:most|more)|"
    r"i (?:need|want|wish|hope|prefer)|i'?d (?:love|like|want|prefer)|hoping for|looking for)\b|🙏"
)
# What an ask for another perk is meant to pay for: "a sign-on to cover the bonus", "for cover this bonus"
COVERED_BEFORE = re.compile(
    r"\b(?:to|for)\s+(?:help\s+)?(?:cover|covers|offset|make up for|compensate(?: for)?|"
    r"replace|recoup|make good)\s+(?:the|my|this|that|a|an|what)?\s*(?:\w+\s+)?$"
)
AT_CURRENT_JOB_BEFORE = re.compile(
    r"\b(?:my (?:current|present) (?:employer|job|company|firm)|at my (?:current |present )?(?:job|employer|"
    r"company|firm))\b(?: \w+){0,2}? (?:pays?|gives?|offers?|provides?|has|had|i (?:get|got|have|had))\b[^.;!?,]*$"
)
# Named as settled or thanked for: "thanks for checking on the sign-on", "thank you for the equity", "I'll keep the
# VSOP then", "I wait your answer for the sign-on", "after pay, remote work matters most", "the salary is fixed".
THANKED_FOR_BEFORE = re.compile(
    r"\bthank(?:s| you| u)(?: \w+)?(?: so much| very much| again| sm| kindly)? (?:for|on) "
    r"(?:(?:checking|looking|asking)(?: (?:on|into|about))? )?(?:the |my |your )?$|"
    # "thank you so much for agreeing to flexible hours", "thanks for placing me on step 3", "thank you that you put me
    # on step 3": what the recruiter granted
    r"\bthank(?:s| you| u)\b[^.!?;]{0,20}?\b(?:for|that you) (?:agreeing to|placing me (?:on|at)|putting me (?:on|at)|"
    r"put me (?:on|at)|giving me|granting|the)\s+(?:[\w-]+\s+)?$"
)
# A perk said to matter less than others is not asked for: "the VSOP matters much less", "learning budget is not so
# important" (a ranking that names it below others, "X matters more than Y", still asks for Y: guide)
LESS_IMPORTANT_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}\s+(?:is|are|matters?)\s+(?:(?:much|far|a lot|way)\s+)?(?:less|not (?:so|that|very|as) "
    r"important|not a priority|secondary)\b|(?:\s+[\w-]+){0,4}\s+(?:matters?|are|is) (?:much |far )?less\b"
)
KEPT_BEFORE = re.compile(r"\b(?:i'?ll|i will|i can|let'?s|happy to|fine to) keep (?:the |my )?$")
KEPT_AFTER = re.compile(r"\s*(?:then\b|as it is\b|as is\b)?\s*(?:[.;!]|$)")
AWAITED_BEFORE = re.compile(
    r"\b(?:wait(?:ing)?|look forward to|hear(?:ing)? back|news)(?: for)? (?:(?:your|an|the) (?:answer|reply|news|word)"
    r" )?(?:for|on|about) (?:the |my )?$"
)
DONE_BEFORE = re.compile(r"\b(?:after|besides|apart from|other than) (?:the |my )?(?:[a-z]+ )?$")
DONE_AFTER = re.compile(r"\s*(?:,|[.!](?:\s|$)|$|is\b|comes\b|matters\b)")
# "since remote work is off the table", "the car is out of the question": refused and let go, no term (guide:
# a topic put aside)
OFF_THE_TABLE_AFTER = re.compile(r"\s+(?:is|are|'s) (?:now |clearly |already )?(?:off the table|out of the question)\b")
# Wanting to understand a perk, or that it is fixed: "so I understand the pension and the VSOP part" asks about it,
# "I understand leave and pension are the same for everyone" names the offer as it stands; a request after it
# ("I understand the band is fixed, so could we raise the sign-on") is not covered
UNDERSTAND_BEFORE = re.compile(
    r"\b(?P<want>(?:like|want|need|love|help me|to|i'?d) |so (?:that )?i (?:can )?)?"
    r"(?:understand(?:ing)?|figure out|make sense of|get my head around)\b(?P<gap>[^.?!;:]{0,40})$"
)
REQUEST_IN_GAP = re.compile(
    r"\b(?:could|can|would|will|raise|increase|add|more|bump|instead|need|want|like|ask|request|propose|but|so|"
    r"then|if)\b"
)
STATED_FIXED_AFTER = re.compile(
    r"\s+(?:is|are) (?:(?:already|really|simply) )?(?:fixed|capped|set|locked|off the table)\b"
)
# "drop base to 155", "cut the sign-on down to 5k": lowered to a figure, not declined
LOWERED_TO_AFTER = re.compile(r"\s+(?:down )?to (?:about |around |like |maybe )?[$€£₪]?\d")
# A first sentence that only thanks ("Great, thank you.", "ok thanks!"): a courtesy before what comes next
BARE_THANKS = re.compile(r"^\W*(?:(?:great|good|ok(?:ay)?|perfect|sure|lovely)\W+)?(?:thanks|thank you|ty)\W*[.!]\s")
# "no, I don't need to talk it over": the "no" turns down more time, it refuses no term
NO_NEED_AFTER = re.compile(r"\W+(?:i|we) (?:don'?t|dont|do not|won'?t) (?:need (?:to|more|any|the)|want (?:to )?"
                           r"change|mean)\b")
# "okay, that's fine, I understand. Sorry for asking": a no acknowledged after a refusal, not a term taken
ACKNOWLEDGED_NO = re.compile(r"\b(?:i understand|understood|i see|sorry for asking|no problem|fair enough|i get it)\b")
# A first sentence that only approves, right after the recruiter gave ground ("Good.", "Very good, thank you.",
# "That's wonderful, thank you for getting both of those.", "That means a lot, thank you.", "ok perfect."): the move
# is taken (thanks alone, "Thank you, Maya.", are THANKS_FIRST).
MOVE_APPROVED_FIRST = re.compile(
    r"^\W*(?:(?:oh|ok(?:ay)?)\W+)?(?:(?:that'?s|that is|this is|it'?s) (?:(?:really|so|very|just) )?"
    r"(?:great|good|wonderful|perfect|excellent|fantastic|amazing|brilliant|lovely|super)(?: news)?|"
    r"that means a lot|(?:(?:very|really|so) )?(?:good|great|perfect|excellent|wonderful|lovely|brilliant|fantastic|"
    r"amazing|awesome|nice)(?: news)?)"
    r"(?:\W+(?:thanks|thank you|ty)\b[^.!?]*)?\s*[.!]+(?:\s|$)"
)
# After thanks for a move, the figure called a step towards the goal and pushed past: "Close, but…", "It's a real
# step, but…" (docs/labelling.md, fifth round: still pushing is not approval)
STILL_PUSHED_NEXT = re.compile(
    r"\W*(?:(?:it'?s|that'?s|this is|that is|it is) )?(?:(?:a|an) (?:\w+ )?(?:step|start|improvement)|"
    r"(?:much |a lot |a bit )?(?:close|closer|better|progress))\b[^.!?]{0,20}\bbut\b"
)
# "Fine, €78k.", "whatever, ok, 12.5k.": a yes and the figure just offered, as the whole first sentence
FIGURE_TAKEN_FIRST = re.compile(
    r"^\W*(?:(?:(?:whatever|ok(?:ay)?|fine|alright|sure)[,.]?\s+){1,2}(?:then\s+)?"
    r"(?:[$€£₪]?\d[\d,.]*\s*k?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)"
    r"(?:\s+\w+){0,2}?(?:\s+then)?|"
    # "Four, ok.", "$78k, fine then.": the figure first, then the yes
    r"(?:[$€£₪]?\d[\d,.]*\s*k?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)"
    r"(?:\s+\w+){0,2}?,?\s+(?:ok(?:ay)?|fine|alright)(?:\s+then)?)\s*[.!]+(?:\s|$)"
)
# A first sentence of thanks only ("Thank you so much, that is really generous of you.", "I appreciate that, Tom!",
# "omg amazing ty!! 🎉 ok next…"): right after the recruiter gave ground, it takes that move (docs/labelling.md,
# fifth round: thanks right after the recruiter grants something); the rest of the message is read as it is
_THANKS_UNIT = (
    r"(?:thanks|thank (?:you|u)|ty|thx|many thanks|"
    r"(?:i )?(?:really |truly )?appreciate(?:d)?(?: (?:that|it|this|you))?|"
    r"(?:that'?s|that is|this is|ur|you'?re|you are) (?:(?:very|really|so|truly|incredibly) )?"
    r"(?:helpful|generous|kind|great|the best|wonderful|amazing|fantastic)(?: (?:of you|news))?|"
    r"(?:that|this|it) (?:really )?helps(?: (?:a lot|so much|a great deal))?)"
    r"(?:\W+(?:so |very )?much|\W+sm)?(?: on (?:both|all) (?:counts|fronts))?"
)
THANKS_FIRST = re.compile(
    r"^\W*(?:(?:oh|wow|omg|ah+|aw+|ok(?:ay)?|yay|great|amazing|super|lovely|wonderful|perfect|sweet|awesome|excellent|"
    r"fantastic|brilliant)\W+)*" + _THANKS_UNIT
    + r"(?:,? (?!(?:i|that|this|so|for|but|and|now|next|also)\b)[a-z]+)?(?:[\s,]+" + _THANKS_UNIT + r")*"
    r"(?:\s*(?:[.!]|[^\w\s\x00-\x7f])+(?:\s|$)|\W*$)"
)
# Thanks for what was just given ("Thank you so much for the 3 days!", "Thank you for confirming the 3 days."), not
# for the offer itself, the recruiter's time or an explanation
THANKED_FOR_THE_MOVE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|oh+|ooh+|omg|wow|great|good|perfect|wonderful)\W+)?"
    r"(?:thanks|thank (?:you|u)|ty|thx|many thanks|much appreciated|most grateful)"
    r"(?: (?:so|very) much| sm| kindly| a lot)? (?:for|on) "
    r"(?!(?:the |your )?(?:offer|time|update|info|information|explanation|context|clarification|details|reply|"
    r"answer|call|chat)\b|(?:explaining|clarifying|checking|looking|asking|getting back|reaching|letting)\b)"
    r"[^.!?]*?(?:[.!]+|[^\w\s\x00-\x7f]+)(?:\s|$)"
)
# A figure the offer has, approved in words after the recruiter put it there: "$2,000 is fair", "158 is def better"
OFFER_FIGURE_APPROVED_AFTER = re.compile(
    r"\s+(?:is|'s|sounds|seems|looks)\s+(?:(?:def(?:initely)?|really|very|much|way|so|totally|more than|a lot)\s+)?"
    r"(?:fair|better|generous|reasonable|great|good|fine|ok(?:ay)?)\b(?!\s*(?:\?|but|if|as long))"
)
TAKE_THE_BEFORE = re.compile(r"\b(?:i'?ll|i will|i can) (?:happily |gladly )?take (?:the )?$")
# Only courtesies may come before an approved figure in its sentence: "…, so $68k is fair" is an argument
APPROVAL_LEAD = re.compile(
    r"^[\s\W]*(?:(?:ok(?:ay)?|oh+|ooh+|wow|omg|nice|great|thanks|thank you|sure|yes|alright|cool|well|right)\W+){0,3}$"
)
# Thanks for a figure, or for moving to it: "thanks for the $1,500", "ty for 158", "thanks for raising the base to
# €76,000", "I appreciate you moving the base to $88,000" (not "thanks for explaining the 8%")
THANKS_FOR_BEFORE = re.compile(
    r"\b(?:thank(?:s| you| u)|ty|thx|appreciate (?:you|u))(?: \w+)?(?: so much| very much| sm| a lot)?(?: for)? "
    r"(?:(?!(?:explaining|clarifying|checking|looking|asking|letting)\b)\w+ing"
    r"(?: (?:the|my|your|me|us|it))?(?: \w+){0,2}? (?:(?:to|at|on) )?|the |my |your )?$"
)
# What the speaker thanks for, up to a perk named in it ("thank you for confirming the additional five days of leave"),
# unless a request follows the thanks ("thanks for the offer, could the title be…")
THANKED_FOR_IT = re.compile(r"\bthank(?:s| you)\b[^,;:]{0,20}?\bfor\b(?![^.!?;]*\b(?:but|could|can|would|please|now)\b)"
                            r"[^.!?;]*$")
# "if I start at Lumen before then, I lose it": a start said as a condition of something else, not asked for
IF_I_BEFORE = re.compile(r"\bif (?:i|we) $")
# "think about it again": the user asks the recruiter to reconsider, not for time
THINK_AGAIN = re.compile(r"think (?:about |abt )?(?:it|this|that) (?:over )?again\b|reconsider\b")
TIME_NOT_NEEDED = re.compile(
    r"\b(?:don'?t|do not|won'?t|no) need (?:any |more |extra )?(?:time|to (?:talk|think|sleep|wait|mull))"
)
# "I do not speak about salary", "I'm not talking about the bonus": a perk set apart from what the message is about
NOT_ABOUT_BEFORE = re.compile(
    r"\b(?:not|n'?t) (?:speak(?:ing)?|talk(?:ing)?|mean(?:ing)?) (?:about |of )?(?:the |my )?$"
    # "I meant the leave, not the pay", "so it's the learning money, not part of the bonus"
    r"|\b(?:meant?|it'?s|that'?s) (?:the |my )?[\w -]{1,30}?,? (?:and )?not (?:about |part of )?(?:the |my )?$"
)
# "I will let remote work go for now": a perk given up for now is put aside
LET_GO_BEFORE = re.compile(r"\blet (?:the |my )?$")
# "ok forget the ticket.", "never mind the parking then": a perk dropped as a topic, said alone in its sentence (a
# trade that drops it, "forget the car, give me 5k more", names what it is dropped for)
DROPPED_BEFORE = re.compile(r"\b(?:forget|never ?mind|nvm|scrap)\s+(?:about\s+)?(?:the\s+|my\s+|that\s+)?$")
DROPPED_ALONE_AFTER = re.compile(r"\s*(?:then\s*)?(?:[.!;]|$)")
LET_GO_AFTER = re.compile(r"\s+go\b")
# "I'm not asking for extra money": what the message does not ask for
NOT_ASKED_BEFORE = re.compile(
    r"\b(?:(?:not|n'?t) (?:asking|looking) for |(?:won'?t|will not|not going to|am not|'m not) ask(?:ing)? (?:you )?"
    r"(?:to (?:move|raise|increase|change|touch|reopen|revisit) )?(?:about |on )?)(?:any |an? |the |my |more |extra )*$"
)
# In the sentence of a term taken by name, these make it a condition or a trade, not a taking
TAKEN_IN_RETURN = re.compile(r"\b(?:if|unless|provided|as long as|once|in place|in return|in exchange)\b")
# "I won't push on base", "not going to ask for more equity": a perk the user leaves as it stands, not an ask
NOT_PUSHED_BEFORE = re.compile(
    r"\b(?:won'?t|will not|not going to|don'?t want to|do not want to|wouldn'?t) (?:push|ask|haggle|argue)"
    r"(?: (?:on|for|about|over))?(?: (?:more|a higher|a bigger))? (?:the |my |your )?$"
)
# "ok on the review.", "fine on the bonus, but…": one term taken, the rest of the message still counts
ACCEPT_ON_TERM = re.compile(r"^\W*(?:ok(?:ay)?|fine|good|agreed|yes|sure|alright),?\s+on (?:the |my |your )?"
                            r"[\w-]+(?: [\w-]+)?\s*(?:[.;!]|,? (?:but|and|now)\b)")
ACCEPT_IN_WORDS = re.compile(r"\baccept|\bsign\b(?!-on\b| on (?:bonus|payment))|"  # not "a $20k sign-on"
                             r"\bdeal\b.{0,12}\b(?:done|have|got)|\b(?:done|have a|got a) deal")
PLEASED_ACCEPT = _cue(
    r"\b(?:(?:pleased|glad|delighted|thrilled|excited|happy|ready|honou?red) to (?:accept|sign|officially accept|"
    r"formally accept|take (?:it|the offer|the role)|proceed(?! with (?:the |our )?(?:negotiation|discussion|talks)))|"
    r"i (?:formally |officially |gladly )?accept|(?:writing|write) to (?:formally |officially )?accept|"
    r"we have a deal|count me in|i'?m in\b|let'?s (?:do it|do this|make it official|sign)|where do i sign|"
    r"send (?:over )?the contract|i'?ll take it|sure,? why not|you'?ve got a deal|"
    # "woohoo!!! 🎉 signing": the message ends on it, the deal is done ("80k and i'm signing today" is a condition)
    r"(?<!\w )signing(?=\W*$)|"
    r"accepted" + _NOT_ANOTHER + r")\b"
)

# A refusal word the user asks about their own ask or the offer: "or is that too much", "there's no review?"
DOUBT_ASKED_BEFORE = re.compile(r"\b(?:is|would|was|isn'?t) (?:that|it|this)(?: be)? (?:maybe |perhaps )?$")
# The words of a limit the other side sets ("is fixed", "capped at", "non-negotiable"): put as a question, they ask
LIMIT_STATED = re.compile(r"\b(?:fixed|capped|set|firm|non-?negotiable|max(?:imum)?|limit|cap|ceiling)\b")
# "…is ridiculous, but fine, I will take it": a complaint the speaker then gives in on, in the same sentence
YIELDED_AFTER = re.compile(r"[^.!?;]{0,40}?,?\s+but (?:fine|ok(?:ay)?|alright|all right|whatever)\b")
# A figure asked for in so many words, before it ("could the company offer $7,000", "could we try four days", "can
# transport go to 8,400") or after it ("$7,000 would make the package work for me")
ASKED_TO_GO_BEFORE = re.compile(
    r"\b(?:could|can|would|will) (?:you|u|we|(?:the |your |my )?[a-z]+) (?:(?:please|maybe|possibly|also|still|just) )?"
    r"(?:offer|do|go (?:up )?to|make it|give|pay|cover|try|raise|bump|move|stretch|increase|meet (?:me |us )?at)\b"
    r"[^.?!;]{0,30}$"
)
MAKES_IT_WORK_AFTER = re.compile(r"\s+(?:would|will) make (?:it|this|that|the \w+|everything) work\b")
NOT_NEEDED_BEFORE = re.compile(r"\b(?:don'?t|do not|doesn'?t|does not) (?:really )?need $")  # "I do not need more time"
WHICH_BEFORE = re.compile(r"\b(?:which|whether|what)\s+(?:[\w-]+\s+){0,3}$")  # "which (parts) are fixed"
ASKED_NEXT = re.compile(r"[^?.!;:]{0,60}\?")  # the question mark closes the same clause, close by
NO_SUCH_ASKED = re.compile(r"there(?:'s| is) no\b[^.!?]{0,40}\?")

# "4 days remote, not 3": the figure replaced, said right after the one wanted
NOT_THAT_FIGURE = re.compile(r",\s*not\s+[$€£₪]?\d")

# "we talked it through and we're in", "I slept on it and we're good": thinking done before the yes
DELIBERATED_BEFORE = re.compile(r"\b(?:talked|thought|slept|discussed|mulled|went|looked|chatted|spoke)\b"
                                r"[^.!?,]{0,30}$")

# A deadline someone else set, said as information.
DEADLINE = re.compile(
    r"\b(?:(?:they|he|she|the other (?:company|offer|firm)|[a-z]+ corp|(?:my )?(?:current |other )?"
    r"(?:employer|company|boss|manager|firm))\s+(?:want|wants|need|needs|expect|expects|(?:has |have )?asked for)"
    r"\s+(?:an? |my |the )?(?:answer|decision|reply|response)|deadline|expires?|exploding|"
    # "another company offered me 175k and wants an answer by Friday": the rival is the subject, said before
    r"(?<!i )(?<!we )\band (?:wants|needs|expects|has asked for|have asked for|asked for) (?:an? |my |the )?"
    r"(?:answer|decision|reply|response)|"
    r"waiting (?:for )?(?:an? )?(?:answer|reply|response|decision) from|"
    r"(?:have|need) to (?:give|send) (?:the other|another|that other) (?:company|firm|employer|offer|one) "
    r"(?:an? |my )?(?:answer|decision|reply|response))\b"
)
# A promise with a time in it ("so I can sign it by Friday", "I can start by Monday") asks for no time
COMMITS_BY = re.compile(r"\b(?:sign|signing|confirm|start|join|accept)\b(?:\s+(?:it|this|that|them|the \w+))?\s*$|"
                        r"\b(?:letter|contract|paperwork)\s*$")  # "I'd love the letter by Friday": when to send it
# Showing the document is only what the writing is for ("…in an email so I can show my wife"; "so I can review it
# with my partner" still consults before deciding), and so is a wait for the writing
# itself ("I'll hold off until I see it in writing"): the request is for writing, not for time
WRITING_PURPOSE_BEFORE = re.compile(r"\bso (?:that )?(?:i|we) can $")
WAIT_FOR_WRITING_AFTER = re.compile(r"[^.!?]{0,30}\b(?:until|till|before|once) (?:i|we) (?:see|get|receive|have)\b")
TIME_WORDS = re.compile(r"\b(?:weekend|tomorrow|days?|weeks?|monday|tuesday|wednesday|thursday|friday|tonight)\b")
OWN_TIME = re.compile(
    r"\b(?:can i|could i|may i|i'?d like|i would like|i need|give me|let me(?! know)|allow me|"
    r"i'?ll (?:get back|think|sleep))\b"
)

# A reply that opens by agreeing ("ok, $13k is fine", "yes, 88 works"): it takes a figure it believes is on
# the table, even one the offer doesn't have, rather than naming a new one.
DEAL_TO_CLOSE = re.compile(r"(?:^|[.!?]\s*)(?:(?:ok(?:ay)?|fine|then)\W+)?deal\W*$")  # "…, 20 days. Fine. Deal."
AGREEING_OPENER = re.compile(r"^\W*(?:ok(?:ay)?|yes|yeah|yep|alright|all right|sure|great|perfect|fine)\b")

# Asking for more of something without naming it: "would it be possible to add some?", "a few more days
# would be nice", "can it go a bit higher?" (read against the perk just discussed).
MORE_OF_IT = _cue(
    r"\b(?:add (?:some|a bit|a little|a few)|(?:a (?:bit|little|few|lil|tad)|some|any) (?:more|higher)"
    r"(?! (?:questions?|things?|points?|details?|info|information|time|thoughts?)\b)|"
    r"(?:go|be|make it|get it) (?:a (?:bit|little) )?higher|(?:increase|raise|bump) (?:it|that|this)(?: up)?)\b"
)


_FACTORED.save()  # every cue is compiled by now


# Searched on whole messages or parts of them (clauses, windows around a figure): the gate skips those that cannot
# match (see bot/understanding/cue_gate.py).
# REQUEST and PROPOSE_VAGUE are left out: common short words ("get", "more") let them match
# nearly everywhere, so checking for those words would cost more than the searches it skips.
GATE = CueGate(
    [
        GREET, ACCEPT, REJECT, JUSTIFY, ENTHUSIASM, COMPETING, TRADE, REQUEST_TIME, REQUEST_WRITING,
        QUIT, MARKET, MARKET_TALK, OWN_VALUE, PRIORITY, ALTERNATIVES, TRIAL, RUDE, PLEADING, SUMMARY, HINT, REPORTED,
        OFFER_CUE, WOULD_HELP, ASKS_ABOUT_OFFERS, MATCH_IT, ACHIEVEMENT, OFFER_WORDS, TRADE_HINT,
        LOSS_FROM_LEAVING, EVIDENCE, ASKING, ACCEPTING, RECAP, CHANGE_WORDS,
        ULTIMATUM, PLEASED_ACCEPT, ACCEPT_IN_WORDS, CURRENT_BEFORE, CURRENT_AFTER, CURRENT_NEXT_TO, FROM_BEFORE,
        FIELD_AFTER, FIELD_BEFORE, TIME_AMOUNT_AFTER, NEGATION_AFTER, TELL_ME, WH_STATEMENT, CONFIRMATION, NEGATORS,
        POLITE_REQUEST, INFO_START, SUGGESTION, MORE_OF_IT,
        EVIDENCE_LEAD, FORFEIT_BEFORE, INFO_ABOUT, CONDITION, LABEL_NUMBER_BEFORE, CURRENT_LEAD, COST_OBJECT,
        REASON_LINK, NOT_A_TERM_BEFORE, KNOW_WISH, RHETORICAL, NOT_UNDERSTOOD, REASON_WORDS, REFUSAL_WORDS,
        KEEN_WORDS, CONDITION_WORD, TAKING_WORD, REFUSED_FIGURE, NORM_AFTER, FORFEITED, PERK_IF_POSSIBLE,
        THE_FIGURE_BEFORE, THE_FIGURE_OWNED_AFTER,
        THE_FIGURE_WANTED_BEFORE, COST_STATED_BEFORE, ALLOWANCE_WORDS, COMPARED_WITH, INSTEAD_BEFORE,
        OWN_FLOOR, MY_FLOOR, PAY_REQUEST, THAT_ASKED_FOR, TAKEN_IN_TRADE_BEFORE, TRADE_CONDITION_AFTER,
        FIGURE_HELD_UP_AFTER, PAY_AS_MEASURE_BEFORE, AWAY_ON_BEFORE,
    ],
    # Only ever searched on the whole message, so their "^\W*ok"-style openers can be gated too.
    whole_text=[GREET, ACCEPT, ACCEPT_ON_TERM, QUIT_ALONE, AGREEING_OPENER, FIGURE_TAKEN_FIRST],
)
