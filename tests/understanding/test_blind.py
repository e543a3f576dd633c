"""The blind corpora: frozen files never change, and scores on them and on their dev halves do not fall.

The frozen sets are a measure, not a target: their errors are never printed, and these floors sit a
little under the figures published in docs/understanding.md so that only a real regression fails.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import pytest

from tests.support import blind
from tests.support.harness import shipped


def test_frozen_corpora_are_unchanged() -> None:
    recorded = json.loads((blind.BLIND / "FROZEN.json").read_text(encoding="utf-8"))
    assert blind.checksums() == recorded


@cache
def scored(split: str) -> dict[str, blind.StyleScore]:
    from bench.understanding import blind_context

    _, understander = shipped()
    return blind.score_lines(blind.lines(split), lambda text, ctx: understander.read(text, blind_context(ctx)))


def test_frozen_lines_do_not_regress() -> None:
    # scored after the last rule of each day, never read: 0.830 / 0.929 / 0.710 on the morning of 1 December,
    # 0.861 / 0.937 / 0.778 after its afternoon rounds (long pairs 0.609 -> 0.716), 0.863 / 0.938 / 0.790
    # after the second session's (long pairs 0.725); 0.871 / 0.949 / 0.808 after the third's; 0.884 / 0.952 / 0.817
    # after the fifth's (the learned second opinion on acts: 0.876 without it)
    everything = scored("test")["all"]
    assert round(everything.acts.f1, 2) >= 0.87
    assert round(everything.perks.f1, 2) >= 0.94
    assert round(everything.pairs.f1, 2) >= 0.80
    assert round(scored("test")["long"].pairs.f1, 2) >= 0.71  # the weakest style: several numbers per message


def test_dev_lines_do_not_regress() -> None:
    everything = scored("dev")["all"]
    # 0.865 before the acts round of 1 December, 0.928 after; 0.943 after the second session's (signals 0.956)
    assert round(everything.acts.f1, 2) >= 0.93
    # 0.777 before numbers were read by role in the sentence (evidence lead-ins, the offer named by what is said
    # of it, gives, conditions on accepting, recaps); 0.843 after; 0.855 -> 0.860 with "the $10k relocation", stated
    # costs, figures compared with the ask and ranges before it (roles2); 0.858 -> 0.865 with attachment by scale,
    # the offer's own figure and requests that end the offer's breath (readpairs)
    assert round(everything.pairs.f1, 2) >= 0.86
    # perks 0.941 and signals 0.645 before perk and signal words were read as people say them; 0.953 and 0.904 after
    assert round(everything.perks.f1, 2) >= 0.95
    assert round(everything.signals.f1, 2) >= 0.94


def test_iteration_lines_do_not_regress() -> None:
    # the second blind set (tests/data/blind/*.iter.jsonl), written while the first round of rules landed
    everything = scored("iter")["all"]
    # 0.818 before the acts round of 1 December, 0.913 after; 0.930 after the second session's (signals 0.943)
    assert round(everything.acts.f1, 2) >= 0.92
    # 0.663 before the role rounds, 0.774 after; 0.785 -> 0.814 (roles2); 0.814 -> 0.820 (readpairs)
    assert round(everything.pairs.f1, 2) >= 0.81
    # perks 0.928 and signals 0.646 before perk and signal words were read as people say them; 0.945 and 0.901 after
    assert round(everything.perks.f1, 2) >= 0.94
    assert round(everything.signals.f1, 2) >= 0.93


def test_iteration_practices_do_not_regress() -> None:
    # 88 of 154 turns after the first round; 95 once rival offers in writing, ranges before an ask, plain
    # acceptances after a question, ultimatums, perks named as fixed and "ok on X." were read (tuned on
    # these practices, so no estimate of the frozen ones); 105 once agreeing to one term stopped ending
    # the practice and "certificate", "flexibility in my hours" were read (round three); 117 and 9 restated
    # once numbers were read by role (the total of a change, a cost beside its perk, a figure said again) and
    # the practice passed what the recruiter really did; 119 and 8 once it passed the perk the recruiter last
    # spoke of and the offer as quoted (monthly pay monthly), read "I think 25 days is good" as a counter and
    # a request for "some more" against the perk just discussed, and put right an acceptance of terms the
    # offer doesn't have instead of closing on them; the acts round (one term taken while another is refused,
    # "ok, thanks, that's fine", "no 401k match at all?") added 8 on its own
    result = blind.score_practices(blind.practices("iter"), blind.play_in_harness)
    assert result.turns == 154
    # 127 with both rounds; 132 (5 restated) after the second session's; 139 (4) after the fourth's; 143 (4) after
    # the fifth's
    assert result.right >= 138
    assert result.restated <= 6


@dataclass(frozen=True)
class Floors:
    """What a blind set must keep: line F1s, and its practices' turns read right and asks restated."""

    acts: float
    perks: float
    pairs: float
    turns: int
    right: int
    restated: int
    signals: float = 0.0


