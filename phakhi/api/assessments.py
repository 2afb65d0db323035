"""Self-assessments (แบบประเมินตนเอง): the lists they answer, list, read (with answers,
evidence and the comparison with the previous assessment), create, score an item (If-Match)
and finalise. The agency's own assessment is changed by admins and coordinators of every
network; a network's by those who may edit the network."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from phakhi.accounts.permissions import Access
from phakhi.api.access import workspace_access
from phakhi.api.assessments_schemas import (
    AnswerOut,
    AnswerPatch,
    AssessmentCreate,
    AssessmentDetailOut,
    AssessmentFilters,
    AssessmentOut,
    AssessmentPage,
    EvidenceOut,
    ItemComparisonOut,
    ItemOut,
    ListComparisonOut,
    TemplateOut,
)
from phakhi.api.auth import request_author
from phakhi.api.concurrency import IfMatch, expected_version, with_etag
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import forbidden, not_found, unknown
from phakhi.api.lookups import network_in
from phakhi.api.pagination import PageParams, paginate
from phakhi.api.types import Id, Slug
from phakhi.assessments.access import can_assess, can_edit_assessment, shown_respondents
from phakhi.assessments.models import Answer, Evidence, SelfAssessment
from phakhi.assessments.selectors import (
    answer_in,
    answers_with_evidence,
    assessment_in,
    assessments_query,
    comparison,
)
from phakhi.assessments.services import answer_set, assessment_create, assessment_finalise
from phakhi.assessments.templates import TEMPLATES
from phakhi.core.selectors import NotFound

router = Router(tags=["self-assessments"])


def _template_out(code: str) -> TemplateOut:
    template = TEMPLATES[code]
    return TemplateOut(
        code=template.code,
        thai=template.thai,
        english=str(template.english),
        document=template.file_name,
        source=template.source,
        inventory=template.inventory,
        items=[
            ItemOut(
                code=i.code,
                thai=i.thai,
                english=str(i.english),
                lines=list(i.lines),
                heading=heading.code if (heading := template.heading_of(i.code)) else None,
                kind=template.kind_of(i),
            )
            for i in template.scored_items()
        ],
        groups=list(template.groups),
        preconditions=[
            ItemOut(code=i.code, thai=i.thai, english=str(i.english), lines=list(i.lines))
            for i in template.preconditions
        ],
    )


def _assessment(access: Access, assessment_id: int) -> SelfAssessment:
    try:
        found = assessment_in(access.workspace, assessment_id)
    except NotFound as error:
        raise not_found(str(error)) from None
    counted = assessments_query(access.workspace).filter(pk=found.pk).first()
    return counted or found


def _assessment_out(access: Access, found: SelfAssessment) -> AssessmentOut:
    return AssessmentOut(**_fields(access, found))


def _fields(access: Access, found: SelfAssessment) -> dict[str, Any]:
    items = getattr(found, "items", None)
    scored = getattr(found, "scored", None)
    if items is None or scored is None:
        items = found.answers.count()
        scored = found.answers.filter(score__isnull=False).count()
    return {
        "id": found.pk,
        "title": found.title,
        "held_on": found.held_on,
        "network": found.network.slug if found.network else None,
        "templates": list(found.templates),
        "answered_by": found.answered_by,
        "respondents": shown_respondents(access, found),
        "status": found.status,
        "scored": scored,
        "items": items,
        "finalised_at": found.finalised_at,
        "created_at": found.created_at,
        "updated_at": found.updated_at,
        "version": found.version,
    }


def _evidence_out(evidence: Evidence) -> EvidenceOut:
    return EvidenceOut(
        id=evidence.pk,
        kind=evidence.kind,
        label=evidence.label,
        activity=evidence.activity_id,
        run=evidence.run.number if evidence.run else None,
        url=evidence.url,
        file_name=evidence.file_name,
        file_size=evidence.file_size,
        created_at=evidence.created_at,
    )


def _answer_out(answer: Answer) -> AnswerOut:
    return AnswerOut(
        id=answer.pk,
        template=answer.template,
        item=answer.item,
        score=answer.score,
        notes=answer.notes,
        evidence=[_evidence_out(e) for e in answer.evidence.all()],
        version=answer.version,
    )


def _detail(access: Access, found: SelfAssessment) -> AssessmentDetailOut:
    answers = answers_with_evidence(found)
    compared = comparison(found, answers)
    lists = [
        ListComparisonOut(
            template=listed.template.code,
            previous_assessment=listed.previous.pk if listed.previous else None,
            average=listed.average,
            previous_average=listed.previous_average,
            change=listed.change,
            items=[
                ItemComparisonOut(
                    item=row.item.code,
                    score=row.score,
                    previous=row.previous,
                    change=row.change,
                    fell=row.fell,
                )
                for row in listed.rows
            ],
        )
        for listed in compared.lists
    ]
    return AssessmentDetailOut(
        **_fields(access, found), answers=[_answer_out(a) for a in answers], comparison=lists
    )


def _require_edit(access: Access, found: SelfAssessment) -> None:
    if not can_edit_assessment(access, found):
        raise forbidden(
            _("You may change only the assessments of the networks you edit.")
            if found.network
            else _("Only admins and coordinators of every network change the agency's own.")
        )


@router.get(
    "/{slug}/assessment-templates",
    response={200: list[TemplateOut], **ERRORS},
    summary="The lists a self-assessment answers",
)
def template_list(request: HttpRequest, slug: Slug) -> list[TemplateOut]:
    """Each checklist of the sources with its items in the source's Thai, an English gloss and
    the lines they stand on."""
    workspace_access(request, slug)
    return [_template_out(code) for code in TEMPLATES]


@router.get(
    "/{slug}/assessments", response={200: AssessmentPage, **ERRORS}, summary="List assessments"
)
def assessment_list(
    request: HttpRequest, slug: Slug, paging: PageParams, filters: Query[AssessmentFilters]
) -> dict[str, Any]:
    """The workspace's self-assessments, the latest first."""
    access = workspace_access(request, slug)
    found = assessments_query(access.workspace)
    if filters.network:
        found = found.filter(network=network_in(access, filters.network, field="network"))
    if filters.status:
        found = found.filter(status=filters.status)
    page = paginate(found, paging)
    return {**page.meta, "items": [_assessment_out(access, a) for a in page.items]}


