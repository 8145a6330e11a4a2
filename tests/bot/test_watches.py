"""Watchlists through the fake Discord: subscribe, a /brief add publishes matching passages, alerts."""

from bot.state import BotState
from tests.bot.conftest import make_settings, start_bot, stop_bot
from tests.bot.fake_discord import ADMIN, MEMBER, OTHER_CHANNEL_ID, ROLE_ADMIN
from tests.bot.test_ask import option
from tests.bot.test_briefs_admin import add

NEW = (
    b"# Border posts\n\n## Context\n\nKhawaja Asif said the border posts at Torkham would reopen.\n\n"
    b"Trade resumed slowly across the Chaman crossing.\n"
)


async def subscribe(fake, member, **what):
    options = [option(key, value) for key, value in what.items()]
    return await fake.reply(await fake.slash("watch", options, member=member))


async def test_watch_alerts_by_dm_after_an_upload(harness):
    fake = harness.fake
    reply = await subscribe(fake, MEMBER, actor="khawaja-muhammad-asif")
    assert "Watching actor **Khawaja Muhammad Asif** (#1)" in reply["content"] and reply["flags"] & 64
    await subscribe(fake, ROLE_ADMIN, phrase="Chaman crossing")
    await subscribe(fake, ADMIN, phrase="nothing like this anywhere")
    record = await add(fake, "border.md", NEW)
    await fake.wait_until(lambda: len(fake.dm_channels) == 2 and len(fake.channel_messages) >= 2)
    alerts = {
        fake.dm_channels[m["channel_id"]]: m
        for m in fake.channel_messages
        if m["channel_id"] in fake.dm_channels
    }
    assert set(alerts) == {MEMBER.user_id, ROLE_ADMIN.user_id}  # not the admin: nothing matched
    asif = alerts[MEMBER.user_id]["embeds"][0]
    assert asif["title"] == "New: actor Khawaja Muhammad Asif"
    assert [f["name"] for f in asif["fields"]] == ["Border posts · Context · ¶1"]
    chaman = alerts[ROLE_ADMIN.user_id]["embeds"][0]
    assert "Trade resumed slowly" in chaman["fields"][0]["value"]
    assert all(m["allowed_mentions"] == {"parse": []} for m in alerts.values())
    assert record.messages()  # the uploader still got the report


async def test_alerts_in_a_channel_mention_only_the_subscriber(tmp_path, corpus, fake_discord):
    from index.engine import Engine
    from tests.fakes import FakeEmbedder

    settings = make_settings(tmp_path, corpus, watch_channel_id=OTHER_CHANNEL_ID)
    engine = Engine(corpus, settings.index_dir, FakeEmbedder(), threshold=0.3)
    engine.reindex()
    harness = await start_bot(settings, engine, fake_discord)
    try:
        await subscribe(fake_discord, MEMBER, phrase="border posts")
        await add(fake_discord, "border.md", NEW)
        await fake_discord.wait_until(
            lambda: any(m["channel_id"] == str(OTHER_CHANNEL_ID) for m in fake_discord.channel_messages)
        )
        alert = next(m for m in fake_discord.channel_messages if m["channel_id"] == str(OTHER_CHANNEL_ID))
        assert alert["content"].startswith(f"<@{MEMBER.user_id}>")
        assert alert["allowed_mentions"] == {"parse": [], "users": [MEMBER.user_id]}
    finally:
        await stop_bot(harness)


async def test_watches_list_unwatch_and_survive_restart(harness, tmp_path):
    fake = harness.fake
    await subscribe(fake, MEMBER, phrase="Torkham")
    await subscribe(fake, MEMBER, actor="TTP")
    listing = await fake.reply(await fake.slash("watches", member=MEMBER))
    assert listing["content"] == "#1 phrase “Torkham”\n#2 actor **Tehreek-e-Taliban Pakistan**"
    gone = await fake.reply(await fake.slash("unwatch", [option("watch", 1, kind=4)], member=MEMBER))
    assert gone["content"] == "Stopped watch #1."
    other = await fake.reply(await fake.slash("unwatch", [option("watch", 2, kind=4)], member=ADMIN))
    assert "no watch #2" in other["content"]  # members cannot remove each other's watches
    assert [w.value for w in BotState(tmp_path / "state").watches(MEMBER.user_id)] == [
        "tehreek-e-taliban-pakistan"
    ]
    bad = await fake.reply(await fake.slash("watch", [], member=MEMBER))
    assert "either an actor or a phrase" in bad["content"]
    unknown = await fake.reply(await fake.slash("watch", [option("actor", "Nobody Atall")], member=MEMBER))
    assert "No actor called" in unknown["content"]
