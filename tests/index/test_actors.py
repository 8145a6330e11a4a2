"""Actor discovery and summaries, on the sample brief and on small briefs with the hard cases."""

from pathlib import Path

import pytest

from index.actor_summary import UnknownActorError
from index.engine import Engine
from tests.conftest import SAMPLE_BRIEF_ID
from tests.fakes import FakeEmbedder


@pytest.fixture
def sample(fake_engine):
    return fake_engine.actor_directory()


def same_actor(directory, *names):
    ids = {directory.find(name) for name in names}
    assert len(ids) == 1, f"{names} are {ids}"
    return ids.pop()


def test_short_forms_of_a_full_name_merge(sample):
    same_actor(sample, "Khawaja Muhammad Asif", "Khawaja Asif", "Asif")
    same_actor(sample, "Sirajuddin Haqqani", "Haqqani")
    same_actor(sample, "Mullah Mohammad Yaqoob Mujahid", "Mullah Yaqoob")


def test_registry_aliases_merge_with_discovered_acronym(sample):
    actor_id = same_actor(sample, "TTP", "Tehreek-e-Taliban Pakistan", "Fitna al-Khawarij")
    assert sample.index.actors[actor_id].kind == "armed group"


def test_an_actor_is_found_with_the_article_prose_gives_it(sample):
    same_actor(sample, "the TTP", "TTP")
    same_actor(sample, "The Taliban", "Taliban")
    with pytest.raises(UnknownActorError):
        sample.find("the")


def test_two_people_sharing_a_name_stay_two(sample):
    assert sample.find("Zabihullah Mujahid") != sample.find("Mullah Mohammad Yaqoob Mujahid")
    # "Mujahid" alone in the brief follows the spokesperson, named just before it.
    zabihullah = sample.summary("Zabihullah Mujahid")
    assert any(s.text.startswith("Mujahid denied the presence of TTP leaders") for s in zabihullah.statements)
    yaqoob = sample.summary("Mullah Yaqoob")
    assert not any("Mujahid denied" in s.text for s in yaqoob.statements)


def test_a_summary_lists_the_aliases_the_briefs_write_or_the_registry_gives(sample):
    # The registry gives "Pakistani Taliban", which the brief never writes; the gazetteer's
    # "Tehrik-i-Taliban Pakistan" finds the actor but is not listed.
    assert sample.summary("TTP").aliases == ("TTP", "Fitna al-Khawarij", "Pakistani Taliban")
    assert sample.find("Tehrik-i-Taliban Pakistan") == sample.find("TTP")
    # Of India's capital, written in the brief, and its other names, the one written.
    assert "New Delhi" in sample.summary("India").aliases


def test_capitals_stand_for_governments(sample):
    same_actor(sample, "Islamabad", "Pakistan")
    same_actor(sample, "Kabul", "Taliban", "Afghan Taliban government")
    same_actor(sample, "New Delhi", "India")


def test_roles(sample):
    roles = {
        name: [r.text for r in sample.summary(name).roles]
        for name in ("Asif", "Sirajuddin Haqqani", "Zabihullah Mujahid", "Mullah Yaqoob")
    }
    assert roles["Asif"] == ["Pakistan's Defense Minister"]
    assert roles["Sirajuddin Haqqani"] == ["Interior Minister"]
    assert roles["Zabihullah Mujahid"] == ["Taliban spokesperson"]
    assert roles["Mullah Yaqoob"] == ["Afghanistan's Acting Defense Minister", "Taliban Defense Minister"]


