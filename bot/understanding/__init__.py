"""Reading what a person types: acts, perk terms, amounts with their roles, and coaching signals.

May import only the playbook models (for the perk catalogue) and the standard library or rapidfuzz.
"""
