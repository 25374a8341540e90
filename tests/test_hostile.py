"""Hostile and careless clients and inputs: streamed bodies past the limit, loose Authorization headers, crashes,
NUL bytes and out-of-range ids, ids with slashes, malformed JSONL values, files that are not stores, foreign Host
headers, missing security headers and link targets that leave the site. Each test fails without its fix."""
from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from communique.api import MAX_BODY, MAX_ID, create_app
from communique.batch import ingest
from communique.errors import StoreError
from communique.records import Article
from communique.settings import Settings
from communique.store import open_store
from communique.store.schema import documents

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium")
SLASHED = "wire/2025/05/ports-deal"
ACCORD = "Chile and Peru signed a fishing accord in Lima on Friday, officials said."
AUTH = {"Authorization": "Bearer s3cret"}


def _app(db: str, **kwargs: Any) -> Any:
    return create_app(settings=Settings.from_env(db=db), **kwargs)


def _error(resp: Any, status: int) -> str:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]
    return str(body["error"]["message"])


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True, check=False,
                          cwd=ROOT, timeout=600)


def _one_line_error(res: subprocess.CompletedProcess[str]) -> str:
    assert res.returncode == 1, res.stdout + res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "Traceback" not in res.stderr, res.stderr
    return lines[0]


# --- 1. request bodies are bounded however they arrive ---------------------------------------------------------

def _scope(method: str, path: str, headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
            "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
            "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"), *headers],
            "client": ("127.0.0.1", 50000), "server": ("testserver", 80)}