def test_statements_are_cited_verbatim_with_quotes_first(sample):
    asif = sample.summary("Khawaja Asif")
    assert asif.mentions == 4 and asif.briefs == 1
    texts = [s.text for s in asif.statements]
    assert any("“treacherous and barbaric patronization of India-sponsored terrorism,”" in t for t in texts)
    assert any(t.startswith("“Anything coming from Afghanistan") for t in texts)
    # The quotation that follows as its own sentences is his too, though it names Kabul.
    [strikes] = [t for t in texts if t.startswith("“Anything coming from Afghanistan")]
    assert strikes.endswith(
        "“They are in Kabul. They are everywhere. Wherever they are, we will attack "
        "them. Kabul is not a no-go area.”"
    )
    quoted = [bool("“" in t) for t in texts]
    assert quoted == sorted(quoted, reverse=True)
    assert all(s.brief_id == SAMPLE_BRIEF_ID and s.paragraph in (5, 7) for s in asif.statements)
    # Sentences where Asif is only the object are not his statements.
    assert not any(t.startswith("The Taliban, however, rejected") for t in texts)


def test_its_spokesperson_ministers_and_ministries_speak_for_an_actor(sample):
    taliban = sample.summary("Taliban").statements
    own = [s for s in taliban if s.via is None]
    relayed = [s for s in taliban if s.via is not None]
    assert own and taliban[: len(own)] == tuple(own)  # the actor's own statements come first
    assert {s.via for s in relayed} == {
        "Zabihullah Mujahid, Taliban spokesperson",
        "Mullah Mohammad Yaqoob Mujahid, Afghanistan's Acting Defense Minister / Taliban Defense Minister",
    }
    spokesperson = [s.text for s in relayed if s.via.startswith("Zabihullah")]
    assert spokesperson == [s.text for s in sample.summary("Zabihullah Mujahid").statements]
    pakistan = sample.summary("Pakistan")
    assert {s.via for s in pakistan.statements} == {
        None,
        "Khawaja Muhammad Asif, Pakistan's Defense Minister",
        "Pakistan's Foreign Office",
        "Pakistan's Information Ministry",
    }
    # What its minister or ministry said is listed as said, not again as a mere mention.
    said = {s.text for s in pakistan.statements}
    assert not said & {line.text for line in pakistan.mentioned}
    assert any(t.startswith("Pakistan’s Information Ministry clarified") for t in said)
    assert all(s.via is None for s in sample.summary("Zabihullah Mujahid").statements)


def test_what_is_said_according_to_an_actor_is_its_statement(sample):
    ministry = sample.summary("Türkiye's Ministry of Foreign Affairs").statements
    assert [s.text[:24] for s in ministry] == ["According to Türkiye’s M"]
    assert [s.via for s in sample.summary("Türkiye").statements] == ["Türkiye's Ministry of Foreign Affairs"]


def test_a_former_official_or_a_party_does_not_speak_for_the_state(tmp_path):
    engine = build(
        tmp_path,
        {
            "a.md": (
                "# A\n\nPakistan's Foreign Minister Ishaq Dar said the border would reopen.\n\n"
                "Pakistan's Former Ambassador Maleeha Lodhi said the talks had failed.\n\n"
                "The Pakistan People's Party said the government had misled parliament.\n"
            )
        },
    )
    directory = engine.actor_directory()
    pakistan = directory.summary("Pakistan")
    assert [(s.via, s.text[:30]) for s in pakistan.statements] == [
        ("Ishaq Dar, Pakistan's Foreign Minister", "Pakistan's Foreign Minister Is")
    ]
    party = directory.summary("Pakistan People's Party")
    assert party.kind == "organisation" and [s.text[:30] for s in party.statements] == [
        "The Pakistan People's Party sa"
    ]


def test_a_warning_issued_through_a_person_is_his_statement(sample):
    texts = [s.text for s in sample.summary("Sirajuddin Haqqani").statements]
    assert any("issued a strong warning through Interior Minister Sirajuddin Haqqani" in t for t in texts)
    # Only a person speaks: "a proxy war through Afghanistan, alleging ..." is not Kabul's statement.
    assert not any("proxy war" in s.text for s in sample.summary("Taliban").statements)


def test_pronoun_statement_goes_to_the_person_named_before(sample):
    texts = [s.text for s in sample.summary("Zabihullah Mujahid").statements]
    assert any(t.startswith("He said the Taliban do not trust") for t in texts)


