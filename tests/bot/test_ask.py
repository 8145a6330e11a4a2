"""/ask, its autocomplete, abstention and the buttons, through the real client and the fake Discord."""

import asyncio

import pytest

from tests.bot.fake_discord import GUILD_ID, MEMBER
from tests.conftest import SAMPLE_BRIEF_ID


def option(name, value, kind=3):
    return {"name": name, "type": kind, "value": value}


def buttons(message):
    return [c["custom_id"] for row in message.get("components", []) for c in row["components"]]


async def test_commands_are_synced_to_the_dev_guild(harness):
    names = {c["name"] for c in harness.fake.commands[str(GUILD_ID)]}
    assert {"ask", "briefs", "brief", "reindex"} <= names
    assert "global" not in harness.fake.commands


async def test_ask_answers_with_cited_passages(harness):
    record = await harness.fake.slash("ask", [option("question", "Qatar Türkiye mediated negotiations")])
    reply = await harness.fake.reply(record)
    assert record.deferred
    embed = reply["embeds"][0]
    assert embed["title"] == "Qatar Türkiye mediated negotiations"
    first = embed["fields"][0]
    assert first["name"].startswith("[1] The Fragile Truce")
    assert "Context · ¶1" in first["name"]
    assert "**" in first["value"] and "Qatar" in first["value"]
    assert len(embed["fields"]) == 3
    assert reply["allowed_mentions"] == {"parse": []}
    ids = buttons(reply)
    assert [i.split(":")[1] for i in ids] == ["more", "full", "up", "down"]


async def test_ask_for_a_brief_as_a_whole(harness):
    reply = await harness.fake.reply(await harness.fake.slash("ask", [option("question", "tl;dr")]))
    embed = reply["embeds"][0]
    assert embed["description"].startswith("The brief's opening and conclusion")
    assert [f["name"].rsplit("·", 1)[-1].strip() for f in embed["fields"]] == ["¶1", "¶13"]
    assert reply["allowed_mentions"] == {"parse": []}
    reply = await harness.fake.reply(
        await harness.fake.slash("ask", [option("question", "What is the conclusion?")])
    )
    embed = reply["embeds"][0]
    assert embed["description"].startswith("The brief's conclusion")
    assert [f["name"].rsplit("·", 1)[-1].strip() for f in embed["fields"]] == ["¶13"]


async def test_a_question_about_the_author_or_about_what_the_brief_says_of_a_subject(harness):
    reply = await harness.fake.reply(
        await harness.fake.slash("ask", [option("question", "What does Naade Ali argue?")])
    )
    embed = reply["embeds"][0]  # the author's view is the brief's: its opening and conclusion
    assert embed["title"] == "What does Naade Ali argue?"
    assert embed["description"].startswith("The brief's opening and conclusion")
    reply = await harness.fake.reply(
        await harness.fake.slash(
            "ask", [option("question", "Does the brief say anything about civil society?")]
        )
    )
    first = reply["embeds"][0]["fields"][0]
    assert first["name"].endswith("¶5") and "civil society" in first["value"]


async def test_a_corrected_typing_slip_is_shown(harness):
    typed = "Which countries mediatd the ceasfire negotiations?"
    reply = await harness.fake.reply(await harness.fake.slash("ask", [option("question", typed)]))
    embed = reply["embeds"][0]
    assert embed["title"] == typed
    assert embed["description"] == "Read as: Which countries mediated the ceasefire negotiations?"


async def test_off_topic_question_abstains_politely(harness):
    record = await harness.fake.slash("ask", [option("question", "world cup penalty trophy")])
    reply = await harness.fake.reply(record)
    embed = reply["embeds"][0]
    assert "do not answer this" in embed["description"]
    assert "The Fragile Truce" in embed["description"]  # the closest brief is named
    assert not buttons(reply)


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Did Iran mediate the ceasefire negotiations?", "never mention “Iran”"),
        ("How many Afghan refugees should Pakistan repatriate?", "state no number"),
        (
            "What did China say about the ceasefire negotiations mediated by Qatar?",
            "record nothing “China” said,",
        ),
        ("Who wrote this brief?", "by Naade Ali, PoliTact"),
        ("Who are the main actors?", "The actors the briefs name most: Pakistan (13 passages)"),
    ],
)
async def test_an_abstention_says_why_in_the_reply(harness, question, reason):
    record = await harness.fake.slash("ask", [option("question", question)])
    reply = await harness.fake.reply(record)
    assert reason in reply["embeds"][0]["description"]
    assert reply["allowed_mentions"] == {"parse": []}
    assert not buttons(reply)


async def test_whom_of_a_kind_the_briefs_name_is_an_answer_not_an_apology(harness):
    reply = await harness.fake.reply(
        await harness.fake.slash("ask", [option("question", "Which countries are mentioned?")])
    )
    description = reply["embeds"][0]["description"]
    assert description.startswith("The states the briefs name most: Pakistan (13 passages)")
    assert "Closest briefs" not in description and "Try other words" not in description
    assert reply["allowed_mentions"] == {"parse": []}


