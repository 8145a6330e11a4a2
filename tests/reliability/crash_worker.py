"""A reindex that a test kills at a random moment: slow fake embedding, then a real publish."""

import sys
import time
from pathlib import Path

from index.indexer import build_index
from tests.fakes import FakeEmbedder


class SlowFakeEmbedder(FakeEmbedder):
    def embed_batch(self, texts, progress=None):
        time.sleep(0.002 * len(texts))
        return super().embed_batch(texts, progress)


if __name__ == "__main__":
    corpus, index = Path(sys.argv[1]), Path(sys.argv[2])
    print("started", flush=True)
    build_index(corpus, index, SlowFakeEmbedder(), rebuild="--rebuild" in sys.argv)
    print("done", flush=True)
