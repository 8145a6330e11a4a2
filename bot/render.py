"""Engine results as Discord embeds, always within Discord's limits and with markdown escaped."""

from __future__ import annotations

import re

import discord
from discord.utils import escape_markdown, escape_mentions

from bot.text import (
    abstention_reason,
    basis_note,
    briefs_label,
    citation,
    closest_briefs,
    holders_note,
    kind_title,
    lists_briefs,
    plural,
    section_note,
)
from index.actor_summary import ActorListing, ActorSummary
from index.brief_details import ACTORS, QUOTED
from index.models import Answer, Hit, IndexReport, Passage
from index.store import StoredBrief
from index.whatsnew import NewBrief

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
CONTENT_LIMIT = 2000
COLOR = discord.Colour.from_rgb(46, 110, 168)
NO_MENTIONS = discord.AllowedMentions.none()
_ANY_MENTION = re.compile("<@(?!\u200b)")  # also ids too short to be real: they must not look like one


def clip(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"


def safe(text: str) -> str:
    """User or brief text shown in Discord: markdown escaped, mentions defused (belt and braces)."""
    return _ANY_MENTION.sub("<@\u200b", escape_mentions(escape_markdown(text)))


def excerpt(hit: Hit, limit: int = 700) -> str:
    """The passage trimmed around its best sentence, which is in bold."""
    text = hit.passage.text
    start, end = hit.best_sentence_span
    if end <= start:
        return safe(clip(text, limit))
    best = clip(text[start:end], limit - 8)
    room = max(limit - len(best) - 8, 0)
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    take_before = min(len(before), room // 3)
    take_after = min(len(after), room - take_before)
    head = before[len(before) - take_before :] if take_before else ""
    tail = after[:take_after] if take_after else ""
    prefix = ("…" if take_before < len(before) else "") + safe(head) + (" " if head else "")
    suffix = (" " if tail else "") + safe(tail) + ("…" if take_after < len(after) else "")
    return clip(f"{prefix}**{safe(best)}**{suffix}", FIELD_VALUE_LIMIT)


def answer_embed(answer: Answer, first: int = 1) -> discord.Embed:
    if answer.abstained:
        return abstention_embed(answer)
    embed = discord.Embed(title=clip(safe(answer.question), TITLE_LIMIT), colour=COLOR)
    notes = [f"Read as: {safe(answer.read_as)}"] if answer.read_as else []
    notes += [safe(section_note(answer))] if answer.section else []
    notes += [safe(basis_note(answer))] if answer.basis else []
    notes += [safe(holders_note(answer))] if answer.holders else []
    if notes:
        embed.description = clip("\n".join(notes), DESCRIPTION_LIMIT)
    for number, hit in enumerate(answer.hits, start=first):
        name = clip(f"[{number}] {safe(citation(hit))}", FIELD_NAME_LIMIT)
        value = excerpt(hit)
        if hit.brief.url:
            link = f"\n[Read the brief]({hit.brief.url})"
            value = clip(value, FIELD_VALUE_LIMIT - len(link)) + link
        embed.add_field(name=name, value=value, inline=False)
    embed.set_footer(text="Best-matching sentence in bold. 👍 / 👎 tells us if this helped.")
    return fit(embed)


def abstention_embed(answer: Answer) -> discord.Embed:
    description = safe(abstention_reason(answer))
    if answer.read_as:
        description = f"Read as: {safe(answer.read_as)}\n{description}"
    titles = "\n".join(f"• {safe(line)}" for line in closest_briefs(answer))
    if lists_briefs(answer):  # the list asked for ("What briefs do you have?")
        description += f"\n{titles}"
    else:
        if answer.closest_briefs:
            description += f"\n{briefs_label(answer)}:\n{titles}"
        if answer.unstated not in (ACTORS, QUOTED):  # whom the briefs name or quote is an answer
            description += "\nTry other words, or `/briefs` to see what is indexed."
    embed = discord.Embed(
        title=clip(safe(answer.question), TITLE_LIMIT),
        description=clip(description, DESCRIPTION_LIMIT),
        colour=COLOR,
    )
    return fit(embed)


def full_paragraphs_embed(hits: list[Hit]) -> discord.Embed:
    embed = discord.Embed(title="Full paragraphs", colour=COLOR)
    for hit in hits:
        embed.add_field(
            name=clip(safe(citation(hit)), FIELD_NAME_LIMIT),
            value=clip(safe(hit.passage.text), FIELD_VALUE_LIMIT),
            inline=False,
        )
    return fit(embed)


def report_embed(report: IndexReport, title: str = "Reindex finished") -> discord.Embed:
    if report.published:
        summary = (
            f"**{len(report.added)}** added · **{len(report.changed)}** changed · "
            f"**{len(report.removed)}** removed · {report.unchanged} unchanged\n"
            f"{plural(report.passages, 'passage')}: **{report.embedded}** embedded, "
            f"{report.reused} reused · {report.seconds:.1f} s"
        )
    else:
        summary = f"Nothing changed ({report.unchanged} briefs); the index is up to date."
    embed = discord.Embed(title=title, description=summary, colour=COLOR)
    for label, ids in (("Added", report.added), ("Changed", report.changed), ("Removed", report.removed)):
        if ids:
            embed.add_field(name=label, value=clip(safe(", ".join(ids)), FIELD_VALUE_LIMIT), inline=False)
    if report.skipped:
        lines = "\n".join(f"• {safe(s.path)}: {safe(s.reason)}" for s in report.skipped)
        embed.add_field(
            name=f"Skipped ({len(report.skipped)})", value=clip(lines, FIELD_VALUE_LIMIT), inline=False
        )
    if report.notes:
        embed.add_field(
            name="Notes", value=clip(safe("\n".join(report.notes)), FIELD_VALUE_LIMIT), inline=False
        )
    return fit(embed)


def progress_text(stage: str, done: int, total: int) -> str:
    percent = f" {100 * done // total}%" if total else ""
    return f"Reindexing… {stage}: {done:,}/{total:,}{percent}"


def briefs_page_embed(briefs: list[StoredBrief], page: int, per_page: int) -> discord.Embed:
    pages = max((len(briefs) + per_page - 1) // per_page, 1)
    shown = briefs[page * per_page : (page + 1) * per_page]
    lines = []
    for brief in shown:
        date = brief.meta.date.isoformat() if brief.meta.date else "undated"
        lines.append(
            f"**{safe(clip(brief.meta.title, 200))}**\n`{brief.meta.brief_id}` · {date} · "
            f"{plural(brief.passage_count, 'passage')}"
        )
    description = "\n".join(lines) or "No briefs are indexed yet. An admin can add one with `/brief add`."
    embed = discord.Embed(
        title=f"Briefs ({len(briefs)})", description=clip(description, DESCRIPTION_LIMIT), colour=COLOR
    )
    embed.set_footer(text=f"Page {page + 1} of {pages}")
    return fit(embed)


def brief_info_embed(brief: StoredBrief) -> discord.Embed:
    meta = brief.meta
    embed = discord.Embed(title=clip(safe(meta.title), TITLE_LIMIT), colour=COLOR, url=meta.url or None)
    for name, value in (
        ("Author", meta.author),
        ("Publisher", meta.publisher),
        ("Date", meta.date.isoformat() if meta.date else None),
        ("Brief id", f"`{meta.brief_id}`"),
        ("Passages", str(brief.passage_count)),
        ("File", meta.source_file),
    ):
        if value:
            embed.add_field(
                name=name,
                value=clip(safe(value) if name != "Brief id" else value, FIELD_VALUE_LIMIT),
                inline=True,
            )
    if brief.sections:
        sections = "\n".join(f"• {safe(s)}" for s in brief.sections)
        embed.add_field(name="Sections", value=clip(sections, FIELD_VALUE_LIMIT), inline=False)
    return fit(embed)


def fit(embed: discord.Embed) -> discord.Embed:
    """Drop trailing fields until the embed is within the 6000-character total and 25 fields."""
    while len(embed.fields) > 25 or (len(embed) > EMBED_TOTAL_LIMIT and embed.fields):
        embed.remove_field(len(embed.fields) - 1)
    if len(embed) > EMBED_TOTAL_LIMIT and embed.description:
        embed.description = clip(embed.description, len(embed.description) - (len(embed) - EMBED_TOTAL_LIMIT))
    return embed


def error_text(message: str) -> str:
    """An error for Discord; engine messages start in lower case, as the command line prints them
    after "briefbot: "."""
    return clip(f"⚠️ {safe(message[:1].upper() + message[1:])}", CONTENT_LIMIT)


def _cited(line) -> str:
    via = f" · via {safe(line.via)}" if line.via else ""
    return f"{safe(line.text)} — *{safe(line.brief_id)} ¶{line.paragraph}{via}*"


def _lines_field(lines, limit: int = FIELD_VALUE_LIMIT) -> str:
    """As many whole cited lines as fit in one field, each clipped if it alone is too long."""
    out: list[str] = []
    used = 0
    for line in lines:
        text = "• " + clip(_cited(line), 400)
        if used + len(text) + 1 > limit:
            break
        out.append(text)
        used += len(text) + 1
    return "\n".join(out)


def actor_embed(summary: ActorSummary, statements_shown: int = 3) -> discord.Embed:
    head = [
        f"*{summary.kind}* · mentioned in {plural(summary.mentions, 'passage')} of "
        f"{plural(summary.briefs, 'brief')}"
    ]
    if summary.description:
        head.append(safe(summary.description))
    if summary.aliases:
        head.append("Also: " + safe(", ".join(summary.aliases)))
    embed = discord.Embed(
        title=clip(safe(summary.name), TITLE_LIMIT),
        description=clip("\n".join(head), DESCRIPTION_LIMIT),
        colour=COLOR,
    )
    if summary.roles:
        embed.add_field(name="Roles", value=_lines_field(summary.roles), inline=False)
    if summary.statements:
        embed.add_field(
            name=f"Key statements ({len(summary.statements)})",
            value=_lines_field(summary.statements[:statements_shown]),
            inline=False,
        )
    if summary.actions:
        embed.add_field(name="Positions and actions", value=_lines_field(summary.actions[:3]), inline=False)
    if summary.mentioned and not (summary.statements or summary.actions):
        # An actor that never speaks or acts in the briefs: what they say of it is all there is.
        embed.add_field(name="Mentioned", value=_lines_field(summary.mentioned[:3]), inline=False)
    if summary.co_actors:
        co = ", ".join(f"{safe(name)} ({count})" for name, count in summary.co_actors[:10])
        embed.add_field(name="Appears with", value=clip(co, FIELD_VALUE_LIMIT), inline=False)
    if summary.timeline:
        timeline = "\n".join(
            f"`{t.date}` {clip(safe(t.text), 200)} — *{safe(t.brief_id)}*" for t in summary.timeline[:8]
        )
        embed.add_field(name="Timeline", value=clip(timeline, FIELD_VALUE_LIMIT), inline=False)
    return fit(embed)


def statements_embed(summary: ActorSummary, offset: int, count: int) -> discord.Embed:
    lines = summary.statements[offset : offset + count]
    embed = discord.Embed(
        title=clip(
            f"{safe(summary.name)}: statements {offset + 1}–{offset + len(lines)} "
            f"of {len(summary.statements)}",
            TITLE_LIMIT,
        ),
        description=clip(_lines_field(lines, DESCRIPTION_LIMIT), DESCRIPTION_LIMIT),
        colour=COLOR,
    )
    return fit(embed)


def actors_page_embed(
    listing: list[ActorListing], page: int, per_page: int, kind: str | None = None
) -> discord.Embed:
    pages = max((len(listing) + per_page - 1) // per_page, 1)
    rows = [
        f"**{safe(a.name)}** · {a.kind} · {plural(a.mentions, 'passage')}"
        for a in listing[page * per_page : (page + 1) * per_page]
    ]
    title = kind_title(kind)
    embed = discord.Embed(
        title=f"{title} ({len(listing)})",
        colour=COLOR,
        description=clip("\n".join(rows) or f"No {title.lower()} found in the briefs.", DESCRIPTION_LIMIT),
    )
    embed.set_footer(text=f"Page {page + 1} of {pages} · /actor name: for a summary")
    return fit(embed)


def whats_new_embed(items: list[NewBrief], since: str, brief_command_id: int | None) -> discord.Embed:
    embed = discord.Embed(title=f"Briefs added since {since}", colour=COLOR)
    if not items:
        embed.description = "No new briefs. `/briefs` lists everything indexed."
    for item in items[:10]:
        meta = item.brief.meta
        info = (
            f"</brief info:{brief_command_id}> brief: `{meta.brief_id}`"
            if brief_command_id
            else f"`/brief info brief:{meta.brief_id}`"
        )
        lines = [clip(safe(item.lead), 400)] if item.lead else []
        if item.actors:
            lines.append("Actors: " + safe(", ".join(item.actors)))
        lines.append(info)
        embed.add_field(
            name=clip(f"{safe(meta.title)} · added {item.brief.added[:10]}", FIELD_NAME_LIMIT),
            value=clip("\n".join(lines), FIELD_VALUE_LIMIT),
            inline=False,
        )
    if len(items) > 10:
        embed.set_footer(text=f"and {len(items) - 10} more; use a later `since` to narrow the list")
    return fit(embed)


def watch_alert_embed(label: str, passages: list[Passage], briefs: dict, limit: int) -> discord.Embed:
    embed = discord.Embed(title=clip(f"New: {safe(label)}", TITLE_LIMIT), colour=COLOR)
    for passage in passages[:limit]:
        brief = briefs[passage.brief_id].meta
        where = [brief.title] + ([passage.section] if passage.section else []) + [f"¶{passage.paragraph}"]
        embed.add_field(
            name=clip(safe(" · ".join(where)), FIELD_NAME_LIMIT),
            value=clip(safe(passage.text), 500),
            inline=False,
        )
    if len(passages) > limit:
        embed.set_footer(text=f"and {len(passages) - limit} more new passages; ask with /ask to see them")
    return fit(embed)
