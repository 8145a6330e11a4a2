"""Finding actors in briefs: the analyst's registry, then discovery (acronyms, titles, short names,
capitals), then every mention in every passage. Built with each generation."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from index.gazetteer import ARMED_GROUPS, CAPITALS, ORGANISATIONS, STATES
from index.lexical import NORMAL_FORMS, STOP_WORDS, fold
from index.models import Passage

KINDS = ("person", "state", "organisation", "armed group")
REGISTRY_FILE = "actors.toml"
# Raised when discovery finds other actors or mentions in the same text, so that `briefbot index`
# rebuilds the actors of an index made by an earlier version (2: every state of the world, names
# inside compounds; 3: not after a capitalised particle either, "Anti-Pakistan"), and when BM25
# reads other words in it, as the whole generation is rebuilt (4: "US" is the United States; 5:
# offices in lower case, "foreign minister Abbas Araghchi"; 6: bodies named in full, "Baloch
# Liberation Army"; 7: a body's name holding a possessive, "Pakistan People's Party", and
# more bodies of the world, "World Bank"; 8: armed groups of the world, "Taliban"; 9: which
# aliases came from the gazetteer; 10: "Houthi" before a noun is the Houthis, and BM25 reads
# "go-between" as one word).
DISCOVERY_VERSION = 10

_APOSTROPHE = "['’]"
_NAME_TOKEN = r"(?:[A-Z]\.){1,3}|[A-Z][^\W\d_]+(?:-[^\W\d_]+)*(?:['’][A-Z][^\W\d_]+)?"
_NAME = rf"(?:{_NAME_TOKEN})(?:\s+(?:{_NAME_TOKEN})){{1,4}}"
TITLE_PATTERN = _TITLE = (
    r"(?:(?:Acting|Deputy|Former|Interim|Caretaker)\s+)?"
    r"(?:(?:Defen[cs]e|Interior|Foreign|Finance|Information|Prime|Home|Planning|Army|Federal|Chief)\s+)?"
    r"(?:Minister(?:\s+of\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)*)?|President|Vice President|"
    r"spokesperson|spokesman|spokeswoman|Ambassador|Secretary of State|Foreign Secretary|Secretary|"
    r"Chief of Army Staff|Army Chief|Commander|Governor|Envoy|Special Representative|Senator|"
    r"Chairman|General)"
    # In lower case too, as many briefs write an office ("Iran's foreign minister Abbas Araghchi").
    r"|(?:(?:acting|deputy|former|interim|caretaker)\s+)?"
    r"(?:(?:defen[cs]e|interior|foreign|finance|information|prime|home|planning)\s+)?minister"
    r"|(?:former\s+)?(?:vice\s+)?president|ambassador|envoy|army chief|foreign secretary"
)
_OWNER = rf"(?:(?P<owner>[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?)(?:{_APOSTROPHE}s)?\s+)?"
# "Iran's foreign minister Abbas Araghchi", and set off by commas, "Iran's foreign minister, Abbas
# Araghchi, warned" (only so: "In General, Pakistan Army units" names no general).
_TITLED_NAME = re.compile(rf"{_OWNER}(?P<title>{_TITLE})(?:,(?=\s+{_NAME}\s*[,.;)]))?\s+(?P<name>{_NAME})")
_ACRONYM = re.compile(
    r"(?P<long>[A-Z][\w’'-]+(?:[\s-]+(?:e|al|ul|ud|of|the|and|for|[A-Z][\w’'-]*)){0,6}?)\s*"
    r"\((?P<short>[A-Z][A-Z0-9&-]{1,7})\)"
)
_STATE_BODY = re.compile(
    rf"(?P<owner>[A-Z][^\W\d_]+){_APOSTROPHE}s\s+(?P<body>(?:[A-Z][a-z]+\s+)?(?:Ministry(?:\s+of\s+"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)?|Foreign Office|Army|Parliament|Senate|National Assembly))"
)
_CAPITALISED_RUN = re.compile(rf"(?:{_NAME_TOKEN})(?:\s+(?:{_NAME_TOKEN}))*")
# A body's name may hold a possessive: "Pakistan People's Party", "Workers' Party".
_BODY_RUN = re.compile(rf"(?:{_NAME_TOKEN})(?:{_APOSTROPHE}s?)?(?:\s+(?:{_NAME_TOKEN})(?:{_APOSTROPHE}s?)?)*")
_NOT_ACTORS = re.compile(
    r"Corridor|Agreement|Plan|Initiative|Programme|Program|Treaty|Accord|Project|"
    r"Base|Province|Region|Valley|Operation|Summit|Conference"
)
_ARMED = re.compile(
    r"Taliban|Tehreek|Lashkar|Jaish|Army|Front|Brigade|Militia|Liberation|Movement|"
    r"Mujahideen|State|Qaeda|Khawarij|Jamaat"
)
# A body named in full, its last word saying what it is ("Baloch Liberation Army", "National
# Security Council", "Pakistan Muslim League"): found with no acronym in brackets after it.
_BODY_NOUNS = {
    "Army", "Front", "Movement", "Party", "League", "Brigade", "Brigades", "Militia", "Council",
    "Commission", "Committee", "Corps", "Agency", "Alliance", "Organisation", "Organization", "Union",
}  # fmt: skip
_STATE_WORDS = {fold(state) for state in STATES}
_HONORIFICS = {
    "Mullah",
    "Khawaja",
    "Sheikh",
    "Maulana",
    "Sardar",
    "Mian",
    "Syed",
    "Hafiz",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "General",
    "Gen.",
}
# A sentence that opens with "He"/"She", or a quote said by "he"/"she", speaks for the one person
# named in the sentence before it.
_PRONOUN = re.compile(r"^(?P<a>He|She)\b|^[“\"][^”\"]*[”\"],?\s+(?P<b>he|she)\b")


class RegistryError(ValueError):
    """actors.toml cannot be used; the message names the problem."""


@dataclass
class Actor:
    actor_id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    from_registry: bool = False
    # Aliases the gazetteer knows ("Tehrik-i-Taliban Pakistan"): names to find the actor by,
    # listed in its summary only where a brief writes them.
    gazetteer_aliases: list[str] = field(default_factory=list)

    def add_alias(self, alias: str) -> None:
        if alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


@dataclass(frozen=True)
class Role:
    actor_id: str
    text: str
    brief_id: str
    paragraph: int


@dataclass(frozen=True)
class Mention:
    actor_id: str
    row: int  # passage row in the generation
    sentence: int  # sentence number within the passage
    start: int
    end: int
    possessive: bool  # "Pakistan's ..." names an owner, not a subject


@dataclass
class ActorIndex:
    actors: dict[str, Actor]
    roles: list[Role]
    mentions: list[Mention]

    def to_json(self) -> dict:
        return {
            "actors": [asdict(a) for a in self.actors.values()],
            "roles": [asdict(r) for r in self.roles],
            "mentions": [
                [m.actor_id, m.row, m.sentence, m.start, m.end, int(m.possessive)] for m in self.mentions
            ],
        }

    @classmethod
    def from_json(cls, data: dict) -> ActorIndex:
        actors = {a["actor_id"]: Actor(**a) for a in data["actors"]}
        return cls(
            actors,
            [Role(**r) for r in data["roles"]],
            [Mention(a, r, s, b, e, bool(p)) for a, r, s, b, e, p in data["mentions"]],
        )


def actor_id_for(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name).replace("'", "")).strip("-")


def read_registry(corpus_dir: Path) -> list[Actor]:
    """The analyst's actors.toml, or nothing if there is none. Raises RegistryError when broken."""
    path = corpus_dir / REGISTRY_FILE
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise RegistryError(f"{REGISTRY_FILE} is not valid TOML: {error}") from error
    actors = []
    for number, entry in enumerate(data.get("actor", []), start=1):
        name = str(entry.get("name", "")).strip()
        kind = str(entry.get("kind", "")).strip().lower()
        if not name or kind not in KINDS:
            raise RegistryError(
                f"{REGISTRY_FILE}: actor #{number} needs a name and a kind ({', '.join(KINDS)})"
            )
        aliases = [str(a).strip() for a in entry.get("aliases", []) if str(a).strip()]
        actors.append(Actor(actor_id_for(name), name, kind, aliases, entry.get("description"), True))
    return actors