def _keeps(name: str, floors: Floors) -> None:
    """The set in tests/data/blind/<name> reads at least as well as its floors (lines, when it has any)."""
    from bench.understanding import blind_context

    folder = blind.BLIND / name
    _, understander = shipped()
    lines = blind.lines("test" if name.startswith("frozen") else name, folder)
    if lines:  # a set of live practices alone has none
        everything = blind.score_lines(lines, lambda text, ctx: understander.read(text, blind_context(ctx)))["all"]
        assert round(everything.acts.f1, 2) >= floors.acts
        assert round(everything.perks.f1, 2) >= floors.perks
        assert round(everything.pairs.f1, 2) >= floors.pairs
        assert round(everything.signals.f1, 2) >= floors.signals
    result = blind.score_practices(blind.practices("test" if name.startswith("frozen") else name, folder),
                                   blind.play_in_harness)
    assert result.turns == floors.turns
    assert result.right >= floors.right
    assert result.restated <= floors.restated


def _scored_folder(name: str) -> tuple[blind.StyleScore, blind.PracticeScore]:
    """A blind set kept in a folder of its own: its lines' scores over all styles, and its practices'."""
    from bench.understanding import blind_context

    folder = blind.BLIND / name
    _, understander = shipped()
    lines = blind.score_lines(blind.lines(name, folder), lambda text, ctx: understander.read(text, blind_context(ctx)))
    return lines["all"], blind.score_practices(blind.practices(name, folder), blind.play_in_harness)


def test_third_iteration_set_does_not_regress() -> None:
    # tests/data/blind/iter3 (a tuning set): pairs 0.685 and 82 of 165 turns (27 of 46 skilled asks restated)
    # before the role rounds; 0.752 and 96 (19 restated) after; 99 with the practice's context rounds;
    # acts 0.783 before the acts round, 0.860 after, 0.874 -> 0.888 with the second acts round;
    # pairs 0.771 -> 0.797 and 112 -> 114 turns with roles2; 0.797 -> 0.818 and 123 -> 124 turns (readpairs)
    # after the second session's rounds: acts 0.910, pairs 0.823, 126 turns, 13 restated; after the third's
    # 0.931 / 0.877, 127 turns, 12 restated; after the fourth's 0.934 / 0.891, 140 turns, 10 restated
    everything, result = _scored_folder("iter3")
    assert round(everything.pairs.f1, 2) >= 0.88
    assert round(everything.acts.f1, 2) >= 0.92
    assert result.right >= 135
    assert result.restated <= 12


def test_fourth_iteration_set_does_not_regress() -> None:
    # tests/data/blind/iter4 (a tuning set, two writers): at 7805d5c acts 0.862, perks 0.943, pairs 0.784,
    # signals 0.769, 112 of 180 turns, 20 of 45 skilled asks restated; after the second session's rounds
    # 0.918 / 0.949 / 0.879, signals 0.964, 127 turns, 18 restated; after the third session's 0.938 / 0.969 /
    # 0.913, signals 0.967, 129 turns, 18 restated; after the fourth's 0.939 / 0.969 / 0.920, signals 0.988,
    # 141 turns, 13 restated
    _keeps("iter4", Floors(acts=0.93, perks=0.96, pairs=0.91, signals=0.97, turns=180, right=136, restated=16))


def test_fifth_iteration_set_does_not_regress() -> None:
    # tests/data/blind/iter5 (a tuning set: one writer's 350 lines, 20 practices played live by two players): at
    # 81ad031 acts 0.840, perks 0.962, pairs 0.717, signals 0.852, 69 of 152 turns, 24 of 50 skilled asks restated;
    # after the third session's rounds 0.907 / 0.972 / 0.753, signals 0.929, 98 turns, 11 restated; after the
    # fourth's 0.910 / 0.972 / 0.772, signals 0.965, 114 turns, 8 restated
    # fourth's 0.910 / 0.972 / 0.772, signals 0.965, 114 turns, 8 restated; after the fifth's 0.968 / 0.974 / 0.786,
    # 132 turns, 4 restated (the learned second opinion was trained on this set)
    _keeps("iter5", Floors(acts=0.95, perks=0.96, pairs=0.77, signals=0.95, turns=152, right=127, restated=6))


