"""Who a description names: the article's principal, the meeting's participants, an office-holder."""
from __future__ import annotations

from datetime import date

from spacy.language import Language

from communique import extract
from communique.stages.roles import counterparts, meeting_group, principal

PUB = date(2024, 6, 12)


def test_the_principal_is_the_most_frequent_subject_not_the_most_mentioned() -> None:
    from communique.stages.pipeline import load_nlp

    text = ("Talks with Chancellor Olaf Scholz\n\nEmmanuel Macron received Olaf Scholz in Paris. Olaf Scholz arrived "
            "late and Olaf Scholz left early. Emmanuel Macron spoke of energy. Emmanuel Macron thanked Olaf Scholz.")
    doc = load_nlp()(text)
    mentions = {a.name: len(a.mentions) for a in doc._.actors}
    assert mentions["Olaf Scholz"] > mentions["Emmanuel Macron"]  # named more often, but the guest
    assert principal(doc._.actors, doc).name == "Emmanuel Macron"


def test_the_one_called_in_the_opening_is_never_the_principal() -> None:
    from communique.stages.pipeline import load_nlp

    text = ("Telephone conversation with President of Chile Gabriel Boric\n\nOlaf Scholz had a telephone conversation "
            "with President of Chile Gabriel Boric.\n\nGabriel Boric thanked Germany for its help. Gabriel Boric "
            "also spoke of copper exports.")
    doc = load_nlp()(text)
    assert principal(doc._.actors, doc).name == "Olaf Scholz"  # named less often, the subject as often
    doc = load_nlp()("Olaf Scholz met with Gabriel Boric, who is in Germany at the invitation of the German "
                     "Chancellor.\n\nGabriel Boric thanked Germany. Gabriel Boric spoke of copper. Gabriel Boric left.")
    assert principal(doc._.actors, doc).name == "Olaf Scholz"  # a clause about the guest names no guest


def test_the_meetings_participants_are_the_principal_and_a_counterpart(nlp: Language) -> None:
    from communique.stages.pipeline import load_nlp

    doc = load_nlp()("Pedro Sanchez met Giorgia Meloni in Rome. Pedro Sanchez praised Italian ports. "
                     "Foreign Minister Jose Manuel Albares was also present.")
    names = [a.name for a in counterparts(doc._.actors, doc)]
    assert names[0] == "Pedro Sanchez" and "Giorgia Meloni" in names and len(names) == 2


def test_only_definite_groups_are_the_meeting(nlp: Language) -> None:
    doc = nlp("The two leaders spoke. Both sides agreed. Thirty Western leaders met. Some leaders left.")
    heads = [t for t in doc if t.lower_ in {"leaders", "sides"}]
    assert [meeting_group(t) for t in heads] == [True, True, False, False]


def test_the_heads_of_state_are_the_meeting_but_heads_of_a_region_are_not(nlp: Language) -> None:
    doc = nlp("The heads of state spoke. The heads of government agreed. The heads of the provinces met.")
    heads = [t for t in doc if t.lower_ == "heads"]
    assert [meeting_group(t) for t in heads] == [True, True, False]


def test_a_description_is_a_mention_of_the_holder_on_the_date() -> None:
    before = extract("The Ukrainian President visited Lviv.", published=date(2018, 3, 1))
    after = extract("The Ukrainian President visited Lviv.", published=date(2021, 3, 1))
    assert [a.name for a in before.actors if a.kind == "person"] == ["Petro Poroshenko"]
    assert [a.name for a in after.actors if a.kind == "person"] == ["Volodymyr Zelenskiy"]


def test_his_counterpart_is_the_other_party_never_the_principal() -> None:
    from communique import extract

    r = extract("Emmanuel Macron met Olaf Scholz in Berlin. Macron praised his counterpart for the decision.",
                published="2024-01-20")
    names = {a.id: a.name for a in r.actors}
    praised = next(e for e in r.events if e.trigger.text == "praised")
    assert [names[x] for x in praised.target] == ["Olaf Scholz"]
    r = extract("Vladimir Putin had a telephone conversation with Olaf Scholz. Vladimir Putin thanked his German "
                "counterpart for the invitation.", published="2024-01-20")
    names = {a.id: a.name for a in r.actors}
    thanked = next(e for e in r.events if e.trigger.text == "thanked")
    assert [names[x] for x in thanked.target] == ["Olaf Scholz"]  # the person, not Germany


def test_a_plural_title_is_no_single_holder() -> None:
    r = extract("Zelenskyy met Prime Minister of Albania Edi Kama. The President of Ukraine thanked the Prime "
                "Ministers of Albania, Montenegro and Latvia for the statement.", published="2022-05-04")
    names = {a.id: a.name for a in r.actors}
    thanks = [e for e in r.events if e.trigger.text == "thanked"]
    assert [sorted(names[x] for x in e.target) for e in thanks] == [["Albania", "Latvia", "Montenegro"]]


def test_people_named_only_in_links_to_other_stories_are_no_party() -> None:
    text = ("Telephone conversation with President of Chile Gabriel Boric\n"
            "Vladimir Putin had a telephone conversation with President of Chile Gabriel Boric.\n"
            "The presidents discussed trade.\n"
            "See also\n"
            "Telephone conversation with President of Peru Pedro Castillo, May 2, 2022\n")
    r = extract(text, published="2022-05-04")
    names = {a.id: a.name for a in r.actors}
    talk = next(e for e in r.events if e.trigger.text == "discussed")
    assert sorted(names[x] for x in talk.source) == ["Gabriel Boric", "Vladimir Putin"]
    link = next(e for e in r.events if e.trigger.start > text.index("See also"))
    assert "Gabriel Boric" not in [names[x] for x in link.target]


def test_the_participants_of_the_meeting_are_its_parties_but_festival_participants_are_not(nlp: Language) -> None:
    r = extract("Vladimir Putin had a meeting with Prime Minister Mikhail Mishustin. The participants of the meeting "
                "discussed the budget.", published="2022-05-04")
    names = {a.id: a.name for a in r.actors}
    talk = next(e for e in r.events if e.trigger.text == "discussed")
    assert sorted(names[x] for x in talk.source) == ["Mikhail Mishustin", "Vladimir Putin"]
    doc = nlp("The festival participants sang.")
    assert not meeting_group(doc[2])
