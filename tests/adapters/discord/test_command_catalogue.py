"""The Discord slash commands are the core catalogue's commands (plus the team channel ones), by name.

Read-only use of the adapter: the client is built as the runner builds it and its command tree read.
"""

from __future__ import annotations

from typing import Any

import pytest

from adapters.discord.client import make_client
from adapters.discord.config import DiscordSettings
from bot.commands import CATALOGUE, COMMANDS, TEAM_COMMANDS


@pytest.fixture
def tree_commands() -> dict[str, Any]:
    client = make_client(object(), DiscordSettings(token="test.token.value"))  # type: ignore[arg-type]
    return {command.name: command for command in client.tree.get_commands()}


def test_the_slash_commands_are_the_catalogue_and_the_team_commands(tree_commands: dict[str, Any]) -> None:
    slash = {command.name for command in CATALOGUE if command.slash}
    assert set(tree_commands) == slash | set(TEAM_COMMANDS)


def test_a_command_that_takes_an_argument_names_it_as_the_catalogue_does(tree_commands: dict[str, Any]) -> None:
    for command in CATALOGUE:
        if not (command.slash and command.argument):
            continue
        slash = tree_commands[command.name]
        if hasattr(slash, "get_command"):  # a group, e.g. /checklist start | share
            slash = slash.get_command("start")
        assert [p.name for p in slash.parameters] == [command.argument], command.name


def test_commands_without_an_argument_take_none(tree_commands: dict[str, Any]) -> None:
    for name in ("scenarios", "status", "hint", "end", "export", "forget", "help"):
        assert not COMMANDS[name].argument
        assert tree_commands[name].parameters == []
