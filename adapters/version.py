"""The installed Offer Coach version, for `offer-coach --version` and the start-up log line."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version


def version() -> str:
    try:
        return package_version("offer-coach")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"
