"""Commitments: amounts, what a mention is, threads across articles, and the store, CLI and API over them."""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.amounts import Amount, amounts_in, to_eur
from communique.api import create_app
from communique.batch import ingest
from communique.cli import main
from communique.commitments import EventView, Mention, Party, classify, mentions_in, thread
from communique.extraction import extract
from communique.records import Article
from communique.store import Store, open_store
from communique.store.commitments import CommitmentFilter, all_commitments, find_commitments, get_commitment
from communique.store.export import export
from communique.tools.commitment_score import score_commitments

NORWAY, UKRAINE, POLAND = Party("1", "Norway", "NOR"), Party("2", "Ukraine", "UKR"), Party("3", "Poland", "POL")


@pytest.mark.parametrize(("text", "value", "currency"), [
    ("pledged $1 billion in military aid", 1e9, "USD"),
    ("1.5 billion euros for the budget", 1.5e9, "EUR"),
    ("€300m for repairs", 3e8, "EUR"),
    ("UAH 500 million for schools", 5e8, "UAH"),
    ("US$2.5bn in loans", 2.5e9, "USD"),
    ("a package worth 200 million US dollars", 2e8, "USD"),
    ("some 40 million Canadian dollars", 4e7, "CAD"),
    ("5,000,000 hryvnias", 5e6, "UAH"),
    ("£1.3bn", 1.3e9, "GBP"),
    ("approximately 400.000 euros", 4e5, "EUR"),  # continental thousands
    ("3.25 euros a litre", 3.25, "EUR"),
])
def test_amounts_read_value_and_currency(text: str, value: float, currency: str) -> None:
    [found] = amounts_in(text)
    assert (found.value, found.currency) == (value, currency)
    assert text[found.start:found.end] == found.text


def test_a_bare_number_is_no_amount_and_euros_follow_the_year() -> None:
    assert amounts_in("45 million people in 2022 and 10 tanks at 3 pm") == []
    dollars = Amount(1e9, "USD", 0, 3, "$1bn")
    assert to_eur(dollars, "2022-05-01") == pytest.approx(1e9 / 1.0530, rel=1e-6)  # the 2022 average
    assert to_eur(dollars, "2015-05-01") != to_eur(dollars, "2022-05-01")
    assert to_eur(dollars, "2031-01-01") == to_eur(dollars, "2024-06-01")  # the nearest year the table has
    assert to_eur(Amount(5.0, "XAF", 0, 1, "x"), "2022-01-01") is None  # a currency the table lacks


def _view(sentence: str, trigger: str, *, type_: str = "AID", modality: str = "asserted",
          condition: str | None = None, beneficiary: Party | None = UKRAINE, doc: str = "d1",
          date: str = "2024-03-04", previous: str = "") -> EventView:
    return EventView(document=doc, event="e1", type=type_, modality=modality, trigger=trigger,
                     trigger_start=sentence.index(trigger), sentence_idx=0, sentence=sentence, sentence_start=0,
                     previous=previous, condition=condition, holder=NORWAY, beneficiary=beneficiary, date=date,
                     source_type="named")


def test_a_promise_a_delivery_a_refusal_and_a_condition_are_told_apart() -> None:
    promise = classify(_view("Norway will provide Ukraine with 2 billion kroner in military aid.", "provide",
                             type_="AGREE", modality="expected"))
    assert promise is not None and (promise.kind, promise.status) == ("military_aid", "stated")
    assert promise.amount is not None and (promise.amount.value, promise.amount.currency) == (2e9, "NOK")
    assert promise.eur is not None and 1e8 < promise.eur < 3e8
    done = classify(_view("Norway handed over ten howitzers to Ukraine.", "handed over"))
    assert done is not None and (done.kind, done.status) == ("military_aid", "delivered")
    refused = classify(_view("Norway refused to send troops to Ukraine.", "refused", type_="REJECT"))
    assert refused is not None and (refused.kind, refused.status) == ("troops", "denied")
    halted = classify(_view("Norway suspended its humanitarian aid to Ukraine.", "suspended", type_="SANCTION"))
    assert halted is not None and (halted.kind, halted.status) == ("humanitarian_aid", "withdrawn")
    offered = classify(_view("Norway is ready to send peacekeepers to Ukraine once a ceasefire is signed.",
                             "send", type_="AGREE", modality="intended"))
    assert offered is not None and (offered.kind, offered.status) == ("troops", "conditional")
    assert offered.condition == "once a ceasefire is signed"
    # "did not commit to them": the kind is what the sentence before named
    denied = classify(_view("Norway did not commit to them.", "commit", type_="AGREE", modality="denied",
                            previous="Ukraine asked for air defence systems."))
    assert denied is not None and (denied.kind, denied.status) == ("military_aid", "denied")


