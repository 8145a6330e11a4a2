"""The Discord client: a commands.Bot that receives its settings, engine and state in __init__."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.actors import ActorsCog, StatementsButton, TimelineButton
from bot.cogs.admin import AdminCog
from bot.cogs.briefs import BriefsCog
from bot.cogs.help import HelpCog
from bot.cogs.questions import AnswerButton, QuestionsCog
from bot.cogs.watches import WatchesCog
from bot.cooldown import Cooldown
from bot.paging import PageButton
from bot.reindexer import Reindexer
from bot.render import NO_MENTIONS
from bot.replies import send_error
from bot.settings import Settings
from bot.state import BotState
from index.engine import Engine
from index.errors import BriefbotError

log = logging.getLogger("briefbot")


class Briefbot(commands.Bot):
    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        state: BotState,
        *,
        guild_ready_timeout: float = 2.0,
        progress_interval: float = 1.0,
    ) -> None:
        intents = discord.Intents.default()
        intents.message_content = True  # to read questions in channels; see README
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            allowed_mentions=NO_MENTIONS,
            help_command=None,
            guild_ready_timeout=guild_ready_timeout,
        )
        self.settings = settings
        self.engine = engine
        self.state = state
        self.reindexer = Reindexer(engine, progress_interval)
        self.cooldown = Cooldown(settings.question_burst, settings.question_cooldown_seconds)
        self.tree.on_error = self.on_app_command_error
        self.command_ids: dict[str, int] = {}  # for clickable command mentions such as </brief info:ID>

    async def setup_hook(self) -> None:
        await self.add_cog(QuestionsCog(self))
        await self.add_cog(BriefsCog(self))
        await self.add_cog(AdminCog(self))
        await self.add_cog(ActorsCog(self))
        await self.add_cog(WatchesCog(self))
        await self.add_cog(HelpCog(self))
        self.add_dynamic_items(AnswerButton, PageButton, StatementsButton, TimelineButton)
        # Only dev guilds are synced at start (instant); global sync is `briefbot sync-commands --global`.
        for guild_id in self.settings.dev_guild_ids:
            guild = discord.Object(guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            self.command_ids.update({command.name: command.id for command in synced})

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: channel questions are handled by the Questions cog's listener."""

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        original = getattr(error, "original", error)
        if isinstance(original, BriefbotError):
            message = str(original)
        elif isinstance(error, app_commands.CheckFailure):
            message = "You can't use this command here."
        else:
            log.exception("command failed", exc_info=original)
            message = "Something went wrong on our side; the error is logged. Please try again."
        try:
            await send_error(interaction, message)
        except discord.HTTPException:
            log.warning("could not report an error to the user", exc_info=True)

    async def on_error(self, event_method: str, /, *args, **kwargs) -> None:
        log.exception("error in %s", event_method)
