from datetime import date
from pathlib import Path

import pytest

from index.corpus import BriefFormatError, CorpusDrift, corpus_drift, parse_brief, read_brief, scan_corpus
from index.sentences import sentence_spans
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


def test_a_plain_text_masthead_gives_title_author_and_date():
    raw = (
        b"Securing the Corridor: Chinese Workers and Pakistan's Militancy Problem\n"
        b"By Sara Malik, Regional Risk Monitor, 12 March 2025\n\n"
        b"Context\nA suicide attack near Besham killed five Chinese nationals.\n\n"
        b"Outlook\nPhase Two is likely to stall.\n"
    )
    brief = parse_brief(raw, "cpec", suffix=".txt")
    assert brief.meta.title == "Securing the Corridor: Chinese Workers and Pakistan's Militancy Problem"
    assert (brief.meta.author, brief.meta.date) == ("Sara Malik", date(2025, 3, 12))
    # Each heading right above its paragraph, with no blank line between them.
    assert [(p.section, p.text) for p in brief.paragraphs] == [
        ("Context", "A suicide attack near Besham killed five Chinese nationals."),
        ("Outlook", "Phase Two is likely to stall."),
    ]


def test_a_byline_below_a_series_line_and_a_page_number_is_read():
    # The sample brief as saved from its page: title, page number, series line, byline.
    raw = (
        "The Fragile Truce\n\n7\n\nPoliTact’s Issue Brief\n\nBy Naade Ali\n\nPublished: Nov. 3rd, 2025\n\n"
        "Context\n\nAfter several rounds of talks, the ceasefire was extended.\n"
    ).encode()
    brief = parse_brief(raw, "truce", suffix=".txt")
    assert (brief.meta.author, brief.meta.date) == ("Naade Ali", date(2025, 11, 3))
    assert [(p.section, p.text) for p in brief.paragraphs] == [
        ("Context", "After several rounds of talks, the ceasefire was extended.")
    ]


def test_a_masthead_of_labelled_lines_and_numbered_headings():
    raw = (
        b"WATER AND CONFLICT IN THE KABUL RIVER BASIN\n\n"
        b"Policy Brief No. 14 | South Asia Water Desk\nAuthor: Farah Siddiqui\nDate: 4 February 2025\n\n"
        b"1. Introduction\n\nThe Kabul River rises in the Hindu Kush and flows east into Pakistan,\n"
        b"where it joins the Indus near Attock.\n\n"
        b"IV. Recommendations\n\nBy 2026, Islamabad and Kabul should set up a working group.\n\n"
        b"By Jane Roe\n"  # below the first paragraph: a line of the brief, not its byline
    )
    brief = parse_brief(raw, "water", suffix=".txt")
    assert (brief.meta.author, brief.meta.date) == ("Farah Siddiqui", date(2025, 2, 4))
    assert [(p.section, p.text[:22]) for p in brief.paragraphs] == [
        ("1. Introduction", "The Kabul River rises "),
        ("IV. Recommendations", "By 2026, Islamabad and"),
    ]


def test_a_list_is_a_paragraph_whose_items_are_sentences():
    raw = (
        b"# Findings\n\n- The Taliban plan a dam on the Kunar River.\n- Pakistan fears reduced flows\n"
        b"  for farmers\n* Neither side has proposed a joint commission\n\nA - B is no list.\n"
    )
    listed, plain = parse_brief(raw, "t").paragraphs
    assert listed.text == (
        "The Taliban plan a dam on the Kunar River. Pakistan fears reduced flows for farmers. "
        "Neither side has proposed a joint commission."
    )
    assert len(sentence_spans(listed.text)) == 3
    assert plain.text == "A - B is no list."


def test_a_sites_navigation_under_the_brief_is_dropped():
    # The sample brief as saved from its page ends so.
    raw = (
        "Title\n\nThe ceasefire will remain fragile.\n\nRelated Articles:\n\n"
        "Afghanistan’s Strategic Outlook – Aug 18, 2025\nPakistan’s Afghan Dilemma And TTP – Feb 22, 2023\n\n"
        "Previous articleFrom Oslo To Trump’s Abraham Accords\nNext articleThe Unbroken Alliance\n\n"
        "A closing paragraph after the links is kept.\n"
    ).encode()
    assert [p.text for p in parse_brief(raw, "t", suffix=".txt").paragraphs] == [
        "The ceasefire will remain fragile.",
        "A closing paragraph after the links is kept.",
    ]


