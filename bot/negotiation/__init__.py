"""The role-play: the recruiter's policy over a hidden sheet, the practice flow and the coaching debrief.

May import understanding, valuation, playbooks and the top-level messages, markup and session.
"""