class _Builder:
    def __init__(self, registry: list[Actor]) -> None:
        self.actors: dict[str, Actor] = {}
        self.alias_owner: dict[str, str] = {}
        self.roles: list[Role] = []
        for actor in registry:
            self._add(actor)
        for name, aliases in STATES.items():
            self._ensure(name, "state", aliases)
        for name, aliases in ORGANISATIONS.items():
            self._ensure(name, "organisation", aliases)
        for name, aliases in ARMED_GROUPS.items():
            self._ensure(name, "armed group", aliases)
        for capital, state in CAPITALS.items():
            if capital not in self.alias_owner:
                self._alias(self.alias_owner.get(state, actor_id_for(state)), capital, from_gazetteer=True)

    def _add(self, actor: Actor) -> Actor:
        existing = self.actors.get(actor.actor_id)
        if existing:
            for alias in actor.aliases:
                self._alias(existing.actor_id, alias)
            return existing
        self.actors[actor.actor_id] = actor
        for alias in (actor.name, *actor.aliases):
            self.alias_owner.setdefault(alias, actor.actor_id)
        return actor

    def _ensure(self, name: str, kind: str, aliases: Sequence[str] = ()) -> Actor:
        """The actor already known by any of these names, or a new one."""
        for alias in (name, *aliases):
            if alias in self.alias_owner:
                actor = self.actors[self.alias_owner[alias]]
                for other in (name, *aliases):
                    self._alias(actor.actor_id, other, from_gazetteer=True)
                return actor
        return self._add(
            Actor(actor_id_for(name), name, kind, list(aliases), gazetteer_aliases=list(aliases))
        )

    def _alias(self, actor_id: str, alias: str, from_gazetteer: bool = False) -> None:
        if alias not in self.alias_owner and actor_id in self.actors:
            self.alias_owner[alias] = actor_id
            self.actors[actor_id].add_alias(alias)
            if from_gazetteer:
                self.actors[actor_id].gazetteer_aliases.append(alias)

    def persons(self) -> list[Actor]:
        return [a for a in self.actors.values() if a.kind == "person"]