def test_whether_an_actor_speaks_or_acts_agrees_with_its_summary(sample):
    mediators = {sample.find("Qatar"), sample.find("Türkiye")}
    for actor_id in sample.index.actors:
        summary = sample.summary(actor_id)
        own = [line for line in summary.statements + summary.actions if line.via is None]
        # The agent of a passive acts in its summary, but is not heard saying anything.
        assert sample.speaks_or_acts(actor_id) is (bool(own) and actor_id not in mediators), actor_id
    for actor_id in mediators:
        actions = sample.summary(actor_id).actions
        assert [line.text[:28] for line in actions] == ["After several rounds of inte"]
        assert "mediated by Qatar and Türkiye" in actions[0].text
    assert not sample.speaks_or_acts("china")  # "mounting pressure from China": not its act
    assert sample.speaks_or_acts("india")  # it upgraded its mission in Kabul


def test_sentences_naming_an_actor_it_neither_says_nor_does_are_listed_once(sample):
    china = sample.summary("China")
    assert not china.statements and not china.actions
    assert [(line.paragraph, line.text[:40]) for line in china.mentioned] == [
        (9, "Before the escalation, there were hopes "),
        (10, "The Pakistani military faces mounting pr"),
    ]
    asif = sample.summary("Khawaja Asif")
    said_or_done = {line.text for line in asif.statements + asif.actions}
    assert asif.mentioned and not said_or_done & {line.text for line in asif.mentioned}
    assert any("rejected Asif’s characterization" in line.text for line in asif.mentioned)


def test_co_actors_ranked_by_shared_passages(sample):
    co = dict(sample.summary("Sirajuddin Haqqani").co_actors)
    assert co == {"Afghan Taliban government": 1, "Pakistan": 1}
    ranked = [count for _, count in sample.summary("Asif").co_actors]
    assert ranked == sorted(ranked, reverse=True)


def test_a_word_of_one_actors_name_is_that_actor(sample):
    assert sample.find("Yaqoob") == sample.find("Mullah Mohammad Yaqoob Mujahid")
    assert sample.find("sirajuddin") == sample.find("Sirajuddin Haqqani")
    # "Mujahid" is also Zabihullah Mujahid's own short name in the brief: his, not shared.
    assert sample.find("Mujahid") == sample.find("Zabihullah Mujahid")


def test_an_actor_can_be_asked_for_by_role(sample):
    asif = sample.find("Khawaja Asif")
    assert sample.find("Pakistan's defence minister") == asif  # "defence" as "Defense"
    assert sample.find("the Afghan defence minister") == sample.find("Mullah Yaqoob")  # Afghanistan's
    assert sample.find("Taliban spokesman") == sample.find("Zabihullah Mujahid")
    with pytest.raises(UnknownActorError) as shared:
        sample.find("defence minister")
    assert "more than one actor" in str(shared.value)
    assert "Khawaja Muhammad Asif (Pakistan's Defense Minister)" in str(shared.value)
    assert set(shared.value.suggestions) == {"Khawaja Muhammad Asif", "Mullah Mohammad Yaqoob Mujahid"}
    with pytest.raises(UnknownActorError, match="no actor called 'foreign minister'"):
        sample.find("foreign minister")


def test_unknown_actor_suggests_close_names(sample):
    with pytest.raises(UnknownActorError, match="Did you mean: Khawaja Muhammad Asif"):
        sample.summary("Khawja Asef")


def build(tmp_path: Path, briefs: dict[str, str], registry: str | None = None) -> Engine:
    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True)
    for name, text in briefs.items():
        (corpus / name).write_text(text)
    if registry is not None:
        (corpus / "actors.toml").write_text(registry)
    engine = Engine(corpus, tmp_path / "index", FakeEmbedder())
    engine.reindex()
    return engine


