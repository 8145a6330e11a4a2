"""Questions about what an actor said or how it reacted, asked of briefs that record nothing of it.

"What did China's foreign ministry say about the truce?", "How did the United States react to the
talks?": the briefs name China and the United States, and the passages about the truce come as
close in meaning as for an answerable question, but no brief records anything either of them said
or did, so the passages shown would answer another question. The engine abstains when the actor a
question asks to hear from is known to the briefs and silent in those of the passages closest to
the question (benchmarks/QUALITY.md): that Iran speaks in a brief on water rights does not make a brief
on the truce answer "What did Iran say about the ceasefire?".

Silent is narrow on purpose, since the actor summaries that find who says what read only plain
sentences: an actor is heard if one of those briefs has it say or do anything (as the subject of a
sentence, "according to" it, in a statement "issued by" it, or through a person or body of its own:
"Pakistan's Defense Minister", "Türkiye's Ministry of Foreign Affairs"); asked how it reacted, also
if it is the source of anything ("mounting pressure from China" may be China's reaction). A stance
is not checked ("What does China think of the TTP?"): it may show in what a brief says of the
actor rather than in its words. Nor is a speaker the briefs do not know ("the mediators",
"ordinary people"); unknown names are index/names.py's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from typing import NamedTuple

from index.actor_summary import ATTRIBUTED_TO, ActorDirectory
from index.lexical import fold

# Verbs of speech and of reaction, not of opinion ("think", "view", "position"): a stance may show
# in what a brief says of the actor ("mounting pressure from China") rather than in its words.
_SPEECH = (
    r"(?:say|said|state|claim|argue|announce|comment|allege|warn|declare|assert|insist|predict|promise|"
    r"deny|stress|welcome|condemn|endorse|critici[sz]e|praise)"
)
_REACTION = r"(?:react|respond|reply|answer|retaliate)"
_VERB = rf"(?:(?P<reaction>{_REACTION})|{_SPEECH})"
_ADVERBS = r"(?:(?:ever|also|publicly|officially|itself|themselves|first|formally)\s+)*"
_SPEAKER = r"(?P<speaker>[\w'’. -]+?)"
_ASKS_TO_HEAR = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\baccording to " + _SPEAKER + r"(?:,|$)",
        # "What did China say ...", "How did the United States react ..."
        rf"^(?:what|how|why)\b.*?\b(?:did|does|do|has|have)\s+{_SPEAKER}\s+{_ADVERBS}{_VERB}\b",
        # "Did the TTP itself comment on the ceasefire?"
        rf"^(?:did|has|have|does|do)\s+{_SPEAKER}\s+{_ADVERBS}{_VERB}\w*\b",
        # "What was Qatar's reaction?"
        rf"^(?:what|how)(?:['’]s| is| was| were| are)\s+{_SPEAKER}['’]s?\s+(?:\w+\s+)?"
        r"(?:(?P<reaction>reaction|response)|statement|comment)s?\b",
    )
)
# A passive's agent or a source: "mediated by Qatar", "mounting pressure from China".
_BY_OR_FROM = re.compile(r"\b(?:by|from) (?:the )?$")


class Asked(NamedTuple):
    speaker: str  # as written: "China's foreign ministry"
    reaction: bool  # how they reacted, which an act answers, rather than what they said


def asked_speaker(question: str) -> Asked | None:
    """Whom a question asks to hear from, and whether it asks how they reacted; or None."""
    plain = " ".join(question.rstrip("?!. ").split())
    for pattern in _ASKS_TO_HEAR:
        if match := pattern.search(plain):
            reaction = "reaction" in pattern.groupindex and match.group("reaction") is not None
            return Asked(match.group("speaker").strip(), reaction)
    return None


class Voices:
    """Which actors of a generation the briefs record as saying or doing anything."""

    def __init__(self, directory: ActorDirectory) -> None:
        self._directory = directory
        # The briefs that name each actor right after "according to" or "announced by" (quoted),
        # or right after "by" or "from" (sources).
        self._quoted: dict[str, set[str]] = defaultdict(set)
        self._sources: dict[str, set[str]] = defaultdict(set)
        for mention in directory.index.mentions:
            passage = directory.passages[mention.row]
            before = fold(passage.text[max(0, mention.start - 20) : mention.start])
            if ATTRIBUTED_TO.search(before):
                self._quoted[mention.actor_id].add(passage.brief_id)
            elif _BY_OR_FROM.search(before):
                self._sources[mention.actor_id].add(passage.brief_id)
        # Who speaks for whom: "Pakistan's Defense Minister" for Pakistan, "Türkiye's Ministry of
        # Foreign Affairs" for Türkiye, "Indian Minister of External Affairs" for India.
        self._agents = directory.agents
        self._heard: dict[tuple[str, str], bool] = {}  # (actor, brief): whether it is heard there

    def silent(self, asked: Asked | None, brief_ids: Collection[str]) -> str:
        """The name of the actor a question asks to hear from (`asked_speaker`), if the briefs know
        it and those of `brief_ids` record nothing it said or did (nor, asked how it reacted,
        anything it is a source of: "pressure from China"); otherwise ""."""
        actor_id = self._directory.actor_named(asked.speaker) if asked else None
        if actor_id is None or any(self._is_heard(actor_id, brief_id) for brief_id in brief_ids):
            return ""
        if asked.reaction and not self._sources[actor_id].isdisjoint(brief_ids):
            return ""
        return self._directory.index.actors[actor_id].name

    def _is_heard(self, actor_id: str, brief_id: str) -> bool:
        key = (actor_id, brief_id)
        if key not in self._heard:
            self._heard[key] = self._speaks_or_acts(actor_id, brief_id) or any(
                self._speaks_or_acts(agent, brief_id) for agent in self._agents.get(actor_id, ())
            )
        return self._heard[key]

    def _speaks_or_acts(self, actor_id: str, brief_id: str) -> bool:
        return brief_id in self._quoted[actor_id] or self._directory.speaks_or_acts(actor_id, {brief_id})
