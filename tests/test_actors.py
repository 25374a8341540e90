from __future__ import annotations

from datetime import date

import pytest

from communique import extract
from communique.records import Actor, Article, Record
from communique.stages.actors import actor_code, surname_key

PUB = date(2025, 9, 4)


def by_mention(record: Record, text: str) -> Actor:
    for actor in record.actors:
        if any(m.text == text or m.text.endswith(" " + text) for m in actor.mentions):
            return actor
    raise AssertionError(f"no actor mentioned as {text!r}: {[a.name for a in record.actors]}")


def test_surname_variants_share_a_key() -> None:
    assert surname_key("Zelenskiy") == surname_key("Zelensky") == surname_key("Volodymyr Zelenskyy")
    assert surname_key("Macron") != surname_key("Merkel")


def test_actor_codes() -> None:
    assert actor_code("FRA", "GOV") == "FRAGOV"
    assert actor_code("NATO", "IGO") == "IGONATO"
    assert actor_code("RUS", None) == "RUS"


def test_transliterations_are_one_person(nlp) -> None:
    r = extract("Volodymyr Zelensky arrived in Rome. Zelenskyy met the pope. Later Zelenskiy left.", published=PUB)
    people = [a for a in r.actors if a.kind == "person"]
    assert len(people) == 1
    assert people[0].country == "UKR" and people[0].sector == "GOV" and len(people[0].mentions) == 3


def test_titles_and_surnames_merge_into_one_actor(nlp) -> None:
    r = extract("French President Emmanuel Macron spoke first. Macron then left the room.", published=PUB)
    macron = by_mention(r, "Macron")
    assert macron.name == "Emmanuel Macron" and macron.code == "FRAGOV"
    assert macron.mentions[0].text == "French President Emmanuel Macron"


def test_roles_follow_the_article_date(nlp) -> None:
    text = "Donald Trump criticised the plan on Monday."
    assert by_mention(extract(text, published=date(2018, 5, 1)), "Donald Trump").sector == "GOV"
    out_of_office = by_mention(extract(text, published=date(2022, 5, 1)), "Donald Trump")
    assert out_of_office.country == "USA" and out_of_office.sector is None
    assert out_of_office.role == "former President"


def test_unknown_people_get_country_and_sector_from_their_title(nlp) -> None:
    r = extract("Slovak Defence Minister Juraj Klimek visited the base.", published=PUB)
    person = by_mention(r, "Juraj Klimek")
    assert (person.country, person.sector) == ("SVK", "MIL")


def test_capital_as_agent_is_the_government_and_as_place_a_location(nlp) -> None:
    r = extract("Washington has not yet announced its decision. The talks were held in Paris.", published=PUB)
    assert by_mention(r, "Washington").code == "USAGOV"
    paris = by_mention(r, "Paris")
    assert paris.kind == "location" and paris.country == "FRA"


def test_kiev_and_kyiv_are_ukraine(nlp) -> None:
    r = extract("Moscow sent a note to Kiev. Kyiv rejected the note.", published=PUB)
    assert by_mention(r, "Kiev").country == "UKR" == by_mention(r, "Kyiv").country
    assert by_mention(r, "Kiev").id == by_mention(r, "Kyiv").id


def test_anonymous_sources_carry_their_country(nlp) -> None:
    r = extract("Two European officials said the plan was dead. A German government source disagreed. "
                "A person familiar with the matter confirmed it.", published=PUB)
    assert by_mention(r, "Two European officials").kind == "anonymous"
    assert by_mention(r, "Two European officials").country == "EUR"
    german = by_mention(r, "A German government source")
    assert (german.kind, german.country) == ("anonymous", "DEU")
    assert by_mention(r, "A person familiar with the matter").kind == "anonymous"


def test_unnamed_people_take_country_and_sector_from_their_description(nlp) -> None:
    r = extract("A Russian general said the offensive would continue.", published=PUB)
    general = by_mention(r, "A Russian general")
    assert (general.kind, general.country, general.sector) == ("anonymous", "RUS", "MIL")


def test_people_acted_upon_are_not_anonymous_sources(nlp) -> None:
    r = extract("Hackers targeted election officials across the country.", published=PUB)
    assert not [a for a in r.actors if a.kind == "anonymous"]


def test_organisations_and_their_anaphors(nlp) -> None:
    r = extract("The coalition of the willing met in London. The coalition agreed to meet again. "
                "NATO said the alliance was ready.", published=PUB)
    coalition = by_mention(r, "coalition of the willing")
    assert len(coalition.mentions) == 2 and coalition.sector == "IGO"
    assert by_mention(r, "NATO").id == by_mention(r, "alliance").id


def test_institutions_named_by_demonym_are_the_government(nlp) -> None:
    r = extract("The French Presidency said leaders would call Trump.", published=PUB)
    assert by_mention(r, "The French Presidency").code == "FRAGOV"


def test_every_mention_points_at_its_text(nlp) -> None:
    r = extract("Russian President Vladimir Putin told Kyiv on Wednesday that he was ready.", published=PUB)
    for actor in r.actors:
        for m in actor.mentions:
            assert r.document.text[m.start:m.end] == m.text


def test_a_generic_body_belongs_to_the_country_that_owns_it(nlp) -> None:
    r = extract("Emmanuel Macron met Russia's Security Council envoys. The UN Security Council met later.",
                published="2024-02-01")
    names = {a.name: a for a in r.actors}
    assert names["Security Council of Russia"].country == "RUS" and names["UN Security Council"].country == "UN"


def test_a_national_body_named_in_full_is_its_states_not_the_uns(nlp) -> None:
    r = extract("Putin chaired a session of the Security Council of the Russian Federation. The Verkhovna Rada "
                "voted the same day.", published="2024-02-01")
    names = {a.name: a for a in r.actors}
    assert "UN Security Council" not in names
    assert (names["Security Council of Russia"].country, names["Security Council of Russia"].sector) == ("RUS", "GOV")
    assert (names["Verkhovna Rada"].country, names["Verkhovna Rada"].sector) == ("UKR", "LEG")


def test_a_known_region_of_a_state_is_one_place_in_that_state_however_spelt(nlp) -> None:
    r = extract("Shells fell on Donbass overnight. Observers in the Donbas counted forty blasts near Crimea.",
                published="2024-02-01")
    places = {a.name: a for a in r.actors if a.kind == "location"}
    assert (places["Donbas"].country, len(places["Donbas"].mentions)) == ("UKR", 2)
    assert places["Crimea"].country == "UKR"


def test_a_region_of_a_country_is_a_place_in_it(nlp) -> None:
    r = extract("Police in Northern Ireland detained two men. Troops moved into South Lebanon.",
                published="2024-02-01")
    assert not [a for a in r.actors if a.country == "IRL"]
    south = [a for a in r.actors if a.name == "South Lebanon"]
    assert south and south[0].kind == "location" and south[0].country == "LBN"


def test_a_nationality_does_not_make_a_person_the_state(nlp) -> None:
    r = extract("An American activist said that the protest would continue.", published="2024-02-01")
    st = r.statements[0]
    assert st.speaker is None and st.source_type == "anonymous"


def test_her_majestys_forces_are_british(nlp) -> None:
    r = extract("Her Majesty's Air Force flew more anti-tank missiles to Ukraine on Monday.", published=PUB)
    forces = [a for a in r.actors if a.kind == "organization"]
    assert forces and forces[0].country == "GBR", [(a.name, a.country) for a in r.actors]


def test_a_name_ends_before_its_possessive(nlp) -> None:
    r = extract("Gabriel Boric discussed Alberto Fernandez's visit. The State Duma's vote was postponed.", published=PUB)
    names = [a.name for a in r.actors]
    assert "Alberto Fernandez" in names and "State Duma" in names, names
    assert not [n for n in names if n.endswith("'s")], names


def test_an_honorific_makes_a_man_of_a_town_name_and_a_tagged_name_recurs(nlp) -> None:
    r = extract("Putin met Sergei Ivanov. Mr Ivanov said the budget was ready.", published=PUB)
    assert [(a.name, a.kind) for a in r.actors if "Ivanov" in a.name] == [("Sergei Ivanov", "person")]
    r = extract("Vladimir Putin met with Patriarch Kirill of Moscow and All Russia. Patriarch Kirill of Moscow and "
                "All Russia said that the church wants peace.", published=PUB)
    kirill = next(a for a in r.actors if a.name == "Patriarch Kirill")
    assert len(kirill.mentions) == 2 and [st.speaker for st in r.statements] == [kirill.id]


def _names(record: Record) -> dict[str, str]:
    return {a.id: a.name for a in record.actors}


def test_the_i_of_an_address_is_the_office_holder_its_title_names() -> None:
    text = ("Good evening. Today I spoke with Emmanuel Macron about air defence. "
            "We are grateful to Denmark. As a veteran told me, \"I will go back to the front\".")
    record = extract(text, published=PUB, title="Address by the President of Ukraine on the results of the week")
    names = _names(record)
    zelensky = next(a for a in record.actors if a.name.startswith("Volodymyr"))
    assert {m.text for m in zelensky.mentions} == {"I", "me"}  # the quoted veteran's "I" is not his
    spoke = next(e for e in record.events if e.trigger.text.startswith("spoke"))
    assert [names[x] for x in spoke.source] == [zelensky.name] and "Emmanuel Macron" in {
        names[x] for x in spoke.target}
    grateful = [s for s in record.statements if s.speaker_mention and s.speaker_mention.text == "We"]
    assert all(names[s.speaker] == "Ukraine" for s in grateful)  # a head of state's "we" is his state


def test_each_transcript_turn_says_its_own_i() -> None:
    text = ("Maria Lind: Mr President, did you call the Chancellor? Olaf Scholz: I called him on Monday. Maria Lind: "
            "I see. Olaf Scholz: We support Ukraine.")
    record = extract(text, published=date(2024, 6, 12), title="Interview with Swedish television")
    names = _names(record)
    selves = {m.text: a.name for a in record.actors for m in a.mentions if m.text in {"I", "We"}}
    assert sorted(n for a in record.actors for m in a.mentions if m.text == "I" for n in [a.name]) == [
        "Maria Lind", "Olaf Scholz"]
    assert selves["We"] == "Germany"
    called = next(e for e in record.events if e.trigger.text.startswith("called"))
    assert [names[x] for x in called.source] == ["Olaf Scholz"]


def test_news_in_the_first_person_is_not_an_address() -> None:
    record = extract("I met the minister in Kyiv on Monday, a reporter wrote.", published=PUB,
                     title="Ministers meet in Kyiv")
    assert not any(m.text == "I" for a in record.actors for m in a.mentions)


def test_a_place_read_once_as_a_person_stays_a_place() -> None:
    record = extract("Shelling continued in Donbas on Monday. It is the tenth week, and the Ukrainian Donbas stands.",
                     published=PUB)
    assert [a.kind for a in record.actors if a.name == "Donbas"] == ["location"]


def test_feasts_are_not_people() -> None:
    record = extract("The parties must respect the Easter truce, the mediators said.", published=PUB)
    assert not [a for a in record.actors if a.name == "Easter"]


def test_an_honorific_and_a_surname_are_the_person_named_before() -> None:
    record = extract("Olaf Scholz called UNESCO Director-General Audrey Azoulay. Ms Azoulay thanked him.", published=PUB)
    people = [a for a in record.actors if a.kind == "person" and "Azoulay" in a.name]
    assert len(people) == 1 and people[0].role == "Director-General" and people[0].sector == "IGO"


def test_a_surname_hailed_before_the_full_name_is_that_person() -> None:
    text = ("Minister Ana Ruiz: Mr Okonkwo, welcome to Lima.\n\n"
            "Minister of Nigeria Chidi Okonkwo: Thank you, I am glad to be here.")
    record = extract(text, published=PUB)
    people = [a for a in record.actors if a.kind == "person" and "Okonkwo" in a.name]
    assert len(people) == 1 and people[0].country == "NGA"


@pytest.mark.parametrize("country, iso3", [("the Slovak Republic", "SVK"), ("the United Kingdom", "GBR")])
def test_a_title_with_a_country_of_several_words_is_the_person_s(country: str, iso3: str) -> None:
    record = extract(f"Viktor Orban met Prime Minister of {country} Peter Novak in Vienna.", published=PUB)
    guest = next(a for a in record.actors if a.name.endswith("Novak"))
    assert (guest.country, guest.role) == (iso3, "Prime Minister")


def test_a_title_of_a_country_before_the_name_is_the_person_s() -> None:
    record = extract("Viktor Orban had a telephone conversation with Prime Minister of Bulgaria Rosen Zhelyazkov. "
                     "The two leaders discussed gas transit.", published=PUB)
    guest = next(a for a in record.actors if a.name.endswith("Zhelyazkov"))
    assert (guest.country, guest.role) == ("BGR", "Prime Minister")
    names = {a.id: a.name for a in record.actors}
    discussed = next(e for e in record.events if e.trigger.text == "discussed")
    assert {names[x] for x in discussed.source} == {"Viktor Orban", guest.name}