def test_no_commitment_without_a_holder_a_kind_or_a_promise() -> None:
    assert classify(_view("Norway discussed the weather with Ukraine.", "discussed", type_="CONSULT")) is None
    assert classify(_view("Norway agreed that the situation was difficult.", "agreed", type_="AGREE")) is None
    talks_held = _view("Norway held talks with Ukraine.", "held", type_="COOPERATE")
    assert classify(talks_held) is None  # talks that happened are an event, not a promise kept
    nobody = _view("Aid was delivered to Ukraine.", "delivered")
    assert classify(EventView(**{**nobody.__dict__, "holder": None})) is None


def test_an_act_asked_of_a_foreign_party_is_no_commitment_but_an_instruction_at_home_is() -> None:
    record = extract("Sweden urged Finland to send aid to Estonia. Britain said Libya must hand over the suspects. "
                     "Germany promised to send aid to Estonia. "
                     "Vladimir Putin instructed the Russian government to allocate funds to Crimea.",
                     published="2025-03-06")
    assert [(m.holder.name, m.kind) for m in mentions_in(record)] == [
        ("Germany", "other"), ("Government of Russia", "financial_aid")]


def _mention(doc: str, date: str, status: str, *, amount: float | None = None, kind: str = "military_aid",
             holder: Party = NORWAY, beneficiary: Party | None = UKRAINE, condition: str | None = None) -> Mention:
    money = Amount(amount, "EUR", 0, 1, "€") if amount else None
    return Mention(document=doc, event="e1", sentence_idx=0, sentence=f"{doc} sentence", date=date,
                   modality="asserted", source_type="named", holder=holder, beneficiary=beneficiary, kind=kind,
                   what="provide aid", status=status, condition=condition, amount=money, eur=amount)


def test_a_pledge_restated_in_three_articles_is_one_commitment_with_three_mentions() -> None:
    [one] = thread([_mention("a", "2024-03-04", "stated", amount=1e9), _mention("b", "2024-04-10", "stated"),
                    _mention("c", "2024-05-02", "stated", amount=1e9)])
    assert len(one.mentions) == 3 and one.status == "restated"
    assert (one.first_stated, one.last_seen) == ("2024-03-04", "2024-05-02") and one.eur == 1e9
    assert [m.document for m in one.mentions] == ["a", "b", "c"]


def test_a_pledge_followed_by_a_delivery_is_delivered_and_by_a_withdrawal_withdrawn() -> None:
    [delivered] = thread([_mention("a", "2024-03-04", "stated"), _mention("b", "2024-06-20", "delivered")])
    assert delivered.status == "delivered" and len(delivered.mentions) == 2
    [withdrawn] = thread([_mention("a", "2024-03-04", "stated"), _mention("b", "2024-09-20", "withdrawn")])
    assert withdrawn.status == "withdrawn"
    [narrowed] = thread([_mention("a", "2024-03-04", "stated"),
                         _mention("b", "2024-04-01", "conditional", condition="if parliament agrees")])
    assert narrowed.status == "narrowed" and narrowed.condition == "if parliament agrees"


