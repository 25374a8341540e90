"""Fuzzing the edges: garbled JSONL lines (random JSON values, bytes, odd unicode, deep nesting, wrong types)
fed to `communique extract` and `communique ingest` (SQLite and PostgreSQL), random bodies and headers sent to
the API. Nothing may escape as a traceback, no answer may be a 5xx, every error is one line, and every valid
line among the garbage is extracted and stored. Bounded: about 40 examples per test, no deadline."""
from __future__ import annotations

import contextlib
import io
import json
import tempfile
import uuid
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from communique.api import create_app
from communique.cli import main
from communique.settings import Settings
from communique.store import open_store
from communique.store.schema import documents, sightings

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])

VALID_TEXTS = (
    "Kenya and Tanzania agreed on Monday in Nairobi to build a new railway across their border, officials said.",
    "The mayor of Lyon met union leaders on Thursday and promised to reopen the closed bus depot next month.",
    "Brazil criticised Argentina over new import tariffs, the foreign ministry in Brasilia said in a statement.",
    "Norwegian fishermen protested in Bergen on Saturday against quotas that they say will ruin small harbours.",
)
ODD_STRINGS = ("\\ud800", "\\udfff x", "\\u0000", "\u202e", "\ufeff", "\x1b[31m", "\u0085", "e\u0301", "𝔘𝔫𝔦",
               "\\n\\r\\t", "", " ", "\u2028")
FIELDS = ("id", "text", "title", "source", "url", "published", "language", "date")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
    | st.sampled_from(ODD_STRINGS),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12)


@st.composite
def garbled_line(draw: Any) -> bytes:
    kind = draw(st.sampled_from(["json", "article", "bytes", "odd", "deep", "text"]))
    if kind == "json":
        return json.dumps(draw(json_values)).encode()
    if kind == "article":
        keys = draw(st.lists(st.sampled_from(FIELDS), unique=True, min_size=1, max_size=5))
        parts = []
        for key in keys:
            odd = draw(st.sampled_from(ODD_STRINGS))
            value = draw(st.one_of(json_values.map(json.dumps), st.just(f'"{odd}"')))
            parts.append(f'"{key}": {value}')
        return ("{" + ", ".join(parts) + "}").encode("utf-8", "surrogatepass")
    if kind == "bytes":
        return draw(st.binary(min_size=1, max_size=60))
    if kind == "odd":
        odd = draw(st.sampled_from(ODD_STRINGS))
        return f'{{"id": "{odd}", "title": "{odd}", "text": "{odd} and more {odd}"}}'.encode("utf-8", "surrogatepass")
    if kind == "deep":
        depth = draw(st.integers(50, 20_000))
        opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
        return (opener * depth + "1" + closer * depth).encode()
    return draw(st.text(max_size=40)).encode("utf-8", "surrogatepass")


@st.composite
def jsonl_file(draw: Any) -> tuple[bytes, list[str]]:
    """The bytes of a JSONL file mixing garbage and valid articles, and the ids of the valid ones."""
    garbage = draw(st.lists(garbled_line(), min_size=1, max_size=6))
    texts = draw(st.lists(st.sampled_from(VALID_TEXTS), unique=True, max_size=2))
    lines = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in garbage]
    ids = []
    for text in texts:
        article_id = f"ok-{uuid.uuid4().hex}"
        ids.append(article_id)
        lines.insert(draw(st.integers(0, len(lines))), json.dumps({"id": article_id, "text": text}).encode())
    return b"\n".join(lines) + b"\n", ids


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _one_line_errors(code: int, err: str) -> None:
    assert code in (0, 1) and "Traceback" not in err, err
    for line in err.splitlines():
        assert line.startswith("Error: ") or "failed" in line, f"not a one-line error: {line!r}"


@FUZZ
@given(jsonl_file())
def test_extract_survives_garbled_jsonl(case: tuple[bytes, list[str]]) -> None:
    data, ids = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "garbled.jsonl"
        path.write_bytes(data)
        code, out, err = _run("extract", str(path), "--format", "jsonl")
    _one_line_errors(code, err)
    found = {json.loads(line)["document"]["id"] for line in out.split("\n") if line}  # U+2028 is not a break
    assert set(ids) <= found


def test_ingest_survives_garbled_jsonl_and_stores_every_valid_line(store_url: str) -> None:
    @FUZZ
    @given(jsonl_file())
    def check(case: tuple[bytes, list[str]]) -> None:
        data, ids = case
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "garbled.jsonl"
            path.write_bytes(data)
            code, _, err = _run("ingest", str(path), "--db", store_url)
        _one_line_errors(code, err)
        store = open_store(store_url)
        try:
            with store.engine.connect() as conn:
                known = {r[0] for r in conn.execute(select(documents.c.id).where(documents.c.id.in_(ids)))}
                known |= {r[0] for r in conn.execute(select(sightings.c.article_id)
                                                     .where(sightings.c.article_id.in_(ids)))}
        finally:
            store.close()
        assert set(ids) <= known, err

    check()


ROUTES = ("/api/extract", "/api/articles", "/api/events", "/api/statements", "/api/actors", "/api/actors/7",
          "/api/articles/x%2Fy", "/api/search", "/api/graph", "/api/codebook", "/ui/index.html", "/")
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=30)


@st.composite
def request_case(draw: Any) -> dict[str, Any]:
    body = draw(st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps(v).encode()),
                          st.builds(lambda t, k: json.dumps({"text": t, **k}).encode(), st.text(max_size=80),
                                    st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=3))))
    names = st.sampled_from(["content-type", "authorization", "content-length", "accept", "x-anything", "host",
                             "transfer-encoding", "cookie", "range"])
    headers = draw(st.dictionaries(names, header_text, max_size=3))
    params = draw(st.dictionaries(st.sampled_from(["limit", "offset", "actor", "since", "q", "actor_id", "type",
                                                   "modality", "name", "country"]), header_text, max_size=3))
    return {"method": draw(st.sampled_from(["GET", "POST", "PUT", "DELETE", "HEAD"])),
            "url": draw(st.sampled_from(ROUTES)), "content": body, "headers": headers, "params": params}


def test_the_api_answers_random_requests_without_a_5xx(loaded_store_url: str) -> None:
    app = create_app(settings=Settings.from_env(db=loaded_store_url), token="s3cret")
    with TestClient(app, raise_server_exceptions=True) as client:
        @FUZZ
        @given(request_case())
        def check(case: dict[str, Any]) -> None:
            try:
                resp = client.request(**case)
            except (ValueError, TypeError) as err:  # a request the HTTP client itself cannot send
                if "header" in str(err).lower() or "content-length" in str(err).lower():
                    return
                raise
            assert resp.status_code < 500, (case, resp.text)
            if resp.status_code >= 400 and case["method"] != "HEAD" and case["url"].startswith("/api"):
                assert set(resp.json()) == {"error"}, resp.text

        check()


@pytest.mark.parametrize("body", [b"[" * 30_000, b'{"text": ' + b"[" * 30_000 + b"]" * 30_000 + b"}",
                                  b'{"text": "\\ud800"}'])
def test_the_api_refuses_nesting_and_surrogates_in_one_json_error(loaded_store_url: str, body: bytes) -> None:
    with TestClient(create_app(settings=Settings.from_env(db=loaded_store_url))) as client:
        resp = client.post("/api/extract", content=body, headers={"content-type": "application/json"})
    assert 400 <= resp.status_code < 500 and set(resp.json()) == {"error"}, resp.text