def test_a_former_office_is_never_one_held_later() -> None:
    record = extract("UN envoy Antonio Guterres spoke in Geneva.", published=date(2010, 5, 1))
    guterres = next(a for a in record.actors if a.name == "Antonio Guterres")
    assert "Secretary" not in (guterres.role or "")


def test_a_name_after_a_title_and_a_country_is_a_person_not_an_organisation() -> None:
    record = extract("Olaf Scholz met President of Romania Klaus Iohannis in Bucharest.", published=date(2023, 5, 2))
    iohannis = [a for a in record.actors if a.name.endswith("Iohannis")]
    assert [(a.name, a.kind, a.country) for a in iohannis] == [("Klaus Iohannis", "person", "ROU")]


def test_an_accord_named_after_a_capital_is_neither_its_government_nor_an_actor() -> None:
    record = extract("The leaders stressed the full implementation of the Minsk Package of Measures. Later, Minsk "
                     "said it would answer.", published=PUB)
    government = next(a for a in record.actors if a.name == "Government of Belarus")
    assert [m.text for m in government.mentions] == ["Minsk"]  # the second "Minsk" speaks; the first names an accord
    assert government.mentions[0].start > record.document.text.index("Later")
    assert not [a for a in record.actors if "Package" in a.name]


def test_journalists_are_a_media_group_of_their_country() -> None:
    record = extract("Gabriel Boric met Peruvian journalists in Lima.", published=PUB)
    media = [a for a in record.actors if a.sector == "MED"]
    assert [(a.name, a.kind, a.country) for a in media] == [("Peruvian journalists", "group", "PER")]
    assert [e.target for e in record.events] == [(media[0].id,)]


def test_a_name_the_tagger_misses_after_a_title_and_its_country_is_the_person(nlp) -> None:
    for text, name, country in [("Prime Minister of Albania Edi Kama stressed his solidarity with the people.",
                                 "Edi Kama", "ALB"),
                                ("President of Moldova Ion Rusu stressed his support for the plan.", "Ion Rusu", "MDA")]:
        r = extract(text, published=PUB)
        person = by_mention(r, name)
        assert (person.kind, person.name, person.country) == ("person", name, country)
        assert [s.speaker for s in r.statements] == [person.id]


def test_a_name_after_a_long_country_or_before_a_kingdom_is_the_person(nlp) -> None:
    r = extract("Putin spoke with President of the Republic of Kazakhstan Aidos-Bek Nurlanov.", published=PUB)
    person = by_mention(r, "Aidos-Bek Nurlanov")
    assert (person.kind, person.country) == ("person", "KAZ")
    r = extract("Macron spoke with King Faisal II of the Hashemite Kingdom of Jordan.", published=PUB)
    person = by_mention(r, "Faisal II")
    assert (person.kind, person.country) == ("person", "JOR")


def test_a_security_council_with_a_name_of_its_own_is_not_the_uns(nlp) -> None:
    r = extract("The leaders discussed the Collective Security Council meeting in Minsk.", published=PUB)
    assert not any(a.name == "UN Security Council" for a in r.actors)
    r = extract("Russia asked for a meeting of the UN Security Council.", published=PUB)
    assert any(a.name == "UN Security Council" for a in r.actors)
    r = extract("{The Security Council today agreed to extend the mission.}", published=PUB)
    assert any(a.name == "UN Security Council" for a in r.actors)


def test_a_title_the_tagger_takes_for_a_name_is_no_person(nlp) -> None:
    r = extract("Putin spoke with Emir of Qatar Tamim bin Hamad Al Thani.", published=PUB)
    assert [a.name for a in r.actors if a.kind == "person"] == ["Vladimir Putin", "Tamim bin Hamad Al Thani"]


def test_a_name_after_the_body_its_bearer_heads_is_a_person_wherever_it_recurs(nlp) -> None:
    r = extract("The Head of State heard information from Head of the Zaporizhzhia Regional Military Administration "
                "Oleksandr Starukh. Oleksandr Starukh reported to the President that fighting is underway.",
                published=date(2022, 5, 2))
    person = by_mention(r, "Oleksandr Starukh")
    assert person.kind == "person" and len(person.mentions) == 2
    assert "Administration" in (person.role or "")
    assert not any(a.name == "State" for a in r.actors)
    assert [s.speaker for s in r.statements] == [person.id]