def build_actor_index(passages: Sequence[Passage], registry: list[Actor]) -> ActorIndex:
    builder = _Builder(registry)
    _discover_acronyms(builder, passages)
    _discover_people(builder, passages)
    _discover_state_bodies(builder, passages)
    _discover_named_bodies(builder, passages)
    mentions = _find_mentions(builder, passages)
    mentioned = {m.actor_id for m in mentions} | {a.actor_id for a in registry}
    actors = {i: a for i, a in builder.actors.items() if i in mentioned}
    return ActorIndex(actors, builder.roles, mentions)


def _discover_acronyms(builder: _Builder, passages: Sequence[Passage]) -> None:
    for passage in passages:
        for match in _ACRONYM.finditer(passage.text):
            long_form = _long_form(match["long"].split(), match["short"])
            if not long_form or _NOT_ACTORS.search(long_form) or long_form in STATES:
                continue
            kind = "armed group" if _ARMED.search(long_form) else "organisation"
            builder._ensure(long_form, kind, [match["short"]])


def _long_form(words: list[str], acronym: str) -> str:
    """The words before "(ACRONYM)" that it abbreviates: their capitals spell it, if any do;
    otherwise the capitalised tail ("perceptions of The Group (TG)" → "The Group")."""
    letters = [c for c in acronym if c.isalpha()]
    for start in range(len(words)):
        tail = words[start:]
        initials = [part[0] for word in tail for part in re.split(r"-", word) if part[:1].isupper()]
        if initials == letters:
            return " ".join(tail)
    while words and (not words[0][:1].isupper() or words[0] in ("The", "A", "An")):
        words = words[1:]
    return " ".join(words)


