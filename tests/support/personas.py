"""Scripted users of different kinds, as new users would type, for every shipped scenario.

Each persona is a list of lines for one scenario. The skilled user's lines are written per scenario
from what its brief tells the candidate (the public market range, what matters to them); the
others are the same kind of person whatever the job: they type what they would type. The lines
are not shaped to the recruiter's rules. :func:`play` runs one through the real chat harness
and returns the practice record; the persona suite (tests/negotiation/test_personas.py) and
``bench/personas.py`` both use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.playbooks.models import Scenario
from bot.valuation.units import money
from tests.support.harness import ChatHarness, text_of


@dataclass(frozen=True)
class Notes:
    """What a candidate in this scenario knows and wants, in their own words."""

    target: str  # the base they want, as they'd write it
    extras: str  # other perks they'd demand in one breath
    skilled: tuple[str, ...]  # a well-prepared candidate's lines


NOTES: dict[str, Notes] = {
    "growth_startup": Notes(
        target="$165,000",
        extras="a $20,000 sign-on bonus and 30 days of vacation",
        skilled=(
            "Hi Maya, thanks so much for the call! I'm genuinely excited about owning the ledger service.",
            "What matters most to me is total pay, and after that working from home most of the week.",
            "Levels data and two friends at Series B fintechs put senior backend base at $150k to $170k.",
            "I led the migration of a card-processing service at my current job, so I'd like a base of $165,000.",
            "I'd also like a $12,000 sign-on bonus, because leaving now means I forfeit my annual bonus.",
            "If base can't go further, I'd happily take more equity instead. I believe in the product, so could "
            "we do $30,000 a year in equity?",
            "Could we do four remote days a week? I ask because I did my best work on the migration from home.",
            "What else could you offer if the base is stuck?",
            "Could you send me the updated offer in writing, with every term we agreed?",
            "Thank you. Let me take a day to look at the whole package before I answer.",
            "I've thought it over and I'm happy to accept.",
        ),
    ),
    "below_target_review": Notes(
        target="$95,000",
        extras="a $10,000 sign-on bonus and 25 days of PTO",
        skilled=(
            "Hi Carla! Thank you, I'm really excited about redesigning the booking app; patients deserve better.",
            "The most important thing for me is getting my pay to around $92k within the first year.",
            "From what I've found, UX designers at my level in this city earn $85k to $98k.",
            "I've spent two years designing for healthcare, and the team liked my case study, so I'd like a base "
            "of $92,000.",
            "I understand the band is tight. Could we agree an 8% raise after the three-month review, since I'll "
            "have shipped the new booking flow by then?",
            "I'd also like three remote days a week, because the research sessions I run are remote anyway.",
            "If the base itself can't move, what else could you offer instead?",
            "Could you send that to me in writing, including the review at three months?",
            "Thanks so much. Could I take a day to look it over before I say yes?",
            "I've looked it over and I accept. Thank you!",
        ),
    ),
    "berlin_scaleup_eur": Notes(
        target="€85,000",
        extras="a €10,000 sign-on bonus and 35 days of holiday",
        skilled=(
            "Hi Jonas, thanks! I'm really excited about working on the rider app.",
            "Base pay matters most to me, then working from home most days, then leave.",
            "Senior frontend developers in Berlin earn €70k to €82k according to the salary surveys I checked.",
            "I have seven years of frontend experience and I've shipped two mobility apps, so I'd like €80,000.",
            "Could we do four days a week from home? My focus work is much better at home and I've worked "
            "remotely for three years.",
            "I'd also like 30 days of leave, since I'm moving from abroad and will fly home to see family.",
            "If there's no room on those, what could you offer instead?",
            "Could you send me the contract terms in writing?",
            "Thank you. Let me take a day to think it over.",
            "Thanks for your patience, I accept the offer.",
        ),
    ),
    "bureaucratic_bands": Notes(
        target="$140,000",
        extras="a $15,000 sign-on payment and 30 days of leave",
        skilled=(
            "Good afternoon, Mr Pratt, and thank you. I'm very keen on the supply-chain analytics role.",
            "Time off matters most to me, because my family lives abroad; then a learning budget, then fewer "
            "commuting days.",
            "Comparable senior analyst roles pay $110k to $125k base, so I understand the band and the base.",
            "Would it be possible to have 20 days of paid leave? I have family abroad and a long trip takes time.",
            "I would also appreciate a $5,000 learning budget, because I want to finish my data engineering "
            "certificate, which is exactly what your forecasting team needs.",
            "I built the demand forecast my current employer still uses, so I would like to ask for a $10,000 "
            "sign-on payment, please.",
            "If any of those are not possible, what could you offer instead?",
            "Could you please confirm the final terms in writing?",
            "Thank you. May I take a couple of days to consider the whole package?",
            "Thank you for your help. I accept the offer.",
        ),
    ),
    "nonprofit_flex": Notes(
        target="$80,000",
        extras="$10,000 more and 40 days off",
        skilled=(
            "Thank you, Denise. I'm honestly moved, and excited: adult literacy is exactly the work I want to do.",
            "What matters most to me is a flexible schedule: I care for my father two afternoons a week.",
            "I know program managers at charities this size earn $62k to $72k, and that the salary is set by the "
            "grant, so I won't push on it.",
            "Could I have a flexible schedule, so I can cover my father's appointments and make up the hours "
            "in the evening?",
            "I'd also love two days a week from home. Could we try it for three months and review?",
            "Would 24 days of paid time off be possible? I'm happy to be flexible on other things in return.",
            "If something isn't possible, what else could you offer?",
            "Could you put everything we agreed in writing?",
            "Thank you so much. Could I take a day or two to talk it over with my family?",
            "Thank you, I'm delighted to accept.",
        ),
    ),
    "public_sector_union": Notes(
        target="$95,000",
        extras="10 more days of leave and a $5,000 signing bonus",
        skilled=(
            "Good morning, Ms Osei, and thank you. I'm very glad to have been selected, and excited about "
            "mapping the bus network.",
            "What matters most to me is the step I'm placed on, then some days working from home.",
            "Under the collective agreement, GIS analysts at this grade earn $71,200 to $89,000, and HR can "
            "credit prior experience.",
            "I have six years of GIS work, four at a regional planning agency, so I'd like to be placed at step 4, "
            "which is $82,000.",
            "I'd also like two days a week working from home. Could we try it for a three-month trial?",
            "Could the city fund a $2,500 training budget for the GISP certification? I ask because the transit "
            "mapping work uses exactly those skills.",
            "If some of this isn't possible, what alternatives could you offer?",
            "Could you confirm the placement and the terms in writing?",
            "Thank you. Could I take a couple of days to review it?",
            "Thank you very much. I accept the offer.",
        ),
    ),
    "relocating_manager": Notes(
        target="$200,000",
        extras="a $40,000 sign-on bonus and 6 months of severance",
        skilled=(
            "Hi Tom! Thank you, I'm thrilled about leading the perception team.",
            "What matters most to me is a safety net, since I'm moving my family across the country.",
            "Engineering managers at robotics companies this size earn $170k to $190k base.",
            "I've led projects for nine years, so I'd like a base of $185,000.",
            "Moving a family of four from Austin costs $14k to $18k, so could we raise relocation to $18,000?",
            "I'd also like three months of severance, because a first-time manager in a new city could take "
            "months to find a new role.",
            "If severance isn't possible, what else could give me a similar cushion?",
            "Could you send the full package in writing?",
            "Thanks, Tom. Let me take a day to go over it with my family.",
            "We've talked it through and I'm happy to accept.",
        ),
    ),
    "tel_aviv_ils": Notes(
        target="₪55,000 a month",
        extras="a ₪50,000 signing bonus and 30 vacation days",
        skilled=(
            "Hi Noa, thanks! I'm excited about running the build platform at Kestrel.",
            "Monthly pay matters most to me, then equity, then parking.",
            "Senior DevOps engineers in Tel Aviv earn ₪36,000 to ₪46,000 a month, and I have a written offer "
            "from another company at ₪41,000 a month.",
            "I run the Kubernetes platform at a bank today, so I'd like ₪43,000 a month.",
            "Could you add equity of ₪55,000 a year? I want to build this platform for the long run.",
            "Parking near the office costs about ₪700 a month, so could the transport allowance be ₪8,400 a year?",
            "If that's not possible, what could you offer instead?",
            "Could you send me the offer in writing?",
            "Thank you. Let me take a day to think it over.",
            "Thanks, I accept.",
        ),
    ),
}


def passive(sc: Scenario, notes: Notes) -> list[str]:
    return ["Hi, thanks for getting back to me.", "The offer looks good to me.", "Sure, I accept the offer."]


def pushy(sc: Scenario, notes: Notes) -> list[str]:
    return [
        f"I'll be direct: the base has to be {notes.target}.",
        f"I also want {notes.extras}.",
        f"Look, I have other options. {notes.target} or it's not happening.",
        f"I'm not going to repeat myself. {notes.target} base, and I need an answer today.",
        f"Either you do {notes.target} or we stop here.",
        f"Final answer: {notes.target}.",
        "Fine, I'll take it.",
    ]


def rude(sc: Scenario, notes: Notes) -> list[str]:
    return [
        "This offer is insulting.",
        f"Are you serious? Pay me {notes.target} or stop wasting my time.",
        "You're useless. Just put the number in the contract.",
        f"{notes.target}. Is that too hard for you to understand, idiot?",
        f"Whatever. Give me {notes.extras} then.",
        "Fine, I accept, but this company is a joke.",
    ]


def lying(sc: Scenario, notes: Notes) -> list[str]:
    base = sc.perks["base_salary"].offer
    if sc.pay_period == "month":
        def figure(x: float) -> str:
            return f"{money(x / 12, sc.currency)} a month"
    else:
        def figure(x: float) -> str:
            return money(x, sc.currency)
    return [
        "Hi, thanks for the offer!",
        f"I have a competing offer at {figure(base * 3)} base.",
        f"The median on two salary sites is {figure(base * 2.8)} for this exact role.",
        f"So to be honest I need at least {figure(base * 2)} base.",
        f"Ok, to be fair the other offer is {figure(base * 1.15)}. Can you match {figure(base * 1.15)}?",
        f"I would give up the company car if you could add {money(base * 0.2, sc.currency)} in equity.",
        "Great, I accept.",
    ]


def absurd(sc: Scenario, notes: Notes) -> list[str]:
    base = sc.perks["base_salary"].offer
    return [
        f"I want a base salary of {money(base * 10, sc.currency)}.",
        "And 120 days of vacation a year.",
        "Plus a company jet and a personal chef.",
        "I'd like to work zero hours a week, fully remote from the moon.",
        "Also a 400% performance bonus.",
        f"Fine, {money(base * 6, sc.currency)} and we have a deal.",
        "OK I accept.",
    ]


def gibberish(sc: Scenario, notes: Notes) -> list[str]:
    return ["asdfgh", "qwe qwe qwe rty", "lkj;lkj;lkj", "hmmmmmm ???", "zzzzzzzz", "xcvb nm,. /"]


def other_language(sc: Scenario, notes: Notes) -> list[str]:
    return [
        "Hola, muchas gracias por la oferta.",
        "Quiero un salario más alto, por favor.",
        "¿Pueden darme diez días más de vacaciones?",
        "Me gustaría trabajar desde casa tres días a la semana.",
        "Vale, acepto la oferta.",
    ]


def repeater(sc: Scenario, notes: Notes) -> list[str]:
    ask = f"I really need a base salary of {notes.target} because my rent went up this year."
    return [ask] * 8 + ["OK, I accept."]


def skilled(sc: Scenario, notes: Notes) -> list[str]:
    return list(notes.skilled)


PERSONAS: dict[str, Callable[[Scenario, Notes], list[str]]] = {
    "skilled": skilled,
    "passive": passive,
    "pushy": pushy,
    "rude": rude,
    "lying": lying,
    "absurd": absurd,
    "gibberish": gibberish,
    "other_language": other_language,
    "repeater": repeater,
}


@dataclass
class Played:
    """One persona's practice: the record saved at its end, and every recruiter line it heard."""

    record: dict
    recruiter_lines: list[list[str]]  # per reply, its paragraphs
    replies_text: str


def play(h: ChatHarness, sc: Scenario, persona: str, *, user: str | None = None) -> Played:
    """Run `persona` through scenario `sc` in the harness, ending the practice if the script doesn't."""
    user = user or f"{persona}-{sc.key}"
    lines = PERSONAS[persona](sc, NOTES[sc.key])
    heard: list[list[str]] = []
    seen: list[str] = []
    h.say(f"practice {sc.key}", user=user)
    for line in lines:
        replies = h.say(line, user=user)
        seen.append(text_of(replies))
        for reply in replies:
            if reply.speaker == sc.persona.name and reply.text:
                heard.append(reply.text.split("\n\n"))
        if h.state(user).practice is None:
            break
    else:
        seen.append(text_of(h.say("end", user=user)))
    practices = h.service.export_user(f"{h.platform}::{user}")["practices"]
    assert practices, f"{persona} has no finished practice in {sc.key}"
    return Played(record=practices[-1], recruiter_lines=heard, replies_text="\n".join(seen))
