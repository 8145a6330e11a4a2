"""Engine results as plain text for the terminal and as the JSON the command line promises; and
whether a line typed asks for help rather than asking the briefs (the console and Discord alike)."""

from __future__ import annotations

import re

from index.actor_summary import ActorListing, ActorSummary
from index.answering import WORDS
from index.brief_details import (
    ACTORS,
    BRIEF_DETAILS,
    CATALOGUE,
    CONCLUSION,
    CONCLUSIONS,
    MENTIONS,
    NEWEST,
    OLDEST,
    OVERVIEW,
    OVERVIEWS,
    QUOTED,
    WHICH_BRIEF,
)
from index.companies import COMPANY
from index.corpus import REGISTRY_EDITED, RULES_NEWER, CorpusDrift
from index.leaders import HOLDER, LEADER, PERSON_OF
from index.models import Answer, BriefMeta, Hit, IndexReport
from index.paragraphs import NO_PARAGRAPH, NO_SECTION, NO_SECTION_PARAGRAPH, PARAGRAPH
from index.places import PLACE
from index.sections import IN_SECTION, OUTLINE, SECTION
from index.speakers import asked_speaker
from index.store import StoredBrief
from index.upcoming import NEXT_MEETING
from index.whatsnew import NewBrief

# What a member types to learn how to use the bot, or to greet it, rather than to ask the briefs
# something: answered with the help, not searched ("hi" would only be told the briefs say nothing).
_ASKS_FOR_HELP = re.compile(
    r"(?:help|commands|how do (?:i|we) use (?:you|this|it|the bot|briefbot)|what can you do|"
    r"what do you do|who are you|how does (?:this|it|the bot|briefbot) work|"
    r"(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))(?: there| briefbot| all)?)[\s?!.,]*",
    re.IGNORECASE,
)


def asks_for_help(message: str) -> bool:
    return _ASKS_FOR_HELP.fullmatch(message.strip()) is not None


def answer_json(answer: Answer) -> dict:
    """The JSON contract of `briefbot ask --json`; other tools rely on these exact keys."""
    return {
        "question": answer.question,
        "abstained": answer.abstained,
        "hits": [
            {
                "brief_id": hit.brief.brief_id,
                "brief_title": hit.brief.title,
                "section": hit.passage.section,
                "paragraph": hit.passage.paragraph,
                "text": hit.passage.text,
                "best_sentence": hit.best_sentence,
                "score": hit.score,
                **({"page": hit.passage.page} if hit.passage.page is not None else {}),
            }
            for hit in answer.hits
        ],
    }


def citation(hit: Hit) -> str:
    parts = [hit.brief.title]
    if hit.passage.section:
        parts.append(hit.passage.section)
    parts.append(f"¶{hit.passage.paragraph}")
    if hit.passage.page is not None:
        parts.append(f"p. {hit.passage.page}")
    if hit.brief.date:
        parts.append(hit.brief.date.isoformat())
    return " · ".join(parts)


