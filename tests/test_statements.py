from __future__ import annotations

from datetime import date

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique import extract
from communique.errors import InputError
from communique.records import Record, Statement
from communique.settings import DEFAULT_MODELS
from communique.stages.statements import cue_lexicon

PUB = date(2025, 9, 4)


def speaker_name(record: Record, st: Statement) -> str | None:
    actor = record.actor(st.speaker) if st.speaker else None
    return actor.name if actor else None


def only(record: Record) -> Statement:
    assert len(record.statements) == 1, [s.content.text for s in record.statements]
    return record.statements[0]


def test_indirect_statement_with_named_speaker(nlp) -> None:
    r = extract("German Chancellor Friedrich Merz said on Tuesday that Europe must spend more on defence.",
                published=PUB)
    st = only(r)
    assert (st.kind, st.source_type, st.cue.text) == ("indirect", "named", "said")
    assert st.content.text == "that Europe must spend more on defence"
    assert speaker_name(r, st) == "Friedrich Merz" and st.date == "2025-09-02"


def test_direct_quote_with_pronoun_resolved_to_previous_speaker(nlp) -> None:
    r = extract("Spanish Prime Minister Pedro Sanchez said that talks with Morocco went well.\n"
                "“We have opened a new chapter with our neighbours.” He said.", published=PUB)
    direct = [s for s in r.statements if s.kind == "direct"]
    assert len(direct) == 1 and direct[0].speaker_mention.text == "He"
    assert speaker_name(r, direct[0]) == "Pedro Sanchez"


def test_parenthetical_quote(nlp) -> None:
    r = extract("“We will defend every inch of allied territory,” Mark Rutte told reporters.", published=PUB)
    st = only(r)
    assert st.kind == "direct" and st.content.text.startswith("We will defend every inch")
    assert speaker_name(r, st) == "Mark Rutte" and st.cue.text == "told"


def test_floating_quote_continues_the_speaker(nlp) -> None:
    r = extract("Finnish President Alexander Stubb said the border would stay closed.\n"
                "“Nobody should doubt our resolve on this matter.”", published=PUB)
    assert [speaker_name(r, s) for s in r.statements] == ["Alexander Stubb", "Alexander Stubb"]
    assert r.statements[1].cue is None and r.statements[1].speaker_mention is None


def test_mixed_statement_has_a_quoted_fragment(nlp) -> None:
    r = extract("Lavrov said there was a chance of progress “if common sense prevails” in the talks.", published=PUB)
    assert only(r).kind == "mixed"


def test_according_to_an_anonymous_source(nlp) -> None:
    r = extract("According to two people familiar with the talks, the envoy will travel to Riyadh.", published=PUB)
    st = only(r)
    assert (st.kind, st.source_type) == ("according_to", "anonymous")
    assert st.content.text.startswith("the envoy will travel to Riyadh")
    assert st.speaker_mention.text == "two people familiar with the talks"


def test_source_types(nlp) -> None:
    r = extract("Two European officials said the plan was dead. The Kremlin said the plan was alive. "
                "European leaders have made clear that they back Kyiv.", published=PUB)
    assert [s.source_type for s in r.statements] == ["anonymous", "institutional", "collective"]
    assert r.statements[2].cue.text == "made clear"
    assert r.statements[2].content.text == "that they back Kyiv"


def test_negated_and_future_cues_are_not_statements(nlp) -> None:
    r = extract("Washington has not announced that it will send troops. Paris will say that it agrees.",
                published=PUB)
    assert r.statements == ()


def test_multi_paragraph_quote_is_one_statement(nlp) -> None:
    r = extract("The minister spoke for an hour. She said:\n“The first point is that we will keep our promises to "
                "the farmers.\n“The second point is that we will not be bullied by anyone,” she said.", published=PUB)
    quotes = [s for s in r.statements if s.kind == "direct"]
    assert len(quotes) == 1 and "first point" in quotes[0].content.text and "second point" in quotes[0].content.text


