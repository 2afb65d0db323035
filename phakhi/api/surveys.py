"""API v1: network surveys — rounds (list, read, create, change with If-Match, open, close,
delete, bring the roster up to date), the roster with each member's status and private link,
the responses, and the results in the manner of PARTNER — with the same permissions as the
pages: anyone with a role reads the rounds and the aggregate results; those who may edit the
round's network manage it and see the roster, the responses and every member's scores (survey
answers are personal data)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from phakhi.accounts.permissions import Access
from phakhi.api.access import workspace_access
from phakhi.api.auth import request_author
from phakhi.api.concurrency import IfMatch, expected_version, with_etag
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import forbidden, not_found
from phakhi.api.lookups import actor_ref, network_in
from phakhi.api.pagination import PageParams, paginate
from phakhi.api.surveys_schemas import (
    ItemScoreOut,
    ReportOut,
    ResponseOut,
    ResultsOut,
    RosterRowOut,
    SurveyCreate,
    SurveyFilters,
    SurveyOut,
    SurveyPage,
    SurveyPatch,
)
from phakhi.api.types import Id, Slug
from phakhi.core.selectors import NotFound
from phakhi.monitoring.models import Survey
from phakhi.monitoring.models.surveys import RATINGS
from phakhi.monitoring.survey_responses import response_withdraw
from phakhi.monitoring.survey_results import score_shown, survey_results
from phakhi.monitoring.survey_selectors import responses_of, roster, survey_in, surveys_of
from phakhi.monitoring.survey_services import (
    roster_sync,
    survey_close,
    survey_create,
    survey_delete,
    survey_open,
    survey_update,
)

router = Router(tags=["network-surveys"])
ONE = "/{slug}/surveys/{survey}"
METHOD = "in the manner of PARTNER (PARTNER CPRM's trust and value dimensions), not PARTNER's own"


def _survey(access: Access, key: str) -> Survey:
    """The round with its counts (``surveys_of``), or a 404 naming the workspace's rounds."""
    try:
        survey_in(access.workspace, key)
    except NotFound as error:
        raise not_found(str(error)) from None
    return surveys_of(access.workspace).get(slug=key)


def _manages(access: Access, survey: Survey) -> bool:
    return access.can_edit_network(survey.network_id)


def _require_manage(access: Access, survey: Survey) -> None:
    if not _manages(access, survey):
        raise forbidden(_("You may manage only the surveys of the networks you edit."))


def _out(survey: Survey) -> SurveyOut:
    return SurveyOut(
        slug=survey.slug,
        name=survey.name,
        network=survey.network.slug,
        status=survey.status,
        purpose=survey.purpose,
        audience=survey.audience,
        contact=survey.contact,
        closes_on=survey.closes_on,
        opened_at=survey.opened_at,
        closed_at=survey.closed_at,
        assessment_items=list(survey.assessment_items),
        notice_version=survey.notice_version,
        self_assessment=survey.self_assessment_id,
        roster=getattr(survey, "roster_size", 0),
        respondents=getattr(survey, "responded", 0),
        created_at=survey.created_at,
        version=survey.version,
    )


def _answer(access: Access, survey: Survey, response: HttpResponse) -> SurveyOut:
    counted = _survey(access, survey.slug)
    with_etag(response, counted)
    return _out(counted)


@router.get("/{slug}/surveys", response={200: SurveyPage, **ERRORS}, summary="List surveys")
def survey_list(
    request: HttpRequest, slug: Slug, paging: PageParams, filters: Query[SurveyFilters]
) -> dict[str, Any]:
    """The workspace's rounds, newest first, with their roster and response counts."""
    access = workspace_access(request, slug)
    found = surveys_of(access.workspace)
    if filters.network:
        found = found.filter(network=network_in(access, filters.network, field="network"))
    if filters.status:
        found = found.filter(status=filters.status)
    page = paginate(found, paging)
    return {**page.meta, "items": [_out(s) for s in page.items]}


