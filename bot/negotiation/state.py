"""The state of one role-play practice: the offer as it stands and what the user has shown so far.

Bounded by design: per perk, per technique and per flag, never per message, so saving it costs
the same on turn 3 and turn 300.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

# What a recruiter's line does, for reading the next message against it ("yes" after a question, "25" after
# an offer).
Move = Literal["offer", "question", "refusal", "summary"]


class PerkTrack(BaseModel):
    """One perk of the offer as the negotiation goes."""

    current: float  # what is on the table now
    asks: int = 0  # asks that moved nothing (pushes)
    moved: bool = False  # the counterpart has conceded on it
    alternative_offered: bool = False
    last_ask: float | None = None
    pending: float | None = None  # promised "let me check with the team"; the answer comes next turn


class PracticeState(BaseModel):
    scenario: str
    status: Literal["active", "agreed", "walked", "ended"] = "active"
    offer: dict[str, PerkTrack]
    shown: list[str] = Field(default_factory=list)  # unlocks the user has earned (bot.playbooks.models.Unlock)
    patience: int  # asks without a move left before the counterpart goes firm
    firm: bool = False
    rude: int = 0
    turns: int = 0
    perks_discussed: list[str] = Field(default_factory=list)
    perks_asked: list[str] = Field(default_factory=list)  # asked for or offered, not only asked about
    evidence: dict[str, str] = Field(default_factory=dict)  # technique key -> the user's own line
    flags: list[str] = Field(default_factory=list)  # e.g. "accepted_first_offer", "asked_writing"
    last_perk: str | None = None  # the perk the user last asked about (the counterpart's own bookkeeping)
    # What the recruiter's latest reply did and the perk it was last about, for reading "yes" or "25" next:
    # set line by line as the counterpart speaks (bot.negotiation.voice.MOVES), so its last line decides.
    last_move: Move | None = None
    topic: str | None = None
    # The perks the recruiter's latest reply moved the user's way: "Great. Now the leave…" right after takes them.
    conceded: list[str] = Field(default_factory=list)
    checked_in: bool = False  # a "let me check" reply is waiting to be answered
    # How the recruiter speaks: the seed its phrasings rotate from, how often each kind was used, and
    # fingerprints of its latest lines so none is said twice in a row (see bot.negotiation.voice).
    seed: int = 0
    voice: dict[str, int] = Field(default_factory=dict)
    recent: list[int] = Field(default_factory=list)  # the reply before's lines, then this one's
    picks: int = 0  # how many of `recent` belong to the latest reply
    # Credibility: the figures the user claimed (market data, a competing offer) as low-high per claim kind,
    # the lines the recruiter doubted (the first few, for the debrief), and whether a contradiction cost it.
    claims: dict[str, tuple[float, float]] = Field(default_factory=dict)
    doubts: list[str] = Field(default_factory=list)
    discredited: str | None = None  # the line that contradicted an earlier claim
    reason_turn: int | None = None  # the turn of the latest genuine reason: a reason counts for a few turns
    last_text: int | None = None  # fingerprint of the user's previous message, to notice it said again
    firm_pushes: int = 0  # asks after the recruiter went firm
    # What the user gave up in a trade whose ask went to the team (perk -> where it lands): taken when the team
    # says yes, dropped when it says no.
    traded: dict[str, float] = Field(default_factory=dict)
