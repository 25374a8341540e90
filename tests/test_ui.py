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


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


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
    page.goto(f"{server}/ui/timeline.html")
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
                  "/ui/search.html?q=grain", "/docs"):
        page.goto(f"{server}{where}")
        page.wait_for_selector("body[data-ready='1']")
        page.wait_for_timeout(200)
    assert not missing, missing
