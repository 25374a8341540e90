"""The store on SQLite and on PostgreSQL: migrations, ingest once, near-duplicates, failures, queries, exports."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, insert, inspect, select, text, update
from synthetic import synthetic_articles

from communique.batch import ingest
from communique.codebook import load_codebook
from communique.errors import InputError, StoreError
from communique.inputs import read_inputs
from communique.records import Article
from communique.store import SCHEMA_VERSION, Store, database_url, open_store
from communique.store.export import POLECAT_COLUMNS, POLECAT_PUBLISHED, export
from communique.store.queries import (
    EventFilter,
    StatementFilter,
    actor_profile,
    actors_named,
    count_by,
    count_events,
    find_actors,
    find_events,
    find_statements,
    list_failures,
    period_of,
    search,
)
from communique.store.schema import (
    CORE_TABLES,
    MIGRATIONS,
    actors,
    documents,
    event_actors,
    events,
    metadata,
    schema_version,
    search_rows,
    sightings,
    statement_speakers,
    statements,
)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    yield s
    s.close()


@pytest.fixture
def loaded(loaded_url_on_both: str) -> Iterator[Store]:
    """A store holding examples/articles.jsonl, this test's own copy, on SQLite and on PostgreSQL."""
    s = open_store(loaded_url_on_both)
    yield s
    s.close()


def _count(store: Store, table: object) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_an_empty_database_is_migrated_to_the_current_version(store: Store) -> None:
    with store.engine.connect() as conn:
        assert store.version(conn) == SCHEMA_VERSION
    assert store.migrate() == SCHEMA_VERSION  # a second run changes nothing


def test_a_newer_database_is_refused_with_a_clear_message(store_url: str) -> None:
    s = open_store(store_url)
    with s.engine.begin() as conn:
        conn.execute(update(schema_version).values(version=SCHEMA_VERSION + 1))
    s.close()
    with pytest.raises(StoreError, match="newer than this communique.*upgrade"):
        open_store(store_url)


def test_ingesting_twice_stores_once(loaded: Store, root: Path) -> None:
    before = loaded.counts()
    again = ingest(read_inputs([str(root / "examples" / "articles.jsonl")]), loaded)
    assert (again.stored, again.duplicates) == (0, 5)
    assert loaded.counts() == before


