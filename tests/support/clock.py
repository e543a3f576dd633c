"""A clock the test moves by hand, for the services that take a `clock` callable."""

from __future__ import annotations

from datetime import datetime


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment
