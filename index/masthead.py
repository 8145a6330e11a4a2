"""The lines above a brief's first paragraph: its byline and date, where no front matter gives them.

A brief saved as text from a web page or a PDF starts with a masthead, on one block or several:

    Securing the Corridor: Chinese Workers and Pakistan's Militancy Problem
    By Sara Malik, Regional Risk Monitor, 12 March 2025

or, as the sample brief, its title, a page number, a series line ("PoliTact's Issue Brief") and
"By Naade Ali", each between blank lines, or labelled lines ("Author: Farah Siddiqui", "Date: 4
February 2025"). Its author and date are read from the byline or a line holding only a date,
and those lines are no paragraphs of the brief (nor section headings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

# Lines of the masthead looked at past the title: enough for a series line, a page number, a
# byline and a date; the first paragraph ends the masthead anyway.
MASTHEAD_LINES = 5
_BYLINE = re.compile(r"^(?:(?:written\s+)?by\s*:?|authors?\s*:)\s*(.+)$", re.IGNORECASE)
_NAME_WORD = r"[A-Z][\w.'’-]*"
_NAMES = re.compile(rf"^{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|al|bin|de|van|von|and|&))*$")
_SEPARATOR = re.compile(r"\s*(?:[,|·•;]|\s[–—-]\s)\s*")
_DATE_TEXT = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?\s+\d{4}"
    r"|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\b"
)
_DATED = re.compile(r"^(?:(?:published|posted|updated|dated?)(?:\s+on)?\s*:?\s*)?(.+)$", re.IGNORECASE)
_SHORT_LINE = 100  # a masthead's lines are short: a longer one is a paragraph's
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%Y-%m-%d")


@dataclass(frozen=True)
class Masthead:
    author: str | None = None
    date: date | None = None


def date_in(text: str) -> date | None:
    """The date `text` is, written as briefs write one ("12 March 2025", "March 12, 2025",
    "Published: Nov. 3rd, 2025", "2025-11-03"); None if it is anything else."""
    written = _DATED.match(text.strip())
    cleaned = " ".join(_ORDINAL.sub("", written.group(1) if written else "").replace(".", " ").split())
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned.replace(" ,", ","), pattern).date()
        except ValueError:
            continue
    return None


def byline_of(line: str) -> Masthead | None:
    """Author and date of a byline ("By Jane Roe", "By Sara Malik, Regional Risk Monitor, 12
    March 2025", "By A. Khan and B. Shah | March 12, 2025", "Author: Farah Siddiqui"); None if
    `line` is none. What else it holds (a post, an outlet) is left out: nothing tells which."""
    match = _BYLINE.match(line.strip())
    if not match:
        return None
    rest, dated = match.group(1), None
    for written in _DATE_TEXT.finditer(rest):
        if dated := date_in(written.group(0)):
            rest = rest[: written.start()] + rest[written.end() :]
            break
    author = _SEPARATOR.split(rest.strip(" ,|·•;–—-"), maxsplit=1)[0].strip()
    if not _NAMES.match(author) or len(author.split()) > 8 or author.split()[-1] in ("and", "&"):
        return None
    return Masthead(author, dated)


def is_masthead_line(line: str) -> bool:
    """Whether `line` is a byline or a date alone, which the masthead reads and the body drops."""
    return byline_of(line) is not None or date_in(line) is not None


def read_masthead(blocks: list[str]) -> tuple[Masthead, set[int]]:
    """The author and date found in the first MASTHEAD_LINES of `blocks`, and the indexes of the
    blocks they were read from. A block is read if it is one line, or several short lines of
    which one is a byline or a date ("Policy Brief No. 14 | Water Desk" / "Author: Farah
    Siddiqui" / "Date: 4 February 2025"): the whole block is then the masthead's."""
    author, dated, used = None, None, set()
    for number, block in enumerate(blocks[:MASTHEAD_LINES]):
        lines = block.split("\n")
        if any(len(line) > _SHORT_LINE for line in lines) or (
            len(lines) > 1 and not any(map(is_masthead_line, lines))
        ):
            break  # the first paragraph: the masthead is above it
        for line in lines:
            if author is None and (byline := byline_of(line)):
                author, dated, used = byline.author, dated or byline.date, used | {number}
            elif dated is None and (found := date_in(line)):
                dated, used = found, used | {number}
    return Masthead(author, dated), used
