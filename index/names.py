"""Questions whose names no brief mentions.

A question about Iran, asked of briefs that never name Iran, has no answer there, however close the
passages about the ceasefire come; cosine similarity alone cannot tell (such questions score like
answerable ones, benchmarks/quality.py). A name is a run of capitalised words that does not start
a sentence (a state or capital may). It counts as mentioned when it is the name of an actor the
briefs mention or a part of one (capitals and other names of states included, and a region one of
whose states they name: "a Gulf capital" when they name Qatar), or when each of its
words is in the lexical vocabulary, begins a word there (Siraj / Sirajuddin) or is one or two
letters away from one (Tehrik / Tehreek, Yaqub / Yaqoob): names are spelled many ways, and
abstaining on a known one would hide an answer. For the same reason a question is only taken to
be about something else when none of its names is mentioned ("Which Gulf state hosted the talks,
according to Islamabad?"), or when it names a person or body with two words running that no brief
has ("What did Shehbaz Sharif promise the Taliban?": the Taliban are mentioned, but the question
is about what someone the briefs never name did), or people of one they never mention ("Which
Saudi official attended the Doha talks?"; demonyms are read as their states). With several
briefs, an actor only briefs far from the question mention is as good as unmentioned for it
(`absent_from`).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence

from index.actors import ActorIndex
from index.gazetteer import (
    ARMED_GROUPS,
    CAPITALS,
    DEMONYMS,
    EVERYDAY_TOPICS,
    OFFICES,
    ORGANISATIONS,
    REGIONS,
    STATES,
)
from index.leaders import PERSON
from index.lexical import STOP_WORDS, fold, tokens
from index.speakers import asked_speaker

_RUN = re.compile(r"[A-Z][\w'’.]*(?:-[\w'’.]+)*(?:\s+[A-Z][\w'’.]*(?:-[\w'’.]+)*)*")
# Words for an actor's own voice, which questions use for whoever speaks for it ("Pakistan's
# diplomats" for its Foreign Office, "Kabul's spokesman"): never taken for a part of it the briefs
# do not mention (`NameChecker.unmentioned_voice`). Offices are index/offices.py's.
_OWN_VOICE_WORDS = {
    "government", "governments", "authorities", "authority", "officials", "official", "leaders",
    "leader", "leadership", "rulers", "ruler", "regime", "administration", "side", "state", "ministry",
    "ministries", "minister", "ministers", "office", "foreign", "defence", "defense", "interior",
    "information", "spokesman", "spokesperson", "spokeswoman", "spokespeople", "diplomats", "diplomat",
    "envoy", "envoys", "delegation", "negotiators", "representatives", "army", "military", "generals",
    "president", "prime", "premier", "cabinet", "embassy", "mission", "own", "itself",
}  # fmt: skip
_OWN_VOICE = _OWN_VOICE_WORDS | set(tokens(" ".join(sorted(_OWN_VOICE_WORDS))))
# Words for what an actor says, not for a part of it: "What do Asif's warnings say about the
# truce?" asks what he warned, not to hear from something of his that no brief mentions.
_SAYINGS = {
    "warning", "warnings", "remark", "remarks", "statement", "statements", "comment", "comments",
    "word", "words", "threat", "threats", "claim", "claims", "accusation", "accusations", "message",
    "messages", "speech", "speeches", "response", "reply", "rhetoric", "position", "stance", "view",
    "views", "demand", "demands", "assurance", "assurances", "promise", "promises", "announcement",
    "declaration", "letter", "interview", "account", "version", "narrative", "argument", "arguments",
}  # fmt: skip
# Words for a state's or body's people, after its name: its own voice, and those who act for it
# (index/leaders.py's person words, and its troops).
_PEOPLE = re.compile(
    rf"(?:{'|'.join(sorted(_OWN_VOICE_WORDS - {'own', 'itself', 'state'}))}|{PERSON}|troops|forces|soldiers)"
)


def _own_voice(word: str) -> bool:
    """A word for an actor's own voice, as written or as a token, or one typed a letter off
    ("diplmats", "spoksman")."""
    return word in _OWN_VOICE or any(_within(word, voice, 1) for voice in _OWN_VOICE)


_SENTENCE_END = re.compile(r"[.?!:;\"“”(]\s*$")
_CLINGING = ",;:?!"  # punctuation a word is read without; not ".", for "U.S."
# Titles a person is named with: the one word after it is a name ("Mullah Omar", "General Bajwa").
_HONORIFICS = {
    "mullah", "maulana", "mufti", "sheikh", "shaikh", "imam", "hafiz", "qari", "sardar", "haji",
    "general", "gen", "marshal", "president", "minister", "senator", "ambassador", "commander",
    "king", "prince", "emir", "mr", "mrs", "ms", "dr", "sir",  # not "Amir": a first name too
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+")
# The weather as a topic ("What's the weather in Kabul?"), not the verb ("Can the truce weather the
# storm?"): after an article or a day, and not before an object.
_WEATHER = re.compile(
    r"\b(?:the|today'?s|tomorrow'?s)\s+weather\b(?!\s+(?:the|a|an|this|that|its|their|these|those|any)\b)",
    re.IGNORECASE,
)
_NEVER_NAMES = {
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "at", "by", "with", "about", "from",
    "did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
    "could", "should", "say", "said", "says", "what", "who", "why", "how", "when", "where", "which",
    "against", "any", "all", "into", "over", "after", "before", "during", "between", "its", "their",
    "his", "her", "not", "that", "this", "these", "those", "than", "as", "if", "be", "been", "there",
}  # fmt: skip
# Commands that open a request for what the briefs say of a name ("Quote Mujahid", "Explain
# CPEC"): no part of the name, however short the request.
COMMANDS = {
    "quote", "show", "explain", "describe", "summarize", "summarise", "list", "define", "tell",
    "give", "find", "compare", "outline", "profile", "search",
}  # fmt: skip
# The reader speaking of themselves, capitalised wherever it stands: "I read the brief; can you tell
# me who mediated?", "What I'm asking is ...".
_FIRST_PERSON = re.compile(r"I(?:['’](?:m|ve|d|ll))?")
# Words that open a request rather than a name ("Who's Haqqani?", "Quote Mujahid").
_OPENS_A_REQUEST = _NEVER_NAMES | COMMANDS
FUZZY_SCAN_LIMIT = 1_000  # words compared per unknown word, at most (under 30 ms when all are close)
# Names known to be names even at a sentence's start ("Iran's reaction?", "South Korea's view?"),
# whole: "South", "New" or "Central" alone open many sentences.
_WORLD_NAMES = {
    tuple(fold(name).split())
    for table in (STATES, ORGANISATIONS, ARMED_GROUPS)
    for canonical, others in table.items()
    for name in (canonical, *others)
} | {tuple(fold(capital).split()) for capital in CAPITALS}
# A demonym and its plural ("Saudi", "Saudis") → its state, as plain names.
_DEMONYM_STATES = {
    fold(form): state
    for demonym, state in DEMONYMS.items()
    for form in (demonym, demonym if demonym.endswith(("s", "ese")) else f"{demonym}s")
}
_WORLD_NAMES |= {tuple(demonym.split()) for demonym in _DEMONYM_STATES}


def in_title_case(question: str) -> bool:
    """Nearly every word capitalised, or a word no name is made of ("Did", "The", "About")
    capitalised inside a sentence."""
    words = _WORD.findall(question)
    if len(words) >= 4 and sum(word[0].isupper() for word in words) >= 0.85 * len(words):
        return True
    for match in _WORD.finditer(question):
        word = match.group(0)
        if (
            word[0].isupper()
            and word.lower() in _NEVER_NAMES
            and not _opens_sentence(question, match.start())
        ):
            return True
    return False


def _opens_sentence(question: str, at: int) -> bool:
    """Whether the word at `at` is the first of its sentence (capitalised for that alone)."""
    before = question[:at]
    return not before.strip() or _SENTENCE_END.search(before) is not None


def _opens_with_world_name(words: list[str]) -> bool:
    return _world_name_at(_plain_words(words), 0) is not None


def _world_names_in(question: str) -> list[str]:
    """The names of states, capitals and bodies a question holds, the longest at each word."""
    words = question.split()
    plain = _plain_words(words)
    names, at = [], 0
    while at < len(words):
        length = _world_name_at(plain, at)
        if length and words[at].strip(_CLINGING) == "Us":  # "Tell Us About ...": only "US" is a state
            length = None
        if length:
            names.append(re.sub(r"['’]s$", "", " ".join(words[at : at + length]).strip(_CLINGING)))
        at += length or 1
    return names


# The first auxiliary of a question asking what, how or why, and "the" after it: what follows is
# who the question has do something ("What sanctions has the UN placed ...?"). Not a yes-or-no
# question: "Did Iran mediate the talks?" is answered by the passage naming those who did.
_AUXILIARY = re.compile(
    r"^(?:what|which|how|why|when|where)\b.*?\s"
    r"(?:did|does|do|has|have|had|is|are|was|were|will|would|can|could|should)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _asked_agent(question: str) -> str | None:
    """The state, capital or body of the world a question has do something, if one alone is
    named right after its first auxiliary ("has the UN placed"; not "How did Iran and Qatar
    mediate?", which a brief naming Qatar answers in part)."""
    question = question.strip()
    match = _AUXILIARY.match(question)
    words = question[match.end() :].split() if match else []
    plain = _plain_words(words)
    length = _world_name_at(plain, 0) if words else None
    if not length or plain[length : length + 1] in (("and",), ("or",)):
        return None
    name = " ".join(words[:length])
    if name.rstrip(_CLINGING) != name:  # "What did Iran, Qatar and Türkiye say?": a list
        return None
    return re.sub(r"['’]s$", "", name)


def _plain_words(words: list[str]) -> tuple[str, ...]:
    return tuple(fold(re.sub(r"['’]s$", "", word.strip(_CLINGING))) for word in words)


def _world_name_at(plain: tuple[str, ...], at: int) -> int | None:
    """The length in words of the longest world name starting at word `at`, if any."""
    lengths = [len(name) for name in _WORLD_NAMES if plain[at : at + len(name)] == name]
    return max(lengths, default=None)


def question_names(question: str, subject: bool = False) -> list[str]:
    """Capitalised runs that are not just a sentence's first word; none in a shouted question. In
    one in Title Case ("What Did Iran Say About The Talks?") capitals tell nothing: only the
    names of states, capitals and bodies of the world are names there. A `subject` taken from a
    question ("Balochistan" of "Anything on Balochistan?") opens no sentence."""
    letters = [c for c in question if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) > 0.5 * len(letters):
        return []
    if in_title_case(question):
        return _world_names_in(question)
    names = []
    for match in _RUN.finditer(question):
        words = match.group(0).split()
        # A question that is a name and nothing else ("Imran Khan?") opens with no question word
        # ("Who's Haqqani?" does) nor command ("Quote Mujahid").
        only_a_name = (
            len(words) > 1
            and question.strip().rstrip("?!. ") == match.group(0)
            and _plain_words(words[:1])[0].split("'")[0] not in _OPENS_A_REQUEST
        )
        opens = not subject and _opens_sentence(question, match.start())
        if opens and not _opens_with_world_name(words) and not only_a_name:
            words = words[1:]  # "What", "Did", "Explain": capitalised because they come first
        words = [word for word in words if not _FIRST_PERSON.fullmatch(word.strip(_CLINGING))]  # "I'm"
        # Of "Chinese-funded" or "US-backed", only the capitalised parts are names.
        parts = [part for word in words for part in word.split("-") if part[:1].isupper()]
        name = re.sub(r"['’]s$", "", " ".join(parts)).strip(".’'")
        if name:
            names.append(name)
    return names


class NameChecker:
    """What one generation mentions; built once per generation (it reads the whole vocabulary)."""

    def __init__(self, vocabulary: Iterable[str], actors: ActorIndex, passage_briefs: Sequence[str]) -> None:
        """`passage_briefs`: the brief of each passage row."""
        self._vocabulary = set(vocabulary)
        naming: dict[str, set[str]] = defaultdict(set)  # actor → the briefs that mention it
        for mention in actors.mentions:
            naming[mention.actor_id].add(passage_briefs[mention.row])
        # Each name of a mentioned actor → the briefs that mention that actor.
        self._naming: dict[str, set[str]] = defaultdict(set)
        for actor in actors.actors.values():
            if actor.actor_id in naming:
                for name in (actor.name, *actor.aliases):
                    self._naming[_plain(name)] |= naming[actor.actor_id]
        self._aliases = set(self._naming)
        for state, others in STATES.items():  # "US" when the briefs say "United States"
            if self._all_known(tokens(state)):
                self._aliases.update(_plain(name) for name in others)
        self._aliases.update(_plain(c) for c, state in CAPITALS.items() if self._all_known(tokens(state)))
        # A region is named when one of its states is ("a Gulf capital" when they name Qatar).
        self._aliases.update(
            _plain(region)
            for region, members in REGIONS.items()
            if any(_plain(member) in self._aliases for member in members)
        )
        # An office counts as written when any of its forms is, word for word.
        self._unwritten_offices = [
            (office, [tokens(form) for form in (office, *forms)])
            for office, forms in OFFICES.items()
            if not any(self._all_known(tokens(form)) for form in (office, *forms))
        ]
        self._unwritten_topics = {
            word: topic for topic in EVERYDAY_TOPICS for word in tokens(topic) if word not in self._vocabulary
        }
        self._sorted = sorted(self._vocabulary)  # for "begins a known word", by bisection
        self._by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in self._vocabulary:
            self._by_shape[word[:1], len(word)].append(word)

    def unmentioned(self, question: str, names: bool = True, subject: bool = False) -> list[str]:
        """The question's names if the briefs mention none of them; else those of its names with
        two words running that no brief has (a person or body they never name), or that are all
        the names of whom it asks to hear from ("What did Iran's government say about the
        Istanbul talks?"), if any. One single name they do not mention beside one they do ("Iran
        and Qatar") may still be answered in part. An office no brief writes ("the Pakistani prime
        minister") is named too: the question is about someone the briefs never speak of; so is
        an everyday topic no brief speaks of ("a good hotel in Istanbul", "the weather in Kabul").
        With `names` false, only offices, topics and the states or bodies it asks to hear from are
        looked for; at any confidence, the state or body a question has do something ("What
        sanctions has the UN placed?") or whose people it speaks of ("Which Saudi official ...?"),
        if the briefs never mention it and the gazetteer knows its spellings; with `subject`, the
        question is a subject taken from one (`question_names`)."""
        found = question_names(question, subject)
        unknown = (
            _unknown(question, found, self._mentioned, self._foreign)
            if names
            else self._unheard_states(question) or self._unmentioned_people(question)
        )
        # "What sanctions has the UN placed on the Taliban?": the UN does it, whatever else is named.
        agent = _asked_agent(question)
        if not unknown and agent in found and not self._mentioned(agent):
            unknown = [agent]
        # An office already said as part of an unknown name ("Prime Minister Shehbaz Sharif") is
        # not said twice.
        named = set(self._unwritten_offices_in([word for name in unknown for word in tokens(name)]))
        words = tokens(question)
        topics = [
            self._unwritten_topics[word] for word in dict.fromkeys(words) if word in self._unwritten_topics
        ]
        if "weather" not in self._vocabulary and _WEATHER.search(fold(question)):
            topics.append("weather")
        return (
            unknown + [office for office in self._unwritten_offices_in(words) if office not in named] + topics
        )

    def absent_from(self, question: str, brief_ids: Collection[str], subject: bool = False) -> list[str]:
        """As `unmentioned`, for the question's names of actors that some briefs mention but none
        of `brief_ids` (those of the passages closest to it): "Did Iran mediate the ceasefire?"
        asked of a brief on the truce, which never names Iran, beside one on water rights, which
        does. Other names count as mentioned there: they passed `unmentioned`."""

        def mentioned_there(name: str) -> bool:
            naming = self._naming.get(_plain(name))
            return naming is None or not naming.isdisjoint(brief_ids)

        return _unknown(question, question_names(question, subject), mentioned_there, lambda name: False)

    def _unheard_states(self, question: str) -> list[str]:
        """The states, capitals and bodies of the world a question asks to hear from, if no brief
        mentions any of them ("What did Iran say about the Besham attack?"): looked for however
        close the passages come, as the gazetteer knows their other spellings."""
        asked = asked_speaker(question)
        named = _world_names_in(asked.speaker) if asked else []
        return named if named and not any(self._mentioned(name) for name in named) else []

    def _unmentioned_people(self, question: str) -> list[str]:
        """The states and bodies of the world whose people a question speaks of ("Which Saudi
        official attended the Doha talks?"), if no brief mentions them: looked for however close
        the passages come, as the gazetteer knows their spellings. Written as a name (capitalised),
        unless the whole question is in lower case."""
        return [
            name
            for name in _world_names_in(question)
            if (name[:1].isupper() or question.islower())
            and _names_people_of(question, name)
            and not self._mentioned(name)
        ]

    def unmentioned_voice(self, question: str, actor_named: Callable[[str], str | None]) -> str:
        """The speaker a question asks to hear from, if it is a part of a known actor that no
        brief mentions ("How did Pakistan's opposition parties react?": Pakistan is the briefs',
        its opposition is not): a word after the owner that is no word of the briefs, nor near
        one, nor a word for the owner's own voice (`_OWN_VOICE`: "diplomats", "spokesman",
        "rulers", which a paraphrase may use for the briefs' "Foreign Office" or "spokesperson")
        or for what it says (`_SAYINGS`: "warnings", "remarks"); "" otherwise. `actor_named`
        reads a phrase's owner (ActorDirectory.actor_named)."""
        asked = asked_speaker(question)
        words = asked.speaker.split() if asked else []
        for owned in range(1, len(words)):  # the owner's name ends where one first does
            if actor_named(" ".join(words[:owned])):
                part = words[owned:]
                if any(actor_named(" ".join(part[at:])) for at in range(len(part))):
                    return ""  # "the Afghan authorities believe Pakistan's": no part, a clause
                written = [re.sub(r"['’]s?$", "", fold(word)) for word in part]
                rest = [
                    token
                    for word in written
                    if not _own_voice(word) and word not in _SAYINGS
                    for token in tokens(word)
                    if token not in STOP_WORDS and not _own_voice(token)
                ]
                if any(not self._known(word) for word in rest):
                    return re.sub(r"^the\s+", "", asked.speaker, flags=re.IGNORECASE)
                return ""
        return ""

    def _unwritten_offices_in(self, words: list[str]) -> list[str]:
        return [
            office
            for office, forms in self._unwritten_offices
            if any(_runs_in(form, words) for form in forms)
        ]

    def _foreign(self, name: str) -> bool:
        """Two words running in `name` (a title before them or not: "Prime Minister Shehbaz
        Sharif") neither of which is, or is near, a word of the briefs; or a title and one such
        word ("Mullah Omar": the brief's "Mullah" is someone else's)."""
        run = 0
        after_title = False
        for word in name.split():
            parts = tokens(word)
            unknown = bool(parts) and not any(self._known(p) for p in parts)
            run = run + 1 if unknown else 0
            if run == 2 or (unknown and after_title):
                return True
            after_title = fold(word).strip(".") in _HONORIFICS
        return False

    def _mentioned(self, name: str) -> bool:
        """An actor's name or a part of one, or words of the briefs; near ones too ("Zabiullah
        Mujahed"), unless a name of the world (a state's name has no other spellings than the
        gazetteer's: "Iran" is not the author "Imran")."""
        plain = _plain(name)
        if plain in self._aliases or any(f" {plain} " in f" {alias} " for alias in self._aliases):
            return True  # an actor's name or a part of one ("Islamic Emirate" of Afghanistan)
        state = _DEMONYM_STATES.get(plain)
        if state and self._mentioned(state):
            return True  # "Turkish" when the briefs name Türkiye
        exactly = _plain_words(name.split()) in _WORLD_NAMES
        known = self._vocabulary.__contains__ if exactly else self._known
        return all(known(word) for word in tokens(name))

    def _all_known(self, words: list[str]) -> bool:
        return bool(words) and all(word in self._vocabulary for word in words)

    def _known(self, word: str) -> bool:
        """A word of the briefs, or near one (a name spelled another way)."""
        return word in self._vocabulary or self._near_known(word)

    def _near_known(self, word: str) -> bool:
        """A known word that begins with it, or within one edit (words up to four letters) or two
        (longer ones; stemming may have cut a letter or two: Mujahed → mujah, Mujahid → mujahid)."""
        if len(word) < 4:
            return False
        at = bisect.bisect_left(self._sorted, word)
        if at < len(self._sorted) and self._sorted[at].startswith(word):
            return True
        limit = 1 if len(word) <= 4 else 2
        candidates = [
            known
            for length in range(len(word) - limit, len(word) + limit + 1)
            for known in self._by_shape.get((word[:1], length), ())
        ]
        if len(candidates) > FUZZY_SCAN_LIMIT:
            return True  # too many to compare within a question's time: do not abstain on it
        return any(_within(word, known, limit) for known in candidates)


def _unknown(
    question: str, found: list[str], mentioned: Callable[[str], bool], foreign: Callable[[str], bool]
) -> list[str]:
    """The names `found` in the question, if none is `mentioned`; else those that are `foreign`,
    or not mentioned and all the names of whom the question asks to hear from."""
    unknown = [name for name in found if not mentioned(name)]
    if len(unknown) < len(found):
        asked = asked_speaker(question)
        speaker = asked.speaker if asked else ""
        spoken = [name for name in found if name in speaker]
        speaker_unknown = bool(spoken) and all(name in unknown for name in spoken)
        unknown = [
            name
            for name in unknown
            if foreign(name) or (speaker_unknown and name in spoken) or _names_people_of(question, name)
        ]
    return unknown


def _names_people_of(question: str, name: str) -> bool:
    """The question speaks of people of `name` ("Which Saudi official attended the Doha talks?",
    "Iran's foreign minister"): someone the briefs never speak of when they never mention it."""
    after = re.search(rf"\b{re.escape(name)}(?:['’]s)?\s+(?:(?:top|senior|former|new)\s+)?(\w+)", question)
    return after is not None and _PEOPLE.fullmatch(fold(after.group(1))) is not None


def _runs_in(part: list[str], words: list[str]) -> bool:
    """`part` occurs in `words`, word for word and in order."""
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _plain(name: str) -> str:
    """A name compared without case, accents or full stops: U.S. = US, Türkiye = Turkiye."""
    return fold(name).replace(".", "")


def _within(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance of a and b is at most `limit` (rows stop early past the limit)."""
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit
