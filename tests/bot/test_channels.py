"""Questions asked in channels: a new thread per question, follow-ups in the thread, mentions elsewhere."""

import asyncio

from index.answering import WORDS
from index.engine import Engine
from tests.bot.conftest import make_settings, start_bot, stop_bot
from tests.bot.fake_discord import BOT_ID, OTHER_CHANNEL_ID, QUESTION_CHANNEL_ID
from tests.fakes import FakeEmbedder


async def asked_in_question_channel(fake, text: str) -> tuple[dict, dict]:
    """The thread a message in the question channel opens, and the answer posted in it."""
    await fake.user_message(text)
    await fake.wait_until(lambda: fake.channel_messages)
    [thread] = fake.threads
    return thread, fake.channel_messages[0]


async def test_question_in_question_channel_gets_a_thread(harness):
    thread, answer = await asked_in_question_channel(
        harness.fake, "Which countries mediated the negotiations with Qatar?"
    )
    assert thread["name"] == "Which countries mediated the negotiations with Qatar?"
    assert thread["parent_id"] == str(QUESTION_CHANNEL_ID)
    assert answer["channel_id"] == thread["id"]
    assert "¶1" in answer["embeds"][0]["fields"][0]["name"]
    assert answer["allowed_mentions"] == {"parse": []}


async def test_a_question_addressed_to_the_bot_by_name_is_the_question_alone(harness):
    # "Briefbot" is no name the briefs know: left in, it would be refused as one they never mention.
    thread, answer = await asked_in_question_channel(
        harness.fake, "Hey Briefbot, which countries mediated the negotiations?"
    )
    assert thread["name"] == "which countries mediated the negotiations?"
    assert "¶1" in answer["embeds"][0]["fields"][0]["name"]


async def test_other_mentions_and_custom_emoji_are_no_words_of_the_question(harness):
    thread, answer = await asked_in_question_channel(
        harness.fake, "<@555> <#777> which countries mediated the negotiations? <:think:999>"
    )
    assert thread["name"] == "which countries mediated the negotiations?"
    assert "¶1" in answer["embeds"][0]["fields"][0]["name"]


async def test_statement_without_question_mark_is_ignored(harness):
    fake = harness.fake
    await fake.user_message("Interesting brief, thanks all")
    await fake.user_message("???")  # ends in "?" but asks nothing
    await fake.user_message("Nothing here either", channel_id=OTHER_CHANNEL_ID)
    await fake.user_message("What about India?", channel_id=OTHER_CHANNEL_ID)  # no mention
    await fake.user_message(f"<@{BOT_ID}> who is Haqqani", channel_id=OTHER_CHANNEL_ID, mentions_bot=True)
    await fake.wait_until(lambda: fake.channel_messages)
    assert not fake.threads
    [reply] = fake.channel_messages
    assert reply["channel_id"] == str(OTHER_CHANNEL_ID)
    assert "Haqqani" in reply["embeds"][0]["fields"][0]["value"]
    assert reply["message_reference"]["message_id"]  # a reply to the asker


async def test_follow_up_in_thread_uses_the_first_question_as_context(harness):
    fake = harness.fake
    await fake.user_message("What did Sirajuddin Haqqani warn?")
    await fake.wait_until(lambda: fake.channel_messages)
    thread_id = int(fake.threads[0]["id"])
    # Alone, "and when?" matches nothing; with the thread's question it does.
    await fake.user_message("and when?", channel_id=thread_id)
    await fake.wait_until(lambda: len(fake.channel_messages) == 2)
    follow_up = fake.channel_messages[1]
    assert follow_up["channel_id"] == str(thread_id)
    assert "Haqqani" in follow_up["embeds"][0]["fields"][0]["value"]
    assert len(fake.threads) == 1  # no new thread for a follow-up
    await fake.user_message("and wehn?", channel_id=thread_id)  # a slip: read, then with context
    await fake.wait_until(lambda: len(fake.channel_messages) == 3)
    slipped = fake.channel_messages[2]["embeds"][0]
    assert slipped["description"] == "Read as: and when?"
    assert "Haqqani" in slipped["fields"][0]["value"]


