"""Markdown's markup read as text: briefs exported by other tools cite clean paragraphs."""

from index.corpus import parse_brief
from index.markdown import plain_markdown, setext_as_atx

EXPORTED = b"""Energy Debt Spiral
==================

Background
----------

Pakistan's **circular debt** in the *power* sector reached Rs 2.6 trillion in 2024.[^1] See the
[ministry's report](https://example.org/report) and ![a chart](chart.png) `annex_2`.

> The debt grows faster than the economy.

**Key drivers**

- Line losses of 17 percent on average
- Unpaid bills by provincial governments

| Year | Circular debt (Rs trillion) |
|------|:---:|
| 2022 | 2.5 |
| 2024 | 2.6 |

***

A snake_case_word and 2*3*4 stay as written.<!-- an editor's note -->

[^1]: Ministry of Energy figures.
[report]: https://example.org/report "The report"
"""


def test_an_exported_markdown_brief_reads_as_its_text():
    brief = parse_brief(EXPORTED, "energy")
    assert brief.meta.title == "Energy Debt Spiral"  # underlined with "="
    assert brief.sections == ("Background", "Key drivers", "Notes")  # underlined, bold alone, footnotes
    texts = [p.text for p in brief.paragraphs]
    assert texts == [
        "Pakistan's circular debt in the power sector reached Rs 2.6 trillion in 2024. See the "
        "ministry's report and annex_2.",
        "The debt grows faster than the economy.",
        "Line losses of 17 percent on average. Unpaid bills by provincial governments.",
        "Year: 2022; Circular debt (Rs trillion): 2.5. Year: 2024; Circular debt (Rs trillion): 2.6.",
        "A snake_case_word and 2*3*4 stay as written.",
        "Ministry of Energy figures.",
    ]


def test_a_line_of_dashes_under_a_sentence_or_after_a_blank_line_is_a_rule_not_a_heading():
    body = "The talks ended without a deal.\n---\nA second paragraph.\n\n---\n\nA third."
    assert "#" not in setext_as_atx(body)
    brief = parse_brief(body.encode(), "rules")
    assert [p.text for p in brief.paragraphs] == [
        "The talks ended without a deal.",
        "A second paragraph.",
        "A third.",
    ]
    # The last line of a paragraph is no heading, even short: "Context" stays in its paragraph.
    assert "#" not in setext_as_atx("The first line of a paragraph\nContext\n-------")


def test_footnotes_under_a_heading_of_their_own_keep_it():
    text = plain_markdown("Text.[^a]\n\n## References\n\n[^a]: A source.\n[^b]: Another.")
    assert "## Notes" not in text and "[^" not in text and "A source." in text


def test_a_plain_text_brief_takes_underlined_headings_and_keeps_its_asterisks():
    raw = b"Water Stress\n============\n\nFindings\n--------\n\nStorage covers *thirty* days of flow.\n"
    brief = parse_brief(raw, "water", suffix=".txt")
    assert brief.meta.title == "Water Stress" and brief.sections == ("Findings",)
    assert [p.text for p in brief.paragraphs] == ["Storage covers *thirty* days of flow."]


def test_a_table_without_outer_pipes_is_one_and_a_line_with_pipes_alone_is_text():
    text = plain_markdown("Costs rose.\nYear | Debt\n--- | ---\n2024 | 2.6\n\nRisk | reward, as ever.")
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    assert blocks == ["Costs rose.", "Year: 2024; Debt: 2.6.", "Risk | reward, as ever."]
