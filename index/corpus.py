"""Reading briefs from disk: front matter, sections, paragraphs; unreadable files reported, not fatal."""

from __future__ import annotations

import codecs
import hashlib
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from index.errors import CorpusMissingError
from index.formats import FormatError, docx_blocks, html_text, pdf_blocks
from index.markdown import plain_markdown, setext_as_atx
from index.masthead import MASTHEAD_LINES, Masthead, is_masthead_line, read_masthead
from index.models import Brief, BriefMeta, Paragraph, SkippedFile

TEXT_SUFFIXES = (".md", ".txt")
BRIEF_SUFFIXES = (".md", ".txt", ".pdf", ".html", ".htm", ".docx")
SIDECAR_SUFFIX = ".meta.toml"  # "brief.pdf" + "brief.meta.toml": front matter for any format
MAX_BRIEF_BYTES = 5_000_000
# Bump when the same file is read into other paragraphs or metadata, so that the next `briefbot
# index` reads every brief again (2: mastheads, numbered headings, headings right above their
# paragraph, lists, a site's navigation; 3: Markdown's markup, underlined headings, tables, a
# PDF's running headers and footers and the gaps that end its paragraphs).
PARSE_VERSION = 3
# What to do with a text brief in another encoding.
_AS_UTF8 = ": save it as UTF-8 (Save As, encoding UTF-8, in most editors)"
_FRONT_MATTER_KEYS = {"title", "author", "publisher", "date", "url"}
# Other names site generators give the same fields.
_FRONT_MATTER_ALIASES = {"authors": "author", "source_url": "url", "canonical_url": "url"}
_HEADING_MAX_WORDS = 8
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
# What opens a site's navigation under an article: "Related Articles:", "Previous articleFrom Oslo…".
_NAVIGATION = re.compile(
    r"^(?:related\s+(?:articles|posts|stories|reading|content)\b|read\s+(?:more|also|next)\b"
    r"|you\s+(?:may|might)\s+also\s+like|more\s+from\b|(?:previous|next)\s+(?:article|post)|share\s+this\b"
    r"|tags\s*:)",
    re.IGNORECASE,
)
# A line opening a list item: "- ", "* ", "• ", "1. ", "2) ", "a) ".
_ITEM = re.compile(r"(?:^|\n)\s*(?:[-*•·–]|\d{1,2}[.)]|[a-z][.)])\s+")
_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|[IVX]+[.)])\s+")
# A heading's line is at most this share of the line under it when no blank line parts them.
HEADING_OVER_RATIO = 0.6


class BriefFormatError(ValueError):
    """A brief that cannot be read; the message says why, for the index report."""


@dataclass(frozen=True)
class CorpusScan:
    briefs: tuple[Brief, ...]
    skipped: tuple[SkippedFile, ...]


@dataclass(frozen=True)
class CorpusDrift:
    """Briefs whose files differ from the index: what the next `briefbot index` would take in."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    # The actors would be found anew: REGISTRY_EDITED (actors.toml) or RULES_NEWER (the index
    # was built by an earlier version of actor discovery); "" if neither.
    actors: str = ""
    reread: bool = False  # the briefs were read by an earlier version of the reading rules

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.actors or self.reread)


REGISTRY_EDITED = "registry edited"
RULES_NEWER = "rules newer"


def brief_id_for(path: Path) -> str:
    """The id of a brief: its file name without suffix, lower-case, safe for citations and URLs."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return slug or "brief"


def brief_files(corpus_dir: Path) -> list[Path]:
    return sorted(
        p
        for p in corpus_dir.iterdir()
        if p.is_file()
        and p.suffix.lower() in BRIEF_SUFFIXES
        and p.name.lower() != "readme.md"
        and not p.name.startswith(".")
    )


