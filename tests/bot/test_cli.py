"""The command line, end to end on the fake embedder: index report, ask, actors, watch, whatsnew."""

import json

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


def test_ask_json_and_errors(run, capsys):
    code, out, err = run("ask", "Qatar Türkiye mediated negotiations", "--json", "-k", "2")
    data = json.loads(out)
    assert code == 0 and len(data["hits"]) == 2 and data["hits"][0]["paragraph"] == 1
    code, out, err = run("ask", "   ")
    assert code == 1 and err.strip() == "briefbot: the question is empty: ask something about the briefs"
    with pytest.raises(SystemExit) as exit_info:
        run("ask", "x", "--since", "soon")
    assert exit_info.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err


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
        "co_actors",
        "timeline",
    }
    code, _, err = run("actor", "Haqani")
    assert code == 1 and "Did you mean: Sirajuddin Haqqani" in err
    code, out, _ = run("actors", "--json")
    assert json.loads(out)[0] == {"name": "Pakistan", "kind": "state", "mentions": 13, "briefs": 1}


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


@pytest.mark.parametrize(("setting", "token_passes"), [("true", True), ("false", False)])
def test_late_interaction_setting(run, monkeypatch, setting, token_passes):
    embedder = FakeEmbedder()
    monkeypatch.setattr(cli, "make_embedder", lambda settings: embedder)
    monkeypatch.setenv("BRIEFBOT_LATE_INTERACTION", setting)
    code, out, _ = run("ask", "Qatar Türkiye mediated negotiations", "--json")
    assert code == 0 and json.loads(out)["hits"][0]["paragraph"] == 1
    assert bool(embedder.token_texts) is token_passes