@router.get(
    "/{slug}/assessments/{assessment_id}",
    response={200: AssessmentDetailOut, **ERRORS},
    summary="An assessment with its answers, evidence and comparison",
)
def assessment_read(
    request: HttpRequest, slug: Slug, assessment_id: Id, response: HttpResponse
) -> AssessmentDetailOut:
    """Each list's items with their scores, notes and evidence, and the comparison with the
    latest final assessment of the same network before it."""
    access = workspace_access(request, slug)
    found = _assessment(access, assessment_id)
    with_etag(response, found)
    return _detail(access, found)


@router.post(
    "/{slug}/assessments",
    response={201: AssessmentDetailOut, **ERRORS},
    summary="Create an assessment",
)
def assessment_post(
    request: HttpRequest, slug: Slug, payload: AssessmentCreate
) -> Status[AssessmentDetailOut]:
    access = workspace_access(request, slug, "edit")
    fields = payload.model_dump()
    network = network_in(access, fields["network"], field="network") if fields["network"] else None
    if not can_assess(access, network):
        raise forbidden(_("You may assess only the networks you edit."))
    copy_from = None
    if fields["copy_from"] is not None:
        try:
            copy_from = assessment_in(access.workspace, fields["copy_from"])
        except NotFound as error:
            raise unknown(str(error), "copy_from") from None
    created = assessment_create(
        request_author(request),
        access.workspace,
        templates=fields["templates"],
        held_on=fields["held_on"],
        title=fields["title"],
        network=network,
        answered_by=fields["answered_by"],
        respondents=fields["respondents"],
        copy_from=copy_from,
    )
    return Status(201, _detail(access, _assessment(access, created.pk)))


@router.patch(
    "/{slug}/assessments/{assessment_id}/answers/{answer_id}",
    response={200: AnswerOut, **ERRORS},
    summary="Score an item or write its notes",
)
def answer_patch(
    request: HttpRequest,
    slug: Slug,
    assessment_id: Id,
    answer_id: Id,
    payload: AnswerPatch,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> AnswerOut:
    """Send the answer's ETag as If-Match: a score someone else changed since is refused with
    409; notes nobody else touched merge."""
    access = workspace_access(request, slug, "edit")
    found = _assessment(access, assessment_id)
    _require_edit(access, found)
    try:
        answer = answer_in(found, answer_id)
    except NotFound as error:
        raise not_found(str(error)) from None
    fields = payload.model_dump(exclude_unset=True)
    answer_set(request_author(request), answer, version=expected_version(if_match), **fields)
    with_etag(response, answer)
    return _answer_out(answer)


@router.post(
    "/{slug}/assessments/{assessment_id}/finalise",
    response={200: AssessmentDetailOut, **ERRORS},
    summary="Make an assessment final",
)
def assessment_finalise_post(
    request: HttpRequest,
    slug: Slug,
    assessment_id: Id,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> AssessmentDetailOut:
    """Its scores become what later assessments of the same network compare with."""
    access = workspace_access(request, slug, "edit")
    found = _assessment(access, assessment_id)
    _require_edit(access, found)
    assessment_finalise(request_author(request), found, version=expected_version(if_match))
    changed = _assessment(access, found.pk)
    with_etag(response, changed)
    return _detail(access, changed)
