"""Starting the bot for real: warm the engine, then connect; token problems become one clear line."""

from __future__ import annotations

import asyncio
import logging
import sys
import time

import discord

from bot.client import Briefbot
from bot.settings import Settings
from bot.state import BotState
from bot.text import drift_text
from index.engine import Engine
from index.errors import EmptyIndexError

log = logging.getLogger("briefbot")
NO_TOKEN = (
    "briefbot: DISCORD_TOKEN is not set. Put the bot token in .env (see .env.example) or the "
    "environment; to try Briefbot without Discord, run 'briefbot console'."
)
BAD_TOKEN = (
    "briefbot: Discord rejected DISCORD_TOKEN. Copy a fresh token from the Developer Portal "
    "(Bot → Reset Token) into .env."
)
UNREACHABLE = (
    "briefbot: cannot reach Discord ({error}). Check this machine's network; Briefbot itself needs "
    "none: 'briefbot console' answers from the terminal."
)
WARM_UP = "What do the briefs say in this warm-up question?"


def warm_engine(engine: Engine) -> float:
    """Build the index if needed, load it and the model, and answer once: seconds taken."""
    started = time.perf_counter()
    report = engine.ensure_index()
    if report is not None:
        log.info("built the index: %d passages", report.passages)
    elif drift := drift_text(engine.corpus_drift(), "an admin's /reindex"):
        log.warning(drift)
    try:
        engine.ask(WARM_UP)
    except EmptyIndexError:  # nothing indexed yet: the bot still starts, for admins to /brief add
        engine.embedder.embed_batch([WARM_UP])
    return time.perf_counter() - started


def run_bot(settings: Settings, engine: Engine) -> int:
    if settings.discord_token is None or not settings.discord_token.get_secret_value().strip():
        print(NO_TOKEN, file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    seconds = warm_engine(engine)
    log.info("engine ready in %.1f s (%d briefs)", seconds, len(engine.briefs()))
    bot = Briefbot(settings, engine, BotState(settings.state_dir))
    try:
        asyncio.run(_run(bot, settings.discord_token.get_secret_value()))
    except discord.LoginFailure:
        print(BAD_TOKEN, file=sys.stderr)
        return 1
    except OSError as error:  # aiohttp's connection errors: no route to Discord
        print(UNREACHABLE.format(error=error), file=sys.stderr)
        return 1
    except discord.PrivilegedIntentsRequired:
        print(
            "briefbot: enable the Message Content intent for the bot in the Developer Portal "
            "(Bot → Privileged Gateway Intents); see README.",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 0
    return 0


async def _run(bot: Briefbot, token: str) -> None:
    async with bot:
        await bot.start(token)


def sync_commands(settings: Settings, engine: Engine, global_sync: bool) -> int:
    """Log in, register the slash commands (dev guilds, or globally), log out."""
    if settings.discord_token is None or not settings.discord_token.get_secret_value().strip():
        print(NO_TOKEN, file=sys.stderr)
        return 2
    bot = Briefbot(settings, engine, BotState(settings.state_dir))

    async def sync() -> None:
        async with bot:
            # login() runs setup_hook, which syncs the dev guilds.
            await bot.login(settings.discord_token.get_secret_value())
            if global_sync:
                synced = await bot.tree.sync()
                print(f"Synced {len(synced)} commands globally (they can take up to an hour to show).")
            else:
                for guild_id in settings.dev_guild_ids:
                    print(f"Synced commands to guild {guild_id}.")
                if not settings.dev_guild_ids:
                    print("No BRIEFBOT_DEV_GUILD_IDS set; use --global to sync everywhere.")

    try:
        asyncio.run(sync())
    except discord.LoginFailure:
        print(BAD_TOKEN, file=sys.stderr)
        return 1
    except OSError as error:
        print(UNREACHABLE.format(error=error), file=sys.stderr)
        return 1
    return 0
