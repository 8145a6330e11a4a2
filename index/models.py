"""Frozen dataclasses that cross module boundaries: briefs, passages, hits, answers, reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class BriefMeta:
    brief_id: str
    title: str
    author: str | None = None
    publisher: str | None = None
    date: date | None = None
    url: str | None = None
    source_file: str = ""


@dataclass(frozen=True)
class Paragraph:
    section: str | None
    text: str
    page: int | None = None  # PDF page the paragraph starts on


@dataclass(frozen=True)
class Brief:
    meta: BriefMeta
    paragraphs: tuple[Paragraph, ...]
    content_hash: str

    @property
    def brief_id(self) -> str:
        return self.meta.brief_id

    @property
    def sections(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for paragraph in self.paragraphs:
            if paragraph.section:
                seen.setdefault(paragraph.section)
        return tuple(seen)


@dataclass(frozen=True, slots=True)  # slots: a million passages without a dict each
class Passage:
    passage_id: str  # "<brief_id>#<paragraph>": stable while the brief's paragraphs stay put
    brief_id: str
    section: str | None
    paragraph: int  # 1-based within the brief
    text: str
    sentence_spans: tuple[tuple[int, int], ...]
    page: int | None = None  # PDF page, for citations

    def sentences(self) -> list[str]:
        return [self.text[start:end] for start, end in self.sentence_spans]


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


@dataclass(frozen=True)
class Hit:
    passage: Passage
    brief: BriefMeta
    score: float
    best_sentence: str

    @property
    def best_sentence_span(self) -> tuple[int, int]:
        start = self.passage.text.find(self.best_sentence)
        return (start, start + len(self.best_sentence)) if start >= 0 else (0, 0)


@dataclass(frozen=True)
class Answer:
    question: str
    hits: tuple[Hit, ...]
    abstained: bool
    closest_briefs: tuple[BriefMeta, ...] = ()  # shown when the engine abstains
    unknown_names: tuple[str, ...] = ()  # names or offices asked about that no brief mentions, if that is why
    unknown_elsewhere: bool = False  # other briefs than the closest mention those names
    # What was asked for that no close passage states ("number", "leader", "next meeting"), or
    # "brief details" (who wrote or published a brief, which no passage holds), or "which brief"
    # (a request for a brief as a whole, with several indexed and none chosen), or "actors" (whom
    # the briefs name: `named_most`), or "briefs indexed", "newest brief", "oldest brief" (the
    # list of briefs asked for, in `closest_briefs`), or "no such paragraph" (a number the brief
    # in `closest_briefs` has no paragraph of; "... in the section": its `section` has none).
    unstated: str = ""
    silent: str = ""  # the actor asked to be heard from, of whom the closest briefs record nothing
    # How the hits were found when not by meaning: "overview" (a brief's opening and conclusion,
    # asked for as a whole; nothing ranked), "conclusion" (its conclusion alone, likewise) or
    # "words" (passages holding every word of a question far from all of them in meaning), or
    # "mentions" (the closest passage of each brief naming `mentioning`, asked which briefs do),
    # or "section", "in section", "outline" and "paragraph" (asked for by heading or number).
    basis: str = ""
    mentioning: str = ""  # the subject asked which briefs mention ("Which briefs mention the TTP?")
    mentioning_briefs: int = 0  # how many of the briefs searched mention it (hits may show fewer)
    # An office asked about without saying whose ("the interior minister") that the briefs give
    # to several actors, in different briefs; the hits include a passage on each (room allowing).
    office: str = ""
    holders: tuple[str, ...] = ()  # the names of those actors
    named_most: tuple[tuple[str, int], ...] = ()  # actors the briefs name most, passages naming each
    named_kind: str = ""  # of which kind: "actors" (all), "states", "people", "organisations", "armed groups"
    parts: int = 0  # how many paragraphs (or sections) the brief has, asked for one it lacks
    # The section asked about: whose paragraphs were counted, asked for one it lacks; or which
    # does not mention the subject asked about in it, the hits being the closest passages anywhere.
    section: str = ""
    section_lacks: str = ""  # the subject asked about in `section` that it does not mention ("Bagram")
    read_as: str = ""  # the question as searched, if a slip was corrected or an acronym spelt out

    @property
    def explained(self) -> bool:
        """Whether the engine abstained for a stated reason (a name, an office, a figure, a leader,
        a next meeting or an actor's words the briefs lack, or a brief's own details), not for want
        of a close passage."""
        return bool(self.unknown_names or self.unstated or self.silent)


@dataclass(frozen=True)
class SearchFilters:
    brief_ids: frozenset[str] = frozenset()
    since: date | None = None
    until: date | None = None

    def is_empty(self) -> bool:
        return not self.brief_ids and self.since is None and self.until is None


@dataclass(frozen=True)
class IndexReport:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: int = 0
    skipped: tuple[SkippedFile, ...] = ()
    passages: int = 0
    embedded: int = 0
    reused: int = 0
    seconds: float = 0.0
    generation: str = ""
    published: bool = True
    notes: tuple[str, ...] = field(default=())
