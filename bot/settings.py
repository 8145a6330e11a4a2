"""Every setting, read once from the environment and `.env` in the entry point, then passed down."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from index.embedding import DEFAULT_MODEL, DEFAULT_ONNX_DIR, Backend
from index.engine import DEFAULT_THRESHOLD

IdList = Annotated[list[int], NoDecode]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="BRIEFBOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    discord_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("DISCORD_TOKEN", "BRIEFBOT_DISCORD_TOKEN")
    )
    dev_guild_ids: IdList = Field(default_factory=list)
    question_channel_ids: IdList = Field(default_factory=list)
    admin_role_ids: IdList = Field(default_factory=list)
    corpus_dir: Path = Path("docs_corpus")
    index_dir: Path = Path(".briefbot/index")
    state_dir: Path = Path(".briefbot/state")
    model: str = DEFAULT_MODEL
    embedding_backend: Backend = "onnx"  # for questions; indexing runs on torch
    model_cache_dir: Path = DEFAULT_ONNX_DIR
    passages_per_answer: int = Field(default=3, ge=1, le=10)
    abstention_threshold: float = Field(default=DEFAULT_THRESHOLD, ge=0.0, le=1.0)
    late_interaction: bool = True  # each answer's top 10 re-ordered token by token
    correct_spelling: bool = True  # typing slips read as the briefs' words ("ceasfire")
    max_upload_bytes: int = Field(default=2_000_000, ge=1_000)
    question_cooldown_seconds: float = Field(default=2.0, ge=0.0)
    question_burst: int = Field(default=5, ge=1)
    watch_channel_id: int | None = None  # watch alerts go here, mentioning the member; else by DM

    @field_validator("dev_guild_ids", "question_channel_ids", "admin_role_ids", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
            for part in parts:
                if not part.isdigit():
                    raise ValueError(f"'{part}' is not a Discord id: give numbers separated by commas")
            return [int(part) for part in parts]
        if isinstance(value, int):
            return [value]
        return value