def test_same_text_under_another_id_is_one_story_seen_twice(loaded: Store, root: Path) -> None:
    first = json.loads((root / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
    copy = Article(id="mirror-copy", text=first["text"], url="https://mirror.example/copy", source="Mirror")
    summary = ingest([copy], loaded)
    assert summary.duplicates == 1
    with loaded.engine.connect() as conn:
        urls = {r[0] for r in conn.execute(select(sightings.c.url).where(sightings.c.document_id == first["id"]))}
    assert "https://mirror.example/copy" in urls
    assert _count(loaded, documents) == 5


def test_near_duplicate_is_merged_into_the_story_it_copies(store: Store) -> None:
    original = synthetic_articles(1)[0]
    edited = original["text"].replace(" on Monday", " on Monday morning", 1) + " Markets were calm."
    summary = ingest([Article(id="a", text=original["text"]), Article(id="b", text=edited, source="Wire B")], store)
    assert (summary.stored, summary.near_duplicates) == (1, 1)
    with store.engine.connect() as conn:
        seen = conn.execute(select(sightings.c.article_id, sightings.c.kind).where(
            sightings.c.document_id == "a")).all()
    assert {tuple(r) for r in seen} == {("a", "original"), ("b", "near")}


def test_different_articles_are_not_merged(store: Store) -> None:
    arts = [Article(id=a["id"], text=a["text"]) for a in synthetic_articles(12)]
    assert ingest(arts, store).stored == 12


def test_failures_are_kept_and_the_rest_is_stored(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "mixed.jsonl"
    good = synthetic_articles(2)
    bad.write_text(json.dumps(good[0]) + "\n{not json\n" + json.dumps({"id": "x", "text": ""}) + "\n"
                   + json.dumps(good[1]) + "\n", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01binary")
    summary = ingest(read_inputs([str(bad), str(binary)]), store)
    assert summary.stored == 2 and len(summary.failures) == 3
    origins = {f["origin"] for f in list_failures(store)}
    assert {f"{bad}:2", f"{bad}:3", str(binary)} == origins


def test_canonical_actors_are_shared_across_articles(loaded: Store) -> None:
    fidan = find_actors(loaded, name="Fidan")
    assert len(fidan) == 1 and fidan[0]["documents"] == 2 and fidan[0]["country"] == "TUR"
    profile = actor_profile(loaded, actors_named(loaded, "Fidan")[0]["id"])
    assert profile is not None and profile["statements"] >= 1 and profile["events_as_source"] >= 1
    assert any(c["name"] == "Marco Rubio" for c in profile["counterparts"])


def test_event_queries_filter_and_carry_their_evidence(loaded: Store) -> None:
    rows = find_events(loaded, EventFilter(source="Britain", type="accuse"))
    assert rows and all(r["type"] == "ACCUSE" for r in rows)
    assert all(any(a["name"] == "United Kingdom" for a in r["source"]) for r in rows)
    r = rows[0]
    assert r["title"] and r["published"] == "2025-03-06" and "Russia" in r["sentence"]
    assert all(x["modality"] == "conditional" for x in find_events(loaded, EventFilter(modality="conditional")))
    assert find_events(loaded, EventFilter(since="2025-11-01")) and not find_events(loaded, EventFilter(
        since="2030-01-01"))


def test_statement_queries(loaded: Store) -> None:
    anon = find_statements(loaded, StatementFilter(source_type="anonymous"))
    assert anon and all(r["source_type"] == "anonymous" for r in anon)
    fidan = find_statements(loaded, StatementFilter(speaker="Fidan"))
    assert fidan and all(r["speaker"] == "Hakan Fidan" for r in fidan) and all(r["sentence"] for r in fidan)
    about = find_statements(loaded, StatementFilter(about="frigate"))
    assert about and all("frigate" in r["content_text"].lower() for r in about)


def test_a_statement_of_the_two_leaders_is_each_leaders(store: Store) -> None:
    text = ("Olaf Scholz had a telephone conversation with President of Chile Gabriel Boric.\n\nThe two leaders "
            "stressed that trade in copper had grown. Olaf Scholz said that the talks would go on.")
    ingest([Article(id="call", text=text, published=date(2025, 5, 7))], store)
    boric = find_statements(store, StatementFilter(speaker="Boric"))
    assert [r["cue_text"] for r in boric] == ["stressed"]
    assert [a["name"] for a in boric[0]["speakers"]] == ["Olaf Scholz", "Gabriel Boric"]
    assert {r["cue_text"] for r in find_statements(store, StatementFilter(speaker="Scholz"))} == {"stressed", "said"}
    profile = actor_profile(store, boric[0]["speakers"][1]["id"])
    assert profile is not None and profile["statements"] == 1


def test_full_text_search_finds_articles_and_statements(loaded: Store) -> None:
    hits = search(loaded, "grain corridor")
    assert hits and hits[0]["document_id"] == "agreement-grain"
    assert search(loaded, "zzzxqk") == []


def test_one_event_told_by_two_stories_is_one_cluster(store: Store) -> None:
    one = "Chile accused Peru of blocking the port on Tuesday.\n\nThe dispute has lasted for months."
    two = ("Officials in Lima were angry.\n\nChile on Tuesday accused Peru of blocking the port, a complaint that "
           "diplomats in Santiago had expected for weeks, according to local newspapers.")
    from datetime import date
    ingest([Article(id="s1", text=one, published=date(2025, 5, 7)),
            Article(id="s2", text=two, published=date(2025, 5, 7))], store)
    rows = find_events(store, EventFilter(type="ACCUSE"))
    assert len(rows) == 2 and {r["cluster_id"] for r in rows} == {rows[0]["cluster_id"]}
    assert rows[0]["cluster_mentions"] == 2


def test_exports(loaded: Store, tmp_path: Path) -> None:
    out = io.StringIO()
    n = export(loaded, "polecat", out)
    table = list(csv.reader(io.StringIO(out.getvalue(), newline=""), delimiter="\t", strict=True))
    assert table[0] == POLECAT_COLUMNS and len(table) == n + 1 and n == _count(loaded, events)
    assert all(len(row) == len(POLECAT_COLUMNS) for row in table)
    polecat = {row[0]: dict(zip(POLECAT_COLUMNS, row)) for row in table[1:]}
    assert len(polecat) == n  # one row per event, each under its own id
    known = find_events(loaded, EventFilter(source="Britain", type="accuse"))
    assert known, "examples/articles.jsonl has Britain accusing Russia"
    ev = known[0]
    row = polecat[f"{ev['document_id']}#{ev['local_id']}"]
    assert (row["Event Type"], row["Quad Code"], row["Event Date"]) == (ev["type"], str(ev["quad"]), ev["when"])
    assert (row["Event Type"], row["Quad Code"]) == ("ACCUSE", str(load_codebook().quad("ACCUSE")))
    assert row["Actor Name"] == ";".join(a["name"] for a in ev["source"]) == "United Kingdom"
    assert row["Recipient Name"] == ";".join(a["name"] for a in ev["target"]) == "Russia"
    assert (row["Actor Country"], row["Recipient Country"]) == (ev["source"][0]["country"], ev["target"][0]["country"])
    assert (row["Actor Country"], row["Recipient Country"]) == ("GBR", "RUS")
    assert row["Event Mode"] == load_codebook().modes.get(ev["cameo"] or "", "")
    assert row["Primary Actor Sector"] == (ev["source"][0]["sector"] or "")
    assert row["Primary Recipient Sector"] == (ev["target"][0]["sector"] or "")
    # the published POLECAT columns we fill come first, in the published order, under the published names
    published = [c for c in POLECAT_COLUMNS if c in POLECAT_PUBLISHED]
    assert published == [c for c in POLECAT_PUBLISHED if c in published] == POLECAT_COLUMNS[:len(published)]
    assert len(published) >= 20
    assert (row["Publication Date"], row["CAMEO"], row["Modality"]) == (ev["published"], ev["cameo"], ev["modality"])
    assert (row["Trigger Start"], row["Trigger End"]) == (str(ev["trigger_start"]), str(ev["trigger_end"]))
    assert row["Sentence"] == " ".join(ev["sentence"].split()) and "accuse" in row["Sentence"]
    stored = find_events(loaded, EventFilter(limit=n))  # and every other row says what the store holds
    assert sorted(polecat) == sorted(f"{e['document_id']}#{e['local_id']}" for e in stored)
    for e in stored:
        got = polecat[f"{e['document_id']}#{e['local_id']}"]
        own = e["date"] or ""
        day = own if len(own) == 10 and not e["reference"] else "" if own else e["when"] or ""
        assert (got["Event Date"], got["Event Type"], got["Quad Code"], got["Publication Date"]) == (
            day, e["type"], str(e["quad"]), e["published"] or "")
        # a month or a year has its own column, a date far from its article another: never the event's day
        assert got["Coarse Date"] == (own if own and len(own) < 10 and not e["reference"] else "")
        assert got["Mentioned Date"] == (own if e["reference"] else "")
        assert got["Goldstein"] == ("" if e["goldstein"] is None else str(e["goldstein"]))
        assert -10 <= float(got["Goldstein"]) <= 10
    assert any(r["Event Date"] != r["Publication Date"] for r in polecat.values())  # so the dates are told apart
    out = io.StringIO()
    export(loaded, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == n and {"type", "source", "target", "sentence", "url", "modality"} <= set(rows[0])
    out = io.StringIO()
    export(loaded, "jsonl", out, what="statements")
    assert all(json.loads(line)["content_text"] for line in out.getvalue().splitlines())
    import pyarrow.parquet as pq
    path = tmp_path / "events.parquet"
    assert export(loaded, "parquet", None, path) == n and pq.read_table(path).num_rows == n


def test_malformed_inputs_each_fail_once_and_the_feed_is_stored(store: Store, root: Path, tmp_path: Path) -> None:
    web = root / "tests" / "fixtures" / "web"
    bad_json = tmp_path / "lines.jsonl"
    bad_json.write_text("{this is not json\n", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    inputs = [str(web / "broken.html"), str(web / "not-a-feed.rss"), str(bad_json), str(binary),
              str(web / "feed.rss")]
    summary = ingest(read_inputs(inputs), store)
    assert summary.stored == 2
    messages = {f.origin: f.message for f in summary.failures}
    assert set(messages) == {str(web / "broken.html"), str(web / "not-a-feed.rss"), f"{bad_json}:1", str(binary)}
    assert all("\n" not in m and ": " not in m[:3] for m in messages.values())
    assert len(list_failures(store)) == 4


def test_different_texts_without_ids_are_all_stored(store: Store, tmp_path: Path) -> None:
    """Two stories in same-named files of different folders, and id-less JSONL lines, are different articles."""
    a, b = synthetic_articles(2)
    for folder, art in (("a", a), ("b", b)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(art["text"], encoding="utf-8")
    lines = tmp_path / "lines.jsonl"
    lines.write_text("".join(json.dumps({"text": x["text"] + " A later line."}) + "\n" for x in (a, b)),
                     encoding="utf-8")
    summary = ingest(read_inputs([str(tmp_path / "a"), str(tmp_path / "b"), str(lines)]), store)
    assert (summary.stored, summary.duplicates, summary.near_duplicates) == (2, 0, 2)
    assert _count(store, documents) == 2
    with store.engine.connect() as conn:
        origins = {r[0] for r in conn.execute(select(sightings.c.origin))}
    assert {str(tmp_path / "a" / "story.txt"), str(tmp_path / "b" / "story.txt")} <= origins


def test_the_same_text_under_two_names_is_stored_once_with_two_sightings(store: Store, tmp_path: Path) -> None:
    art = synthetic_articles(1)[0]
    for name in ("first.txt", "second.txt"):
        (tmp_path / name).write_text(art["text"], encoding="utf-8")
    summary = ingest(read_inputs([str(tmp_path / "first.txt"), str(tmp_path / "second.txt")]), store)
    assert (summary.stored, summary.duplicates) == (1, 1)
    with store.engine.connect() as conn:
        rows = conn.execute(select(sightings.c.origin)).all()
    assert sorted(Path(r[0]).name for r in rows) == ["first.txt", "second.txt"]
    again = ingest(read_inputs([str(tmp_path / "second.txt")]), store)  # a rerun adds nothing
    assert again.duplicates == 1
    with store.engine.connect() as conn:
        assert len(conn.execute(select(sightings.c.id)).all()) == 2


def test_every_actor_is_found_by_its_id_among_many_name_alikes(store: Store) -> None:
    people = [f"Ann Example{i} met officials on Monday in Oslo, the ministry said." for i in range(60)]
    ingest([Article(id=f"ann-{i}", text=f"Ann Example{i} visited Oslo.\n\n{t} She also spoke of trade number {i}.")
            for i, t in enumerate(people)], store)
    ids = [a["id"] for a in find_actors(store, limit=500)] + [a["id"] for a in find_actors(store, name="Ann",
                                                                                             limit=500)]
    assert len({i for i in ids}) > 50
    for actor_id in set(ids):
        profile = actor_profile(store, actor_id)
        assert profile is not None and profile["id"] == actor_id


def test_a_database_of_the_previous_release_migrates_and_keeps_every_article(tmp_path: Path, root: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copy(root / "tests" / "fixtures" / "store" / "release-0.1.db", old)
    before = open_store(str(old), migrate=False)
    with before.engine.connect() as conn:
        assert before.version(conn) == 1
        ids = sorted(r[0] for r in conn.execute(select(documents.c.id)))
        n_events = conn.execute(select(func.count()).select_from(events)).scalar_one()
    before.close()
    after = open_store(str(old))
    with after.engine.connect() as conn:
        assert after.version(conn) == SCHEMA_VERSION
        assert sorted(r[0] for r in conn.execute(select(documents.c.id))) == ids and len(ids) == 5
        assert conn.execute(select(func.count()).select_from(events)).scalar_one() == n_events
        dated = conn.execute(select(func.count()).select_from(events).where(events.c.date.is_not(None))).scalar_one()
        from_text = conn.execute(select(func.count()).select_from(events)
                                 .where(events.c.date_source == "text")).scalar_one()
    assert dated == from_text
    _dyads_backfilled(after)
    _statements_searchable(after)
    _speakers_backfilled(after)
    assert ingest([Article(id="new", text=synthetic_articles(1)[0]["text"])], after).stored == 1
    _statements_searchable(after)
    after.close()


def _statements_searchable(store: Store) -> None:
    """Migration 4 (and every new article) points each statement at its own row of the full-text table, and a
    word of each statement finds it."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(statements.c.document_id, statements.c.local_id, statements.c.search_id,
                                   statements.c.content_text)).all()
        key = "rowid" if store.dialect == "sqlite" else "id"
        for doc, local, sid, content in rows:
            assert sid is not None, (doc, local)
            kind, d, lid = conn.execute(text(f"SELECT kind, document_id, local_id FROM search WHERE {key} = :s"),
                                        {"s": sid}).one()
            assert (kind, d, lid) == ("statement", doc, local)
    assert rows
    doc, local, _, content = max(rows, key=lambda r: len(r[3]))
    word = max(re.findall(r"[A-Za-z]{5,}", content), key=len)
    assert (doc, local) in {(r["document_id"], find_local(store, r["id"]))
                            for r in find_statements(store, StatementFilter(about=word, limit=500))}


def _speakers_backfilled(store: Store) -> None:
    """Migration 7 gave every stored statement with a speaker that speaker as its one speaker."""
    with store.engine.connect() as conn:
        said = set(conn.execute(select(statements.c.id, statements.c.speaker_id)
                                .where(statements.c.speaker_id.is_not(None))).all())
        linked = set(conn.execute(select(statement_speakers.c.statement_id, statement_speakers.c.actor_id)).all())
    assert said and linked == said


def find_local(store: Store, statement_id: int) -> str:
    with store.engine.connect() as conn:
        return str(conn.execute(select(statements.c.local_id).where(statements.c.id == statement_id)).scalar_one())


def test_a_word_search_gives_the_same_page_by_either_plan(loaded: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A common word walks the statements newest first, a rare one looks its matches up: the same answer."""
    from communique.store import queries

    for word in ("Russia", "frigate", "grain"):
        rare = find_statements(loaded, StatementFilter(about=word, limit=500))
        monkeypatch.setattr(queries, "COMMON_MATCHES", 0)
        common = find_statements(loaded, StatementFilter(about=word, limit=500))
        monkeypatch.undo()
        assert [r["id"] for r in rare] == [r["id"] for r in common]
    assert rare


def _dyads_backfilled(store: Store) -> None:
    """Migration 3 gave every stored event the countries of its sources and targets, as a new article gets them."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(events.c.id, events.c.source_country, events.c.target_country)).all()
        for ev_id, src, tgt in rows:
            for role, got in (("source", src), ("target", tgt)):
                want = sorted({c for (c,) in conn.execute(
                    select(actors.c.country).join(event_actors, event_actors.c.actor_id == actors.c.id)
                    .where(event_actors.c.event_id == ev_id, event_actors.c.role == role,
                           actors.c.country.is_not(None)))})
                assert (got or "") == ";".join(want), (ev_id, role)
    assert any(src for _, src, _ in rows)


def test_counts_add_up_to_the_matching_events(loaded: Store) -> None:
    with loaded.engine.connect() as conn:  # dates the text only mentions are not counted
        mentioned = conn.execute(select(func.count()).select_from(events).where(events.c.reference)).scalar_one()
    everything = count_events(loaded, EventFilter()) - mentioned
    for by in (["source_country", "target_country", "month"], ["quad", "week"], ["type"], ["day", "modality"]):
        rows = count_by(loaded, EventFilter(), by)
        assert sum(r["events"] for r in rows) == everything and all(set(r) == {*by, "events"} for r in rows)
    asserted = EventFilter(modality="asserted")
    rows = count_by(loaded, asserted, ["source_country", "target_country", "month"])
    with loaded.engine.connect() as conn:
        asserted_mentioned = conn.execute(select(func.count()).select_from(events).where(
            events.c.reference, events.c.modality == "asserted")).scalar_one()
    assert sum(r["events"] for r in rows) == count_events(loaded, asserted) - asserted_mentioned > 0
    gbr_rus = [r for r in rows if (r["source_country"], r["target_country"]) == ("GBR", "RUS")]
    assert gbr_rus, "examples/articles.jsonl has Britain accusing Russia"
    once = count_by(loaded, EventFilter(), ["type"], dedupe=True)
    assert sum(r["events"] for r in once) <= everything
    with pytest.raises(InputError, match="group by some of"):
        count_by(loaded, EventFilter(), ["colour"])


def test_commitments_read_the_same_from_either_database(loaded: Store) -> None:
    """The store's pledge events become the same commitments on SQLite and PostgreSQL (examples/articles.jsonl:
    Turkey's naval escorts on a condition)."""
    from communique.store.commitments import all_commitments, get_commitment

    found = all_commitments(loaded)
    escorts = [c for c in found if c.holder.name == "Turkey" and c.status == "conditional"]
    assert escorts and escorts[0].condition == "if Russia resumes attacks on the port", [c.to_dict() for c in found]
    assert escorts[0].kind == "security_guarantee" and escorts[0].first_stated == "2025-08-28"
    one = get_commitment(loaded, escorts[0].id)
    assert one is not None and one.id == escorts[0].id and one.mentions[0].sentence == escorts[0].mentions[0].sentence
    assert all(m.sentence.strip() for c in found for m in c.mentions)
    assert all(m.title for m in one.mentions)  # one commitment's history names its sources


def test_weeks_are_iso_weeks_on_every_database_counted_once_or_not(loaded: Store) -> None:
    rows = count_by(loaded, EventFilter(), ["week"])
    once = count_by(loaded, EventFilter(), ["week"], dedupe=True)
    with loaded.engine.connect() as conn:
        days = [d for (d,) in conn.execute(select(events.c.when_date).where(events.c.reference.is_(False)))
                if d and len(d) == 10]
    iso = {f"{y}-W{w:02d}" for y, w, _ in (date.fromisoformat(d).isocalendar() for d in days)}
    weeks = {r["week"] for r in rows if r["week"] and "-W" in r["week"]}
    assert weeks and weeks == iso and weeks == {r["week"] for r in once if r["week"] and "-W" in r["week"]}
    assert period_of("week", "2021-01-03") == "2020-W53" and period_of("week", "2024-12-30") == "2025-W01"
    assert period_of("month", "2022") == "2022" and period_of("day", None) is None


def _build_release_1_on_postgresql(url: str, fixture: Path) -> None:
    """The PostgreSQL database release 0.1 would have left: schema version 1 as it was (events without
    `date_source`, sightings unique on (document_id, article_id)), holding the rows of the SQLite fixture."""
    engine = create_engine(database_url(url))
    old = create_engine(database_url(str(fixture)))
    try:
        with engine.begin() as conn:
            metadata.create_all(conn, tables=[schema_version])
            conn.execute(insert(schema_version).values(version=1))
            MIGRATIONS[0](conn)
            conn.execute(text("ALTER TABLE events DROP COLUMN date_source"))
            conn.execute(text("ALTER TABLE statements DROP COLUMN search_id"))
            conn.execute(text("ALTER TABLE events DROP COLUMN source_country, DROP COLUMN target_country, "
                              "DROP COLUMN reference"))
            conn.execute(text("ALTER TABLE actors DROP COLUMN latitude, DROP COLUMN longitude, DROP COLUMN geonameid, "
                              "DROP COLUMN admin1, DROP COLUMN feature"))
            conn.execute(text("ALTER TABLE sightings DROP CONSTRAINT uq_sightings_seen"))
            conn.execute(text("ALTER TABLE sightings ADD CONSTRAINT uq_sightings_article "
                              "UNIQUE (document_id, article_id)"))
        with old.connect() as src, engine.begin() as conn:
            for table in CORE_TABLES:
                if table.name == "communique_schema":
                    continue
                rows = [dict(r) for r in src.execute(text(f"SELECT * FROM {table.name}")).mappings()]
                if rows:
                    columns = ", ".join(f'"{n}"' for n in rows[0])
                    values = ", ".join(f":{n}" for n in rows[0])
                    conn.execute(text(f"INSERT INTO {table.name} ({columns}) VALUES ({values})"), rows)
            found = [dict(r) for r in src.execute(text("SELECT kind, document_id, local_id, body FROM search"))
                     .mappings()]
            conn.execute(insert(search_rows), found)
            for table in CORE_TABLES + [search_rows]:  # new ids follow the copied ones, as they would have
                if "id" in table.c and table.c.id.autoincrement is True:
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), MAX(id)) "
                                      f"FROM {table.name} HAVING MAX(id) IS NOT NULL"))
    finally:
        engine.dispose()
        old.dispose()


def test_a_postgresql_database_of_the_previous_release_migrates_and_keeps_every_article(
        store_url: str, root: Path) -> None:
    if not store_url.startswith("postgresql"):
        pytest.skip("SQLite: test_a_database_of_the_previous_release_migrates_and_keeps_every_article covers it")
    fixture = root / "tests" / "fixtures" / "store" / "release-0.1.db"
    _build_release_1_on_postgresql(store_url, fixture)
    release = create_engine(database_url(str(fixture)))
    with release.connect() as conn:  # what release 0.1 stored
        ids = sorted(r[0] for r in conn.execute(select(documents.c.id)))
        seen = sorted(tuple(r) for r in conn.execute(select(sightings.c.document_id, sightings.c.article_id,
                                                                   sightings.c.origin)))
        n_events = conn.execute(select(func.count()).select_from(events)).scalar_one()
        n_dated = conn.execute(select(func.count()).select_from(events).where(events.c.date.is_not(None))
                               ).scalar_one()
        old_columns = {t: [c["name"] for c in inspect(conn).get_columns(t)] for t in ("events", "sightings")}
        old_unique = inspect(conn).get_unique_constraints("sightings")
    release.dispose()
    assert len(ids) == 5 and len(seen) >= 5 and n_dated > 0

    before = open_store(store_url, migrate=False)
    with before.engine.connect() as conn:  # the same schema as the SQLite file of that release
        assert before.version(conn) == 1
        assert {t: [c["name"] for c in inspect(conn).get_columns(t)] for t in old_columns} == old_columns
        assert [(u["name"], u["column_names"]) for u in inspect(conn).get_unique_constraints("sightings")] == [
            (u["name"], u["column_names"]) for u in old_unique]
        assert sorted(r[0] for r in conn.execute(select(documents.c.id))) == ids
    before.close()

    after = open_store(store_url)
    with after.engine.connect() as conn:
        assert after.version(conn) == SCHEMA_VERSION
        assert sorted(r[0] for r in conn.execute(select(documents.c.id))) == ids
        assert sorted(tuple(r) for r in conn.execute(select(sightings.c.document_id, sightings.c.article_id,
                                                            sightings.c.origin))) == seen
        assert conn.execute(select(func.count()).select_from(events)).scalar_one() == n_events
        from_text = conn.execute(select(func.count()).select_from(events)
                                 .where(events.c.date_source == "text")).scalar_one()
        unique = {u["name"]: u["column_names"] for u in inspect(conn).get_unique_constraints("sightings")}
    assert from_text == n_dated
    assert unique == {"uq_sightings_seen": ["document_id", "article_id", "origin"]}
    assert search(after, "grain corridor")[0]["document_id"] == "agreement-grain"  # the copied search rows
    _statements_searchable(after)
    assert ingest([Article(id="new", text=synthetic_articles(1)[0]["text"])], after).stored == 1
    _statements_searchable(after)
    after.close()


def test_concurrent_writers_meeting_a_unique_constraint_record_a_duplicate(store_url: str) -> None:
    """A record stored by another writer between the check and the insert becomes a duplicate, not a crash."""
    from communique.extraction import extract

    one, two = open_store(store_url), open_store(store_url)
    record = extract(Article(id="race", text=synthetic_articles(1)[0]["text"]))
    with one.transaction() as conn:  # the first writer holds its insert until the second has checked
        from communique.store.dedupe import fingerprint
        from communique.store.write import insert_record

        assert two.known(record.document) is None
        insert_record(conn, record, fingerprint(record.document.text))
    outcomes = two.save([record])
    assert [o.kind.value for o in outcomes] == ["duplicate"] and outcomes[0].document == "race"
    one.close()
    two.close()


def test_an_event_dated_long_before_its_article_is_filed_under_the_article_and_not_counted(store: Store) -> None:
    text = "Finland recalled that Sweden had attacked Norway in 1814. On Monday Finland accused Sweden of spying."
    from datetime import date

    assert ingest([Article(id="history", text=text, published=date(2025, 3, 6))], store).stored == 1
    rows = find_events(store, EventFilter(document="history"))
    old = [r for r in rows if r["date"] == "1814"]
    assert old and all(r["reference"] and r["when"] == "2025-03-06" for r in old)
    counted = count_by(store, EventFilter(document="history"), ["year"])
    assert "1814" not in {r["year"] for r in counted}
    assert sum(r["events"] for r in counted) == len(rows) - len(old)


def test_a_happening_told_a_day_apart_with_other_words_is_one_cluster_and_another_is_not(store: Store) -> None:
    from datetime import date

    first = "Norwegian forces shelled a Swedish patrol boat near Svalbard on Monday, officials in Oslo said."
    second = ("Sweden protested on Wednesday.\n\nOn Tuesday, Norwegian troops shelled a Swedish ship in the "
              "Barents Sea, the government in Stockholm said.")
    other = "Norwegian forces shelled a Swedish patrol boat near Svalbard on Friday, officials in Oslo said."
    ingest([Article(id="c1", text=first, published=date(2025, 3, 4)),
            Article(id="c2", text=second, published=date(2025, 3, 5)),
            Article(id="c3", text=other, published=date(2025, 3, 8))], store)
    shelled = find_events(store, EventFilter(type="ASSAULT"))
    by_doc = {r["document_id"]: r for r in shelled}
    assert {"c1", "c2", "c3"} <= set(by_doc)
    assert by_doc["c1"]["when"] == "2025-03-03" and by_doc["c2"]["when"] == "2025-03-04"
    assert by_doc["c1"]["cluster_id"] == by_doc["c2"]["cluster_id"] is not None  # a day apart, same dyad
    assert by_doc["c1"]["cluster_mentions"] == 2
    assert by_doc["c3"]["cluster_id"] != by_doc["c1"]["cluster_id"]  # four days later: another happening
