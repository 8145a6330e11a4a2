"""Generations on disk: written whole in a temporary folder, published by an atomic pointer swap."""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

import faiss
import numpy as np
from scipy import sparse

from index.acronyms import Acronyms, ShortForms
from index.actor_summary import ActorDirectory
from index.actors import ActorIndex
from index.answer_types import AnswerTypes
from index.authors import Authors
from index.conclusion import Conclusions
from index.errors import (
    REBUILD_ADVICE,
    IndexCorruptError,
    IndexFormatError,
    IndexMismatchError,
    IndexMissingError,
)
from index.lexical import LexicalIndex, tokens
from index.models import BriefMeta, Passage, SearchFilters
from index.names import NameChecker
from index.offices import Offices
from index.speakers import Voices
from index.spelling import Speller, english_words
from index.state_names import StateNames
from index.vectors import (
    APPROXIMATE_FROM,
    VectorRows,
    build_unit_store,
    build_vector_index,
    is_exact,
    prepare_loaded,
)

# 8: BM25 reads acronyms' long forms (index/acronyms.py); 7: "I'm" a stop word too; 6: contracted
# stop words ("what's", "didn't"); 5: "states" as "state"
FORMAT_VERSION = 8
POINTER = "CURRENT"
GENERATIONS = "generations"
_TMP_PREFIX = ".tmp-"
_FILES = (
    "briefs.json",
    "passages.jsonl",
    "passages.faiss",
    "units.faiss",
    "unit_owner.npy",
    "unit_sentence.npy",
    "lexical.npz",
    "vocabulary.json",
    "actors.json",
)


@dataclass(frozen=True)
class StoredBrief:
    meta: BriefMeta
    content_hash: str
    sections: tuple[str, ...]
    passage_count: int
    added: str = ""  # when the brief was first indexed (ISO date and time, UTC)