def abstention_reason(answer: Answer) -> str:
    """Why the engine says nothing: a name or office no brief mentions, a figure, a leader or a
    next meeting no close passage states, an actor the briefs never hear from, or nothing close
    enough."""
    if answer.unknown_names:
        names = [f"“{name}”" for name in answer.unknown_names]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
        if answer.unknown_elsewhere:  # named by briefs far from the question
            return f"The closest briefs never mention {listed} (other briefs do), so they cannot answer this."
        return f"The briefs never mention {listed}, so they cannot answer this."
    if answer.unstated == BRIEF_DETAILS:
        return (
            "Who wrote or published a brief, when and where, is not in its text: each brief's details "
            "are below (/brief or `briefbot brief info ID` shows them all)."
        )
    if answer.unstated == CATALOGUE:
        count = len(answer.closest_briefs)
        return f"{plural(count, 'brief')} {'is' if count == 1 else 'are'} indexed, newest first:"
    if answer.unstated in (NEWEST, OLDEST):
        if not answer.closest_briefs:
            return "No brief gives its date, so none is the newest or oldest: /briefs lists them all."
        return f"The {answer.unstated} by its date:"
    if answer.unstated in (ACTORS, QUOTED):
        kind = answer.named_kind or "actors"
        verb = "quote" if answer.unstated == QUOTED else "name"
        if not answer.named_most:
            return f"The briefs {verb} no {kind}."
        named = ", ".join(f"{name} ({plural(passages, 'passage')})" for name, passages in answer.named_most)
        counted = ", by the passages where each says something" if answer.unstated == QUOTED else ""
        return (
            f"The {kind} the briefs {verb} most{counted}: {named}. /actor or `briefbot actor NAME` "
            "tells what each said and did; /actors lists them all."
        )
    if answer.unstated == WHICH_BRIEF:
        return (
            "This asks for a brief as a whole (or one of its sections or paragraphs), and several "
            "briefs hold it: "
            "name one (/ask brief:, or `--brief ID` in the terminal, or in the question: “Summarise "
            "the … brief”), ask in the thread of a question about it, or ask for each (“Summarise "
            "each brief”)."
        )
    if answer.unstated == NO_SECTION_PARAGRAPH:
        brief = f" of “{answer.closest_briefs[0].title}”" if answer.closest_briefs else ""
        return (
            f"The section “{answer.section}”{brief} has no paragraph of the number asked for: it has "
            f"{plural(answer.parts, 'paragraph')}, counted within it; ask for one of those, or for the "
            "section as a whole."
        )
    if answer.unstated in (NO_PARAGRAPH, NO_SECTION):
        brief = f"“{answer.closest_briefs[0].title}”" if answer.closest_briefs else "The brief"
        if answer.unstated == NO_PARAGRAPH:
            numbered = f" (¶1 to ¶{answer.parts})" if answer.parts > 1 else ""
            return (
                f"{brief} has no paragraph of the number asked for: it has "
                f"{plural(answer.parts, 'paragraph')}{numbered}; ask for one of those, or about a subject."
            )
        return (
            f"{brief} has no section of the number asked for: it has {plural(answer.parts, 'section')}; "
            "ask for its sections (“What sections does it have?”), or for one by its heading."
        )
    if answer.unstated == LEADER:
        return (
            "The closest passages name no one as its leader, so the briefs do not answer this; ask "
            "about the group or body itself to read what they say."
        )
    if answer.unstated == HOLDER:
        return (
            "The closest passages name no one who holds that office, so the briefs do not answer "
            "this; ask about the office or its ministry to read what they say."
        )
    if answer.unstated == PERSON_OF:
        return (
            "The closest passages name no one of the state or group asked about (none in the role "
            "asked about, if one is), so the briefs do not answer this; ask what it did to read what "
            "they say."
        )
    if answer.unstated == NEXT_MEETING:
        return (
            "The closest passages say nothing of a next round or meeting, so the briefs do not answer "
            "this; ask about the talks so far to read what they say."
        )
    if answer.unstated == PLACE:
        return (
            "The closest passages name no place of the kind asked about, so the briefs do not answer "
            "this; ask about the events themselves to read what they say."
        )
    if answer.unstated == COMPANY:
        return (
            "The closest passages name no company, so the briefs do not answer this; ask about what "
            "the companies did or where they work to read what they say."
        )
    if answer.unstated:
        return (
            f"The closest passages state no {answer.unstated}, so the briefs do not answer this; ask "
            f"about the subject without the {answer.unstated} to read what they say."
        )
    if answer.silent:
        asked = asked_speaker(answer.question)
        # Asked what it said, an actor may still appear as doing something ("mediated by Qatar").
        record = "said or did" if asked and asked.reaction else "said"
        return (
            f"The closest briefs record nothing “{answer.silent}” {record}, so they cannot answer this; "
            f"ask what they say about {answer.silent} instead."
        )
    return "The briefs do not answer this."


# What the reader is told of hits not found by meaning (models.Answer.basis).
BASIS_NOTES = {
    OVERVIEW: "The brief's opening and conclusion; ask about a subject for the passages on it.",
    CONCLUSION: "The brief's conclusion; ask about a subject for the passages on it.",
    OVERVIEWS: "Each brief's opening and conclusion, newest first; ask about a subject for what each says.",
    CONCLUSIONS: "Each brief's conclusion, newest first; ask about a subject for what each says.",
    WORDS: "No passage is close in meaning; these hold every word asked about, or a word for it.",
    SECTION: "The section asked for, in reading order; ask about a subject for the passages on it.",
    IN_SECTION: "Passages of the section asked for, the closest to the question first.",
    OUTLINE: "The brief's sections, each by its first paragraph; ask for one: “What does the … section say?”",
    PARAGRAPH: "The paragraphs asked for, in reading order.",
}