def test_unbalanced_marks_do_not_crash(nlp) -> None:
    for text in ("He said “we are ready.", "“ “ ” » « \" ' ’", "She said \"yes\" and \"no", "«»«»“”"):
        r = extract(text + " The ministers said they would meet again.", published=PUB)
        for statement in r.statements:
            assert r.document.text[statement.content.start:statement.content.end] == statement.content.text


def test_cue_lexicon_is_data() -> None:
    lexicon = cue_lexicon()
    assert lexicon["say"] == "speech" and lexicon["believe"] == "belief" and lexicon["want"] == "intention"
    assert set(lexicon.values()) <= {"speech", "belief", "evidence", "stance", "intention"}


def test_component_is_usable_in_any_pipeline() -> None:
    nlp = None
    for name in DEFAULT_MODELS:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    assert nlp is not None
    nlp.add_pipe("communique_actors")
    nlp.add_pipe("communique_statements")
    doc = nlp("Ukrainian President Volodymyr Zelenskiy said that the talks had failed.")
    [st] = doc._.statements
    assert st.content.text == "that the talks had failed"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["Macron said", "that", "“We are ready,”", "he said.", "According to officials,",
                                 "Putin", "told reporters", "“", "”", "\"", "«", "the talks failed", "\n", ",", "."]),
                min_size=1, max_size=25))
def test_statement_spans_lie_inside_and_speakers_exist(nlp, parts: list[str]) -> None:
    try:
        r = extract(" ".join(parts) + " The envoy arrived.", published=PUB)
    except InputError:
        return  # refused with a one-line reason (e.g. not English): nothing to check
    n = len(r.document.text)
    for s in r.statements:
        for span in (s.content, s.cue, s.speaker_mention):
            if span is not None:
                assert 0 <= span.start <= span.end <= n and r.document.text[span.start:span.end] == span.text
        assert s.speaker is None or r.actor(s.speaker) is not None


# -- the readout register (sentences written for these tests) ---------------------------------------------

def test_a_cue_with_a_nominal_content_is_a_statement(nlp) -> None:
    r = extract("Emmanuel Macron stressed the need for a lasting ceasefire in Sudan.", published=PUB)
    st = only(r)
    assert speaker_name(r, st) == "Emmanuel Macron" and st.content.text == "the need for a lasting ceasefire in Sudan"


def test_informing_someone_about_something_is_a_statement_about_it(nlp) -> None:
    r = extract("Olaf Scholz informed Emmanuel Macron about the results of his trip to Beijing.", published=PUB)
    st = only(r)
    assert speaker_name(r, st) == "Olaf Scholz" and st.content.text.startswith("about the results")
    r = extract("Olaf Scholz informed Emmanuel Macron of the results of his trip to Beijing.", published=PUB)
    assert only(r).content.text.startswith("of the results")


def test_an_agentless_passive_is_said_by_the_accounts_principal(nlp) -> None:
    r = extract("Vladimir Putin held talks with Kassym-Jomart Tokayev in Astana. Vladimir Putin praised the hosts. "
                "It was noted that trade between the two countries had grown.", published=PUB)
    passive = [s for s in r.statements if s.content.text.startswith("that trade")]
    assert passive and speaker_name(r, passive[0]) == "Vladimir Putin" and passive[0].speaker_mention is None


def test_a_role_description_speaks_for_the_office_holder_named_earlier(nlp) -> None:
    r = extract("Volodymyr Zelenskyy met Ursula von der Leyen in Kyiv. The Head of State said that Ukraine "
                "needs more air defence. The President of Ukraine also noted that winter will be hard.", published=PUB)
    assert [speaker_name(r, s) for s in r.statements] == ["Volodymyr Zelenskiy", "Volodymyr Zelenskiy"]
    assert all(s.source_type == "named" for s in r.statements)


def test_a_description_without_a_name_is_the_holder_on_the_articles_date(nlp) -> None:
    r = extract("The President of Russia said that the exercises would end on Friday.", published=date(2016, 5, 4))
    assert speaker_name(r, only(r)) == "Vladimir Putin"
    r2 = extract("The President of Russia said that the exercises would end on Friday.", published=date(2009, 5, 4))
    assert speaker_name(r2, only(r2)) == "Dmitry Medvedev"


