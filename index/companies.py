"""Companies: a question asking which companies or firms ("Which American companies are mining in
Pakistan?") is answered only by a passage that names one, or speaks of them as companies ("Chinese
firms suspended work at Dasu").

Such questions score like answerable ones: the passage on "American ventures" in Pakistan's
minerals is close in meaning, and the engine would show it although it names no company. A
company is read from how prose writes one: a capitalised name ending in a word of company ("Barrick
Gold Corporation", "China Road and Bridge Company", "Acme Ltd"), or a word of company before a
capitalised name ("the Chinese firm PowerChina").
"""

from __future__ import annotations

import re

from index.lexical import fold

# What the engine says it did not find (models.Answer.unstated), beside the kinds of figure.
COMPANY = "company"

# "which", "what", then at most three words qualifying the kind ("American", "foreign
# construction"), none a verb: "What sector are American companies investing in?" asks a sector.
# "firm" alone is mostly the adjective: "What firm stance did Haqqani take?"
_VERB = r"(?:are|is|was|were|do|does|did|have|has|had|will|would|can|could|should)\b"
_ASKS = re.compile(
    rf"\b(?:which|what)\s+(?:(?!{_VERB})[\w'’-]+\s+){{0,3}}?"
    r"(?:compan(?:y|ies)|firms|corporations?|businesses|contractors?|conglomerates?)\b"
)
# Companies spoken of by their kind: "Chinese firms", "US companies", "the contractor". "firm"
# alone is left out: "firm resistance", "a firm commitment".
_SPEAKS_OF_KIND = re.compile(
    r"\b(?:compan(?:y|ies)|firms|corporations?|businesses|contractors?|conglomerates?)\b", re.IGNORECASE
)
_NAME = r"[A-Z][\w'’&.-]*"
_NAMES_ONE = re.compile(
    rf"{_NAME}(?:\s+(?:and\s+)?{_NAME})*\s+(?:Inc|Ltd|LLC|plc|PLC|Corp|Limited|Holdings|Enterprises)\b"
    rf"|\b(?i:firm)\s+{_NAME}"
)


def asks_company(question: str) -> bool:
    """Whether a question asks which companies or firms."""
    return _ASKS.search(" ".join(fold(question).split())) is not None


def names_company(text: str) -> bool:
    """Whether `text` names a company or speaks of companies by their kind."""
    return bool(_SPEAKS_OF_KIND.search(text) or _NAMES_ONE.search(text))
