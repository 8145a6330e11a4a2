"""Admin: /reindex, and the shared steps of every admin command (permission check, reindex report)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from bot.permissions import is_admin
from bot.replies import send_error
from index.errors import BriefbotError

if TYPE_CHECKING:
    from bot.client import Briefbot


async def refuse_non_admin(interaction: discord.Interaction) -> bool:
    """True (and an ephemeral refusal sent) when the member may not run admin commands."""
    bot: Briefbot = interaction.client  # type: ignore[assignment]
    if is_admin(interaction, bot.settings.admin_role_ids):
        return False
    await send_error(
        interaction,
        "Only admins can do this: it needs the Manage Server permission "
        "or a brief-admin role. Nothing was changed.",
    )
    return True


async def run_reindex(
    interaction: discord.Interaction,
    bot: Briefbot,
    *,
    before: Callable[[], object] | None = None,
    title: Callable[[], str] = lambda: "Reindex finished",
) -> None:
    """Reindex with a progress message edited while it runs, then the report (deferred first)."""

    async def show_progress(stage: str, done: int, total: int) -> None:
        await interaction.edit_original_response(content=render.progress_text(stage, done, total))

    try:
        outcome = await bot.reindexer.run(show_progress, before=before)
    except BriefbotError as error:
        await interaction.edit_original_response(content=render.error_text(str(error)))
        return
    await interaction.edit_original_response(content=None, embed=render.report_embed(outcome.report, title()))
    if outcome.report.published:
        watches = bot.get_cog("Watches")
        if watches is not None:
            await watches.notify(outcome.before, outcome.after)


class AdminCog(commands.Cog, name="Admin"):
    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot

    @app_commands.command(name="reindex", description="(admins) Update the index from the corpus folder")
    async def reindex(self, interaction: discord.Interaction) -> None:
        if await refuse_non_admin(interaction):
            return
        if self.bot.reindexer.running:
            await send_error(
                interaction, "A reindex is already running; try again when its report is posted."
            )
            return
        await interaction.response.defer(thinking=True)
        await run_reindex(interaction, self.bot)