async def test_remarks_in_a_thread_get_no_reply_unless_the_briefs_answer_them(harness):
    fake = harness.fake
    await fake.user_message("What did Sirajuddin Haqqani warn?")
    await fake.wait_until(lambda: fake.channel_messages)
    thread_id = int(fake.threads[0]["id"])
    for remark in ("thanks", "cheers", "good point", "makes sense", "👍"):
        await fake.user_message(remark, channel_id=thread_id)
    await fake.user_message("so Mujahid accused the military", channel_id=thread_id)  # no "?": asks
    await fake.wait_until(lambda: len(fake.channel_messages) == 2)
    await asyncio.sleep(0.3)  # time for a late reply to a remark to show
    assert len(fake.channel_messages) == 2
    assert "Mujahid" in fake.channel_messages[1]["embeds"][0]["fields"][0]["value"]
    # Asked, and leaning on nothing before it: said plainly, not answered with the thread's topic.
    await fake.user_message("Which planet has the most moons in total?", channel_id=thread_id)
    await fake.wait_until(lambda: len(fake.channel_messages) == 3)
    assert "do not answer this" in fake.channel_messages[2]["embeds"][0]["description"]
    # Asked without a question mark, as members type: answered.
    await fake.user_message("who wrote this", channel_id=thread_id)
    await fake.wait_until(lambda: len(fake.channel_messages) == 4)
    assert "by Naade Ali" in fake.channel_messages[3]["embeds"][0]["description"]


async def test_a_follow_up_found_by_its_words_alone_is_read_with_the_thread(tmp_path, corpus, fake_discord):
    # At 0.5, "and Mullah Yaqoob?" alone is far in meaning (0.40, found by its words); read with the
    # thread's question it is close (0.58): the reply is the close answer, without the words note.
    settings = make_settings(tmp_path, corpus, abstention_threshold=0.5)
    engine = Engine(corpus, settings.index_dir, FakeEmbedder(), threshold=0.5)
    await asyncio.to_thread(engine.reindex)
    assert (await asyncio.to_thread(engine.ask, "and Mullah Yaqoob?")).basis == WORDS
    running = await start_bot(settings, engine, fake_discord)
    try:
        await fake_discord.user_message("Who signed the agreement during the Doha meeting?")
        await fake_discord.wait_until(lambda: fake_discord.channel_messages)
        thread_id = int(fake_discord.threads[0]["id"])
        await fake_discord.user_message("and Mullah Yaqoob?", channel_id=thread_id)
        await fake_discord.wait_until(lambda: len(fake_discord.channel_messages) == 2)
        reply = fake_discord.channel_messages[1]["embeds"][0]
        assert "No passage is close in meaning" not in reply.get("description", "")
        assert "¶2" in reply["fields"][0]["name"]
    finally:
        await stop_bot(running)


async def test_a_follow_up_refused_for_a_reason_keeps_it(harness):
    fake = harness.fake
    await fake.user_message("Which countries mediated the ceasefire negotiations?")
    await fake.wait_until(lambda: fake.channel_messages)
    thread_id = int(fake.threads[0]["id"])
    # Read with the thread's question it would be answered with the mediators' paragraph; alone it
    # is refused, and why: the brief records nothing China said.
    await fake.user_message(
        "What did China say about the ceasefire negotiations mediated by Qatar?", channel_id=thread_id
    )
    await fake.wait_until(lambda: len(fake.channel_messages) == 2)
    assert "record nothing “China” said" in fake.channel_messages[1]["embeds"][0]["description"]


async def _truce_and_floods_threads(harness, corpus, floods: str) -> tuple[int, int]:
    """A second brief ("other.md", Markdown `floods`) indexed, and a thread opened on a question
    about each brief: the truce's thread and the floods'."""
    (corpus / "other.md").write_text(floods)
    await asyncio.to_thread(harness.bot.engine.reindex)
    fake = harness.fake
    questions = ["What did Sirajuddin Haqqani warn?", "Which bridges did the floods damage?"]
    for number, question in enumerate(questions):
        await fake.user_message(question)
        await fake.wait_until(
            lambda n=number: len(fake.threads) == n + 1 and len(fake.channel_messages) == n + 1
        )
    truce, floods_thread = (int(thread["id"]) for thread in fake.threads)
    return truce, floods_thread


