"""Offer Coach core: platform-neutral negotiation practice, coaching and checklists.

Nothing in this package imports a chat platform's library; adapters translate to and from
the neutral messages in :mod:`bot.messages`.
"""

__version__ = "0.1.0"
