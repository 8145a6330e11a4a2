"""Actors: /actor (summary, autocomplete, more statements) and /actors (paged list)."""

from __future__ import annotations

import asyncio
import difflib
import io
import re
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import charts, render
from bot.paging import PAGERS, clamp_page, pager_view
from bot.replies import send, send_error
from bot.text import KIND_TITLES
from index.actor_summary import ActorSummary, UnknownActorError
from index.actors import KINDS
from index.lexical import fold

if TYPE_CHECKING:
    from bot.client import Briefbot

PER_PAGE = 15
SHOWN = 3  # statements in the summary embed
MORE = 5  # statements per "More statements" click
CHOICES = 25  # Discord's limit on autocomplete choices
NETWORK_FILE = "actor-network.png"
TIMELINE_FILE = "actor-timeline.png"


async def summary_or_refusal(interaction: discord.Interaction, actor_id: str) -> ActorSummary | None:
    """The actor's summary for a button click, or None (and an ephemeral note) if it is gone."""
    bot: Briefbot = interaction.client  # type: ignore[assignment]
    try:
        return await asyncio.to_thread(bot.engine.actor, actor_id)
    except UnknownActorError:
        await send_error(interaction, "That actor is no longer in the briefs.")
        return None


class StatementsButton(
    discord.ui.DynamicItem[discord.ui.Button], template=r"bb:said:(?P<actor>[a-z0-9-]{1,80}):(?P<offset>\d+)"
):
    def __init__(self, actor_id: str, offset: int) -> None:
        super().__init__(
            discord.ui.Button(
                label="More statements",
                style=discord.ButtonStyle.primary,
                custom_id=f"bb:said:{actor_id}:{offset}",
            )
        )
        self.actor_id, self.offset = actor_id, offset

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]):
        return cls(match["actor"], int(match["offset"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        summary = await summary_or_refusal(interaction, self.actor_id)
        if summary is None:
            return
        if self.offset >= len(summary.statements):
            await send(interaction, content="No more statements.", ephemeral=True)
            return
        view = statements_view(summary.actor_id, self.offset + MORE, len(summary.statements))
        await send(
            interaction, embed=render.statements_embed(summary, self.offset, MORE), view=view, ephemeral=True
        )


def statements_view(actor_id: str, offset: int, total: int, timeline: bool = False) -> discord.ui.View | None:
    """More statements (if there are more) and a timeline chart (if the actor is in dated briefs)."""
    if len(actor_id) > 80 or (offset >= total and not timeline):
        return None
    view = discord.ui.View(timeout=None)
    if offset < total:
        view.add_item(StatementsButton(actor_id, offset))
    if timeline:
        view.add_item(TimelineButton(actor_id))
    return view


class TimelineButton(
    discord.ui.DynamicItem[discord.ui.Button], template=r"bb:chart:(?P<actor>[a-z0-9-]{1,80})"
):
    def __init__(self, actor_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                label="Timeline chart",
                emoji="📈",
                style=discord.ButtonStyle.secondary,
                custom_id=f"bb:chart:{actor_id}",
            )
        )
        self.actor_id = actor_id

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]):
        return cls(match["actor"])

    async def callback(self, interaction: discord.Interaction) -> None:
        summary = await summary_or_refusal(interaction, self.actor_id)
        if summary is None:
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        png = await asyncio.to_thread(charts.timeline_png, summary)
        if png is None:
            await send(
                interaction, content="None of the briefs naming this actor has a date.", ephemeral=True
            )
            return
        await interaction.followup.send(file=discord.File(io.BytesIO(png), TIMELINE_FILE), ephemeral=True)


def actors_page(
    bot: Briefbot, page: int, kind: str | None = None
) -> tuple[discord.Embed, discord.ui.View | None]:
    """A page of every actor, or of those of one kind."""
    listing = bot.engine.actor_directory().listing(kinds=(kind,) if kind else None)
    page, pages = clamp_page(page, len(listing), PER_PAGE)
    embed = render.actors_page_embed(listing, page, PER_PAGE, kind)
    return embed, pager_view(_pager_name(kind), page, pages)


