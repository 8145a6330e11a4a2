"""PDF and HTML briefs, generated here: text, paragraphs across line breaks, pages, metadata."""

import io
from datetime import date
from pathlib import Path

import pytest
from fpdf import FPDF

from index.corpus import BriefFormatError, parse_brief, read_brief, scan_corpus
from index.engine import Engine
from tests.fakes import FakeEmbedder

LONG = (
    "The Indus Waters Treaty has survived several wars between the two neighbours. In recent years, "
    "however, disputes over hydro-power projects have grown and the mediation of the World Bank has "
    "been tested repeatedly by both governments, whose engineers disagree about the design of dams."
)


def make_pdf(path: Path, pages: list[list[str]], title: str | None = "Water Diplomacy") -> Path:
    pdf = FPDF()
    if title:
        pdf.set_title(title)
        pdf.set_author("A. Analyst")
    pdf.set_creation_date(__import__("datetime").datetime(2025, 10, 1))
    pdf.set_font("helvetica", size=11)
    for blocks in pages:
        pdf.add_page()
        for block in blocks:
            pdf.multi_cell(0, 6, block)
            pdf.ln(3)
    pdf.output(str(path))
    return path


def test_pdf_paragraphs_pages_and_metadata(tmp_path):
    path = make_pdf(
        tmp_path / "water.pdf",
        [
            [
                "Context",
                LONG,
                "A second paragraph on the Kishanganga and Ratle projects and the neutral "
                "expert appointed to settle technical questions.",
            ],
            [
                "Outlook",
                "The treaty remains the main frame-\nwork for cooperation, but its future depends on "
                "political will in Islamabad and New Delhi.",
            ],
        ],
    )
    brief = read_brief(path)
    assert brief.meta.title == "Water Diplomacy" and brief.meta.author == "A. Analyst"
    assert brief.meta.date == date(2025, 10, 1)
    assert [(p.section, p.page) for p in brief.paragraphs] == [("Context", 1), ("Context", 1), ("Outlook", 2)]
    assert brief.paragraphs[0].text == LONG  # rebuilt across the PDF's line breaks
    assert "main framework for cooperation" in brief.paragraphs[2].text  # hyphenation undone


