"""Markdown read as the text a reader sees: headings of every form, emphasis, links, tables and
footnotes, so that passages hold no markup ("**", "[text](url)", "|---|") and a bold line or an
underlined one is a section heading."""

from __future__ import annotations

import re

# A line of "=" (a title) or "-" (a section) right under a line of text (setext headings).
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
# A line alone of "---", "***" or "___" (three or more, spaces between allowed): a rule.
_RULE = re.compile(r"^\s*([-*_])(?:\s*\1){2,}\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_FOOTNOTE = re.compile(r"^[ \t]*\[\^[^\]]+\]:[ \t]*", re.MULTILINE)
_NOTE_MARK = "\x1f"  # a footnote's line, while the rest of the markup is taken out
# "[1]: https://example.org/report": where a reference link points, no text of the brief.
_LINK_DEFINITION = re.compile(r"^\s*\[[^\]^][^\]]*\]:\s*\S+")
_INLINE = [
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),  # comments
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images: nothing to read
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote references: "2024.[^1]"
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links: their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"<br\s*/?>", re.IGNORECASE), " "),
    # A note's number ("2024.<sup>1</sup>"), then the tags a web page's text may keep.
    (re.compile(r"<sup>\s*\[?\w{1,3}\]?\s*</sup>", re.IGNORECASE), ""),
    (re.compile(r"</?(?:sup|sub|span|em|strong|b|i|u|mark|small)\b[^>]*>", re.IGNORECASE), ""),
    (re.compile(r"`([^`]+)`"), r"\1"),  # code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # struck through: still the author's words
]
NOTES = "Notes"


def setext_as_atx(body: str) -> str:
    """Underlined headings ("Background" over "----------") written with "#", as the rest of the
    reading expects. Only a line standing alone that reads as a heading is one: under the last
    line of a paragraph ("... the talks.", then "---"), or with a blank line above, the line of
    "-" or "=" is a rule, and left out."""
    out: list[str] = []
    for line in body.split("\n"):
        underline = _UNDERLINE.match(line)
        if underline and _heading_like(out):
            out[-1] = ("# " if underline.group(1)[0] == "=" else "## ") + out[-1].strip()
            out.append("")  # a heading stands alone
        elif underline or _RULE.match(line):
            out.append("")
        else:
            out.append(line)
    return "\n".join(out)


def _heading_like(lines: list[str]) -> bool:
    """Whether the last of `lines` is a line of its own (a blank line or nothing above it) that
    can be a heading: short, ending like no sentence, no list item, table row or quote."""
    if not lines or not (above := lines[-1].strip()) or (len(lines) > 1 and lines[-2].strip()):
        return False
    return len(above) <= 200 and above[-1] not in ".!?,;:" and not above.startswith(("#", "|", "-", "*", ">"))


def plain_markdown(body: str) -> str:
    """The body of a Markdown brief as text: headings of any form as "#" lines, blockquote marks
    and inline markup removed, each table row a sentence ("Year: 2024; Debt: 2.6."), and the
    footnotes under a heading of their own."""
    # Footnotes marked before their references ("[^1]") are taken out with the rest of the markup.
    text = _FOOTNOTE.sub(_NOTE_MARK, setext_as_atx(body))
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    lines = [re.sub(r"^\s*>\s?", "", line) for line in text.split("\n")]  # a quote reads as its text
    out: list[str] = []
    in_notes = False
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        # A table: a header row with "|", the row of dashes under it, then its rows.
        if "|" in line and number < len(lines) and _TABLE_SEPARATOR.match(lines[number]):
            header, number = _cells(line), number + 1
            out.append("")  # a table is a paragraph of its own
            while number < len(lines) and "|" in lines[number]:
                out.append(table_row(header, _cells(lines[number])))
                number += 1
            out.append("")
        elif _LINK_DEFINITION.match(line):
            continue
        elif line.startswith(_NOTE_MARK):
            if not in_notes and not _last_filled(out).startswith("#"):
                out += ["", f"## {NOTES}", ""]  # unless a heading ("References") is right above
            in_notes = True
            out += ["", line.removeprefix(_NOTE_MARK)]
        else:
            out.append(line)
    return "\n".join(out)


def _cells(row: str) -> list[str]:
    """The cells of a table row, with or without pipes at its ends."""
    row = row.strip()
    return [cell.strip() for cell in row.removeprefix("|").removesuffix("|").split("|")]


def _last_filled(lines: list[str]) -> str:
    return next((line for line in reversed(lines) if line.strip()), "")


def table_row(header: list[str], cells: list[str]) -> str:
    """A table row as a sentence, each cell after its column's header."""
    pairs = [f"{name}: {cell}" if name else cell for name, cell in zip(header, cells, strict=False) if cell]
    row = "; ".join(pairs)
    return row if not row or row.endswith((".", "!", "?")) else f"{row}."
