"""Test tooling, never installed: the chat harness, the fake Slack and Discord servers, the Slack rig.

Tests and benchmarks import it from the repository; the wheel holds none of it.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