def test_a_name_read_together_with_a_ministers_portfolio_is_the_minister(nlp) -> None:
    r = extract("According to Minister of Economy Yulia Dzhus, work is underway.", published=PUB)
    person = by_mention(r, "Yulia Dzhus")
    assert person.kind == "person" and [s.speaker for s in r.statements] == [person.id]


def test_a_gathering_attended_by_people_is_their_meeting(nlp) -> None:
    r = extract("Zelenskyy chaired a meeting on the budget. It was attended by Prime Minister Denys Shmyhal.",
                published=date(2022, 5, 2))
    names = {a.id: a.name for a in r.actors}
    attended = next(e for e in r.events if "attended" in e.trigger.text)
    assert [names[x] for x in attended.source] == ["Denys Shmyhal"]


def test_a_known_first_name_starts_a_name_the_tagger_missed(nlp) -> None:
    r = extract("This was announced by Yevhen Kravchuk at a briefing.", published=PUB)
    assert by_mention(r, "Yevhen Kravchuk").kind == "person"


def test_a_name_before_a_direction_or_region_is_a_place(nlp) -> None:
    r = extract("The adviser said the border in the Volyn direction was not breached.", published=PUB)
    assert all(a.kind != "person" for a in r.actors)


def test_a_secretary_general_takes_no_country_from_the_states_he_mediates_between(nlp) -> None:
    r = extract("League Secretary General Omar Haddad undertook a mediation mission between Syria and Palestinian "
                "leader Yasser Arafat.", published=PUB)
    assert by_mention(r, "Omar Haddad").country is None


def test_an_untagged_town_before_region_is_a_place_and_a_transliterated_first_name_starts_a_name() -> None:
    r = extract("Missile shelling of the Lviv region, Sumy region and Chernihiv region, Volodymyr Zelenskyy said.",
                published="2022-05-17")
    assert {"Lviv", "Sumy", "Chernihiv"} <= {a.name for a in r.actors if a.kind == "location"}
    r = extract("The head of the Servant of the People faction Davyd Arakhamia said that talks would go on.",
                published="2022-03-04")
    assert "Davyd Arakhamia" in {a.name for a in r.actors if a.kind == "person"}


def test_an_adjective_the_model_tags_as_a_person_is_no_person() -> None:
    from communique import extract
    r = extract("Humanitarian aid reached Kharkiv on Monday.", published="2022-04-10")
    assert [a.name for a in r.actors if a.kind == "person"] == []


def _officials(text: str, url: str | None) -> dict[str, tuple[str | None, str | None]]:
    record = extract(Article(id="t", text=text, published=date(2022, 5, 2), url=url))
    return {a.name: (a.country, a.sector) for a in record.actors if a.kind == "person"}


def test_an_official_with_no_state_serves_the_government_that_published_the_release() -> None:
    text = ("Colonel Petro Kovalenko was awarded the order. Chief Prosecutor of the International Criminal Court "
            "Karim Khan visited Irpin.")
    found = _officials(text, "https://www.president.gov.ua/en/news/an-award-1")
    assert found["Petro Kovalenko"] == ("UKR", "MIL")
    assert found["Karim Khan"][0] is None  # his title names a body of its own
    assert _officials(text, "https://example.org/news/1")["Petro Kovalenko"][0] is None  # no government's site


def test_a_portfolio_spelled_out_before_a_name_is_the_title_and_names_the_state() -> None:
    record = extract("It was said by Deputy Prime Minister - Minister for Reintegration of the Temporarily Occupied "
                     "Territories Olena Marchenko. Speaker of the United States House of Representatives Mary Dunn "
                     "agreed.", published="2022-03-18")
    people = {a.name: a for a in record.actors if a.kind == "person"}
    assert people["Olena Marchenko"].role == ("Deputy Prime Minister - Minister for Reintegration of the Temporarily "
                                              "Occupied Territories")
    assert (people["Mary Dunn"].country, people["Mary Dunn"].sector) == ("USA", "LEG")


