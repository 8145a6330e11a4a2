"""An answer to a question: the passages ranked for it (index/search.py), or an abstention saying
why the briefs hold no answer."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from index.acronyms import asked_expansion, spells_out
from index.answer_types import asked_region, named_kind
from index.brief_answers import VAGUE, BriefAnswers
from index.brief_details import DOCUMENT_FRAME, asked_mentions
from index.companies import COMPANY, asks_company, names_company
from index.figures import asked_figure, counted, states
from index.leaders import (
    HOLDER,
    LEADER,
    PERSON_OF,
    asked_office,
    asked_person_of,
    asks_leader,
    holder_named,
    names_leader,
)
from index.lexical import tokens
from index.models import Answer
from index.names import COMMANDS, question_names
from index.offices import may_name_office
from index.places import PLACE, asked_place, names_place
from index.search import Query, Scored, Searcher
from index.speakers import asked_speaker
from index.upcoming import NEXT_MEETING, asks_next_meeting, speaks_of_next_meeting

# Below this confidence, a question whose names no brief mentions ("What did Iran say about the
# ceasefire?") abstains: such questions reach 0.41-0.63 on the sample brief, as high as
# answerable ones, so the threshold cannot catch them (benchmarks/quality.py, "unanswerable").
# Above it, a question all but quoting a passage is answered, whatever name it adds (offices and
# everyday topics no brief writes are looked for at any confidence: they have no other spellings).
CLOSE_MATCH = 0.7
# A question asking for a figure, a date ("How many refugees ...?"), a leader ("Who leads the
# TTP?") or about the next meeting ("Where will the next round be held?") is answered only if one
# of this many best passages, those a reader sees first, states one (index/figures.py,
# index/leaders.py, index/upcoming.py).
EVIDENCE_DEPTH = 3
# How an answer far from every passage in meaning was found (models.Answer.basis): the passages
# holding every word of the question but a verb of saying, which prose rarely repeats ("What did
# the interior minister say about history?" is answered by "Our history speaks volumes", declared
# by Interior Minister Haqqani), and words pointing at the brief itself ("in the brief").
WORDS = "words"
_SAYING = re.compile(
    r"\b(?:say|says|said|tell|tells|told|mention|mentions|mentioned|quotes?|quoted|stated"
    r"|announc(?:e|es|ed|ing)|declar(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
# Nor words that only stress or rank what is asked ("the single biggest point of friction" is the
# brief's "principal point of contention"), or its scope ("this whole thing"): prose seldom grades
# a thing the way a reader does.
_STRESS = re.compile(
    r"\b(?:single|biggest|greatest|largest|main|principal|key|major|core|central|primary|real|actual"
    r"|really|actually|exactly|very|most|whole|entire|overall)\b",
    re.IGNORECASE,
)
# Nor words that only say an event took place, someone holds a post or a thing has a purpose
# ("Where did the first round take place?", "What's Asif's job?", "What is the mechanism supposed
# to do?"): prose names the place, the post and the purpose instead.
_EVENT_POST_OR_PURPOSE = re.compile(
    r"\b(?:tak(?:e|es|ing)|took|taken)\s+place\b|\b(?:happen|occur)(?:s|ed|red|ring|ing)?\b"
    r"|\b(?:job|role|position)s?\b|\b(?:supposed|meant|intended)\s+to\b"
    # A wish ("Is the US seeking a return to Bagram?"): prose says what is wanted, not that it is.
    r"|\b(?:wants?|wanted|wanting|wish(?:es|ed|ing)?|seek(?:s|ing)?|sought|angling\s+for)\b"
    r"|\b(?:tr(?:y|ies|ied|ying))\s+to\b",
    re.IGNORECASE,
)
# Nor words asking what something means, how far it goes, what it has to do with or why it matters
# ("What does barbaric refer to?", "What would count as a violation?", "How big is the mistrust?",
# "What's Bagram got to do with it?", "What's the significance of Bagram?", "Why does Bagram
# matter?"): prose says it in its own words.
_MEANING_OR_DEGREE = re.compile(
    r"\b(?:refers?|referred|referring)\s+to\b|\bmeans?\b|\bcounts?\s+as\b"
    r"|\b(?:ha(?:ve|s|d)|got)\s+to\s+do\s+with\b|\bmatters?\W*$"
    # "Why is Bagram important?", as "Why does Bagram matter?" is searched (index/idioms.py)
    r"|\b(?:significan(?:ce|t)|importan(?:ce|t)|relevan(?:ce|t))\b"
    r"|(?<=\bhow )(?:big|serious|bad|severe|strong|widespread)\b",
    re.IGNORECASE,
)
# Nor the command opening a request ("Describe Bagram", "Give me Asif's quotes"), nor courtesies
# ("mediators pls").
_COURTESY = re.compile(r"\b(?:please|pls|plz|thanks|thank\s+you|thx|cheers)\b", re.IGNORECASE)
_COMMAND = re.compile(
    # "can you explain the bagram thing", "could u please describe Bagram"
    r"^\s*(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?|please\s+)?"
    rf"(?:{'|'.join(sorted(COMMANDS))})(?:\s+(?:me|us))?\b",
    re.IGNORECASE,
)
# Where a sentence of a message ends: "I'm confused. Who mediated?"
_SENTENCES = re.compile(r"(?<=[.!?])\s+")


class Answerer:
    """Answers over one searcher's generation; cheap to create, holds no state between questions."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.generation = searcher.generation
        self.briefs = BriefAnswers(searcher)

    def answer(self, query: Query, k: int, threshold: float, subject: bool = False) -> Answer:
        """The answer to `query`, or, with `subject`, to the question whose subject it is
        ("Balochistan" of "Anything on Balochistan?": its names are read as such)."""
        searcher, generation, question = self.searcher, self.generation, query.text
        query = searcher.with_parties_read(query)
        if searcher.uses_late(query.retriever):
            query = replace(query, tokens=searcher.question_tokens(query))
        depth = max(k, EVIDENCE_DEPTH)
        if (mentioned := asked_mentions(question)) and (
            mentioning := self.briefs.mentioning(query, mentioned, k)
        ):
            return mentioning
        ranked = searcher.rank(query, depth)
        if about_the_briefs := self.briefs.answer(query, ranked, k):
            return about_the_briefs
        unknown: tuple[str, ...] = ()
        unstated = ""
        basis = ""
        found = bool(ranked) and threshold <= ranked[0].confidence
        if ranked and not found:
            # Few words ("who mediated?", "Bagram", "civil society") come far from every passage
            # in meaning; the passages holding them all, if any, are what was asked for.
            holding = self._holding_every_word(question)
            if len(holding) and (held := searcher.rank(query, depth, holding)):
                ranked, found, basis = held, True, WORDS
        elsewhere = False
        if ranked:
            unknown, elsewhere = self._unknown(question, ranked, subject)
        silent = ""
        if found and not unknown:
            # However close the passages come, a figure, a leader or a next meeting none of them
            # states is not there, nor the words of an actor their briefs never hear from (whom
            # they hear from is read on the first question that asks).
            unstated = self._unstated(question, ranked[:EVIDENCE_DEPTH])
            if not unstated and (asked := asked_speaker(question)):
                silent = generation.voices.silent(asked, self._closest_brief_ids(ranked))
        if not found or unknown or unstated or silent:
            return Answer(
                question,
                (),
                True,
                searcher.closest_briefs(ranked),
                unknown_names=unknown,
                unknown_elsewhere=elsewhere,
                unstated=unstated,
                silent=silent,
            )
        shown = ranked[:k]
        office, holders = self._holders_apart(query) if may_name_office(question) else ("", [])
        if holders:
            shown = self._with_each_holder(shown, holders, query)
        among: list[set[int]] | None = None
        if (acronym := asked_expansion(question)) and (
            spelled := self._spelled_out_first(acronym, shown, query)
        ):
            shown, among = spelled
        hits = searcher.hits(shown, query, among)
        names = tuple(generation.actor_directory.index.actors[actor_id].name for actor_id in holders)
        return Answer(question, hits, False, basis=basis, office=office if holders else "", holders=names)

    def _holding_every_word(self, question: str) -> np.ndarray:
        """The passage rows holding every word of the question (`_holding_every_word_of`), or, if
        none, of its last sentence when that asks and others come before it: "I read the brief but
        I'm confused. Can you tell me who mediated?" asks only its last."""
        holding = self._holding_every_word_of(question)
        if len(holding):
            return holding
        sentences = _SENTENCES.split(question.strip())
        if len(sentences) > 1 and sentences[-1].endswith("?"):
            return self._holding_every_word_of(sentences[-1])
        return holding

    def _holding_every_word_of(self, question: str) -> np.ndarray:
        """The passage rows holding every word of the question that a passage answering it would
        hold: not a command opening it, courtesies, anyone or anything (`VAGUE`), verbs of saying,
        words of stress or scope, of an event taking place, a post, a purpose, a meaning or a
        degree, of having to do with or mattering, or for the brief itself, nor the kind of actor it
        asks for ("Which Gulf state mediated?"), which such a passage names instead (Qatar)."""
        generation = self.generation
        asked = _COMMAND.sub(" ", _COURTESY.sub(" ", question))
        asked = _STRESS.sub(" ", _EVENT_POST_OR_PURPOSE.sub(" ", _MEANING_OR_DEGREE.sub(" ", asked)))
        asked = DOCUMENT_FRAME.sub(" ", _SAYING.sub(" ", VAGUE.sub(" ", asked)))
        rest, kinds = named_kind(asked)
        if not kinds:
            return generation.lexical.holding_every_term(asked)
        holding = generation.lexical.holding_every_term(rest)
        naming = generation.answer_types.novel_actors(question, holding, kinds, asked_region(question))
        return holding[naming > 0]

    def _unknown(
        self, question: str, ranked: list[Scored], subject: bool = False
    ) -> tuple[tuple[str, ...], bool]:
        """The names and offices the question asks about that the briefs never mention, and
        whether other briefs than those of the closest passages do (index/names.py,
        index/offices.py). A close match may add a name spelled another way; an office or a topic
        no brief writes is asked about however close the passages come. Far from every passage,
        the names tell the reader why ("Imran Khan": never mentioned, not just far). With
        `subject`, the question is the subject taken from one (index/names.py)."""
        generation = self.generation
        names = ranked[0].confidence < CLOSE_MATCH
        unknown = tuple(generation.names.unmentioned(question, names, subject))
        several = len(generation.briefs) > 1
        if not unknown and names and several and (absent := self._absent(question, ranked, subject)):
            return absent, True
        if not unknown and (
            voice := generation.names.unmentioned_voice(question, generation.actor_directory.actor_named)
        ):
            unknown = (voice,)  # "Pakistan's opposition parties": Pakistan's, but never mentioned
        if not unknown and may_name_office(question):  # one the briefs name for others only
            unknown = tuple(
                f"{generation.actors.actors[owner].name}'s {office}"
                for owner, office in generation.offices.unheld(question)
            )
        return unknown, False

    def _absent(self, question: str, ranked: list[Scored], subject: bool = False) -> tuple[str, ...]:
        """The question's names of actors that only briefs other than the closest mention."""
        return tuple(self.generation.names.absent_from(question, self._closest_brief_ids(ranked), subject))

    def _closest_brief_ids(self, ranked: list[Scored]) -> set[str]:
        """The briefs of the passages a reader sees first."""
        return {self.generation.passages[s.row].brief_id for s in ranked[:EVIDENCE_DEPTH]}

    def _unstated(self, question: str, best: list[Scored]) -> str:
        """What the question asks for that none of the `best` passages states: a kind of figure
        (index/figures.py), a leader, an office's holder or a person of a side (index/leaders.py),
        the next meeting (index/upcoming.py), a kind of place (index/places.py) or a company
        (index/companies.py); "" if one does or it asks for none of them."""
        texts = [self.generation.passages[s.row].text for s in best]
        figure, things = asked_figure(question), counted(question)
        if figure is not None and not any(
            states(figure, text, things) and self._holds_names(question, scored.row)
            for scored, text in zip(best, texts, strict=True)
        ):
            return figure.value
        if asks_leader(question) and not any(names_leader(question, text) for text in texts):
            return LEADER
        if (office := asked_office(question)) and not holder_named(
            office, texts, self.generation.actor_directory.actor_named
        ):
            return HOLDER
        if asks_next_meeting(question) and not any(speaks_of_next_meeting(text) for text in texts):
            return NEXT_MEETING
        directory = self.generation.actor_directory
        if (place := asked_place(question)) and not any(
            names_place(place, text, directory.actor_named) for text in texts
        ):
            return PLACE
        if asks_company(question) and not any(names_company(text) for text in texts):
            return COMPANY
        person = asked_person_of(question)
        if (owner := person and directory.actor_named(person.side)) and not any(
            directory.names_person_of(owner, scored.row, person.role) for scored in best
        ):
            return PERSON_OF
        return ""

    def _holds_names(self, question: str, row: int) -> bool:
        """Whether passage `row` names all that the question names and the briefs hold: an actor
        by any of its names ("Kabul" is Afghanistan), another name word for word. A figure is an
        answer only there: the toll of the Besham attack does not tell how many died at Pahalgam."""
        generation = self.generation
        directory = generation.actor_directory
        held = set(tokens(generation.passages[row].text))
        for name in question_names(question):
            words = set(tokens(name))  # "Chinese" is "china": "Chinese nationals" hold it
            if words <= held:
                continue
            if actor_id := directory.actor_named(name):
                if not directory.names_in(actor_id, row):
                    return False
            elif all(word in generation.lexical.vocabulary for word in words):
                return False
        return True

    def _holders_apart(self, query: Query) -> tuple[str, list[str]]:
        """An office the question names without saying whose, and the actors that hold it in the
        briefs the filters admit, if more than one and not all in one brief ("the interior
        minister": Pakistan's in a brief on CPEC, the Taliban's in one on the truce); else none.
        Within one brief the passages shown say whose is whose."""
        generation = self.generation
        directory = generation.actor_directory
        allowed = self.searcher.allowed(query.filters)
        for office in generation.offices.ownerless(query.text):
            holders, briefs = [], set()
            for actor_id in self.searcher.holders_of({(office, None)}):
                rows = [row for row in directory.rows_naming(actor_id) if allowed is None or allowed[row]]
                if rows:
                    holders.append(actor_id)
                    briefs.update(generation.passages[row].brief_id for row in rows)
            if len(holders) > 1 and len(briefs) > 1:
                return office, holders
        return "", []

    def _with_each_holder(self, shown: list[Scored], holders: list[str], query: Query) -> list[Scored]:
        """`shown` with the closest passage naming each holder that the first does not name right
        after the first, the rest of `shown` following as room allows: a reader who sees the first
        few (Discord shows three) sees each holder, and asking for more passages keeps that order.
        Ranked again together, the scores shown stay comparable."""
        directory = self.generation.actor_directory
        missing = [h for h in holders if not directory.names_in(h, shown[0].row)][: len(shown) - 1]
        if not missing:
            return shown
        naming = {row for h in missing for row in directory.rows_naming(h)}
        ranked = self.searcher.ranked_with(shown, naming, query)
        added = list({next(s for s in ranked if directory.names_in(h, s.row)).row: h for h in missing})
        rescored = {s.row: s for s in ranked}
        kept = [rescored[s.row] for s in shown if s.row not in added][: len(shown) - len(added)]
        return [*kept[:1], *(rescored[row] for row in added), *kept[1:]]

    def _spelled_out_first(
        self, acronym: str, shown: list[Scored], query: Query
    ) -> tuple[list[Scored], list[set[int]]] | None:
        """`shown` with the closest passage that spells `acronym` out first, the rest following as
        room allows, and the sentence numbers to mark in each (that passage's sentence spelling it
        out; any in the others); None if no passage the filters admit spells it out."""
        passages, allowed = self.generation.passages, self.searcher.allowed(query.filters)
        spelling = {
            int(row): at
            for row in self.generation.lexical.holding_every_term(acronym)
            if (allowed is None or allowed[row])
            and (at := spells_out(passages[row].text, acronym)) is not None
        }
        if not spelling:
            return None
        ranked = self.searcher.ranked_with(shown, spelling.keys(), query)
        first = next(s for s in ranked if s.row in spelling)
        rescored = {s.row: s for s in ranked}
        rest = [rescored[s.row] for s in shown if s.row != first.row][: len(shown) - 1]
        spans = passages[first.row].sentence_spans
        sentence = next(n for n, (start, end) in enumerate(spans) if start <= spelling[first.row] < end)
        return [first, *rest], [{sentence}] + [set() for _ in rest]
