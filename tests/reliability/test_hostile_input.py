"""Hostile briefs, questions and uploads: each refused or handled with a reason, nothing lost."""

import random
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import render
from index.corpus import scan_corpus
from index.engine import Engine
from index.errors import QuestionError
from index.library import UploadRejectedError, add_brief, safe_file_name
from tests.fakes import FakeEmbedder


def hostile_files(rng: random.Random) -> dict[str, bytes]:
    """At least 100 bad or extreme files, by kind."""
    files: dict[str, bytes] = {}
    for n in range(15):
        files[f"binary-{n}.md"] = bytes(rng.randrange(256) for _ in range(200)) + b"\x00"
    for n in range(15):
        files[f"latin1-{n}.txt"] = ("Caf\xe9 " * (n + 1)).encode("latin-1")
    for n in range(10):
        files[f"empty-{n}.md"] = b" \n\t\n" * n
    for n in range(15):
        files[f"frontmatter-{n}.md"] = rng.choice(
            [
                b"---\ntitle: never closed\n\nBody.",
                b"---\nno colon here\n---\nBody.",
                b"---\ndate: 31/12/2024\n---\nBody.",
                b"---\n: empty key\n---\nBody.",
            ]
        )
    for n in range(10):
        files[f"nul-{n}.md"] = b"Looks like text\x00but is not." * (n + 1)
    for n in range(10):
        files[f"only-numbers-{n}.md"] = "\n\n".join(str(rng.randrange(1000)) for _ in range(20)).encode()
    for n in range(10):
        files[f"bad-utf8-{n}.md"] = b"Valid start \xc3\x28 invalid continuation " * (n + 1)
    for n in range(10):
        files[f"huge-{n}.md"] = b"x" * (5_000_001 + n)
    for n in range(10):  # a UTF-16 mark, then text cut in the middle of a character
        files[f"utf16-cut-{n}.txt"] = f"A brief saved as UTF-16 number {n}.".encode("utf-16") + b"\x00"
    for n in range(3):  # valid: Word's "Unicode Text"
        files[f"utf16-{n}.txt"] = f"A brief saved as UTF-16 number {n}.".encode("utf-16")
    files["one-megabyte-line.md"] = (
        " ".join(rng.choice(["talks", "ceasefire", "Kabul", "border"]) for _ in range(200_000))
    ).encode()[:1_000_000]
    files["thousands-of-headings.md"] = "".join(
        f"## Heading {n}\n\nParagraph {n}.\n\n" for n in range(3000)
    ).encode()
    files["control-chars.md"] = (
        "# T\n\nText with \x07 bell and \x1b escape and \u202e RTL override.\n".encode()
    )
    return files


def test_a_hundred_hostile_briefs_are_reported_and_good_ones_indexed(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    files = hostile_files(random.Random(3))
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    (corpus / "good.md").write_text("# Good\n\nQatar and Türkiye mediated the talks.\n")
    scan = scan_corpus(corpus)
    reasons = {s.path: s.reason for s in scan.skipped}
    indexed = {b.source_file for b in (brief.meta for brief in scan.briefs)}
    assert indexed | set(reasons) == set(files) | {"good.md"}
    for prefix, word in (
        ("binary", "binary"),
        ("latin1", "UTF-8"),
        ("empty", "empty"),
        ("frontmatter", "front matter"),
        ("nul", "binary"),
        ("only-numbers", "empty"),
        ("bad-utf8", "UTF-8"),
        ("huge", "too large"),
        ("utf16-cut", "not UTF-8 or UTF-16"),
    ):
        bad = [name for name in files if name.startswith(prefix)]
        assert all(word in reasons[name] for name in bad), prefix
    assert {"good.md", "one-megabyte-line.md", "thousands-of-headings.md", "control-chars.md"} <= indexed
    assert {"utf16-0.txt", "utf16-1.txt", "utf16-2.txt"} <= indexed
    engine = Engine(corpus, tmp_path / "index", FakeEmbedder())
    report = engine.reindex()
    assert len(report.skipped) == len(reasons) >= 100
    assert engine.ask("Qatar Türkiye mediated talks").hits[0].brief.brief_id == "good"
    with capsys.disabled():
        print(
            f"\n  hostile briefs: {len(files)} files tried, {len(reasons)} refused with a reason, "
            f"{len(indexed) - 1} extreme but valid ones indexed beside the good brief"
        )


@pytest.fixture(scope="module")
def hostile_engine(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "brief.md").write_text(
        "---\ntitle: '@everyone <@123> **bold** ``` fence'\nurl: https://example.org/x\n---\n\n"
        "# Section @here\n\nQatar mediated. <@&456> pinged @everyone and `code` with *stars*.\n\n"
        + ("Long paragraph about talks. " * 300)
        + "\n"
    )
    engine = Engine(corpus, folder / "index", FakeEmbedder(), threshold=0.0)
    engine.reindex()
    return engine


QUESTIONS = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "So", "Lo"]), max_size=100),
    st.sampled_from(
        [
            "",
            "   ",
            "x" * 10_000,
            "@everyone what about Qatar?",
            "<@123> <@&456> talks",
            "```\nQatar\n```",
            "**Qatar** __talks__",
            "مرحبا Qatar ؟",
            "🇶🇦 Qatar 🤝 talks",
            "\u202eQatar",
            "Qatar\x00talks",
        ]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=QUESTIONS)
