"""Figures and dates: a question that asks for one ("How many Afghan refugees live in Pakistan?",
"When will the next round of talks take place?") is answered only by a passage that states one.

Such questions score like answerable ones: the passages about refugees or about the talks are
close in meaning, and the engine would show them although none says how many or when. If none of
the passages a reader sees first states a figure of the asked kind, the engine abstains and says
why (benchmarks/QUALITY.md). The kinds are told apart because the evidence differs: "several rounds"
answers "how many", not "how much did the US spend"; "last year" answers "when", not "how long",
nor when something falls due ("When does the ceasefire expire?").

Only what a question plainly asks is checked. "When did the sides first agree to a ceasefire?"
may be answered by an event ("during the Doha meeting") rather than a date, so only a "when"
about the calendar (what is next, scheduled, due, expiring or still to be completed) or an origin
is checked. A degree or a forecast is answered in words: "how much" asks for an amount only before
a measured noun ("how much territory") or with a verb of money ("how much did the US spend"), not
in "how much does Kabul trust Islamabad"; "how big a threat" and "how long will the truce hold" are
not checked. A sum of money is answered by a currency or a share, not by any number: "How much does Pakistan
spend protecting Chinese nationals?" is not answered by the 15,000 troops it raised; nor is "How
many Chinese nationals work in Pakistan?": a count answers only with the thing counted, or one of
a few words for it ("soldiers" for "troops"), among the words after it. What a list of names may
count ("How many countries mediated?": "Qatar and Türkiye") is answered by any count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum

from index.lexical import fold, tokens


class Figure(StrEnum):
    """What a question asks for; the value names it in the abstention ("state no number")."""

    TOLL = "number of casualties"  # a count of the dead or wounded: only one stated with them answers
    VIOLENCE = "number of attacks or victims"  # any count: "14 attacks", "five killed" both answer
    COUNT = "number"  # of anything else: the toll of an attack does not say how many live or work
    MONEY = "sum of money"  # spent, invested, owed: a count of troops or of the dead does not answer
    AMOUNT = "figure"
    EXTENT = "length or duration"
    DATE = "date or time"
    DAY = "day or date"  # "last year" tells when, but not on which day
    DUE_DATE = "date"  # when something next falls due: a date that is only past does not answer
    CLOCK = "time of day"


# "When will the next round take place?", "when does the ceasefire expire?": a date in the
# calendar, which only a date answers; so is an origin ("When was the TTP founded?", "When did the
# Taliban take power?"). Other "when" questions are left alone: an event may answer them ("during
# the Doha meeting"), or a condition ("When will Pakistan regard the truce as broken?" "Anything
# coming from Afghanistan").
_WHEN_NOW_OR_LATER = r"(?:do|does|is|are|will|shall)"
# Not "end", nor "start" but a body's: "When will Kabul start acting against the TTP?" may be
# answered in words.
_CALENDAR = (
    r"(?:next|expir\w*|takes? place|be held|held|schedul\w*|due|deadline|elections?|run out|runs out|"
    r"lapses?|renew\w*|extend\w*|comes? into force|takes? effect|resum\w*|review\w*|launch\w*|"
    # A body's start ("When will the mechanism start work?"), not an actor's ("start acting").
    r"(?:start|begin|commence)s?\s+(?:work\w*|operat\w*|function\w*)|become operational|"
    r"be (?:set up|established|completed|finished)|(?:complete|finish)s?\b)"
)
# Only verbs of money: "how much support did they receive" asks a degree. Those of money alone
# ask a sum; what is traded, pledged or donated may be counted in tonnes as well.
_MONEY_VERB = (
    r"(?:spen[dt]|spends|spending|costs?|costing|invest\w*|pa(?:y|ys|id|ying)|earn\w*|worth|lend|lent|"
    r"owe[sd]?|fund\w*|budget\w*|allocat\w*)"
)
_GOODS_VERB = r"(?:export\w*|import\w*|pledg\w*|donat\w*|trade[sd]?)"
# "How much territory", not "how much influence": a degree is answered in words.
_MONEY_NOUN = r"(?:money|cash|funding|funds|investment|debt|loans?|revenue|budget|compensation)"
_MEASURED = r"(?:aid|trade|territory|land|area|oil|gas|water|electricity|fuel|food|wheat|tax(?:es)?|tariffs?)"
# The dead and wounded: "several rounds" of talks is a count, but not of the soldiers killed.
_HARMED_WORDS = r"killed|died|dead|deaths?|wounded|injured|injuries|casualties|perished|martyred|fatalities"
_HARMED = rf"(?:{_HARMED_WORDS}|lives)"
# Words of violence without a casualty: "How many attacks hit CPEC?", "How many were targeted?"
_VIOLENT = (
    r"(?:attack\w*|bomb\w*|blasts?|explosions?|strikes?|ambush\w*|raids?|assault\w*|shoot\w*|"
    r"clash\w*|fight\w*|violen\w*|incidents?|victims?|targeted|hostages?|kidnap\w*|abduct\w*|"
    r"suicide|massacres?|terror\w*|militan\w*)"
)
# What has a size a figure states: not a threat, a problem or a role, whose size is a degree.
_SIZED = (
    r"(?:army|armies|military|armed forces|forces|police|population|economy|budget|debt|deficit|"
    r"arsenal|delegation|territory|country|trade|reserves|sector|industry|market)"
)
_WHAT_IS = r"^what(?:'s| is| was| are| were) (?:the )?(?:[\w-]+'s? )?(?:[\w-]+ ){0,2}?"
_ASKED: tuple[tuple[Figure, re.Pattern[str]], ...] = (
    (Figure.CLOCK, re.compile(r"\bwhat time\b|\bat what hour\b")),
    (
        Figure.DUE_DATE,
        re.compile(
            rf"^(?:and |so |but )?when {_WHEN_NOW_OR_LATER}\b.*\b{_CALENDAR}\b|^(?:until|till|by) when\b"
        ),
    ),
    # "Which day did the ceasefire begin?", "What was the date of the Istanbul talks?"
    (Figure.DAY, re.compile(rf"\b(?:what|which) (?:date|day)\b(?!-)|{_WHAT_IS}(?:date|day)\b(?!-)")),
    (
        Figure.DATE,
        re.compile(
            r"^since when\b"
            r"|^when (?:was|were|did) .*\b(?:founded|born|formed|(?:take|took|come|came|return|returned"
            r"|seize|seized) (?:to )?power|(?:take|took) over)\b"
            r"|\b(?:what|which) (?:year|month|decade|century)\b|\bin what year\b|\bhow long ago\b"
            rf"|{_WHAT_IS}(?:year|month)\b(?!-)"
        ),
    ),
    (
        Figure.TOLL,
        re.compile(
            rf"\bhow many\b.*\b{_HARMED}\b|{_WHAT_IS}(?:number|count) of (?:the )?{_HARMED}\b"
            r"|\b(?:death|casualty) (?:toll|count|figures?)\b"
        ),
    ),
    (
        Figure.VIOLENCE,
        re.compile(rf"\bhow many\b.*\b{_VIOLENT}\b|{_WHAT_IS}(?:number|count) of (?:the )?{_VIOLENT}\b"),
    ),
    (Figure.COUNT, re.compile(rf"\bhow many\b|{_WHAT_IS}(?:number|count)\b")),
    (
        Figure.MONEY,
        re.compile(
            rf"\bhow much {_MONEY_NOUN}\b|\bhow much\b.*\b{_MONEY_VERB}\b"
            # "What dollar amount has Washington put into Pakistani mining?"
            r"|\b(?:what|which) (?:dollar|rupee|cash|monetary) (?:amount|sum|figure|value)\b"
        ),
    ),
    (
        Figure.AMOUNT,
        re.compile(
            rf"\bhow much {_MEASURED}\b|\bhow much\b.*\b{_GOODS_VERB}\b"
            r"|\bwhat (?:percentage|proportion|share|fraction)\b"
            rf"|{_WHAT_IS}(?:population|gdp|percentage|rate|budget|cost|value|amount|price|size)\b"
            # "How large is Pakistan's army?": a size, where "how big a threat" is a degree.
            rf"|\bhow (?:large|big) (?:is|are|was|were) (?:the )?(?:[\w-]+'s? )?(?:[\w-]+ )?{_SIZED}\b"
        ),
    ),
    (
        Figure.EXTENT,
        # Not "how big a threat" nor "how long will the truce hold": a degree or a forecast is
        # answered in words ("doubts persist over the durability of the ceasefire").
        re.compile(
            r"\bhow long\b(?! ago)(?!.*\b(?:will|would|can|could|might)\b.*\b(?:last|hold|survive|endure)\b)"
            r"|\bhow far (?:is|are|was|were)\b.*\bfrom\b|\bhow (?:old|tall|wide|deep)\b|\bhow much time\b"
        ),
    ),
)

_NUMBER_WORD = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_LARGE_WORD = r"hundreds?|thousands?|millions?|billions?|trillions?|dozens?|scores of|lakhs?|crores?"
_VAGUE_COUNT = r"several|many|numerous|multiple|countless|few|a handful"
_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century|"
    r"km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|acres?|hectares?)"
)
_REFERS = re.compile(r"\b(?:the|these|those|both|all|its|their|our)\s+$", re.IGNORECASE)
_TOLL = rf"{_HARMED_WORDS}|kill\w*|die[sd]?|death toll|lost their lives"
_HARMED_IN = re.compile(rf"\b(?:{_TOLL}|lives)\b", re.IGNORECASE)
_VIOLENT_IN = re.compile(rf"\b{_VIOLENT}\b", re.IGNORECASE)
# A toll, read to leave it out of other counts: not "lives" alone ("who lives in Pakistan").
_TOLL_IN = re.compile(rf"\b(?:{_TOLL})\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_DIGITS = re.compile(r"\d[\d,.]*")
# What a "how many" question counts: the first plural among its next few words, before a verb.
_HOW_MANY = re.compile(r"\bhow many (.+)")
_COUNTED_WITHIN = 4  # words
_AUXILIARIES = frozenset({
    "are", "were", "is", "was", "do", "did", "does", "have", "has", "had", "will", "would", "can", "could",
    "there",
})  # fmt: skip
_NOT_PLURAL = ("ss", "us", "is", "'s")
_IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "personnel", "police", "staff"})
# Things a brief counts under another word: "How many soldiers guard CPEC?" is answered by
# "about 15,000 troops".
_COUNTED_ALIKE = tuple(
    frozenset(token for word in words.split() for token in tokens(word))
    for words in (
        "troops soldiers personnel forces servicemen guards",
        "fighters militants insurgents terrorists combatants",
        "talks rounds negotiations meetings sessions",
        "workers employees staff labourers engineers",
        "refugees migrants returnees deportees",
    )
)
# What a list of names may count ("How many countries mediated?": "Qatar and Türkiye"), or what
# is counted in other words ("241 million Pakistanis" are people): any count answers.
_ENUMERABLE = frozenset({
    "people", "persons", "individuals", "men", "women", "children", "officials", "leaders", "ministers",
    "countries", "states", "nations", "governments", "groups", "organisations", "organizations",
    "parties", "sides", "mediators", "actors", "members", "times",
})  # fmt: skip
_COUNT_WORDS = re.compile(rf"\b(?:{_NUMBER_WORD}|{_LARGE_WORD}|{_VAGUE_COUNT})\b", re.IGNORECASE)
# An amount may be stated against another: "delays have doubled the cost" answers "how much".
_RELATIVE = r"(?:doubl|tripl|trebl|quadrupl|halv)(?:ed|ing)|twice|\w+-?fold"
_AMOUNT = re.compile(rf"\d|%|\b(?:{_LARGE_WORD}|per ?cent|percent|{_RELATIVE})\b", re.IGNORECASE)
# A sum: a currency, a share ("2 percent of GDP"), one against another, or billions untold;
# not a bare number ("15,000 troops" is no cost).
_MONEY = re.compile(
    r"[$€£¥₹]|\b(?:Rs\.?|PKR|USD|AFN|CNY|RMB|EUR|INR)\s?\d"
    r"|\b(?:dollars?|rupees?|yuan|renminbi|euros?|afghanis?|riyals?|dirhams?|lira|sterling)\b"
    rf"|%|\b(?:per ?cent|percent|{_RELATIVE}|billions|trillions)\b|\d\s?(?:bn|mn)\b",
    re.IGNORECASE,
)
_EXTENT = re.compile(
    rf"\d|\b(?:{_NUMBER_WORD}|{_LARGE_WORD}|{_VAGUE_COUNT}|an?|half an?)[ -]{_UNIT}\b", re.IGNORECASE
)
_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)|\b(?:noon|midnight|o'clock|dawn|dusk)\b"
    r"|\b(?:morning|afternoon|evening|night|overnight)\b",
    re.IGNORECASE,
)
# Capitalised only: "may" is mostly a verb.
_MONTH_OR_DAY = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# Dates that are only ever past: they tell when something happened, not when it falls due.
_PAST = re.compile(rf"^(?:recently|ago|yesterday|(?:last|past|previous)\s+{_UNIT})$", re.IGNORECASE)
_DATE = re.compile(
    r"\b(?:1[5-9]|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}\b|\b(?:yesterday|today|tomorrow|tonight|recently|ago)\b"
    rf"|\b(?:last|next|this|coming|past|previous|following|same|that|every|each)\s+{_UNIT}\b"
    rf"|\b(?:in|by|until|till|within|for|since|after|before) "
    rf"(?:{_NUMBER_WORD}|{_LARGE_WORD}|an?|\d+) {_UNIT}\b",
    re.IGNORECASE,
)

# A day, in the calendar or counted from another ("the next day"): not a year nor "recently".
_DAY = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}\b|\b(?:yesterday|today|tomorrow|tonight)\b"
    r"|\b(?:same|that|next|following|previous)\s+day\b",
    re.IGNORECASE,
)


def asked_figure(question: str) -> Figure | None:
    """The kind of figure a question asks for, or None if it asks for none."""
    folded = " ".join(fold(question).split())
    for figure, pattern in _ASKED:
        if pattern.search(folded):
            return figure
    return None


def counted(question: str) -> frozenset[str]:
    """The stems of what a "how many" question counts, if a passage must count that very thing:
    "How many Chinese nationals work in Pakistan?" is not answered by "15,000 troops". Empty if
    it names nothing, or what a list of names may count ("How many countries mediated?": "Qatar
    and Türkiye")."""
    match = _HOW_MANY.search(" ".join(fold(question).split()))
    if match is None:
        return frozenset()
    for word in match.group(1).split()[:_COUNTED_WITHIN]:
        if word in _AUXILIARIES:
            break
        plural = len(word) > 3 and word.endswith("s") and not word.endswith(_NOT_PLURAL)
        if plural or word in _IRREGULAR_PLURALS:
            if word in _ENUMERABLE:
                return frozenset()
            stems = frozenset(tokens(word))
            return stems.union(*(group for group in _COUNTED_ALIKE if stems & group))
    return frozenset()


def _count_ends(text: str, referring: bool = False) -> Iterator[int]:
    """Where each number in digits or words, or vague count ("several rounds"), ends; not "Phase
    Two", a name, nor, unless `referring`, "the two countries", which refers rather than counts."""
    for match in _DIGITS.finditer(text):
        yield match.end()
    for match in _COUNT_WORDS.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()]  # enough for "their "
        opens_sentence = before.rstrip().endswith((".", "!", "?", ":")) or (
            len(before) == match.start() and not before.strip()
        )
        in_a_name = match.group(0)[0].isupper() and not opens_sentence
        if not in_a_name and (referring or not _REFERS.search(before)):
            yield match.end()


