"""/actor, its autocomplete and button, and /actors, through the real client and the fake Discord."""

from tests.bot.test_ask import buttons, option


async def test_actor_summary_embed(harness):
    reply = await harness.fake.reply(await harness.fake.slash("actor", [option("name", "Khawaja Asif")]))
    embed = reply["embeds"][0]
    assert embed["title"] == "Khawaja Muhammad Asif"
    assert "person" in embed["description"] and "Khawaja Asif" in embed["description"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert "Pakistan's Defense Minister" in fields["Roles"]
    statements = fields["Key statements (6)"]
    assert statements.count("• ") == 3 and "¶5*" in statements
    assert "Afghan Taliban government (4)" in fields["Appears with"]
    assert reply["allowed_mentions"] == {"parse": []}
    [more] = buttons(reply)
    page = await harness.fake.reply(await harness.fake.click(reply, more))
    assert page["flags"] & 64
    assert page["embeds"][0]["title"].endswith("statements 4–6 of 6")
    assert not buttons(page)  # nothing left after these


async def test_an_actor_that_never_speaks_or_acts_shows_where_it_is_mentioned(harness):
    reply = await harness.fake.reply(await harness.fake.slash("actor", [option("name", "China")]))
    fields = {f["name"]: f["value"] for f in reply["embeds"][0]["fields"]}
    assert "mounting pressure from China" in fields["Mentioned"] and "¶10*" in fields["Mentioned"]
    # One that speaks shows what it said instead.
    reply = await harness.fake.reply(await harness.fake.slash("actor", [option("name", "Khawaja Asif")]))
    assert "Mentioned" not in {f["name"] for f in reply["embeds"][0]["fields"]}


async def test_statements_made_through_a_spokesperson_say_so(harness):
    reply = await harness.fake.reply(await harness.fake.slash("actor", [option("name", "Taliban")]))
    [more] = buttons(reply)[:1]
    page = await harness.fake.reply(await harness.fake.click(reply, more))
    assert "¶3 · via Zabihullah Mujahid, Taliban spokesperson*" in page["embeds"][0]["description"]


async def test_unknown_actor_gets_did_you_mean(harness):
    reply = await harness.fake.reply(await harness.fake.slash("actor", [option("name", "Haqani")]))
    assert "Did you mean: Sirajuddin Haqqani" in reply["content"] and reply["flags"] & 64
    assert "/actors" not in reply["content"]
    reply = await harness.fake.reply(await harness.fake.slash("actor", [option("name", "the mediators")]))
    assert "/actors lists every actor the briefs name." in reply["content"] and reply["flags"] & 64


async def test_an_actor_asked_for_by_role(harness):
    reply = await harness.fake.reply(
        await harness.fake.slash("actor", [option("name", "Pakistan's defence minister")])
    )
    assert reply["embeds"][0]["title"] == "Khawaja Muhammad Asif"
    reply = await harness.fake.reply(await harness.fake.slash("actor", [option("name", "defence minister")]))
    assert "is the role of more than one actor" in reply["content"] and reply["flags"] & 64
    assert "Mullah Mohammad Yaqoob Mujahid (Afghanistan's Acting Defense Minister" in reply["content"]


async def test_actor_autocomplete_prefix_alias_and_fuzzy(harness):
    async def choices(typed):
        record = await harness.fake.slash(
            "actor", [dict(option("name", typed), focused=True)], autocomplete=True
        )
        await harness.fake.wait_until(lambda: record.callbacks)
        return record.callbacks[0]["data"]["choices"]

    prefix = await choices("Kha")
    assert prefix[0] == {"name": "Khawaja Muhammad Asif", "value": "khawaja-muhammad-asif"}
    alias = await choices("TTP")
    assert alias[0] == {"name": "TTP → Tehreek-e-Taliban Pakistan", "value": "tehreek-e-taliban-pakistan"}
    fuzzy = await choices("Hakqani")
    assert {"name": "Haqqani → Sirajuddin Haqqani", "value": "sirajuddin-haqqani"} in fuzzy
    everything = await choices("")
    assert len(everything) == 25


async def test_actors_list(harness):
    reply = await harness.fake.reply(await harness.fake.slash("actors"))
    embed = reply["embeds"][0]
    assert embed["description"].startswith("**Pakistan** · state · 13 passages")
    assert "Page 1 of" in embed["footer"]["text"]


async def test_actors_of_one_kind(harness):
    reply = await harness.fake.reply(await harness.fake.slash("actors", [option("kind", "person")]))
    embed = reply["embeds"][0]
    assert embed["title"].startswith("People (")
    rows = embed["description"].splitlines()
    assert rows and all(" · person · " in row for row in rows)
    assert reply["allowed_mentions"] == {"parse": []}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


async def test_actor_graph_picture(harness):
    record = await harness.fake.slash(
        "actor", [option("name", "Khawaja Asif"), option("graph", True, kind=5)]
    )
    reply = await harness.fake.reply(record)
    assert record.deferred
    assert reply["embeds"][0]["image"]["url"] == "attachment://actor-network.png"
    [picture] = reply["_files"]
    width, height = png_size(picture["data"])
    assert picture["filename"] == "actor-network.png" and width >= 800 and height >= 500


async def test_timeline_chart_for_dated_briefs(harness, corpus):
    import asyncio

    (corpus / "dated-a.md").write_text(
        "---\ntitle: A\ndate: 2025-10-01\n---\n\nKhawaja Asif warned Kabul again.\n"
    )
    (corpus / "dated-b.md").write_text(
        "---\ntitle: B\ndate: 2025-11-01\n---\n\nKhawaja Asif said talks would "
        "resume.\n\nAsif also met envoys.\n"
    )
    await asyncio.to_thread(harness.bot.engine.reindex)
    reply = await harness.fake.reply(await harness.fake.slash("actor", [option("name", "Asif")]))
    fields = {f["name"]: f["value"] for f in reply["embeds"][0]["fields"]}
    assert fields["Timeline"].startswith("`2025-10-01` Khawaja Asif warned Kabul again.")
    chart = [b for b in buttons(reply) if b.startswith("bb:chart:")]
    assert chart == ["bb:chart:khawaja-muhammad-asif"]
    clicked = await harness.fake.click(reply, chart[0])
    picture = await harness.fake.reply(clicked)
    assert picture["flags"] & 64
    assert picture["_files"][0]["filename"] == "actor-timeline.png"
    assert png_size(picture["_files"][0]["data"])[0] >= 800
