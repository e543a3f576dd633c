"""Persistence behind one store: sessions, turns, processed events, versioned migrations (SQLite).

May import the top-level session and messages models only; no business logic lives here.
"""