def test_a_dash_before_a_name_is_no_title_and_a_title_given_at_a_later_mention_is_kept() -> None:
    record = extract("A hotline was opened - Olena Marchenko\n\nThis was announced by Deputy Prime Minister Olena "
                     "Marchenko.", published="2022-03-18")
    people = [a for a in record.actors if a.kind == "person"]
    assert [(a.name, a.role, a.sector) for a in people] == [("Olena Marchenko", "Deputy Prime Minister", "GOV")]


def test_a_big_city_struck_is_the_city_though_the_tagger_reads_a_person() -> None:
    record = extract("Russian forces shelled Sumy on Tuesday.", published=PUB)
    sumy = next(a for a in record.actors if a.name == "Sumy")
    assert (sumy.kind, sumy.country) == ("location", "UKR")
    record = extract("King Hassan of Morocco was quoted by the newspaper.", published=PUB)
    assert not [a for a in record.actors if a.kind == "location" and a.name == "Hassan"]


def test_a_title_set_off_by_commas_beside_a_name_gives_the_person_a_state_and_sector() -> None:
    texts = ("The President of Peru, Rosa Quispe, opened the summit.",
             "The Peruvian President, Rosa Quispe, opened the summit.",
             "Rosa Quispe, the President of Peru, opened the summit.",
             "Rosa Quispe, Foreign Minister of Peru, opened the summit.")
    for text in texts:
        quispe = next(a for a in extract(text, published=PUB).actors if a.name == "Rosa Quispe")
        assert (quispe.country, quispe.sector) == ("PER", "GOV"), text
    plain = next(a for a in extract("Rosa Quispe, a teacher from Lima, opened the summit.", published=PUB).actors
                 if a.name == "Rosa Quispe")
    assert plain.sector is None


def test_a_known_surname_after_another_first_name_is_a_namesake_not_the_known_person() -> None:
    people = {a.name for a in extract("Oleksiy Kuleba met residents in Bucha on Monday.", published=PUB).actors
              if a.kind == "person"}
    assert people == {"Oleksiy Kuleba"}
    people = {a.name for a in extract("Minister Dmytro Kuleba met residents. Kuleba left on Monday.",
                                      published=PUB).actors if a.kind == "person"}
    assert people == {"Dmytro Kuleba"}


def test_civilians_residents_and_businessmen_are_groups_of_the_one_country_their_sentence_places_them_in() -> None:
    record = extract("A shell hit the market in Kharkiv, wounding eleven civilians. The minister met Moldovan "
                     "businessmen.", published=PUB)
    groups = {a.name: (a.country, a.sector) for a in record.actors if a.kind == "group"}
    assert groups["eleven civilians"] == ("UKR", "CVL")
    assert groups["Moldovan businessmen"] == ("MDA", "BUS")
    record = extract("Shells fell on Kharkiv and Belgorod, wounding civilians.", published=PUB)
    assert next(a for a in record.actors if a.name == "civilians").country is None  # two countries: unknown


def test_a_bare_security_council_in_a_governments_own_release_is_its_states() -> None:
    text = ("Vladimir Putin held a meeting with permanent members of the Security Council. The meeting was attended by "
            "Prime Minister Dmitry Medvedev and Foreign Minister Sergei Lavrov.")
    url = "http://en.kremlin.ru/events/president/news/1"
    record = extract(Article(id="t", text=text, published=date(2019, 2, 8), url=url))
    council = next(a for a in record.actors if "Security Council" in a.name)
    assert (council.name, council.country) == ("Security Council of Russia", "RUS")
    for other in (("Vladimir Putin discussed the new resolution of the UN Security Council with Emmanuel Macron. The "
                   "Security Council will vote next week."),
                  "Vladimir Putin met the head of Japan's National Security Council."):
        record = extract(Article(id="t", text=other, published=date(2019, 2, 8), url=url))
        assert not any(a.name == "Security Council of Russia" for a in record.actors), other


def test_a_name_the_tagger_runs_into_the_body_before_it_is_a_person_with_that_title() -> None:
    record = extract("The meeting was attended by Governor of the Central Bank Elvira Nabiullina.",
                     published="2018-01-01")
    person = next(a for a in record.actors if a.kind == "person")
    assert (person.name, person.role) == ("Elvira Nabiullina", "Governor of the Central Bank")
    record = extract("The President visited the State Historical Museum with Federation Council Speaker Valentina "
                     "Matviyenko.", published="2018-01-01")
    assert "Valentina Matviyenko" in {a.name for a in record.actors}
    assert not any(a.kind == "person" and "Museum" in a.name for a in record.actors)
