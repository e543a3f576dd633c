"""The Slack manifest's slash command lists the commands of the core's catalogue, and no others."""

from __future__ import annotations

from typing import Any

import yaml

from bot.commands import CATALOGUE, TEAM_COMMANDS, find
from tests.support import REPO

MANIFEST = REPO / "deploy" / "slack-manifest.yaml"


def slash_command() -> dict[str, Any]:
    manifest = yaml.safe_load(MANIFEST.read_text())
    (command,) = manifest["features"]["slash_commands"]
    return command


def test_the_usage_hint_lists_every_slash_command_of_the_catalogue() -> None:
    words = [word.strip() for word in slash_command()["usage_hint"].split("|")]
    assert len(words) == len(set(words))
    listed = {word for word in words if find(word) is not None}
    assert listed == {command.name for command in CATALOGUE if command.slash}
    # Anything else it lists opens the team channel commands, which bot.teams answers.
    assert set(words) - listed <= set(TEAM_COMMANDS)
    assert "channel" in words


def test_the_description_names_what_the_main_commands_do() -> None:
    description = slash_command()["description"].lower()
    for word in ("practi", "value", "checklist"):
        assert word in description
