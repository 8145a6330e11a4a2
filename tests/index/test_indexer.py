import os
from pathlib import Path

import pytest

from index.engine import Engine
from index.errors import ReindexBusyError
from index.indexer import build_index, reindex_lock
from index.store import Store
from tests.conftest import SAMPLE_BRIEF_ID
from tests.fakes import FakeEmbedder


def write_brief(folder: Path, name: str, paragraphs: list[str], title: str = "A Brief") -> Path:
    path = folder / name
    path.write_text(f"---\ntitle: {title}\n---\n\n" + "\n\n".join(paragraphs) + "\n")
    return path


def first_paragraphs(
    tmp_path: Path, embedder, paragraphs: list[str], question: str, *weightings
) -> list[int]:
    """The paragraph `question` gets first, with each of `weightings`, from a one-brief corpus."""
    corpus = tmp_path / "briefs"
    corpus.mkdir()
    write_brief(corpus, "brief.md", paragraphs)
    engine = Engine(corpus, tmp_path / "index", embedder, threshold=0.0)
    engine.reindex()
    firsts = []
    for weights in weightings:
        engine.weights = weights
        firsts.append(engine.ask(question, k=1).hits[0].passage.paragraph)
    return firsts


def test_first_build_reports_every_brief_added(corpus, tmp_path, fake_embedder):
    report = build_index(corpus, tmp_path / "index", fake_embedder)
    assert report.added == (SAMPLE_BRIEF_ID,)
    assert report.passages == 13 and report.embedded == 13 and report.reused == 0
    assert report.published


def test_unchanged_corpus_publishes_nothing_and_embeds_nothing(fake_engine, fake_embedder):
    before = fake_engine.store.current_name()
    fake_embedder.embedded_texts.clear()
    report = fake_engine.reindex()
    assert not report.published and report.unchanged == 1
    assert fake_embedder.embedded_texts == []
    assert fake_engine.store.current_name() == before


def test_changing_one_paragraph_embeds_exactly_that_paragraph(fake_engine, fake_embedder, corpus):
    (corpus / "checks.jsonl").unlink()  # the self-check would embed its questions too
    path = corpus / f"{SAMPLE_BRIEF_ID}.md"
    text = path.read_text()
    path.write_text(text.replace("Hence, countering terrorism", "Therefore, countering terrorism"))
    fake_embedder.embedded_texts.clear()
    report = fake_engine.reindex()
    assert report.changed == (SAMPLE_BRIEF_ID,)
    assert (report.embedded, report.reused) == (1, 12)
    changed_passages = [t for t in fake_embedder.embedded_texts if "Therefore" in t]
    assert len(changed_passages) == 2  # the paragraph, and the one sentence that changed
    assert len(fake_embedder.embedded_texts) == 2


def test_passage_ids_are_stable_when_other_briefs_change(fake_engine, corpus):
    ids_before = [p.passage_id for p in fake_engine.generation.passages if p.brief_id == SAMPLE_BRIEF_ID]
    write_brief(corpus, "aaa-first.md", ["A new brief sorted before the sample."])
    report = fake_engine.reindex()
    assert report.added == ("aaa-first",)
    ids_after = [p.passage_id for p in fake_engine.generation.passages if p.brief_id == SAMPLE_BRIEF_ID]
    assert ids_after == ids_before
    assert ids_before[0] == f"{SAMPLE_BRIEF_ID}#1"


def test_removed_brief_leaves_the_index(fake_engine, corpus):
    write_brief(corpus, "extra.md", ["Extra brief text."])
    fake_engine.reindex()
    (corpus / "extra.md").unlink()
    report = fake_engine.reindex()
    assert report.removed == ("extra",)
    assert "extra" not in fake_engine.generation.briefs


def test_skipped_files_are_reported_and_the_rest_indexed(fake_engine, corpus):
    (corpus / "broken.md").write_bytes(b"---\ntitle: x\n")
    report = fake_engine.reindex()
    assert [s.path for s in report.skipped] == ["broken.md"]
    assert SAMPLE_BRIEF_ID in fake_engine.generation.briefs


