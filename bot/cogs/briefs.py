"""Briefs: /briefs (paged), /brief info, and the admin-only /brief add and /brief remove."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from bot.cogs.admin import refuse_non_admin, run_reindex
from bot.cogs.questions import brief_choices, parse_day
from bot.paging import PAGERS, clamp_page, pager_view
from bot.replies import send, send_error
from index.errors import BriefbotError
from index.library import add_brief, remove_brief

if TYPE_CHECKING:
    from bot.client import Briefbot

PER_PAGE = 10


def briefs_page(bot: Briefbot, page: int) -> tuple[discord.Embed, discord.ui.View | None]:
    briefs = bot.engine.briefs()
    page, pages = clamp_page(page, len(briefs), PER_PAGE)
    return render.briefs_page_embed(briefs, page, PER_PAGE), pager_view("briefs", page, pages)


PAGERS["briefs"] = briefs_page


class BriefsCog(commands.Cog, name="Briefs"):
    brief = app_commands.Group(name="brief", description="One brief: details, and (admins) add or remove")

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot

    @app_commands.command(name="briefs", description="List the indexed briefs")
    async def briefs(self, interaction: discord.Interaction) -> None:
        embed, view = briefs_page(self.bot, 0)
        await send(interaction, embed=embed, view=view)

    @app_commands.command(name="whatsnew", description="Briefs added recently, with their lead and actors")
    @app_commands.describe(since="Added on or after this day, YYYY-MM-DD (default: the last 7 days)")
    async def whatsnew(self, interaction: discord.Interaction, since: str | None = None) -> None:
        try:
            day = parse_day(since, "since") or date.today() - timedelta(days=7)
        except BriefbotError as error:
            await send_error(interaction, str(error))
            return
        items = await asyncio.to_thread(self.bot.engine.whats_new, day)
        embed = render.whats_new_embed(items, day.isoformat(), self.bot.command_ids.get("brief"))
        await send(interaction, embed=embed)

    @brief.command(name="info", description="Show a brief's details and sections")
    @app_commands.describe(brief="The brief (start typing its title)")
    async def info(self, interaction: discord.Interaction, brief: str) -> None:
        found = {b.meta.brief_id: b for b in self.bot.engine.briefs()}.get(brief)
        if found is None:
            await send_error(
                interaction, f"No brief '{render.clip(brief, 80)}': pick one from the list, or see /briefs."
            )
            return
        await send(interaction, embed=render.brief_info_embed(found))

    @brief.command(
        name="add", description="(admins) Add a brief (.md, .txt, .pdf, .html or .docx) and index it"
    )
    @app_commands.describe(
        file="A brief: UTF-8 .md or .txt, .pdf with a text layer, a saved .html page or a Word .docx",
        replace="Overwrite a brief with the same name",
    )
    async def add(
        self, interaction: discord.Interaction, file: discord.Attachment, replace: bool = False
    ) -> None:
        if await refuse_non_admin(interaction):
            return
        limit = self.bot.settings.max_upload_bytes
        if file.size > limit:
            await send_error(
                interaction,
                f"'{render.clip(file.filename, 80)}' is {file.size:,} bytes; the limit is {limit:,}.",
            )
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            data = await file.read()
        except discord.HTTPException:
            await send_error(interaction, "The upload could not be downloaded from Discord; try again.")
            return
        corpus = self.bot.engine.corpus_dir
        saved = {}

        def save() -> None:
            saved["path"], saved["brief"] = add_brief(
                corpus, file.filename, data, replace=replace, max_bytes=limit
            )

        # The upload is checked before the reindex starts; a refusal writes nothing.
        await run_reindex(interaction, self.bot, before=save, title=lambda: f"Added {saved['path'].name}")

    @brief.command(name="remove", description="(admins) Remove a brief from the corpus and the index")
    @app_commands.describe(brief="The brief to remove")
    async def remove(self, interaction: discord.Interaction, brief: str) -> None:
        if await refuse_non_admin(interaction):
            return
        if brief not in {b.meta.brief_id for b in self.bot.engine.briefs()}:
            await send_error(interaction, f"No brief '{render.clip(brief, 80)}' is indexed.")
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        corpus = self.bot.engine.corpus_dir
        await run_reindex(
            interaction,
            self.bot,
            before=lambda: remove_brief(corpus, brief),
            title=lambda: f"Removed {brief}",
        )

    @info.autocomplete("brief")
    @remove.autocomplete("brief")
    async def brief_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await asyncio.to_thread(brief_choices, self.bot, current)
