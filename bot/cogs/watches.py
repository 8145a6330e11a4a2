"""Watchlists: /watch, /watches, /unwatch, and the alerts sent after a reindex publishes."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from bot.cogs.actors import actor_choices
from bot.replies import send, send_error
from index.actor_summary import UnknownActorError
from index.store import Generation
from index.watch import Watch, match_watches, new_passage_rows

if TYPE_CHECKING:
    from bot.client import Briefbot

log = logging.getLogger("briefbot")
PASSAGES_PER_ALERT = 5


class WatchesCog(commands.Cog, name="Watches"):
    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot

    @app_commands.command(
        name="watch", description="Get the new passages about an actor or a phrase after each reindex"
    )
    @app_commands.describe(actor="An actor to follow", phrase="Words to follow, e.g. border posts")
    async def watch(
        self,
        interaction: discord.Interaction,
        actor: str | None = None,
        phrase: app_commands.Range[str, 3, 100] | None = None,
    ) -> None:
        if bool(actor) == bool(phrase):
            await send_error(interaction, "Give either an actor or a phrase to watch.")
            return
        if actor:
            try:
                actor_id = await asyncio.to_thread(self.bot.engine.actor_directory().find, actor)
            except UnknownActorError as error:
                await send_error(interaction, error.pointing_to("/actors"))
                return
            kind, value = "actor", actor_id
        else:
            kind, value = "phrase", " ".join(phrase.split())
        watch = await asyncio.to_thread(self.bot.state.add_watch, interaction.user.id, kind, value)
        where = (
            f"in <#{self.bot.settings.watch_channel_id}>"
            if self.bot.settings.watch_channel_id
            else "by direct message"
        )
        await send(
            interaction,
            ephemeral=True,
            content=(
                f"Watching {self._label(watch)} (#{watch.watch_id}). New passages will reach you {where} "
                "after each reindex. `/watches` lists your watches, `/unwatch` removes one."
            ),
        )

    @watch.autocomplete("actor")
    async def watch_actor_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await asyncio.to_thread(actor_choices, self.bot, current)

    @app_commands.command(name="watches", description="List what you are watching")
    async def watches(self, interaction: discord.Interaction) -> None:
        watches = await asyncio.to_thread(self.bot.state.watches, interaction.user.id)
        lines = [f"#{w.watch_id} {self._label(w)}" for w in watches] or [
            "You are not watching anything; try `/watch actor:`."
        ]
        await send(interaction, content=render.clip("\n".join(lines), render.CONTENT_LIMIT), ephemeral=True)

    @app_commands.command(name="unwatch", description="Stop a watch")
    @app_commands.describe(watch="The watch to stop")
    async def unwatch(self, interaction: discord.Interaction, watch: int) -> None:
        removed = await asyncio.to_thread(self.bot.state.remove_watch, interaction.user.id, watch)
        await send(
            interaction,
            ephemeral=True,
            content=f"Stopped watch #{watch}."
            if removed
            else f"You have no watch #{watch}; `/watches` lists yours.",
        )

    @unwatch.autocomplete("watch")
    async def unwatch_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[int]]:
        watches = await asyncio.to_thread(self.bot.state.watches, interaction.user.id)
        return [
            app_commands.Choice(
                name=render.clip(f"#{w.watch_id} {self._label(w, plain=True)}", 100), value=w.watch_id
            )
            for w in watches
        ][:25]

    def _label(self, watch: Watch, plain: bool = False) -> str:
        if watch.kind == "actor":
            actors = self.bot.engine.actor_directory().index.actors
            name = actors[watch.value].name if watch.value in actors else watch.value
            return f"actor {name}" if plain else f"actor **{render.safe(name)}**"
        return f"phrase “{watch.value}”" if plain else f"phrase “{render.safe(watch.value)}”"

    # -- alerts ------------------------------------------------------------------------------------
    async def notify(self, before: Generation | None, after: Generation) -> int:
        """Send each subscriber the new passages their watches match; returns alerts sent."""
        watches = await asyncio.to_thread(self.bot.state.watches)
        if not watches:
            return 0
        directory = self.bot.engine.actor_directory()

        def match() -> dict[int, list[int]]:
            return match_watches(after, directory, new_passage_rows(before, after), watches)

        matches = await asyncio.to_thread(match)
        by_user: dict[int, list[tuple[Watch, list[int]]]] = defaultdict(list)
        for watch in watches:
            if watch.watch_id in matches:
                by_user[watch.user_id].append((watch, matches[watch.watch_id]))
        sent = 0
        for user_id, found in by_user.items():
            embeds = [
                render.watch_alert_embed(
                    self._label(w, plain=True),
                    [after.passages[r] for r in rows],
                    after.briefs,
                    PASSAGES_PER_ALERT,
                )
                for w, rows in found
            ][:10]
            try:
                await self._deliver(user_id, embeds)
                sent += 1
            except discord.HTTPException:
                log.warning("could not deliver a watch alert to member %s", user_id, exc_info=True)
        return sent

    async def _deliver(self, user_id: int, embeds: list[discord.Embed]) -> None:
        channel_id = self.bot.settings.watch_channel_id
        if channel_id:
            channel = self.bot.get_channel(channel_id) or await self.bot.fetch_channel(channel_id)
            # Only the subscriber is pinged; nothing from the briefs can ping anyone.
            await channel.send(
                content=f"<@{user_id}> new passages for your watches:",
                embeds=embeds,
                allowed_mentions=discord.AllowedMentions(
                    users=[discord.Object(user_id)], everyone=False, roles=False
                ),
            )
        else:
            user = self.bot.get_user(user_id) or await self.bot.fetch_user(user_id)
            await user.send(
                content="New passages for your watches:", embeds=embeds, allowed_mentions=render.NO_MENTIONS
            )