async def test_a_brief_as_a_whole_in_a_thread_is_the_threads_brief(harness, corpus):
    truce, floods = await _truce_and_floods_threads(
        harness,
        corpus,
        "---\ntitle: Monsoon Floods\nauthor: R. Khan\n---\n\nFloods damaged bridges in Sindh.\n\n"
        "Rebuilding will take years.\n",
    )
    fake = harness.fake
    replies = []
    for thread_id in (truce, floods):
        for follow_up in ("Who wrote this?", "tl;dr", "bottom line"):
            sent = len(fake.channel_messages)
            await fake.user_message(follow_up, channel_id=thread_id)
            await fake.wait_until(lambda n=sent: len(fake.channel_messages) == n + 1)
            replies.append(fake.channel_messages[-1]["embeds"][0])
    truce_author, truce_gist, truce_end, floods_author, floods_gist, floods_end = replies
    sent = len(fake.channel_messages)
    await fake.user_message("Summarise the floods brief", channel_id=truce)  # names another brief
    await fake.wait_until(lambda: len(fake.channel_messages) == sent + 1)
    assert [f["name"] for f in fake.channel_messages[-1]["embeds"][0]["fields"]] == [
        "[1] Monsoon Floods · ¶1",
        "[2] Monsoon Floods · ¶2",
    ]
    assert (
        "• “The Fragile Truce" in truce_author["description"] and "Floods" not in truce_author["description"]
    )
    assert "by Naade Ali, PoliTact" in truce_author["description"]
    assert "• “Monsoon Floods”, by R. Khan, undated (id other)" in floods_author["description"]
    assert "Naade Ali" not in floods_author["description"]
    assert [f["name"].rsplit("·", 1)[-1].strip() for f in truce_gist["fields"]] == ["¶1", "¶13"]
    assert [f["name"] for f in floods_gist["fields"]] == [
        "[1] Monsoon Floods · ¶1",
        "[2] Monsoon Floods · ¶2",
    ]
    assert floods_gist["description"].startswith("The brief's opening and conclusion")
    # What it concludes: its conclusion alone, of the thread's brief.
    assert [f["name"] for f in truce_end["fields"]][0].endswith("¶13") and len(truce_end["fields"]) == 1
    assert [f["name"] for f in floods_end["fields"]] == ["[1] Monsoon Floods · ¶2"]
    assert floods_end["description"].startswith("The brief's conclusion")
    # Each brief asked for: not the thread's alone; the first page of every brief's conclusion.
    sent = len(fake.channel_messages)
    await fake.user_message("What does each brief conclude?", channel_id=floods)
    await fake.wait_until(lambda: len(fake.channel_messages) == sent + 1)
    each = fake.channel_messages[-1]["embeds"][0]
    assert each["description"].startswith("Each brief's conclusion")
    assert sorted(f["name"].split(" · ")[0][4:] for f in each["fields"]) == [
        "Monsoon Floods",
        "The Fragile Truce Between Pakistan And Afghanistan And The War Of Narratives",
    ]


async def test_a_section_or_outline_asked_in_a_thread_is_of_the_threads_brief(harness, corpus):
    truce, floods = await _truce_and_floods_threads(
        harness,
        corpus,
        "---\ntitle: Monsoon Floods\n---\n\n# Analysis\n\nFloods damaged bridges in Sindh.\n\n"
        "# Repairs\n\nRebuilding will take years.\n",
    )
    fake = harness.fake
    replies = []
    for thread_id, follow_up in (
        (truce, "What does the Analysis section say?"),
        (floods, "table of contents"),
    ):
        sent = len(fake.channel_messages)
        await fake.user_message(follow_up, channel_id=thread_id)  # "table of contents" asks, without "?"
        await fake.wait_until(lambda n=sent: len(fake.channel_messages) == n + 1)
        replies.append(fake.channel_messages[-1]["embeds"][0])
    truce_analysis, floods_outline = replies
    assert truce_analysis["description"].startswith("The section asked for, in reading order")
    assert [f["name"].rsplit("·", 1)[-1].strip() for f in truce_analysis["fields"]] == ["¶3", "¶4", "¶5"]
    assert floods_outline["description"].startswith("The brief's sections")
    assert [f["name"] for f in floods_outline["fields"]] == [
        "[1] Monsoon Floods · Analysis · ¶1",
        "[2] Monsoon Floods · Repairs · ¶2",
    ]


async def test_mentions_in_questions_never_ping(harness):
    fake = harness.fake
    await fake.user_message("@everyone <@&123> what about Qatar?")
    await fake.wait_until(lambda: fake.channel_messages)
    [answer] = fake.channel_messages
    assert answer["allowed_mentions"] == {"parse": []}
    assert "@\u200beveryone" in answer["embeds"][0]["title"]


async def test_a_paragraph_asked_for_by_number_in_a_thread_is_of_the_threads_brief(harness, corpus):
    truce, floods = await _truce_and_floods_threads(
        harness,
        corpus,
        "---\ntitle: Monsoon Floods\n---\n\nFloods damaged bridges.\n\nRebuilding will take years.\n",
    )
    fake = harness.fake
    replies = []
    # each asks, without "?"
    for thread_id, follow_up in ((truce, "Show me ¶4"), (floods, "paragraph 2"), (truce, "section 2")):
        sent = len(fake.channel_messages)
        await fake.user_message(follow_up, channel_id=thread_id)
        await fake.wait_until(lambda n=sent: len(fake.channel_messages) == n + 1)
        replies.append(fake.channel_messages[-1]["embeds"][0])
    truce_fourth, floods_second, truce_section = replies
    assert truce_fourth["description"].startswith("The paragraphs asked for, in reading order")
    assert [f["name"].rsplit("·", 1)[-1].strip() for f in truce_fourth["fields"]] == ["¶4"]
    assert [f["name"] for f in floods_second["fields"]] == ["[1] Monsoon Floods · ¶2"]
    assert [f["name"].split(" · ", 1)[1] for f in truce_section["fields"]] == [
        "Analysis · ¶3",
        "Analysis · ¶4",
        "Analysis · ¶5",
    ]