def _stream_to(app: Any, method: str, path: str, headers: list[tuple[bytes, bytes]] | None = None,
               total: int = 10 * MAX_BODY, chunk: int = 65536) -> tuple[int, dict[str, Any], int]:
    """Call the ASGI app with a body streamed in chunks (no Content-Length): its status, JSON body and how many
    body bytes the app took before answering."""
    taken = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal taken
        if taken >= total:
            await asyncio.sleep(0.01)
            return {"type": "http.disconnect"}
        piece = min(chunk, total - taken)
        taken += piece
        return {"type": "http.request", "body": b"x" * piece, "more_body": taken < total}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(_scope(method, path, headers or []), receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, json.loads(body), taken


def test_a_streamed_body_stops_being_read_at_the_limit(loaded_store_url: str) -> None:
    app = _app(loaded_store_url)
    status, body, taken = _stream_to(app, "POST", "/api/extract")
    assert status == 413 and body["error"]["status"] == 413 and "over" in body["error"]["message"]
    assert taken <= MAX_BODY + 65536  # the chunk that crossed the limit, and nothing after it
    app.state.store.close()


def test_a_chunked_body_over_the_limit_gets_413(loaded_store_url: str) -> None:
    def pieces() -> Iterator[bytes]:
        for _ in range(40):
            yield b"y" * 100_000

    with TestClient(_app(loaded_store_url)) as client:
        resp = client.post("/api/extract", content=pieces(), headers={"content-type": "application/json"})
        assert resp.request.headers.get("transfer-encoding") == "chunked"
        assert "over" in _error(resp, 413)


def test_a_read_only_server_refuses_a_write_without_reading_its_body(loaded_store_url: str) -> None:
    app = _app(loaded_store_url)
    status, body, taken = _stream_to(app, "POST", "/api/articles", total=MAX_BODY // 2)
    assert status == 403 and "read-only" in body["error"]["message"] and taken == 0
    app.state.store.close()
    writer = _app(loaded_store_url, token="s3cret")
    status, _, taken = _stream_to(writer, "POST", "/api/articles", [(b"authorization", b"Bearer nope")],
                                  total=MAX_BODY // 2)
    assert status == 401 and taken == 0
    writer.state.store.close()


# --- 2. the Authorization header -------------------------------------------------------------------------------

def test_the_bearer_scheme_is_case_insensitive_and_a_bare_token_is_refused(tmp_path: Path) -> None:
    with TestClient(_app(str(tmp_path / "auth.db"), token="s3cret")) as client:
        bare = client.post("/api/articles", json={"text": ACCORD}, headers={"Authorization": "s3cret"})
        assert "Bearer" in _error(bare, 401) and bare.headers["www-authenticate"] == "Bearer"
        missing = client.post("/api/articles", json={"text": ACCORD})
        assert _error(missing, 401) and missing.headers["www-authenticate"] == "Bearer"
        lower = client.post("/api/articles", json={"text": ACCORD}, headers={"Authorization": "bearer s3cret"})
        assert lower.status_code == 201, lower.text
        upper = client.post("/api/articles", json={"text": ACCORD}, headers={"Authorization": "BEARER s3cret"})
        assert upper.json()["outcome"] == "duplicate"


# --- 3. crashes, NUL bytes, id bounds --------------------------------------------------------------------------

def test_an_unexpected_crash_still_answers_the_json_error_shape(loaded_store_url: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("simulated fault")

    monkeypatch.setattr("communique.api.list_articles", broken)
    with TestClient(_app(loaded_store_url), raise_server_exceptions=False) as client:
        resp = client.get("/api/articles")
        message = _error(resp, 500)
        assert "simulated" not in message and resp.headers["content-type"] == "application/json"
        assert resp.headers["x-content-type-options"] == "nosniff"


NUL_QUERIES = [("/api/events", {"actor": "Tur\x00key"}), ("/api/events", {"source": "\x00"}),
               ("/api/events", {"target": "a\x00"}), ("/api/graph", {"actor": "x\x00y"}),
               ("/api/statements", {"speaker": "\x00"}), ("/api/statements", {"about": "grain\x00"}),
               ("/api/actors", {"name": "Fi\x00dan"}), ("/api/search", {"q": "frig\x00ate"})]


def test_nul_bytes_and_ids_past_the_integer_column_are_refused_on_both_databases(store_url: str) -> None:
    open_store(store_url).close()
    with TestClient(_app(store_url), raise_server_exceptions=False) as client:
        for path, params in NUL_QUERIES:
            assert "control characters" in _error(client.get(path, params=params), 422), (path, params)
        _error(client.get("/api/articles/bad%00id"), 422)
        too_big = MAX_ID + 1
        assert MAX_ID == 2**31 - 1
        _error(client.get(f"/api/actors/{too_big}"), 422)
        _error(client.get("/api/events", params={"actor_id": too_big}), 422)
        _error(client.get("/api/statements", params={"speaker_id": too_big}), 422)
        _error(client.get(f"/api/actors/{MAX_ID}"), 404)
        assert client.get("/api/events", params={"actor_id": MAX_ID}).json()["items"] == []
        assert client.get("/api/statements", params={"speaker_id": MAX_ID}).json()["items"] == []
        client.app.state.store.close()  # type: ignore[attr-defined]


# --- 4, 7. ids with slashes, security headers and the Host header in a real server and browser -------------------

@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, loaded_store_copy: Callable[[Path], str]) -> Iterator[str]:
    """A uvicorn server in a thread over the examples plus an article whose id holds slashes."""
    import uvicorn

    db = loaded_store_copy(tmp_path_factory.mktemp("hostile"))
    store = open_store(db)
    ingest([Article(id=SLASHED, text="Greece and Cyprus agreed on Tuesday to share port inspections in Limassol.",
                    title="Ports deal", published=date(2025, 5, 6))], store)
    store.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the test server did not start"
        time.sleep(0.05)
    yield f"127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)


def _raw(address: str, request: bytes, body_chunks: int = 0) -> bytes:
    """Send a raw HTTP/1.1 request (then up to `body_chunks` chunks of 64 KiB, chunked) and read the answer."""
    host, port = address.split(":")
    with socket.create_connection((host, int(port)), timeout=20) as conn:
        conn.sendall(request)
        try:
            for _ in range(body_chunks):
                conn.sendall(b"10000\r\n" + b"z" * 0x10000 + b"\r\n")
        except OSError:
            pass  # the server answered and closed before the end: what should happen
        answer = b""
        try:
            while chunk := conn.recv(65536):
                answer += chunk
        except OSError:
            pass
        return answer


def test_a_real_server_answers_413_to_a_chunked_body_over_the_limit(live: str) -> None:
    head = (b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
    answer = _raw(live, head, body_chunks=MAX_BODY // 0x10000 + 20)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b'"status":413' in answer and b"nosniff" in answer.lower()


def test_a_real_server_refuses_a_foreign_host_header(live: str) -> None:
    answer = _raw(live, b"GET /api/articles HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400") and b"Host" in answer
    ok = _raw(live, f"GET /api/articles HTTP/1.1\r\nHost: {live}\r\nConnection: close\r\n\r\n".encode())
    assert ok.startswith(b"HTTP/1.1 200")


def test_an_id_with_slashes_is_fetched_and_shown(live: str) -> None:
    import urllib.parse
    import urllib.request

    quoted = urllib.parse.quote(SLASHED, safe="")
    record = json.loads(urllib.request.urlopen(f"http://{live}/api/articles/{quoted}", timeout=20).read())
    assert record["record"]["document"]["id"] == SLASHED
    page = (ROOT / "communique" / "ui" / "article.html").read_text(encoding="utf-8")
    assert "api(`/api/articles/${encodeURIComponent(" in page
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox", "--disable-gpu"])
        page_ = browser.new_page()
        complaints: list[str] = []
        page_.on("console", lambda m: complaints.append(m.text) if "Content Security Policy" in m.text else None)
        page_.on("pageerror", lambda e: complaints.append(str(e)))
        page_.goto(f"http://{live}/ui/article.html?id={quoted}")
        page_.wait_for_selector("body[data-ready='1']", timeout=20000)
        assert page_.locator("#title").inner_text() == "Ports deal"
        for name in ("index.html", "timeline.html", "network.html", "search.html?q=grain"):
            page_.goto(f"http://{live}/ui/{name}")
            page_.wait_for_timeout(500)
        browser.close()
    assert not complaints, complaints


def test_every_response_carries_the_security_headers(loaded_store_url: str) -> None:
    with TestClient(_app(loaded_store_url)) as client:
        for resp in (client.get("/api/articles"), client.get("/ui/article.html"), client.get("/nowhere"),
                     client.get("/api/events", params={"limit": 0}), client.get("/openapi.json")):
            assert resp.headers["x-content-type-options"] == "nosniff", resp.url
            assert resp.headers["x-frame-options"] == "DENY"
            policy = resp.headers["content-security-policy"]
            assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
            script = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
            assert "'unsafe-inline'" not in script and "http" not in script
        client.app.state.store.close()  # type: ignore[attr-defined]


def test_the_host_header_is_checked_on_loopback_only(loaded_store_url: str) -> None:
    with TestClient(_app(loaded_store_url)) as client:
        for host in ("localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "testserver"):
            assert client.get("/api/articles", headers={"host": host}).status_code == 200, host
        for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example"):
            assert "Host" in _error(client.get("/api/articles", headers={"host": host}), 400), host
        client.app.state.store.close()  # type: ignore[attr-defined]
    with TestClient(_app(loaded_store_url, host="0.0.0.0")) as open_client:
        assert open_client.get("/api/articles", headers={"host": "news.example"}).status_code == 200
        open_client.app.state.store.close()  # type: ignore[attr-defined]


# --- 5. one schema for input values ----------------------------------------------------------------------------

def _hostile_jsonl(path: Path) -> int:
    """A JSONL file mixing good articles with bad values; returns the number of good lines."""
    good = [{"id": "good-1", "text": ACCORD},
            {"id": "good-2", "text": "Kenya and Uganda agreed on Tuesday\tto repair a rail link near Kampala.\n",
             "title": "Rail link", "language": "en"}]
    bad = [json.dumps({"id": "list-title", "title": ["not", "a", "string"], "text": ACCORD + " Again."}),
           '{"id": "surrogate", "title": "half \\ud800 a pair", "text": "Spain and Italy met in Rome on Monday."}',
           '{"id": "nul\\u0000id", "text": "Ghana and Togo held border talks in Accra on Friday."}',
           '{"id": "deep", "text": "Chad and Niger met.", "extra": ' + "[" * 5000 + "]" * 5000 + "}",
           json.dumps({"id": "long-language", "language": "english-united-kingdom", "text": "Chad met Niger."}),
           json.dumps({"id": "x" * 501, "text": "Mali and Senegal met in Dakar on Sunday."}),
           json.dumps({"id": "newline-url", "url": "http://a.example/\n", "text": "Iraq and Iran met."}),
           '{"id": "huge-number", "text": "Laos met Thailand.", "n": ' + "9" * 5000 + "}"]
    lines = [json.dumps(good[0]), *bad[:4], json.dumps(good[1]), *bad[4:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(good)


def test_bad_jsonl_values_fail_one_line_each_and_the_good_lines_are_stored(store_url: str, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    n_good = _hostile_jsonl(path)
    res = _cli("ingest", str(path), "--db", store_url)
    assert res.returncode == 1 and "Traceback" not in res.stderr, res.stderr
    errors = [line for line in res.stderr.splitlines() if line.startswith("Error: ")]
    said = [line for line in res.stderr.strip().splitlines() if not line.startswith("…")]  # progress, if slow
    assert len(errors) == 8 and len(said) == 8, res.stderr
    for line, field in zip(errors, ["title", "title", "id", "nested", "language", "id", "url", "JSON"], strict=True):
        assert field in line, (field, line)
    store = open_store(store_url)
    try:
        with store.engine.connect() as conn:
            ids = sorted(r[0] for r in conn.execute(select(documents.c.id)))
            assert ids == ["good-1", "good-2"] and conn.execute(select(func.count()).select_from(documents)) \
                .scalar_one() == n_good
    finally:
        store.close()


@pytest.mark.parametrize("field,value", [
    ("language", "english-united-kingdom"), ("title", "a\x00b"), ("source", "Wire\nService"), ("id", "y" * 501),
    ("url", "http://a\x1b.example"), ("title", ["a list"]), ("id", 12)])
def test_the_api_refuses_the_values_the_jsonl_reader_refuses(loaded_store_url: str, field: str, value: Any) -> None:
    with TestClient(_app(loaded_store_url)) as client:
        assert field in _error(client.post("/api/extract", json={"text": ACCORD, field: value}), 422)
        client.app.state.store.close()  # type: ignore[attr-defined]


def test_the_api_refuses_a_lone_surrogate(loaded_store_url: str) -> None:
    with TestClient(_app(loaded_store_url)) as client:
        body = b'{"text": "Chile and Peru met.", "title": "half \\ud800 a pair"}'
        _error(client.post("/api/extract", content=body, headers={"content-type": "application/json"}), 422)
        client.app.state.store.close()  # type: ignore[attr-defined]


# --- 6. `communique check` and files that are not stores -------------------------------------------------------

def test_check_says_a_store_is_sound_on_both_databases(store_url: str) -> None:
    open_store(store_url).close()
    res = _cli("check", "--db", store_url)
    assert res.returncode == 0 and res.stdout.count("\n") == 1 and "sound" in res.stdout, res.stdout + res.stderr


def test_check_finds_a_damaged_sqlite_store(loaded_store_url: str) -> None:
    with open(loaded_store_url, "r+b") as f:
        f.seek(4096 * 20 + 100)
        f.write(b"\xa5" * 6000)
    assert "damaged" in _one_line_error(_cli("check", "--db", loaded_store_url))


def _not_stores(folder: Path, loaded: str) -> dict[str, Path]:
    text = folder / "notes.db"
    text.write_text("meeting notes, not a database\n" * 50, encoding="utf-8")
    cut = folder / "cut.db"
    cut.write_bytes(Path(loaded).read_bytes()[:30000])
    other = folder / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE invoices (number INTEGER, total REAL)")
        conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
    conn.close()
    return {"text": text, "cut": cut, "other": other}


def test_files_that_are_not_stores_are_refused_in_one_line(loaded_store_url: str, tmp_path: Path) -> None:
    for kind, path in _not_stores(tmp_path, loaded_store_url).items():
        with pytest.raises(StoreError, match="give"):
            open_store(str(path))
        for command in (["events"], ["check"], ["ingest", str(ROOT / "examples" / "articles.jsonl")]):
            line = _one_line_error(_cli(*command, "--db", str(path)))
            assert str(path.name) in line or "communique store" in line, (kind, command, line)
    with sqlite3.connect(tmp_path / "other.db") as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    conn.close()
    assert tables == ["invoices"]  # nothing of ours was added to someone else's database


def test_check_refuses_a_missing_file_without_creating_it(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.db"
    assert "no store" in _one_line_error(_cli("check", "--db", str(missing)))
    assert not missing.exists()


# --- 8. link targets in the UI ---------------------------------------------------------------------------------

def test_ui_links_never_leave_for_another_site() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    cases = ["//evil.example/x", "/\\evil.example", "/\t/evil.example", "\\\\evil.example", "javascript:alert(1)",
             " //evil.example", "/ui/index.html", "https://news.example/a", "actor.html?id=3", "?q=grain", "#top"]
    script = ("const vm = require('vm'), fs = require('fs'); const ctx = {}; vm.createContext(ctx);"
              "vm.runInContext(fs.readFileSync(process.argv[1], 'utf8'), ctx);"
              "process.stdout.write(JSON.stringify(JSON.parse(process.argv[2]).map((c) => ctx.safeHref(c))));")
    res = subprocess.run([node, "-e", script, str(ROOT / "communique" / "ui" / "app.js"), json.dumps(cases)],
                         capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(res.stdout) == ["#"] * 6 + cases[6:]


# --- /api/extract bounded: text length and extractions in flight -----------------------------------------------

def test_extract_refuses_a_text_over_its_own_limit_with_413(loaded_store_url: str) -> None:
    app = create_app(settings=Settings.from_env(db=loaded_store_url, extract_max_chars=6000))
    with TestClient(app) as client:
        message = _error(client.post("/api/extract", json={"text": ACCORD * 90}), 413)
        assert "6,000" in message and "COMMUNIQUE_EXTRACT_MAX_CHARS" in message
        assert client.post("/api/extract", json={"text": ACCORD}).status_code == 200
        started = time.monotonic()  # spaCy's tokenizer is quadratic in a run without spaces: 10,000 chars took 16 s
        assert "without a space" in _error(client.post("/api/extract", json={"text": "[" * 300 + "x" * 5000}), 400)
        assert time.monotonic() - started < 2
    assert Settings().extract_max_chars == 200_000 and Settings().extract_concurrency == 2
    assert Settings.from_env({"COMMUNIQUE_EXTRACT_MAX_CHARS": "5000"}).extract_max_chars == 5000


def test_extractions_past_the_concurrency_limit_get_429_with_retry_after(loaded_store_url: str,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import communique.api

    started, release = threading.Event(), threading.Event()
    real = communique.api.extract

    def slow_extract(*args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(communique.api, "extract", slow_extract)
    app = create_app(settings=Settings.from_env(db=loaded_store_url, extract_concurrency=1), token="s3cret")
    with TestClient(app) as client:
        first: list[Any] = []
        holder = threading.Thread(target=lambda: first.append(client.post("/api/extract", json={"text": ACCORD})))
        holder.start()
        assert started.wait(30)
        busy = client.post("/api/extract", json={"text": ACCORD})
        _error(busy, 429)
        assert int(busy.headers["retry-after"]) > 0
        _error(client.post("/api/articles", json={"text": ACCORD + " Later."}, headers=AUTH), 429)
        release.set()
        holder.join(30)
        assert first[0].status_code == 200
        assert client.post("/api/extract", json={"text": ACCORD}).status_code == 200  # the slot is free again


# --- 10. a body refused as binary is never recorded as a near-duplicate -----------------------------------------

def test_a_binary_body_is_refused_before_the_duplicate_check(loaded_store_url: str) -> None:
    store = open_store(loaded_store_url)
    with store.engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(documents)).scalar_one()
    store.close()
    stored = json.loads((ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])["text"]
    garbled = "\x01\x02\x03\x04" * 5 + stored  # a stored article behind control bytes
    with TestClient(_app(loaded_store_url, token="s3cret")) as client:
        assert "binary" in _error(client.post("/api/extract", json={"text": garbled}), 400)
        assert "binary" in _error(client.post("/api/articles", json={"text": garbled}, headers=AUTH), 400)
    store = open_store(loaded_store_url)
    try:
        summary = ingest([Article(id="garbled", text=garbled)], store)
        assert summary.near_duplicates == 0 and len(summary.failures) == 1 and "binary" in summary.failures[0].message
        with store.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(documents)).scalar_one() == before
    finally:
        store.close()


# --- 7. kill -9 of batch leaves no worker behind ----------------------------------------------------------------

def test_workers_end_when_their_batch_is_killed(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    import signal

    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for n in range(400):
            f.write(json.dumps({"id": f"a{n}", "text": f"Chile and Peru signed accord number {n} in Lima on Friday, "
                                                      f"officials said. Talks on item {n * 7} go on."}) + "\n")
    proc = subprocess.Popen([sys.executable, "-m", "communique", "batch", str(path), "--db", str(tmp_path / "k.db"),
                             "--processes", "2", "--chunk-size", "2"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        parent = psutil.Process(proc.pid)
        deadline = time.monotonic() + 120
        while len(parent.children(recursive=True)) < 3:  # two workers and the resource tracker
            assert time.monotonic() < deadline and proc.poll() is None, "the batch did not start its workers"
            time.sleep(0.1)
        children = parent.children(recursive=True)
        time.sleep(8)  # the workers have loaded the pipeline and are extracting
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        deadline = time.monotonic() + 8
        while alive := [c for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]:
            assert time.monotonic() < deadline, f"left running: {[c.cmdline() for c in alive]}"
            time.sleep(0.1)
    finally:
        if proc.poll() is None:
            proc.kill()


# --- 11. slow clients cannot hold connections ------------------------------------------------------------------

def test_a_client_that_never_finishes_its_request_head_is_disconnected(loaded_store_url: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from communique.api import SERVER_LIMITS
    from communique.guard import HeadDeadline

    monkeypatch.setattr(HeadDeadline, "head_timeout", 1.0)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(_app(loaded_store_url), host="127.0.0.1", port=port, log_level="warning",
                                           **SERVER_LIMITS))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive(), "the test server did not start"
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:  # a whole request still works
            conn.sendall(b"GET /api/codebook HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert conn.recv(65536).startswith(b"HTTP/1.1 200")
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:  # a byte now and then: dropped
            conn.sendall(b"GET /api/codebook HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            started = time.monotonic()
            closed = False
            while time.monotonic() - started < 6 and not closed:
                try:
                    conn.sendall(b"X")
                    conn.settimeout(0.3)
                    closed = conn.recv(1024) == b""
                except TimeoutError:
                    continue
                except OSError:
                    closed = True
            assert closed and time.monotonic() - started < 4
    finally:
        server.should_exit = True
        thread.join(timeout=30)
