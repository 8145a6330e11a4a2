"""Questions: /ask, questions in channels and threads, and the buttons under an answer."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from datetime import date
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from bot.cogs.help import help_embed
from bot.replies import send, send_error
from bot.text import asks_for_help
from index.answering import WORDS
from index.brief_details import (
    asked_actors,
    asked_whole,
    asks_brief_details,
    asks_every_brief,
    asks_latest,
    names_a_brief,
)
from index.errors import BriefbotError
from index.models import Answer, SearchFilters
from index.paragraphs import asked_paragraphs, asked_section_numbers
from index.search import check_question, has_words
from index.sections import asks_outline, asks_sections

if TYPE_CHECKING:
    from bot.client import Briefbot

PAGE = 3  # passages per message
THREAD_NAME_LIMIT = 100


# Discord's markup for a member, role or channel mention, a custom emoji or a timestamp: no words
# of a question ("<@123> what did Asif say?" was refused, the markup being far from every passage).
_MARKUP = re.compile(r"<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::[tTdDfFR])?)>")


def addressed_question(content: str, bot: discord.ClientUser, member: discord.Member | None) -> str:
    """The question in a message, without the bot's mention or the name it is addressed by ("Hey
    Briefbot, which countries mediated?"): the bot's name is no name the briefs should know; nor
    any other mention, custom emoji or timestamp markup."""
    text = " ".join(_MARKUP.sub(" ", re.sub(rf"<@!?{bot.id}>", "", content)).split())
    names = "|".join(re.escape(name) for name in {bot.name, member.display_name if member else ""} if name)
    greeting = r"(?:(?:hey|hi|hello|ok|okay|dear)\b[\s,]*)?"
    return re.sub(rf"^{greeting}(?:@?(?:{names})\b)?[\s,:;!.-]*", "", text, flags=re.IGNORECASE)


# A follow-up of this many words at most, or with a word pointing back, leans on the thread's first
# question ("and when?", "what about India?", "What did he say next?").
SHORT_FOLLOW_UP = 4
_POINTING_BACK = re.compile(r"\b(?:he|she|they|them|his|her|their|it|its|this|that|these|those)\b", re.I)


# How a message without a question mark still asks ("who wrote this", "and India", "tl;dr").
_ASKING = re.compile(
    r"(?:who|whom|whose|what|what's|whats|when|where|why|how|which|is|are|was|were|do|does|did|can|"
    r"could|will|would|should|has|have|had|tell|explain|describe|list|summari[sz]e|compare|show|"
    r"give|and|also|so|but)\b",
    re.IGNORECASE,
)


def is_asking(message: str) -> bool:
    """Whether a message in a question thread asks something rather than remarks on it."""
    return (
        message.endswith("?")
        or _ASKING.match(message) is not None
        or bool(asked_whole(message))
        or asks_outline(message)  # "table of contents"
        or bool(asked_paragraphs(message) or asked_section_numbers(message))  # "paragraph 4", "section 2"
    )


def leans_on(follow_up: str) -> bool:
    """Whether a follow-up in a thread needs the thread's first question to be understood."""
    return len(follow_up.split()) <= SHORT_FOLLOW_UP or _POINTING_BACK.search(follow_up) is not None


class AnswerButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=r"bb:(?P<action>more|full|up|down):(?P<answer>\d+):(?P<offset>\d+)",
):
    """A button under an answer; its state lives in its custom id, so it works after a restart."""

    LABELS = {
        "more": ("More passages", None),
        "full": ("Full paragraph", None),
        "up": (None, "👍"),
        "down": (None, "👎"),
    }

    def __init__(self, action: str, answer_id: int, offset: int) -> None:
        label, emoji = self.LABELS[action]
        style = discord.ButtonStyle.primary if action == "more" else discord.ButtonStyle.secondary
        super().__init__(
            discord.ui.Button(
                label=label, emoji=emoji, style=style, custom_id=f"bb:{action}:{answer_id}:{offset}"
            )
        )
        self.action, self.answer_id, self.offset = action, answer_id, offset

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]):
        return cls(match["action"], int(match["answer"]), int(match["offset"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        cog: QuestionsCog = interaction.client.get_cog(QuestionsCog.__cog_name__)
        await cog.on_answer_button(interaction, self.action, self.answer_id, self.offset)


def answer_view(answer_id: int, offset: int, has_more: bool, votes: bool = True) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    if has_more:
        view.add_item(AnswerButton("more", answer_id, offset + PAGE))
    view.add_item(AnswerButton("full", answer_id, offset))
    if votes:
        view.add_item(AnswerButton("up", answer_id, 0))
        view.add_item(AnswerButton("down", answer_id, 0))
    return view


def parse_day(value: str | None, name: str) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as error:
        raise BriefbotError(
            f"`{name}` must be a date like 2025-11-03 (YYYY-MM-DD), not '{render.clip(value, 40)}'"
        ) from error


class QuestionsCog(commands.Cog, name="Questions"):
    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot
        self._thread_questions: dict[int, str] = {}

    # -- answering -------------------------------------------------------------------------------
    async def _ask(self, question: str, k: int, filters: SearchFilters | None = None) -> Answer:
        return await asyncio.to_thread(self.bot.engine.ask, question, k, filters)

    async def _answer_message(
        self, answer: Answer, user_id: int, filters: SearchFilters
    ) -> tuple[discord.Embed, discord.ui.View | None]:
        if answer.abstained:
            return render.answer_embed(answer), None
        answer_id = await asyncio.to_thread(self.bot.state.record_answer, answer, user_id, filters)
        has_more = len(answer.hits) > PAGE
        shown = dataclasses.replace(answer, hits=answer.hits[:PAGE])
        return render.answer_embed(shown), answer_view(answer_id, 0, has_more)

    # -- /ask --------------------------------------------------------------------------------------
    @app_commands.command(
        name="ask", description="Ask the briefs a question; answers cite brief, section and ¶"
    )
    @app_commands.describe(
        question="Your question, in your own words",
        brief="Only search this brief",
        since="Only briefs dated on or after this day (YYYY-MM-DD)",
        until="Only briefs dated on or before this day (YYYY-MM-DD)",
    )
    async def ask(
        self,
        interaction: discord.Interaction,
        question: app_commands.Range[str, 1, 1000],
        brief: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> None:
        wait = self.bot.cooldown.retry_after(interaction.user.id)
        if wait:
            await send_error(
                interaction, f"You're asking faster than the bot allows; try again in {wait:.0f} s."
            )
            return
        # A question with no words, an empty index, an unknown brief or a date range no brief is
        # in: said at once, privately (a deferred reply would show the error to the channel).
        try:
            check_question(question)
            filters = SearchFilters(
                frozenset({brief}) if brief else frozenset(),
                parse_day(since, "since"),
                parse_day(until, "until"),
            )
            await asyncio.to_thread(self.bot.engine.check_askable, filters)
        except BriefbotError as error:
            await send_error(interaction, str(error))
            return
        await interaction.response.defer(thinking=True)
        answer = await self._ask(question, PAGE + 1, filters)
        embed, view = await self._answer_message(answer, interaction.user.id, filters)
        await send(interaction, embed=embed, view=view)

    @ask.autocomplete("brief")
    async def ask_brief_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return brief_choices(self.bot, current)

    # -- buttons -----------------------------------------------------------------------------------
    async def on_answer_button(
        self, interaction: discord.Interaction, action: str, answer_id: int, offset: int
    ) -> None:
        stored = await asyncio.to_thread(self.bot.state.answer, answer_id)
        if stored is None:
            await send_error(interaction, "That answer is no longer on record; ask again.")
            return
        if action in ("up", "down"):
            vote = 1 if action == "up" else -1
            await asyncio.to_thread(self.bot.state.record_vote, answer_id, interaction.user.id, vote)
            await send(
                interaction,
                content="Thanks, your 👍 is recorded."
                if vote > 0
                else "Thanks, your 👎 is recorded; it helps us improve answers.",
                ephemeral=True,
            )
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            answer = await self._ask(stored.question, offset + PAGE + 1, stored.filters)
        except BriefbotError as error:  # the index changed since: the brief filtered on is gone
            await send_error(interaction, str(error))
            return
        hits = list(answer.hits[offset : offset + PAGE])
        if not hits:
            await send(interaction, content="No more passages for this question.", ephemeral=True)
            return
        if action == "full":
            await send(interaction, embed=render.full_paragraphs_embed(hits), ephemeral=True)
            return
        page = Answer(stored.question, tuple(hits), False)
        view = answer_view(answer_id, offset, len(answer.hits) > offset + PAGE, votes=False)
        await send(interaction, embed=render.answer_embed(page, first=offset + 1), view=view, ephemeral=True)

    # -- channels and threads ---------------------------------------------------------------------
    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.guild is None or self.bot.user is None:
            return
        settings = self.bot.settings
        mentioned = self.bot.user in message.mentions
        question = addressed_question(message.content, self.bot.user, message.guild.me)
        channel = message.channel
        bot_thread = (
            isinstance(channel, discord.Thread)
            and channel.owner_id == self.bot.user.id
            and channel.parent_id in settings.question_channel_ids
        )
        asked_here = bot_thread or mentioned or channel.id in settings.question_channel_ids
        # "help", "@Briefbot what can you do?", and the bot mentioned with nothing asked ("Hi @Briefbot!")
        if asked_here and (asks_for_help(question) or (mentioned and not has_words(question))):
            await message.reply(embed=help_embed(self.bot), allowed_mentions=render.NO_MENTIONS)
            return
        if bot_thread:
            if has_words(question):
                # Members talk in the thread too: a remark ("thanks", "ok, makes sense") gets a
                # reply only if the briefs answer it.
                remark = not (mentioned or is_asking(question))
                await self._answer_in_channel(message, question, thread=channel, remark=remark)
            return
        if not has_words(question):  # "?" alone, an emoji: nothing asked
            return
        if channel.id in settings.question_channel_ids and (mentioned or question.endswith("?")):
            await self._answer_in_channel(message, question, new_thread=True)
        elif mentioned:
            await self._answer_in_channel(message, question)

    async def _checked(self, message: discord.Message, question: str) -> bool:
        wait = self.bot.cooldown.retry_after(message.author.id)
        if wait:
            await message.reply(
                render.error_text(f"You're asking faster than the bot allows; try again in {wait:.0f} s."),
                allowed_mentions=render.NO_MENTIONS,
            )
            return False
        return True

    async def _channel_answer(
        self, question: str, user_id: int, context: str | None = None, remark: bool = False
    ) -> tuple[Answer, discord.Embed, discord.ui.View | None]:
        filters = SearchFilters()
        # "the floods brief", "the latest brief", "each brief": not the thread's
        names_its_brief = names_a_brief(question) or asks_latest(question) or asks_every_brief(question)
        if (
            context
            and not names_its_brief
            and any(
                asks(question)
                for asks in (
                    asked_whole,
                    asks_brief_details,
                    asked_actors,
                    asks_sections,
                    asked_paragraphs,
                    asked_section_numbers,
                )
            )
        ):
            # "tl;dr", "Who wrote this?", "Who is involved?", "What does the Analysis section say?",
            # "Show me ¶4" in a thread: of the brief the thread's question is about.
            about = await self._ask(context, 1)
            if about.hits:
                filters = SearchFilters(brief_ids=frozenset({about.hits[0].brief.brief_id}))
        answer = await self._ask(question, PAGE + 1, filters)
        far = answer.abstained and not answer.explained or answer.basis == WORDS  # far in meaning
        if far and context and not remark and leans_on(question):
            # A follow-up that leans on the thread's first question ("and India?", "What did he
            # say next?") and is far from every passage, or found by its words alone, is read
            # together with it; one refused for a reason ("What did China say?") keeps it, which
            # the context would hide. Any other question, or a remark ("thanks"), is not: with the
            # thread's question, anything would be answered.
            with_context = await self._ask(f"{context} {question}", PAGE + 1)
            if not with_context.abstained and (answer.abstained or with_context.basis != WORDS):
                answer = Answer(question, with_context.hits, False, read_as=answer.read_as)
        return (answer, *await self._answer_message(answer, user_id, filters))

    async def _answer_in_channel(
        self,
        message: discord.Message,
        question: str,
        *,
        new_thread: bool = False,
        thread: discord.Thread | None = None,
        remark: bool = False,
    ) -> None:
        """Answer a channel message: in a new thread, in the bot's thread it was asked in (with the
        thread's first question as context), or as a reply. A `remark` (no question mark, no
        mention) gets a reply only if passages close in meaning answer it: no abstention, no
        error, no cooldown notice."""
        if remark:
            if self.bot.cooldown.retry_after(message.author.id):
                return
        elif not await self._checked(message, question):
            return
        context = self._thread_questions.get(thread.id, thread.name) if thread is not None else None
        try:
            answer, embed, view = await self._channel_answer(question, message.author.id, context, remark)
        except BriefbotError as error:
            if remark:
                return
            target = thread.send if thread is not None else message.reply
            await target(render.error_text(str(error)), allowed_mentions=render.NO_MENTIONS)
            return
        if remark and (answer.abstained or answer.basis == WORDS):
            return  # only passages close in meaning answer a remark ("agreed" is in every brief)
        if new_thread:
            name = render.clip(" ".join(question.split()), THREAD_NAME_LIMIT)
            thread = await message.create_thread(name=name)
            self._thread_questions[thread.id] = question
        target = thread.send if thread is not None else message.reply
        await target(embed=embed, view=view, allowed_mentions=render.NO_MENTIONS)


def brief_choices(bot: Briefbot, current: str) -> list[app_commands.Choice[str]]:
    """Briefs whose title or id contains what was typed (prefix matches first), 25 at most."""
    typed = current.strip().lower()
    briefs = bot.engine.briefs()
    matches = [b for b in briefs if typed in b.meta.title.lower() or typed in b.meta.brief_id]
    matches.sort(
        key=lambda b: (
            not (b.meta.title.lower().startswith(typed) or b.meta.brief_id.startswith(typed)),
            b.meta.title.lower(),
        )
    )
    return [
        app_commands.Choice(name=render.clip(b.meta.title, 100), value=b.meta.brief_id[:100])
        for b in matches[:25]
    ]
