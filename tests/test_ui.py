"""The web UI in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright), against
`communique serve` started as a process. Screenshots of each page go to test-artifacts/."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from communique.batch import ingest
from communique.records import Article
from communique.store import open_store

CHROMIUM = os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
HOSTILE = ("Officials in Oslo said the <script>window.__pwned = 1</script> tag was sent by Norway. "
           "<img src=x onerror=\"window.__pwned = 2\"> Norway accused Sweden of hiding it on Monday.")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextmanager
def _serve(db: str) -> Iterator[str]:
    """`communique serve` over `db` on a free port, as a process; its base URL once it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(Path(sys.executable).parent / "communique"), "serve", "--db", db, "--port",
                             str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/articles", timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError(f"communique serve did not start: {proc.stderr.read() if proc.stderr else ''}")
            time.sleep(0.3)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, loaded_store_copy: Callable[[Path], str]) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (.ci/run does), or set COMMUNIQUE_CHROMIUM")
    pytest.importorskip("playwright", reason="pip install playwright (the test extra)")
    db = loaded_store_copy(tmp_path_factory.mktemp("ui"))
    store = open_store(db)
    from datetime import date
    ingest([Article(id="hostile", text=HOSTILE, title="A <b>bold</b> title", published=date(2025, 4, 7))], store)
    store.close()
    with _serve(db) as base:
        yield base


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    yield pg
    ctx.close()


def _shot(page, name: str, full_page: bool = True) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def test_article_view_marks_the_speaker_and_links_to_the_actor(server: str, page) -> None:  # type: ignore[no-untyped-def]
    record = json.loads(urllib.request.urlopen(f"{server}/api/articles/call-washington-ankara").read())["record"]
    st = next(s for s in record["statements"] if s["speaker"] and s["speaker_mention"])
    speaker = next(a for a in record["actors"] if a["id"] == st["speaker"])
    page.goto(f"{server}/ui/article.html?id=call-washington-ankara")
    page.wait_for_selector("body[data-ready='1']")
    marked = page.locator(f"#text span.speaker[data-statement='{st['id']}']").first
    assert marked.get_attribute("data-actor-name") == speaker["name"]
    assert marked.inner_text().strip() in st["speaker_mention"]["text"]
    marked.hover()
    assert speaker["name"] in page.locator("#info").inner_text()
    assert page.locator("#text span.trigger").count() == len(record["events"]) or page.locator(
        "#text span.trigger").count() > 0
    assert page.locator("#statements .badge.anon").count() == sum(
        1 for s in record["statements"] if s["source_type"] == "anonymous")
    _shot(page, "article-view")
    page.locator(f"#statements li[data-statement='{st['id']}'] a.speaker-link").click()
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#name").inner_text() == speaker["name"]
    assert page.locator("#statements li").count() >= 1
    _shot(page, "actor-page")