def test_surname_shared_by_two_people_in_small_briefs(tmp_path):
    engine = build(
        tmp_path,
        {
            "a.md": (
                "---\ntitle: A\ndate: 2025-01-02\n---\n\n"
                "Foreign Minister Ahmed Khan met Army Chief Bilal Khan "
                "in Lahore.\n\nLater, Bilal Khan warned that the border would close. Khan said the decision "
                "was final.\n"
            ),
            "b.md": (
                "---\ntitle: B\ndate: 2025-03-04\n---\n\nForeign Minister Ahmed Khan announced new talks.\n"
            ),
        },
    )
    directory = engine.actor_directory()
    assert directory.find("Ahmed Khan") != directory.find("Bilal Khan")
    bilal = directory.summary("Bilal Khan")
    assert [r.text for r in bilal.roles] == ["Army Chief"]
    assert [s.text for s in bilal.statements] == [
        "Later, Bilal Khan warned that the border would close.",
        "Khan said the decision was final.",
    ]
    ahmed = directory.summary("Ahmed Khan")
    assert ahmed.briefs == 2
    assert [(t.date, t.brief_id) for t in ahmed.timeline] == [("2025-01-02", "a"), ("2025-03-04", "b")]
    assert ahmed.timeline[1].text == "Foreign Minister Ahmed Khan announced new talks."


def test_a_timeline_cites_a_sentence_naming_the_actor(tmp_path):
    engine = build(
        tmp_path,
        {"a.md": "---\ntitle: A\ndate: 2025-01-02\n---\n\nThe talks stalled. Pressure from Iran grew.\n"},
    )
    [entry] = engine.actor_directory().summary("Iran").timeline
    assert entry.text == "Pressure from Iran grew."  # it neither says nor does anything there


def test_no_line_of_a_summary_repeats_one_that_holds_it(sample):
    # "Kabul is not a no-go area.” ends the quote cited whole: it is not listed again on its own.
    for actor_id in sample.index.actors:
        summary = sample.summary(actor_id)
        lines = [line.text for line in (*summary.statements, *summary.actions, *summary.mentioned)]
        for number, line in enumerate(lines):
            assert not any(line in other for other in lines[:number]), (actor_id, line)


def test_acronym_used_before_its_definition(tmp_path):
    engine = build(
        tmp_path,
        {"a.md": ("# A\n\nThe BLA claimed the attack.\n\nThe Baloch Liberation Army (BLA) is banned.\n")},
    )
    directory = engine.actor_directory()
    same_actor(directory, "BLA", "Baloch Liberation Army")
    summary = directory.summary("BLA")
    assert summary.kind == "armed group" and summary.mentions == 2
    assert [s.text for s in summary.statements] == ["The BLA claimed the attack."]


def test_registry_alias_overrides_discovery(tmp_path):
    registry = (
        '[[actor]]\nname = "Afghan Taliban government"\nkind = "state"\naliases = ["Kabul", "Taliban"]\n'
    )
    engine = build(tmp_path, {"a.md": "# A\n\nKabul rejected the claim. Islamabad insisted.\n"}, registry)
    directory = engine.actor_directory()
    assert directory.find("Kabul") == "afghan-taliban-government"  # discovery alone says Afghanistan
    assert [s.text for s in directory.summary("Kabul").statements] == ["Kabul rejected the claim."]
    without = build(tmp_path / "plain", {"a.md": "# A\n\nKabul rejected the claim.\n"})
    assert without.actor_directory().find("Kabul") == "afghanistan"


def test_broken_registry_is_reported_and_discovery_still_runs(tmp_path):
    engine = build(tmp_path, {"a.md": "# A\n\nIslamabad insisted on talks.\n"}, "[[actor]\nname=")
    report = engine.reindex(rebuild=True)
    assert any("actors.toml" in note for note in report.notes)
    assert engine.actor_directory().find("Islamabad") == "pakistan"


def test_editing_the_registry_publishes_a_new_generation(tmp_path):
    engine = build(tmp_path, {"a.md": "# A\n\nThe Pakistani Taliban attacked.\n"}, "")
    with pytest.raises(UnknownActorError):
        engine.actor_directory().find("TTP")
    (engine.corpus_dir / "actors.toml").write_text(
        '[[actor]]\nname = "Tehreek-e-Taliban Pakistan"\nkind = "armed group"\n'
        'aliases = ["TTP", "Pakistani Taliban"]\n'
    )
    report = engine.reindex()
    assert report.published and report.embedded == 0
    assert engine.actor_directory().summary("TTP").mentions == 1


