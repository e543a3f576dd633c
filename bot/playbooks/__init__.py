"""The playbook data: pydantic models for the YAML, and loading and checking it with precise errors.

Imports nothing else from bot/: every other part of the core reads these models.
"""