def scan_corpus(corpus_dir: Path) -> CorpusScan:
    """Every readable brief of `corpus_dir`, and every file skipped with its reason."""
    if not corpus_dir.is_dir():
        raise CorpusMissingError(
            f"the corpus folder {corpus_dir} does not exist: create it, or point --corpus "
            "(or BRIEFBOT_CORPUS_DIR) at the folder of briefs"
        )
    briefs: list[Brief] = []
    skipped: list[SkippedFile] = []
    seen_ids: dict[str, str] = {}
    for path in brief_files(corpus_dir):
        try:
            brief = read_brief(path)
        except BriefFormatError as error:
            skipped.append(SkippedFile(path.name, str(error)))
            continue
        if brief.brief_id in seen_ids:
            skipped.append(
                SkippedFile(path.name, f"same brief id '{brief.brief_id}' as {seen_ids[brief.brief_id]}")
            )
            continue
        seen_ids[brief.brief_id] = path.name
        briefs.append(brief)
    return CorpusScan(tuple(briefs), tuple(skipped))


def corpus_drift(corpus_dir: Path, indexed: dict[str, str]) -> CorpusDrift:
    """How the briefs of `corpus_dir` differ from `indexed` (brief id → content hash).

    Only the bytes are compared, so that asking stays fast: a file is parsed only when its id is
    not indexed, to leave out one the index would skip anyway (unreadable, a duplicate id)."""
    if not corpus_dir.is_dir():
        return CorpusDrift()
    added: list[str] = []
    changed: list[str] = []
    seen: set[str] = set()
    for path in brief_files(corpus_dir):
        brief_id = brief_id_for(path)
        if brief_id in seen:
            continue
        try:
            raw, sidecar = _file_bytes(path)
            if brief_id not in indexed:
                parse_brief(raw, brief_id, path.name, path.suffix.lower(), sidecar)
        except BriefFormatError:
            continue
        seen.add(brief_id)
        if brief_id not in indexed:
            added.append(brief_id)
        elif _digest(raw, sidecar) != indexed[brief_id].rpartition(":")[2]:
            changed.append(brief_id)
    removed = sorted(set(indexed) - seen)
    reread = any(digest.partition(":")[0] != _parse_prefix() for digest in indexed.values())
    return CorpusDrift(tuple(added), tuple(changed), tuple(removed), reread=reread)


def read_brief(path: Path) -> Brief:
    raw, sidecar = _file_bytes(path)
    return parse_brief(raw, brief_id_for(path), path.name, path.suffix.lower(), sidecar)


def _file_bytes(path: Path) -> tuple[bytes, bytes | None]:
    """A brief file's bytes and its sidecar's, if it has one."""
    try:
        raw = path.read_bytes()
        sidecar_path = path.with_name(path.stem + SIDECAR_SUFFIX)
        return raw, sidecar_path.read_bytes() if sidecar_path.is_file() else None
    except OSError as error:
        raise BriefFormatError(f"cannot be read: {error.strerror or error}") from error


def _parse_prefix() -> str:
    """The prefix of the content hash of a brief read by these rules (PARSE_VERSION)."""
    return f"p{PARSE_VERSION}"


def _digest(raw: bytes, sidecar: bytes | None) -> str:
    return hashlib.sha256(raw + (b"\0" + sidecar if sidecar is not None else b"")).hexdigest()


def parse_brief(
    raw: bytes, brief_id: str, source_file: str = "", suffix: str = ".md", sidecar: bytes | None = None
) -> Brief:
    """A brief from the bytes of a file of the given suffix, with optional sidecar metadata."""
    if len(raw) > MAX_BRIEF_BYTES:
        raise BriefFormatError(f"too large ({len(raw):,} bytes; the limit is {MAX_BRIEF_BYTES:,})")
    try:
        if suffix == ".pdf":
            fields, blocks = pdf_blocks(raw)
        elif suffix == ".docx":
            fields, blocks = docx_blocks(raw)
        elif suffix in (".html", ".htm"):
            fields, body = html_text(raw)
            blocks = _blocks(plain_markdown(body))
        else:
            fields, blocks = _text_blocks(raw, markdown=suffix != ".txt")
    except FormatError as error:
        raise BriefFormatError(str(error)) from error
    if sidecar is not None:
        fields.update(_sidecar_fields(sidecar))
    title = fields.get("title")
    if blocks and title and _MD_HEADING.match(blocks[0][0]) and blocks[0][0].lstrip("# ").strip() == title:
        blocks.pop(0)  # the title repeated as the first heading
    elif not title and blocks:
        blocks[:1] = _title_apart(blocks[0])
        if _is_single_short_line(blocks[0][0]):
            title = blocks.pop(0)[0].lstrip("# ").strip()
    masthead = _masthead(blocks)
    paragraphs = _paragraphs(_without_navigation(blocks))
    if not paragraphs:
        raise BriefFormatError("empty: no paragraph of text found")
    meta = BriefMeta(
        brief_id=brief_id,
        title=title or brief_id,
        author=fields.get("author") or masthead.author,
        publisher=fields.get("publisher"),
        date=_parse_date(fields.get("date")) or masthead.date,
        url=fields.get("url"),
        source_file=source_file,
    )
    digest = f"{_parse_prefix()}:{_digest(raw, sidecar)}"  # a brief read otherwise is a changed brief
    return Brief(meta, tuple(paragraphs), digest)