def test_pdf_citations_carry_the_page(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_pdf(corpus / "water.pdf", [["Context", LONG], ["Outlook", "Political will in Islamabad decides."]])
    engine = Engine(corpus, tmp_path / "index", FakeEmbedder(), threshold=0.1)
    engine.reindex()
    hit = engine.ask("political will Islamabad").hits[0]
    assert (hit.passage.paragraph, hit.passage.page) == (2, 2)
    from bot.text import answer_json

    assert answer_json(engine.ask("political will Islamabad"))["hits"][0]["page"] == 2


def test_pdf_without_text_layer_is_reported(tmp_path, caplog):
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # a drawing, no text: what a scan looks like to a text extractor
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(BriefFormatError, match="no text layer"):
        read_brief(tmp_path / "scan.pdf")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    scan = scan_corpus(tmp_path)
    reasons = {s.path: s.reason for s in scan.skipped}
    assert "no text layer" in reasons["scan.pdf"] and "PDF" in reasons["broken.pdf"]
    # Only the report speaks: pypdf's own repair attempts ("EOF marker not found") are not logged.
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


PAGE = """<!doctype html><html><head><title>Border Talks Stall | Example Institute</title>
<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2025-09-14">
<link rel="canonical" href="https://example.org/briefs/border-talks"></head><body>
<nav><a href="/">Home</a> <a href="/about">About us</a> <a href="/donate">Donate now</a></nav>
<div class="ad">Subscribe to our newsletter for more analysis!</div>
<article><h1>Border Talks Stall</h1>
<h2>Context</h2><p>Negotiators from both capitals met in Doha for a third round of talks on the disputed
border crossings, with Qatar again acting as mediator between the delegations.</p>
<p>The delegations failed to agree on a monitoring mechanism for the crossings, and each side blamed the
other for the deadlock that followed the meeting.</p>
<h2>Outlook</h2><p>Further talks are expected next month, although neither government has confirmed a
date or a venue for the next round of negotiations.</p></article>
<aside><h3>Related Articles</h3><ul><li><a href="/a">Another brief about something else</a></li></ul></aside>
<footer>Copyright Example Institute. All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "border.html"
    path.write_text(PAGE)
    brief = read_brief(path)
    assert brief.meta.title.startswith("Border Talks Stall")
    assert brief.meta.author == "Jane Roe"
    assert brief.meta.date == date(2025, 9, 14)
    assert brief.meta.url == "https://example.org/briefs/border-talks"
    texts = [p.text for p in brief.paragraphs]
    assert any(t.startswith("Negotiators from both capitals met in Doha") for t in texts)
    assert [p.section for p in brief.paragraphs if "Further talks" in p.text] == ["Outlook"]
    joined = " ".join(texts)
    for noise in ("Donate now", "Subscribe to our newsletter", "Related Articles", "Copyright"):
        assert noise not in joined


def test_html_markup_tables_and_note_numbers_read_as_text(tmp_path):
    path = tmp_path / "debt.html"
    path.write_text(
        "<html><head><title>Debt Spiral</title></head><body><article><h1>Debt Spiral</h1>"
        "<p>Pakistan's <strong>circular debt</strong> in the power sector reached Rs 2.6 trillion "
        "in 2024, the ministry said.<sup>1</sup></p>"
        "<table><tr><th>Year</th><th>Debt</th></tr><tr><td>2022</td><td>2.5</td></tr>"
        "<tr><td>2024</td><td>2.6</td></tr></table></article></body></html>"
    )
    texts = [p.text for p in read_brief(path).paragraphs]
    assert texts[0] == (
        "Pakistan's circular debt in the power sector reached Rs 2.6 trillion in 2024, the ministry said."
    )
    assert "Year: 2024; Debt: 2.6." in texts[1]


def test_sidecar_overrides_metadata_and_counts_as_a_change(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "border.html").write_text(PAGE)
    engine = Engine(corpus, tmp_path / "index", FakeEmbedder())
    engine.reindex()
    (corpus / "border.meta.toml").write_text(
        'title = "Doha Border Talks"\ndate = 2025-09-15\npublisher = "Example Institute"\n'
    )
    report = engine.reindex()
    assert report.changed == ("border",) and report.embedded == 0
    meta = engine.generation.briefs["border"].meta
    assert (meta.title, meta.date, meta.publisher) == (
        "Doha Border Talks",
        date(2025, 9, 15),
        "Example Institute",
    )
    (corpus / "border.meta.toml").write_text("title = [broken")
    assert "sidecar is not valid TOML" in engine.reindex().skipped[0].reason


def word_document() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Energy Debt Spiral", 0)
    document.add_paragraph("By Sara Malik, 12 March 2025")
    document.add_heading("Background", 1)
    document.add_paragraph("Pakistan's circular debt in the power sector reached Rs 2.6 trillion in 2024.")
    document.add_paragraph("Line losses of 17 percent", style="List Bullet")
    document.add_paragraph("Unpaid provincial bills", style="List Bullet")
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, [("Year", "Debt"), ("2022", "2.5"), ("2024", "2.6")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_heading("Outlook", 1)
    document.add_paragraph("Without reform, shortages will worsen within a decade.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_brief_reads_with_its_headings_lists_tables_and_byline(tmp_path):
    path = tmp_path / "Energy Debt.docx"
    path.write_bytes(word_document())
    brief = read_brief(path)
    assert brief.brief_id == "energy-debt" and brief.meta.title == "Energy Debt Spiral"
    assert brief.meta.author == "Sara Malik" and brief.meta.date == date(2025, 3, 12)
    assert [(p.section, p.text) for p in brief.paragraphs] == [
        ("Background", "Pakistan's circular debt in the power sector reached Rs 2.6 trillion in 2024."),
        ("Background", "Line losses of 17 percent. Unpaid provincial bills."),
        ("Background", "Year: 2022; Debt: 2.5. Year: 2024; Debt: 2.6."),
        ("Outlook", "Without reform, shortages will worsen within a decade."),
    ]
    with pytest.raises(BriefFormatError, match="not a readable Word document"):
        parse_brief(b"PK\x03\x04 not really a zip", "broken", suffix=".docx")


class BriefWithRunningLines(FPDF):
    """A PDF whose every page carries a running header and a numbered footer, as think tanks'
    briefs do."""

    def header(self):
        self.set_font("helvetica", size=9)
        self.cell(0, 6, "Regional Risk Monitor | Policy Brief No. 12", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self):
        self.set_y(-15)
        self.set_font("helvetica", size=9)
        self.cell(0, 6, f"www.example.org    Page {self.page_no()}")


def test_running_headers_and_footers_are_left_out_of_a_pdfs_paragraphs(tmp_path):
    pdf = BriefWithRunningLines()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    for block in ["Water Diplomacy", "Context"] + [
        f"Paragraph {n}. {LONG} " + "The talks went on for some time, and then " * n + "they ended."
        for n in range(14)
    ]:
        pdf.multi_cell(0, 6, block)
        pdf.ln(3)
    pdf.output(str(tmp_path / "monitor.pdf"))
    brief = read_brief(tmp_path / "monitor.pdf")
    assert brief.meta.title == "Water Diplomacy"  # not the running header
    assert max(p.page for p in brief.paragraphs) >= 3
    joined = " ".join(p.text for p in brief.paragraphs)
    assert "Regional Risk Monitor" not in joined and "www.example.org" not in joined
    # A paragraph running over a page break is whole: "and then" is followed by its own words.
    assert all(p.text.endswith("they ended.") for p in brief.paragraphs)


def test_a_pdf_paragraph_ends_at_the_gap_under_it_even_when_its_last_line_is_full(tmp_path):
    # Two copies of LONG fill their last line to the margin: only the space under it ends them.
    paragraphs = [f"Paragraph {n}. {LONG} {LONG}" for n in range(4)]
    path = make_pdf(tmp_path / "full.pdf", [["Context", *paragraphs]])
    texts = [p.text for p in read_brief(path).paragraphs]
    assert texts == paragraphs
