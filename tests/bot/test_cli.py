"""The command line, end to end on the fake embedder: index report, ask, actors, briefs, watch,
whatsnew."""

import json
import re
from pathlib import Path

import pytest

from bot import cli
from tests.conftest import SAMPLE_BRIEF_ID
from tests.fakes import FakeEmbedder


@pytest.fixture
def run(corpus, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "make_embedder", lambda settings: FakeEmbedder())
    monkeypatch.setenv("BRIEFBOT_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("BRIEFBOT_ABSTENTION_THRESHOLD", "0.3")
    monkeypatch.chdir(tmp_path)

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = cli.main([*argv[:1], "--corpus", str(corpus), "--index", str(tmp_path / "index"), *argv[1:]])
        out = capsys.readouterr()
        return code, out.out, out.err

    return invoke


def test_index_then_one_changed_paragraph(run, corpus):
    code, out, _ = run("index", "--json")
    first = json.loads(out)
    assert code == 0 and first["added"] == [SAMPLE_BRIEF_ID] and first["embedded"] == 13
    path = corpus / f"{SAMPLE_BRIEF_ID}.md"
    path.write_text(path.read_text().replace("Hence, countering", "Therefore, countering"))
    code, out, _ = run("index")
    assert "1 embedded, 12 reused" in out and f"changed: {SAMPLE_BRIEF_ID}" in out


def test_asking_after_an_edit_says_the_index_is_older_than_the_corpus(run, corpus):
    run("index")
    path = corpus / f"{SAMPLE_BRIEF_ID}.md"
    path.write_text(path.read_text().replace("Hence, countering", "Therefore, countering"))
    code, out, err = run("ask", "Qatar Türkiye mediated negotiations", "--json")
    assert code == 0 and json.loads(out)["hits"]
    assert f"changed {SAMPLE_BRIEF_ID}" in err and "`briefbot index`" in err
    run("index")
    code, out, err = run("ask", "Qatar Türkiye mediated negotiations", "--json")
    assert code == 0 and err == ""


def test_asking_after_the_actors_change_says_the_index_is_older(run, corpus, monkeypatch):
    run("index")
    registry = corpus / "actors.toml"
    registry.write_text(
        registry.read_text() + '\n[[actor]]\nname = "Doha talks team"\nkind = "organisation"\n'
    )
    code, _, err = run("actor", "Asif")
    assert code == 0 and "actors.toml edited" in err and "`briefbot index`" in err
    run("index")
    assert run("actor", "Asif")[2] == ""
    # A newer Briefbot finds actors by newer rules: the actors of the index are the old ones.
    monkeypatch.setattr("index.indexer.DISCOVERY_VERSION", 1_000)
    code, _, err = run("actor", "Asif")
    assert code == 0 and "actors are now found by newer rules" in err
    run("index")
    assert run("actor", "Asif")[2] == ""
    # Likewise briefs read by newer rules (index/corpus.py PARSE_VERSION).
    monkeypatch.setattr("index.corpus.PARSE_VERSION", 1_000)
    code, _, err = run("ask", "Qatar Türkiye mediated negotiations")
    assert code == 0 and "briefs are now read by newer rules" in err and "changed" not in err
    run("index")
    assert run("ask", "Qatar Türkiye mediated negotiations")[2] == ""


def test_ask_json_and_errors(run, capsys):
    code, out, err = run("ask", "Qatar Türkiye mediated negotiations", "--json", "-k", "2")
    data = json.loads(out)
    assert code == 0 and len(data["hits"]) == 2 and data["hits"][0]["paragraph"] == 1
    code, out, err = run("ask", "   ")
    assert code == 1 and err.strip() == "briefbot: the question is empty: ask something about the briefs"
    code, out, err = run("ask", "?!")
    assert code == 1 and err.strip() == "briefbot: the question has no words: ask something about the briefs"
    with pytest.raises(SystemExit) as exit_info:
        run("ask", "x", "--since", "soon")
    assert exit_info.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err
    code, out, err = run("ask", "Which countries mediated?", "--brief", "nope")
    assert code == 1 and out == "" and err.startswith("briefbot: no brief 'nope' is indexed")


def test_console_answers_until_an_empty_line(run, monkeypatch):
    import io

    lines = "Qatar Türkiye mediated negotiations\n" + "x" * 2000 + "\n\nnever asked\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    code, out, _ = run("console")
    assert code == 0 and out.startswith("Briefbot console: 1 brief indexed.")
    assert "¶1" in out  # the first question answered with citations
    assert "briefbot: the question is 2,000 characters long" in out  # the second refused, not fatal
    assert "never asked" not in out  # the empty line ended the session


def test_console_suggests_a_question_these_briefs_answer(run, corpus, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    _, out, _ = run("console")
    first_check = json.loads((corpus / "checks.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert out.splitlines()[0].endswith(f"Try: {first_check['question']}")  # the corpus's self-check
    (corpus / "checks.jsonl").unlink()  # without one: the actor the briefs name most
    _, out, _ = run("console")
    assert out.splitlines()[0].endswith("Try: Which briefs mention Pakistan?")


def test_console_commands_beside_questions(run, monkeypatch):
    import io

    lines = (
        f"help\n/actor Haqani\n/actor Asif\n/actors\n/briefs\n/foo\n/actor\n/brief {SAMPLE_BRIEF_ID}\n"
        f"/brief info {SAMPLE_BRIEF_ID}\n/brief nope\n"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    code, out, _ = run("console")
    *replies, at_the_end = out.split("\n? ")[1:]  # the last prompt met Ctrl-D
    assert code == 0 and len(replies) == 10 and not at_the_end.strip()
    assert replies[0].startswith("Ask any question about the briefs, or:\n  /actor NAME")
    assert "Did you mean: Sirajuddin Haqqani" in replies[1]  # said, and the console goes on
    assert replies[2].startswith("Khawaja Muhammad Asif (person)")
    assert replies[3].startswith("Pakistan ") and "13 passages" in replies[3]
    assert SAMPLE_BRIEF_ID in replies[4]
    assert replies[5].startswith("briefbot: no command /foo; help lists them.")
    assert replies[6].startswith("Give a name: /actor")
    assert replies[7] == replies[8] and "sections:\n    Context" in replies[7] and "Naade Ali" in replies[7]
    assert replies[9].startswith("briefbot: no brief 'nope' is indexed; /briefs lists them")


def test_console_answers_a_greeting_or_what_it_can_do_with_its_help(run, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Hi there!\nwhat can you do?\nHi, who mediated?\n"))
    code, out, _ = run("console")
    replies = out.split("\n? ")[1:-1]
    assert code == 0 and len(replies) == 3
    assert all(reply.startswith("Ask any question about the briefs, or:") for reply in replies[:2])
    assert replies[2].startswith("Q: Hi, who mediated?")  # a greeting with a question is a question


def test_console_shows_the_next_passages_of_the_last_question_on_more(run, monkeypatch):
    import io

    lines = "more\nQatar Türkiye mediated negotiations\nmore\nMore!\nmore\nmore\nmore\n"
    lines += "Who won the 2022 World Cup?\nmore\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    code, out, _ = run("console")
    replies = out.split("\n? ")[1:-1]
    assert code == 0 and len(replies) == 9
    assert replies[0] == "Ask a question first: more shows its next passages.\n"
    cited = [re.findall(r"^\[(\d+)\] .*¶(\d+)", reply, re.MULTILINE) for reply in replies[1:6]]
    assert [[int(n) for n, _ in page] for page in cited[:3]] == [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert replies[2].startswith("Q: Qatar Türkiye mediated negotiations (passages from 4)")
    paragraphs = [p for page in cited for _, p in page]
    assert len(paragraphs) == 13 and len(set(paragraphs)) == 13  # every passage once, then no more
    assert replies[6] == "No more passages for this question.\n"
    assert "cannot answer" in replies[7] and replies[8].startswith("Ask a question first")


@pytest.mark.parametrize("ending", ["quit", "Exit", "  q  ", "/quit"])
def test_console_quits_on_a_quit_word_not_asking_it(run, monkeypatch, ending):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{ending}\nnever asked\n"))
    code, out, _ = run("console")
    assert code == 0 and "do not answer" not in out and "never asked" not in out


def test_console_ends_quietly_on_ctrl_c(run, monkeypatch):
    def interrupted(prompt: str) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("builtins.input", interrupted)
    code, out, err = run("console")
    assert code == 0 and "Traceback" not in err and "KeyboardInterrupt" not in err


def test_an_empty_actor_name_says_what_to_give(run):
    code, out, err = run("actor", "  ")
    assert code == 1 and "briefbot: the actor's name is empty: give one" in err


def test_asking_an_empty_corpus_says_to_add_briefs(run, corpus):
    (corpus / f"{SAMPLE_BRIEF_ID}.md").unlink()
    code, out, err = run("ask", "Which countries mediated the talks?")
    assert code == 1 and out == ""
    assert err.strip().endswith(
        "briefbot: no brief is indexed yet: add a brief (a .md, .txt, .pdf, .html or .docx file)"
        " to the corpus and reindex"
    )


def test_bad_settings_are_named_as_they_are_set(run, monkeypatch):
    monkeypatch.setenv("BRIEFBOT_PASSAGES_PER_ANSWER", "abc")
    monkeypatch.setenv("BRIEFBOT_QUESTION_CHANNEL_IDS", "123, general")
    code, out, err = run("ask", "Which countries mediated the talks?")
    assert code == 2 and out == ""
    assert sorted(err.splitlines()) == [
        "briefbot: bad setting BRIEFBOT_PASSAGES_PER_ANSWER='abc': Input should be a valid integer, "
        "unable to parse string as an integer (see .env.example)",
        "briefbot: bad setting BRIEFBOT_QUESTION_CHANNEL_IDS='123, general': Value error, 'general' is "
        "not a Discord id: give numbers separated by commas (see .env.example)",
    ]


def test_a_missing_corpus_folder_is_one_clear_line(run, tmp_path, capsys):
    code = cli.main(["index", "--corpus", str(tmp_path / "nowhere"), "--index", str(tmp_path / "index")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.startswith(f"briefbot: the corpus folder {tmp_path / 'nowhere'} does not exist")


def test_actor_and_actors(run):
    code, out, _ = run("actor", "TTP", "--json")
    data = json.loads(out)
    assert code == 0 and data["name"] == "Tehreek-e-Taliban Pakistan" and data["kind"] == "armed group"
    assert set(data) >= {
        "name",
        "kind",
        "aliases",
        "roles",
        "mentions",
        "briefs",
        "statements",
        "mentioned",
        "co_actors",
        "timeline",
    }
    statements = json.loads(run("actor", "Taliban", "--json")[1])["statements"]
    assert statements[0].keys() == {"text", "brief_id", "paragraph"}  # the actor's own: no "via"
    assert statements[-1]["via"] == "Zabihullah Mujahid, Taliban spokesperson"
    assert "¶3] (via Zabihullah Mujahid, Taliban spokesperson)" in run("actor", "Taliban")[1]
    code, _, err = run("actor", "Haqani")
    assert code == 1 and "Did you mean: Sirajuddin Haqqani" in err and "briefbot actors" not in err
    code, _, err = run("actor", "the mediators")  # nothing close: where every actor is listed
    assert code == 1 and err.strip().endswith("`briefbot actors` lists every actor the briefs name.")
    code, out, _ = run("actors")
    assert code == 0 and out.splitlines()[0].endswith("  13 passages    1 brief")  # Pakistan, in all 13
    assert "   1 passage     1 brief" in out  # one count, one noun, the columns kept
    code, out, _ = run("actors", "--json")
    everyone = json.loads(out)
    assert everyone[0] == {"name": "Pakistan", "kind": "state", "mentions": 13, "briefs": 1}
    code, out, _ = run("actors", "--kind", "armed-group", "--json")
    armed = json.loads(out)
    assert code == 0 and armed == [actor for actor in everyone if actor["kind"] == "armed group"] != []
    code, out, _ = run("actors", "--kind", "person")
    assert code == 0 and out.splitlines()[0].split("  ")[0] in {
        a["name"] for a in everyone if a["kind"] == "person"
    }
    assert run("actors", "--kind", "People")[1] == out  # the plural, in any case
    assert json.loads(run("actors", "--kind", "Armed groups", "--json")[1]) == armed
    with pytest.raises(SystemExit):  # not a kind: argparse says which are
        run("actors", "--kind", "city")


def test_watch_and_whatsnew(run, corpus):
    run("index")
    code, out, _ = run("watch", "add", "--user", "42", "--actor", "Khawaja Asif")
    assert code == 0 and out.strip() == "watch #1: actor khawaja-muhammad-asif"
    assert run("watch", "add", "--phrase", "x")[0] == 2  # no --user
    (corpus / "border.md").write_text("# Border\n\nKhawaja Asif said the Torkham posts would reopen.\n")
    code, out, _ = run("index", "--json")
    assert json.loads(out)["watch_alerts"] == [
        {
            "watch": 1,
            "user_id": 42,
            "kind": "actor",
            "value": "khawaja-muhammad-asif",
            "passages": [{"brief_id": "border", "paragraph": 1}],
        }
    ]
    code, out, _ = run("whatsnew", "--json")
    assert {item["brief_id"] for item in json.loads(out)} == {"border", SAMPLE_BRIEF_ID}
    assert run("watch", "remove", "1", "--user", "42")[0] == 0
    assert run("watch", "list")[1].strip() == "no watches"


def test_briefs_listed_shown_added_and_removed(run, corpus, tmp_path):
    code, out, _ = run("briefs")
    assert code == 0 and out.startswith(SAMPLE_BRIEF_ID) and "13 passages" in out
    code, out, _ = run("brief", "info", SAMPLE_BRIEF_ID, "--json")
    assert json.loads(out)["sections"] == ["Context", "Analysis", "The Future of Ceasefire"]
    code, _, err = run("brief", "info", "nope")
    assert code == 1 and "`briefbot briefs` lists them" in err

    upload = tmp_path / "Border Talks.md"
    upload.write_text("# Border\n\nThe Torkham crossing reopened after the talks.\n")
    code, out, _ = run("brief", "add", str(upload))
    assert code == 0 and out.startswith(f"Added border-talks.md to {corpus}.")
    assert "1 added" in out and "1 embedded, 13 reused" in out
    assert (corpus / "border-talks.md").read_text() == upload.read_text()
    code, _, err = run("brief", "add", str(upload))  # the same id again, without --replace
    assert code == 1 and "set replace to overwrite it" in err
    (tmp_path / "notes.odt").write_bytes(b"PK")
    code, _, err = run("brief", "add", str(tmp_path / "notes.odt"))
    assert code == 1 and "is not a brief" in err and not (corpus / "notes.odt").exists()
    code, _, err = run("brief", "add", str(tmp_path / "missing.md"))
    assert code == 1 and err.startswith("briefbot: cannot read")

    code, out, _ = run("brief", "remove", "border-talks", "--json")
    report = json.loads(out)
    assert code == 0 and report["removed"] == ["border-talks"]
    kept = report["removed_file"]  # moved aside, never deleted
    assert ".removed" in kept and Path(kept).read_text() == upload.read_text()
    assert not (corpus / "border-talks.md").exists()
    assert [b["brief_id"] for b in json.loads(run("briefs", "--json")[1])] == [SAMPLE_BRIEF_ID]


@pytest.mark.parametrize(("setting", "token_passes"), [("true", True), ("false", False)])
def test_late_interaction_setting(run, monkeypatch, setting, token_passes):
    embedder = FakeEmbedder()
    monkeypatch.setattr(cli, "make_embedder", lambda settings: embedder)
    monkeypatch.setenv("BRIEFBOT_LATE_INTERACTION", setting)
    code, out, _ = run("ask", "Qatar Türkiye mediated negotiations", "--json")
    assert code == 0 and json.loads(out)["hits"][0]["paragraph"] == 1
    assert bool(embedder.token_texts) is token_passes


def test_a_reader_that_leaves_early_gets_no_traceback(corpus, tmp_path):
    # `briefbot ask --questions-file ... | head -1`: far more output than a pipe holds, so the
    # command is still writing when the reader goes.
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    script = (
        "import sys\nfrom bot import cli\nfrom tests.fakes import FakeEmbedder\n"
        "cli.make_embedder = lambda settings: FakeEmbedder()\nsys.exit(cli.main(sys.argv[1:]))\n"
    )
    questions = tmp_path / "questions.txt"
    questions.write_text("Which countries mediated the ceasefire negotiations?\n" * 400)
    argv = ["ask", "--questions-file", str(questions), "--json", "-k", "5"]
    argv += ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root), "BRIEFBOT_STATE_DIR": str(tmp_path / "state")}
    pipe = subprocess.PIPE
    process = subprocess.Popen(
        [sys.executable, "-c", script, *argv], cwd=tmp_path, env=env, stdout=pipe, stderr=pipe
    )
    assert process.stdout.readline().startswith(b'{"question"')
    process.stdout.close()
    code = process.wait(timeout=120)
    err = process.stderr.read().decode()
    assert code == 141 and "Traceback" not in err, err
