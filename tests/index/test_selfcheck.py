import json

from tests.conftest import SAMPLE_BRIEF_ID


def write_checks(corpus, *checks):
    (corpus / "checks.jsonl").write_text("\n".join(json.dumps(c) for c in checks) + "\n")


def test_checks_pass_and_a_regression_is_flagged(fake_engine, corpus):
    write_checks(
        corpus,
        {"question": "Haqqani interior minister warning", "expect": "If anyone attacks"},
        {"question": "Qatar Türkiye mediated", "expect": "MEDIATED BY QATAR AND TURKIYE"},
    )
    (corpus / "new.md").write_text("# New\n\nUnrelated text.\n")
    report = fake_engine.reindex()
    assert "self-check: 2/2 pass" in report.notes
    brief = corpus / f"{SAMPLE_BRIEF_ID}.md"
    brief.write_text(brief.read_text().replace("If anyone attacks", "Should anyone attack"))
    report = fake_engine.reindex()
    assert "self-check: 1/2 pass" in report.notes
    assert "REGRESSION: 'Haqqani interior minister warning' passed before and fails now" in report.notes


def test_a_check_failing_from_the_start_is_not_a_regression(fake_engine, corpus):
    write_checks(corpus, {"question": "Qatar mediated", "expect": "text that is nowhere"})
    (corpus / "new.md").write_text("# New\n\nUnrelated text.\n")
    notes = fake_engine.reindex().notes
    assert "self-check: 0/1 pass" in notes and "self-check fails: 'Qatar mediated'" in notes
    assert not any(n.startswith("REGRESSION") for n in notes)


def test_bad_check_lines_are_reported(fake_engine, corpus):
    (corpus / "checks.jsonl").write_text(
        '{"question": "Qatar"}\nnot json\n{"question": " ", "expect": "x"}\n'
    )
    (corpus / "new.md").write_text("# New\n\nUnrelated text.\n")
    notes = fake_engine.reindex().notes
    assert any("line 1 skipped" in n for n in notes) and any("line 2 skipped" in n for n in notes)
    assert "checks.jsonl line 3 skipped: the question is empty: ask something about the briefs" in notes


def test_checks_fail_when_every_brief_is_removed(fake_engine, corpus):
    write_checks(corpus, {"question": "Qatar Türkiye mediated", "expect": "mediated by Qatar"})
    (corpus / "new.md").write_text("# New\n\nUnrelated text.\n")
    assert "self-check: 1/1 pass" in fake_engine.reindex().notes
    (corpus / f"{SAMPLE_BRIEF_ID}.md").unlink()
    (corpus / "new.md").unlink()
    report = fake_engine.reindex()
    assert report.passages == 0 and "self-check: 0/1 pass" in report.notes
    assert "REGRESSION: 'Qatar Türkiye mediated' passed before and fails now" in report.notes