def test_article_content_is_text_never_markup(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/ui/article.html?id=hostile")
    page.wait_for_selector("body[data-ready='1']")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#text img, #text script, #title b").count() == 0
    assert "<script>window.__pwned = 1</script>" in page.locator("#text").inner_text()
    assert page.locator("#title").inner_text() == "A <b>bold</b> title"
    _shot(page, "article-escaped")


def test_timeline_filters(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/ui/timeline.html?view=points")
    page.wait_for_selector("body[data-ready='1']")
    everything = int(page.locator("body").get_attribute("data-events") or 0)
    assert everything > 0 and page.locator("tr.event-row").count() == everything
    page.select_option("#f-modality", "asserted")
    page.select_option("#f-type", "ACCUSE")
    page.click("#filters button")
    page.wait_for_selector(f"body:not([data-events='{everything}'])")
    rows = page.locator("tr.event-row")
    assert 0 < rows.count() < everything
    assert all("ACCUSE" in rows.nth(i).inner_text() and "asserted" in rows.nth(i).inner_text()
               for i in range(rows.count()))
    _shot(page, "timeline")


def test_network_loads(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/ui/network.html")
    page.wait_for_selector("body[data-ready='1']")
    nodes = int(page.locator("body").get_attribute("data-nodes") or 0)
    assert nodes > 1 and page.evaluate("cy.nodes().length") == nodes and page.evaluate("cy.edges().length") > 0
    page.wait_for_timeout(300)
    _shot(page, "network")


def test_search(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/ui/index.html")
    page.fill("#q", "grain")
    page.press("#q", "Enter")
    page.wait_for_selector("body[data-ready='1']")
    results = page.locator("#results li.result")
    assert results.count() > 0 and "grain" in results.first.inner_text().lower()
    shown = [results.nth(i).get_attribute("data-document") for i in range(results.count())]
    assert len(shown) == len(set(shown))  # an article matched in its text and its statements is listed once
    _shot(page, "search")


@pytest.fixture(scope="module")
def many_articles(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over a store of more short articles than the index shows on one page."""
    from datetime import date

    db = str(tmp_path_factory.mktemp("many") / "many.db")
    store = open_store(db)
    ingest([Article(id=f"note-{i:03d}", title=f"Note number {i:03d}", published=date(2024, 2, 1 + i % 28),
                    text=f"Officials in Oslo said on Monday that note {i} had been handed to Sweden.")
            for i in range(53)], store)
    store.close()
    with _serve(db) as base:
        yield base


def _json(url: str) -> dict:  # type: ignore[type-arg]
    return json.loads(urllib.request.urlopen(url).read())  # type: ignore[no-any-return]


def test_the_index_pages_through_every_article(many_articles: str, page) -> None:  # type: ignore[no-untyped-def]
    total = _json(f"{many_articles}/api/articles?limit=1")["total"]
    last = _json(f"{many_articles}/api/articles?limit=1&offset={total - 1}")["items"][0]
    assert total == 53
    page.goto(f"{many_articles}/ui/index.html")
    page.wait_for_selector("body[data-ready='1']")
    shown = page.locator("#articles li.article").count()
    assert 0 < shown < total and page.locator("#range").first.inner_text() == f"1–{shown} of {total}"
    assert page.locator(f"a.article-link:text-is('{last['title']}')").count() == 0
    assert page.locator("#prev").first.is_disabled()
    while not page.locator("#next").first.is_disabled():
        page.locator("#next").first.click()
        page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#range").first.inner_text().endswith(f"–{total} of {total}")
    assert page.locator(f"a.article-link:text-is('{last['title']}')").count() == 1
    _shot(page, "index-last-page")


def test_the_index_shows_each_articles_counts(server: str, page) -> None:  # type: ignore[no-untyped-def]
    record = _json(f"{server}/api/articles/call-washington-ankara")["record"]
    page.goto(f"{server}/ui/index.html")
    page.wait_for_selector("body[data-ready='1']")
    row = page.locator("#articles li.article", has=page.locator("a[href*='call-washington-ankara']"))
    text = row.inner_text()
    assert f"{len(record['statements'])} statement" in text and f"{len(record['events'])} event" in text
    _shot(page, "index")


def test_the_docs_page_lists_every_route_offline(server: str, page) -> None:  # type: ignore[no-untyped-def]
    spec = _json(f"{server}/openapi.json")
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    page.goto(f"{server}/docs")
    page.wait_for_selector("body[data-ready='1']")
    routes = page.locator(".route")
    assert routes.count() == sum(len(ops) for ops in spec["paths"].values())
    text = page.locator("main").inner_text()
    for path, ops in spec["paths"].items():
        assert path in text
        for op in ops.values():
            assert op["summary"] in text
            for param in op.get("parameters", []):
                assert param["name"] in text
    assert not outside, outside
    _shot(page, "docs")


def test_narrow_screens_scroll_only_down(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    pg = ctx.new_page()
    try:
        for where in ("index.html", "article.html?id=call-washington-ankara"):
            pg.goto(f"{server}/ui/{where}")
            pg.wait_for_selector("body[data-ready='1']")
            assert pg.evaluate("document.documentElement.scrollWidth") <= 390, where
            for selector in ("header a[href='/ui/network.html']", "header a[href='/docs']"):
                box = pg.locator(selector).bounding_box()
                assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, (where, selector)
        assert pg.locator("#text").bounding_box()["width"] >= 300  # the article text keeps its width
        _shot(pg, "article-390px")
    finally:
        ctx.close()


def test_no_page_asks_for_anything_missing(server: str, page) -> None:  # type: ignore[no-untyped-def]
    missing: list[str] = []
    page.on("response", lambda r: missing.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    for where in ("/", "/ui/article.html?id=call-washington-ankara", "/ui/timeline.html", "/ui/network.html",
                  "/ui/search.html?q=grain", "/ui/commitments.html", "/docs"):
        page.goto(f"{server}{where}")
        page.wait_for_selector("body[data-ready='1']")
        page.wait_for_timeout(200)
    assert not missing, missing


@pytest.fixture(scope="module")
def pledges(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over our short reports of two donors' pledges, a restatement, a delivery and a withdrawal."""
    from datetime import date

    from test_commitments import STORIES

    db = str(tmp_path_factory.mktemp("pledges") / "pledges.db")
    store = open_store(db)
    ingest([Article(id=i, title=t, text=f"{t}\n\n{body}\n", published=date.fromisoformat(d))
            for i, d, t, body in STORIES], store)
    store.close()
    with _serve(db) as base:
        yield base


def test_commitments_page_filters_and_opens_a_history(pledges: str, page) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    total = _json(f"{pledges}/api/commitments")["total"]
    page.goto(f"{pledges}/ui/commitments.html")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("tr.commitment").count() == total >= 2
    page.select_option("#f-kind", "military_aid")
    page.fill("input[name=to]", "Ukraine")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready='1']")
    wanted = _json(f"{pledges}/api/commitments?kind=military_aid&to=Ukraine")
    rows = page.locator("tr.commitment")
    assert rows.count() == wanted["total"] == 1 and "kind=military_aid" in page.url
    assert rows.first.locator("[data-status]").first.get_attribute("data-status") == "delivered"
    rows.first.locator("td").nth(2).click()
    page.wait_for_selector("tr.history-row circle.dot")
    one = _json(f"{pledges}/api/commitments/{wanted['items'][0]['id']}")
    dots = page.locator("tr.history-row circle.dot")
    assert dots.count() == len(one["mentions"]) == page.locator("tr.history-row li.mention").count()
    assert [dots.nth(i).get_attribute("data-status") for i in range(dots.count())] == [m["status"] for m in one["mentions"]]
    colours = {dots.nth(i).evaluate("d => getComputedStyle(d).fill") for i in range(dots.count())}
    assert len(colours) == len({m["status"] for m in one["mentions"]})  # one colour per status
    _shot(page, "commitments")
    page.select_option("#f-kind", "")
    page.fill("input[name=to]", "")
    page.select_option("#f-status", "withdrawn")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("tr.commitment").count() == _json(f"{pledges}/api/commitments?status=withdrawn")["total"] >= 1
    assert not errors, errors


def test_actor_page_lists_the_actors_commitments(pledges: str, page) -> None:  # type: ignore[no-untyped-def]
    norway = _json(f"{pledges}/api/actors?name=Norway")["items"][0]["id"]
    page.goto(f"{pledges}/ui/actor.html?id={norway}")
    page.wait_for_selector("body[data-ready='1']")
    listed = page.locator("#commitments li[data-id]")
    assert listed.count() == _json(f"{pledges}/api/commitments?actor_id={norway}")["total"] >= 1
    assert "delivered" in page.locator("#commitments").inner_text()
    _shot(page, "actor-commitments")


KREMLIN_ARTICLES = 300


@pytest.fixture(scope="module")
def kremlin(server: str, shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over 300 consecutive Kremlin releases of 2016 (real news, CC BY 4.0), ingested as a user would."""
    rows = [json.loads(line) for line in (shared / "corpus" / "kremlin" / "articles.jsonl").open(encoding="utf-8")]
    rows = sorted((r for r in rows if r.get("date", "") >= "2016-01-01"), key=lambda r: (r["date"], r["id"]))
    folder = tmp_path_factory.mktemp("kremlin")
    source = folder / "kremlin.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows[:KREMLIN_ARTICLES]), encoding="utf-8")
    db = str(folder / "kremlin.db")
    done = subprocess.run([sys.executable, "-m", "communique.cli", "ingest", str(source), "--db", db],
                          check=False, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    with _serve(db) as base:
        yield base


def test_kremlin_index_and_docs(kremlin: str, page) -> None:  # type: ignore[no-untyped-def]
    assert _json(f"{kremlin}/api/articles?limit=1")["total"] == KREMLIN_ARTICLES
    page.goto(f"{kremlin}/ui/index.html")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#range").first.inner_text().endswith(f"of {KREMLIN_ARTICLES}")
    _shot(page, "kremlin-index", full_page=False)
    page.goto(f"{kremlin}/docs")
    page.wait_for_selector("body[data-ready='1']")
    _shot(page, "kremlin-docs")


def test_kremlin_timeline_plots_only_event_dates_and_present_types(kremlin: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{kremlin}/ui/timeline.html")
    page.wait_for_selector("body[data-ready='1']")
    page.click("#view-points")  # counts come first; each event is one click away
    page.wait_for_selector("body[data-ready='1'][data-view='points']")
    plotted = int(page.locator("body").get_attribute("data-plotted") or 0)
    assert plotted > 20
    lo, hi = page.evaluate("[chart.scales.x.min, chart.scales.x.max]")
    # the articles run Jan–Sep 2016: a date more than a year away from its article ("the 1945 victory", "by 2025")
    # is a reference, never stretching the axis
    assert lo > _epoch_ms("2015-01-01") and hi < _epoch_ms("2017-10-15")
    types = (page.locator("body").get_attribute("data-types") or "").split(",")
    on_axis = page.evaluate("chart.scales.y.ticks.map((t) => t.label).filter((l) => l)")
    assert sorted(on_axis) == sorted(types) and 0 < len(types) <= 16
    drawn = page.evaluate("chart.data.datasets.flatMap((d) => d.data.map((p) => p.e.type))")
    assert set(drawn) == set(types)
    spots = page.evaluate("chart.data.datasets.flatMap((d) => d.data.map((p) => `${p.x}|${p.y}`))")
    assert len(spots) == len(set(spots)) == plotted  # same-day points of a type are spread, not piled up
    _shot(page, "kremlin-timeline", full_page=False)


def test_kremlin_network_is_readable(kremlin: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{kremlin}/ui/network.html")
    page.wait_for_selector("body[data-ready='1']")
    first = int(page.locator("body").get_attribute("data-nodes") or 0)
    assert 10 <= first <= 40
    kinds = page.evaluate("cy.nodes().map((n) => n.data('kind'))")
    assert set(kinds) <= {"person", "country", "organization", "group"} and len(set(kinds)) >= 2
    colours = page.evaluate("Object.fromEntries(cy.nodes().map((n) => [n.data('kind'), n.style('background-color')]))")
    assert len(set(colours.values())) == len(colours)  # one colour per kind
    for kind in colours:
        assert page.locator(f"#legend .kind-{kind}").count() == 1
    pairs = page.evaluate("cy.edges().map((e) => [e.data('source'), e.data('target')].sort().join('|'))")
    assert len(pairs) == len(set(pairs))  # one link per pair, its width by count
    widths = page.evaluate("cy.edges().map((e) => [e.data('weight'), e.data('width')])")
    assert all(w1 <= w2 for (n1, w1) in widths for (n2, w2) in widths if n1 < n2)
    named = "cy.nodes().filter((n) => n.style('label') !== '').length"
    assert 0 < page.evaluate(named) < first  # only the larger actors are named until one zooms in
    page.evaluate("cy.zoom(cy.zoom() * 2)")
    assert page.evaluate(named) == first
    page.evaluate("cy.fit()")
    _shot(page, "kremlin-network")
    page.locator("#f-top").fill("10")
    page.locator("#f-top").dispatch_event("change")
    page.wait_for_selector(f"body:not([data-nodes='{first}'])")
    assert int(page.locator("body").get_attribute("data-nodes") or 0) <= 10


def test_kremlin_actor_page(kremlin: str, page) -> None:  # type: ignore[no-untyped-def]
    top = _json(f"{kremlin}/api/graph?top=2")["nodes"][0]
    page.goto(f"{kremlin}/ui/actor.html?id={top['id']}")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#name").inner_text() == top["name"]
    _shot(page, "kremlin-actor")


def test_kremlin_commitments_page(kremlin: str, page) -> None:  # type: ignore[no-untyped-def]
    """Commitments found in 300 real releases: the page lists a page of them, and the one told most often opens
    on its history, one dot per mention in date order."""
    found = _json(f"{kremlin}/api/commitments?limit=50")
    assert found["total"] > 0
    page.goto(f"{kremlin}/ui/commitments.html")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("tr.commitment").count() == len(found["items"])
    most = max(found["items"], key=lambda c: c["mention_count"])
    page.locator(f"tr.commitment[data-id='{most['id']}'] td").nth(2).click()
    page.wait_for_selector(f"tr.history-row[data-id='{most['id']}'] circle.dot")
    assert page.locator("tr.history-row circle.dot").count() == most["mention_count"]
    dates = [m["date"] for m in _json(f"{kremlin}/api/commitments/{most['id']}")["mentions"]]
    assert dates == sorted(dates)
    _shot(page, "kremlin-commitments")


def _epoch_ms(day: str) -> float:
    from datetime import datetime, timezone

    return datetime.fromisoformat(day).replace(tzinfo=timezone.utc).timestamp() * 1000


def test_kremlin_map_places_events_and_a_filter_narrows_them(kremlin: str, page) -> None:  # type: ignore[no-untyped-def]
    complaints: list[str] = []
    page.on("console", lambda m: complaints.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: complaints.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(f"{kremlin}/ui/map.html")
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_selector("path.leaflet-interactive.event-point")
    everywhere = int(page.locator("body").get_attribute("data-points") or 0)
    placed = int(page.locator("body").get_attribute("data-events") or 0)
    assert everywhere >= 3 and placed >= everywhere
    assert page.locator("path.leaflet-interactive.event-point").count() == everywhere
    assert page.locator(".leaflet-overlay-pane path:not(.leaflet-interactive)").count() > 100  # the countries
    page.locator("path.event-point").first.click(force=True)
    assert page.locator("#picked li.map-event").count() >= 1
    _shot(page, "kremlin-map", full_page=False)
    page.select_option("#f-type", "CONSULT")
    page.click("#filters button")
    page.wait_for_selector(f"body:not([data-events='{placed}'])")
    assert 0 < int(page.locator("body").get_attribute("data-events") or 0) < placed
    assert not complaints, complaints


def test_kremlin_timeline_counts_events_per_period_by_quad(kremlin: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{kremlin}/ui/timeline.html")
    page.wait_for_selector("body[data-ready='1'][data-view='counts']")
    period = page.locator("body").get_attribute("data-period")
    counted = int(page.locator("body").get_attribute("data-counted") or 0)
    rows = _json(f"{kremlin}/api/counts?by={period},quad")["items"]
    pattern = r"^\d{4}-W\d\d$" if period == "week" else r"^\d{4}-\d\d$"
    import re

    assert counted == sum(r["events"] for r in rows if re.match(pattern, r[period])) > 0
    stacked = page.evaluate("chart.data.datasets.map((d) => d.data.reduce((a, b) => a + b, 0))")
    assert sum(stacked) == counted and len(stacked) == 4  # one stack per quad
    _shot(page, "kremlin-timeline-counts", full_page=False)
    page.select_option("#f-type", "ASSAULT")
    page.click("#filters button")
    page.wait_for_selector(f"body:not([data-counted='{counted}'])")
    assert int(page.locator("body").get_attribute("data-counted") or 0) < counted
