"""Prev/next buttons for paged lists (/briefs, /actors); the page lives in the custom id."""

from __future__ import annotations

import re
from collections.abc import Callable

import discord

from bot.render import NO_MENTIONS

# list name → function (bot, page) → (embed, view); filled in by the cogs that own each list
PAGERS: dict[str, Callable[[discord.Client, int], tuple[discord.Embed, discord.ui.View | None]]] = {}


class PageButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=r"bb:page:(?P<list>[a-z]+):(?P<page>\d+):(?P<label>prev|next)",
):
    def __init__(self, list_name: str, page: int, label: str, disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(
                label="◀ Previous" if label == "prev" else "Next ▶",
                style=discord.ButtonStyle.secondary,
                custom_id=f"bb:page:{list_name}:{page}:{label}",
                disabled=disabled,
            )
        )
        self.list_name, self.page = list_name, page

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]):
        return cls(match["list"], int(match["page"]), match["label"])

    async def callback(self, interaction: discord.Interaction) -> None:
        embed, view = PAGERS[self.list_name](interaction.client, self.page)
        await interaction.response.edit_message(embed=embed, view=view, allowed_mentions=NO_MENTIONS)


def pager_view(list_name: str, page: int, pages: int) -> discord.ui.View | None:
    if pages <= 1:
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(PageButton(list_name, max(page - 1, 0), "prev", disabled=page == 0))
    view.add_item(PageButton(list_name, min(page + 1, pages - 1), "next", disabled=page == pages - 1))
    return view


def clamp_page(page: int, items: int, per_page: int) -> tuple[int, int]:
    pages = max((items + per_page - 1) // per_page, 1)
    return min(max(page, 0), pages - 1), pages
