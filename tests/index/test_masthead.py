"""Bylines and dates of a brief's masthead (index/masthead.py)."""

from datetime import date

import pytest

from index.masthead import byline_of, date_in


@pytest.mark.parametrize(
    ("line", "author", "dated"),
    [
        ("By Naade Ali", "Naade Ali", None),
        ("By Sara Malik, Regional Risk Monitor, 12 March 2025", "Sara Malik", date(2025, 3, 12)),
        ("By A. Khan and B. Shah | March 12, 2025", "A. Khan and B. Shah", date(2025, 3, 12)),
        ("By Jane Roe — Nov. 3rd, 2025", "Jane Roe", date(2025, 11, 3)),
        ("by Asif Durrani", "Asif Durrani", None),
        ("Author: Farah Siddiqui", "Farah Siddiqui", None),
        ("Written by Omar Khan, 2025-02-04", "Omar Khan", date(2025, 2, 4)),
    ],
)
def test_a_byline_gives_author_and_date(line, author, dated):
    byline = byline_of(line)
    assert byline is not None and (byline.author, byline.date) == (author, dated)


@pytest.mark.parametrize(
    "line", ["By then, the talks had failed.", "by the editorial board", "By 2025", "Bypass roads", "Context"]
)
def test_a_line_that_names_no_one_is_no_byline(line):
    assert byline_of(line) is None


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("12 March 2025", date(2025, 3, 12)),
        ("March 12, 2025", date(2025, 3, 12)),
        ("Published: Nov. 3rd, 2025", date(2025, 11, 3)),
        ("2025-11-03", date(2025, 11, 3)),
        ("March 2025", None),  # no day: no date to filter on
        ("Context", None),
        ("7", None),
    ],
)
def test_a_date_written_as_briefs_write_one(text, dated):
    assert date_in(text) == dated