def test_the_two_leaders_are_a_collective_speaker(nlp) -> None:
    r = extract("Pedro Sanchez met Giorgia Meloni in Rome. The two leaders expressed their concern over migration "
                "in the Mediterranean.", published=PUB)
    st = only(r)
    assert st.source_type == "collective" and st.speaker_mention and st.speaker_mention.text == "The two leaders"
    names = {a.id: a.name for a in r.actors}
    assert [names[i] for i in st.speakers] == ["Pedro Sanchez", "Giorgia Meloni"]


def test_a_readouts_they_is_said_by_both_parties_and_a_person_alone_by_himself(nlp) -> None:
    r = extract("Olaf Scholz had a telephone conversation with President of Chile Gabriel Boric. They noted that "
                "trade in copper had grown. Olaf Scholz said that the talks would go on.", published=PUB)
    names = {a.id: a.name for a in r.actors}
    said = {s.cue.text if s.cue else "": [names[i] for i in s.speakers] for s in r.statements}
    assert said["noted"] == ["Olaf Scholz", "Gabriel Boric"] and said["said"] == ["Olaf Scholz"]


def test_fragments_are_never_speakers(nlp) -> None:
    r = extract("According to plan, the ferry left Tallinn at noon. It was striking that nobody came.",
                published=PUB)
    assert not [s for s in r.statements if s.speaker_mention and s.speaker_mention.text in {"plan", "It"}]


def test_i_in_a_transcript_is_its_speaker(nlp) -> None:
    r = extract("Mette Frederiksen answered questions in Aarhus.\n\nI believe that the harbour will reopen soon.",
                published=PUB)
    inner = [s for s in r.statements if s.speaker_mention and s.speaker_mention.text == "I"]
    assert inner and speaker_name(r, inner[0]) == "Mette Frederiksen"


def test_a_statement_is_dated_when_it_was_said_not_by_its_content(nlp) -> None:
    r = extract("Keir Starmer said that the treaty signed in 2019 must be honoured.", published=PUB)
    assert only(r).date == PUB.isoformat()


def test_a_transcript_turn_is_its_speakers_direct_speech(nlp) -> None:
    r = extract("Meeting on the harvest\n\nVladimir Putin: Good afternoon. As you know, the grain crop was large.\n\n"
                "Dmitry Patrushev: Thank you. Exports will grow this year.", published=date(2021, 8, 2))
    turns = [(s.speaker_mention.text if s.speaker_mention else None, s.kind, s.content.text[:10])
             for s in r.statements]
    assert turns == [("Vladimir Putin", "direct", "Good after"), ("Dmitry Patrushev", "direct", "Thank you.")]
    assert speaker_name(r, r.statements[0]) == "Vladimir Putin"


def test_as_someone_noted_attributes_the_main_clause(nlp) -> None:
    r = extract("As Alexander Stubb noted, the border with Russia remains closed.", published=PUB)
    st = only(r)
    assert speaker_name(r, st) == "Alexander Stubb" and st.content.text.startswith("the border with Russia")


def test_this_was_stated_by_someone_attributes_the_sentence_before(nlp) -> None:
    r = extract("Finland will buy more artillery. This was stated by Alexander Stubb in Turku.", published=PUB)
    st = only(r)
    assert speaker_name(r, st) == "Alexander Stubb" and st.content.text == "Finland will buy more artillery."


def test_according_to_him_is_the_person_named_before(nlp) -> None:
    r = extract("Reporters met Alexander Stubb in Turku. According to him, the border will stay closed.",
                published=PUB)
    assert speaker_name(r, only(r)) == "Alexander Stubb"


def test_a_transcript_turn_goes_on_over_its_following_lines_as_one_quotation(nlp) -> None:
    r = extract("Meeting on the harvest\n\nVladimir Putin: Good afternoon. The grain crop was large.\n"
                "We have spoken with the farmers of the Kuban.\nExports will grow this year.\n\n"
                "Dmitry Patrushev: Thank you.", published=date(2021, 8, 2))
    putin = [s for s in r.statements if speaker_name(r, s) == "Vladimir Putin"]
    assert [(s.content.text[:4], s.content.text[-10:]) for s in putin] == [("Good", "this year.")]
    assert all(s.kind == "direct" for s in putin)
    assert r.statements[-1].speaker_mention.text == "Dmitry Patrushev"  # type: ignore[union-attr]


