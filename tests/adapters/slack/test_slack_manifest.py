"""The app manifest users paste into Slack matches what the adapter listens to and needs."""

from __future__ import annotations

import yaml

from adapters.slack.config import DEFAULT_SCOPES, SlackSettings
from tests.support import REPO

MANIFEST = REPO / "deploy" / "slack-manifest.yaml"


def test_the_manifest_matches_the_adapter():
    manifest = yaml.safe_load(MANIFEST.read_text())
    features, settings = manifest["features"], manifest["settings"]
    default_command = SlackSettings.model_fields["command"].default
    assert [c["command"] for c in features["slash_commands"]] == [default_command]
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == sorted(DEFAULT_SCOPES.split(","))
    assert set(settings["event_subscriptions"]["bot_events"]) == {
        "app_home_opened", "app_mention", "message.im", "app_uninstalled", "tokens_revoked"}
    assert features["app_home"]["home_tab_enabled"] and features["app_home"]["messages_tab_enabled"]
    assert settings["interactivity"]["is_enabled"] and settings["socket_mode_enabled"]
    assert len(manifest["display_information"]["long_description"]) >= 175  # Slack's minimum