def _counts(text: str, of: frozenset[str] = frozenset()) -> bool:
    """Whether `text` counts anything, or, given the stems `of` a thing, that thing: a count with
    the thing's word among the few after it ("about 15,000 troops", "several rounds of talks"; "the
    three eastern rivers" too, which counts what it names)."""
    for end in _count_ends(text, referring=bool(of)):
        if not of or of & set(tokens(" ".join(text[end:].split()[:_COUNTED_WITHIN]))):
            return True
    return False


def states(figure: Figure, text: str, of: frozenset[str] = frozenset()) -> bool:
    """Whether `text` states a figure of the kind asked for; a count, of the thing whose stems
    are `of` if given (`counted`)."""
    if figure == Figure.TOLL:
        sentences = _SENTENCE_END.split(text)
        return any(_counts(sentence) and _HARMED_IN.search(sentence) for sentence in sentences)
    if figure == Figure.VIOLENCE:  # a count in a sentence of violence: not "several rounds of talks"
        sentences = _SENTENCE_END.split(text)
        return any(
            _counts(sentence) and (_VIOLENT_IN.search(sentence) or _HARMED_IN.search(sentence))
            for sentence in sentences
        )
    if figure == Figure.COUNT:
        return any(
            _counts(sentence, of) and not _TOLL_IN.search(sentence) for sentence in _SENTENCE_END.split(text)
        )
    if figure == Figure.MONEY:
        return _MONEY.search(text) is not None
    if figure == Figure.AMOUNT:
        return _AMOUNT.search(text) is not None
    if figure == Figure.EXTENT:
        return _EXTENT.search(text) is not None
    if figure == Figure.CLOCK:
        return _CLOCK.search(text) is not None
    if figure == Figure.DAY:
        return _DAY.search(text) is not None or _MONTH_OR_DAY.search(text) is not None
    if figure == Figure.DUE_DATE:
        dates = (match.group(0) for match in _DATE.finditer(text))
        return any(not _PAST.match(date) for date in dates) or _MONTH_OR_DAY.search(text) is not None
    return _DATE.search(text) is not None or _MONTH_OR_DAY.search(text) is not None
