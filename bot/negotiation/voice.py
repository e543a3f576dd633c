"""How the recruiter says things: several phrasings per reply kind, in the persona's style.

Each kind of reply (a concession, a refusal, a greeting…) has a few phrasings, some per persona
style (warm, formal, brisk, earnest) where tone matters and one shared set where it does not.
:func:`say` rotates through them from the practice's seed, so a line is not said twice in a row
and a practice can be replayed exactly: same seed, same messages, same lines.
"""

from __future__ import annotations

import re
import zlib

from bot.negotiation.state import Move, PracticeState

# kind -> style (or "*" for every style) -> phrasings, formatted with the fields the caller gives.
LINES: dict[str, dict[str, tuple[str, ...]]] = {
    "greet": {
        "warm": ("Hi! Lovely to hear from you. What are your thoughts on the offer for the {role} role?",
                 "Hello again! I'm glad we're talking. How does the offer look to you?",
                 "Hi there! Tell me how you're feeling about the package."),
        "formal": ("Good day. Thank you for getting back to me. How would you like to proceed with the offer?",
                   "Hello. I appreciate you taking the time. Do you have any questions on the terms?",
                   "Thank you for your message. Please let me know which terms you would like to discuss."),
        "brisk": ("Hi! Where do you stand on the offer?",
                  "Hey, good to hear from you. What do you think of the numbers?",
                  "Hi. What's on your mind about the offer?"),
        "earnest": ("Hello, and thank you for coming back to us. How are you feeling about what we could offer?",
                    "It's really good to hear from you. I'd love to know what you think of the offer.",
                    "Hi, thank you. Whatever is on your mind about the offer, I'm listening."),
    },
    "prompt": {
        "warm": ("What would you like to talk through? If there's a number in your head, tell me.",
                 "Which part of the offer would you like to look at together?",
                 "Tell me what would make this offer work for you."),
        "formal": ("Which term of the offer would you like to discuss?",
                   "Please tell me which element of the package you would like to review, and the figure you propose.",
                   "Is there a particular term you would like me to look at?"),
        "brisk": ("What would you like to change? Give me the perk and a number.",
                  "What's the ask? A perk and a figure is easiest for me.",
                  "Tell me what you need and I'll see what I can do."),
        "earnest": ("What would help you feel good about joining us? I'd like to understand.",
                    "Is there something in the offer that doesn't sit right with you? Tell me honestly.",
                    "What matters most to you here? I'll do what I can within our means."),
    },
    "enthusiasm_ack": {
        "warm": ("That's so good to hear, and the team feels the same about you.",
                 "I love hearing that. Everyone here is excited too.",
                 "That makes my day. The feeling is mutual."),
        "formal": ("Thank you, that is good to hear.",
                   "I appreciate that; the hiring panel was equally positive.",
                   "Thank you. I will pass that on to the hiring manager."),
        "brisk": ("Great to hear. The team's keen on you too.",
                  "Love it. Same on our side.",
                  "Good. We want you here too."),
        "earnest": ("Thank you for saying that. It means a lot to a small team like ours.",
                    "That really means something to us. We felt that energy when we met you.",
                    "I'm touched to hear it. That kind of care is exactly what our learners need."),
    },
    "context_ack": {
        "warm": ("Thanks for explaining, that helps. What would you like to see change in the offer?",
                 "That's useful to know. Where would you like the offer to move?",
                 "Got it, thank you for being open. What figure would make it work?"),
        "formal": ("Thank you for the context. Which term would you like revised, and to what?",
                   "Noted. Please let me know the specific change you have in mind.",
                   "I understand. What precise change to the offer are you proposing?"),
        "brisk": ("Makes sense. So what's the number?",
                  "Fair enough. What do you want changed?",
                  "Understood. What figure are we talking about?"),
        "earnest": ("Thank you for trusting me with that. What would make the biggest difference for you?",
                    "I hear you, and it matters. What change would help most?",
                    "That's important, thank you. Tell me what would help and I'll see what we can do."),
    },
    "final": {
        "warm": ("I wish I could do more, but this really is our final offer.",
                 "I've given it everything I have; the offer won't change now.",
                 "I know it's not what you hoped, but we're at our final offer.",
                 "I hear you, honestly. The package as it stands is the best I can do."),
        "formal": ("As stated, this is our final offer.",
                   "The terms are final; I am not able to revise them further.",
                   "I must reiterate that the offer cannot be improved further.",
                   "The package stands as communicated. There is no further flexibility."),
        "brisk": ("As I said, this is our final offer.",
                  "No more movement from me, I'm afraid. It's final.",
                  "That's the final package. Nothing more to give.",
                  "We're done moving. The offer is what it is now."),
        "earnest": ("I'm sorry, I truly can't stretch any further; this is our final offer.",
                    "I've asked for everything I could. We simply don't have more to give.",
                    "Please believe me, there's no more room; this is all we have.",
                    "I really wish it were different, but the offer is final."),
    },
    "went_firm": {
        "warm": ("I've taken this as far as I can. What's on the table now is our best offer: {package}.",
                 "I've pushed as hard as I can for you. Our best offer is {package}."),
        "formal": ("We have reached the limit of what I am authorised to offer: {package}.",
                   "I have gone as far as policy allows. The final terms are {package}."),
        "brisk": ("That's as far as I go. Best offer: {package}.",
                  "I'm tapped out. Here's our best: {package}."),
        "earnest": ("I've given you everything we can afford. Our best offer is {package}.",
                    "That's truly all we have. Our best offer is {package}."),
    },
    "tone": {
        "warm": ("I'd like to keep this conversation constructive. I'll take the rest of that up once we're there.",
                 "Let's keep this friendly, please. I'm happy to talk numbers when we can do it calmly.",
                 "I want to help, but not like this. Can we reset and talk it through calmly?"),
        "formal": ("I must ask that we keep this discussion professional before we continue.",
                   "I am not able to continue on that footing. Let us keep the discussion courteous.",
                   "Please keep the tone professional; I will respond to the substance once it is."),
        "brisk": ("Let's keep it civil. Then we can talk numbers.",
                  "Not helpful. Keep it professional and I'll look at the ask.",
                  "Tone, please. I'll engage when we can talk normally."),
        "earnest": ("I understand you're frustrated, but I'd ask you to speak to me kindly.",
                    "That hurts to hear. Can we talk about this respectfully?",
                    "I want this to work for you, but I can't continue like this. Can we start again, kindly?"),
    },
    "tone_firm": {
        "*": ("I don't think this tone is getting us anywhere. The offer stands as it is; let me know if you'd "
              "like to accept it.",
              "We're going round in circles and the tone isn't helping. The offer is final as it stands.",
              "I'll leave the offer as it is. If you decide to accept it, just let me know."),
    },
    "welcome": {
        "warm": ("Wonderful, welcome aboard!", "Fantastic, I'm so happy you're joining us!",
                 "Yes! Welcome to the team!"),
        "formal": ("Thank you. I am pleased to confirm your acceptance.", "Excellent. Welcome to the organisation.",
                   "Thank you for confirming. We look forward to you joining."),
        "brisk": ("Great, welcome aboard!", "Done. Welcome to the team!", "Perfect, glad that's settled. Welcome!"),
        "earnest": ("Oh, that's wonderful. Welcome, truly.", "Thank you so much. We're so glad you're joining us.",
                    "That's the best news. Welcome to the team."),
    },
    "term_agreed": {"*": ("Good, that part is settled. Is there anything else, or do you accept the offer as it "
                          "stands?",
                          "Glad that works. Anything else you'd like to discuss, or shall we call the offer agreed?",
                          "Noted, that's agreed. Is there more you want to raise, or do you accept the offer?")},
    "misquoted_close": {"*": ("Just so we're clear: {perk} is {current} in the offer, not {named}. Do you accept the "
                              "offer as it stands?",
                              "One correction before we agree: the offer has {current} on {perk}, not {named}. "
                              "Shall we call it agreed on that basis?",
                              "To be precise, {perk} stands at {current}, not {named}. Is the offer as it stands "
                              "agreed?")},
    "confirm_package": {"*": ("Yes, that's the package: {package}. Say the word and we have a deal.",
                              "That's right: {package}. Shall we call it agreed?",
                              "Correct, the offer stands at {package}. Do you accept it?")},
    "misquoted": {"*": ("Just so we're clear: {perk} is {current} in the offer, not {named}.",
                        "One correction: the offer has {current} on {perk}, not {named}.",
                        "To be precise, {perk} stands at {current}, not {named}.")},
    "welcome_writing": {"*": ("I'll send the written offer with everything we agreed today.",
                              "You'll get the written offer with every term we agreed.",
                              "Everything we agreed goes into the written offer I'm sending you.")},
    "welcome_hr": {"*": ("HR will be in touch with the paperwork.", "You'll hear from HR about the paperwork soon.",
                         "Expect the paperwork from HR in the next day or two.")},
    "walk_away": {"*": ("I'm sorry we couldn't find something that works. If you change your mind this week, "
                        "the offer as it stands is still there.",)},
    "reject_ack": {"*": ("I understand it's not there yet for you. Which part matters most, and what number would "
                         "work?",
                         "Okay, it's not there for you yet. Tell me the one thing that would change your mind.",
                         "Fair enough. What would it take? Be specific and I'll see what I can do.")},
    "competing_ack": {"*": ("Thanks for being open about that. What would you need from us to make this work?",
                            "Good to know, thank you. What would it take for you to choose us?",
                            "I appreciate you telling me. Where would we need to be?")},
    "thanks_ack": {"*": ("You're welcome. Is there anything else in the offer you'd like to go over?",
                         "Of course. What else would you like to look at?",
                         "My pleasure. Anything else on the package, or does it work for you as it stands?")},
    "ask_general": {"*": ("Happy to answer. Which part of the package would you like to know more about?",
                          "Sure, ask away. Which part of the offer is it about?",
                          "Of course. What would you like to know about the offer?")},
    "pleading": {"*": ("I understand it matters to you, but I need something concrete to take to the team.",
                       "I hear how much you want it. Give me a reason I can take to the team.",
                       "I'd like to help, but I need more than that to make a case internally.")},
    "recap": {"*": ("Here's where we are: {package}.", "So far the offer is {package}.",
                    "To recap the package: {package}.")},
    "recap_ask": {"*": ("Here's what we have on those: {items}. Which would you like to change, and to what?",
                        "On those, the offer stands at {items}. Which one matters most, and what figure?",
                        "Right now that's {items}. Tell me which to look at and the number you have in mind.")},
    "ask_number": {"*": ("What would you have in mind for {perk}? A concrete number helps me.",
                         "What figure are you thinking of for {perk}?",
                         "Give me a number for {perk} and I'll see what's possible.")},
    "ask_number_offered": {"*": ("On {perk}, we're offering {current}. What would you like to see?",
                                 "We have {current} on {perk} now. What figure did you have in mind?",
                                 "{perk_cap} is at {current}. Where would you like it to be?")},
    "unreadable": {"*": ("I'm not sure how to read that for {perk}. Could you give me a number?",
                         "I didn't quite follow the figure for {perk}. What number do you mean?",
                         "Could you put the {perk} ask as a plain number? I want to get it right.")},
    "insane": {"*": ("That doesn't look like a real figure for {perk}. Could you check the number?",
                     "I think there is a slip in that {perk} figure. Could you check the number?",
                     "I can't work with that figure for {perk}. Could you check the number and say it again?")},
    "foreign_currency": {"*": ("You gave that in {theirs}, but this offer is in {ours}. What is the figure in {ours}?",
                               "This offer is quoted in {ours}, not {theirs}. Could you give me the amount in {ours}?",
                               "I can only work in {ours} here. What's that {theirs} figure in {ours}?")},
    "doubt_ask": {"*": ("{asked} on {perk} is far beyond anything I see for this role. Where does that figure come "
                        "from?",
                        "{asked} for {perk}? That's well outside the market I know. What is it based on?",
                        "I can't take {asked} on {perk} to the team; nobody pays that for this role. Where does it "
                        "come from?")},
    "doubt_claim": {"*": ("That's well outside what I see for this role. Where does that figure come from?",
                          "I have to be honest, that doesn't match the market I know. What's the source?",
                          "That's a long way from anything I've seen for this role. Can you show me where it's from?")},
    "contradiction": {"*": ("Earlier you told me {before}; now it's {now}. I'll go by what I know of the market.",
                            "That doesn't match what you said before ({before}, now {now}). I'll stick to the market "
                            "figures I know.",
                            "You mentioned {before} earlier and now {now}. I'll rely on my own market data, then.")},
    "not_offered": {"*": ("{perk_cap} isn't part of what we offer for this role, I'm afraid.",
                          "We don't offer {perk} for this role.",
                          "{perk_cap} isn't something this role comes with, I'm afraid.")},
    "covered_ask": {"*": ("We're offering {current} on {perk}.", "{perk_cap} is at {current} in the offer.",
                          "The offer has {current} on {perk}.")},
    # A question about the offer, answered plainly: the figure as it stands, then what is known about it.
    "fact_figure": {"*": ("{perk_cap} is {current} in the offer.", "The offer has {current} on {perk}.",
                          "On {perk}, the offer is {current}.")},
    "fact_none": {"*": ("{perk_cap} isn't in the offer at the moment.", "The offer has no {perk} right now.",
                        "There's no {perk} in the offer as it stands.")},
    "fact_unknown": {"*": ("I'd have to check the details of that with {who}.",
                           "I don't have that detail to hand; I'd have to check with {who}.",
                           "I'd rather not guess on that one; it's a question for {who}.")},
    "covered": {"*": ("That's already covered: the offer includes {current} on {perk}.",
                      "No need, the offer already has {current} on {perk}.",
                      "You have that already: {current} on {perk}.")},
    "covered_flag": {"*": ("You already have {perk} in the offer.", "{perk_cap} is already part of the offer.",
                           "That's covered: {perk} is in the offer.")},
    "check": {
        "formal": ("I will need to seek approval on {perk}. I will revert to you shortly.",
                   "{perk_cap} requires sign-off from the compensation team; allow me to check.",
                   "Let me consult the compensation team on {perk} before I confirm anything."),
        "earnest": ("I'd like to say yes on {perk}, but I need to check with the board first. Bear with me.",
                    "Let me see what I can find in the budget for {perk}. I'll come straight back to you.",
                    "I'll ask the team about {perk}; I want to get you a real answer."),
        "*": ("Let me check with the team on {perk} and come back to you on that.",
                    "I'll need to run {perk} past the team. Give me a moment.",
                    "{perk_cap} isn't my call alone; let me check and get back to you.")},
    "checked": {
        "formal": ("I have received approval: {perk} can be set at {amount}.",
                   "The compensation team has approved {amount} on {perk}.",
                   "I can now confirm {amount} on {perk}."),
        "earnest": ("I asked, and we found a way: {amount} on {perk}.",
                    "Good news, we can stretch to {amount} on {perk}.",
                    "The board said yes to {amount} on {perk}. I'm really glad."),
        "*": ("I checked with the team: we can do {amount} on {perk}.",
                      "Good news from the team: {amount} on {perk} is approved.",
                      "The team came back: {perk} can go to {amount}.")},
    "agree": {
        "formal": ("That is acceptable: {amount} on {perk}.", "I can confirm {amount} on {perk}.",
                   "We are able to offer {amount} on {perk}."),
        "earnest": ("Yes, we can do {amount} on {perk}, and I'm glad we can.",
                    "{amount} on {perk}: that's something we can do for you.",
                    "Of course. {amount} on {perk} is fine."),
        "*": ("Okay, {amount} on {perk} works for us.", "Yes, we can do {amount} on {perk}.",
                    "Agreed: {amount} on {perk}.")},
    "agree_flag": {"*": ("Yes, we can do {perk}.", "{perk_cap} is fine with us.", "Agreed on {perk}.")},
    "counter": {
        "formal": ("{asked} is beyond what I can approve; I can offer {amount} on {perk}.",
                   "I am not able to reach {asked}. I can, however, offer {amount} on {perk}.",
                   "The most I can approve on {perk} is {amount}, rather than {asked}."),
        "earnest": ("I can't quite reach {asked}, but I can do {amount} on {perk}.",
                    "{asked} is more than we have, I'm sorry. I can offer {amount} on {perk}.",
                    "We can't stretch to {asked}, but {amount} on {perk} is possible."),
        "*": ("I can't get to {asked}, but I can offer {amount} on {perk}.",
                      "{asked} is more than I can do; {amount} on {perk} is possible.",
                      "Not {asked}, but I can move {perk} to {amount}.")},
    "at_limit": {"*": ("That's as far as I can go on {perk}.", "{perk_cap} won't go any further, I'm afraid.",
                       "I'm at the limit on {perk}.")},
    "hold": {
        "formal": ("I am not able to revise {perk} from {current} on that basis.",
                   "On {perk}, the offer remains at {current} on what you have told me so far.",
                   "I would need further grounds to revise {perk} from {current}."),
        "earnest": ("I understand why you'd want that, but I can't move {perk} from {current} on that alone.",
                    "I'd like to help on {perk}, but {current} is where it has to stay for now.",
                    "I can't go past {current} on {perk} yet, I'm sorry."),
        "*": ("I hear you on {perk}, but I can't move from {current} on that basis alone.",
                   "On {perk}, I can't go past {current} on what I've heard so far.",
                   "I'd need more than that to move {perk} from {current}.")},
    "fixed": {"*": ("{perk_cap} isn't something we can change for this role.",
                    "{perk_cap} is set for everyone in this role.", "We can't change {perk}, I'm afraid.")},
    "fixed_more": {"*": ("If you tell me what's behind the ask, there may be another way to address it.",
                         "Tell me what you need it for; there might be another way.",
                         "What's the need behind it? I may be able to help another way.")},
    "flexibility_one": {"*": ("There's some room on {perks}, if that matters to you.",
                              "{perks_cap} is one place I might have some flexibility.",
                              "I may be able to do something on {perks}.")},
    "flexibility": {"*": ("There's some flexibility on {perks}, if any of those matter to you.",
                          "I might have some room on {perks}.", "Places I could look at: {perks}.")},
    "nothing_left": {"*": ("Honestly, we've covered everything I can move on.",
                           "There's nothing else I can move, honestly.", "I've shown you every lever I have.")},
    "final_no_alts": {"*": ("I'm afraid the offer is final now.", "There are no other options left, I'm afraid.",
                            "Nothing more to offer, I'm afraid.")},
    "writing": {
        "formal": ("Certainly. The written offer will set out every agreed term.",
                   "Of course. You will receive the terms in writing.",
                   "I will confirm all agreed terms in writing."),
        "earnest": ("Of course, you'll have everything in writing.",
                    "Absolutely. I'll write it all down so there are no surprises.",
                    "Yes, everything we agree will be in the letter."),
        "*": ("Of course. Everything we agree will be in the written offer, perk by perk.",
                      "Absolutely, you'll have it all in writing.",
                      "Sure, the written offer will list every term we agree.")},
    "time": {
        "formal": ("Of course. Please take the time you need; the offer remains open.",
                   "Certainly. The offer will remain open while you consider it.",
                   "That is entirely reasonable. I look forward to hearing from you."),
        "earnest": ("Please take all the time you need. This is a big decision.",
                    "Of course, talk it over with the people who matter. We'll be here.",
                    "Take your time, truly. The offer stays open."),
        "*": ("Take the time you need; a couple of days is fine. The offer stays open.",
                   "Of course, take a day or two. The offer isn't going anywhere.",
                   "No rush. Sleep on it and let me know.")},
    "repeat": {"*": ("You've said that already, and my answer is the same.",
                     "We've been over that one; nothing has changed on my side.",
                     "Saying it again won't change my answer, I'm afraid.")},
    "close_talk": {"*": ("I don't think going over it again will change anything. The offer stays open until "
                         "Friday; let me know what you decide.",)},
    "fake_trade": {"*": ("There's no {perk} in this offer, so there's nothing to trade there.",
                         "{perk_cap} isn't in the offer, so giving it up doesn't change anything for us.",
                         "You can't trade {perk}: it isn't part of the package.")},
    "ultimatum": {"*": ("I'd rather not negotiate under an ultimatum, but I'll look at the ask itself.",
                        "Let's leave the either-or aside and look at the substance.",
                        "Ultimatums make it harder for me to help. Let's talk about what you need.")},
    "exchange": {"*": ("In exchange, {perk} becomes {amount}.", "In return, {perk} goes to {amount}.",
                       "To balance it, {perk} is now {amount}.")},
}

