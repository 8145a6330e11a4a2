"""/briefs, /brief info, and the admin commands: permissions, uploads, removal, reindex."""

import asyncio

import pytest

from tests.bot.fake_discord import ADMIN, GUILD_ID, MEMBER, ROLE_ADMIN
from tests.conftest import SAMPLE_BRIEF_ID

NEW_BRIEF = b"---\ntitle: Water Talks\ndate: 2025-10-01\n---\n\n## Context\n\nThe Indus waters dispute.\n"


def option(name, value, kind=3):
    return {"name": name, "type": kind, "value": value}


def upload(fake, name, data):
    attachment = fake.serve_file(name, data)
    return [option("file", attachment["id"], kind=11)], {"attachments": {attachment["id"]: attachment}}


async def add(fake, name, data, member=ADMIN, replace=None):
    options, resolved = upload(fake, name, data)
    if replace is not None:
        options.append(option("replace", replace, kind=5))
    return await fake.slash(
        "brief", [{"name": "add", "type": 1, "options": options}], member=member, resolved=resolved
    )


async def test_briefs_lists_and_info_shows_sections(harness):
    reply = await harness.fake.reply(await harness.fake.slash("briefs"))
    assert "The Fragile Truce" in reply["embeds"][0]["description"]
    assert "13 passages" in reply["embeds"][0]["description"]
    record = await harness.fake.slash(
        "brief", [{"name": "info", "type": 1, "options": [option("brief", SAMPLE_BRIEF_ID)]}]
    )
    embed = (await harness.fake.reply(record))["embeds"][0]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Author"] == "Naade Ali" and fields["Publisher"] == "PoliTact"
    assert "The Future of Ceasefire" in fields["Sections"]


async def test_briefs_pages(harness, corpus):
    for number in range(12):
        (corpus / f"extra-{number:02}.md").write_text(f"# Extra {number:02}\n\nText {number}.\n")
    await asyncio.to_thread(harness.bot.engine.reindex)
    reply = await harness.fake.reply(await harness.fake.slash("briefs"))
    assert reply["embeds"][0]["footer"]["text"] == "Page 1 of 2"
    next_button = reply["components"][0]["components"][1]["custom_id"]
    clicked = await harness.fake.click(reply, next_button)
    await harness.fake.wait_until(lambda: clicked.callbacks)
    page = clicked.callbacks[0]
    assert page["type"] == 7  # the list message is edited in place
    assert page["data"]["embeds"][0]["footer"]["text"] == "Page 2 of 2"


@pytest.mark.parametrize(
    "command",
    [
        ("reindex", []),
        ("brief", [{"name": "remove", "type": 1, "options": [option("brief", SAMPLE_BRIEF_ID)]}]),
    ],
)
async def test_non_admin_is_refused_and_nothing_changes(harness, corpus, command):
    before = sorted(p.name for p in corpus.iterdir())
    generation = harness.bot.engine.generation.name
    reply = await harness.fake.reply(await harness.fake.slash(*command, member=MEMBER))
    assert "Only admins" in reply["content"] and reply["flags"] & 64
    assert sorted(p.name for p in corpus.iterdir()) == before
    assert harness.bot.engine.generation.name == generation


async def test_non_admin_upload_is_refused(harness, corpus):
    reply = await harness.fake.reply(await add(harness.fake, "water.md", NEW_BRIEF, member=MEMBER))
    assert "Only admins" in reply["content"]
    assert not (corpus / "water.md").exists()


async def test_admin_role_adds_a_brief_and_it_is_indexed(harness, corpus):
    record = await add(harness.fake, "Water Talks.md", NEW_BRIEF, member=ROLE_ADMIN)
    await harness.fake.wait_until(lambda: any(m.get("embeds") for m in record.messages()))
    report = [m for m in record.messages() if m.get("embeds")][-1]["embeds"][0]
    assert report["title"] == "Added water-talks.md"
    assert "**1** added" in report["description"]
    assert (corpus / "water-talks.md").read_bytes() == NEW_BRIEF
    answer = harness.bot.engine.ask("Indus waters dispute")
    assert answer.hits[0].brief.brief_id == "water-talks"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("../../evil.md", b"\xff\xfe not utf8", "not UTF-8"),
        ("notes.exe", b"text", "not a brief"),
        ("empty.md", b"", "empty"),
        ("broken.md", b"---\ntitle: x\n", "front matter"),
    ],
)
async def test_bad_upload_is_refused_with_nothing_written(harness, corpus, tmp_path, name, data, reason):
    before = sorted(p.name for p in corpus.iterdir())
    record = await add(harness.fake, name, data)
    await harness.fake.wait_until(lambda: any(reason in (m.get("content") or "") for m in record.messages()))
    assert sorted(p.name for p in corpus.iterdir()) == before
    assert not (tmp_path / "evil.md").exists()


async def test_oversize_upload_is_refused_before_download(harness, corpus):
    harness.bot.settings.max_upload_bytes = 1000
    reply = await harness.fake.reply(await add(harness.fake, "big.md", b"x" * 5000))
    assert "limit is 1,000" in reply["content"]
    assert not (corpus / "big.md").exists()