def test_co_mention_network(sample):
    network = sample.network("Sirajuddin Haqqani")
    assert network.nodes[0] == ("Sirajuddin Haqqani", 1)
    assert {name for name, _ in network.nodes} == {
        "Sirajuddin Haqqani",
        "Afghan Taliban government",
        "Pakistan",
    }
    edges = {(a, b): n for a, b, n in network.edges}
    assert edges[("Sirajuddin Haqqani", "Pakistan")] == 1
    assert edges[("Afghan Taliban government", "Pakistan")] == 12  # co-actors are linked to each other too


def test_states_of_any_region_are_actors(tmp_path):
    engine = build(
        tmp_path,
        {
            "sahel.md": "# Sahel\n\nMali and Burkina Faso left the bloc, and Niger followed. "
            "Papua New Guinea and Guinea-Bissau voted against; Côte d'Ivoire abstained.\n"
        },
    )
    directory = engine.actor_directory()
    states = {a.name for a in directory.index.actors.values() if a.kind == "state"}
    # The longer name wins: no "Guinea" inside "Papua New Guinea" or "Guinea-Bissau".
    assert states == {"Mali", "Burkina Faso", "Niger", "Papua New Guinea", "Guinea-Bissau", "Côte d'Ivoire"}
    assert directory.find("Ivory Coast") == directory.find("Côte d'Ivoire")


def test_names_in_compounds_count_but_not_after_a_particle(tmp_path):
    engine = build(
        tmp_path,
        {
            "compounds.md": "# Ties\n\nCritics point to India-sponsored militancy along the border. "
            "An anti-Pakistan mood is spreading in the region. India-Afghanistan ties deepened. "
            "Anti-Pakistan slogans were heard in Kabul. The Iran-Iraq war ended in 1988.\n"
        },
    )
    index = engine.actor_directory().index
    sentences = {}
    for mention in index.mentions:
        sentences.setdefault(index.actors[mention.actor_id].name, set()).add(mention.sentence)
    # No Pakistan: "anti-" and "Anti-" are no mention (but a short name is: "Iran-Iraq"); Kabul is
    # Afghanistan's capital.
    assert sentences == {"India": {0, 2}, "Afghanistan": {2, 3}, "Iran": {4}, "Iraq": {4}}
    # A name in a compound is a modifier, never what the sentence says the actor did.
    assert engine.actor("India").actions == () and engine.actor("Afghanistan").actions == ()


def test_what_might_happen_is_no_act(tmp_path):
    engine = build(
        tmp_path,
        {
            "strikes.md": "# Strikes\n\nThe remarks underscored Kabul’s resolve to respond if Pakistan "
            "carries out further strikes. Pakistan reopened the Torkham crossing. Unless Pakistan "
            "secures its border, attacks will go on. If Pakistan strikes again, Kabul will respond.\n"
        },
    )
    assert [line.text for line in engine.actor("Pakistan").actions] == [
        "Pakistan reopened the Torkham crossing."
    ]


def test_a_states_government_speaks_for_it_and_a_response_in_deeds_is_an_act(tmp_path):
    engine = build(
        tmp_path,
        {
            "water.md": "# Water\n\nPakistan's government said that diverting water would be an act of "
            "war. Pakistan's rivers feed its farms. Pakistan responded by raising a new division. "
            "Pakistan responded that the treaty stands. Legal experts expect Pakistan to go to court.\n"
        },
    )
    summary = engine.actor("Pakistan")
    assert [line.text[:30] for line in summary.statements] == [
        "Pakistan's government said tha",
        "Pakistan responded that the tr",
    ]
    assert [line.text[:30] for line in summary.actions] == ["Pakistan responded by raising "]
    # Its rivers are not its voice; whom experts expect to act does not act.
    assert [line.text[:24] for line in summary.mentioned] == [
        "Pakistan's rivers feed i",
        "Legal experts expect Pak",
    ]