def test_sixth_iteration_set_does_not_regress() -> None:
    # tests/data/blind/iter6 (a tuning set: 400 lines in the four weakest styles, 20 practices played live by two
    # players): at 6983d62 acts 0.819, perks 0.928, pairs 0.707, signals 0.825, 96 of 166 turns, 6 of 36 skilled
    # asks restated; after the fourth session's rounds 0.822 / 0.928 / 0.737, signals 0.843, 109 turns, 8 restated
    # (fifth session) 0.937 / 0.929 / 0.759, signals 0.843, 138 turns, 2 restated (the second opinion trained on it)
    _keeps("iter6", Floors(acts=0.92, perks=0.92, pairs=0.74, signals=0.83, turns=166, right=133, restated=4))


def test_seventh_and_eighth_iteration_sets_do_not_regress() -> None:
    # tests/data/blind/iter7 (12 practices played live at 9c13041): 52 of 91 turns, 6 of 25 restated then; 75 and 4
    # after the fifth session's rounds. iter8 (240 terse/casual/mixed lines, 12 practices played live at c3b8d96):
    # 0.885 / 0.960 / 0.682, signals 0.860, 46 of 81 turns, 9 of 24 restated then; 0.921 / 0.976 / 0.842, 58 turns,
    # 9 restated after (both sets tuned on, and trained on by the second opinion)
    _keeps("iter7", Floors(acts=0.0, perks=0.0, pairs=0.0, turns=91, right=70, restated=6))
    _keeps("iter8", Floors(acts=0.90, perks=0.96, pairs=0.82, signals=0.84, turns=81, right=54, restated=11))


def test_ninth_iteration_set_does_not_regress() -> None:
    # tests/data/blind/iter9 (240 formal/nonnative/long lines, 12 practices played live at 4ad95f1): acts 0.872, perks
    # 0.955, pairs 0.775, 66 of 87 turns, 9 of 35 restated then; 0.904 / 0.979 / 0.844, 70 and 6 after the sixth
    # session's rounds, which tuned on it.
    _keeps("iter9", Floors(acts=0.89, perks=0.97, pairs=0.83, signals=0.84, turns=87, right=67, restated=8))


def test_a_market_range_before_the_ask_is_evidence_not_the_ask() -> None:
    _, understander = shipped()
    said = understander.read("Comparable roles pay $150k to $170k base, so I'd like to be at $165,000")
    assert [(t.perk, t.amount, t.role) for t in said.terms] == [
        ("base_salary", 150_000, "evidence"),
        ("base_salary", 165_000, "ask"),
    ]


def test_whole_practices_are_read_better_than_before() -> None:
    # 126 of 422 turns were read right before numbers had roles and replies had context, 144 after the
    # first round, 189 once the practice passed the offer as it stands and numbers were read by role,
    # 221 once agreeing to one term stopped ending the practice (scored once, 1 December), 262 (24 restated)
    # after the afternoon's reading rounds, 269 (22 restated) after the second session's.
    # 277 (20 restated) after the third session's, 284 (17) after the fourth's, 296 (17) after the fifth's, 303 (14)
    # after the sixth's.
    result = blind.score_practices(blind.practices("test"), blind.play_in_harness)
    assert result.turns == 422
    assert result.right >= 298
    assert result.restated <= 16


@pytest.mark.parametrize("name", ["frozen2", "frozen3", "frozen4", "frozen5", "frozen6", "frozen7", "frozen8",
                                  "frozen9"])
def test_later_frozen_sets_are_unchanged(name: str) -> None:
    folder = blind.BLIND / name
    recorded = json.loads((folder / "FROZEN.json").read_text(encoding="utf-8"))
    assert blind.checksums(folder) == recorded