def basis_note(answer: Answer) -> str:
    """What the reader is told of how the hits were found, if not by meaning alone."""
    if answer.basis == MENTIONS:
        count, subject = answer.mentioning_briefs, answer.mentioning
        if count == 1:
            closest = "its passage" if len(answer.hits) == 1 else "its passages"
            return f"1 brief mentions “{subject}”: {closest} closest to the question."
        shown = "" if count <= len(answer.hits) else f" (the first {len(answer.hits)} shown)"
        return f"{count} briefs mention “{subject}”{shown}: the closest passage of each comes first."
    return BASIS_NOTES.get(answer.basis, "")


def section_note(answer: Answer) -> str:
    """That the section asked about does not mention the subject asked about in it, if so."""
    if not answer.section or answer.abstained:
        return ""
    subject = f"“{answer.section_lacks}”" if answer.section_lacks else "what was asked about in it"
    return (
        f"The section “{answer.section}” does not mention {subject}; these are the closest passages "
        "anywhere in the briefs."
    )


def holders_note(answer: Answer) -> str:
    """Who the office asked about may be, when the briefs give it to several actors; else ""."""
    if not answer.holders:
        return ""
    names = ", ".join(answer.holders[:-1]) + f" and {answer.holders[-1]}"
    return (
        f"The briefs name more than one {answer.office}: {names}. Ask about one by name to hear from "
        "them alone."
    )


# How many briefs a reply lists when asked which there are; /briefs lists them all.
LISTED_BRIEFS = 10


def lists_briefs(answer: Answer) -> bool:
    """Whether the answer is the list of briefs asked for ("What briefs do you have?"), not the
    briefs closest to a question the engine abstained on."""
    return answer.unstated in (CATALOGUE, NEWEST, OLDEST)


def briefs_label(answer: Answer) -> str:
    """What the briefs an abstention names are: those counted, for whom the briefs name; else the
    closest to the question."""
    return "Counted in" if answer.unstated in (ACTORS, QUOTED) else "Closest briefs"


def closest_briefs(answer: Answer) -> list[str]:
    """The briefs an abstention points to: their titles, with author, publisher and date when
    the question asked for them or for the list of briefs (the first LISTED_BRIEFS)."""
    if lists_briefs(answer):
        listed = [with_details(brief) for brief in answer.closest_briefs[:LISTED_BRIEFS]]
        more = len(answer.closest_briefs) - len(listed)
        return listed + ([f"and {more} more: /briefs or `briefbot briefs` lists them all"] if more else [])
    if answer.unstated != BRIEF_DETAILS:
        return [brief.title for brief in answer.closest_briefs]
    return [with_details(brief) for brief in answer.closest_briefs]


def with_details(brief: BriefMeta) -> str:
    """“Title”, by Author, Publisher, 2025-10-31, url (id): what the front matter gives."""
    details = [f"by {brief.author}" if brief.author else "author not given"]
    details += [brief.publisher] if brief.publisher else []
    details.append(brief.date.isoformat() if brief.date else "undated")
    details += [brief.url] if brief.url else []
    return f"“{brief.title}”, {', '.join(details)} (id {brief.brief_id})"


def answer_text(answer: Answer, first: int = 1) -> str:
    """An answer for the terminal: citations, and the best sentence between ** markers; the hits
    numbered from `first` (a later page of the same answer)."""
    lines = [f"Q: {answer.question}" + (f" (passages from {first})" if first > 1 else "")]
    if answer.read_as:
        lines.append(f"Read as: {answer.read_as}")
    if answer.abstained:
        lines.append(abstention_reason(answer))
        if lists_briefs(answer):
            lines.extend(f"  {line}" for line in closest_briefs(answer))
        elif answer.closest_briefs:
            lines.append(f"{briefs_label(answer)}: " + "; ".join(closest_briefs(answer)))
        return "\n".join(lines)
    if answer.section:
        lines.append(section_note(answer))
    if answer.basis:
        lines.append(basis_note(answer))
    if answer.holders:
        lines.append(holders_note(answer))
    # Scores rank passages against each other: an overview's, a conclusion's, a section's, an
    # outline's or paragraphs' asked for by number (in reading order) or a lone hit's say nothing.
    unranked = (OVERVIEW, CONCLUSION, OVERVIEWS, CONCLUSIONS, SECTION, OUTLINE, PARAGRAPH)
    scored = answer.basis not in unranked and (len(answer.hits) > 1 or first > 1)
    for number, hit in enumerate(answer.hits, start=first):
        start, end = hit.best_sentence_span
        text = hit.passage.text
        marked = f"{text[:start]}**{text[start:end]}**{text[end:]}" if end > start else text
        score = f"  (score {hit.score:.3f})" if scored else ""
        lines.append(f"\n[{number}] {citation(hit)}{score}")
        lines.append(f"    {marked}")
    return "\n".join(lines)