def _pager_name(kind: str | None) -> str:
    """The list's name in its buttons' custom ids, letters only: "actors", "actorsarmedgroup"."""
    return "actors" + (kind or "").replace(" ", "")


for _kind in (None, *KINDS):
    PAGERS[_pager_name(_kind)] = lambda bot, page, kind=_kind: actors_page(bot, page, kind)


def actor_choices(bot: Briefbot, current: str) -> list[app_commands.Choice[str]]:
    """Canonical names and aliases: prefix matches first, then substrings, then fuzzy ones."""
    typed = fold(current.strip())
    directory = bot.engine.actor_directory()
    names = directory.names()

    def label(shown: str, actor_id: str) -> str:
        name = directory.index.actors[actor_id].name
        return shown if shown == name else f"{shown} → {name}"

    folded = [(fold(shown), shown, actor_id) for shown, actor_id in names]
    prefix = [(s, a) for f, s, a in folded if f.startswith(typed)]
    inside = [(s, a) for f, s, a in folded if typed in f and not f.startswith(typed)]
    close = (
        set(difflib.get_close_matches(typed, [f for f, _, _ in folded], n=CHOICES, cutoff=0.5))
        if typed
        else set()
    )
    fuzzy = [(s, a) for f, s, a in folded if f in close]
    choices: dict[str, app_commands.Choice[str]] = {}
    for shown, actor_id in prefix + inside + fuzzy:
        key = f"{shown}\0{actor_id}"
        if key not in choices and len(choices) < CHOICES:
            choices[key] = app_commands.Choice(
                name=render.clip(label(shown, actor_id), 100), value=actor_id[:100]
            )
    return list(choices.values())


class ActorsCog(commands.Cog, name="Actors"):
    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot

    @app_commands.command(name="actor", description="What a person, government or group said and did, cited")
    @app_commands.describe(
        name="A name, alias or role, e.g. Khawaja Asif, TTP, Islamabad, Pakistan's defence minister",
        graph="Attach a picture of who appears with this actor",
    )
    async def actor(
        self, interaction: discord.Interaction, name: app_commands.Range[str, 1, 200], graph: bool = False
    ) -> None:
        try:
            summary = await asyncio.to_thread(self.bot.engine.actor, name)
        except UnknownActorError as error:
            await send_error(interaction, error.pointing_to("/actors"))
            return
        view = statements_view(summary.actor_id, SHOWN, len(summary.statements), bool(summary.timeline))
        embed = render.actor_embed(summary, SHOWN)
        if not graph:
            await send(interaction, embed=embed, view=view)
            return
        await interaction.response.defer(thinking=True)
        directory = self.bot.engine.actor_directory()
        png = await asyncio.to_thread(lambda: charts.network_png(directory.network(summary.actor_id)))
        embed.set_image(url=f"attachment://{NETWORK_FILE}")
        await interaction.followup.send(
            embed=embed,
            view=view or discord.utils.MISSING,
            file=discord.File(io.BytesIO(png), NETWORK_FILE),
            allowed_mentions=render.NO_MENTIONS,
        )

    @actor.autocomplete("name")
    async def actor_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await asyncio.to_thread(actor_choices, self.bot, current)

    @app_commands.command(name="actors", description="List the actors found in the briefs")
    @app_commands.describe(kind="only people, states, organisations or armed groups")
    @app_commands.choices(kind=[app_commands.Choice(name=KIND_TITLES[kind], value=kind) for kind in KINDS])
    async def actors(self, interaction: discord.Interaction, kind: str | None = None) -> None:
        embed, view = await asyncio.to_thread(actors_page, self.bot, 0, kind)
        await send(interaction, embed=embed, view=view)