# Each later frozen set is scored twice only (docs/understanding.md), never read:
# frozen2, before the morning's rules of 1 December and after: acts 0.779 -> 0.823, perks 0.872 -> 0.912,
#   pairs 0.482 -> 0.623, practices 113 -> 153 of 209 turns; after the afternoon's rounds 0.861 / 0.927 /
#   0.699, 167 turns, 11 restated.
# frozen3, written blind and frozen the morning of 1 December, at 85ec926 before the day's rules: acts 0.782,
#   perks 0.895, pairs 0.663, practices 113 of 214 turns, 29 of 54 skilled asks restated; after the last of
#   them 0.844 / 0.923 / 0.799, 145 turns, 26 restated.
# After the second session's rounds: frozen2 0.875 / 0.928 / 0.711, 169 turns, 10 restated; frozen3
#   0.859 / 0.925 / 0.829, 148 turns, 27 restated.
# frozen4, written blind and frozen at the start of the second session, at 7805d5c before its rules: acts 0.871,
#   perks 0.941, pairs 0.837, practices 133 of 204 turns, 28 of 55 skilled asks restated; after the last of
#   them 0.893 / 0.941 / 0.873, 134 turns, 28 restated.
# The third session's two sets were frozen on arrival and scored before its rules: frozen5 (630 lines, 16
#   practices played live) at 3049813 / 4e2598f acts 0.840, perks 0.940, pairs 0.714, 58 of 131 turns, 22 of 46
#   restated; frozen6 (20 practices played live) at 4b3c4b0 69 of 144 turns, 18 of 50 restated. After the session's
#   last rule (8d9a4eb): frozen2 0.879 / 0.949 / 0.737, 173 turns, 7 restated; frozen3 0.858 / 0.932 / 0.854, 149,
#   24; frozen4 0.902 / 0.950 / 0.887, 142, 22; frozen5 0.855 / 0.951 / 0.736, 67 turns, 16 restated; frozen6 75
#   turns, 16 restated.
# The fourth session's set, frozen7 (420 lines, 20 practices played live), at 6983d62: acts 0.858, perks 0.911,
#   pairs 0.780, 86 of 174 turns, 16 of 40 restated. After the session's last rule (e9595ed): frozen2 0.880 / 0.949
#   / 0.750, 176 turns, 10 restated; frozen3 0.862 / 0.936 / 0.863, 157, 24; frozen4 0.902 / 0.952 / 0.887, 148, 22;
#   frozen5 0.857 / 0.953 / 0.746, 67, 13; frozen6 78 turns, 14 restated; frozen7 0.859 / 0.913 / 0.785, 92, 15.
# The fifth session's set, frozen8 (280 lines, 20 practices played live), at 9c13041: 0.889 / 0.968 / 0.733, 89 of
#   147 turns, 12 of 36 restated. After the session's last change (58c7129; the learned second opinion on acts is
#   most of the acts gain): frozen2 0.893 / 0.948 / 0.755, 177, 10; frozen3 0.881 / 0.936 / 0.859, 160, 24; frozen4
#   0.909 / 0.951 / 0.881, 154, 20; frozen5 0.874 / 0.954 / 0.761, 70, 12; frozen6 89, 14; frozen7 0.883 / 0.914 /
#   0.806, 101, 14; frozen8 0.903 / 0.970 / 0.783, 92, 12.
# The sixth session's set, frozen9 (280 lines, 20 practices played live), at 4ad95f1: 0.904 / 0.955 / 0.740, 89 of
#   142 turns, 13 of 44 restated. After the session's last change (57d06bf; a learned second opinion on figures'
#   roles): frozen2 0.895 / 0.954 / 0.766, 178, 9; frozen3 0.885 / 0.947 / 0.878, 161, 23; frozen4 0.911 / 0.954 /
#   0.885, 154, 20; frozen5 0.880 / 0.961 / 0.783, 71, 11; frozen6 94, 14; frozen7 0.889 / 0.923 / 0.837, 103, 10;
#   frozen8 0.909 / 0.970 / 0.806, 95, 10; frozen9 0.906 / 0.957 / 0.767, 90, 12.
LATER_FROZEN_FLOORS = {
    "frozen2": Floors(acts=0.88, perks=0.94, pairs=0.74, turns=209, right=172, restated=12),
    "frozen3": Floors(acts=0.87, perks=0.93, pairs=0.85, turns=214, right=155, restated=26),
    "frozen4": Floors(acts=0.90, perks=0.95, pairs=0.87, turns=204, right=149, restated=23),
    "frozen5": Floors(acts=0.86, perks=0.95, pairs=0.75, turns=131, right=65, restated=15),
    "frozen6": Floors(acts=0.0, perks=0.0, pairs=0.0, turns=144, right=84, restated=16),  # practices only
    "frozen7": Floors(acts=0.88, perks=0.92, pairs=0.82, turns=174, right=100, restated=13),
    "frozen8": Floors(acts=0.90, perks=0.96, pairs=0.79, turns=147, right=92, restated=12),
    "frozen9": Floors(acts=0.90, perks=0.95, pairs=0.75, turns=142, right=87, restated=14),
}


@pytest.mark.parametrize("name", sorted(LATER_FROZEN_FLOORS))
def test_later_frozen_sets_do_not_regress(name: str) -> None:
    _keeps(name, LATER_FROZEN_FLOORS[name])