# What each kind of line does, for reading the user's next message ("yes", "that's fine", "25") against it
# (bot.understanding.acts.Context.last_move). A kind left out (a welcome, "in writing", thanks for the
# enthusiasm) changes nothing: the move before it stands. Prompts that invite a view on the offer ("which
# term would you like revised?") leave the offer standing, so "that's fine" after one takes it; only a
# yes/no question (see move_of) makes a "yes" a mere answer.
MOVES: dict[str, Move] = {
    **dict.fromkeys(("agree", "agree_flag", "counter", "checked", "exchange", "term_agreed", "confirm_package",
                     "covered", "covered_ask", "covered_flag", "ask_number_offered", "misquoted", "misquoted_close",
                     "recap_ask", "greet", "thanks_ack", "prompt", "context_ack", "reject_ack", "competing_ack",
                     "ask_general", "ask_number"), "offer"),
    **dict.fromkeys(("hold", "at_limit", "fixed", "fixed_more", "not_offered", "doubt_ask", "doubt_claim",
                     "contradiction", "insane", "unreadable", "foreign_currency", "fake_trade", "check", "repeat",
                     "tone", "pleading", "nothing_left"), "refusal"),
    **dict.fromkeys(("recap", "fact_figure", "fact_none", "fact_unknown", "went_firm", "final", "final_no_alts",
                     "tone_firm", "close_talk"), "summary"),
    **dict.fromkeys(("flexibility", "flexibility_one"), "question"),
}
# The offer itself put as a question: "…or do you accept the offer as it stands?" is answered by taking it.
_PUTS_THE_OFFER = frozenset({"term_agreed", "misquoted_close", "confirm_package"})
_CLOSED_QUESTION = re.compile(
    r"(?:^|[.!?]\s+|,\s+)(?:do|does|did|is|are|was|were|can|could|would|will|shall|should|have|has|may)\b[^.!?]*\?\s*$",
    re.IGNORECASE)


