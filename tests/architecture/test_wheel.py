"""The wheel that `pip install offer-coach` gets: the code and the playbooks, none of the test kit.

The fakes, the Slack rig and the chat harness moved to tests/support so that a deployment does
not ship them; this builds the wheel as pip does and reads its file list to keep it that way.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEST_KIT = {"fake_slack", "fake_discord", "slack_rig", "harness", "conftest"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built once for this module as `pip wheel .` builds it."""
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(ROOT)]
    if importlib.util.find_spec("hatchling") is not None:  # the dev install has the backend: no download
        command.insert(command.index("--no-deps"), "--no-build-isolation")
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    [built] = out.glob("offer_coach-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_files(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def test_the_wheel_holds_bot_and_adapters_and_the_playbooks_inside_bot(wheel_files: list[str]) -> None:
    tops = {PurePosixPath(name).parts[0] for name in wheel_files}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"bot", "adapters"}
    for package in ("bot", "adapters"):
        on_disk = {p.relative_to(ROOT).as_posix() for p in (ROOT / package).rglob("*.py")
                   if "__pycache__" not in p.parts}
        assert on_disk <= set(wheel_files), f"left out of the wheel: {sorted(on_disk - set(wheel_files))}"
    shipped = {p.relative_to(ROOT / "playbooks").as_posix() for p in (ROOT / "playbooks").rglob("*.yaml")}
    in_wheel = {name.removeprefix("bot/_playbooks/") for name in wheel_files if name.startswith("bot/_playbooks/")}
    assert shipped and shipped <= in_wheel


def test_the_wheel_holds_no_tests_and_no_test_kit(wheel_files: list[str]) -> None:
    paths = [PurePosixPath(name) for name in wheel_files]
    assert not [p for p in paths if "tests" in p.parts or p.name.startswith("test_")]
    assert not [p for p in paths if p.stem in TEST_KIT]
    assert not [p for p in paths if "__pycache__" in p.parts or p.suffix == ".pyc"]


def test_the_wheel_declares_the_console_script(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
        entry_points = archive.read(name).decode()
    assert "offer-coach = adapters.cli.main:main" in entry_points
