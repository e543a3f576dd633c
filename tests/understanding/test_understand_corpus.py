"""The labeled corpus: its shape, and the accuracy targets on the held-out part (CI guards them)."""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from types import ModuleType

import pytest

from bot.understanding.acts import Act
from tests.support import REPO

ROOT = REPO


@cache
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_understanding", ROOT / "bench" / "understanding.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@cache
def scored(split: str):
    return bench().score(bench().load(split), bench().default_understander())


def test_corpus_is_large_and_covers_every_act_and_perk() -> None:
    dev, heldout = bench().load("dev"), bench().load("heldout")
    assert len(dev) + len(heldout) >= 800
    assert len(heldout) >= 200
    perks = set(bench().default_understander().perks)
    for records in (dev, heldout):
        assert {a for r in records for a in r["acts"]} == {a.value for a in Act}
        assert {t["perk"] for r in records for t in r["terms"]} >= perks
    fresh = {r["text"] for r in bench().load("fresh")} | {r["text"] for r in bench().load("reasons_fresh")}
    assert not {r["text"] for r in dev} & ({r["text"] for r in heldout} | fresh), "held-out messages are not tuned on"


@pytest.mark.parametrize("split", ["dev", "heldout", "fresh", "reasons_fresh"])
def test_json_lines_match_their_sources(split: str) -> None:
    stem = bench().SPLITS[split]
    source = list(bench().parse_compact(stem.with_suffix(".txt").read_text(encoding="utf-8").splitlines()))
    built = [json.loads(line) for line in stem.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()]
    assert built == source, "run: python bench/understanding.py --build-corpus"


# Only the figures are compared, so a failure never prints held-out messages to tune on.


def test_heldout_act_micro_f1() -> None:
    f1 = round(scored("heldout").acts.prf()[2], 3)
    assert f1 >= 0.90


def test_heldout_perk_micro_f1() -> None:
    f1 = round(scored("heldout").perks.prf()[2], 3)
    assert f1 >= 0.95


def test_heldout_perk_amount_pairs() -> None:
    # 0.954 before numbers had roles; 0.946 after (a refused or reported figure is no longer taken as the
    # ask, which this older set, labelled one term per perk, sometimes expected). The blind corpora in
    # tests/data/blind are the measure now; this floor only guards against a collapse.
    accuracy = round(scored("heldout").pair_accuracy, 3)
    assert accuracy >= 0.94


def test_dev_set_does_not_regress() -> None:
    # Floors a little under today's figures (0.969 / 0.979 / 0.975), so a synonym or rule change that
    # breaks ordinary phrasing fails here with the dev misses listed by `bench/understanding.py`.
    result = scored("dev")
    assert round(result.acts.prf()[2], 3) >= 0.95
    assert round(result.perks.prf()[2], 3) >= 0.97
    assert round(result.pair_accuracy, 3) >= 0.96


def test_dev_reasons_and_trades_do_not_regress() -> None:
    # The dev lines labelled with signals (reasons, market data, own value, trades): floors under
    # today's figures (1.00 recall each, given perks F1 0.94) so a cue edit that drops them fails here.
    result = scored("dev")
    for signal in ("market_data", "own_value", "alternatives"):
        assert round(result.signals.prf(signal)[1], 2) >= 0.9, signal
    assert round(result.signals.prf("alternatives")[0], 2) >= 0.9  # a bare "instead" is no request for options
    assert round(result.gives.prf()[2], 2) >= 0.85
    assert round(result.acts.prf("justify")[1], 2) >= 0.93
    assert round(result.acts.prf("trade_off")[0], 2) >= 0.93