def move_of(kind: str, line: str) -> Move | None:
    """What a line of `kind` did; a yes/no question at its end is a question whatever the kind."""
    if kind not in _PUTS_THE_OFFER and _CLOSED_QUESTION.search(line):
        return "question"
    return MOVES.get(kind)


# What the recruiter asks for when an ask has not earned a move, by the first missing unlock.
NUDGES: dict[str, tuple[str, ...]] = {
    "market_data": ("What are you basing that figure on?", "What market figures do you have for that?",
                    "Where does that number come from?"),
    "justification": ("Help me understand why that matters for you in this role.",
                      "What's the reason behind it? Something I can take to the team.",
                      "Why that figure, for you and for this role?"),
    "competing_offer": ("Is there something else on the table I should know about?",
                        "Are you weighing another offer?", "Is anyone else making you an offer?"),
    "enthusiasm": ("Before I go back to the team, I'd like a sense of how keen you are on the role itself.",
                   "How do you feel about the role itself?", "Are you excited about the work? That helps me."),
    "trade_off": ("If I move on that, is there anything you'd be flexible on in return?",
                  "Is there something in the offer you'd give up for it?",
                  "What could you trade for it?"),
    "trial_period": ("A permanent commitment on that is hard for us to make up front.",
                     "It's hard to promise that for good from day one.",
                     "I can't commit to that permanently up front."),
    "politeness": ("I'd like to keep this conversation constructive.",),
}


