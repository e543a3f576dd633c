"""The Slack adapter: slash commands, buttons, App Home and DM role-play, on slack-bolt (async).

It only translates: Slack payloads in (``inbound``), Block Kit out (``render``, ``deliver``,
``home``, ``modals``), wiring (``app``, ``runner``), settings (``config``). All behaviour lives
in ``bot/``. ``fake_slack`` is a local Slack that tests and benchmarks share.
"""
