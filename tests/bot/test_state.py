"""The feedback store survives a crash of the process writing it."""

import os
import signal
import subprocess
import sys

from bot.state import BotState
from tests.conftest import ROOT

WRITER = """
import os, signal, sys
from bot.state import BotState
from index.models import Answer, SearchFilters
state = BotState(__import__("pathlib").Path(sys.argv[1]))
for n in range(50):
    answer_id = state.record_answer(Answer(f"question {n}", (), True), 42, SearchFilters())
    state.record_vote(answer_id, 42, 1)
print("written", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_feedback_survives_a_killed_process(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", WRITER, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert result.returncode == -signal.SIGKILL and "written" in result.stdout
    state = BotState(tmp_path)
    assert state.answer(50).question == "question 49"
    assert state.votes(50) == {42: 1}