def test_threads_part_on_other_amounts_holders_kinds_and_long_gaps() -> None:
    apart = thread([_mention("a", "2024-03-04", "stated", amount=1e9),
                    _mention("b", "2024-03-05", "stated", amount=3e9),  # another sum: another pledge
                    _mention("c", "2024-03-06", "stated", holder=POLAND),
                    _mention("d", "2024-03-07", "stated", kind="financial_aid"),
                    _mention("e", "2026-03-04", "stated", amount=1e9)])  # two years on
    assert len(apart) == 5 and all(len(c.mentions) == 1 for c in apart)
    assert [c.last_seen for c in apart] == sorted((c.last_seen or "" for c in apart), reverse=True)  # newest first
    # a mention that names no beneficiary ("Norway pledges aid") joins the one that does
    [joined] = thread([_mention("a", "2024-03-04", "stated", beneficiary=None), _mention("a", "2024-03-04", "stated")])
    assert len(joined.mentions) == 2 and joined.beneficiary == UKRAINE and joined.status == "stated"


# Four short reports in our own words: a pledge, its restatement, its delivery; a second donor's pledge and its
# withdrawal.
STORIES = [
    ("no-pledge", "2024-03-04", "Norway pledges air defence aid",
     ("Prime Minister Jonas Gahr Store said on Monday that Norway will provide Ukraine with 2 billion kroner "
      "in military aid for air defence.")),
    ("no-again", "2024-04-10", "Norway repeats its promise",
     ("Prime Minister Jonas Gahr Store said on Wednesday that Norway will provide Ukraine with 2 billion kroner "
      "in military aid for air defence.")),
    ("no-arrive", "2024-06-20", "Air defence systems arrive in Ukraine",
     "Norway has delivered the air defence systems to Ukraine, the Norwegian defence ministry said on Thursday."),
    ("pl-pledge", "2024-03-11", "Poland promises aid",
     ("Prime Minister Donald Tusk said on Monday that Poland will provide Ukraine with 300 million euros in "
      "humanitarian aid.")),
    ("pl-halt", "2024-05-14", "Poland suspends aid",
     "Poland suspended its humanitarian aid to Ukraine on Tuesday, the Polish government said."),
]


