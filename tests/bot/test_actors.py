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


async def test_unknown_actor_gets_did_you_mean(harness):
    reply = await harness.fake.reply(await harness.fake.slash("actor", [option("name", "Haqani")]))
    assert "Did you mean: Sirajuddin Haqqani" in reply["content"] and reply["flags"] & 64


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
