"""Reads of network surveys: a round by its key or a respondent by the private link's token, the
roster with each member's status, the partners a respondent can name, a workspace's rounds."""

from __future__ import annotations

from typing import NamedTuple

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.monitoring.models import ItemScore, PartnerReport, Respondent, Survey
from phakhi.networks.models import Network

# A member's status in a round, in the order a response moves through them.
NOT_YET, CONSENTED, RESPONDED, WITHDRAWN = "not-yet", "consented", "responded", "withdrawn"
STATUSES = (NOT_YET, CONSENTED, RESPONDED, WITHDRAWN)
# The fields of an actor a partner list shows (hundreds of rows on a phone).
PARTNER_FIELDS = ("id", "key", "name", "kind", "sector", "province_code", "sort_key")


def respondent_status(respondent: Respondent) -> str:
    if respondent.withdrawn_at is not None and respondent.consented_at is None:
        return WITHDRAWN
    if respondent.submitted_at is not None:
        return RESPONDED
    if respondent.consented_at is not None:
        return CONSENTED
    return NOT_YET


def respondent_by_token(token: str) -> Respondent:
    """The respondent of a private link, with their survey, its network and workspace, and
    their actor; ``NotFound`` for a token no roster has (the page says "closed" itself)."""
    found = (
        Respondent.objects.select_related("survey__network", "survey__workspace", "actor")
        .filter(token=str(token)[:64])
        .first()
    )
    if found is None:
        raise NotFound(_("This survey link is not known. Ask the network's coordinator."))
    return found


class RosterRow(NamedTuple):
    respondent: Respondent
    status: str


def roster(survey: Survey) -> list[RosterRow]:
    """Every member on the round's roster with their status (``STATUSES``), in Thai dictionary
    order of their names (titles such as นาย or ดร. not counted)."""
    respondents = (
        Respondent.objects.filter(survey=survey)
        .select_related("actor")
        .order_by("actor__sort_key", "actor_id")
    )
    return [RosterRow(r, respondent_status(r)) for r in respondents]


def partners_for(respondent: Respondent) -> list[Actor]:
    """The other members on the respondent's roster, in Thai dictionary order, with only the
    fields a partner list shows (name, kind, sector, province)."""
    # Actor.sort_key is the name without its title (นาย, ดร. …) in Thai dictionary order by
    # code point, collated "C" on PostgreSQL.
    return list(
        Actor.objects.filter(survey_respondents__survey_id=respondent.survey_id)
        .exclude(pk=respondent.actor_id)
        .only(*PARTNER_FIELDS)
        .order_by("sort_key", "id")
    )


def surveys_of(workspace: Workspace, network: Network | None = None) -> QuerySet[Survey]:
    """The workspace's rounds (of ``network`` only, when given), newest first, each with
    ``roster_size`` and ``responded`` counted."""
    surveys = Survey.objects.filter(workspace=workspace).select_related("network")
    if network is not None:
        surveys = surveys.filter(network=network)
    return surveys.annotate(
        roster_size=Count("respondents", distinct=True),
        responded=Count(
            "respondents",
            filter=Q(
                respondents__submitted_at__isnull=False, respondents__withdrawn_at__isnull=True
            ),
            distinct=True,
        ),
    ).order_by("-id")


def survey_in(workspace: Workspace, slug: str) -> Survey:
    """The workspace's round with key ``slug``; ``NotFound`` naming the keys there are."""
    found = Survey.objects.select_related("network").filter(workspace=workspace, slug=slug).first()
    if found is None:
        known = ", ".join(
            Survey.objects.filter(workspace=workspace)
            .order_by("slug")
            .values_list("slug", flat=True)
        )
        raise NotFound(
            _("There is no survey “%(slug)s” (surveys: %(known)s).")
            % {"slug": slug, "known": known or _("none yet")}
        )
    return found


def responses_of(survey: Survey) -> QuerySet[Respondent]:
    """The round's counted responses (submitted, not withdrawn) with their reports and item
    scores, in Thai dictionary order of the respondents — personal data: for those who may edit
    the network only."""
    return (
        Respondent.objects.filter(
            survey=survey, submitted_at__isnull=False, withdrawn_at__isnull=True
        )
        .select_related("actor")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=PartnerReport.objects.select_related("partner").order_by(
                    "partner__sort_key", "partner_id"
                ),
            ),
            Prefetch("item_scores", queryset=ItemScore.objects.order_by("template", "id")),
        )
        .order_by("actor__sort_key", "actor_id")
    )
