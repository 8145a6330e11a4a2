"""What an actor said and did across the briefs, every line cited; and finding an actor by name."""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from index.actors import TITLE_PATTERN, Actor, ActorIndex, Mention
from index.errors import BriefbotError
from index.lexical import NORMAL_FORMS, fold, tokens
from index.models import Passage

if TYPE_CHECKING:  # the store builds a directory per generation; only its type is needed here
    from index.store import StoredBrief

_SPEECH = re.compile(
    r"\b(?:said|says|say|stated|states|stating|claimed|claims|claiming|accused|accuses|accusing|warned|"
    r"warns|warning|denied|denies|denying|rejected|rejects|rejecting|asserted|asserts|asserting|insisted|"
    r"insists|insisting|cautioned|cautions|declared|declaring|emphasi[sz]ed|critici[sz]ed|described|"
    r"argued|urged|demanded|threatened|dismissed|clarified|alleged|alleging|announced|expressed|"
    r"reaffirmed|reaffirming|stressed|vowed|pledged|called|acknowledged|admitted|maintained|noted|"
    r"added|adding|told|remarked|blamed|condemned|issued a (?:strong )?warning"
    # The bare verb of a plural subject ("Western officials accuse Iran of ..."); not those that are
    # nouns as often ("a claim Pakistan dismissed", "a note", "the demand").
    r"|accuse|warn|deny|reject|assert|insist|argue|urge|allege|declare|critici[sz]e|condemn|"
    r"acknowledge|admit|maintain|tell|note(?=\s+that))\b"
    # "responded that ...", not "responded by raising a division" nor "responded with force"
    r"|\bresponded\b(?!\s+(?:by|with)\b)"
)
# A state's own voice after its possessive: "Pakistan's government said ..." is Pakistan speaking
# (a body the briefs name, "Pakistan's Foreign Office", is an actor of its own: `_said_for_it`).
_VOICE_AFTER = re.compile(
    r"['’]s\s+(?:(?:own|new|interim|caretaker|federal|central)\s+)?(?:government|authorities|officials"
    r"|leadership|leaders|administration|regime|spokes(?:man|person|woman)|diplomats|negotiators"
    r"|delegation|cabinet)\b"
)
_PREPOSITIONS = {
    "in",
    "to",
    "of",
    "from",
    "with",
    "against",
    "toward",
    "towards",
    "by",
    "for",
    "on",
    "at",
    "into",
    "over",
    "through",
    "between",
    "about",
    "inside",
    "via",
    "and",
    # Not prepositions, but what follows is no act either: "if Pakistan carries out strikes".
    "if",
    "unless",
    "whether",
}
# Between a preposition and the actor it governs: "against the TTP", "if the Taliban fail".
_DETERMINERS = {"the", "a", "an"}
_SMALL_WORDS = _PREPOSITIONS | _DETERMINERS  # kept when capitalised to open a sentence
# A verb already in the phrase before an actor makes the actor its object or complement, not the
# subject ("The ceasefire is viewed as a chance to compel the Afghan Taliban", "there were hopes
# that Afghanistan might"): auxiliaries, copulas and modals, the verbs an untagged sentence shows.
_AUXILIARIES = {
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "cannot", "may", "might", "must", "should", "shall", "do", "does", "did",
}  # fmt: skip
# Verbs whose object an actor after them is: "Legal experts expect Pakistan to pursue ...", "urged
# Kabul to act" (as after a verb of saying: "Analysts said Pakistan would ...").
_OBJECT_VERBS = {
    "expect", "expects", "expected", "want", "wants", "wanted", "urge", "urges", "ask", "asks",
    "asked", "allow", "allows", "allowed", "force", "forces", "forced", "compel", "compels",
    "compelled", "push", "pushes", "pushed", "persuade", "persuaded", "invite", "invites", "invited",
    "believe", "believes", "consider", "considers", "considered", "see", "sees", "saw", "help",
    "helps", "helped", "let", "lets", "made", "make", "makes", "pressed", "pressured", "encouraged",
}  # fmt: skip
_QUOTE = re.compile(r"[“\"]")
MENTIONED_LIMIT = 20  # sentences that only name an actor, listed in its summary
# Who speaks for an actor in its summary: a person whose role it owns ("Taliban spokesperson",
# "Pakistan's Defense Minister", "Indian Minister of External Affairs"), unless a former or an
# opposition one, and a body of its state ("China's Foreign Ministry", "Pakistan Army"), not a
# party or a movement named after it ("Indian National Congress").
_NOT_SPEAKING_FOR = re.compile(r"\b(?:former|ex|opposition|retired)\b", re.IGNORECASE)
_OFFICIAL_BODY = re.compile(
    r"\b(?:Ministry|Ministries|Office|Government|Army|Armed Forces|Military|Navy|Air Force|Embassy|"
    r"Mission|Cabinet|Presidency|Police|Department|Foreign Affairs|Defen[cs]e)\b"
)
_MAX_NAME_WORDS = 6  # the longest name `actor_named` looks for at a phrase's start
# Said by the actor, though it is not the subject: "according to Türkiye's Ministry of Foreign
# Affairs", "a statement issued by Beijing" (the words before it, folded).
ATTRIBUTED_TO = re.compile(
    r"\b(?:according to|(?:announced|stated|said|declared|claimed|issued|made|warned|critici[sz]ed|"
    r"condemned|welcomed|endorsed|denied|rejected) by) (?:the )?$"
)
_MAY_ATTRIBUTE = re.compile(r"\b(?:according to|by)\b", re.IGNORECASE)
# The agent of a passive, and those listed with it: "talks mediated by Qatar and Türkiye", "an
# attack carried out by the TTP"; not where the verb says nothing of what the actor does ("talks
# followed by a lull", "a province bordered by Afghanistan").
_PASSIVE_AGENT = re.compile(
    # Nor what might happen: "could be perceived by Islamabad as a threat".
    r"(?<!could be )(?<!might be )(?<!would be )(?<!may be )(?<!will be )"
    r"\b(?!(?:followed|accompanied|surrounded|bordered|affected|concerned|alarmed|worried)\b)"
    r"(?:\w+(?:ed|en)|led|held|built|paid|won|fought|brought|sought|hit|shot|struck|sent|run)"
    r"\s+(?:out\s+|up\s+)?by\s+(?:the\s+)?(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:,\s*|\s+and\s+))*$"
)
_QUALIFIER = re.compile(rf"(?:['’]s)?\s+(?:{TITLE_PATTERN})\s+|\s+")
_TRAILING_TITLE = re.compile(rf"(?:{TITLE_PATTERN})\s*$")
_LIST_COMMA = re.compile(r",\s*")
_LIST_AND = re.compile(r",?\s+and\s+")
_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+")
_WHO = re.compile(r",?\s+who\s+(?:also\s+)?(?:" + _SPEECH.pattern + ")")


