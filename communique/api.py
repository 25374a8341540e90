"""The REST API and the web UI, in one FastAPI app (`communique serve`).

Reading routes are open; writing routes (`POST /api/articles`) need `Authorization: Bearer $COMMUNIQUE_TOKEN`
(the scheme in any case), and without a token configured the server is read-only; a refused write is answered
before its body is read. Every error, a crash included, has one shape:
`{"error": {"status": 404, "message": "..."}}`. `guard.Guard` bounds request bodies however they are sent, adds
the security headers and checks the Host header on a loopback address. Filters go through the store's named
query functions; no SQL is built from request strings. The UI is static HTML and JavaScript served from the
package (no CDN).
"""
from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import replace
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import AfterValidator, BaseModel, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .batch import ingest
from .calendar import parse_published
from .codebook import MODALITIES, SOURCE_TYPES, enumerations, plover_types
from .commitments import KINDS, STATUSES
from .errors import CommuniqueError, InputError
from .extraction import extract
from .guard import LOCAL_HOSTS, Guard, HeadDeadline, Refusal, content_policy, error_response, is_loopback
from .inputs.fields import FIELD_LIMITS, field_problem
from .records import Article, content_id
from .settings import Settings
from .store import Store, open_store
from .store.commitments import CommitmentFilter, find_commitments, get_commitment
from .store.queries import (
    COUNT_DIMENSIONS,
    EventFilter,
    StatementFilter,
    actor_profile,
    article_record,
    count_actors,
    count_articles,
    count_by,
    count_events,
    count_search,
    count_statements,
    find_actors,
    find_events,
    find_statements,
    graph,
    list_articles,
    search,
)

__all__ = ["MAX_BODY", "MAX_ID", "SERVER_LIMITS", "create_app"]

MAX_BODY = 2_000_000  # bytes of request body
MAX_ID = 2**31 - 1  # the largest actor id: the actors.id column is a 32-bit integer on PostgreSQL
WRITE_ROUTES = {("POST", "/api/articles")}
RETRY_AFTER = 10  # seconds a client turned away by a busy extractor is told to wait
# uvicorn's settings for `communique serve`: idle keep-alive connections closed after 5 s, at most 200 connections
# at once (503 past it), a request head (request line and headers) of at most 16 KiB that must arrive within
# HeadDeadline.head_timeout (10 s): slow or idle clients cannot hold thousands of connections open.
SERVER_LIMITS: dict[str, Any] = {"timeout_keep_alive": 5, "limit_concurrency": 200,
                                 "h11_max_incomplete_event_size": 16384, "http": HeadDeadline}


def _plain(value: str | None) -> str | None:
    """A query or path value without control characters (PostgreSQL refuses NUL in any text)."""
    if value is not None and any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise ValueError("control characters (NUL, newlines, ...) are not allowed here")
    return value


Plain = AfterValidator(_plain)
Modality = Enum("Modality", {m: m for m in MODALITIES}, type=str)  # type: ignore[misc]
SourceType = Enum("SourceType", {t: t for t in SOURCE_TYPES}, type=str)  # type: ignore[misc]
PloverType = Enum("PloverType", {t: t for t in plover_types()}, type=str)  # type: ignore[misc]
DateText = Annotated[str | None, Query(pattern=r"^\d{4}(-\d\d(-\d\d)?)?$", description="YYYY[-MM[-DD]]")]
Name = Annotated[str | None, Query(max_length=200, description="part of a name, any case"), Plain]
ActorId = Annotated[int | None, Query(ge=0, le=MAX_ID)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


class ArticleIn(BaseModel):
    """An article to extract or store."""

    text: str = Field(min_length=1, max_length=MAX_BODY)
    id: str | None = Field(default=None, max_length=FIELD_LIMITS["id"])
    title: str | None = Field(default=None, max_length=FIELD_LIMITS["title"])
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d\d-\d\d$")
    source: str | None = Field(default=None, max_length=FIELD_LIMITS["source"])
    url: str | None = Field(default=None, max_length=FIELD_LIMITS["url"])
    language: str | None = Field(default=None, max_length=FIELD_LIMITS["language"], description="default en")

    @field_validator("text", "id", "title", "source", "url", "language")
    @classmethod
    def _usable(cls, value: str | None, info: Any) -> str | None:
        problem = None if value is None else field_problem(info.field_name, value)
        if problem is not None:
            raise ValueError(problem)
        return value


class ErrorBody(BaseModel):
    status: int
    message: str


class ErrorOut(BaseModel):
    """The one error shape of the API."""

    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorOut}
                                           for code in (400, 401, 403, 404, 413, 422, 429, 500)}


