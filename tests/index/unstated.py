"""The shape every "what no close passage states" rule is tested in (figures, leaders, the next
meeting): the question abstains and says why, a question about the same passages asking for no
such thing is answered, and once a brief states it the same question is answered with it."""

from __future__ import annotations

from pathlib import Path

from bot.text import answer_json, answer_text
from index.engine import Engine


def abstains_until_a_brief_states_it(
    engine: Engine,
    corpus: Path,
    question: str,
    unstated: str,
    reason: str,
    answered_instead: str,
    brief: str,
    stated: str,
) -> None:
    """`question` abstains with `unstated` and `reason` in its text; `answered_instead` is answered;
    after `brief` (Markdown) joins the corpus, `question` is answered with a passage holding
    `stated` among the first three."""
    answer = engine.ask(question)
    assert answer.abstained and answer.hits == ()
    assert answer.unstated == unstated
    assert reason in answer_text(answer)
    assert answer_json(answer) == {"question": question, "abstained": True, "hits": []}
    assert not engine.ask(answered_instead).abstained
    (corpus / "stated.md").write_text(brief, encoding="utf-8")
    engine.reindex()
    answer = engine.ask(question)
    assert not answer.abstained
    assert any(stated in hit.passage.text for hit in answer.hits[:3])