def test_they_after_two_leaders_is_the_meeting_not_the_last_country_named() -> None:
    from communique import extract

    record = extract("Narendra Modi had a telephone conversation with Olaf Scholz. Narendra Modi and Olaf Scholz "
                     "discussed the situation in Sudan. They also stressed the importance of a ceasefire.",
                     published="2024-03-01")
    names = {a.id: a.name for a in record.actors}
    they = [s for s in record.statements if s.speaker_mention and s.speaker_mention.text == "They"]
    assert they and names[they[0].speaker or ""] in {"Narendra Modi", "Olaf Scholz"}
    assert they[0].source_type == "collective"


@pytest.mark.parametrize("parties", ["The presidents of India and Germany", "The Indian and German leaders"])
def test_they_after_the_parties_described_by_their_states_is_the_meeting(parties: str) -> None:
    said = _speakers(f"Narendra Modi had a telephone conversation with Chancellor of Germany Olaf Scholz. {parties} "
                     "voiced concern over the fighting in Sudan. They noted the need to restore the truce.")
    assert said["noted"] in {"Narendra Modi", "Olaf Scholz"}


def test_a_cue_in_an_infinitive_the_speaker_went_on_to_is_his() -> None:
    said = _speakers("Gabriel Boric went on to outline his plans for the talks by stressing that Chile remains open "
                     "to dialogue. Gabriel Boric asked Alberto van Klaveren to stress that the talks would go on.")
    assert said["stressing"] == "Gabriel Boric"


def test_a_cue_joined_inside_what_was_said_belongs_to_the_speaker() -> None:
    from communique import extract

    record = extract("Olaf Scholz confirmed that the tariffs imposed by the United States have hurt exporters and "
                     "noted the importance of open trade.", published="2024-03-01")
    names = {a.id: a.name for a in record.actors}
    noted = [s for s in record.statements if s.cue and s.cue.text == "noted"]
    assert noted and names[noted[0].speaker or ""] == "Olaf Scholz"


def test_the_other_leader_described_by_office_is_that_leader_not_the_principal() -> None:
    from communique import extract

    record = extract("Narendra Modi had a telephone conversation with President of France Emmanuel Macron. "
                     "Narendra Modi outlined his view of the talks. The President of France noted the importance "
                     "of trade.", published="2024-03-01")
    names = {a.id: a.name for a in record.actors}
    noted = [s for s in record.statements if s.cue and s.cue.text == "noted"]
    assert noted and names[noted[0].speaker or ""] == "Emmanuel Macron"


def _speakers(text: str, published: str = "2024-03-01") -> dict[str, str | None]:
    record = extract(text, published=published)
    names = {a.id: a.name for a in record.actors}
    return {s.cue.text: names.get(s.speaker or "") for s in record.statements if s.cue}


def test_a_title_that_names_a_body_is_the_person_it_ends_with_and_later_the_holder_of_that_title() -> None:
    said = _speakers("The Director of the National Weather Service Maria Santos warned that the river was rising. "
                     "Later the Director of the Weather Service stressed that the dams held.")
    assert said == {"warned": "Maria Santos", "stressed": "Maria Santos"}


def test_an_adviser_to_a_president_is_not_the_president() -> None:
    said = _speakers("President Gabriel Boric met experts in Santiago. A former adviser to the President of "
                     "the United States said that the experts would meet again.")
    assert said["said"] not in {"Gabriel Boric", "Joe Biden"}


def test_the_president_inside_the_name_of_his_office_is_not_the_speaker() -> None:
    said = _speakers("President Gabriel Boric met Lucia Vera, the Head of the President's Office. The Head of "
                     "the Office of the President stressed that the talks went well.")
    assert said["stressed"] != "Gabriel Boric"


