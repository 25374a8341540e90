"""The REST API and the web UI, in one FastAPI app (`communique serve`).

Reading routes are open; writing routes (`POST /api/articles`) need `Authorization: Bearer $COMMUNIQUE_TOKEN`,
and without a token configured the server is read-only. Every error has one shape:
`{"error": {"status": 404, "message": "..."}}`. Filters go through the store's named query functions; no SQL
is built from request strings. The UI is static HTML and JavaScript served from the package (no CDN).
"""
from __future__ import annotations

import hmac
from dataclasses import replace
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .batch import ingest
from .calendar import parse_published
from .codebook import MODALITIES, SOURCE_TYPES, enumerations, plover_types
from .errors import CommuniqueError, InputError
from .extraction import extract
from .records import Article, content_id
from .settings import Settings
from .store import Store, open_store
from .store.queries import (
    EventFilter,
    StatementFilter,
    actor_profile,
    article_record,
    find_actors,
    find_events,
    find_statements,
    graph,
    list_articles,
    search,
)

__all__ = ["MAX_BODY", "create_app"]

MAX_BODY = 2_000_000  # bytes of request body
Modality = Enum("Modality", {m: m for m in MODALITIES}, type=str)  # type: ignore[misc]
SourceType = Enum("SourceType", {t: t for t in SOURCE_TYPES}, type=str)  # type: ignore[misc]
PloverType = Enum("PloverType", {t: t for t in plover_types()}, type=str)  # type: ignore[misc]
DateText = Annotated[str | None, Query(pattern=r"^\d{4}(-\d\d(-\d\d)?)?$", description="YYYY[-MM[-DD]]")]
Name = Annotated[str | None, Query(max_length=200, description="part of a name, any case")]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


class ArticleIn(BaseModel):
    """An article to extract or store."""

    text: str = Field(min_length=1, max_length=MAX_BODY)
    id: str | None = Field(default=None, max_length=500)
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d\d-\d\d$")
    source: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=4000)


class ErrorBody(BaseModel):
    status: int
    message: str


class ErrorOut(BaseModel):
    """The one error shape of the API."""

    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorOut} for code in (400, 401, 403, 404, 413, 422)}


def the_store(request: Request) -> Store:
    """The app's store (a dependency of every reading route)."""
    found: Store = request.app.state.store
    return found


StoreDep = Annotated[Store, Depends(the_store)]


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


def _value(member: Enum | None) -> str | None:
    return None if member is None else str(member.value)


def _article(body: ArticleIn) -> Article:
    return Article(id=body.id or content_id(body.text), text=body.text, title=body.title,
                   published=parse_published(body.published, "published"), source=body.source, url=body.url,
                   origin="request body")


def writer(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writing routes need the server's token; without one configured the server is read-only."""
    token: str | None = request.app.state.token
    if not token:
        raise HTTPException(403, "this server is read-only: start it with COMMUNIQUE_TOKEN set to allow writing")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "send the server's token as 'Authorization: Bearer TOKEN'")


router = APIRouter()


@router.get("/api/articles", summary="Stored articles, newest first")
def articles(s: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return {"items": list_articles(s, limit, offset), "limit": limit, "offset": offset}


@router.get("/api/articles/{document_id}", summary="One article's record, its actors' ids, where it ran")
def article(document_id: Annotated[str, PathParam(max_length=500)], s: StoreDep) -> dict[str, Any]:
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
def events(s: StoreDep, f: EventParams, actor_id: Annotated[int | None, Query(ge=0, le=2**62)] = None,
           limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    page = replace(f, actor_id=actor_id, limit=limit, offset=offset)
    return {"items": find_events(s, page), "limit": limit, "offset": offset}


@router.get("/api/statements", summary="Statements: who said what")
def statements(s: StoreDep, speaker: Name = None, source_type: SourceType | None = None,
               about: Name = None, since: DateText = None, until: DateText = None,
               speaker_id: Annotated[int | None, Query(ge=0, le=2**62)] = None, limit: Limit = 50,
               offset: Offset = 0) -> dict[str, Any]:
    f = StatementFilter(speaker, _value(source_type), about, since, until, None, limit, offset, speaker_id)
    return {"items": find_statements(s, f), "limit": limit, "offset": offset}


@router.get("/api/actors", summary="Actors, most mentioned first")
def actor_list(s: StoreDep, country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
               name: Name = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return {"items": find_actors(s, country=country, name=name, limit=limit, offset=offset), "limit": limit,
            "offset": offset}


@router.get("/api/actors/{actor_id}", summary="One actor's profile")
def actor_page(actor_id: Annotated[int, PathParam(ge=0, le=2**62)], s: StoreDep) -> dict[str, Any]:
    found = actor_profile(s, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id}: list them at /api/actors")
    return found


@router.get("/api/graph", summary="Actors as nodes, events as weighted edges, filtered like /api/events")
def network(s: StoreDep, f: EventParams) -> dict[str, Any]:
    return graph(s, f)


@router.get("/api/search", summary="Full-text search over articles, statements and actor names")
def find(q: Annotated[str, Query(min_length=1, max_length=500)], s: StoreDep, limit: Limit = 50,
         offset: Offset = 0) -> dict[str, Any]:
    return {"items": search(s, q, limit, offset), "limit": limit, "offset": offset}


@router.post("/api/extract", summary="Extract a record from text (nothing is stored)")
def extract_only(body: ArticleIn, request: Request) -> dict[str, Any]:
    return extract(_article(body), settings=request.app.state.settings).to_dict()


@router.post("/api/articles", summary="Extract and store an article (needs the token)", status_code=201,
          dependencies=[Depends(writer)])
def add(body: ArticleIn, s: StoreDep, request: Request) -> dict[str, Any]:
    summary = ingest([_article(body)], s, request.app.state.settings)
    if summary.failures:
        raise HTTPException(400, str(summary.failures[0]))
    return summary.outcomes[0].to_dict()


@router.get("/api/codebook", summary="The enumerations of the record: PLOVER types, modalities, source types")
def codebook() -> dict[str, Any]:
    return enumerations()


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    return RedirectResponse("/ui/index.html")


async def _limit_body(request: Request, call_next: Any) -> Any:
    size = request.headers.get("content-length")
    if size is not None and (not size.isdigit() or int(size) > MAX_BODY):
        return _error(413, f"the request body is over {MAX_BODY:,} bytes: send one article at a time")
    return await call_next(request)


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return _error(exc.status_code, str(exc.detail))


async def _invalid(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
    return _error(422, f"{where or 'request'}: {first.get('msg', 'invalid')}")


async def _ours(_: Request, exc: Exception) -> JSONResponse:
    return _error(400 if isinstance(exc, InputError) else 500, str(exc))


def create_app(db: str | None = None, token: str | None = None, settings: Settings | None = None) -> FastAPI:
    """The app over the store at `db` (default: $COMMUNIQUE_DB or communique.db)."""
    settings = settings or Settings.from_env(db=db)
    app = FastAPI(title="communique", version=__version__, responses=ERRORS,
                  description="Who did and said what to whom in the news: articles, events, statements and "
                              "actors, each with the sentence it came from.")
    app.state.store = open_store(settings.db)
    app.state.settings = settings
    app.state.token = token
    app.middleware("http")(_limit_body)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(CommuniqueError, _ours)
    app.include_router(router)
    ui = Path(str(resources.files("communique").joinpath("ui")))
    app.mount("/ui", StaticFiles(directory=ui, html=True), name="ui")
    return app
