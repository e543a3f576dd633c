"""The Discord adapter: DMs, slash commands and buttons translated to and from the neutral core.

Modules, each depending only on those above it:

- :mod:`.config` reads the adapter's environment variables.
- :mod:`.inbound` turns Discord events into :class:`bot.messages.Incoming`.
- :mod:`.views` holds the persistent buttons and selects that carry their owner.
- :mod:`.render` turns :class:`bot.messages.Reply` into Discord messages and embeds.
- :mod:`.delivery` sends one event's replies where they belong (DM, ephemeral, a reply to a mention).
- :mod:`.teams` is the Discord side of team channels: team buttons, posts, commands and clicks.
- :mod:`.conversation` runs a message, slash command or click through :class:`bot.port.Coach`.
- :mod:`.commands` and :mod:`.team_commands` declare the slash commands and command groups.
- :mod:`.client` is the one ``discord.Client`` that wires them; :mod:`.runner` is what
  ``offer-coach run discord`` calls.

The local Discord (REST and gateway) for tests and benchmarks is ``tests/support/fake_discord.py``.
Nothing about a conversation is kept in memory here: the store holds it, so restarts lose nothing.
"""