def test_a_title_set_off_by_commas_after_a_name_lets_the_title_speak_for_the_person() -> None:
    r = extract("Arvo Tamm, Adviser to the Head of the Presidential Office of Estonia, met the delegation. "
                "\"Every issue was discussed,\" said the Adviser to the Head of the Presidential Office.",
                published="2024-05-02")
    names = {a.id: a.name for a in r.actors}
    assert [names.get(s.speaker or "") for s in r.statements] == ["Arvo Tamm"]


def test_a_title_the_parser_broke_off_still_ends_in_its_bearer() -> None:
    r = extract("Tanks were seen near the border. This was announced by Adviser to the Head of the Office of the "
                "President Oleksiy Marchuk at a briefing in Kyiv.", published="2022-02-24")
    names = {a.id: a.name for a in r.actors}
    assert [names.get(s.speaker or "") for s in r.statements] == ["Oleksiy Marchuk"]
    r = extract("This was stated by Adviser to the President of Ukraine on Trade Issues Oleg Fedorenko in a comment.",
                published="2022-02-24")
    names = {a.id: a.name for a in r.actors}
    assert [names.get(s.speaker or "") for s in r.statements] == ["Oleg Fedorenko"]


def test_a_title_the_article_introduced_a_name_with_is_that_person(nlp) -> None:
    r = extract("Gabriel Boric met the head of the Arica regional port authority Tomas Riquelme. The Head of the "
                "Arica regional port authority said the port would reopen. Later, Boric spoke with Inter-American "
                "Court Judge Ana Lucia Rios. As the Inter-American Court Judge said, the case will go on.",
                published=PUB)
    assert [speaker_name(r, st) for st in r.statements] == ["Tomas Riquelme", "Ana Lucia Rios"]
    r = extract("Gabriel Boric praised the head of the Arica port authority. Tomas Riquelme said the port would "
                "reopen. The head of the Arica port authority said the pier was safe.", published=PUB)
    assert speaker_name(r, r.statements[-1]) != "Tomas Riquelme"  # told in another sentence: no introduction


def test_who_said_is_the_one_the_clause_is_about_and_who_support_us_is_no_statement(nlp) -> None:
    r = extract("Gabriel Boric met Alberto Fernandez, who said that the talks would continue.", published=PUB)
    assert [speaker_name(r, st) for st in r.statements] == ["Alberto Fernandez"]
    r = extract("Gabriel Boric is grateful to the friends of Chile who support us. Glory to all who defend the "
                "state!", published=PUB)
    assert r.statements == ()


def test_a_town_in_the_speakers_words_is_not_the_speaker(nlp) -> None:
    r = extract("Gabriel Boric contacted the defenders of Arica who also said that the port was under fire. "
                "The defenders of Arica said the port was safe. The city of Arica demanded that the port reopen.",
                published=PUB)
    assert [(speaker_name(r, st), st.speaker_mention.text if st.speaker_mention else None)
            for st in r.statements] == [(None, "who"), (None, "The defenders of Arica"), ("Arica", "The city of Arica")]


def test_a_turn_goes_on_past_a_see_also_link_and_a_label_keeps_its_name_without_its_note(nlp) -> None:
    r = extract("Meeting with Prime Minister of Chile\n\nOlaf Scholz met with Prime Minister of Chile Ana Soto.\n"
                "Olaf Scholz: Madam Prime Minister, it is a pleasure to see you in Berlin.\nSee also\n"
                "Press conference on German-Chilean talks May 6, 2025\nOur trade in copper has grown every year.\n"
                "Ana Soto (retranslated): Thank you for the invitation. I am glad to be here.", published=PUB)
    names = {a.id: a.name for a in r.actors}
    said = {s.content.text: names.get(s.speaker or "") for s in r.statements}
    assert said["Our trade in copper has grown every year."] == "Olaf Scholz"
    assert said["Thank you for the invitation. I am glad to be here."] == "Ana Soto"


def test_no_statement_of_whom_and_none_from_a_clause_before_a_colon(nlp) -> None:
    r = extract("It is a pleasure to welcome you to Lisbon. Exports are growing in every sector: the Trade "
                "Council is working hard.", published=PUB)
    assert not r.statements


