"""Answers to questions about the briefs themselves, from the index: which briefs there are, who
wrote them, whom they name, which mention a subject, what one says as a whole (the questions are
read by index/brief_details.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from index.brief_details import (
    ACTOR_KINDS,
    ACTORS,
    BRIEF_DETAILS,
    CATALOGUE,
    CONCLUSION,
    CONCLUSIONS,
    MENTIONS,
    NEWEST,
    OVERVIEW,
    OVERVIEWS,
    QUOTED,
    WHICH_BRIEF,
    asked_actors,
    asked_whole,
    asks_background,
    asks_brief_details,
    asks_catalogue,
    asks_every_brief,
    asks_latest,
    asks_quoted,
    brief_name_words,
    names_a_brief,
)
from index.lexical import fold, tokens
from index.models import Answer, BriefMeta, Hit, SearchFilters
from index.paragraphs import (
    NO_PARAGRAPH,
    NO_SECTION,
    NO_SECTION_PARAGRAPH,
    PARAGRAPH,
    asked_paragraphs,
    asked_section_numbers,
)
from index.paragraphs import subject_words as paragraph_subject_words
from index.search import Query, Scored, Searcher
from index.sections import (
    IN_SECTION,
    OUTLINE,
    SECTION,
    asked_section,
    asks_outline,
    asks_sections,
    background_heading,
    subject_words,
)
from index.store import StoredBrief

# Asked whom the briefs name, the engine lists this many (the most named first).
NAMED_MOST = 8
# Asked which briefs mention a subject, the engine cites the closest passage of at most this many
# (or of as many as the question asks passages for, if more).
LISTED_MENTIONS = 10
# "What is PoliTact?", "who are the X": a name asked about alone.
_WHAT_IS = re.compile(r"(?:who|what)(?:'s|\s+is|\s+are|\s+was)\s+(?:the\s+)?(?P<name>[\w'&. -]+)")
# Words that name nothing to look for: "is there anything about" holds no subject of its own.
VAGUE = re.compile(r"\b(?:any|some|every|no)(?:thing|one|body)\b|\bthings?\b|\bstuff\b", re.IGNORECASE)


class BriefAnswers:
    """Questions about the briefs over one searcher's generation."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.generation = searcher.generation

    def answer(self, query: Query, ranked: list[Scored], k: int) -> Answer | None:
        """The answer to a question about the briefs themselves (index/brief_details.py): which
        there are, who wrote them, whom they name, what one says as a whole; None for any other
        question. `ranked`: the passages closest to it."""
        question, filters = query.text, query.filters
        if catalogue := asks_catalogue(question):  # the index's list, which no passage holds
            return Answer(question, (), True, self._catalogue(catalogue, filters), unstated=catalogue)
        # "What does the Analysis section say?", "What sections does the brief have?" (the headings
        # read only for a question that asks for a section: the first read goes through every passage)
        if asks_sections(question):
            heading = asked_section(question, self.generation.section_rows)
            # "the first paragraph of the Analysis section": counted within the section
            numbers = asked_paragraphs(question) if heading else ()
            if numbers and (answer := self._section_paragraphs(query, ranked, heading, numbers)):
                return answer
            if (heading or asks_outline(question)) and (answer := self._sections(query, ranked, heading, k)):
                return answer
        # "What does paragraph 4 say?", "Show me ¶2": as the answers cite them; "What does the
        # second section say?": as an outline lists them
        if numbers := asked_paragraphs(question):
            return self._paragraphs(query, ranked, numbers)
        if numbers := asked_section_numbers(question):
            return self._numbered_sections(query, ranked, numbers, k)
        details, whole, named = asks_brief_details(question), asked_whole(question), names_a_brief(question)
        if details or whole:
            # "tl;dr of the latest brief": the newest dated one; "Who wrote the CPEC brief?": the
            # brief whose details hold "CPEC", whatever passages come closest.
            chosen = (
                self._latest_brief(filters) if asks_latest(question) else self.named_brief(question, filters)
            )
            if chosen is not None and (rows := np.flatnonzero(self.generation.passage_brief == chosen)).size:
                ranked, named = [Scored(int(rows[0]), 0.0, 1.0)], True
        if details and asks_every_brief(question) and not named:  # "Who wrote each brief?": the list
            return Answer(question, (), True, self._catalogue(CATALOGUE, filters), unstated=CATALOGUE)
        if details:  # front matter, which no passage holds
            closest = self.searcher.closest_briefs(ranked)
            return Answer(question, (), True, closest, unstated=BRIEF_DETAILS)
        if published := self._published_by_asked(question, filters):  # "What is PoliTact?"
            return Answer(question, (), True, published, unstated=BRIEF_DETAILS)
        if kind := asked_actors(question):  # the actor index's counts, which no passage holds
            quoted = asks_quoted(question)
            named_most = self._named_most(filters, ACTOR_KINDS.get(kind), quoted)
            # The briefs counted, when a filter, a brief named or a thread narrowed them.
            admitted = [brief.meta for _, brief in self._admitted_briefs(filters)]
            counted = tuple(admitted) if len(admitted) < len(self.generation.briefs) else ()
            return Answer(
                question,
                (),
                True,
                counted,
                unstated=QUOTED if quoted else ACTORS,
                named_most=named_most,
                named_kind=kind,
            )
        if whole and ranked:
            several = self.generation.admitted_briefs(filters or SearchFilters()).sum() > 1
            if several and not named and asks_every_brief(question):
                return self._overviews(question, filters, opening=whole == OVERVIEW)
            if several and not named:  # else the closest passage's brief
                closest = self.searcher.closest_briefs(ranked)
                return Answer(question, (), True, closest, unstated=WHICH_BRIEF)
            if asks_background(question) and (background := self._background(question, ranked[0].row, k)):
                return background
            return self._overview(question, ranked[0].row, k, opening=whole == OVERVIEW)
        return None

    def mentioning(self, query: Query, subject: str, k: int) -> Answer | None:
        """Which briefs mention `subject` (index/brief_details.py): of each, the passage naming it
        that comes closest to the question, the closest brief first, then, if that makes fewer
        than `k`, the next closest naming it; None if `subject` has no word to look for."""
        generation = self.generation
        directory = generation.actor_directory
        subject = re.sub(r"^(?:the|a|an)\s+", "", VAGUE.sub(" ", subject).strip(), flags=re.IGNORECASE)
        if actor_id := directory.actor_named(subject, whole=True):
            rows = np.asarray(directory.rows_naming(actor_id), dtype=np.int64)
        elif terms := set(tokens(subject)):
            rows = generation.lexical.holding_every_term(subject)
        else:
            return None
        if (allowed := self.searcher.allowed(query.filters)) is not None:
            rows = rows[allowed[rows]]
        if not len(rows):
            return Answer(query.text, (), True, unknown_names=(subject,))
        ranked = self.searcher.rank(query, len(rows), rows)
        best_of_brief: dict[str, Scored] = {}
        for scored in ranked:  # best first
            best_of_brief.setdefault(generation.passages[scored.row].brief_id, scored)
        shown = list(best_of_brief.values())[: max(k, LISTED_MENTIONS)]
        # Fewer briefs than passages asked for: the next closest passages naming it, after them.
        shown += [s for s in ranked if s not in shown][: max(k - len(shown), 0)]
        # The sentence marked is one that names the subject, the best of those.
        naming = [
            directory.sentences_naming(actor_id, s.row)
            if actor_id
            else {
                number
                for number, sentence in enumerate(generation.passages[s.row].sentences())
                if terms & set(tokens(sentence))
            }
            for s in shown
        ]
        hits = self.searcher.hits(shown, query, naming)
        return Answer(
            query.text, hits, False, basis=MENTIONS, mentioning=subject, mentioning_briefs=len(best_of_brief)
        )

    def named_brief(self, question: str, filters: SearchFilters | None) -> int | None:
        """The number of the one brief whose title, id, author and publisher hold most of the
        words the question names a brief by ("the CPEC brief"); None if none or several do."""
        named = set(tokens(" ".join(brief_name_words(question))))
        if not named:
            return None
        held = []
        for number, brief in self._admitted_briefs(filters):
            meta = brief.meta
            details = " ".join(
                filter(None, (meta.title, meta.brief_id.replace("-", " "), meta.author, meta.publisher))
            )
            held.append((len(named & set(tokens(details))), number))
        most = max((count for count, _ in held), default=0)
        best = [number for count, number in held if count == most]
        return best[0] if most and len(best) == 1 else None

    def _published_by_asked(self, question: str, filters: SearchFilters | None) -> tuple[BriefMeta, ...]:
        """The briefs (of those `filters` admit) of the publisher a question asks about by its name
        alone ("What is PoliTact?", "Who are PoliTact?"), which is in their front matter rather than
        their text; none if it asks of no publisher, or of one the briefs' text names."""
        match = _WHAT_IS.fullmatch(" ".join(fold(question).rstrip(" ?.!").split()))
        if match is None:
            return ()
        published = tuple(
            brief.meta
            for _, brief in self._admitted_briefs(filters)
            if brief.meta.publisher and fold(brief.meta.publisher) == match.group("name")
        )
        if not published or len(self.generation.lexical.holding_every_term(match.group("name"))):
            return ()
        return published

    def _admitted_briefs(self, filters: SearchFilters | None) -> list[tuple[int, StoredBrief]]:
        """The number (as in Generation.passage_brief) and details of each brief `filters` admit."""
        generation = self.generation
        admitted = generation.admitted_briefs(filters or SearchFilters())
        return [
            (number, brief)
            for number, (brief, kept) in enumerate(zip(generation.briefs.values(), admitted, strict=True))
            if kept
        ]

    def _catalogue(self, asked: str, filters: SearchFilters | None) -> tuple[BriefMeta, ...]:
        """The briefs the filters admit, newest first (undated ones last, by title); for NEWEST
        or OLDEST, the one dated brief at that end, or none if no brief is dated."""
        metas = [brief.meta for _, brief in self._admitted_briefs(filters)]
        dated = sorted((meta for meta in metas if meta.date), key=lambda meta: meta.date, reverse=True)
        if asked == CATALOGUE:
            return (*dated, *sorted((meta for meta in metas if not meta.date), key=lambda m: m.title.lower()))
        if not dated:
            return ()
        return (dated[0],) if asked == NEWEST else (dated[-1],)

    def _latest_brief(self, filters: SearchFilters | None) -> int | None:
        """The number of the newest dated brief the filters admit, if any is dated."""
        dated = [
            (brief.meta.date, number) for number, brief in self._admitted_briefs(filters) if brief.meta.date
        ]
        return max(dated)[1] if dated else None

    def _overview(self, question: str, row: int, k: int, opening: bool) -> Answer:
        """The brief of passage `row` as a whole: its opening paragraph if `opening`, and those
        that conclude it, in reading order, each marked at its first sentence (the opening) or its
        last (the conclusion). Nothing was ranked, so every score is 0."""
        generation = self.generation
        rows = np.flatnonzero(generation.passage_brief == generation.passage_brief[row])
        first = int(min(rows, key=lambda r: generation.passages[r].paragraph))
        concluding = [int(r) for r in generation.conclusions.of_brief(row) if not opening or r != first]
        room = k - 1 if opening else k
        chosen = ([first] if opening else []) + (concluding[-room:] if room else [])
        chosen.sort(key=lambda r: generation.passages[r].paragraph)
        hits = tuple(self._unranked(row, first_sentence=opening and row == first) for row in chosen)
        return Answer(question, hits, False, basis=OVERVIEW if opening else CONCLUSION)

    def _background(self, question: str, row: int, k: int) -> Answer | None:
        """The section of passage `row`'s brief that its background goes under ("Context",
        `background_heading`), in reading order; None if it has none."""
        sections = dict(self._sections_of(int(self.generation.passage_brief[row])))
        if (heading := background_heading(sections)) is None:
            return None
        hits = tuple(
            self._unranked(section_row, first_sentence=True) for section_row in sections[heading][:k]
        )
        return Answer(question, hits, False, basis=SECTION)

    def _sections_of(self, number: int) -> list[tuple[str, list[int]]]:
        """Brief `number`'s sections in reading order, each heading with its passage rows."""
        generation = self.generation
        return sorted(
            (
                (heading, by_brief[number])
                for heading, by_brief in generation.section_rows.items()
                if number in by_brief
            ),
            key=lambda section: generation.passages[section[1][0]].paragraph,
        )

    def _unranked(self, row: int, first_sentence: bool) -> Hit:
        """Passage `row` as a hit found without ranking (score 0), marked at its first sentence or
        its last."""
        passage = self.generation.passages[row]
        sentences = passage.sentences() or [passage.text]
        meta = self.generation.briefs[passage.brief_id].meta
        return Hit(passage, meta, 0.0, sentences[0] if first_sentence else sentences[-1])

    def _sections(self, query: Query, ranked: list[Scored], heading: str | None, k: int) -> Answer | None:
        """The section `heading` of a brief, its paragraphs in reading order (k at most) or, if the
        question names a subject, those holding it, the closest first; or, if `heading` is None,
        the brief's outline: the first paragraph of each section (ten at most). The brief is the
        one the question names, else the only one the filters admit that has such sections; with
        several, the reader is asked which (WHICH_BRIEF). None if no admitted brief has them, or
        none of the section's passages holds the subject."""
        generation, question = self.generation, query.text
        by_brief = self._section_rows(query.filters, heading)
        chosen = self._brief_among(query, ranked, by_brief)
        if not isinstance(chosen, int):
            return chosen
        rows = sorted(by_brief[chosen], key=lambda row: generation.passages[row].paragraph)
        if heading and (subject := " ".join(sorted(subject_words(question, heading)))):
            # "What does the Analysis section say about India?": its passages holding the subject,
            # the closest first; if none does, the engine searches the subject anywhere
            # (`section_lacking`).
            if not (rows := self._holding(rows, subject)):
                return None
            within = self.searcher.rank(query, k, np.asarray(rows, dtype=np.int64))
            return Answer(question, self.searcher.hits(within, query), False, basis=IN_SECTION)
        shown = rows[: k if heading else max(k, LISTED_MENTIONS)]
        hits = tuple(self._unranked(row, first_sentence=True) for row in shown)
        return Answer(question, hits, False, basis=SECTION if heading else OUTLINE)

    def _holding(self, rows: list[int], subject: str) -> list[int]:
        """Those of `rows` holding every word of `subject`, or naming the actor it names."""
        directory = self.generation.actor_directory
        holding = set(self.generation.lexical.holding_every_term(subject).tolist())
        if actor_id := directory.actor_named(subject, whole=True):
            holding.update(directory.rows_naming(actor_id))
        return [row for row in rows if row in holding]

    def section_lacking(self, question: str, filters: SearchFilters | None) -> str:
        """The heading of the section a question asks about a subject in ("What does the Context
        section say about Bagram?") when none of its passages, in the briefs `filters` admit,
        holds it; else "". The engine then searches the subject anywhere, telling the reader. A
        paragraph of the section asked for by number is answered as such (`_section_paragraphs`)."""
        if not asks_sections(question) or asked_paragraphs(question):
            return ""
        if not (heading := asked_section(question, self.generation.section_rows)):
            return ""
        if not (subject := " ".join(sorted(subject_words(question, heading)))):
            return ""
        rows = [row for rows in self._section_rows(filters, heading).values() for row in rows]
        return heading if rows and not self._holding(rows, subject) else ""

    def _section_rows(self, filters: SearchFilters | None, heading: str | None) -> dict[int, list[int]]:
        """By admitted brief, the passage rows of its section `heading`; if `heading` is None,
        the first row of each of its sections."""
        admitted = {number for number, _ in self._admitted_briefs(filters)}
        by_brief: dict[int, list[int]] = {}
        for section in [heading] if heading else list(self.generation.section_rows):
            for number, rows in self.generation.section_rows[section].items():
                if number in admitted:
                    by_brief.setdefault(number, []).extend(rows if heading else rows[:1])
        return by_brief

    def _brief_among(
        self, query: Query, ranked: list[Scored], by_brief: dict[int, list[int]]
    ) -> int | Answer | None:
        """Of the briefs in `by_brief`, the one the question names, else the only one; with several
        and none named, the answer asking which (WHICH_BRIEF); None if there is none."""
        named = self.named_brief(query.text, query.filters)
        if named in by_brief:
            return named
        if len(by_brief) == 1:
            return next(iter(by_brief))
        if by_brief:
            return Answer(query.text, (), True, self.searcher.closest_briefs(ranked), unstated=WHICH_BRIEF)
        return None

    def _section_paragraphs(
        self, query: Query, ranked: list[Scored], heading: str, numbers: tuple[int, ...]
    ) -> Answer | None:
        """The paragraphs `numbers` of section `heading`, counted within it (negative ones from its
        end), in reading order and marked as `_paragraphs` marks them. The brief is chosen as for
        a section (`_brief_among`); if its section has none of them, the engine abstains
        (NO_SECTION_PARAGRAPH). None if no admitted brief has the section."""
        generation, question = self.generation, query.text
        by_brief = self._section_rows(query.filters, heading)
        chosen = self._brief_among(query, ranked, by_brief)
        if not isinstance(chosen, int):
            return chosen
        # A split paragraph's parts share one number: paragraphs are counted, not passages.
        paragraphs = sorted({generation.passages[row].paragraph for row in by_brief[chosen]})
        wanted = {
            paragraphs[number if number < 0 else number - 1]
            for number in numbers
            if abs(number) <= len(paragraphs)
        }
        if not (shown := self._in_reading_order(by_brief[chosen], wanted)):
            return Answer(
                question,
                (),
                True,
                (self._meta(chosen),),
                unstated=NO_SECTION_PARAGRAPH,
                parts=len(paragraphs),
                section=heading,
            )
        subject = paragraph_subject_words(question) - set(tokens(heading))
        return Answer(question, self._marked(query, shown, subject), False, basis=PARAGRAPH)

    def _in_reading_order(self, rows: Iterable[int], paragraphs: set[int]) -> list[int]:
        """Those of `rows` whose paragraph is one of `paragraphs`, in reading order (a split
        paragraph's parts in theirs)."""
        passages = self.generation.passages
        return sorted(
            (int(row) for row in rows if passages[row].paragraph in paragraphs),
            key=lambda row: (passages[row].paragraph, row),
        )

    def _marked(self, query: Query, rows: list[int], subject: set[str]) -> tuple[Hit, ...]:
        """Passages `rows`, in the order given, each marked at the sentence closest to the question
        if it asks about a `subject` in them ("What does paragraph 4 say about refugees?"), else at
        its first."""
        if subject:
            return self.searcher.hits([Scored(row, 0.0, 1.0) for row in rows], query)
        return tuple(self._unranked(row, first_sentence=True) for row in rows)

    def _paragraphs(self, query: Query, ranked: list[Scored], numbers: tuple[int, ...]) -> Answer:
        """The paragraphs `numbers` of a brief (negative ones counting from its end), in reading
        order, each marked at the sentence closest to what the question asks about in them, else
        at its first. The brief is the one the question names, else the only one the filters
        admit; with several, the reader is asked which (WHICH_BRIEF). If it has none of them, the
        engine abstains (NO_PARAGRAPH)."""
        generation, question = self.generation, query.text
        if (chosen := self._one_brief(query)) is None:
            return Answer(question, (), True, self.searcher.closest_briefs(ranked), unstated=WHICH_BRIEF)
        rows = np.flatnonzero(generation.passage_brief == chosen)
        last = max((generation.passages[row].paragraph for row in rows), default=0)
        wanted = {last + 1 + number if number < 0 else number for number in numbers}
        shown = self._in_reading_order(rows, wanted)
        if not shown:
            return Answer(question, (), True, (self._meta(chosen),), unstated=NO_PARAGRAPH, parts=last)
        hits = self._marked(query, shown, paragraph_subject_words(question))
        return Answer(question, hits, False, basis=PARAGRAPH)

    def _numbered_sections(
        self, query: Query, ranked: list[Scored], numbers: tuple[int, ...], k: int
    ) -> Answer:
        """The sections `numbers` of a brief, counted in reading order (negative ones from its end),
        each as its paragraphs in reading order (k at most of each). The brief is chosen as for
        paragraphs (`_one_brief`); if it has none of them, the engine abstains (NO_SECTION)."""
        question = query.text
        if (chosen := self._one_brief(query)) is None:
            return Answer(question, (), True, self.searcher.closest_briefs(ranked), unstated=WHICH_BRIEF)
        sections = [rows for _, rows in self._sections_of(chosen)]
        wanted = sorted({len(sections) + number if number < 0 else number - 1 for number in numbers})
        shown = [row for number in wanted if 0 <= number < len(sections) for row in sections[number][:k]]
        if not shown:
            return Answer(question, (), True, (self._meta(chosen),), unstated=NO_SECTION, parts=len(sections))
        hits = tuple(self._unranked(row, first_sentence=True) for row in shown)
        return Answer(question, hits, False, basis=SECTION)

    def _meta(self, number: int) -> BriefMeta:
        """The details of brief `number` (as in Generation.passage_brief)."""
        return list(self.generation.briefs.values())[number].meta

    def _one_brief(self, query: Query) -> int | None:
        """The number of the brief a question asking for its parts is about: the one it names,
        else the only one the filters admit; None if several are admitted and none named."""
        admitted = [number for number, _ in self._admitted_briefs(query.filters)]
        chosen = self.named_brief(query.text, query.filters)
        return admitted[0] if chosen is None and len(admitted) == 1 else chosen

    def _overviews(self, question: str, filters: SearchFilters | None, opening: bool) -> Answer:
        """Every brief the filters admit as a whole, newest first, at most LISTED_MENTIONS of them:
        of each its opening and last concluding paragraph if `opening`, else that last alone."""
        generation, hits = self.generation, []
        numbers = {brief.meta.brief_id: number for number, brief in self._admitted_briefs(filters)}
        for meta in self._catalogue(CATALOGUE, filters)[:LISTED_MENTIONS]:
            rows = np.flatnonzero(generation.passage_brief == numbers[meta.brief_id])
            if rows.size:
                hits.extend(self._overview(question, int(rows[0]), 2 if opening else 1, opening).hits)
        return Answer(question, tuple(hits), False, basis=OVERVIEWS if opening else CONCLUSIONS)

    def _named_most(
        self, filters: SearchFilters | None, kinds: tuple[str, ...] | None = None, quoted: bool = False
    ) -> tuple[tuple[str, int], ...]:
        """The actors (of `kinds`, if given) the admitted briefs name most, with the passages
        naming each; with `quoted`, those they have say something most, with those passages."""
        briefs = {brief.meta.brief_id for _, brief in self._admitted_briefs(filters)}
        directory = self.generation.actor_directory
        listing = (directory.quoted if quoted else directory.listing)(briefs, kinds)[:NAMED_MOST]
        return tuple((actor.name, actor.mentions) for actor in listing)
