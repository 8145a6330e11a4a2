"""Briefs saved as PDF, as a web page or as a Word document: their text (with PDF page numbers)
and metadata.

PDF through pypdf (paragraphs rebuilt across line breaks and hyphenation); HTML through
trafilatura, which keeps the article and drops navigation, ads and "related articles"; Word
through python-docx, which reads paragraphs, their styles and tables in document order."""

from __future__ import annotations

import io
import logging
import math
import re
import statistics
from collections import Counter

from index.errors import BriefbotError
from index.markdown import table_row

# pypdf logs each repair it attempts on a damaged file ("EOF marker not found") as a warning on
# stderr; the index report already says the file was skipped and why.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# Running headers and footers are looked for among this many lines at the top and at the foot of
# each page.
_RUNNING_ZONE = 2
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.IGNORECASE)


class FormatError(BriefbotError):
    """A PDF, HTML or Word file that yields no usable brief; the message says why."""


def pdf_blocks(raw: bytes) -> tuple[dict[str, str], list[tuple[str, int]]]:
    """Metadata and (paragraph or heading, page) blocks of a PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormatError("the PDF is encrypted: save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise FormatError(f"not a readable PDF ({error.__class__.__name__})") from error
    if not any(text.strip() for text in pages):
        raise FormatError("the PDF has no text layer (a scan?): run OCR on it, then add it again")
    fields = _pdf_metadata(reader)
    return fields, _rebuild_paragraphs(pages, [_lines_before_gaps(page) for page in reader.pages])


def _lines_before_gaps(page) -> set[str]:
    """The lines of a page followed by a vertical gap, where a paragraph ends. The text as laid
    out on the page shows the gap as a blank line, which the text in reading order lacks; it is
    not read for the text itself, since it runs the columns of a two-column page together (where
    its lines are no lines of the text in reading order, and so mark no end). Empty if it cannot
    be laid out."""
    try:
        laid_out = [
            " ".join(line.split()) for line in page.extract_text(extraction_mode="layout").splitlines()
        ]
    except Exception:  # a layout pypdf cannot render: paragraphs end as without it
        return set()
    return {line for line, below in zip(laid_out, laid_out[1:], strict=False) if line and not below}


def _pdf_metadata(reader) -> dict[str, str]:
    fields: dict[str, str] = {}
    info = reader.metadata or {}
    for key, name in (("/Title", "title"), ("/Author", "author")):
        value = info.get(key)
        if value and str(value).strip():
            fields[name] = str(value).strip()
    created = info.get("/CreationDate")
    if created and (match := re.match(r"D?:?(\d{4})(\d{2})(\d{2})", str(created))):
        fields["date"] = "-".join(match.groups())
    return fields


def _rebuild_paragraphs(pages: list[str], gaps: list[set[str]] | None = None) -> list[tuple[str, int]]:
    """Join a PDF's lines back into paragraphs: a paragraph ends at a blank line, at a line
    followed by a vertical gap on its page (`gaps`, per page), or at a short line that ends a
    sentence; a word hyphenated across lines is joined; page numbers dropped; a paragraph running
    over a page break keeps the page it starts on."""
    lengths = [len(line.strip()) for text in pages for line in text.splitlines() if line.strip()]
    # A full line's length: most lines of running text are full, headings and last lines are not.
    typical = statistics.quantiles(lengths, n=10)[-1] if len(lengths) >= 2 else 80
    blocks: list[tuple[str, int]] = []
    current: list[str] = []
    start_page = 1

    def close() -> None:
        nonlocal current
        if current:
            blocks.append((" ".join(current), start_page))
            current = []

    running = _running_lines(pages)
    for number, text in enumerate(pages, start=1):
        lines = _without_running(text, running)
        for index, line in enumerate(lines):
            if not line:
                close()
                continue
            if _PAGE_NUMBER.match(line):
                continue
            following = next((nxt for nxt in lines[index + 1 :] if nxt), "")
            if not current and _looks_like_heading(line, following, typical):
                blocks.append((line, number))
                continue
            if not current:
                start_page = number
            if current and current[-1].endswith("-") and line[:1].islower():
                current[-1] = current[-1][:-1] + line  # "coun-" + "try"
            else:
                current.append(line)
            followed_by_gap = bool(gaps) and " ".join(line.split()) in gaps[number - 1]
            if _SENTENCE_END.search(line) and (len(line) < 0.8 * typical or followed_by_gap):
                close()
    close()
    return blocks


def _running_lines(pages: list[str]) -> set[str]:
    """The lines that open or close most pages (a running header "Regional Risk Monitor | Policy
    Brief No. 12", a footer "www.example.org  Page 3"), as `_running_form` writes them: left in,
    they would cut into every paragraph that runs over a page break, and the header would be read
    as the title."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for text in pages:
        lines, edges = _page_edges(text)
        seen.update({_running_form(lines[index]) for index in edges})
    enough = max(2, math.ceil(len(pages) / 2))
    return {line for line, count in seen.items() if count >= enough}


def _without_running(text: str, running: set[str]) -> list[str]:
    """A page's lines, stripped, without the running lines among its first and last ones."""
    lines, edges = _page_edges(text)
    return [
        line for index, line in enumerate(lines) if index not in edges or _running_form(line) not in running
    ]


def _page_edges(text: str) -> tuple[list[str], set[int]]:
    """A page's lines, stripped, and where its first and last few lines with text are."""
    lines = [line.strip() for line in text.splitlines()]
    filled = [index for index, line in enumerate(lines) if line]
    return lines, set(filled[:_RUNNING_ZONE] + filled[-_RUNNING_ZONE:])


def _running_form(line: str) -> str:
    """A line as it repeats from page to page: its numbers (the page's) left out."""
    return " ".join(re.sub(r"\d+", "#", line.lower()).split())


def _looks_like_heading(line: str, following: str, typical: float) -> bool:
    words = line.split()
    return (
        1 <= len(words) <= 8
        and len(line) < 0.8 * typical
        and line[0].isupper()
        and not _SENTENCE_END.search(line)
        and following[:1].isupper()
    )


def html_text(raw: bytes) -> tuple[dict[str, str], str]:
    """Metadata and the main text (as Markdown) of a saved web page."""
    import trafilatura

    try:
        html = raw.decode("utf-8")
    except UnicodeDecodeError:
        html = raw.decode("latin-1")
    body = (
        trafilatura.extract(
            html, output_format="markdown", include_comments=False, include_tables=True, favor_precision=True
        )
        or ""
    )
    if not body.strip():
        raise FormatError("no article text found in the web page")
    fields: dict[str, str] = {}
    meta = trafilatura.extract_metadata(html)
    if meta is not None:
        for name in ("title", "author", "date", "url"):
            value = getattr(meta, name, None)
            if value and str(value).strip():
                fields[name] = str(value).strip()
        if getattr(meta, "sitename", None):
            fields["publisher"] = str(meta.sitename).strip()
    return fields, body


def docx_blocks(raw: bytes) -> tuple[dict[str, str], list[tuple[str, None]]]:
    """Metadata and blocks of a Word document: a paragraph styled as a heading or title as a "#"
    line, consecutive list items as one list, each table row a sentence of its cells. Of the
    document's properties only the title is read: its author and dates are often the template's
    or the account's, not the brief's (a byline in the text gives them, as in any brief)."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(raw))
        parts = list(document.iter_inner_content())
    except Exception as error:  # a file that is no .docx fails in zipfile, lxml or python-docx
        raise FormatError(f"not a readable Word document ({error.__class__.__name__})") from error
    blocks: list[tuple[str, None]] = []
    items: list[str] = []

    def end_list() -> None:
        if items:
            blocks.append(("\n".join(items), None))
            items.clear()

    for part in parts:
        if isinstance(part, Table):
            end_list()
            header, *rows = [[" ".join(cell.text.split()) for cell in row.cells] for row in part.rows] or [[]]
            if sentences := [sentence for row in rows if (sentence := table_row(header, row))]:
                blocks.append((" ".join(sentences), None))
            continue
        text = " ".join(part.text.split())
        style = (part.style.name if part.style is not None else "").lower()
        if not text:
            end_list()
        elif style.startswith("heading") or style == "title":
            end_list()
            blocks.append((f"# {text}", None))
        elif "list" in style:
            items.append(f"- {text}")
        else:
            end_list()
            blocks.append((text, None))
    end_list()
    title = (document.core_properties.title or "").strip()
    return ({"title": title} if title else {}), blocks
