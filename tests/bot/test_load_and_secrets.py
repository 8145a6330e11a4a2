"""Load (200 questions from 20 members during a reindex), flood control, secrets, and start-up errors."""

import asyncio
import logging
import socket
import threading
import time
from contextlib import contextmanager

import discord

from bot.app import BAD_TOKEN, NO_TOKEN, run_bot, warm_engine
from bot.settings import Settings
from index.engine import Engine
from tests.bot.conftest import make_settings, start_bot, stop_bot
from tests.bot.fake_discord import ADMIN, FakeDiscord, Member
from tests.bot.test_event_loop import SlowEmbedder
from tests.fakes import FakeEmbedder

SECRET = "MTIz.secret-token-value.XYZ"


async def test_200_questions_from_20_members_during_a_reindex(tmp_path, corpus, fake_discord, capsys):
    fake_discord.heartbeat_interval_ms = 50
    settings = make_settings(tmp_path, corpus, question_burst=20, question_cooldown_seconds=0.01)
    engine = Engine(corpus, settings.index_dir, SlowEmbedder(0.0), threshold=0.3)
    await asyncio.to_thread(engine.reindex)
    harness = await start_bot(settings, engine, fake_discord)
    try:
        engine.embedder.seconds = 0.5
        (corpus / "new.md").write_text("# New\n\nFresh text about Doha talks.\n\nA second paragraph.\n")
        reindex = await fake_discord.slash("reindex", member=ADMIN)
        await fake_discord.wait_until(lambda: harness.bot.reindexer.running)
        started = time.perf_counter()
        members = [Member(300_000_000_000_000_000 + i, f"analyst{i}") for i in range(20)]
        records = await asyncio.gather(
            *[
                fake_discord.slash(
                    "ask",
                    [{"name": "question", "type": 3, "value": f"Qatar Türkiye mediated talks ({n})"}],
                    member=member,
                )
                for n in range(10)
                for member in members
            ]
        )
        await fake_discord.wait_until(lambda: all(r.messages() for r in records), timeout=60)
        await fake_discord.wait_until(lambda: any(m.get("embeds") for m in reindex.edits), timeout=30)
        elapsed = time.perf_counter() - started
        answers = [r.last() for r in records]
        assert all(a["embeds"] and "¶1" in a["embeds"][0]["fields"][0]["name"] for a in answers)
        beats = [t for t in fake_discord.heartbeats if t >= started]
        gaps = [b - a for a, b in zip([started, *beats], beats, strict=False)]
        assert max(gaps) < 0.5, max(gaps)
        with capsys.disabled():
            print(
                f"\n  load: {len(records)} questions from {len(members)} members during a reindex, all "
                f"answered in {elapsed:.1f} s; longest heartbeat gap {max(gaps) * 1000:.0f} ms"
            )
    finally:
        await stop_bot(harness)


async def test_a_flooding_member_is_slowed_down_politely(tmp_path, corpus, fake_discord):
    settings = make_settings(tmp_path, corpus, question_burst=2, question_cooldown_seconds=60)
    engine = Engine(corpus, settings.index_dir, FakeEmbedder(), threshold=0.3)
    await asyncio.to_thread(engine.reindex)
    harness = await start_bot(settings, engine, fake_discord)
    try:
        replies = []
        for n in range(3):
            record = await fake_discord.slash("ask", [{"name": "question", "type": 3, "value": f"Qatar {n}"}])
            replies.append(await fake_discord.reply(record))
        assert replies[0]["embeds"] and replies[1]["embeds"]
        assert "try again in" in replies[2]["content"] and replies[2]["flags"] & 64
        other = await fake_discord.reply(
            await fake_discord.slash("ask", [{"name": "question", "type": 3, "value": "Qatar"}], member=ADMIN)
        )
        assert other["embeds"]  # another member is not slowed down
    finally:
        await stop_bot(harness)


