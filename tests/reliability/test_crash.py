"""SIGKILL a reindex at random moments: the index stays the old or the new generation, whole."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from index.corpus import scan_corpus
from index.engine import Engine
from index.store import GENERATIONS, Store
from tests.conftest import ROOT
from tests.fakes import FakeEmbedder

KILLS = 24


def make_corpus(folder: Path, version: int, briefs: int = 30) -> set[str]:
    folder.mkdir(exist_ok=True)
    for number in range(briefs):
        paragraphs = [
            f"Brief {number} version {version} paragraph {p} about talks, ceasefires and "
            f"border posts number {p * number}."
            for p in range(6)
        ]
        (folder / f"brief-{number:02}.md").write_text(f"# Brief {number}\n\n" + "\n\n".join(paragraphs))
    return {f"brief-{number:02}" for number in range(briefs)}


def consistent(index: Path) -> tuple[str, set[str]]:
    """Load what is published and check it whole: counts against the manifest, every vector's row."""
    generation = Store(index).load("fake-bow")
    manifest = generation.manifest
    assert len(generation.passages) == manifest["passages"] == generation.passage_index.ntotal
    assert generation.unit_index.ntotal == manifest["units"] == len(generation.unit_owner)
    assert generation.unit_owner.max() < len(generation.passages)
    assert set(manifest["brief_hashes"]) == set(generation.briefs)
    return generation.name, set(generation.briefs)


def test_sigkill_during_reindex_never_leaves_a_broken_index(tmp_path, capsys):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    ids = make_corpus(corpus, 0)
    Engine(corpus, index, FakeEmbedder()).reindex()
    rng = random.Random(7)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    finished_runs = 0
    moments = []
    for kill in range(KILLS):
        make_corpus(corpus, kill + 1)  # every brief changes: the reindex re-embeds all of it
        before, _ = consistent(index)
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.crash_worker", str(corpus), str(index)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert worker.stdout.readline().strip() == "started"
        moment = rng.uniform(0.0, 0.8)
        moments.append(moment)
        time.sleep(moment)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        finished_runs += worker.stdout.read().strip() == "done"
        after, briefs = consistent(index)
        assert briefs == ids, "a brief went missing"
        if after != before:  # the kill came after the publish: it must be the new corpus, whole
            published = Store(index).load("fake-bow").manifest["brief_hashes"]
            assert published == {b.brief_id: b.content_hash for b in scan_corpus(corpus).briefs}
        # The next run cleans unfinished folders and completes.
        report = Engine(corpus, index, FakeEmbedder()).reindex()
        assert not [p for p in (index / GENERATIONS).iterdir() if p.name.startswith(".tmp-")]
        assert consistent(index)[1] == ids
        assert report.published or report.unchanged == len(ids)
    with capsys.disabled():
        print(
            f"\n  crash test: {KILLS} SIGKILLs at {min(moments):.2f}-{max(moments):.2f} s into a reindex "
            f"({finished_runs} had finished); every time the index loaded whole with all {len(ids)} briefs"
        )
    assert KILLS - finished_runs >= 20  # at least 20 kills landed mid-reindex
