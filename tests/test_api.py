"""The REST API: every route, the single error shape, pagination, the token rule, the body size limit, and a
schemathesis run over the OpenAPI spec that must find no server error."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.api import MAX_BODY, create_app
from communique.settings import Settings


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, loaded_store_copy: Callable[[Path], str]) -> str:
    """The examples in a store of this module's own (a test here posts an article to it)."""
    return loaded_store_copy(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(settings=Settings.from_env(db=db))) as c:
        yield c


def _error(resp, status: int) -> str:  # type: ignore[no-untyped-def]
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]
    return str(body["error"]["message"])


def test_articles_list_and_pagination(client: TestClient) -> None:
    all_ = client.get("/api/articles").json()["items"]
    assert len(all_) == 5
    page = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert [a["id"] for a in page["items"]] == [a["id"] for a in all_[2:4]] and page["limit"] == 2


def test_article_record_and_404(client: TestClient) -> None:
    body = client.get("/api/articles/call-washington-ankara").json()
    rec = body["record"]
    assert rec["document"]["id"] == "call-washington-ankara" and rec["statements"] and rec["events"]
    assert set(body["actor_ids"]) == {a["id"] for a in rec["actors"]}
    assert "list them" in _error(client.get("/api/articles/no-such-article"), 404)


def test_events_statements_actors_graph_search(client: TestClient) -> None:
    ev = client.get("/api/events", params={"source": "Britain", "type": "ACCUSE"}).json()["items"]
    assert ev and all(e["type"] == "ACCUSE" and e["sentence"] for e in ev)
    st = client.get("/api/statements", params={"source_type": "anonymous"}).json()["items"]
    assert st and all(s["source_type"] == "anonymous" for s in st)
    actors = client.get("/api/actors", params={"country": "TUR"}).json()["items"]
    fidan = next(a for a in actors if a["name"] == "Hakan Fidan")
    profile = client.get(f"/api/actors/{fidan['id']}").json()
    assert profile["name"] == "Hakan Fidan" and profile["documents"] == 2
    assert _error(client.get("/api/actors/999999"), 404)
    g = client.get("/api/graph").json()
    ids = {n["id"] for n in g["nodes"]}
    assert g["edges"] and all(e["source"] in ids and e["target"] in ids and 1 <= e["quad"] <= 4 for e in g["edges"])
    counted = client.get("/api/counts", params={"by": "source_country,target_country,month", "modality": "asserted"})
    assert counted.json()["total"] == client.get("/api/events", params={"modality": "asserted"}).json()["total"] > 0
    assert _error(client.get("/api/counts", params={"by": "colour"}), 400)
    hits = client.get("/api/search", params={"q": "frigate"}).json()["items"]
    assert hits and all(h["document_id"] == "threat-strait" for h in hits)


def test_bad_parameters_get_the_error_shape(client: TestClient) -> None:
    assert "limit" in _error(client.get("/api/events", params={"limit": 0}), 422)
    assert "type" in _error(client.get("/api/events", params={"type": "HUG"}), 422)
    assert "since" in _error(client.get("/api/statements", params={"since": "last week"}), 422)
    _error(client.get("/api/nothing-here"), 404)


def test_extract_returns_a_record_and_stores_nothing(client: TestClient) -> None:
    before = client.get("/api/articles").json()["items"]
    rec = client.post("/api/extract", json={"text": "Japan and India held talks in Tokyo on Monday.",
                                            "published": "2025-05-06"}).json()
    assert rec["events"] and rec["events"][0]["type"] == "CONSULT"
    assert client.get("/api/articles").json()["items"] == before
    assert "published" in _error(client.post("/api/extract", json={"text": "x", "published": "May"}), 422)


def test_writing_needs_a_token_and_read_only_without_one(db: str, client: TestClient) -> None:
    article = {"id": "posted-1", "text": "Chile and Peru signed a fishing accord in Lima on Friday, officials said."}
    assert "read-only" in _error(client.post("/api/articles", json=article), 403)
    with TestClient(create_app(settings=Settings.from_env(db=db), token="s3cret")) as writer:
        assert "Bearer" in _error(writer.post("/api/articles", json=article), 401)
        assert "Bearer" in _error(writer.post("/api/articles", json=article,
                                              headers={"Authorization": "Bearer wrong"}), 401)
        ok = writer.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 201 and ok.json()["outcome"] == "stored"
        again = writer.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
        assert again.json()["outcome"] == "duplicate"


def test_request_bodies_have_a_size_limit(client: TestClient) -> None:
    huge = "a" * (MAX_BODY + 10)
    assert "over" in _error(client.post("/api/extract", content=huge, headers={"content-type": "application/json"}),
                            413)


