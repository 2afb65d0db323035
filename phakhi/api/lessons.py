"""Lessons learned (ใบงาน 2): sessions with their prompts, and participants' answers — list
(with the library's Thai substring search), read, create, change. A session is changed by those
who may edit its project and its network; a participant's name is masked for viewers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from phakhi.accounts.permissions import Access
from phakhi.api.access import workspace_access
from phakhi.api.auth import request_author
from phakhi.api.concurrency import IfMatch, expected_version, with_etag
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import forbidden, not_found, unknown
from phakhi.api.lookups import ActorRef, actor_in, actor_ref, network_in
from phakhi.api.pagination import PageMeta, PageParams, paginate
from phakhi.api.types import Id, Input, IsoDate, LongText, Slug, Text100, Text200, Text300
from phakhi.core.selectors import NotFound
from phakhi.core.thai import word_key
from phakhi.lessons.access import can_edit_session, can_link, shown_participant
from phakhi.lessons.models import LessonAnswer, LessonSession
from phakhi.lessons.search import lessons_matching
from phakhi.lessons.selectors import (
    answer_in,
    answers_of,
    prompts_of,
    session_in,
    tag_named,
    with_answer_counts,
)
from phakhi.lessons.services import (
    lesson_answer_add,
    lesson_answer_update,
    lesson_session_create,
    lesson_session_update,
)
from phakhi.projects.selectors import project_in

router = Router(tags=["lessons"])

Tags = Annotated[list[Text100], Field(max_length=50, description="the tags' names")]
VERSION = "raised by every change; also the ETag (send it as If-Match)"


class PromptOut(Schema):
    id: int
    position: int
    text: str


class SessionOut(Schema):
    id: int
    title: str
    held_on: dt.date | None
    case: str = Field(description="the case the lessons are drawn from")
    project: str | None = Field(description="the project's slug")
    network: str | None = Field(description="the network's slug")
    tags: list[str]
    prompts: list[PromptOut]
    answer_count: int
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = Field(description=VERSION)


class SessionPage(PageMeta):
    items: list[SessionOut]


class SessionCreate(Input):
    title: Annotated[Text300, Field(min_length=1)]
    project: Slug | None = Field(None, description="the project's slug")
    network: Slug | None = Field(
        None, description="the network's slug (a project, a network or both)"
    )
    held_on: IsoDate | None = None
    case: LongText = ""
    tags: Tags = []
    prompts: Annotated[list[LongText], Field(min_length=1, max_length=50)] | None = Field(
        None, description="in order; absent: the worksheet's three, the first naming the case"
    )


class SessionPatch(Input):
    """Absent fields are kept; null clears a field (the title, which cannot be empty, takes no
    null)."""

    title: Annotated[Text300, Field(min_length=1)] = None  # type: ignore[assignment]
    project: Slug | None = None
    network: Slug | None = None
    held_on: IsoDate | None = None
    case: LongText | None = None
    tags: Tags | None = None


class SessionFilters(Schema):
    q: Text200 = Field("", description="a Thai substring of a title, case, prompt, answer or tag")
    project: Slug | None = Field(None, description="a project's slug")
    network: Slug | None = Field(None, description="a network's slug")
    tag: Text100 | None = Field(None, description="a tag's name")


class AnswerOut(Schema):
    id: int
    session: int
    prompt: int
    text: str
    participant: str = Field(description="masked for viewers unless it is an actor's name")
    actor: ActorRef | None
    tags: list[str]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = Field(description=VERSION)


class AnswerPage(PageMeta):
    items: list[AnswerOut]


class AnswerCreate(Input):
    prompt: Id = Field(description="the id of one of the session's prompts")
    text: Annotated[LongText, Field(min_length=1)]
    participant: Text200 = ""
    actor: Id | None = Field(None, description="the participant as an actor of the directory")
    tags: Tags = []


class AnswerPatch(Input):
    prompt: Id = None  # type: ignore[assignment]
    text: Annotated[LongText, Field(min_length=1)] = None  # type: ignore[assignment]
    participant: Text200 | None = None
    actor: Id | None = None
    tags: Tags | None = None


def session_out(session: LessonSession) -> SessionOut:
    return SessionOut(
        id=session.pk,
        title=session.title,
        held_on=session.held_on,
        case=session.case,
        project=session.project.slug if session.project else None,
        network=session.network.slug if session.network else None,
        tags=[tag.name for tag in session.tags.all()],
        prompts=[PromptOut(id=p.pk, position=p.position, text=p.text) for p in prompts_of(session)],
        answer_count=_answer_count(session),
        created_at=session.created_at,
        updated_at=session.updated_at,
        version=session.version,
    )


def _answer_count(session: LessonSession) -> int:
    counted = getattr(session, "answer_count", None)
    return session.answers.count() if counted is None else int(counted)


def answer_out(access: Access, answer: LessonAnswer) -> AnswerOut:
    return AnswerOut(
        id=answer.pk,
        session=answer.session_id,
        prompt=answer.prompt_id,
        text=answer.text,
        participant=shown_participant(access, answer),
        actor=actor_ref(answer.actor) if answer.actor else None,
        tags=[tag.name for tag in answer.tags.all()],
        created_at=answer.created_at,
        updated_at=answer.updated_at,
        version=answer.version,
    )


def _session(access: Access, session_id: int) -> LessonSession:
    try:
        return session_in(access.workspace, session_id)
    except NotFound as error:
        raise not_found(str(error)) from None


def _answer(session: LessonSession, answer_id: int) -> LessonAnswer:
    try:
        return answer_in(session, answer_id)
    except NotFound as error:
        raise not_found(str(error)) from None


def _require_edit(access: Access, session: LessonSession) -> None:
    if not can_edit_session(access, session):
        raise forbidden(_("You may change only the sessions of projects and networks you edit."))


def _links(access: Access, fields: dict[str, Any]) -> dict[str, Any]:
    """The project's and the network's slugs in ``fields`` as their rows."""
    found = dict(fields)
    if found.get("project") is not None:
        try:
            found["project"] = project_in(access.workspace, found["project"])
        except NotFound as error:
            raise unknown(str(error), "project") from None
    if found.get("network") is not None:
        found["network"] = network_in(access, found["network"], field="network")
    return found


@router.get("/{slug}/lessons", response={200: SessionPage, **ERRORS}, summary="List sessions")
def session_list(
    request: HttpRequest, slug: Slug, paging: PageParams, filters: Query[SessionFilters]
) -> dict[str, Any]:
    """The library: sessions in Thai dictionary order of their titles, found by a substring of
    their title, case, prompts, tags or answers (spaces and Thai digits do not matter)."""
    access = workspace_access(request, slug)
    project = network = tag = None
    if filters.project:
        project = _links(access, {"project": filters.project})["project"].pk
    if filters.network:
        network = network_in(access, filters.network, field="network").pk
    if filters.tag:
        tag = tag_named(access.workspace, word_key(filters.tag))
        if tag is None:
            return {**paginate(LessonSession.objects.none(), paging).meta, "items": []}
    sessions = lessons_matching(
        access.workspace, filters.q, project=project, network=network, tag=tag
    )
    page = paginate(sessions, paging)
    items = with_answer_counts(list(page.items))
    return {**page.meta, "items": [session_out(session) for session in items]}


@router.get(
    "/{slug}/lessons/{session_id}", response={200: SessionOut, **ERRORS}, summary="A session"
)
def session_read(
    request: HttpRequest, slug: Slug, session_id: Id, response: HttpResponse
) -> SessionOut:
    found = _session(workspace_access(request, slug), session_id)
    with_etag(response, found)
    return session_out(found)


@router.post("/{slug}/lessons", response={201: SessionOut, **ERRORS}, summary="Create a session")
def session_post(request: HttpRequest, slug: Slug, payload: SessionCreate) -> Status[SessionOut]:
    access = workspace_access(request, slug, "edit")
    fields = _links(access, payload.model_dump())
    if not can_link(access, fields["project"], fields["network"]):
        raise forbidden(_("You may start sessions only for projects and networks you edit."))
    created = lesson_session_create(request_author(request), access.workspace, **fields)
    return Status(201, session_out(_session(access, created.pk)))


@router.patch(
    "/{slug}/lessons/{session_id}",
    response={200: SessionOut, **ERRORS},
    summary="Change a session's title, date, case, project, network or tags",
)
def session_patch(
    request: HttpRequest,
    slug: Slug,
    session_id: Id,
    payload: SessionPatch,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> SessionOut:
    access = workspace_access(request, slug, "edit")
    found = _session(access, session_id)
    _require_edit(access, found)
    fields = _links(access, payload.model_dump(exclude_unset=True))
    for name in ("case", "tags"):
        if name in fields and fields[name] is None:
            fields[name] = "" if name == "case" else []
    project = fields.get("project", found.project)
    network = fields.get("network", found.network)
    if not can_link(access, project, network):
        raise forbidden(_("You may link sessions only to projects and networks you edit."))
    version = expected_version(if_match)
    lesson_session_update(request_author(request), found, version=version, **fields)
    changed = _session(access, found.pk)
    with_etag(response, changed)
    return session_out(changed)


@router.get(
    "/{slug}/lessons/{session_id}/answers",
    response={200: AnswerPage, **ERRORS},
    summary="A session's answers, by prompt",
)
def answer_list(
    request: HttpRequest, slug: Slug, session_id: Id, paging: PageParams
) -> dict[str, Any]:
    access = workspace_access(request, slug)
    page = paginate(answers_of(_session(access, session_id)), paging)
    return {**page.meta, "items": [answer_out(access, answer) for answer in page.items]}


@router.get(
    "/{slug}/lessons/{session_id}/answers/{answer_id}",
    response={200: AnswerOut, **ERRORS},
    summary="An answer",
)
def answer_read(
    request: HttpRequest, slug: Slug, session_id: Id, answer_id: Id, response: HttpResponse
) -> AnswerOut:
    access = workspace_access(request, slug)
    found = _answer(_session(access, session_id), answer_id)
    with_etag(response, found)
    return answer_out(access, found)


def _answer_fields(
    access: Access, session: LessonSession, fields: dict[str, Any]
) -> dict[str, Any]:
    found = dict(fields)
    if found.get("prompt") is not None:
        prompt = session.prompts.filter(pk=found["prompt"]).first()
        if prompt is None:
            raise unknown(
                _("This session has no prompt %(id)s.") % {"id": found["prompt"]}, "prompt"
            )
        found["prompt"] = prompt
    if found.get("actor") is not None:
        found["actor"] = actor_in(access, found["actor"], field="actor")
    return found


@router.post(
    "/{slug}/lessons/{session_id}/answers",
    response={201: AnswerOut, **ERRORS},
    summary="Add a participant's answer to one of the session's prompts",
)
def answer_post(
    request: HttpRequest, slug: Slug, session_id: Id, payload: AnswerCreate
) -> Status[AnswerOut]:
    access = workspace_access(request, slug, "edit")
    session = _session(access, session_id)
    _require_edit(access, session)
    fields = _answer_fields(access, session, payload.model_dump())
    created = lesson_answer_add(request_author(request), session, **fields)
    return Status(201, answer_out(access, _answer(session, created.pk)))


@router.patch(
    "/{slug}/lessons/{session_id}/answers/{answer_id}",
    response={200: AnswerOut, **ERRORS},
    summary="Change an answer's text, prompt, participant or tags",
)
def answer_patch(
    request: HttpRequest,
    slug: Slug,
    session_id: Id,
    answer_id: Id,
    payload: AnswerPatch,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> AnswerOut:
    access = workspace_access(request, slug, "edit")
    session = _session(access, session_id)
    _require_edit(access, session)
    found = _answer(session, answer_id)
    fields = _answer_fields(access, session, payload.model_dump(exclude_unset=True))
    for name in ("participant", "tags"):
        if name in fields and fields[name] is None:
            fields[name] = "" if name == "participant" else []
    version = expected_version(if_match)
    lesson_answer_update(request_author(request), found, version=version, **fields)
    changed = _answer(session, found.pk)
    with_etag(response, changed)
    return answer_out(access, changed)