async def test_whom_the_briefs_quote_is_an_answer_not_an_apology(harness):
    reply = await harness.fake.reply(
        await harness.fake.slash("ask", [option("question", "Which officials are quoted?")])
    )
    description = reply["embeds"][0]["description"]
    assert description.startswith("The people the briefs quote most, by the passages where each says")
    assert "Khawaja Muhammad Asif (2 passages)" in description and "Try other words" not in description
    assert reply["allowed_mentions"] == {"parse": []}


async def test_ask_for_a_section_and_for_the_outline(harness):
    reply = await harness.fake.reply(
        await harness.fake.slash("ask", [option("question", "What does the Analysis section say?")])
    )
    embed = reply["embeds"][0]
    assert embed["description"].startswith("The section asked for, in reading order")
    assert [f["name"].split("·")[-2:] for f in embed["fields"]] == [
        [" Analysis ", " ¶3"],
        [" Analysis ", " ¶4"],
        [" Analysis ", " ¶5"],
    ]
    reply = await harness.fake.reply(
        await harness.fake.slash("ask", [option("question", "What sections does the brief have?")])
    )
    embed = reply["embeds"][0]
    assert embed["description"].startswith("The brief's sections, each by its first paragraph")
    assert [f["name"].rsplit("·", 1)[-1].strip() for f in embed["fields"]] == ["¶1", "¶3", "¶7"]
    assert reply["allowed_mentions"] == {"parse": []}


async def test_ask_for_paragraphs_by_number_and_for_one_the_brief_lacks(harness):
    reply = await harness.fake.reply(await harness.fake.slash("ask", [option("question", "Show me ¶¶ 3-4")]))
    embed = reply["embeds"][0]
    assert embed["description"].startswith("The paragraphs asked for, in reading order")
    assert [f["name"].rsplit("·", 1)[-1].strip() for f in embed["fields"]] == ["¶3", "¶4"]
    reply = await harness.fake.reply(
        await harness.fake.slash("ask", [option("question", "What does paragraph 40 say?")])
    )
    assert "has no paragraph of the number asked for" in reply["embeds"][0]["description"]


async def test_ask_about_a_subject_a_section_does_not_mention(harness):
    question = "What does the Context section say about Bagram?"
    reply = await harness.fake.reply(await harness.fake.slash("ask", [option("question", question)]))
    embed = reply["embeds"][0]
    assert embed["description"].startswith("The section “Context” does not mention “Bagram”;")
    assert "¶3" in [f["name"].rsplit("·", 1)[-1].strip() for f in embed["fields"]]


async def test_which_briefs_there_are_is_a_list_not_an_apology(harness):
    reply = await harness.fake.reply(
        await harness.fake.slash("ask", [option("question", "What briefs do you have?")])
    )
    description = reply["embeds"][0]["description"]
    assert description.startswith("1 brief is indexed, newest first:\n• “The Fragile Truce")
    assert f"by Naade Ali, PoliTact, undated (id {SAMPLE_BRIEF_ID})" in description
    assert "Closest briefs" not in description and "Try other words" not in description
    assert reply["allowed_mentions"] == {"parse": []}


async def test_which_briefs_mention_a_subject_cites_each_once(harness):
    reply = await harness.fake.reply(
        await harness.fake.slash("ask", [option("question", "Which briefs mention the TTP?")])
    )
    embed = reply["embeds"][0]
    assert embed["description"] == "1 brief mentions “TTP”: its passages closest to the question."
    assert len(embed["fields"]) == 3
    assert all("TTP" in field["value"] or "Tehreek" in field["value"] for field in embed["fields"])
    assert reply["allowed_mentions"] == {"parse": []}
    # The subject is the member's text, shown back: its mentions are defused.
    reply = await harness.fake.reply(
        await harness.fake.slash("ask", [option("question", "Which briefs mention @here TTP?")])
    )
    description = reply["embeds"][0]["description"]
    assert "mentions “@\u200bhere TTP”" in description and reply["allowed_mentions"] == {"parse": []}


async def test_an_office_held_by_several_actors_is_said(harness, corpus):
    (corpus / "besham.md").write_text(
        "# Besham\n\nChinese engineers died near Besham.\n\n"
        "Interior Minister Mohsin Naqvi said the plot began abroad.\n",
        encoding="utf-8",
    )
    await asyncio.to_thread(harness.bot.engine.reindex)
    question = "What did the interior minister say about the attack?"
    reply = await harness.fake.reply(await harness.fake.slash("ask", [option("question", question)]))
    embed = reply["embeds"][0]
    assert embed["description"].startswith("The briefs name more than one interior minister: ")
    values = " ".join(field["value"] for field in embed["fields"])
    assert "Naqvi" in values and "Haqqani" in values


