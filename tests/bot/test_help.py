"""/help, and "help" asked of the bot in a channel: what it does and its commands."""

from tests.bot.fake_discord import BOT_ID, OTHER_CHANNEL_ID, QUESTION_CHANNEL_ID


async def test_help_lists_the_commands_privately(harness):
    reply = await harness.fake.reply(await harness.fake.slash("help", []))
    assert reply["flags"] & 64  # only the member who asked sees it
    embed = reply["embeds"][0]
    assert embed["title"] == "Briefbot: ask the briefs"
    assert [field["name"] for field in embed["fields"]] == ["Ask", "Actors", "Briefs", "Watches", "Admins"]
    ask = embed["fields"][0]["value"]
    assert "</ask:" in ask  # a command the member can click
    assert f"<#{QUESTION_CHANNEL_ID}>" in ask  # where questions get threads
    assert "</brief info:" in embed["fields"][2]["value"]
    assert reply["allowed_mentions"] == {"parse": []}


async def test_help_asked_in_a_channel_is_answered_with_it_not_searched(harness):
    fake = harness.fake
    await fake.user_message("help")  # the question channel: no "?" needed
    await fake.user_message(f"<@{BOT_ID}> what can you do?", channel_id=OTHER_CHANNEL_ID, mentions_bot=True)
    await fake.user_message("help", channel_id=OTHER_CHANNEL_ID)  # not addressed to the bot
    await fake.user_message(f"Hello <@{BOT_ID}>!", channel_id=OTHER_CHANNEL_ID, mentions_bot=True)
    await fake.user_message(f"<@{BOT_ID}> who is Haqqani", channel_id=OTHER_CHANNEL_ID, mentions_bot=True)
    await fake.wait_until(lambda: len(fake.channel_messages) == 4)
    assert not fake.threads
    titles = [m["embeds"][0]["title"] for m in fake.channel_messages]
    # The third "help" was not addressed to the bot; a greeting is answered with the help.
    assert titles == ["Briefbot: ask the briefs"] * 3 + ["who is Haqqani"]
    assert all(m["message_reference"]["message_id"] for m in fake.channel_messages)