async def test_existing_brief_needs_replace(harness, corpus):
    await harness.fake.reply(await add(harness.fake, "water.md", NEW_BRIEF))
    await harness.fake.wait_until(lambda: not harness.bot.reindexer.running)
    changed = NEW_BRIEF.replace(b"Indus", b"Helmand")
    record = await add(harness.fake, "water.md", changed)
    await harness.fake.wait_until(
        lambda: any("already exists" in (m.get("content") or "") for m in record.messages())
    )
    assert (corpus / "water.md").read_bytes() == NEW_BRIEF
    record = await add(harness.fake, "water.md", changed, replace=True)
    await harness.fake.wait_until(lambda: any(m.get("embeds") for m in record.messages()))
    assert (corpus / "water.md").read_bytes() == changed
    assert list((corpus / ".removed").iterdir())  # the old version is kept aside, not lost


async def test_remove_brief(harness, corpus):
    record = await harness.fake.slash(
        "brief", [{"name": "remove", "type": 1, "options": [option("brief", SAMPLE_BRIEF_ID)]}], member=ADMIN
    )
    await harness.fake.wait_until(lambda: any(m.get("embeds") for m in record.messages()))
    assert SAMPLE_BRIEF_ID not in harness.bot.engine.generation.briefs
    assert not (corpus / f"{SAMPLE_BRIEF_ID}.md").exists()
    assert list((corpus / ".removed").iterdir())


async def test_reindex_reports_progress_then_the_result(harness, corpus):
    (corpus / "new.md").write_text("# New\n\nA new paragraph about Doha.\n")
    record = await harness.fake.slash("reindex", member=ADMIN)
    await harness.fake.wait_until(lambda: any(m.get("embeds") for m in record.edits))
    progress = [e["content"] for e in record.edits if e.get("content")]
    assert progress and all(p.startswith("Reindexing…") for p in progress)
    report = record.edits[-1]["embeds"][0]
    assert report["title"] == "Reindex finished"
    assert "**1** added" in report["description"] and "**1** embedded" in report["description"]


async def test_second_reindex_is_refused_and_questions_still_answered(harness, corpus, monkeypatch):
    engine = harness.bot.engine
    release = asyncio.Event()
    loop = asyncio.get_running_loop()
    original = engine.reindex

    def slow_reindex(**kwargs):
        asyncio.run_coroutine_threadsafe(release.wait(), loop).result(timeout=10)
        return original(**kwargs)

    monkeypatch.setattr(engine, "reindex", slow_reindex)
    first = await harness.fake.slash("reindex", member=ADMIN)
    await harness.fake.wait_until(lambda: harness.bot.reindexer.running)
    second = await harness.fake.reply(await harness.fake.slash("reindex", member=ADMIN))
    assert "already running" in second["content"] and second["flags"] & 64
    question = await harness.fake.slash("ask", [option("question", "Qatar mediated negotiations")])
    answer = await harness.fake.reply(question)
    assert "¶1" in answer["embeds"][0]["fields"][0]["name"]
    release.set()
    await harness.fake.wait_until(lambda: any(m.get("embeds") for m in first.edits))


async def test_whatsnew_lists_recent_briefs_with_lead_and_actors(harness, corpus):
    fake = harness.fake
    await fake.reply(
        await add(
            fake,
            "water.md",
            NEW_BRIEF.replace(
                b"The Indus waters dispute.", b"Islamabad and New Delhi argue over the Indus waters."
            ),
        )
    )
    await fake.wait_until(lambda: not harness.bot.reindexer.running)
    reply = await fake.reply(await fake.slash("whatsnew"))
    embed = reply["embeds"][0]
    names = [f["name"] for f in embed["fields"]]
    assert names[0].startswith("Water Talks · added ") and len(names) == 2  # newest first
    water = embed["fields"][0]["value"]
    assert water.startswith("Islamabad and New Delhi argue over the Indus waters.")
    assert "Actors: Pakistan, India" in water or "Actors: India, Pakistan" in water
    command_id = next(c["id"] for c in fake.commands[str(GUILD_ID)] if c["name"] == "brief")
    assert f"</brief info:{command_id}> brief: `water`" in water
    later = await fake.reply(await fake.slash("whatsnew", [option("since", "2999-01-01")]))
    assert "No new briefs" in later["embeds"][0]["description"]
    bad = await fake.reply(await fake.slash("whatsnew", [option("since", "yesterday")]))
    assert "YYYY-MM-DD" in bad["content"] and bad["flags"] & 64


async def test_pdf_upload_is_indexed_with_pages(harness, corpus, tmp_path):
    from tests.index.test_formats import LONG, make_pdf

    pdf = make_pdf(tmp_path / "indus.pdf", [["Context", LONG], ["Outlook", "Political will decides."]])
    record = await add(harness.fake, "indus.pdf", pdf.read_bytes())
    await harness.fake.wait_until(lambda: any(m.get("embeds") for m in record.messages()))
    assert (corpus / "indus.pdf").exists()
    answer = await harness.fake.reply(
        await harness.fake.slash(
            "ask", [option("question", "hydro-power disputes World Bank mediation"), option("brief", "indus")]
        )
    )
    assert "¶1 · p. 1" in answer["embeds"][0]["fields"][0]["name"]