@router.get(ONE, response={200: SurveyOut, **ERRORS}, summary="A survey round")
def survey_read(
    request: HttpRequest, slug: Slug, survey: Slug, response: HttpResponse
) -> SurveyOut:
    access = workspace_access(request, slug)
    found = _survey(access, survey)
    with_etag(response, found)
    return _out(found)


@router.post(
    "/{slug}/surveys", response={201: SurveyOut, **ERRORS}, summary="Create a survey round"
)
def survey_post(
    request: HttpRequest, slug: Slug, payload: SurveyCreate, response: HttpResponse
) -> Status[SurveyOut]:
    """A draft round on a network; its roster is the network's current members, each with a
    private link that works once the round is opened."""
    access = workspace_access(request, slug, "edit")
    fields = payload.model_dump()
    network = network_in(access, fields.pop("network"), field="network")
    if not access.can_edit_network(network.pk):
        raise forbidden(_("You may manage only the surveys of the networks you edit."))
    created = survey_create(request_author(request), access.workspace, network=network, **fields)
    return Status(201, _answer(access, created, response))


@router.patch(ONE, response={200: SurveyOut, **ERRORS}, summary="Change a survey round")
def survey_patch(
    request: HttpRequest,
    slug: Slug,
    survey: Slug,
    payload: SurveyPatch,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> SurveyOut:
    """Send the ETag as If-Match: a field someone else changed since is refused with 409. A
    change of why, who sees or whom to ask while the round is open is a new consent notice."""
    access = workspace_access(request, slug, "edit")
    found = _survey(access, survey)
    _require_manage(access, found)
    fields = payload.model_dump(exclude_unset=True)
    changed = survey_update(
        request_author(request), found, expected_version=expected_version(if_match), **fields
    )
    return _answer(access, changed, response)


@router.post(f"{ONE}/open", response={200: SurveyOut, **ERRORS}, summary="Open a round")
def survey_open_post(
    request: HttpRequest, slug: Slug, survey: Slug, response: HttpResponse
) -> SurveyOut:
    """The private links work from now; members who joined since are added to the roster."""
    access = workspace_access(request, slug, "edit")
    found = _survey(access, survey)
    _require_manage(access, found)
    return _answer(access, survey_open(request_author(request), found), response)


@router.post(f"{ONE}/close", response={200: SurveyOut, **ERRORS}, summary="Close a round")
def survey_close_post(
    request: HttpRequest, slug: Slug, survey: Slug, response: HttpResponse
) -> SurveyOut:
    """The links stop working; the answers stay. A round that asked self-assessment items makes
    its self-assessment (``self_assessment``)."""
    access = workspace_access(request, slug, "edit")
    found = _survey(access, survey)
    _require_manage(access, found)
    return _answer(access, survey_close(request_author(request), found), response)


@router.post(
    f"{ONE}/roster",
    response={200: list[RosterRowOut], **ERRORS},
    summary="Add the members who joined since to the roster",
)
def roster_post(request: HttpRequest, slug: Slug, survey: Slug) -> list[RosterRowOut]:
    access = workspace_access(request, slug, "edit")
    found = _survey(access, survey)
    _require_manage(access, found)
    roster_sync(request_author(request), found)
    return _roster(found)


@router.delete(ONE, response={204: None, **ERRORS}, summary="Delete a round with all its answers")
def survey_remove(request: HttpRequest, slug: Slug, survey: Slug) -> Status[None]:
    """The ties its answers made go too (or fall back to an earlier round's answers)."""
    access = workspace_access(request, slug, "edit")
    found = _survey(access, survey)
    _require_manage(access, found)
    survey_delete(request_author(request), found)
    return Status(204, None)


def _roster(survey: Survey) -> list[RosterRowOut]:
    return [
        RosterRowOut(
            actor=actor_ref(respondent.actor),
            status=status,
            link_token=respondent.token,
            invited_at=respondent.invited_at,
            consented_at=respondent.consented_at,
            submitted_at=respondent.submitted_at,
            source=respondent.source,
        )
        for respondent, status in roster(survey)
    ]


@router.get(
    f"{ONE}/roster",
    response={200: list[RosterRowOut], **ERRORS},
    summary="The roster: each member's status and private link",
)
def roster_list(request: HttpRequest, slug: Slug, survey: Slug) -> list[RosterRowOut]:
    """For those who manage the round: the links are private (whoever has one answers as that
    member)."""
    access = workspace_access(request, slug)
    found = _survey(access, survey)
    _require_manage(access, found)
    return _roster(found)


@router.get(
    f"{ONE}/responses",
    response={200: list[ResponseOut], **ERRORS},
    summary="The responses that count, each with its answers",
)
def response_list(request: HttpRequest, slug: Slug, survey: Slug) -> list[ResponseOut]:
    """Survey answers are personal data: for those who may edit the round's network only."""
    access = workspace_access(request, slug)
    found = _survey(access, survey)
    _require_manage(access, found)
    return [
        ResponseOut(
            respondent=actor_ref(respondent.actor),
            submitted_at=respondent.submitted_at,
            source=respondent.source,
            comment=respondent.comment,
            reports=[
                ReportOut(
                    partner=actor_ref(report.partner),
                    level=report.level,
                    frequency=report.frequency,
                    flows=list(report.flows),
                    **{name: getattr(report, name) for name in RATINGS},
                )
                for report in respondent.reports.all()
            ],
            item_scores=[
                ItemScoreOut(template=s.template, item=s.item, score=s.score, notes=s.notes)
                for s in respondent.item_scores.all()
            ],
        )
        for respondent in responses_of(found)
    ]


@router.post(
    f"{ONE}/responses/{{actor_id}}/withdraw",
    response={204: None, **ERRORS},
    summary="Withdraw a member's response at their request",
)
def response_withdraw_post(
    request: HttpRequest, slug: Slug, survey: Slug, actor_id: Id
) -> Status[None]:
    """For a member who can no longer use their link (the round closed) and asks that their
    answers go (``actor_id``: the member's actor): as their own withdrawal, recorded as yours."""
    access = workspace_access(request, slug, "edit")
    found = _survey(access, survey)
    _require_manage(access, found)
    respondent = found.respondents.filter(actor_id=actor_id).first()
    if respondent is None:
        raise not_found(_("Actor %(id)s is not on this survey's roster.") % {"id": actor_id})
    response_withdraw(respondent, author=request_author(request))
    return Status(204, None)


@router.get(
    f"{ONE}/results",
    response={200: ResultsOut, **ERRORS},
    summary="Results: response rate, trust and value, survey ties",
)
def results_read(request: HttpRequest, slug: Slug, survey: Slug) -> dict[str, Any]:
    """In the manner of PARTNER: the network's trust and value (% of the maximum), each
    member's mean trust and value received (hidden from those who do not manage the round when
    fewer than three respondents rated the member), the ties reported in the round."""
    access = workspace_access(request, slug)
    found = _survey(access, survey)
    manages = _manages(access, found)
    results = survey_results(found)
    actors = []
    for score in results.actors:
        shown = score_shown(score, manages=manages)
        actor = score.actor
        actors.append(
            {
                "actor": {"id": actor.pk, "key": actor.key, "name": actor.name},
                "trust": score.trust if shown else None,
                "value": score.value if shown else None,
                "reported_by": score.reported_by,
                "hidden": not shown,
            }
        )
    return {
        "survey": found.slug,
        "method": METHOD,
        "network": {
            **results.survey,
            "reciprocity": results.reciprocity,
            "confirmed_share": results.confirmed_share,
        },
        "actors": actors,
        "ties": [
            {
                "source": t.source.pk,
                "target": t.target.pk,
                "level": t.level,
                "confirmed": t.confirmed,
            }
            for t in results.ties
        ],
    }