def the_store(request: Request) -> Store:
    """The app's store (a dependency of every reading route)."""
    found: Store = request.app.state.store
    return found


StoreDep = Annotated[Store, Depends(the_store)]


def _value(member: Enum | None) -> str | None:
    return None if member is None else str(member.value)


def _article(body: ArticleIn) -> Article:
    return Article(id=body.id or content_id(body.text), text=body.text, title=body.title,
                   published=parse_published(body.published, "published"), source=body.source, url=body.url,
                   language=body.language or "en", origin="request body")


def write_refusal(token: str | None, authorization: str | None) -> HTTPException | None:
    """Why a writing request is refused (403 on a read-only server, 401 without the right bearer token; the
    scheme is case-insensitive), or None when it may write."""
    if not token:
        return HTTPException(403, "this server is read-only: start it with COMMUNIQUE_TOKEN set to allow writing")
    scheme, _, given = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        return HTTPException(401, "send the server's token as 'Authorization: Bearer TOKEN'",
                             headers={"WWW-Authenticate": "Bearer"})
    return None


def writer(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writing routes need the server's token; without one configured the server is read-only."""
    refused = write_refusal(request.app.state.token, authorization)
    if refused is not None:
        raise refused


router = APIRouter()


def _page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    """One page of a list route: its rows, how many match in all, and where the page is."""
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/api/articles", summary="Stored articles, newest first")
def articles(s: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return _page(list_articles(s, limit, offset), count_articles(s), limit, offset)


@router.get("/api/articles/{document_id:path}", summary="One article's record, its actors' ids, where it ran")
def article(document_id: Annotated[str, PathParam(min_length=1, max_length=FIELD_LIMITS["id"]), Plain],
            s: StoreDep) -> dict[str, Any]:
    found = article_record(s, document_id)
    if found is None:
        raise HTTPException(404, f"no article {document_id!r}: list them at /api/articles")
    return found


def event_params(actor: Name = None, source: Name = None, target: Name = None, type: PloverType | None = None,
                 modality: Modality | None = None, since: DateText = None, until: DateText = None) -> EventFilter:
    """The event filters `/api/events` and `/api/graph` share."""
    return EventFilter(actor, source, target, _value(type), _value(modality), since, until)


EventParams = Annotated[EventFilter, Depends(event_params)]


@router.get("/api/events", summary="Events: who did what to whom")
def events(s: StoreDep, f: EventParams, actor_id: ActorId = None, limit: Limit = 50, offset: Offset = 0,
           placed: Annotated[bool, Query(description="only events placed on the map (with coordinates)")] = False
           ) -> dict[str, Any]:
    page = replace(f, actor_id=actor_id, limit=limit, offset=offset, placed=placed)
    return _page(find_events(s, page), count_events(s, page), limit, offset)


@router.get("/api/statements", summary="Statements: who said what")
def statements(s: StoreDep, speaker: Name = None, source_type: SourceType | None = None,
               about: Name = None, since: DateText = None, until: DateText = None,
               speaker_id: ActorId = None, limit: Limit = 50,
               offset: Offset = 0) -> dict[str, Any]:
    f = StatementFilter(speaker, _value(source_type), about, since, until, None, limit, offset, speaker_id)
    return _page(find_statements(s, f), count_statements(s, f), limit, offset)


@router.get("/api/actors", summary="Actors, most mentioned first")
def actor_list(s: StoreDep, country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
               name: Name = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return _page(find_actors(s, country=country, name=name, limit=limit, offset=offset),
                 count_actors(s, country=country, name=name), limit, offset)


@router.get("/api/actors/{actor_id}", summary="One actor's profile")
def actor_page(actor_id: Annotated[int, PathParam(ge=0, le=MAX_ID)], s: StoreDep) -> dict[str, Any]:
    found = actor_profile(s, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id}: list them at /api/actors")
    return found


@router.get("/api/counts", summary="Event counts grouped by dyad, type, quad and period, filtered like /api/events")
def counts(s: StoreDep, f: EventParams,
           by: Annotated[str, Query(pattern=r"^[a-z_]+(,[a-z_]+){0,4}$", max_length=120,
                                    description="comma-separated: " + ", ".join(COUNT_DIMENSIONS))],
           dedupe: Annotated[bool, Query(description="a happening told by several stories counts once")] = False
           ) -> dict[str, Any]:
    dims = by.split(",")
    rows = count_by(s, f, dims, dedupe=dedupe)
    return {"by": dims, "items": rows, "total": sum(r["events"] for r in rows)}


CommitmentKind = Enum("CommitmentKind", {k: k for k in KINDS}, type=str)  # type: ignore[misc]
CommitmentStatus = Enum("CommitmentStatus", {k: k for k in STATUSES}, type=str)  # type: ignore[misc]


@router.get("/api/commitments", summary="Commitments: who promised what to whom, on which condition, and what "
                                        "became of it (newest first)")
def commitments(s: StoreDep, holder: Name = None, to: Name = None, kind: CommitmentKind | None = None,
                status: CommitmentStatus | None = None, since: DateText = None, until: DateText = None,
                actor_id: ActorId = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    f = CommitmentFilter(holder, to, kind.value if kind else None, status.value if status else None, since, until,
                         limit, offset, actor_id)  # actor_id: an actor page's panel, what they hold or receive
    total, page = find_commitments(s, f)
    return _page([c.to_dict(history=False) for c in page], total, limit, offset)


@router.get("/api/commitments/{commitment_id}", summary="One commitment with the history of its mentions")
def commitment(commitment_id: Annotated[str, PathParam(pattern=r"^c[0-9a-f]{12}$")], s: StoreDep) -> dict[str, Any]:
    found = get_commitment(s, commitment_id)
    if found is None:
        raise HTTPException(404, f"no commitment {commitment_id}: list them at /api/commitments")
    return found.to_dict()


@router.get("/api/graph", summary="Actors as nodes, events as weighted edges, filtered like /api/events")
def network(s: StoreDep, f: EventParams,
            top: Annotated[int, Query(ge=2, le=500, description="how many actors, most events first")] = 40
            ) -> dict[str, Any]:
    return graph(s, f, top=top)


@router.get("/api/search", summary="Full-text search over articles, statements and actor names")
def find(q: Annotated[str, Query(min_length=1, max_length=500), Plain], s: StoreDep, limit: Limit = 50,
         offset: Offset = 0) -> dict[str, Any]:
    return _page(search(s, q, limit, offset), count_search(s, q), limit, offset)


@contextmanager
def extraction_slot(request: Request) -> Iterator[None]:
    """One of the server's `extract_concurrency` extraction slots, or 429 with Retry-After when all are taken
    (an extraction holds a core and hundreds of MB for seconds: queueing more would only exhaust the server)."""
    slots: threading.BoundedSemaphore = request.app.state.extractions
    if not slots.acquire(blocking=False):
        raise HTTPException(429, "the server is busy extracting other articles: try again in a few seconds",
                            headers={"Retry-After": str(RETRY_AFTER)})
    try:
        yield
    finally:
        slots.release()


@router.post("/api/extract", summary="Extract a record from text (nothing is stored)")
def extract_only(body: ArticleIn, request: Request) -> dict[str, Any]:
    settings: Settings = request.app.state.settings
    if len(body.text) > settings.extract_max_chars:
        raise HTTPException(413, f"text: {len(body.text):,} characters, over this server's limit of "
                                 f"{settings.extract_max_chars:,} for /api/extract (COMMUNIQUE_EXTRACT_MAX_CHARS): "
                                 "split it, or run `communique extract` on it")
    with extraction_slot(request):
        return extract(_article(body), settings=settings).to_dict()


@router.post("/api/articles", summary="Extract and store an article (needs the token)", status_code=201,
          dependencies=[Depends(writer)])
def add(body: ArticleIn, s: StoreDep, request: Request) -> dict[str, Any]:
    with extraction_slot(request):
        summary = ingest([_article(body)], s, request.app.state.settings)
    if summary.failures:
        raise HTTPException(400, str(summary.failures[0]))
    return summary.outcomes[0].to_dict()


@router.get("/api/codebook", summary="The enumerations of the record: PLOVER types, modalities, source types, "
                                     "commitment kinds and statuses")
def codebook() -> dict[str, Any]:
    return {**enumerations(), "commitment_kinds": list(KINDS), "commitment_statuses": list(STATUSES)}


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    return RedirectResponse("/ui/index.html")


@router.head("/", include_in_schema=False)
def home_head() -> Response:
    """`HEAD /` (a link checker, `curl -I`): the server is up."""
    return Response(media_type="text/html")


def _ui_file(name: str) -> Path:
    return Path(str(resources.files("communique").joinpath("ui", name)))


@router.get("/docs", include_in_schema=False)
def docs() -> FileResponse:
    """The API's reference, a page of ours built from /openapi.json (nothing from a CDN: it works offline)."""
    return FileResponse(_ui_file("docs.html"), media_type="text/html")


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> FileResponse:
    return FileResponse(_ui_file("favicon.svg"), media_type="image/svg+xml")


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return error_response(exc.status_code, str(exc.detail), dict(exc.headers or {}))


async def _invalid(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
    return error_response(422, f"{where or 'request'}: {first.get('msg', 'invalid')}")


async def _ours(_: Request, exc: Exception) -> JSONResponse:
    return error_response(400 if isinstance(exc, InputError) else 500, str(exc))


def _refusal(token: str | None) -> Refusal:
    """The requests refused before their body is read: writing ones this server would refuse anyway."""
    def refuse(scope: MutableMapping[str, Any]) -> HTTPException | None:
        if (scope.get("method"), scope.get("path")) not in WRITE_ROUTES:
            return None
        given = next((bytes(v).decode("latin-1") for k, v in scope.get("headers", ()) if k == b"authorization"),
                     None)
        return write_refusal(token, given)
    return refuse


def create_app(db: str | None = None, token: str | None = None, settings: Settings | None = None,
               host: str | None = "127.0.0.1") -> FastAPI:
    """The app over the store at `db` (default: $COMMUNIQUE_DB or communique.db). `host` is the address the
    server listens on: on a loopback address, requests naming another host (DNS rebinding) are refused."""
    settings = settings or Settings.from_env(db=db)
    app = FastAPI(title="communique", version=__version__, responses=ERRORS, docs_url=None, redoc_url=None,
                  description="Who did and said what to whom in the news: articles, events, statements and "
                              "actors, each with the sentence it came from.")
    app.state.store = open_store(settings.db)
    app.state.settings = settings
    app.state.token = token
    app.state.extractions = threading.BoundedSemaphore(settings.extract_concurrency)
    ui = Path(str(resources.files("communique").joinpath("ui")))
    app.add_middleware(Guard, limit=MAX_BODY, policy=content_policy(ui), refuse=_refusal(token),
                       hosts=LOCAL_HOSTS if is_loopback(host) else None)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(CommuniqueError, _ours)
    app.include_router(router)
    app.mount("/ui", StaticFiles(directory=ui, html=True), name="ui")
    return app