def test_token_never_in_repr_or_dump():
    settings = Settings(_env_file=None, discord_token=SECRET)
    assert SECRET not in repr(settings) and SECRET not in str(settings)
    assert SECRET not in settings.model_dump_json()
    assert settings.discord_token.get_secret_value() == SECRET


def test_missing_token_says_what_to_set(tmp_path, corpus, capsys):
    settings = make_settings(tmp_path, corpus, discord_token="")
    assert run_bot(settings, Engine(corpus, settings.index_dir, FakeEmbedder())) == 2
    assert capsys.readouterr().err.strip() == NO_TOKEN


@contextmanager
def fake_discord_in_a_thread(valid_token: str | None = None):
    """For code that runs its own event loop (`briefbot run`, `sync-commands`): serve from another."""
    loop = asyncio.new_event_loop()
    fake = FakeDiscord()
    fake.valid_token = valid_token
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(fake.start(), loop).result(10)
    try:
        yield fake
    finally:
        asyncio.run_coroutine_threadsafe(fake.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)


def test_rejected_token_is_one_clear_line_and_never_echoed(tmp_path, corpus, capsys, caplog):
    with fake_discord_in_a_thread(valid_token="the-right-token"):
        settings = make_settings(tmp_path, corpus, discord_token=SECRET)
        with caplog.at_level(logging.DEBUG):
            code = run_bot(settings, Engine(corpus, settings.index_dir, FakeEmbedder(), threshold=0.3))
        captured = capsys.readouterr()
        assert code == 1
        assert captured.err.strip().splitlines()[-1] == BAD_TOKEN
        assert SECRET not in captured.out + captured.err + caplog.text


def test_an_empty_corpus_still_starts_the_bot(tmp_path, capsys):
    """Admins fill an empty corpus from Discord (/brief add): warming up must not stop the bot."""
    empty = tmp_path / "empty"
    empty.mkdir()
    with fake_discord_in_a_thread(valid_token="the-right-token"):
        settings = make_settings(tmp_path, empty, discord_token=SECRET)
        code = run_bot(settings, Engine(empty, settings.index_dir, FakeEmbedder()))
    assert code == 1 and capsys.readouterr().err.strip().splitlines()[-1] == BAD_TOKEN  # it got to log in


def test_unreachable_discord_is_one_clear_line(tmp_path, corpus, capsys, monkeypatch):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setattr(discord.http.Route, "BASE", f"http://127.0.0.1:{port}/api/v10")
    settings = make_settings(tmp_path, corpus, discord_token=SECRET)
    code = run_bot(settings, Engine(corpus, settings.index_dir, FakeEmbedder()))
    err = capsys.readouterr().err.strip()
    assert code == 1 and err.startswith("briefbot: cannot reach Discord (") and "Traceback" not in err
    assert SECRET not in err


def test_sync_commands_globally(tmp_path, corpus, capsys):
    from bot.app import sync_commands

    with fake_discord_in_a_thread() as fake:
        settings = make_settings(tmp_path, corpus, dev_guild_ids=[])
        code = sync_commands(settings, Engine(corpus, settings.index_dir, FakeEmbedder()), global_sync=True)
        assert code == 0
        assert {c["name"] for c in fake.commands["global"]} >= {"ask", "actor", "brief", "reindex", "watch"}
        assert "globally" in capsys.readouterr().out


def test_starting_on_an_index_older_than_the_corpus_warns_the_admin(tmp_path, corpus, caplog):
    engine = Engine(corpus, tmp_path / "index", FakeEmbedder(), threshold=0.3)
    engine.reindex()
    (corpus / "added-later.md").write_text("# Later\n\nA brief added while the bot was down.\n")
    with caplog.at_level(logging.WARNING, logger="briefbot"):
        warm_engine(Engine(corpus, tmp_path / "index", FakeEmbedder(), threshold=0.3))
    assert "added added-later" in caplog.text and "/reindex" in caplog.text