def _text_blocks(raw: bytes, markdown: bool) -> tuple[dict[str, str], list[tuple[str, int | None]]]:
    """Front matter and blocks of a text brief; Markdown's markup read as text (index/markdown.py),
    a plain text's underlined headings too."""
    fields, body = _split_front_matter(_decoded(raw).replace("\r\n", "\n").replace("\r", "\n"))
    return fields, _blocks(plain_markdown(body) if markdown else setext_as_atx(body))


def _decoded(raw: bytes) -> str:
    """A text brief's text: UTF-8, or UTF-16 with its byte-order mark (Word's "Unicode Text")."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise BriefFormatError(
                f"not UTF-8 or UTF-16 text (bad bytes at position {error.start}){_AS_UTF8}"
            ) from error
    if b"\x00" in raw:
        raise BriefFormatError("binary file (contains NUL bytes), not a text brief")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BriefFormatError(f"not UTF-8 text (bad byte at position {error.start}){_AS_UTF8}") from error


def _sidecar_fields(raw: bytes) -> dict[str, str]:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise BriefFormatError(f"its {SIDECAR_SUFFIX} sidecar is not valid TOML: {error}") from error
    fields = {k: str(v).strip() for k, v in data.items() if k in _FRONT_MATTER_KEYS and str(v).strip()}
    _parse_date(fields.get("date"))
    return fields


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter's fields and the body after it. The front matter is YAML as site
    generators write it: the keys read are `key: value` lines; a key's value may also be a list
    (`authors: ["A", "B"]`, or "- A" lines under it) or text folded over indented lines
    (`title: >`); other keys' values, of any shape, are skipped."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0 or text[end + 4 : end + 5] not in ("", "\n"):
        raise BriefFormatError("broken front matter: no closing '---' line")
    values: dict[str, list[str]] = {}
    key = ""
    for number, line in enumerate(text[4:end].split("\n"), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t" or line.startswith("- "):  # under the key above: a list item, folded text
            if not key:
                raise BriefFormatError(f"broken front matter: line {number} is not 'key: value'")
            values[key].append(_unquoted(line.strip().removeprefix("- ").strip()))
            continue
        name, sep, value = line.partition(":")
        key = _FRONT_MATTER_ALIASES.get(name.strip().lower(), name.strip().lower())
        if not sep or not re.fullmatch(r"[a-z_-]+", key):
            raise BriefFormatError(f"broken front matter: line {number} is not 'key: value'")
        value = value.strip()
        if value in (">", "|", ">-", "|-"):  # text folded over the lines below
            values[key] = []
        elif value.startswith("[") and value.endswith("]"):  # a list on one line
            values[key] = [
                next(part for part in item if part).strip()
                for item in re.findall(r'\s*(?:"([^"]*)"|\'([^\']*)\'|([^,]+))', value[1:-1])
                if any(part.strip() for part in item)
            ]
        else:
            values[key] = [_unquoted(value)]
    fields = {
        key: (", " if key == "author" else " ").join(item for item in items if item)
        for key, items in values.items()
        if key in _FRONT_MATTER_KEYS
    }
    fields = {key: value for key, value in fields.items() if value}
    _parse_date(fields.get("date"))  # a bad date is a broken brief, reported now
    return fields, text[end + 4 :]


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError as error:
        raise BriefFormatError(f"broken front matter: date '{value}' is not YYYY-MM-DD") from error


def _blocks(body: str) -> list[tuple[str, int | None]]:
    """Blank-line separated blocks (no page numbers); Markdown headings always stand alone."""
    blocks: list[str] = []
    current: list[str] = []
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped or _MD_HEADING.match(stripped):
            if current:
                blocks.append("\n".join(current))
                current = []
            if stripped:
                blocks.append(stripped)
            continue
        current.append(stripped)
    if current:
        blocks.append("\n".join(current))
    return [(block, None) for block in blocks]


def _title_apart(block: tuple[str, int | None]) -> list[tuple[str, int | None]]:
    """A first block of a title and its byline or date on the lines under it ("Securing the
    Corridor" / "By Sara Malik, 12 March 2025"), one block a line; else the block as it is."""
    lines = block[0].split("\n")
    if len(lines) > 1 and all(is_masthead_line(line) for line in lines[1:]):
        return [(line, block[1]) for line in lines]
    return [block]


def _masthead(blocks: list[tuple[str, int | None]]) -> Masthead:
    """The author and date of the masthead that opens the body (index/masthead.py), its blocks
    taken out of `blocks`: a byline is no paragraph, nor a section heading."""
    masthead, used = read_masthead([text for text, _ in blocks[:MASTHEAD_LINES]])
    for number in sorted(used, reverse=True):
        del blocks[number]
    return masthead


def _without_navigation(blocks: list[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """`blocks` without a site's navigation, which a brief saved as text from its web page keeps:
    a marker ("Related Articles:", "Previous article…", "Read more") and the lists of links under
    it, lines that end like no sentence. Only those: a paragraph after them is kept."""
    kept: list[tuple[str, int | None]] = []
    in_navigation = False
    for block, page in blocks:
        lines = [line.strip() for line in block.split("\n")]
        if kept and _NAVIGATION.match(lines[0]):
            in_navigation = True
            continue
        if in_navigation and all(len(line) <= 200 and not line.endswith((".", "!", "?")) for line in lines):
            continue  # the links listed under the marker
        in_navigation = False
        kept.append((block, page))
    return kept


def _is_single_short_line(block: str) -> bool:
    """A first line that can be a title: one line, not too long, not ending like a sentence."""
    return "\n" not in block and len(block) <= 200 and block[-1] not in ".,;:!"


def _heading_of(block: str) -> str | None:
    """The heading text if `block` is a heading: Markdown '#', or a short line such as 'Context'."""
    if match := _MD_HEADING.match(block):
        return match.group(1).strip() or None
    if "\n" in block or len(block) > 80:
        return None
    words = block.split()
    if not 1 <= len(words) <= _HEADING_MAX_WORDS:
        return None
    named = _NUMBERED.sub("", block)  # "2. Key findings", "IV. Outlook"
    if block[-1] in ".!?:;,\"”’'" or not named[:1].isupper():
        return None
    return block


def _heading_over(block: str) -> str | None:
    """The heading on the first line of `block` with no blank line under it ("Context" /
    "A suicide attack on a convoy ..."): a heading's line, much shorter than the next, unlike
    the first line of a paragraph wrapped at a fixed width."""
    first, _, rest = block.partition("\n")
    if not rest or len(first) > HEADING_OVER_RATIO * len(rest.split("\n", 1)[0]):
        return None
    return _heading_of(first)


def _paragraphs(blocks: list[tuple[str, int | None]]) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    section: str | None = None
    for block, page in blocks:
        if (heading := _heading_of(block)) is not None:
            section = heading
            continue
        if (heading := _heading_over(block)) is not None:  # "Context" right above its paragraph
            section, block = heading, block.split("\n", 1)[1]
        text = _listed(block) if _ITEM.match(block) else " ".join(block.split())
        if not re.search(r"[^\W\d_]", text):  # page numbers, separators: no letter at all
            continue
        paragraphs.append(Paragraph(section, text, page))
    return paragraphs


def _listed(block: str) -> str:
    """A list as sentences: each item without its marker, ended like a sentence if it is not,
    so that an item is a sentence of its own ("- Pakistan fears ..." / "- Neither side ...")."""
    items = [" ".join(item.split()) for item in _ITEM.split(block) if item.strip()]
    return " ".join(item if item[-1] in ".!?;:" else f"{item}." for item in items)
