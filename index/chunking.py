"""Splitting briefs into passages: one per paragraph, long paragraphs cut at sentence boundaries."""

from __future__ import annotations

from index.models import Brief, Passage
from index.sentences import sentence_spans

# all-MiniLM-L6-v2 reads 256 word pieces; a passage much longer than that is only half embedded.
MAX_PASSAGE_WORDS = 220


def passages_of(brief: Brief, split_long: bool = True) -> list[Passage]:
    """The passages of a brief; `split_long=False` keeps each paragraph whole (BEIR documents)."""
    passages: list[Passage] = []
    for number, paragraph in enumerate(brief.paragraphs, start=1):
        parts = _split_long(paragraph.text) if split_long else [paragraph.text]
        for part_number, text in enumerate(parts, start=1):
            suffix = f".{part_number}" if len(parts) > 1 else ""
            passages.append(
                Passage(
                    passage_id=f"{brief.brief_id}#{number}{suffix}",
                    brief_id=brief.brief_id,
                    section=paragraph.section,
                    paragraph=number,
                    text=text,
                    sentence_spans=sentence_spans(text),
                    page=paragraph.page,
                )
            )
    return passages


def _split_long(text: str) -> list[str]:
    if len(text.split()) <= MAX_PASSAGE_WORDS:
        return [text]
    parts: list[str] = []
    current: list[str] = []
    words = 0
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        for piece in _split_words(sentence):
            count = len(piece.split())
            if current and words + count > MAX_PASSAGE_WORDS:
                parts.append(" ".join(current))
                current, words = [], 0
            current.append(piece)
            words += count
    if current:
        parts.append(" ".join(current))
    return parts


def _split_words(sentence: str) -> list[str]:
    """A sentence longer than a passage (a run-on line with no full stop) is cut by words."""
    words = sentence.split()
    if len(words) <= MAX_PASSAGE_WORDS:
        return [sentence]
    return [" ".join(words[i : i + MAX_PASSAGE_WORDS]) for i in range(0, len(words), MAX_PASSAGE_WORDS)]