async def test_bad_date_gets_an_ephemeral_error(harness):
    record = await harness.fake.slash("ask", [option("question", "ceasefire"), option("since", "last week")])
    reply = await harness.fake.reply(record)
    assert "YYYY-MM-DD" in reply["content"]
    assert reply["flags"] & 64  # ephemeral
    record = await harness.fake.slash("ask", [option("question", " ?? ")])
    reply = await harness.fake.reply(record)
    assert "has no words" in reply["content"] and reply["flags"] & 64
    assert record.callbacks[0]["type"] == 4  # refused at once: no public "thinking…" first


async def test_brief_and_date_filters(harness):
    record = await harness.fake.slash(
        "ask", [option("question", "ceasefire"), option("brief", SAMPLE_BRIEF_ID)]
    )
    reply = await harness.fake.reply(record)
    assert reply["embeds"][0]["fields"]
    # The sample brief is undated, so a date filter leaves nothing to search: said privately.
    record = await harness.fake.slash("ask", [option("question", "ceasefire"), option("since", "2025-01-01")])
    reply = await harness.fake.reply(record)
    assert "No brief is dated on or after 2025-01-01; briefs without a date (1 of 1)" in reply["content"]
    assert reply["flags"] & 64 and not reply.get("embeds")


async def test_unknown_brief_filter_is_refused(harness):
    record = await harness.fake.slash("ask", [option("question", "ceasefire"), option("brief", "nope")])
    reply = await harness.fake.reply(record)
    assert "No brief 'nope' is indexed" in reply["content"] and reply["flags"] & 64
    assert SAMPLE_BRIEF_ID in reply["content"]  # the ids there are


async def test_brief_autocomplete(harness):
    options = [option("question", "x"), dict(option("brief", "fragile"), focused=True)]
    record = await harness.fake.slash("ask", options, autocomplete=True)
    await harness.fake.wait_until(lambda: record.callbacks)
    callback = record.callbacks[0]
    assert callback["type"] == 8
    assert callback["data"]["choices"] == [
        {
            "name": "The Fragile Truce Between Pakistan And Afghanistan And The War Of Narratives",
            "value": SAMPLE_BRIEF_ID,
        }
    ]


async def test_more_full_and_vote_buttons(harness):
    record = await harness.fake.slash("ask", [option("question", "Pakistan Taliban TTP ceasefire")])
    reply = await harness.fake.reply(record)
    more, full, up, down = buttons(reply)
    answer_id = int(more.split(":")[2])

    clicked = await harness.fake.click(reply, more)
    page = await harness.fake.reply(clicked)
    assert page["flags"] & 64
    assert [f["name"][:3] for f in page["embeds"][0]["fields"]] == ["[4]", "[5]", "[6]"]
    first_names = {f["name"][4:] for f in reply["embeds"][0]["fields"]}
    assert not first_names & {f["name"][4:] for f in page["embeds"][0]["fields"]}

    clicked = await harness.fake.click(reply, full)
    paragraphs = await harness.fake.reply(clicked)
    assert paragraphs["flags"] & 64
    shown = reply["embeds"][0]["fields"][0]["name"].split("] ", 1)[1]
    assert paragraphs["embeds"][0]["fields"][0]["name"] == shown
    assert "**" not in paragraphs["embeds"][0]["fields"][0]["value"]

    clicked = await harness.fake.click(reply, up, member=MEMBER)
    thanks = await harness.fake.reply(clicked)
    assert "👍" in thanks["content"] and thanks["flags"] & 64
    clicked = await harness.fake.click(reply, down, member=MEMBER)
    await harness.fake.reply(clicked)
    assert harness.bot.state.votes(answer_id) == {MEMBER.user_id: -1}


async def test_an_emptied_index_is_said_by_ask_and_by_the_buttons(harness, corpus):
    record = await harness.fake.slash(
        "ask", [option("question", "Pakistan Taliban TTP ceasefire"), option("brief", SAMPLE_BRIEF_ID)]
    )
    reply = await harness.fake.reply(record)
    more = buttons(reply)[0]
    (corpus / f"{SAMPLE_BRIEF_ID}.md").unlink()
    await asyncio.to_thread(harness.bot.engine.reindex)
    # The answer's brief is gone: the button says why instead of thinking for ever.
    page = await harness.fake.reply(await harness.fake.click(reply, more))
    assert "No brief is indexed yet: add a brief" in page["content"] and page["flags"] & 64
    record = await harness.fake.slash("ask", [option("question", "ceasefire")])
    refused = await harness.fake.reply(record)
    assert "No brief is indexed yet" in refused["content"] and refused["flags"] & 64


async def test_feedback_survives_a_restart(harness, tmp_path):
    from bot.state import BotState

    record = await harness.fake.slash("ask", [option("question", "Haqqani interior minister")])
    reply = await harness.fake.reply(record)
    up = buttons(reply)[2]
    await harness.fake.reply(await harness.fake.click(reply, up))
    reopened = BotState(tmp_path / "state")
    stored = reopened.answer(int(up.split(":")[2]))
    assert stored.question == "Haqqani interior minister"
    assert stored.user_id == MEMBER.user_id and len(stored.passage_ids) == 4
    assert reopened.votes(stored.answer_id) == {MEMBER.user_id: 1}
