"""The Discord adapter: DMs, slash commands and buttons translated to and from the neutral core.

- :mod:`.config` reads the adapter's environment variables.
- :mod:`.inbound` turns Discord events into :class:`bot.messages.Incoming`.
- :mod:`.render` turns :class:`bot.messages.Reply` into Discord messages and embeds.
- :mod:`.views` holds the persistent buttons and selects that carry their owner.
- :mod:`.commands` declares the slash commands.
- :mod:`.client` wires them to the service; :mod:`.runner` is what ``offer-coach run discord`` calls.
- :mod:`.fake_discord` is a local Discord (REST and gateway) for tests and benchmarks.

Nothing about a conversation is kept in memory here: the store holds it, so restarts lose nothing.
"""