def test_hostile_questions_never_crash_and_replies_stay_in_limits(hostile_engine, question):
    try:
        answer = hostile_engine.ask(question, k=3)
    except QuestionError as error:
        assert any(reason in str(error) for reason in ("empty", "has no words", "characters"))
        text = render.error_text(str(error))
        assert len(text) <= render.CONTENT_LIMIT
        return
    embed = render.answer_embed(answer)
    assert len(embed) <= render.EMBED_TOTAL_LIMIT and len(embed.fields) <= 25
    assert len(embed.title or "") <= render.TITLE_LIMIT
    assert all(
        len(f.value) <= render.FIELD_VALUE_LIMIT and len(f.name) <= render.FIELD_NAME_LIMIT
        for f in embed.fields
    )
    shown = " ".join([embed.title or "", embed.description or ""] + [f.name + f.value for f in embed.fields])
    for ping in ("@everyone", "@here", "<@123>", "<@&456>"):
        assert ping not in shown


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../../etc/passwd.md", None),
        ("..\\..\\evil.txt", None),
        ("/abs/path/brief.md", None),
        ("brief.exe", "not a brief"),
        ("brief", "not a brief"),
        (".md", "no usable file name"),
        ("README.md", "no usable file name"),
        ("???.md", "no usable file name"),
    ],
)
def test_upload_names(name, reason):
    if reason:
        with pytest.raises(UploadRejectedError, match=reason):
            safe_file_name(name)
    else:
        safe = safe_file_name(name)
        assert "/" not in safe and "\\" not in safe and not safe.startswith(".")


def test_uploads_never_write_outside_the_corpus_or_overwrite(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path, _ = add_brief(corpus, "../../outside.md", b"# T\n\nText.\n", max_bytes=10_000)
    assert path.parent == corpus and not (tmp_path / "outside.md").exists()
    with pytest.raises(UploadRejectedError, match="already exists"):
        add_brief(corpus, "outside.md", b"# T\n\nOther text.\n", max_bytes=10_000)
    assert path.read_text() == "# T\n\nText.\n"
    with pytest.raises(UploadRejectedError, match="limit"):
        add_brief(corpus, "big.md", b"x" * 20_000, max_bytes=10_000)
    with pytest.raises(UploadRejectedError, match="UTF-8"):
        add_brief(corpus, "latin.md", "Café".encode("latin-1"), max_bytes=10_000)
    assert sorted(p.name for p in corpus.iterdir()) == ["outside.md"]


def test_random_upload_names_are_always_safe():
    rng = random.Random(11)
    alphabet = string.printable + "éü/\\.."
    for _ in range(500):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))) + rng.choice(
            [".md", ".txt"]
        )
        try:
            safe = safe_file_name(name)
        except UploadRejectedError:
            continue
        assert "/" not in safe and "\\" not in safe and not safe.startswith(".") and ".." not in safe