def seed_for(key: str) -> int:
    """A stable seed from a scenario key, the same in every process (unlike ``hash``)."""
    return zlib.crc32(key.encode())


def say(st: PracticeState, kind: str, style: str, **fields: str) -> str:
    """The next phrasing of `kind` in `style`, never one said in the reply before or earlier in this one."""
    table = LINES[kind]
    return _rotate(st, kind, table.get(style) or table["*"], fields)


def nudge(st: PracticeState, unlock: str) -> str:
    return _rotate(st, f"nudge:{unlock}", NUDGES[unlock], {})


def begin_reply(st: PracticeState) -> None:
    """A new reply: the lines of the one before stay remembered, older ones are forgotten."""
    st.recent = st.recent[len(st.recent) - st.picks:] if st.picks else []
    st.picks = 0


def _rotate(st: PracticeState, counter: str, variants: tuple[str, ...], fields: dict[str, str]) -> str:
    used = st.voice.get(counter, 0)
    st.voice[counter] = used + 1
    start = (st.seed + used) % len(variants)
    text = variants[start].format(**fields)
    for step in range(len(variants)):
        candidate = variants[(start + step) % len(variants)].format(**fields)
        if _fingerprint(candidate) not in st.recent:
            text = candidate
            break
    st.recent = [*st.recent, _fingerprint(text)]
    st.picks += 1
    return text


def _fingerprint(text: str) -> int:
    return zlib.crc32(text.encode())