def _discover_people(builder: _Builder, passages: Sequence[Passage]) -> None:
    found: list[tuple[list[str], str, Passage]] = []  # name tokens, role text, where
    for passage in passages:
        for match in _TITLED_NAME.finditer(passage.text):
            name = match["name"]
            tokens = name.split()
            if name in builder.alias_owner and builder.actors[builder.alias_owner[name]].kind != "person":
                continue
            owner = match["owner"]
            title = match["title"]
            role = (
                f"{owner}{'’s' if _possessive_at(passage.text, match.end('owner')) else ''} {title}"
                if owner and owner not in ("The", "A", "An")
                else title
            )
            found.append((tokens, role.replace("’", "'"), passage))
    # Longest names first, so that "Mullah Yaqoob" joins "Mullah Mohammad Yaqoob Mujahid".
    for tokens, role, passage in sorted(found, key=lambda f: -len(f[0])):
        name = " ".join(tokens)
        if name in builder.alias_owner:
            person = builder.actors[builder.alias_owner[name]]
        else:
            matches = [p for p in builder.persons() if _is_subsequence(tokens, p.name.split())]
            person = matches[0] if len(matches) == 1 else builder._ensure(name, "person")
            builder._alias(person.actor_id, name)
        builder.roles.append(Role(person.actor_id, role, passage.brief_id, passage.paragraph))


def _discover_state_bodies(builder: _Builder, passages: Sequence[Passage]) -> None:
    for passage in passages:
        for match in _STATE_BODY.finditer(passage.text):
            if builder.alias_owner.get(match["owner"]) is None:
                continue
            builder._ensure(
                f"{match['owner']}'s {match['body']}", "organisation", [f"{match['owner']}’s {match['body']}"]
            )


def _discover_named_bodies(builder: _Builder, passages: Sequence[Passage]) -> None:
    """Bodies named by a run of capitalised words ending in _BODY_NOUNS: a state's own
    ("Pakistan Army", "Afghan National Army") an organisation, another an armed group if its
    name says so ("Baloch Liberation Army"), else an organisation ("Awami National Party")."""
    for passage in passages:
        for run in _BODY_RUN.finditer(passage.text):
            words = run.group(0).split()
            while words and fold(words[0]) in STOP_WORDS:  # "The", "When" opening the run
                words = words[1:]
            # "Pakistan's Awami National Party": the owner is no part of the name.
            while words and re.search(rf"{_APOSTROPHE}s?$", words[0]):
                words = words[1:]
            if len(words) < 2 or words[-1] not in _BODY_NOUNS:
                continue
            name, first = " ".join(words), fold(words[0])
            of_a_state = NORMAL_FORMS.get(first, first) in _STATE_WORDS
            builder._ensure(name, "armed group" if not of_a_state and _ARMED.search(name) else "organisation")


def _possessive_at(text: str, index: int) -> bool:
    return bool(re.match(rf"{_APOSTROPHE}s\b", text[index : index + 2]))


def _is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    if len(short) >= len(long):
        return False
    position = 0
    for token in short:
        try:
            position = list(long).index(token, position) + 1
        except ValueError:
            return False
    return True