def _words_before(text: str, start: int, end: int) -> list[str]:
    """The words between two offsets, less the capitalised ones right before `end` (titles and
    owners: "Pakistan's Defense Minister" before a name), but for a small word capitalised to open
    the sentence ("Unless Pakistan secures its border" is no act of Pakistan's)."""
    lead = _TRAILING_TITLE.sub("", text[start:end])
    words = re.findall(r"[\w’'-]+", lead)
    while words and words[-1][:1].isupper() and words[-1].lower() not in _SMALL_WORDS:
        words.pop()
    return words


def _quote_depth(text: str, offset: int) -> int:
    before = text[:offset]
    return max(before.count("“") - before.count("”"), before.count('"') % 2)


# Asked for a role many hold ("minister"), the reply names this many of them.
ROLE_HOLDERS_SHOWN = 5


class UnknownActorError(BriefbotError):
    def __init__(self, name: str, suggestions: list[str], message: str | None = None) -> None:
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(message or f"no actor called '{name[:80]}' in the briefs.{hint}")

    def pointing_to(self, listing: str) -> str:
        """The message, and where to find every actor when no close name was offered instead."""
        return str(self) if self.suggestions else f"{self} {listing} lists every actor the briefs name."


@dataclass(frozen=True)
class CitedLine:
    text: str
    brief_id: str
    paragraph: int
    via: str | None = None  # a statement made for the actor by its own person or body: who (in what role)


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    brief_id: str
    text: str
    mentions: int = 0  # passages of that brief naming the actor


@dataclass(frozen=True)
class Network:
    """Co-mention network around one actor: (name, passages naming it) nodes and
    (name, name, passages naming both) edges; the first node is the actor itself."""

    nodes: tuple[tuple[str, int], ...]
    edges: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True)
class ActorSummary:
    actor_id: str
    name: str
    kind: str
    description: str | None
    aliases: tuple[str, ...]
    roles: tuple[CitedLine, ...]
    mentions: int  # passages that mention the actor
    briefs: int
    statements: tuple[CitedLine, ...]
    actions: tuple[CitedLine, ...]
    # Sentences naming the actor that it neither says nor does ("mounting pressure from China"):
    # all the briefs hold of an actor that never speaks or acts in them.
    mentioned: tuple[CitedLine, ...]
    co_actors: tuple[tuple[str, int], ...]
    timeline: tuple[TimelineEntry, ...]


