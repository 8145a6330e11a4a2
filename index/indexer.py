"""Building a generation from the corpus: parse, chunk, embed what is new, write, publish, report."""

from __future__ import annotations

import fcntl
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from index.acronyms import with_long_forms
from index.actors import (
    DISCOVERY_VERSION,
    REGISTRY_FILE,
    Actor,
    RegistryError,
    build_actor_index,
    read_registry,
)
from index.cache import EmbeddingCache
from index.chunking import passages_of
from index.corpus import CorpusScan, scan_corpus
from index.embedding import Embedder
from index.errors import BriefbotError, ReindexBusyError
from index.lexical import LexicalIndex
from index.models import IndexReport, Passage
from index.sentences import clauses
from index.store import Store, StoredBrief, check_manifest

# stage ("parsing", "embedding", "writing"), done, total
IndexProgress = Callable[[str, int, int], None]
CACHE_FILE = "embeddings.sqlite"


@contextmanager
def reindex_lock(index_dir: Path) -> Iterator[None]:
    """One reindex at a time per index folder, across processes (an flock dies with its process)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(index_dir / "reindex.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise ReindexBusyError("a reindex is already running; try again when it ends") from error
        yield
    finally:
        os.close(fd)


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    embedder: Embedder,
    *,
    rebuild: bool = False,
    progress: IndexProgress | None = None,
    scan: CorpusScan | None = None,
    split_long: bool = True,
    approximate: bool | None = None,
) -> IndexReport:
    """Bring the index of `index_dir` up to date with `corpus_dir`; publish only if anything changed.

    `scan` replaces reading `corpus_dir` (a BEIR dataset); `split_long=False` keeps paragraphs whole;
    `approximate` forces the vector index kind (default: by size, see index/vectors.py).
    """
    started = time.perf_counter()
    with reindex_lock(index_dir):
        store = Store(index_dir)
        store.clean()
        scan = scan or scan_corpus(corpus_dir)
        if progress:
            progress("parsing", len(scan.briefs), len(scan.briefs))
        previous, previous_registry = _previous_hashes(store, embedder.model_name)
        registry, registry_hash, notes = _registry(corpus_dir)
        current = {b.brief_id: b.content_hash for b in scan.briefs}
        added = tuple(sorted(set(current) - set(previous)))
        removed = tuple(sorted(set(previous) - set(current)))
        changed = tuple(sorted(i for i in current if i in previous and previous[i] != current[i]))
        unchanged = len(current) - len(added) - len(changed)
        registry_changed = registry_hash != previous_registry
        if (
            store.exists()
            and not rebuild
            and not (added or removed or changed)
            and previous
            and not registry_changed
        ):
            return IndexReport(
                unchanged=unchanged,
                skipped=scan.skipped,
                notes=notes,
                passages=0,
                seconds=time.perf_counter() - started,
                generation=store.current_name() or "",
                published=False,
            )
        if rebuild:
            added, changed, removed, unchanged = tuple(sorted(current)), (), (), 0

        cache = EmbeddingCache(index_dir / CACHE_FILE)
        added_before = store.added_dates()
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        passages: list[Passage] = []
        lexical_texts: list[str] = []  # what BM25 reads: the text, acronyms' long forms added
        stored_briefs: list[StoredBrief] = []
        for brief in scan.briefs:
            brief_passages = passages_of(brief, split_long)
            lexical_texts.extend(with_long_forms([p.text for p in brief_passages]))
            stored_briefs.append(
                StoredBrief(
                    brief.meta,
                    brief.content_hash,
                    brief.sections,
                    len(brief_passages),
                    added_before.get(brief.brief_id) or now,
                )
            )
            passages.extend(brief_passages)

        texts = [p.text for p in passages]  # what the model reads of each passage
        units, owner, sentence_of_unit = _evidence_units(passages)
        # One call for passages and sentences, so the model sees them all sorted by length.
        embedded = cache.embed(embedder, texts + units, _stage(progress, "embedding"))
        passage_vectors, unit_vectors = embedded.vectors[: len(texts)], embedded.vectors[len(texts) :]
        passages_embedded = int(embedded.fresh[: len(texts)].sum())
        if progress:
            progress("writing", 0, 1)
        lexical = LexicalIndex.build(lexical_texts)
        actors = build_actor_index(passages, registry)
        reread = [i for i in changed if _file_hash(previous[i]) == _file_hash(current[i])]
        if reread:  # the same files, read into other paragraphs or details (corpus.PARSE_VERSION)
            notes += (f"{len(reread)} unchanged brief file(s) read anew by this version",)
        if registry_changed and previous:
            same_rules = previous_registry.split(":")[0] == registry_hash.split(":")[0]
            notes += (
                f"{REGISTRY_FILE} changed: actors rebuilt"
                if same_rules
                else "actors and words found anew by this version",
            )
        name = store.write(
            model=embedder.model_name,
            dimension=embedder.dimension,
            briefs=stored_briefs,
            passages=passages,
            passage_vectors=passage_vectors,
            unit_vectors=unit_vectors,
            unit_owner=owner,
            unit_sentence=sentence_of_unit,
            lexical=lexical,
            actors=actors,
            registry_hash=registry_hash,
            approximate=approximate,
        )
        store.clean()
        if progress:
            progress("writing", 1, 1)
        return IndexReport(
            added=added,
            changed=changed,
            removed=removed,
            unchanged=unchanged,
            skipped=scan.skipped,
            passages=len(passages),
            embedded=passages_embedded,
            reused=len(texts) - passages_embedded,
            seconds=time.perf_counter() - started,
            generation=name,
            notes=notes,
        )


def _file_hash(content_hash: str) -> str:
    """A brief's content hash without the parse version it was read with ("p2:<sha256>")."""
    return content_hash.rpartition(":")[2]


def _stage(progress: IndexProgress | None, stage: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(stage, done, total)


def _evidence_units(passages: list[Passage]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Each passage's sentences and their clauses, with the passage row and sentence of each."""
    units: list[str] = []
    owner: list[int] = []
    sentence_of_unit: list[int] = []
    for row, passage in enumerate(passages):
        for number, sentence in enumerate(passage.sentences()):
            for unit in (sentence, *clauses(sentence)):
                units.append(unit)
                owner.append(row)
                sentence_of_unit.append(number)
    return units, np.asarray(owner, dtype=np.int32), np.asarray(sentence_of_unit, dtype=np.int32)


def registry_hash(corpus_dir: Path) -> str:
    """The actor registry's hash, prefixed by the discovery version: actors found by other rules
    are rebuilt too."""
    path = corpus_dir / REGISTRY_FILE
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    return f"v{DISCOVERY_VERSION}:{digest}"


def _registry(corpus_dir: Path) -> tuple[list[Actor], str, tuple[str, ...]]:
    """The actor registry, its hash (`registry_hash`), and a note if it is broken (discovery
    still runs)."""
    digest = registry_hash(corpus_dir)
    try:
        return read_registry(corpus_dir), digest, ()
    except RegistryError as error:
        return [], digest, (f"{error}; actors found by discovery only",)


def _previous_hashes(store: Store, model: str) -> tuple[dict[str, str], str]:
    """Brief and registry hashes of the published generation; empty when there is none or it
    is unusable."""
    try:
        name, manifest = store.read_manifest()
        check_manifest(manifest, model, None)
        store.check_files(name, manifest)
    except BriefbotError:  # a missing, broken, older or other-model index: build everything
        return {}, ""
    return dict(manifest.get("brief_hashes", {})), str(manifest.get("registry_hash", ""))
