"""Inputs from the web: HTML pages, RSS/Atom feeds (full and summary-only, fetched for real from a local
server), URLs, folders; each malformed input gives one clear failure while the rest goes on."""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.inputs import read_inputs
from communique.records import Article, InputFailure

FIXTURES = Path(__file__).parent / "fixtures" / "web"


def _read(*paths: str) -> tuple[list[Article], list[InputFailure]]:
    items = list(read_inputs(list(paths)))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputFailure)]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Our fixture pages served over real HTTP on 127.0.0.1, with the summary feed pointing at them."""
    root = tmp_path_factory.mktemp("site")
    for f in FIXTURES.iterdir():
        shutil.copy(f, root / f.name)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None  # type: ignore[assignment]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    text = (FIXTURES / "summaries.atom").read_text(encoding="utf-8").replace("BASE", base)
    (root / "summaries.atom").write_text(text, encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()


def test_html_page_gives_main_text_title_date_and_site() -> None:
    (art,), fails = _read(str(FIXTURES / "oslo-talks.html"))
    assert not fails
    assert art.title == "Norway and Finland hold Arctic talks" and str(art.published) == "2025-02-11"
    assert art.text.startswith("Norway and Finland hold Arctic talks\n\n")
    assert "undersea cables" in art.text and "Cookie settings" not in art.text and "Sport" not in art.text
    assert art.url == "https://ledger.example/2025/02/arctic-talks"


def test_broken_html_is_one_clear_failure() -> None:
    arts, (fail,) = _read(str(FIXTURES / "broken.html"))
    assert not arts and "no article text" in fail.message and fail.origin.endswith("broken.html")


def test_rss_feed_with_full_content() -> None:
    arts, fails = _read(str(FIXTURES / "feed.rss"))
    assert not fails and [a.id for a in arts] == ["harbour-water-accord", "harbour-rescue"]
    assert arts[0].source == "Harbour Wire" and str(arts[0].published) == "2025-03-03"
    assert "water the two countries may take" in arts[0].text and "<p>" not in arts[0].text


def test_a_feed_that_is_not_xml_fails_clearly() -> None:
    arts, (fail,) = _read(str(FIXTURES / "not-a-feed.rss"))
    assert not arts and "not a readable RSS or Atom feed" in fail.message


def test_summary_feed_fetches_each_entry_page(site: str) -> None:
    arts, fails = _read(f"{site}/summaries.atom")
    assert [a.title for a in arts] == ["Norway and Finland hold Arctic talks", "A page that has gone"]
    assert "undersea cables" in arts[0].text  # the page's text, not the one-line summary
    assert not fails and "the feed's summary" in arts[1].origin  # the page is gone: its summary stands in


def test_url_of_an_html_page(site: str) -> None:
    (art,), fails = _read(f"{site}/oslo-talks.html")
    assert not fails and art.title == "Norway and Finland hold Arctic talks"


def test_unreachable_url_fails_with_what_to_do() -> None:
    arts, (fail,) = _read("http://127.0.0.1:9/nothing-listens-here")
    assert not arts and "cannot fetch it" in fail.message and "connection" in fail.message


def test_a_folder_is_read_recursively_by_extension(tmp_path: Path) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    shutil.copy(FIXTURES / "oslo-talks.html", tmp_path / "deep" / "er" / "page.html")
    (tmp_path / "note.txt").write_text("Austria and Hungary agreed to reopen a border crossing on Friday, officials "
                                       "in Vienna said after a meeting of the two interior ministers.\n", "utf-8")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    arts, fails = _read(str(tmp_path))
    assert sorted(Path(a.origin).name for a in arts) == ["note.txt", "page.html"]
    assert [Path(f.origin).name for f in fails] == ["ignored.png"] and "unsupported input type" in fails[0].message
