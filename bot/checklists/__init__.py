"""Guided, resumable checklists: the runner, reading answers per step kind, and what a checklist computes.

May import understanding, valuation, playbooks and the top-level messages, markup and session.
"""