@dataclass
class Generation:
    """A loaded, immutable generation. Readers keep the object they have; reindex makes a new one."""

    name: str
    manifest: dict
    briefs: dict[str, StoredBrief]
    passages: list[Passage]
    passage_index: faiss.Index
    unit_index: faiss.Index
    # Evidence units are a passage's sentences and their longer clauses, grouped by passage.
    unit_owner: np.ndarray  # passage row of each unit
    unit_sentence: np.ndarray  # which sentence of its passage each unit comes from
    unit_start: np.ndarray  # first unit row of each passage (len = passages + 1)
    lexical: LexicalIndex
    actors: ActorIndex

    def __post_init__(self) -> None:
        self.passage_rows = VectorRows(self.passage_index).rows
        self.unit_rows = VectorRows(self.unit_index).rows
        # A compact sentence store is only read back, never searched (index/vectors.py).
        self.search_units = is_exact(self.unit_index) and self.unit_index.ntotal > 0
        self._brief_number = {brief_id: number for number, brief_id in enumerate(self.briefs)}
        self._brief_dates = np.array(
            [brief.meta.date or "NaT" for brief in self.briefs.values()], dtype="datetime64[D]"
        )
        self.passage_brief = np.asarray(
            [self._brief_number[p.brief_id] for p in self.passages], dtype=np.int32
        )

    def admitted_passages(self, filters: SearchFilters) -> np.ndarray:
        """A mask of the passages whose brief `filters` admits: by brief id, and by date (a brief
        without a date is outside every date range). Built per brief, then spread to passages by
        index: np.isin of a million passages against the admitted briefs took about 17 ms a
        question (benchmarks/speed.py, filtered p50 at 1M 45 → 28 ms)."""
        return self.admitted_briefs(filters)[self.passage_brief]

    def admitted_briefs(self, filters: SearchFilters) -> np.ndarray:
        """A mask of the briefs (in the order of `briefs`) that `filters` admits."""
        if filters.brief_ids:
            admitted = np.zeros(len(self.briefs), dtype=bool)
            admitted[[self._brief_number[b] for b in filters.brief_ids if b in self._brief_number]] = True
        else:
            admitted = np.ones(len(self.briefs), dtype=bool)
        # Comparisons with NaT are false: undated briefs drop out once a bound is set.
        if filters.since is not None:
            admitted &= self._brief_dates >= np.datetime64(filters.since, "D")
        if filters.until is not None:
            admitted &= self._brief_dates <= np.datetime64(filters.until, "D")
        return admitted

    @cached_property
    def section_rows(self) -> dict[str, dict[int, list[int]]]:
        """Each section heading, with the passage rows under it in each brief that has it (by the
        brief's number, as in passage_brief), in reading order: for questions asking for a section
        by name ("What does the Analysis section say?") or for a brief's outline."""
        sections: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for row, passage in enumerate(self.passages):
            if passage.section:
                sections[passage.section][int(self.passage_brief[row])].append(row)
        for by_brief in sections.values():
            for rows in by_brief.values():
                rows.sort(key=lambda row: self.passages[row].paragraph)
        return {heading: dict(by_brief) for heading, by_brief in sections.items()}

    @cached_property
    def actor_directory(self) -> ActorDirectory:
        """The actors of this generation, with their mentions grouped for summaries."""
        return ActorDirectory(self.actors, self.passages, self.briefs)

    @cached_property
    def voices(self) -> Voices:
        """Which actors the briefs record as saying or doing anything, for questions asking to hear
        from one that they never do ("What did China's foreign ministry say?")."""
        return Voices(self.actor_directory)

    @cached_property
    def offices(self) -> Offices:
        """Whose offices the briefs name, for questions about an office they name only for others
        ("What did the Taliban's foreign minister say?")."""
        return Offices(self.actor_directory.folded_names(), (passage.text for passage in self.passages))

    @cached_property
    def office_roles(self) -> tuple[tuple[str, frozenset[tuple[str, str | None]]], ...]:
        """Each role that writes an office, as its actor and the offices with their owners if said
        ("Pakistan's Defense Minister" for Khawaja Asif), in the order the briefs give them: read
        once, not at each question that names an office."""
        written = ((role.actor_id, frozenset(self.offices.named(role.text))) for role in self.actors.roles)
        return tuple((actor_id, offices) for actor_id, offices in written if offices)

    @cached_property
    def answer_types(self) -> AnswerTypes:
        """Which actors each passage names, for questions that ask for a kind of actor."""
        return AnswerTypes(self.actors, len(self.passages))

    @cached_property
    def conclusions(self) -> Conclusions:
        """Which passages conclude their brief, for questions about the author's conclusion."""
        return Conclusions(self.passages, self.passage_brief)

    @cached_property
    def authors(self) -> Authors:
        """Who wrote which brief, for questions naming an author ("What does Naade Ali argue?")."""
        return Authors(
            ((brief_id, brief.meta.author) for brief_id, brief in self.briefs.items()), self.lexical
        )

    @cached_property
    def speller(self) -> Speller:
        """Typing slips in questions, read as the briefs' words ("ceasfire" → "ceasefire")."""
        return Speller(self.lexical, self.passages, english_words())

    @cached_property
    def acronyms(self) -> Acronyms:
        """Acronyms no brief writes, read as the names the briefs write in full ("IWT" → "Indus
        Waters Treaty"); an actor's alias counts as written."""
        actors = self.actors.actors.values()
        aliases = (word for actor in actors for name in actor.aliases for word in tokens(name))
        return Acronyms([passage.text for passage in self.passages], self.lexical.vocabulary, aliases)

    @cached_property
    def short_forms(self) -> ShortForms:
        """Names the briefs write as acronyms, read as such in questions ("the corridor project" →
        "the CPEC project")."""
        return ShortForms([passage.text for passage in self.passages], self.lexical)

    @cached_property
    def state_names(self) -> StateNames:
        """States' names no brief writes, read as the ones they write ("Turkey" → "Türkiye")."""
        return StateNames(passage.text for passage in self.passages)

    @cached_property
    def names(self) -> NameChecker:
        """What the briefs of this generation mention, to tell questions about what they never do;
        their titles, authors and publishers too ("In the PoliTact brief, who mediated?")."""
        described = [
            word
            for brief in self.briefs.values()
            for field in (brief.meta.title, brief.meta.author, brief.meta.publisher)
            if field
            for word in tokens(field)
        ]
        passage_briefs = [passage.brief_id for passage in self.passages]
        return NameChecker([*self.lexical.vocabulary, *described], self.actors, passage_briefs)


def _brief_to_json(brief: StoredBrief) -> dict:
    meta = asdict(brief.meta)
    meta["date"] = brief.meta.date.isoformat() if brief.meta.date else None
    return {
        "meta": meta,
        "content_hash": brief.content_hash,
        "sections": list(brief.sections),
        "passage_count": brief.passage_count,
        "added": brief.added,
    }


def _passage_to_json(passage: Passage) -> dict:
    # Field by field: dataclasses.asdict is recursive and takes minutes at a million passages.
    return {
        "passage_id": passage.passage_id,
        "brief_id": passage.brief_id,
        "section": passage.section,
        "paragraph": passage.paragraph,
        "text": passage.text,
        "sentence_spans": passage.sentence_spans,
        "page": passage.page,
    }


