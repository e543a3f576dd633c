"""The command line as an operator meets it: --version, and the same exit status from both adapters
for the same mistake."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.support.fake_discord import FAKE_TOKEN

ADAPTER_SETTINGS = {"SLACK_BOT_TOKEN": "xoxb-1-2-abc", "SLACK_SIGNING_SECRET": "8f742231b10e8888abcd99yyyzzz85a5",
                    "DISCORD_TOKEN": FAKE_TOKEN}


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "OFFER_COACH_"))}
    return subprocess.run([sys.executable, "-m", "adapters.cli.main", *args], capture_output=True, text=True,
                          timeout=120, env={**base, **(env or {})}, cwd=cwd,
                          )


def test_version_prints_the_installed_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"offer-coach {version('offer-coach')}"


@pytest.mark.parametrize("platform", ["slack", "discord"])
def test_a_database_path_that_cannot_be_used_is_status_2_on_both_adapters(platform: str, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("run", platform, env={**ADAPTER_SETTINGS, "OFFER_COACH_DB": str(blocker / "sub" / "c.db")},
                 cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert str(blocker) in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("variable", "value"), [("OFFER_COACH_HEALTH_PORT", "http"),
                                                 ("OFFER_COACH_LOG_LEVEL", "chatty"),
                                                 ("OFFER_COACH_LOG_FORMAT", "xml")])
def test_a_bad_operations_variable_is_named_and_status_2(variable: str, value: str, tmp_path: Path) -> None:
    result = run("run", "discord", env={**ADAPTER_SETTINGS, variable: value}, cwd=tmp_path)
    assert result.returncode == 2 and variable in result.stderr and "Traceback" not in result.stderr
