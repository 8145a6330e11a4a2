"""The event loop is never blocked: heartbeats are acknowledged on time while a reindex runs."""

import asyncio
import time

from index.engine import Engine
from tests.bot.conftest import make_settings, start_bot, stop_bot
from tests.bot.fake_discord import ADMIN
from tests.fakes import FakeEmbedder


class SlowEmbedder(FakeEmbedder):
    """Blocks its thread for a while per batch, as the real model does."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds

    def embed_batch(self, texts, progress=None):
        if len(texts) > 1:  # indexing batches, not single questions
            time.sleep(self.seconds)
        return super().embed_batch(texts, progress)


async def test_heartbeats_flow_during_a_reindex(tmp_path, corpus, fake_discord):
    fake_discord.heartbeat_interval_ms = 50
    settings = make_settings(tmp_path, corpus)
    engine = Engine(corpus, settings.index_dir, SlowEmbedder(0.0), threshold=0.3)
    await asyncio.to_thread(engine.reindex)
    harness = await start_bot(settings, engine, fake_discord)
    try:
        engine.embedder.seconds = 0.6
        (corpus / "new.md").write_text("# New\n\nFresh text about Doha talks.\n\nAnd a second one.\n")
        record = await fake_discord.slash("reindex", member=ADMIN)
        await fake_discord.wait_until(lambda: harness.bot.reindexer.running)
        started = time.perf_counter()
        await fake_discord.wait_until(lambda: any(m.get("embeds") for m in record.edits), timeout=15)
        elapsed = time.perf_counter() - started
        beats = [t for t in fake_discord.heartbeats if t >= started]
        assert elapsed > 0.5  # the reindex really blocked its thread for a while
        gaps = [b - a for a, b in zip([started, *beats], beats, strict=False)]
        assert len(beats) >= elapsed / 0.05 / 4, (len(beats), elapsed)
        assert max(gaps) < 0.5, max(gaps)
    finally:
        await stop_bot(harness)
