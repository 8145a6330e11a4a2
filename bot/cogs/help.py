"""/help, and "help" asked of the bot by mention or in a question channel: what it does and how."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from bot.replies import send

if TYPE_CHECKING:
    from bot.client import Briefbot


def _command(name: str, ids: dict[str, int]) -> str:
    """A command as a clickable mention when its id is known ("</brief info:123>"), else as text."""
    command_id = ids.get(name.split()[0])
    return f"</{name}:{command_id}>" if command_id else f"`/{name}`"


def help_embed(bot: Briefbot) -> discord.Embed:
    ids = bot.command_ids
    channels = " ".join(f"<#{channel_id}>" for channel_id in bot.settings.question_channel_ids)
    ask = f"{_command('ask', ids)} a question (optionally one brief, or a date range)"
    if channels:
        ask += f"; in {channels}, a message ending in “?” gets its answer in a thread, where follow-ups go"
    ask += "; or mention the bot with a question anywhere."
    embed = discord.Embed(
        title="Briefbot: ask the briefs",
        description=(
            "Answers quote the passages of the briefs that answer a question, each cited (brief, "
            "section, ¶) with its best-matching sentence in bold, and say so plainly when the briefs "
            "hold no answer. Ask about a subject (“Which countries mediated the talks?”), an actor "
            "(“What did Khawaja Asif say about India?”), a brief as a whole (“tl;dr”, “Who wrote "
            "this brief?”, “Summarise each brief”), one of its sections (“What sections does it have?”, "
            "“What does the Analysis section say?”) or paragraphs (“Show me ¶4”, “the first paragraph "
            "of the Analysis section”), or the briefs (“Which briefs mention the TTP?”, “Who is quoted?”)."
        ),
        colour=render.COLOR,
    )
    embed.add_field(name="Ask", value=ask, inline=False)
    embed.add_field(
        name="Actors",
        value=f"{_command('actor', ids)} what a person, government or group said and did, every line "
        f"cited (a name, an alias or a role) · {_command('actors', ids)} every actor the briefs name, "
        "or those of one kind",
        inline=False,
    )
    embed.add_field(
        name="Briefs",
        value=f"{_command('briefs', ids)} the indexed briefs · {_command('brief info', ids)} one "
        f"brief's details · {_command('whatsnew', ids)} briefs added recently",
        inline=False,
    )
    embed.add_field(
        name="Watches",
        value=f"{_command('watch', ids)} an actor or a phrase: its new passages after each reindex · "
        f"{_command('watches', ids)} · {_command('unwatch', ids)}",
        inline=False,
    )
    embed.add_field(
        name="Admins",
        value=f"{_command('brief add', ids)} · {_command('brief remove', ids)} · "
        f"{_command('reindex', ids)}: the index is updated without downtime",
        inline=False,
    )
    embed.set_footer(text="Offline: no answer is generated, every line comes from a brief.")
    return render.fit(embed)


class HelpCog(commands.Cog, name="Help"):
    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What Briefbot does, and its commands")
    async def help(self, interaction: discord.Interaction) -> None:
        await send(interaction, embed=help_embed(self.bot), ephemeral=True)