def test_the_ui_is_served_from_the_package(client: TestClient) -> None:
    assert client.get("/", follow_redirects=False).headers["location"] == "/ui/index.html"
    page = client.get("/ui/article.html")
    assert page.status_code == 200 and "vendor" not in page.text and "app.js" in page.text
    assert client.get("/ui/vendor/cytoscape.min.js").status_code == 200
    assert client.get("/ui/vendor/chart.umd.min.js").status_code == 200


def test_schemathesis_finds_no_server_error(db: str) -> None:
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings

    app = create_app(settings=Settings.from_env(db=db))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    for operation in schema.get_all_operations():
        op = operation.ok()

        @settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=op.as_strategy())
        def check(case) -> None:  # type: ignore[no-untyped-def]
            resp = case.call()
            if resp.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} -> {resp.status_code}: {resp.text[:200]}")
        check()
    assert not failures, failures


def test_posted_articles_without_ids_are_each_stored(store_url: str) -> None:
    """Two different bodies without an id are two articles (ids are hashes of the text), on both databases."""
    bodies = [{"text": "Chile and Peru signed a fishing accord in Lima on Friday, officials said."},
              {"text": "Kenya and Uganda agreed on Tuesday to repair a rail link between Nairobi and Kampala."}]
    auth = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(settings=Settings.from_env(db=store_url), token="s3cret")) as writer:
        got = [writer.post("/api/articles", json=b, headers=auth).json() for b in bodies]
        assert [g["outcome"] for g in got] == ["stored", "stored"] and got[0]["document"] != got[1]["document"]
        again = writer.post("/api/articles", json=bodies[0], headers=auth).json()
        assert again == {"outcome": "duplicate", "document": got[0]["document"], "reason": None}
        assert len(writer.get("/api/articles").json()["items"]) == 2
        writer.app.state.store.close()  # type: ignore[attr-defined]


def test_every_actor_page_answers_by_id(client: TestClient) -> None:
    ids = [a["id"] for a in client.get("/api/actors", params={"limit": 500}).json()["items"]]
    assert ids
    for actor_id in ids:
        page = client.get(f"/api/actors/{actor_id}")
        assert page.status_code == 200 and page.json()["id"] == actor_id


def test_the_codebook_lists_every_enumeration(client: TestClient) -> None:
    book = client.get("/api/codebook").json()
    assert len(book["plover"]) == 16 and {"type": "ASSAULT", "quad": 4}.items() <= book["plover"][-1].items()
    assert "conditional" in book["modalities"] and "anonymous" in book["source_types"]
    assert client.get("/api/events", params={"type": "ASSAULT"}).status_code == 200
    assert _error(client.get("/api/events", params={"type": "NOTATYPE"}), 422)


LIST_ROUTES = [("/api/articles", {}), ("/api/events", {}), ("/api/events", {"type": "ACCUSE"}),
               ("/api/events", {"actor": "Fidan"}), ("/api/statements", {}), ("/api/statements", {"about": "frigate"}),
               ("/api/statements", {"source_type": "anonymous"}), ("/api/actors", {}),
               ("/api/actors", {"country": "TUR"}), ("/api/search", {"q": "minister"})]


@pytest.mark.parametrize("route,params", LIST_ROUTES)
def test_every_list_route_says_how_many_there_are(client: TestClient, route: str, params: dict[str, str]) -> None:
    everything = client.get(route, params={**params, "limit": 500}).json()
    assert set(everything) == {"items", "total", "limit", "offset"}
    assert everything["total"] == len(everything["items"]) > 0
    first = client.get(route, params={**params, "limit": 1, "offset": 1}).json()
    assert first["total"] == everything["total"] and first["limit"] == 1 and first["offset"] == 1
    assert len(first["items"]) == (1 if everything["total"] > 1 else 0)


def test_listed_articles_count_their_statements_and_events(client: TestClient) -> None:
    for item in client.get("/api/articles").json()["items"]:
        record = client.get(f"/api/articles/{item['id']}").json()["record"]
        assert item["statements"] == len(record["statements"]) and item["events"] == len(record["events"])


def test_docs_are_our_own_page_with_no_cdn(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "cdn" not in page.text.lower() and "swagger" not in page.text.lower() and "docs.js" in page.text
    assert client.get("/redoc").status_code == 404
    assert client.get("/openapi.json").json()["paths"]


def test_favicon_and_head_of_the_home_page(client: TestClient) -> None:
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in icon.text
    assert client.head("/", follow_redirects=False).status_code == 200
    for page in ("index.html", "article.html", "actor.html", "search.html", "timeline.html", "network.html", "map.html",
                 "docs.html"):
        assert 'rel="icon"' in client.get(f"/ui/{page}").text, page