def test_turns_a_page_runs_together_are_each_their_speakers(nlp) -> None:
    r = extract("Meeting with Ana Soto\n\nOlaf Scholz met with Prime Minister of Chile Ana Soto.\n\nOlaf Scholz: "
                "Madam Prime Minister, we are glad to see you. Our ports are busy. Ana Soto: Thank you. I am glad to "
                "be in Hamburg again. Olaf Scholz: So are we.", published=PUB)
    names = {a.id: a.name for a in r.actors}
    said = [(names.get(s.speaker or ""), s.content.text) for s in r.statements if s.cue is None]
    assert said == [("Olaf Scholz", "Madam Prime Minister, we are glad to see you. Our ports are busy."),
                    ("Ana Soto", "Thank you. I am glad to be in Hamburg again."), ("Olaf Scholz", "So are we.")]


def test_a_belief_inside_a_turn_is_part_of_the_turn(nlp) -> None:
    r = extract("Meeting with Ana Soto\n\nOlaf Scholz met with Prime Minister of Chile Ana Soto.\n\nAna Soto: I "
                "believe that our ports will grow. The copper trade is strong.\n\nOlaf Scholz: Thank you.",
                published=PUB)
    said = [s.content.text for s in r.statements]
    assert said == ["I believe that our ports will grow. The copper trade is strong.", "Thank you."]


def test_a_title_that_credits_its_claim_after_a_dash_is_that_persons_statement(nlp) -> None:
    r = extract("The port of Odesa must reopen - Volodymyr Zelenskyy\n\nVolodymyr Zelenskyy met grain traders in Kyiv.",
                published="2022-05-17")
    names = {a.id: a.name for a in r.actors}
    said = [(names.get(s.speaker or ""), s.content.text) for s in r.statements]
    assert said == [("Volodymyr Zelenskiy", "The port of Odesa must reopen")]
    r = extract("The grain will sail - address by the President of Ukraine\n\nUkrainians! The ships are ready.",
                published="2022-05-17")
    assert [(s.content.text, r.actor(s.speaker).name if s.speaker else None) for s in r.statements] == [
        ("The grain will sail", "Volodymyr Zelenskiy")]
    r = extract("Ukraine will rebuild - Independence Day\n\nVolodymyr Zelenskyy laid flowers in Kyiv.",
                published="2022-08-24")
    assert not r.statements  # a day, no speaker
    r = extract("Volodymyr Zelenskyy met traders in Kyiv and they agreed that the port must reopen soon - Odesa first.",
                published="2022-05-17")
    assert all(s.content.text != "Volodymyr Zelenskyy met traders in Kyiv and they agreed that the port must reopen "
               "soon" for s in r.statements)  # a first line that is no title credits no one


def test_reminding_and_summing_up_are_cues(nlp) -> None:
    r = extract("Ana Soto reminded that the bridge was closed. \"The ferry will run,\" Ana Soto summed up.",
                published=PUB)
    assert sorted(s.cue.text for s in r.statements if s.cue) == ["reminded", "summed"]


def test_a_label_is_its_person_or_its_office_holder_never_a_place_it_names(nlp) -> None:
    cases = {"President of Ukraine: If the ports open, the grain will sail\n\nVolodymyr Zelenskyy spoke in Kyiv.":
             "Volodymyr Zelenskiy",
             "Volodymyr Zelenskyy in Davos: Europe needs unity\n\nVolodymyr Zelenskyy spoke in Davos.":
             "Volodymyr Zelenskiy",
             "Bishop Tomas of Valparaiso and All Chile: The harbour chapel is open again.\n\nTomas spoke.":
             "Bishop Tomas"}
    for text, who in cases.items():
        r = extract(text, published="2022-05-17")
        first = r.statements[0]
        assert first.speaker is not None and who.split()[-1] in r.actor(first.speaker).name, text


def test_a_title_joined_to_a_second_by_a_dash_still_introduces_its_bearer(nlp) -> None:
    r = extract("Deputy Prime Minister - Minister for Reintegration of the Temporarily Occupied Territories Iryna "
                "Vereshchuk said that the buses left. The ferries will run on Friday, the Deputy Prime Minister said.",
                published="2022-04-10")
    names = {a.id: a.name for a in r.actors}
    assert [names.get(s.speaker or "") for s in r.statements] == ["Iryna Vereshchuk", "Iryna Vereshchuk"]


