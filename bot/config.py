"""Configuration read from the environment (and an optional `.env`), with sensible defaults.

Only what the core needs lives here; each adapter reads its own variables in its own module.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("offer-coach")) / "offer-coach.db"


class CoreSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OFFER_COACH_", env_file=".env", extra="ignore")

    db: Path = Field(default_factory=default_db_path)
    # A postgresql:// URL puts everything on PostgreSQL (several processes or hosts); unset or a
    # plain path means the SQLite file (`db`, or this path). See docs/scaling.md.
    database_url: str | None = None
    playbooks: Path | None = None  # an extra playbook folder, merged over the shipped ones
    max_message_chars: int = Field(default=4000, ge=100, le=100_000)
    # Days after which the words of finished transcripts are dropped (scores and counts stay); unset keeps them.
    retention_days: int | None = Field(default=None, ge=1)

    @property
    def store_target(self) -> str:
        """Where the store lives: the database URL when one is set, else the SQLite file."""
        return self.database_url or str(self.db)