def test_long_paragraphs_are_split_into_cited_parts(corpus, tmp_path, fake_embedder):
    sentence = "This sentence repeats to make one very long paragraph about ceasefires. "
    write_brief(corpus, "long.md", [sentence * 60])
    engine = Engine(corpus, tmp_path / "index", fake_embedder)
    engine.reindex()
    parts = [p for p in engine.generation.passages if p.brief_id == "long"]
    assert len(parts) > 1
    assert {p.paragraph for p in parts} == {1}
    assert [p.passage_id for p in parts] == [f"long#1.{i}" for i in range(1, len(parts) + 1)]


def test_failed_write_keeps_the_published_generation(fake_engine, monkeypatch, fake_embedder, corpus):
    published = fake_engine.store.current_name()
    write_brief(corpus, "new.md", ["Something new."])

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("index.store.faiss.write_index", crash)
    with pytest.raises(OSError):
        fake_engine.reindex()
    assert fake_engine.store.current_name() == published
    leftovers = [p.name for p in fake_engine.store.generations_dir.iterdir() if p.name.startswith(".tmp-")]
    assert leftovers  # the unfinished folder is there until the next run cleans it
    monkeypatch.undo()
    report = fake_engine.reindex()
    assert report.added == ("new",)
    assert not [p for p in fake_engine.store.generations_dir.iterdir() if p.name.startswith(".tmp-")]


def test_a_second_reindex_is_refused_while_one_runs(tmp_path, corpus):
    with reindex_lock(tmp_path / "index"), pytest.raises(ReindexBusyError):
        build_index(corpus, tmp_path / "index", FakeEmbedder())


def test_old_generations_are_cleaned_keeping_the_previous(fake_engine, corpus):
    for number in range(4):
        write_brief(corpus, f"b{number}.md", [f"Brief number {number}."])
        fake_engine.reindex()
    names = sorted(os.listdir(fake_engine.store.generations_dir))
    assert len(names) == 2
    assert fake_engine.store.current_name() in names
    assert Store(fake_engine.index_dir).load("fake-bow").manifest["briefs"] == 5


def test_an_older_format_is_rebuilt_even_when_no_brief_changed(fake_engine, monkeypatch):
    import index.store

    monkeypatch.setattr(index.store, "FORMAT_VERSION", index.store.FORMAT_VERSION + 1)
    report = fake_engine.reindex()
    assert report.published and report.reused == 13 and report.embedded == 0
    assert fake_engine.generation.manifest["format_version"] == index.store.FORMAT_VERSION


def test_new_actor_discovery_rebuilds_the_actors_without_embedding(fake_engine, monkeypatch):
    import index.indexer

    monkeypatch.setattr(index.indexer, "DISCOVERY_VERSION", index.indexer.DISCOVERY_VERSION + 1)
    report = fake_engine.reindex()
    assert report.published and report.reused == 13 and report.embedded == 0
    assert "actors and words found anew by this version" in report.notes
    assert not fake_engine.reindex().published  # once


def test_briefs_read_anew_by_a_new_parser_are_reparsed_without_embedding(fake_engine, monkeypatch):
    import index.corpus

    monkeypatch.setattr(index.corpus, "PARSE_VERSION", index.corpus.PARSE_VERSION + 1)
    report = fake_engine.reindex()
    assert report.published and report.changed and report.embedded == 0
    assert "1 unchanged brief file(s) read anew by this version" in report.notes
    assert not fake_engine.reindex().published  # once


def test_a_reindex_killed_halfway_keeps_what_it_embedded(corpus, tmp_path, monkeypatch):
    import index.cache

    monkeypatch.setattr(index.cache, "SAVE_EVERY", 10)

    class DiesAfterTwoBatches(FakeEmbedder):
        calls = 0

        def embed_batch(self, texts, progress=None):
            self.calls += 1
            if self.calls > 2:
                raise KeyboardInterrupt  # as if the process were stopped here
            return super().embed_batch(texts, progress)

    with pytest.raises(KeyboardInterrupt):
        build_index(corpus, tmp_path / "index", DiesAfterTwoBatches())
    fresh = FakeEmbedder()
    build_index(corpus, tmp_path / "elsewhere", fresh)  # what a build from nothing embeds
    again = FakeEmbedder()
    report = build_index(corpus, tmp_path / "index", again)
    assert report.published
    # The two batches of 10 embedded before the stop were saved and are not embedded again.
    assert len(again.embedded_texts) == len(fresh.embedded_texts) - 20