def test_an_actor_after_a_verb_or_a_preposition_is_not_what_the_sentence_has_it_do(tmp_path):
    engine = build(
        tmp_path,
        {
            "truce.md": "# Truce\n\nThe truce with Pakistan is viewed as a chance to compel the "
            "Afghan Taliban to act. Before the talks, there were hopes that Afghanistan might join. "
            "However, if the Taliban fail to act, the talks could collapse. Talks stalled, with "
            "both Kabul and Islamabad accusing each other. Kabul closed the Torkham crossing.\n"
        },
        registry='[[actor]]\nname = "Afghan Taliban"\nkind = "state"\n'
        'aliases = ["Taliban", "Kabul", "Afghanistan"]\n',
    )
    summary = engine.actor("Afghan Taliban")
    assert [line.text[:24] for line in summary.statements + summary.actions] == [
        "Talks stalled, with both",  # a phrase of its own after a comma: its subjects accuse
        "Kabul closed the Torkham",
    ]
    assert len(summary.mentioned) == 3


def test_an_actor_after_a_bare_verb_of_saying_is_what_others_say_of_it(tmp_path):
    engine = build(
        tmp_path,
        {
            "red-sea.md": "# Red Sea\n\nWestern officials accuse Iran of supplying the Houthis with drones. "
            "Analysts note that the Houthis retain autonomy. Tehran denies directing them. A claim "
            "Iran dismissed was repeated. Houthi forces seized a ship.\n"
        },
    )
    directory = engine.actor_directory()
    iran = directory.summary("Iran")
    assert [line.text[:12] for line in iran.statements] == ["Tehran denie", "A claim Iran"]
    assert iran.actions == ()
    houthis = directory.summary("Houthis")
    # "Houthi" before a noun is the group, but its own singular is not listed as another name.
    assert [line.text[:12] for line in houthis.actions] == ["Houthi force"]
    assert houthis.mentions == 1 and houthis.aliases == ()
    assert directory.find("Houthi") == directory.find("Ansar Allah")


def test_the_agent_of_a_passive_acts_and_a_comma_ends_a_preposition_s_reach(tmp_path):
    engine = build(
        tmp_path,
        {
            "talks.md": "# Talks\n\nAfter talks mediated by Qatar and Türkiye, Pakistan and Afghanistan "
            "agreed to extend the truce. In April 2025, after the attack at Pahalgam, India announced "
            "a review. Sanctions on Iran, Russia and China were eased. Any deal could be perceived by "
            "Kabul as a threat. Mujahid denied it, asserting that those identified by Pakistan were "
            "refugees.\n"
        },
    )
    directory = engine.actor_directory()

    def said_and_did(name):
        summary = directory.summary(name)
        return [line.text[:20] for line in summary.statements], [line.text[:20] for line in summary.actions]

    assert said_and_did("Qatar") == ([], ["After talks mediated"])
    assert said_and_did("Türkiye") == ([], ["After talks mediated"])
    assert said_and_did("Pakistan") == ([], ["After talks mediated"])  # not those it identified
    assert said_and_did("India") == (["In April 2025, after"], [])
    # The agent of what only might be (Kabul is Afghanistan), or listed after a preposition.
    assert said_and_did("Afghanistan") == ([], ["After talks mediated"])
    for name in ("Russia", "China"):
        assert said_and_did(name) == ([], [])
        assert not directory.speaks_or_acts(directory.find(name))


def test_an_actor_named_in_many_sentences_lists_the_first_few_it_is_only_named_in(tmp_path):
    from index.actor_summary import MENTIONED_LIMIT

    sentence = "Pressure from China grew over the port{n} and the dam{n} dispute."
    sentences = " ".join(sentence.format(n=n) for n in range(MENTIONED_LIMIT + 5))
    engine = build(tmp_path, {"a.md": f"---\ntitle: A\n---\n\n{sentences}\n"})
    china = engine.actor_directory().summary("China")
    assert len(china.mentioned) == MENTIONED_LIMIT
    assert china.mentioned[0].text.startswith("Pressure from China grew over the port0 ")