@dataclass(frozen=True)
class ActorListing:
    actor_id: str
    name: str
    kind: str
    mentions: int
    briefs: int


class ActorDirectory:
    """Actors of one generation, with their mentions grouped for summaries."""

    def __init__(
        self,
        index: ActorIndex,
        passages: list[Passage],
        briefs: dict[str, StoredBrief],
    ) -> None:
        self.index = index
        self.passages = passages
        self.briefs = briefs
        self._by_actor: dict[str, list[Mention]] = defaultdict(list)
        self._by_sentence: dict[tuple[int, int], list[Mention]] = defaultdict(list)
        self._by_row: dict[int, list[Mention]] = defaultdict(list)
        for mention in index.mentions:
            self._by_row[mention.row].append(mention)
            self._by_actor[mention.actor_id].append(mention)
            self._by_sentence[(mention.row, mention.sentence)].append(mention)
        self._subjects_read: dict[tuple[int, int], list[Mention]] = {}
        self._names: dict[str, str] = {}
        for actor in index.actors.values():
            for name in (actor.name, *actor.aliases, actor.actor_id):
                self._names.setdefault(fold(name), actor.actor_id)
        # The same, and those that open with a demonym also as their state ("afghan taliban" →
        # "afghanistan taliban"), as an owner is read at the start of a phrase (`actor_named`).
        self._owner_names = dict(self._names)
        for name, actor_id in self._names.items():
            first, _, rest = name.partition(" ")
            if first in NORMAL_FORMS:
                self._owner_names.setdefault(f"{NORMAL_FORMS[first]} {rest}".strip(), actor_id)

    def actor_named(self, phrase: str, other_than: str | None = None, whole: bool = False) -> str | None:
        """The known actor a phrase begins with ("china's foreign ministry" → China; "the afghan
        side" → the Afghan state), the longest name first, other than `other_than`; or None. With
        `whole`, only one the whole phrase names ("chinese engineers" names no actor)."""
        words = fold(phrase).split()
        if words and words[0] == "the":
            words = words[1:]
        if words:
            words[0] = NORMAL_FORMS.get(words[0], words[0])
        shortest = len(words) if whole else 1
        for length in range(min(len(words), _MAX_NAME_WORDS), shortest - 1, -1):
            name = " ".join(words[:length])
            for candidate in (name, re.sub(r"'s?$", "", name)):
                if self._owner_names.get(candidate, other_than) != other_than:
                    return self._owner_names[candidate]
        return None

    def actor_ending(self, phrase: str) -> str | None:
        """The known actor whose name a phrase ends with ("which Islamabad" → Pakistan), the longest
        ending first; or None."""
        words = phrase.split()
        endings = (" ".join(words[start:]) for start in range(len(words)))
        return next((actor for ending in endings if (actor := self.actor_named(ending))), None)

    def rows_naming(self, actor_id: str) -> list[int]:
        """The passages that name the actor, by any of its names, in corpus order."""
        return sorted({mention.row for mention in self._by_actor.get(actor_id, ())})

    def sentences_naming(self, actor_id: str, row: int) -> set[int]:
        """The numbers of the sentences of passage `row` that name the actor."""
        return {mention.sentence for mention in self._by_row.get(row, ()) if mention.actor_id == actor_id}

    def names_person_of(self, owner_id: str, row: int, role_word: str = "") -> bool:
        """Whether passage `row` names a person of `owner_id`'s: one with a role of it ("Pakistan's
        Defense Minister"), or with no role or one that says no side ("Interior Minister"), who
        may be anyone's. With `role_word` ("commander"), a role of theirs must hold it, if they
        have any."""
        actors = self.index.actors
        people = {m.actor_id for m in self._by_row.get(row, ()) if actors[m.actor_id].kind == "person"}
        for person in people:
            roles = [role.text for role in self.index.roles if role.actor_id == person]
            if not roles or any(
                role_word in text.lower() and self.actor_named(text) in (None, owner_id) for text in roles
            ):
                return True
        return False

    def names_in(self, actor_id: str, row: int) -> bool:
        """Whether passage `row` names the actor, by any of its names."""
        return any(mention.actor_id == actor_id for mention in self._by_row.get(row, ()))

    @cached_property
    def agents(self) -> dict[str, set[str]]:
        """For each actor, the actors whose name or role opens with its name: "Pakistan's Defense
        Minister" Khawaja Asif and "Pakistan's Foreign Office" for Pakistan, "Türkiye's Ministry
        of Foreign Affairs" for Türkiye (a person or body of its own, or one named after it)."""
        agents: dict[str, set[str]] = defaultdict(set)
        for actor in self.index.actors.values():
            if owner := self.actor_named(actor.name, other_than=actor.actor_id):
                agents[owner].add(actor.actor_id)
        for role in self.index.roles:
            if owner := self.actor_named(role.text, other_than=role.actor_id):
                agents[owner].add(role.actor_id)
        return agents

    def folded_names(self) -> dict[str, str]:
        """Every name, alias and id of every actor, folded, with its actor id (a name two actors
        share is the first's)."""
        return dict(self._names)

    def listing(
        self, brief_ids: Collection[str] | None = None, kinds: Collection[str] | None = None
    ) -> list[ActorListing]:
        """Every actor (of `kinds`, if given), the most named first; counted in the briefs
        `brief_ids` only, if given (an actor they never name is then left out)."""
        naming = {
            actor_id: {m.row for m in self._by_actor.get(actor_id, [])} for actor_id in self.index.actors
        }
        return self._listed(naming, brief_ids, kinds)

    def quoted(
        self, brief_ids: Collection[str] | None = None, kinds: Collection[str] | None = None
    ) -> list[ActorListing]:
        """Every actor (of `kinds`, if given) the briefs (`brief_ids` only, if given) have say
        something, as its summary would list it, the one saying something in most passages first;
        `mentions` counts those passages."""
        return self._listed(self._saying_rows, brief_ids, kinds)

    def _listed(
        self,
        rows_by_actor: dict[str, set[int]],
        brief_ids: Collection[str] | None,
        kinds: Collection[str] | None,
    ) -> list[ActorListing]:
        """The actors of `rows_by_actor` (of `kinds`, if given), each with its passages there (of the
        briefs `brief_ids` only, if given: an actor with none is left out), the most first."""
        listed = []
        for actor_id, rows in rows_by_actor.items():
            actor = self.index.actors[actor_id]
            if kinds is not None and actor.kind not in kinds:
                continue
            if brief_ids is not None:
                rows = {row for row in rows if self.passages[row].brief_id in brief_ids}
                if not rows:
                    continue
            briefs = len({self.passages[row].brief_id for row in rows})
            listed.append(ActorListing(actor_id, actor.name, actor.kind, len(rows), briefs))
        return sorted(listed, key=lambda r: (-r.mentions, r.name.lower()))

    @cached_property
    def _saying_rows(self) -> dict[str, set[int]]:
        """Per actor that says anything in the briefs, the passages where it does; read on the
        first question that asks (seconds over hundreds of briefs), then kept."""
        saying: dict[str, set[int]] = defaultdict(set)
        for actor_id, mentions in self._by_actor.items():
            for mention in mentions:
                if (
                    mention.row not in saying[actor_id]
                    and (not mention.possessive or self._voiced(mention))
                    and self._may_say(mention.row, mention.sentence)
                    and self._acting(actor_id, mention) is True
                ):
                    saying[actor_id].add(mention.row)
        return {actor_id: rows for actor_id, rows in saying.items() if rows}

    def _may_say(self, row: int, sentence: int) -> bool:
        """Whether a sentence may have anyone say anything: a verb of speech, or "by" or
        "according to" that may attribute it (ATTRIBUTED_TO); cheap, to spare `_acting`'s reading
        of subjects for the many that do not."""
        start, end = self.passages[row].sentence_spans[sentence]
        text = self.passages[row].text[start:end]
        return _SPEECH.search(text) is not None or _MAY_ATTRIBUTE.search(text) is not None

    def names(self) -> list[tuple[str, str]]:
        """(shown name, actor id) for every canonical name and alias, for autocomplete."""
        pairs = []
        for actor in self.index.actors.values():
            pairs.append((actor.name, actor.actor_id))
            pairs.extend((alias, actor.actor_id) for alias in actor.aliases)
        return pairs

    def find(self, name: str) -> str:
        key = fold(" ".join(name.split()))
        if not key:
            raise UnknownActorError(
                name, [], "the actor's name is empty: give one (`briefbot actors` or /actors lists them)"
            )
        if key not in self._names and key.startswith("the "):
            key = key.removeprefix("the ")  # "the TTP", "the Taliban", as prose writes them
        if key in self._names:
            return self._names[key]
        # One word of one actor's names ("Yaqoob" of "Mullah Mohammad Yaqoob Mujahid") is that actor.
        holders = {actor_id for known, actor_id in self._names.items() if f" {key} " in f" {known} "}
        if len(holders) == 1 and len(key) >= 3:  # not "of" of "Ministry of Foreign Affairs"
            return holders.pop()
        # A role, as an analyst may know someone ("Pakistan's defence minister").
        holding = self._holding_role(name)
        if len(holding) == 1:
            return holding[0]
        if holding:
            more = (
                f" and {len(holding) - ROLE_HOLDERS_SHOWN} more" if len(holding) > ROLE_HOLDERS_SHOWN else ""
            )
            raise UnknownActorError(
                name,
                [self.index.actors[actor_id].name for actor_id in holding[:ROLE_HOLDERS_SHOWN]],
                f"'{name[:80]}' is the role of more than one actor in the briefs: "
                + "; ".join(self._with_role(actor_id) for actor_id in holding[:ROLE_HOLDERS_SHOWN])
                + f"{more}. Ask for one by name.",
            )
        close = difflib.get_close_matches(key, list(self._names), n=5, cutoff=0.6)
        contained = [k for k in self._names if key and len(key) >= 3 and key in k]
        suggestions = list(dict.fromkeys(self.index.actors[self._names[k]].name for k in close + contained))
        raise UnknownActorError(name, suggestions[:5])

    def _holding_role(self, name: str) -> list[str]:
        """The actors with a role holding every word of `name` (spelling and demonyms aside:
        "Afghan defence minister" is "Afghanistan's Acting Defense Minister")."""
        words = set(tokens(name))
        if not words:
            return []
        return list(dict.fromkeys(r.actor_id for r in self.index.roles if words <= set(tokens(r.text))))

    def _with_role(self, actor_id: str) -> str:
        roles = dict.fromkeys(r.text for r in self.index.roles if r.actor_id == actor_id)
        return f"{self.index.actors[actor_id].name} ({', '.join(roles)})"

    def summary(self, name: str) -> ActorSummary:
        actor_id = self.find(name)
        actor = self.index.actors[actor_id]
        mentions = self._by_actor.get(actor_id, [])
        rows = sorted({m.row for m in mentions})
        statements, actions, acting = self._said_and_did(actor_id, mentions)
        statements = _distinct(statements + self._said_for_it(actor_id))
        # A sentence its minister or ministry speaks in is said, not only mentioned.
        # Nor is a sentence a statement or action cites whole (the end of a quote it holds).
        cited = [(line.brief_id, line.paragraph, line.text) for line in (*statements, *actions)]
        mentioned = [
            line
            for line in self._mentioned_only(mentions, acting)
            if not any(
                (brief_id, paragraph) == (line.brief_id, line.paragraph) and line.text in text
                for brief_id, paragraph, text in cited
            )
        ]
        co = Counter()
        for row in rows:
            co.update({m.actor_id for m in self._by_row[row]} - {actor_id})
        first_citation: dict[str, CitedLine] = {}  # each role once, cited where it first appears
        for role in self.index.roles:
            if role.actor_id == actor_id and role.text not in first_citation:
                first_citation[role.text] = CitedLine(role.text, role.brief_id, role.paragraph)
        role_lines = list(first_citation.values())
        return ActorSummary(
            actor_id=actor_id,
            name=actor.name,
            kind=actor.kind,
            description=actor.description,
            aliases=self._aliases_shown(actor, mentions),
            roles=tuple(role_lines),
            mentions=len(rows),
            briefs=len({self.passages[r].brief_id for r in rows}),
            statements=tuple(statements),
            actions=tuple(actions),
            mentioned=tuple(mentioned),
            co_actors=tuple(
                (self.index.actors[i].name, n)
                for i, n in sorted(co.items(), key=lambda kv: (-kv[1], self.index.actors[kv[0]].name))
            ),
            timeline=self._timeline(actor_id, statements + actions, rows),
        )

    def _aliases_shown(self, actor: Actor, mentions: list[Mention]) -> tuple[str, ...]:
        """The actor's aliases a reader meets: those the briefs write or the registry gives; of
        the gazetteer's, only those a brief writes (it knows "Tehrik-i-Taliban Pakistan" too), and
        not the name's own singular ("Houthi" of "Houthis")."""
        written = {self.passages[m.row].text[m.start : m.end] for m in mentions}
        gazetteer = set(actor.gazetteer_aliases)
        return tuple(
            alias
            for alias in actor.aliases
            if (alias not in gazetteer or alias in written) and alias + "s" != actor.name
        )

    def network(self, name: str, limit: int = 12) -> Network:
        """The actor, its `limit` most frequent co-actors, and how often each pair shares a passage."""
        actor_id = self.find(name)
        rows_of = {a: {m.row for m in mentions} for a, mentions in self._by_actor.items()}
        mine = rows_of.get(actor_id, set())
        partners = sorted(
            ((len(mine & rows), a) for a, rows in rows_of.items() if a != actor_id and mine & rows),
            key=lambda pair: (-pair[0], self.index.actors[pair[1]].name),
        )[:limit]
        ids = [actor_id] + [a for _, a in partners]
        name_of = {a: self.index.actors[a].name for a in ids}
        edges = []
        for i, first in enumerate(ids):
            for second in ids[i + 1 :]:
                shared = len(rows_of.get(first, set()) & rows_of.get(second, set()))
                if shared:
                    edges.append((name_of[first], name_of[second], shared))
        return Network(tuple((name_of[a], len(rows_of.get(a, ()))) for a in ids), tuple(edges))

    def speaks_or_acts(self, actor_id: str, brief_ids: Collection[str] | None = None) -> bool:
        """Whether any brief (of `brief_ids`, if given) has the actor say or do anything, as its
        summary would list it, but as the agent of a passive ("talks mediated by Qatar"), which
        answers how it acted, not what it said (index/speakers.py counts it as a source); stops at
        the first such sentence (a summary of a state named in every brief takes a second or more)."""
        return any(
            not mention.possessive
            and (brief_ids is None or self.passages[mention.row].brief_id in brief_ids)
            and self._acting(actor_id, mention, as_agent=False) is not None
            for mention in self._by_actor.get(actor_id, [])
        )

    def heard_in(self, actor_id: str, row: int) -> bool:
        """Whether passage `row` has the actor, or one who speaks for it (`agents`), say or do
        anything, as its summary would list it."""
        speakers = {actor_id, *self.agents.get(actor_id, ())}
        return any(
            mention.actor_id in speakers
            and (not mention.possessive or self._voiced(mention))
            and self._acting(mention.actor_id, mention) is not None
            for mention in self._by_row.get(row, ())
        )

    def _acting(self, actor_id: str, mention: Mention, as_agent: bool = True) -> bool | None:
        """None if the mention's sentence does not have the actor say or do anything (nor, unless
        `as_agent`, do it as the agent of a passive); else whether it says something (a statement)
        rather than does (an action)."""
        passage = self.passages[mention.row]
        start, end = passage.sentence_spans[mention.sentence]
        text = passage.text
        relative = _WHO.match(text[mention.end : end])
        # "issued a warning through Interior Minister Sirajuddin Haqqani, asserting ...": he spoke
        # (a person only: "a proxy war through Afghanistan, alleging ..." is Pakistan speaking).
        relayed = (
            self.index.actors[actor_id].kind == "person"
            and _words_before(text, start, mention.start)[-1:] == ["through"]
            and self._speaks(mention, text[start:end], start)
        )
        # "According to Türkiye's Ministry of Foreign Affairs, both countries ...": it said so.
        attributed = ATTRIBUTED_TO.search(" ".join(_words_before(text, start, mention.start)).lower() + " ")
        if relative or relayed or attributed:
            return True
        # "negotiations mediated by Qatar and Türkiye": they mediated; not in what another says
        # ("Mujahid denied ..., asserting that those identified by Pakistan were refugees").
        phrase = text[max(start, text.rfind(",", start, mention.start) + 1) : mention.start]
        if (
            as_agent
            and _PASSIVE_AGENT.search(phrase)
            and not _SPEECH.search(phrase)
            and not _quote_depth(text, mention.start)
        ):
            return False
        if mention not in self._subjects(mention.row, mention.sentence):
            return None
        return self._speaks(mention, text[start:end], start)

    def _mentioned_only(self, mentions: list[Mention], acting: set[tuple[int, int]]) -> list[CitedLine]:
        """The first MENTIONED_LIMIT sentences that name the actor without having it say or do
        anything (those not in `acting`, as row and sentence), each once: a state named in
        thousands of sentences would otherwise list them all."""
        lines = (
            CitedLine(
                self._with_quote_continuation(self.passages[row], row, sentence),
                self.passages[row].brief_id,
                self.passages[row].paragraph,
            )
            for row, sentence in dict.fromkeys((m.row, m.sentence) for m in mentions)
            if (row, sentence) not in acting
        )
        return _distinct(lines, most=MENTIONED_LIMIT)

    def _said_and_did(
        self, actor_id: str, mentions: list[Mention]
    ) -> tuple[list[CitedLine], list[CitedLine], set[tuple[int, int]]]:
        """What the actor says and does, and the sentences (row, sentence) where it does either."""
        statements: list[tuple[int, CitedLine]] = []
        actions: list[CitedLine] = []
        done: set[tuple[int, int]] = set()
        for mention in mentions:
            key = (mention.row, mention.sentence)
            if key in done or (mention.possessive and not self._voiced(mention)):
                continue
            says = self._acting(actor_id, mention)
            if says is None:
                continue
            done.add(key)
            passage = self.passages[mention.row]
            line = CitedLine(
                self._with_quote_continuation(passage, mention.row, mention.sentence),
                passage.brief_id,
                passage.paragraph,
            )
            if says:
                statements.append((0 if _QUOTE.search(line.text) else 1, line))
            else:
                actions.append(line)
        ranked = [line for _, line in sorted(statements, key=lambda s: s[0])]
        return _distinct(ranked), _distinct(actions), done

    def _said_for_it(self, actor_id: str) -> list[CitedLine]:
        """Statements made for the actor by its own people and bodies (`_NOT_SPEAKING_FOR`,
        `_OFFICIAL_BODY`): "Taliban spokesperson Zabihullah Mujahid" for the Taliban, "Pakistan's
        Information Ministry" for Pakistan, each marked with who made it."""
        lines: list[CitedLine] = []
        for agent_id in sorted(self.agents.get(actor_id, ())):
            agent = self.index.actors[agent_id]
            if agent.kind == "person":
                roles = dict.fromkeys(
                    role.text
                    for role in self.index.roles
                    if role.actor_id == agent_id
                    and self.actor_named(role.text, other_than=agent_id) == actor_id
                    and not _NOT_SPEAKING_FOR.search(role.text)
                )
                if not roles:
                    continue
                via = f"{agent.name}, {' / '.join(roles)}"
            elif agent.kind == "organisation" and _OFFICIAL_BODY.search(agent.name):
                via = agent.name
            else:
                continue
            said, _, _ = self._said_and_did(agent_id, self._by_actor.get(agent_id, []))
            lines.extend(CitedLine(line.text, line.brief_id, line.paragraph, via) for line in said)
        return lines

    def _subjects(self, row: int, sentence: int) -> list[Mention]:
        """Who a sentence is about: in each clause, the first actor named outside a quote and not
        after a preposition, and those joined to it by "and"; read once per sentence (a sentence
        naming several actors is asked once for each)."""
        key = (row, sentence)
        if key not in self._subjects_read:
            self._subjects_read[key] = self._read_subjects(row, sentence)
        return self._subjects_read[key]

    def _read_subjects(self, row: int, sentence: int) -> list[Mention]:
        passage = self.passages[row]
        text = passage.text
        start, end = passage.sentence_spans[sentence]
        cuts = [start] + [start + m.end() for m in _CLAUSE.finditer(text[start:end])] + [end]
        mentions = sorted(
            (m for m in self._by_sentence[(row, sentence)] if not m.possessive or self._voiced(m)),
            key=lambda m: m.start,
        )
        subjects: list[Mention] = []
        for clause_start, clause_end in zip(cuts, cuts[1:], strict=False):
            in_clause = [m for m in mentions if clause_start <= m.start < clause_end]
            previous: Mention | None = None
            governed_end: int | None = None  # where the last actor governed by a word before it ends
            for number, mention in enumerate(in_clause):
                # The next of a list is governed too: "sanctions on Iran, Russia and China".
                if governed_end is not None and _LIST_COMMA.fullmatch(text[governed_end : mention.start]):
                    governed_end = mention.end
                    continue
                if previous is not None:
                    if _words_before(text, previous.end, mention.start) != ["and"]:
                        break
                    subjects.append(mention)
                    previous = mention
                    continue
                following = in_clause[number + 1] if number + 1 < len(in_clause) else None
                if following and _QUALIFIER.fullmatch(text[mention.end : following.start]):
                    continue  # "Taliban spokesperson Zabihullah Mujahid": the person is the subject
                if _quote_depth(text, mention.start):
                    continue
                if _governed(text, clause_start, mention.start):
                    # "by Qatar and Türkiye, Pakistan and Afghanistan agreed": "and" ends the list.
                    closes = governed_end is not None and _LIST_AND.fullmatch(
                        text[governed_end : mention.start]
                    )
                    governed_end = None if closes else mention.end
                    continue
                if _in_compound(text, mention):  # "a Pakistan-Afghanistan confrontation": a modifier
                    continue
                subjects.append(mention)
                previous = mention
        return subjects

    def _voiced(self, mention: Mention) -> bool:
        """Whether a possessive mention names the actor's own voice ("Pakistan's government")."""
        text = self.passages[mention.row].text
        return mention.possessive and _VOICE_AFTER.match(text, mention.end) is not None

    def _speaks(self, mention: Mention, sentence: str, sentence_start: int) -> bool:
        """A speech verb follows the mention with no other actor named in between."""
        for verb in _SPEECH.finditer(sentence):
            verb_at = sentence_start + verb.start()
            if verb_at < mention.end:
                continue
            between = [
                m
                for m in self._by_sentence[(mention.row, mention.sentence)]
                if m.actor_id != mention.actor_id and not m.possessive and mention.end <= m.start < verb_at
            ]
            return not between
        return False

    def _with_quote_continuation(self, passage: Passage, row: int, sentence: int) -> str:
        """A sentence, with the following ones while a quotation it opens stays open."""
        spans = passage.sentence_spans
        start, end = spans[sentence]
        text = passage.text
        number = sentence
        while _open_quote(text[start:end]) and number + 1 < len(spans):
            number += 1
            end = spans[number][1]
        # A quote that follows as its own sentences ("They are in Kabul. ...") is the same speaker's,
        # whatever it names inside the quotation marks.
        while (
            number + 1 < len(spans)
            and text[spans[number + 1][0]] in '“"'
            and all(_quote_depth(text, m.start) for m in self._by_sentence.get((row, number + 1), ()))
        ):
            number += 1
            end = spans[number][1]
            while _open_quote(text[start:end]) and number + 1 < len(spans):
                number += 1
                end = spans[number][1]
        return text[start:end]

    def _timeline(self, actor_id: str, lines: list[CitedLine], rows: list[int]) -> tuple[TimelineEntry, ...]:
        """For each dated brief naming the actor, its first statement or action there, or failing
        one the first sentence naming it."""
        entries = []
        for brief_id in dict.fromkeys(self.passages[r].brief_id for r in rows):
            brief = self.briefs.get(brief_id)
            if brief is None or brief.meta.date is None:
                continue
            first = next((line.text for line in lines if line.brief_id == brief_id), None)
            if first is None:
                row = next(r for r in rows if self.passages[r].brief_id == brief_id)
                first = self.passages[row].sentences()[min(self.sentences_naming(actor_id, row), default=0)]
            count = sum(1 for r in rows if self.passages[r].brief_id == brief_id)
            entries.append(TimelineEntry(brief.meta.date.isoformat(), brief_id, first, count))
        return tuple(sorted(entries, key=lambda e: e.date))