def report_text(report: IndexReport) -> str:
    if not report.published:
        head = f"Index is up to date ({plural(report.unchanged, 'brief')} unchanged); nothing to publish."
    else:
        head = (
            f"Index published ({report.generation}): {len(report.added)} added, "
            f"{len(report.changed)} changed, {len(report.removed)} removed, "
            f"{report.unchanged} unchanged; {plural(report.passages, 'passage')} "
            f"({report.embedded} embedded, {report.reused} reused) in {report.seconds:.1f} s."
        )
    lines = [head]
    for label, ids in (("added", report.added), ("changed", report.changed), ("removed", report.removed)):
        if ids:
            lines.append(f"  {label}: " + ", ".join(ids))
    for skipped in report.skipped:
        lines.append(f"  skipped {skipped.path}: {skipped.reason}")
    lines.extend(f"  {note}" for note in report.notes)
    return "\n".join(lines)


def drift_text(drift: CorpusDrift, update: str) -> str:
    """What changed since the index was built (briefs, actors.toml, or the rules that read briefs
    and find actors), and the command (`update`) that takes it in; empty when nothing did."""
    if not drift:
        return ""
    parts = [
        f"{label} {', '.join(ids)}"
        for label, ids in (("added", drift.added), ("changed", drift.changed), ("removed", drift.removed))
        if ids
    ]
    if drift.actors == REGISTRY_EDITED:
        parts.append("actors.toml edited")
    elif drift.actors == RULES_NEWER:
        parts.append("actors are now found by newer rules")
    if drift.reread:
        parts.append("briefs are now read by newer rules")
    return (
        f"The index is older than the corpus ({'; '.join(parts)}): answers come from the briefs "
        f"and actors as they were indexed until {update} updates it."
    )


def report_json(report: IndexReport) -> dict:
    return {
        "published": report.published,
        "generation": report.generation,
        "added": list(report.added),
        "changed": list(report.changed),
        "removed": list(report.removed),
        "unchanged": report.unchanged,
        "skipped": [{"file": s.path, "reason": s.reason} for s in report.skipped],
        "passages": report.passages,
        "embedded": report.embedded,
        "reused": report.reused,
        "seconds": round(report.seconds, 3),
        "notes": list(report.notes),
    }


def plural(count: int, noun: str) -> str:
    return f"{count} {_noun(count, noun)}"