def test_front_matter_wins_over_the_masthead_whose_byline_is_still_no_paragraph():
    raw = b"---\nauthor: Naade Ali\ndate: 2025-11-03\n---\n# Title\n\nBy N. Ali, 1 May 2020\n\nA paragraph.\n"
    brief = parse_brief(raw, "t")
    assert (brief.meta.title, brief.meta.author, brief.meta.date) == ("Title", "Naade Ali", date(2025, 11, 3))
    assert [(p.section, p.text) for p in brief.paragraphs] == [(None, "A paragraph.")]


def test_the_first_line_of_a_wrapped_paragraph_is_no_heading():
    raw = (
        b"Title\n\nThe Taliban rejected Asif's\ncharacterization, insisting that\nthe TTP is "
        b"internal.\n\nBy then the talks\nhad failed.\n"
    )
    brief = parse_brief(raw, "t", suffix=".txt")
    assert [(p.section, p.text) for p in brief.paragraphs] == [
        (None, "The Taliban rejected Asif's characterization, insisting that the TTP is internal."),
        (None, "By then the talks had failed."),
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


def test_front_matter_as_site_generators_write_it():
    raw = (
        b"---\ntitle: >\n  Gwadar's Water\n  Crisis\ndate: 2025-11-03T10:00:00+05:00\ndraft: false\n"
        b"tags:\n  - Pakistan\n  - Balochistan\nauthors: [\"Malik, Sara\", 'Omar Khan']\n"
        b"publisher:\n  - PoliTact\nmenu:\n  main:\n    weight: 2\n---\nThe plant has run below capacity.\n"
    )
    meta = parse_brief(raw, "gwadar").meta
    assert meta.title == "Gwadar's Water Crisis" and meta.date.isoformat() == "2025-11-03"
    assert meta.author == "Malik, Sara, Omar Khan" and meta.publisher == "PoliTact"


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
        (b"---\n  - an item under no key\n---\nText here.", "not 'key: value'"),
        (b"---\ndate: yesterday\n---\nText here.", "YYYY-MM-DD"),
    ],
)
def test_unreadable_briefs_say_why(raw, reason):
    with pytest.raises(BriefFormatError, match=reason):
        parse_brief(raw, "bad")


def test_a_utf16_brief_with_its_byte_order_mark_is_read():
    raw = "Doha Talks\n\nContext\n\nThe talks in Doha went on — for “days”.\n".encode("utf-16")
    brief = parse_brief(raw, "word-unicode-text", suffix=".txt")
    assert brief.meta.title == "Doha Talks" and [(p.section, p.text) for p in brief.paragraphs] == [
        ("Context", "The talks in Doha went on — for “days”.")
    ]
    with pytest.raises(BriefFormatError, match="save it as UTF-8"):
        parse_brief(b"caf\xe9", "latin-1")


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


def test_drift_names_the_briefs_added_changed_and_removed_since_a_scan(tmp_path: Path):
    (tmp_path / "kept.md").write_text("A paragraph that stays.")
    (tmp_path / "edited.md").write_text("A paragraph before the edit.")
    (tmp_path / "gone.md").write_text("A paragraph soon removed.")
    indexed = {b.brief_id: b.content_hash for b in scan_corpus(tmp_path).briefs}
    assert corpus_drift(tmp_path, indexed) == CorpusDrift() and not corpus_drift(tmp_path, indexed)
    (tmp_path / "edited.md").write_text("A paragraph after the edit.")
    (tmp_path / "gone.md").unlink()
    (tmp_path / "new.txt").write_text("A new brief.")
    (tmp_path / "broken.md").write_bytes(b"\x00\xff")  # the index would skip it: no change to take in
    drift = corpus_drift(tmp_path, indexed)
    assert drift == CorpusDrift(added=("new",), changed=("edited",), removed=("gone",))
    (tmp_path / "kept.meta.toml").write_text('title = "Kept, retitled"\n')  # a sidecar is part of it
    assert corpus_drift(tmp_path, indexed).changed == ("edited", "kept")
    assert corpus_drift(tmp_path / "missing", indexed) == CorpusDrift()