def _governed(text: str, clause_start: int, mention_start: int) -> bool:
    """Whether the words before an actor in its clause make it something other than the subject:
    a preposition right before it in its phrase (since the last comma; determiners aside), or,
    earlier in the phrase, an auxiliary, a verb of saying or one taking an object ("experts
    expect Pakistan to ..."; "..., with both Kabul and Islamabad accusing each other" keeps its
    subjects)."""
    # Only within the phrase: "after the attack at Pahalgam, India announced" has India announce.
    phrase_start = max(clause_start, text.rfind(",", clause_start, mention_start) + 1)
    lead = [word.lower() for word in _words_before(text, phrase_start, mention_start)]
    while lead and lead[-1] in _DETERMINERS:
        lead.pop()
    if lead and lead[-1] in _PREPOSITIONS:
        return True
    phrase = text[phrase_start:mention_start]
    return _SPEECH.search(phrase) is not None or any(
        word.lower() in _AUXILIARIES | _OBJECT_VERBS for word in re.findall(r"[\w’'-]+", phrase)
    )


def _in_compound(text: str, mention: Mention) -> bool:
    return text[mention.end : mention.end + 1] == "-" or text[mention.start - 1 : mention.start] == "-"


def _open_quote(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _distinct(lines: Iterable[CitedLine], limit: float = 0.7, most: int | None = None) -> list[CitedLine]:
    """Drop lines whose words mostly repeat a line already kept, or that a kept line holds whole
    (a quote's last sentence after the quote); stop once `most` are kept."""
    kept: list[tuple[set[str], CitedLine]] = []
    for line in lines:
        words = set(tokens(line.text))
        if all(
            len(words & other) / max(len(words | other), 1) < limit and line.text not in kept_line.text
            for other, kept_line in kept
        ):
            kept.append((words, line))
            if most is not None and len(kept) >= most:
                break
    return [line for _, line in kept]