def _brief_from_json(data: dict) -> StoredBrief:
    meta = dict(data["meta"])
    meta["date"] = date.fromisoformat(meta["date"]) if meta.get("date") else None
    return StoredBrief(
        BriefMeta(**meta),
        data["content_hash"],
        tuple(data["sections"]),
        int(data["passage_count"]),
        str(data.get("added", "")),
    )


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


class Store:
    """The generations of one index folder."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self.generations_dir = index_dir / GENERATIONS

    def current_name(self) -> str | None:
        try:
            name = (self.index_dir / POINTER).read_text().strip()
        except FileNotFoundError:
            return None
        return name or None

    def exists(self) -> bool:
        return self.current_name() is not None

    def write(
        self,
        *,
        model: str,
        dimension: int,
        briefs: list[StoredBrief],
        passages: list[Passage],
        passage_vectors: np.ndarray,
        unit_vectors: np.ndarray,
        unit_owner: np.ndarray,
        unit_sentence: np.ndarray,
        lexical: LexicalIndex,
        actors: ActorIndex,
        registry_hash: str = "",
        approximate: bool | None = None,
    ) -> str:
        """Write a complete generation and publish it; returns its name."""
        self.generations_dir.mkdir(parents=True, exist_ok=True)
        name = time.strftime("gen-%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]
        tmp = self.generations_dir / f"{_TMP_PREFIX}{name}"
        tmp.mkdir()
        _write(
            tmp / "briefs.json", json.dumps([_brief_to_json(b) for b in briefs], ensure_ascii=False).encode()
        )
        _write(
            tmp / "passages.jsonl",
            "".join(json.dumps(_passage_to_json(p), ensure_ascii=False) + "\n" for p in passages).encode(),
        )
        if approximate is None:
            approximate = len(passages) >= APPROXIMATE_FROM
        faiss.write_index(
            build_vector_index(passage_vectors, dimension, approximate), str(tmp / "passages.faiss")
        )
        faiss.write_index(build_unit_store(unit_vectors, dimension, approximate), str(tmp / "units.faiss"))
        np.save(tmp / "unit_owner.npy", unit_owner.astype(np.int32))
        np.save(tmp / "unit_sentence.npy", unit_sentence.astype(np.int32))
        sparse.save_npz(tmp / "lexical.npz", lexical.weights, compressed=False)
        _write(tmp / "vocabulary.json", json.dumps(lexical.vocabulary, ensure_ascii=False).encode())
        _write(tmp / "actors.json", json.dumps(actors.to_json(), ensure_ascii=False).encode())
        manifest = {
            "format_version": FORMAT_VERSION,
            "model": model,
            "dimension": dimension,
            "briefs": len(briefs),
            "passages": len(passages),
            "units": len(unit_owner),
            "brief_hashes": {b.meta.brief_id: b.content_hash for b in briefs},
            "registry_hash": registry_hash,
            "files": {f: (tmp / f).stat().st_size for f in _FILES},
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        # The manifest is written last: a folder without one was never finished.
        _write(tmp / "manifest.json", json.dumps(manifest, indent=1).encode())
        _fsync_dir(tmp)
        final = self.generations_dir / name
        os.rename(tmp, final)
        _fsync_dir(self.generations_dir)
        self._publish(name)
        return name

    def _publish(self, name: str) -> None:
        pointer_tmp = self.index_dir / f"{POINTER}.tmp"
        _write(pointer_tmp, name.encode())
        os.replace(pointer_tmp, self.index_dir / POINTER)
        _fsync_dir(self.index_dir)

    def clean(self, keep: int = 2) -> list[str]:
        """Remove unfinished folders and all but the newest `keep` published generations."""
        if not self.generations_dir.is_dir():
            return []
        current = self.current_name()
        removed = []
        finished = []
        for path in sorted(self.generations_dir.iterdir()):
            if path.name.startswith(_TMP_PREFIX):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path.name)
            elif path.is_dir() and path.name != current:
                finished.append(path)
        for path in finished[: max(len(finished) - (keep - 1), 0)]:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
        return removed

    def added_dates(self) -> dict[str, str]:
        """When each brief of the published generation was first indexed (empty if unreadable)."""
        name = self.current_name()
        try:
            data = json.loads((self.generations_dir / str(name) / "briefs.json").read_text())
            return {b["meta"]["brief_id"]: str(b.get("added", "")) for b in data}
        except (OSError, ValueError, KeyError, TypeError):
            return {}

    def read_manifest(self) -> tuple[str, dict]:
        name = self.current_name()
        if name is None:
            raise IndexMissingError(f"no index in {self.index_dir} yet: run 'briefbot index' to build it")
        path = self.generations_dir / name / "manifest.json"
        try:
            manifest = json.loads(path.read_text())
        except FileNotFoundError as error:
            raise IndexCorruptError(f"index generation '{name}' has no manifest{REBUILD_ADVICE}") from error
        except (ValueError, UnicodeDecodeError) as error:
            raise IndexCorruptError(f"index manifest of '{name}' is unreadable{REBUILD_ADVICE}") from error
        if not isinstance(manifest, dict):
            raise IndexCorruptError(f"index manifest of '{name}' is not a manifest{REBUILD_ADVICE}")
        return name, manifest

    def load(self, model: str, dimension: int | None = None) -> Generation:
        """Load the published generation, refusing it whole if anything does not match."""
        name, manifest = self.read_manifest()
        folder = self.generations_dir / name
        check_manifest(manifest, model, dimension)
        self.check_files(name, manifest)
        try:
            generation = _read_generation(folder, name, manifest)
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as error:
            raise IndexCorruptError(
                f"index generation '{name}' cannot be read ({error.__class__.__name__}){REBUILD_ADVICE}"
            ) from error
        _check_counts(generation)
        return generation

    def check_files(self, name: str, manifest: dict) -> None:
        """Cheap check that every file the manifest lists is there with its recorded size."""
        folder = self.generations_dir / name
        files = manifest.get("files")
        if not isinstance(files, dict) or set(files) != set(_FILES):
            raise IndexCorruptError(f"index manifest of '{name}' lists the wrong files{REBUILD_ADVICE}")
        for file_name, size in files.items():
            path = folder / file_name
            if not path.is_file():
                raise IndexCorruptError(f"index file {file_name} is missing{REBUILD_ADVICE}")
            if path.stat().st_size != size:
                raise IndexCorruptError(
                    f"index file {file_name} has the wrong size (truncated or edited){REBUILD_ADVICE}"
                )


def check_manifest(manifest: dict, model: str, dimension: int | None) -> None:
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise IndexFormatError(
            f"index format {version} is not the format this version reads ({FORMAT_VERSION}){REBUILD_ADVICE}"
        )
    if manifest.get("model") != model:
        raise IndexMismatchError(
            f"index was built with model '{manifest.get('model')}' but the configured model is "
            f"'{model}': run 'briefbot index --rebuild' or set BRIEFBOT_MODEL back"
        )
    if dimension is not None and manifest.get("dimension") != dimension:
        raise IndexMismatchError(
            f"index vectors have {manifest.get('dimension')} dimensions, the model gives "
            f"{dimension}{REBUILD_ADVICE}"
        )


def _read_generation(folder: Path, name: str, manifest: dict) -> Generation:
    briefs = [_brief_from_json(b) for b in json.loads((folder / "briefs.json").read_text())]
    passages = []
    with open(folder / "passages.jsonl", encoding="utf-8") as handle:
        for line in handle:
            data = json.loads(line)
            data["sentence_spans"] = tuple(tuple(span) for span in data["sentence_spans"])
            passages.append(Passage(**data))
    owner = np.load(folder / "unit_owner.npy")
    starts = np.searchsorted(owner, np.arange(len(passages) + 1)).astype(np.int64)
    lexical = LexicalIndex(
        json.loads((folder / "vocabulary.json").read_text()),
        sparse.load_npz(folder / "lexical.npz").tocsc(),
    )
    return Generation(
        name=name,
        manifest=manifest,
        briefs={b.meta.brief_id: b for b in briefs},
        passages=passages,
        passage_index=prepare_loaded(faiss.read_index(str(folder / "passages.faiss"))),
        unit_index=prepare_loaded(faiss.read_index(str(folder / "units.faiss"))),
        unit_owner=owner,
        unit_sentence=np.load(folder / "unit_sentence.npy"),
        unit_start=starts,
        lexical=lexical,
        actors=ActorIndex.from_json(json.loads((folder / "actors.json").read_text(encoding="utf-8"))),
    )


def _check_counts(generation: Generation) -> None:
    manifest = generation.manifest
    problems = []
    if len(generation.passages) != manifest["passages"]:
        problems.append("passage metadata")
    if generation.passage_index.ntotal != manifest["passages"]:
        problems.append("passage vectors")
    if generation.unit_index.ntotal != manifest["units"]:
        problems.append("unit vectors")
    if not len(generation.unit_owner) == len(generation.unit_sentence) == manifest["units"]:
        problems.append("unit owners")
    if generation.lexical.weights.shape[0] != manifest["passages"]:
        problems.append("lexical index")
    if len(generation.briefs) != manifest["briefs"]:
        problems.append("brief list")
    if problems:
        raise IndexCorruptError(
            f"index generation '{generation.name}' does not match its manifest "
            f"({', '.join(problems)}){REBUILD_ADVICE}"
        )