def _find_mentions(builder: _Builder, passages: Sequence[Passage]) -> list[Mention]:
    aliases = sorted(builder.alias_owner, key=len, reverse=True)
    # A name may be part of a compound ("India-sponsored", "India-Afghanistan cooperation"), but
    # not after a short particle: the "Taliban" of "Tehrik-i-Taliban" is not the Afghan one, nor
    # is "anti-Pakistan" (or, opening a sentence, "Anti-Pakistan") sentiment Pakistan acting. A
    # capitalised particle is one of a few prefixes: "Iran-Pakistan" names both states.
    particle = "".join(rf"(?<!\b[a-z]{{{n}}}-)" for n in range(1, 5)) + "".join(
        rf"(?<!\b{prefix}-)" for prefix in ("Anti", "Pro", "Non", "Pre", "Post", "Neo", "Pan", "Ex")
    )
    names = "|".join(re.escape(a) for a in aliases)
    pattern = re.compile(rf"(?<![\w.]){particle}(?:{names})(?!\w)")
    people = builder.persons()
    mentions: list[Mention] = []
    recent_people: list[str] = []  # persons named in full in this brief, most recent last
    brief = None
    for row, passage in enumerate(passages):
        if passage.brief_id != brief:
            brief, recent_people = passage.brief_id, []
        spans = passage.sentence_spans
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, int, str]] = []
        for match in pattern.finditer(passage.text):
            actor_id = builder.alias_owner[match.group(0)]
            found.append((match.start(), match.end(), actor_id))
            taken.append((match.start(), match.end()))
        named_here = [(start, a) for start, _, a in found if builder.actors[a].kind == "person"]
        for run in _CAPITALISED_RUN.finditer(passage.text):
            recent = recent_people + [a for start, a in named_here if start < run.start()]
            for start, end, actor_id in _short_names(run, people, recent):
                if not any(s < end and start < e for s, e in taken):
                    builder.actors[actor_id].add_alias(passage.text[start:end])
                    found.append((start, end, actor_id))
                    taken.append((start, end))
                    named_here.append((start, actor_id))
        found.sort()
        for start, end, actor_id in found:
            sentence = _sentence_of(spans, start)
            mentions.append(Mention(actor_id, row, sentence, start, end, _possessive_at(passage.text, end)))
            if builder.actors[actor_id].kind == "person":
                if actor_id in recent_people:
                    recent_people.remove(actor_id)
                recent_people.append(actor_id)
        # "He said ..." right after a sentence naming one person is that person speaking.
        for number, (start, end) in enumerate(spans):
            pronoun = _PRONOUN.match(passage.text[start:end]) if number else None
            if pronoun:
                before = {
                    m.actor_id
                    for m in mentions
                    if m.row == row
                    and m.sentence == number - 1
                    and builder.actors[m.actor_id].kind == "person"
                }
                if len(before) == 1:
                    group = "a" if pronoun["a"] else "b"
                    mentions.append(
                        Mention(
                            before.pop(),
                            row,
                            number,
                            start + pronoun.start(group),
                            start + pronoun.end(group),
                            False,
                        )
                    )
    return mentions


def _short_names(run: re.Match[str], people: list[Actor], recent: list[str]):
    """Parts of a capitalised run that name one known person: "Khawaja Asif", "Asif", "Mujahid"."""
    tokens = [
        (m.start() + run.start(), m.end() + run.start(), m.group(0))
        for m in re.finditer(r"\S+", run.group(0))
    ]
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):
            words = [t[2] for t in tokens[i:j]]
            if all(w in _HONORIFICS for w in words):
                continue
            matches = [p for p in people if _is_subsequence(words, p.name.split()) or words == p.name.split()]
            if len(matches) > 1:
                # "Mujahid" alone: the person of that name mentioned most recently in this brief.
                ranked = [p for p in matches if p.actor_id in recent]
                matches = [max(ranked, key=lambda p: recent.index(p.actor_id))] if ranked else []
            if len(matches) == 1:
                yield tokens[i][0], tokens[j - 1][1], matches[0].actor_id
                i = j - 1
                break
        i += 1


def _sentence_of(spans: Sequence[tuple[int, int]], offset: int) -> int:
    for number, (_start, end) in enumerate(spans):
        if offset < end:
            return number
    return max(len(spans) - 1, 0)
