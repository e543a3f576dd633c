"""The servers' event loop choice: Python's own by default, uvloop when asked for (or `auto` and installed)."""

from __future__ import annotations

import asyncio
import sys

import pytest

from adapters.event_loop import EventLoopUnavailable, loop_factory, run_on


async def _loop_type() -> str:
    return type(asyncio.get_running_loop()).__module__


def test_asyncio_runs_on_pythons_own_loop() -> None:
    assert run_on("asyncio", _loop_type()).startswith("asyncio")


def test_uvloop_runs_on_uvloop_when_installed() -> None:
    pytest.importorskip("uvloop")
    assert run_on("uvloop", _loop_type()).startswith("uvloop")
    assert run_on("auto", _loop_type()).startswith("uvloop")


def test_auto_falls_back_and_uvloop_refuses_when_it_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvloop", None)  # as if it were not installed
    assert run_on("auto", _loop_type()).startswith("asyncio")
    with pytest.raises(EventLoopUnavailable, match="uvloop"):
        loop_factory("uvloop")