def _noun(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"


def actor_json(summary: ActorSummary) -> dict:
    """The JSON contract of `briefbot actor --json` (plus "description", "actions" and
    "mentioned")."""

    def cited(lines) -> list[dict]:
        return [
            {"text": line.text, "brief_id": line.brief_id, "paragraph": line.paragraph}
            | ({"via": line.via} if line.via else {})
            for line in lines
        ]

    return {
        "name": summary.name,
        "kind": summary.kind,
        "aliases": list(summary.aliases),
        "description": summary.description,
        "roles": cited(summary.roles),
        "mentions": summary.mentions,
        "briefs": summary.briefs,
        "statements": cited(summary.statements),
        "actions": cited(summary.actions),
        "mentioned": cited(summary.mentioned),
        "co_actors": [{"name": name, "count": count} for name, count in summary.co_actors],
        "timeline": [{"date": t.date, "brief_id": t.brief_id, "text": t.text} for t in summary.timeline],
    }


def actor_text(summary: ActorSummary) -> str:
    lines = [f"{summary.name} ({summary.kind})"]
    if summary.description:
        lines.append(summary.description)
    if summary.aliases:
        lines.append("Also: " + ", ".join(summary.aliases))
    lines.append(f"Mentioned in {plural(summary.mentions, 'passage')} of {plural(summary.briefs, 'brief')}.")
    sections = (
        ("Roles", summary.roles),
        ("Said", summary.statements),
        ("Did", summary.actions),
        ("Also mentioned", summary.mentioned),
    )
    for title, items in sections:
        if items:
            lines.append(f"\n{title}:")
            lines.extend(
                f"  - {line.text}  [{line.brief_id} ¶{line.paragraph}]"
                + (f" (via {line.via})" if line.via else "")
                for line in items
            )
    if summary.co_actors:
        lines.append("\nAppears with: " + ", ".join(f"{n} ({c})" for n, c in summary.co_actors[:10]))
    if summary.timeline:
        lines.append("\nTimeline:")
        lines.extend(f"  {t.date}  {t.text}  [{t.brief_id}]" for t in summary.timeline)
    return "\n".join(lines)


# The title of a list of actors of one kind (index/actors.py KINDS).
KIND_TITLES = {
    "person": "People",
    "state": "States",
    "organisation": "Organisations",
    "armed group": "Armed groups",
}


def kind_title(kind: str | None) -> str:
    """ "Actors", or the title of those of one kind ("Armed groups")."""
    return KIND_TITLES[kind] if kind else "Actors"


def actors_text(listing: list[ActorListing], kind: str | None = None) -> str:
    if not listing:
        return f"No {kind_title(kind).lower()} found in the briefs."
    width = max(len(a.name) for a in listing)
    return "\n".join(
        f"{a.name:{width}}  {a.kind:12}  {a.mentions:4} {_noun(a.mentions, 'passage'):8}  "
        f"{a.briefs:3} {_noun(a.briefs, 'brief')}"
        for a in listing
    )


def actors_json(listing: list[ActorListing]) -> list[dict]:
    return [{"name": a.name, "kind": a.kind, "mentions": a.mentions, "briefs": a.briefs} for a in listing]


def whats_new_json(items: list[NewBrief]) -> list[dict]:
    return [
        {
            "brief_id": n.brief.meta.brief_id,
            "title": n.brief.meta.title,
            "added": n.brief.added,
            "date": n.brief.meta.date.isoformat() if n.brief.meta.date else None,
            "lead": n.lead,
            "actors": list(n.actors),
        }
        for n in items
    ]


def whats_new_text(items: list[NewBrief], since: str) -> str:
    if not items:
        return f"No briefs added since {since}."
    lines = [f"Briefs added since {since}:"]
    for item in items:
        lines.append(
            f"\n{item.brief.meta.title}  [{item.brief.meta.brief_id}, added {item.brief.added[:10]}]"
        )
        if item.lead:
            lines.append(f"  {item.lead}")
        if item.actors:
            lines.append(f"  Actors: {', '.join(item.actors)}")
    return "\n".join(lines)


def brief_json(brief: StoredBrief) -> dict:
    meta = brief.meta
    return {
        "brief_id": meta.brief_id,
        "title": meta.title,
        "author": meta.author,
        "publisher": meta.publisher,
        "date": meta.date.isoformat() if meta.date else None,
        "url": meta.url,
        "file": meta.source_file,
        "added": brief.added,
        "passages": brief.passage_count,
        "sections": list(brief.sections),
    }


def briefs_text(briefs: list[StoredBrief]) -> str:
    if not briefs:
        return "No briefs are indexed yet: put files in the corpus folder and run `briefbot index`."
    return "\n".join(
        f"{b.meta.brief_id}  {b.meta.date.isoformat() if b.meta.date else 'undated':10}  "
        f"{plural(b.passage_count, 'passage'):>12}  {b.meta.title}"
        for b in briefs
    )


def brief_text(brief: StoredBrief) -> str:
    meta = brief.meta
    lines = [meta.title]
    for label, value in (
        ("id", meta.brief_id),
        ("author", meta.author),
        ("publisher", meta.publisher),
        ("date", meta.date.isoformat() if meta.date else None),
        ("url", meta.url),
        ("file", meta.source_file),
        ("added", brief.added[:10]),
        ("passages", str(brief.passage_count)),
    ):
        if value:
            lines.append(f"  {label + ':':10} {value}")
    if brief.sections:
        lines.append("  sections:")
        lines.extend(f"    {section}" for section in brief.sections)
    return "\n".join(lines)
