"""What an offer is worth per year: units and how amounts are shown, perk values, offer comparison.

May import understanding (terms), playbooks and the top-level messages and markup.
"""