def test_a_label_naming_an_office_of_a_state_inside_a_line_is_its_holders_turn(nlp) -> None:
    r = extract("Meeting with President of Kazakhstan Kassym-Jomart Tokayev\n\nVladimir Putin met with President of "
                "Kazakhstan Kassym-Jomart Tokayev.\n\nPresident of Russia Vladimir Putin: Welcome to Moscow. President "
                "of the Republic of Kazakhstan: Thank you, Mr President.", published="2022-05-16")
    names = {a.id: a.name for a in r.actors}
    assert ("Kassym-Jomart Tokayev", "Thank you, Mr President.") in [
        (names.get(s.speaker or ""), s.content.text) for s in r.statements]


def test_a_title_in_apposition_to_a_name_speaks_as_the_person_not_the_state(nlp) -> None:
    for text in ("The President of Peru, Rosa Quispe, said that talks would resume.",
                 "Her counterpart, Rosa Quispe, said that talks would resume."):
        r = extract(text, published="2022-05-16")
        names = {a.id: a.name for a in r.actors}
        assert [names.get(s.speaker or "") for s in r.statements] == ["Rosa Quispe"], text


def test_a_small_clause_with_no_verb_of_its_own_is_no_statement(nlp) -> None:
    r = extract("Russian troops are holding hundreds of residents hostage.", published="2022-05-16")
    assert r.statements == ()
    r = extract("The minister believes the blockade is a crime.", published="2022-05-16")
    assert len(r.statements) == 1


def test_a_first_person_cue_inside_its_speakers_own_turn_is_part_of_the_turn(nlp) -> None:
    r = extract("Meeting on the budget\n\nMaia Sandu: Good afternoon, colleagues. I propose that we look at the "
                "pensions today. As I have said, we must keep every promise.", published="2022-05-16")
    assert len(r.statements) == 1 and r.statements[0].cue is None


def test_talks_that_were_continued_are_no_statement(nlp) -> None:
    r = extract("The exchange of views on the situation in the region was continued.", published="2022-05-16")
    assert r.statements == ()


def test_a_hyphenated_name_the_parser_breaks_into_subjects_is_still_the_speaker(nlp) -> None:
    r = extract("Vladimir Putin had a telephone conversation with President of Syria Bashar al-Assad. Mr al-Assad "
                "said that the Syrian side was ready to help.", published="2016-03-14")
    names = {a.id: a.name for a in r.actors}
    assert [names.get(s.speaker or "") for s in r.statements] == ["Bashar al-Assad"]


def test_a_turn_after_a_section_mark_on_the_same_line_is_its_speakers() -> None:
    record = extract("Following the talks, the two leaders signed a declaration.  * * *  President of Russia Vladimir "
                     "Putin: It is a pleasure to see you. I have just spoken with the President of Kazakhstan.",
                     published="2022-02-22")
    names = {a.id: a.name for a in record.actors}
    assert any(s.kind == "direct" and names.get(s.speaker or "") == "Vladimir Putin" for s in record.statements)
    spoken = next(e for e in record.events if e.trigger.text == "spoken")
    assert [names[x] for x in spoken.source] == ["Vladimir Putin"]


def test_a_cue_whose_subject_names_no_one_is_unattributed_never_named() -> None:
    record = extract("It goes without saying that the law must be obeyed. Those who said that the war would end were "
                     "wrong.", published="2022-02-22")
    assert record.statements and all(s.source_type == "unattributed" and s.speaker is None
                                     for s in record.statements)


def test_the_first_lady_the_article_names_is_the_speaker() -> None:
    record = extract("Olena Zelenska visited a school in Lviv. The First Lady said that the children need new "
                     "classrooms.", published="2022-09-01")
    names = {a.id: a.name for a in record.actors}
    assert [names.get(s.speaker or "") for s in record.statements] == ["Olena Zelenska"]