@pytest.fixture(scope="module")
def pledges(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = str(tmp_path_factory.mktemp("commitments") / "c.db")
    store = open_store(url)
    ingest([Article(id=i, title=t, text=f"{t}\n\n{body}\n", published=date.fromisoformat(d))
            for i, d, t, body in STORIES], store)
    store.close()
    return url


@pytest.fixture()
def store(pledges: str) -> Iterator[Store]:
    s = open_store(pledges)
    yield s
    s.close()


def test_the_store_threads_pledges_across_articles(store: Store) -> None:
    found = all_commitments(store)
    norway = [c for c in found if c.holder.name == "Norway" and c.kind == "military_aid"]
    assert len(norway) == 1, [c.to_dict(history=False) for c in found]
    [aid] = norway
    assert aid.status == "delivered" and aid.beneficiary is not None and aid.beneficiary.name == "Ukraine"
    assert {m.document for m in aid.mentions} == {"no-pledge", "no-again", "no-arrive"}
    assert (aid.first_stated, aid.last_seen) == ("2024-03-04", "2024-06-20")
    assert aid.amount is not None and (aid.amount.value, aid.amount.currency) == (2e9, "NOK") and aid.eur
    poland = [c for c in found if c.holder.name == "Poland" and c.kind == "humanitarian_aid"]
    assert [c.status for c in poland] == ["withdrawn"] and len(poland[0].mentions) == 2
    total, page = find_commitments(store, CommitmentFilter(to="Ukraine", kind="military_aid"))
    one = get_commitment(store, aid.id)
    assert total == 1 and page[0].id == aid.id and one is not None and one.mentions[0].document == "no-pledge"
    assert "Norway pledges air defence aid" in {m.title for m in one.mentions}  # its history names its sources
    assert find_commitments(store, CommitmentFilter(holder="Poland", status="delivered"))[0] == 0
    assert find_commitments(store, CommitmentFilter(since="2024-06-01"))[0] == 1  # Poland's was last seen in May


def test_commitments_are_kept_threaded_and_a_plain_save_is_threaded_by_the_next_query(tmp_path: Path) -> None:
    from sqlalchemy import func, select

    from communique.store.commitments import refresh
    from communique.store.schema import commitment_dirty, commitment_threads

    store = open_store(str(tmp_path / "k.db"))
    try:
        pledge, halt = (next(s for s in STORIES if s[0] == name) for name in ("pl-pledge", "pl-halt"))
        ingest([Article(id=pledge[0], title=pledge[2], text=f"{pledge[2]}\n\n{pledge[3]}\n",
                        published=date.fromisoformat(pledge[1]))], store)
        with store.engine.connect() as conn:  # the ingest threaded what it stored
            assert conn.execute(select(func.count()).select_from(commitment_dirty)).scalar_one() == 0
            kept = conn.execute(select(func.count()).select_from(commitment_threads)).scalar_one()
        assert kept == len(all_commitments(store)) > 0
        store.save([extract(Article(id=halt[0], title=halt[2], text=f"{halt[2]}\n\n{halt[3]}\n",
                                    published=date.fromisoformat(halt[1])))])
        with store.engine.connect() as conn:  # a plain save leaves its keys waiting
            assert conn.execute(select(func.count()).select_from(commitment_dirty)).scalar_one() > 0
        total, page = find_commitments(store, CommitmentFilter(holder="Poland", kind="humanitarian_aid"))
        assert total == 1 and page[0].status == "withdrawn" and page[0].mention_count == 2
        assert refresh(store) == 0  # nothing waits any more
    finally:
        store.close()


def test_a_new_article_changes_the_commitments_at_once(tmp_path: Path) -> None:
    """Commitments are worked out once per state of the store: the next article counts straight away."""
    store = open_store(str(tmp_path / "c.db"))
    try:
        pledge, halt = (next(s for s in STORIES if s[0] == name) for name in ("pl-pledge", "pl-halt"))
        for i, d, t, body in (pledge, halt):
            ingest([Article(id=i, title=t, text=f"{t}\n\n{body}\n", published=date.fromisoformat(d))], store)
            poland = [c for c in all_commitments(store) if c.holder.name == "Poland" and c.kind == "humanitarian_aid"]
            assert [c.status for c in poland] == (["stated"] if i == "pl-pledge" else ["withdrawn"])
    finally:
        store.close()


def test_cli_lists_commitments_and_shows_one_history(pledges: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["commitments", "--db", pledges, "--to", "Ukraine", "--kind", "military_aid"]) == 0
    out = capsys.readouterr().out
    assert "Norway → Ukraine  military_aid  DELIVERED  ×4" in out and "2,000,000,000 NOK" in out
    cid = out.split()[0]
    assert main(["commitment", cid, "--db", pledges]) == 0
    history = capsys.readouterr().out.splitlines()
    dated = [line for line in history if line.startswith("  2024-")]
    assert [line.split()[0] for line in dated] == ["2024-03-04", "2024-03-04", "2024-04-10", "2024-06-20"]
    assert "delivered" in dated[-1] and "2 billion kroner" in history[history.index(dated[1]) + 1]
    assert main(["commitments", "--db", pledges, "--format", "json", "--holder", "Poland"]) == 0
    [poland] = [c for c in json.loads(capsys.readouterr().out) if c["kind"] == "humanitarian_aid"]
    assert poland["status"] == "withdrawn" and poland["amount"]["eur"] == 3e8
    assert main(["commitment", "cdeadbeefdead", "--db", pledges]) == 1
    assert "no commitment" in capsys.readouterr().err


def test_export_has_the_tracker_columns(store: Store, tmp_path: Path) -> None:
    import csv
    import io

    out = io.StringIO()
    n = export(store, "csv", out, what="commitments")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(rows) == len(all_commitments(store))
    for column in ("holder", "holder_country", "beneficiary", "kind", "measure", "value", "currency", "value_eur",
                   "condition", "status", "first_stated", "last_seen", "sources"):
        assert column in rows[0]
    [norway] = [r for r in rows if r["holder"] == "Norway" and r["kind"] == "military_aid"]
    assert (norway["measure"], norway["currency"], norway["holder_country"]) == ("delivery", "NOK", "NOR")
    assert export(store, "parquet", None, tmp_path / "c.parquet", what="commitments") == n


def test_api_lists_and_opens_commitments(pledges: str) -> None:
    client = TestClient(create_app(pledges))
    listed = client.get("/api/commitments", params={"to": "Ukraine", "kind": "military_aid"}).json()
    assert listed["total"] == 1
    one = client.get(f"/api/commitments/{listed['items'][0]['id']}").json()
    assert one["status"] == "delivered" and len(one["mentions"]) == 4 == one["mention_count"]
    assert all(m["sentence"] and m["source_type"] for m in one["mentions"])
    assert client.get("/api/commitments/cdeadbeefdead").status_code == 404
    assert client.get("/api/commitments", params={"kind": "gifts"}).status_code == 422
    norway = client.get("/api/actors", params={"name": "Norway"}).json()["items"][0]["id"]
    panel = client.get("/api/commitments", params={"actor_id": norway}).json()
    assert panel["total"] >= 1 and all("Norway" in (c["holder"]["name"], (c["beneficiary"] or {}).get("name"))
                                       for c in panel["items"])


def test_seed_coalition_guarantees_are_conditional_and_trump_denies(shared: Path) -> None:
    meta = json.loads((shared / "seed" / "000_6c34606b74a7706c.meta.json").read_text(encoding="utf-8"))
    text = (shared / "seed" / "000_6c34606b74a7706c.txt").read_text(encoding="utf-8")
    from communique.commitments import mentions_in

    found = {(m.holder.name, m.beneficiary.name if m.beneficiary else None, m.kind, m.status): m
             for m in mentions_in(extract(Article(id="seed", text=text, published=date.fromisoformat(meta["published"]))))}
    guarantee = found.get(("Europeans", "Ukraine", "security_guarantee", "conditional"))
    assert guarantee is not None and "signed peace" in (guarantee.condition or ""), list(found)
    assert ("Donald Trump", None, "security_guarantee", "denied") in found
    assert ("Russia", "Ukraine", "troops", "denied") in found  # no foreign troops


def test_gold_scoring_counts_matches_once(tmp_path: Path) -> None:
    """The scorer on the real-news gold: records that say nothing score nothing found and nothing wrong."""
    assert score_commitments("dev", [])["found"] == 0.0
    figures = score_commitments("train", [])
    assert figures["gold"] >= 20 and figures["precision"] == 0.0


def test_the_brief_lists_an_articles_commitments_and_conditions() -> None:
    from communique.brief import render_brief

    text = ("Canada offers trainers\n\nThe Canadian defence minister said on Friday that Canada is ready to send "
            "military trainers to Ukraine once a ceasefire holds.\n")
    brief = render_brief(extract(Article(id="ca", text=text, published=date(2024, 2, 2))))
    section = brief.split("Commitments (", 1)[1]
    assert section.startswith("1)") and "Canada → Ukraine" in section and "(conditional)" in section
    assert "if: once a ceasefire holds" in section


def test_thanks_for_a_decision_to_hand_over_name_the_kind_anywhere_in_their_clause() -> None:
    from communique import extract
    from communique.commitments import mentions_in

    record = extract("President of Ukraine Volodymyr Zelenskyy met Prime Minister of Slovakia Eduard Heger. "
                     "Zelenskyy thanked the Slovak government for its decision to send four mobile field kitchens, "
                     "two demining systems and fuel worth 2.5 million euros to Ukraine.", published="2022-02-01")
    found = mentions_in(record)
    assert [(m.kind, m.status) for m in found] == [("military_aid", "stated")]
    assert found[0].amount is not None and (found[0].amount.value, found[0].amount.currency) == (2_500_000, "EUR")


def test_mentions_are_kept_when_stored_and_read_once_for_older_stores(pledges: str, tmp_path: Path) -> None:
    """Migration 5 reads the mentions of articles stored before from their records: the same rows and the same
    commitments as those written when the articles are stored now."""
    import shutil

    from sqlalchemy import delete, select, text, update

    from communique.store.schema import commitment_mentions, schema_version

    def rows(s: Store) -> list[tuple[object, ...]]:
        with s.engine.connect() as conn:
            cols = [c for c in commitment_mentions.c if c.name != "id"]
            return sorted(tuple(r) for r in conn.execute(select(*cols)))

    now = open_store(pledges)
    written, made = rows(now), [c.to_dict() for c in all_commitments(now)]
    now.close()
    assert written and made
    older = str(tmp_path / "v4.db")
    shutil.copy(pledges, older)
    s = open_store(older)
    with s.engine.begin() as conn:  # the store as schema version 4 left it
        conn.execute(delete(commitment_mentions))
        conn.execute(text("DROP TABLE commitment_mentions"))
        conn.execute(update(schema_version).values(version=4))
    s.close()
    migrated = open_store(older)
    try:
        assert rows(migrated) == written
        assert [c.to_dict() for c in all_commitments(migrated)] == made
    finally:
        migrated.close()


def test_a_filter_threads_only_what_it_reaches_and_finds_what_the_whole_list_has(store: Store) -> None:
    everything = all_commitments(store)
    for f in (CommitmentFilter(holder="Norway"), CommitmentFilter(to="Ukraine"), CommitmentFilter(kind="talks"),
              CommitmentFilter(holder="Poland", kind="humanitarian_aid")):
        total, page = find_commitments(store, f)
        holders = {m.holder.name for c in page for m in c.mentions}
        expected = [c for c in everything if (not f.kind or c.kind == f.kind)
                    and (not f.holder or any(m.holder.name == f.holder for m in c.mentions))
                    and (not f.to or any(m.beneficiary and m.beneficiary.name == f.to for m in c.mentions))]
        assert [c.id for c in page] == [c.id for c in expected] and total == len(expected), (f, holders)


def test_thanks_for_signing_a_statement_titled_on_air_defence_are_no_aid() -> None:
    from communique.commitments import mentions_in

    record = extract('Olaf Scholz met the Speakers of the Parliaments of Lithuania and Latvia. Olaf Scholz thanked '
                     'Latvia for signing a joint statement "On the Need for Air Defence Systems" and thanked Lithuania '
                     'for the air defence systems it sent.', published="2024-03-01")
    assert [m.holder.name for m in mentions_in(record)] == ["Lithuania"]


def _mentions_of(text: str) -> list[Mention]:
    from communique.commitments import mentions_in

    return mentions_in(extract(text, published="2022-05-03"))


def test_sanctions_imposed_are_sanctions_though_plover_files_them_under_coerce() -> None:
    found = _mentions_of("Olaf Scholz met Emmanuel Macron. The European Union imposed sanctions on Belarus.")
    assert [(m.kind, m.status, m.holder.name, m.beneficiary and m.beneficiary.country) for m in found] == [
        ("sanctions", "delivered", "European Union", "BLR")]


@pytest.mark.parametrize("text", [
    "Belarus will be able to circumvent European Union sanctions and keep selling potash.",
    "A company that is subject to United Nations sanctions cannot join the forum.",
])
def test_sanctions_only_named_are_no_commitment(text: str) -> None:
    assert [m for m in _mentions_of(text) if m.kind == "sanctions"] == []


@pytest.mark.parametrize("text", [
    "The European Union will impose new sanctions on Belarus.",
    "The European Union is ready to extend sanctions against Belarus.",
])
def test_sanctions_announced_are_promised_to_their_target(text: str) -> None:
    found = [(m.kind, m.status, m.holder.name, m.beneficiary and m.beneficiary.name) for m in _mentions_of(text)]
    assert found == [("sanctions", "stated", "European Union", "Belarus")]


@pytest.mark.parametrize("text", [
    ("Olaf Scholz had a telephone conversation with Emmanuel Macron. They discussed preparations for Mr Macron's "
     "visit to Germany."),
    "Olaf Scholz had a telephone conversation with Emmanuel Macron. Germany remains open to dialogue with France.",
])
def test_a_meeting_still_to_come_is_a_commitment_to_talks(text: str) -> None:
    found = _mentions_of(text)
    assert [(m.kind, m.status) for m in found] == [("talks", "stated")], found
    assert {m.holder.country for m in found} | {m.beneficiary.country for m in found if m.beneficiary} == {
        "DEU", "FRA"}


def test_aid_sent_to_a_town_is_promised_to_that_town_of_its_country() -> None:
    found = _mentions_of("Norway will send humanitarian aid to Kharkiv.")
    assert [(m.kind, m.status, m.beneficiary and (m.beneficiary.name, m.beneficiary.country)) for m in found] == [
        ("humanitarian_aid", "stated", ("Kharkiv", "UKR"))]


def test_an_invitation_to_a_leader_is_a_promise_of_talks_but_one_to_a_private_guest_is_not() -> None:
    found = [(m.kind, m.holder.name, m.beneficiary and m.beneficiary.name)
             for m in _mentions_of("Olaf Scholz invited Emmanuel Macron to visit Berlin.")]
    assert ("talks", "Olaf Scholz", "Emmanuel Macron") in found
    assert all(beneficiary != "Berlin" for _, _, beneficiary in found)  # a visit's place is no party to talks
    assert _mentions_of("Olaf Scholz invited Maria Santos to visit Berlin.") == []


def test_a_promised_humanitarian_corridor_is_a_humanitarian_commitment_but_a_retreat_of_no_aid_is_none() -> None:
    corridor = classify(_view("Norway will open humanitarian corridors for Ukraine.", "open", type_="RETREAT",
                              modality="intended"))
    assert corridor is not None and (corridor.kind, corridor.status) == ("humanitarian_aid", "stated")
    assert classify(_view("Norway will pull back its ships from Ukraine.", "pull back", type_="RETREAT",
                          modality="intended")) is None


def test_an_agreement_with_no_doer_told_by_an_official_is_her_states_commitment() -> None:
    record = extract("Kyiv, 12 March.\n\nSix humanitarian corridors have been agreed upon for Saturday, Deputy Prime "
                     "Minister of Ukraine Olha Stefanishyna said.", published="2022-03-12")
    assert [(m.holder.name, m.holder.country, m.kind) for m in mentions_in(record)] == [
        ("Olha Stefanishyna", "UKR", "humanitarian_aid")]
    record = extract("Six humanitarian corridors have been agreed upon for Saturday, a driver said.",
                     published="2022-03-12")
    assert mentions_in(record) == []


def test_a_planned_evacuation_is_promised_to_the_people_of_the_place_it_is_from() -> None:
    record = extract("Kyiv, 12 March.\n\nThe evacuation from Mariupol to Zaporizhzhia is planned for Saturday, "
                     "Deputy Prime Minister of Ukraine Olha Stefanishyna said.", published="2022-03-12")
    assert [(m.holder.name, m.kind, m.status, m.beneficiary and m.beneficiary.name) for m in mentions_in(record)] == [
        ("Olha Stefanishyna", "humanitarian_aid", "stated", "Mariupol")]


def test_leaders_who_agree_to_stay_in_contact_or_keep_in_touch_promise_talks() -> None:
    record = extract("President of Chile Gabriel Boric had a telephone conversation with President of Peru Dina "
                     "Boluarte. The leaders agreed to stay in contact. They also agreed to keep in touch on energy.",
                     published="2025-03-06")
    assert [(m.holder.name, m.beneficiary.name if m.beneficiary else None, m.kind) for m in mentions_in(record)] == [
        ("Gabriel Boric", "Dina Boluarte", "talks"), ("Gabriel Boric", "Dina Boluarte", "talks")]
