"""The real discord.py client, started against the fake Discord, with an engine on the fake embedder."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.client import Briefbot
from bot.settings import Settings
from bot.state import BotState
from index.engine import Engine
from tests.bot.fake_discord import (
    ADMIN_ROLE_ID,
    GUILD_ID,
    QUESTION_CHANNEL_ID,
    FakeDiscord,
)
from tests.fakes import FakeEmbedder


class Harness:
    def __init__(self, fake: FakeDiscord, bot: Briefbot, task: asyncio.Task) -> None:
        self.fake = fake
        self.bot = bot
        self.task = task


def make_settings(tmp_path: Path, corpus: Path, **overrides) -> Settings:
    values = dict(
        discord_token="test-token",
        dev_guild_ids=[GUILD_ID],
        question_channel_ids=[QUESTION_CHANNEL_ID],
        admin_role_ids=[ADMIN_ROLE_ID],
        corpus_dir=corpus,
        index_dir=tmp_path / "index",
        state_dir=tmp_path / "state",
        abstention_threshold=0.3,
        question_cooldown_seconds=0.0,
    )
    values.update(overrides)
    return Settings(_env_file=None, **values)


async def start_bot(settings: Settings, engine: Engine, fake: FakeDiscord) -> Harness:
    bot = Briefbot(
        settings, engine, BotState(settings.state_dir), guild_ready_timeout=0.05, progress_interval=0.02
    )
    task = asyncio.create_task(bot.start("test-token"))
    done, _ = await asyncio.wait(
        {task, asyncio.create_task(bot.wait_until_ready())}, timeout=10, return_when=asyncio.FIRST_COMPLETED
    )
    if task in done:
        task.result()  # a crash in start() surfaces here
    assert bot.is_ready(), "the bot did not become ready"
    return Harness(fake, bot, task)


async def stop_bot(harness: Harness) -> None:
    await harness.bot.close()
    await asyncio.wait_for(harness.task, timeout=10)
    assert not harness.fake.unknown, f"the bot called routes the fake does not know: {harness.fake.unknown}"


@pytest.fixture
async def fake_discord():
    fake = FakeDiscord()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def harness(tmp_path, corpus, fake_discord):
    settings = make_settings(tmp_path, corpus)
    engine = Engine(corpus, settings.index_dir, FakeEmbedder(), threshold=settings.abstention_threshold)
    await asyncio.to_thread(engine.reindex)
    running = await start_bot(settings, engine, fake_discord)
    yield running
    await stop_bot(running)
