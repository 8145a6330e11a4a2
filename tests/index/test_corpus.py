from pathlib import Path

import pytest

from index.corpus import BriefFormatError, parse_brief, read_brief, scan_corpus
from tests.conftest import SAMPLE_BRIEF_ID, SAMPLE_CORPUS


def test_sample_brief_metadata_sections_and_paragraphs():
    brief = read_brief(SAMPLE_CORPUS / f"{SAMPLE_BRIEF_ID}.md")
    assert brief.meta.title.startswith("The Fragile Truce Between Pakistan And Afghanistan")
    assert brief.meta.author == "Naade Ali"
    assert brief.meta.publisher == "PoliTact"
    assert brief.sections == ("Context", "Analysis", "The Future of Ceasefire")
    assert len(brief.paragraphs) == 13
    assert brief.paragraphs[0].text.startswith("After several rounds of intensive negotiations")
    assert [p.section for p in brief.paragraphs[:3]] == ["Context", "Context", "Analysis"]
    assert all("Related Articles" not in p.text and "Next article" not in p.text for p in brief.paragraphs)


def test_plain_text_headings_title_and_byline():
    raw = (
        b"A Brief About Things\n\nBy Jane Roe\n\nContext\n\nFirst paragraph of context. It has two "
        b"sentences.\n\nThe Way Ahead\n\nSecond paragraph,\nwrapped over lines.\n\n7\n"
    )
    brief = parse_brief(raw, "things")
    assert brief.meta.title == "A Brief About Things"
    assert brief.meta.author == "Jane Roe"
    assert [(p.section, p.text) for p in brief.paragraphs] == [
        ("Context", "First paragraph of context. It has two sentences."),
        ("The Way Ahead", "Second paragraph, wrapped over lines."),
    ]


def test_markdown_front_matter_and_headings():
    raw = (
        b"---\ntitle: 'Quoted: Title'\ndate: 2025-11-03\nurl: https://example.org/b\n---\n"
        b"## Background\nA paragraph right under its heading.\n\n### Detail ###\n\nAnother one.\n"
    )
    brief = parse_brief(raw, "b")
    assert brief.meta.title == "Quoted: Title"
    assert brief.meta.date.isoformat() == "2025-11-03"
    assert brief.meta.url == "https://example.org/b"
    assert [(p.section, p.text) for p in brief.paragraphs] == [
        ("Background", "A paragraph right under its heading."),
        ("Detail", "Another one."),
    ]


def test_a_sentence_ending_in_a_period_is_never_a_heading():
    brief = parse_brief(b"Title\n\nShort sentence here.\n\nAnother short one.", "t")
    assert [p.text for p in brief.paragraphs] == ["Short sentence here.", "Another short one."]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\x00\x01binary", "binary"),
        (b"caf\xe9 au lait is not utf-8", "not UTF-8"),
        (b"", "empty"),
        (b"   \n\n  \n", "empty"),
        (b"---\ntitle: never closed\n\nText.", "no closing"),
        (b"---\njust a line\n---\nText here.", "not 'key: value'"),
        (b"---\ndate: yesterday\n---\nText here.", "YYYY-MM-DD"),
    ],
)
def test_unreadable_briefs_say_why(raw, reason):
    with pytest.raises(BriefFormatError, match=reason):
        parse_brief(raw, "bad")


def test_scan_reports_bad_files_by_name_and_keeps_the_good(tmp_path: Path):
    (tmp_path / "good.md").write_text("# Good\n\nA perfectly fine paragraph.\n")
    (tmp_path / "binary.md").write_bytes(b"\x00\xff\x00")
    (tmp_path / "latin1.txt").write_bytes("Café".encode("latin-1"))
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "notes.pdf.bak").write_text("ignored: not a brief suffix")
    (tmp_path / "README.md").write_text("# How to add briefs\n\nNot a brief.")
    scan = scan_corpus(tmp_path)
    assert [b.brief_id for b in scan.briefs] == ["good"]
    reasons = {s.path: s.reason for s in scan.skipped}
    assert set(reasons) == {"binary.md", "latin1.txt", "empty.md"}
    assert "binary" in reasons["binary.md"] and "UTF-8" in reasons["latin1.txt"]


def test_two_files_with_the_same_id_keep_the_first(tmp_path: Path):
    (tmp_path / "Same Brief.md").write_text("A paragraph.")
    (tmp_path / "same-brief.txt").write_text("Another paragraph.")
    scan = scan_corpus(tmp_path)
    assert [b.brief_id for b in scan.briefs] == ["same-brief"]
    assert "same brief id" in scan.skipped[0].reason