def test_people_named_with_an_office_in_lower_case_or_set_off_by_commas(tmp_path):
    engine = build(
        tmp_path,
        {
            "water.md": "# Water\n\nIran's foreign minister Abbas Araghchi warned Kabul. Pakistan's "
            "interior minister, Mohsin Naqvi, met the envoy. In General, Pakistan Army units stayed "
            "put. The minister Islamabad chose spoke.\n"
        },
    )
    directory = engine.actor_directory()
    people = {a.name for a in directory.index.actors.values() if a.kind == "person"}
    assert people == {"Abbas Araghchi", "Mohsin Naqvi"}
    assert [role.text for role in engine.actor("Naqvi").roles] == ["Pakistan's interior minister"]
    assert [line.text[:30] for line in engine.actor("Araghchi").statements] == [
        "Iran's foreign minister Abbas "
    ]


def test_bodies_named_in_full_without_an_acronym(tmp_path):
    engine = build(
        tmp_path,
        {
            "a.md": "# A\n\nThe Baloch Liberation Army claimed the attack in Gwadar. When Pakistan Army "
            "units arrived, the Awami National Party called for calm. The Future of Ceasefire is unclear.\n"
        },
    )
    kinds = {a.name: a.kind for a in engine.actor_directory().index.actors.values() if a.kind != "state"}
    assert kinds == {
        "Baloch Liberation Army": "armed group",
        "Pakistan Army": "organisation",  # a state's own army
        "Awami National Party": "organisation",
    }
    assert [s.text for s in engine.actor("Baloch Liberation Army").statements] == [
        "The Baloch Liberation Army claimed the attack in Gwadar."
    ]


def test_bodies_of_the_world_are_known_by_their_names(tmp_path):
    engine = build(
        tmp_path,
        {
            "a.md": (
                "# A\n\nThe World Bank said its role was limited to that of a facilitator.\n\n"
                "Pakistan's National Security Council met after the UNSC debate.\n"
            )
        },
    )
    directory = engine.actor_directory()
    bank = directory.summary("World Bank")
    assert bank.kind == "organisation" and [s.text[:20] for s in bank.statements] == ["The World Bank said "]
    council = directory.summary("UNSC")
    assert council.name == "United Nations Security Council" and council.mentions == 1
    # A state's own council is not the UN's.
    assert directory.find("National Security Council") != directory.find("UNSC")


def test_armed_groups_of_the_world_are_known_by_their_names(tmp_path):
    text = (
        "# A\n\nThe Taliban rejected the charge. The Tehreek-e-Taliban Pakistan (TTP) denied involvement.\n\n"
        "Daesh claimed the bombing, and al-Qaeda stayed silent.\n"
    )
    directory = build(tmp_path, {"a.md": text}).actor_directory()
    groups = {a.name for a in directory.index.actors.values() if a.kind == "armed group"}
    assert groups == {"Taliban", "Tehreek-e-Taliban Pakistan", "Islamic State", "Al-Qaeda"}
    # The "Taliban" of "Tehreek-e-Taliban" is not the Afghan one.
    taliban = directory.summary("Taliban")
    assert taliban.mentions == 1 and [s.text for s in taliban.statements] == [
        "The Taliban rejected the charge."
    ]
    assert directory.find("ISIS") == directory.find("Daesh")
    # The gazetteer's other names find the actor, but a summary lists those a brief writes.
    assert directory.summary("ISIS").aliases == ("Daesh",)
    assert directory.summary("Tehrik-i-Taliban Pakistan").aliases == ("TTP",)
    # A registry that makes the Taliban part of another actor wins: no second actor.
    registry = '[[actor]]\nname = "Afghan Taliban government"\nkind = "state"\naliases = ["Taliban"]\n'
    directory = build(tmp_path / "with_registry", {"a.md": text}, registry).actor_directory()
    assert directory.summary("Taliban").name == "Afghan Taliban government"
    assert "Taliban" not in {a.name for a in directory.index.actors.values()}
