"""Reindex self-check: questions whose answers must contain a given text (docs_corpus/checks.jsonl),
run after each publish, with a warning for any check that passed before and fails now."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from index.errors import EmptyIndexError, QuestionError
from index.lexical import fold
from index.models import Answer
from index.search import check_question

CHECKS_FILE = "checks.jsonl"
RESULTS_FILE = "checks-last.json"  # beside the generations: the results of the last run


@dataclass(frozen=True)
class Check:
    question: str
    expect: str


@dataclass(frozen=True)
class CheckResults:
    passed: tuple[str, ...]
    failed: tuple[str, ...]
    regressions: tuple[str, ...]  # passed last time, fail now
    problems: tuple[str, ...]  # lines of checks.jsonl that could not be read

    def notes(self) -> tuple[str, ...]:
        total = len(self.passed) + len(self.failed)
        notes = [f"self-check: {len(self.passed)}/{total} pass"] if total else []
        notes += [f"REGRESSION: '{q}' passed before and fails now" for q in self.regressions]
        notes += [f"self-check fails: '{q}'" for q in self.failed if q not in self.regressions]
        return tuple(notes + list(self.problems))


def read_checks(corpus_dir: Path) -> tuple[list[Check], list[str]]:
    path = corpus_dir / CHECKS_FILE
    if not path.is_file():
        return [], []
    checks, problems = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            question, expect = str(data["question"]), str(data["expect"])
        except (ValueError, KeyError, TypeError):
            problems.append(f'{CHECKS_FILE} line {number} skipped: needs {{"question": …, "expect": …}}')
            continue
        try:
            checks.append(Check(check_question(question), expect))
        except QuestionError as error:
            problems.append(f"{CHECKS_FILE} line {number} skipped: {error}")
    return checks, problems


def passes(answer: Answer, expect: str) -> bool:
    wanted = fold(" ".join(expect.split()))
    return any(wanted in fold(" ".join(hit.passage.text.split())) for hit in answer.hits)


def run_checks(
    corpus_dir: Path, index_dir: Path, ask_many: Callable[[list[str]], list[Answer]]
) -> CheckResults | None:
    """Run the checks (None when there are none) and remember the results for next time."""
    checks, problems = read_checks(corpus_dir)
    if not checks and not problems:
        return None
    try:
        answers = ask_many([c.question for c in checks]) if checks else []
    except EmptyIndexError:  # every brief removed: nothing can pass
        answers = [Answer(c.question, (), True) for c in checks]
    results = {c.question: passes(a, c.expect) for c, a in zip(checks, answers, strict=True)}
    last_path = index_dir / RESULTS_FILE
    try:
        before = json.loads(last_path.read_text())
    except (OSError, ValueError):
        before = {}
    tmp = last_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, ensure_ascii=False))
    tmp.replace(last_path)
    return CheckResults(
        passed=tuple(q for q, ok in results.items() if ok),
        failed=tuple(q for q, ok in results.items() if not ok),
        regressions=tuple(q for q, ok in results.items() if not ok and before.get(q) is True),
        problems=tuple(problems),
    )
