"""Reads of self-assessments: a workspace's or a network's assessments, one with its answers and
evidence, the comparison of each item with the previous assessment, and each list's average
over time.

**The previous assessment** of a list is the latest *final* assessment of the same network (or,
for an agency-wide one, also agency-wide) that covers the list and is dated before this one (on
the same date: made before it). Drafts are not compared with: a draft's scores are not a result
yet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from phakhi.analysis.models import AnalysisRun
from phakhi.assessments.checklists import Item, Template
from phakhi.assessments.models import Answer, Evidence, SelfAssessment
from phakhi.assessments.templates import templates_in_order
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.networks.models import Network
from phakhi.participation.models import Activity


def assessments_query(workspace: Workspace) -> QuerySet[SelfAssessment]:
    """A workspace's assessments, newest first, with their network and how many items are
    scored (``scored``) and how many there are (``items``)."""
    return (
        SelfAssessment.objects.filter(workspace=workspace)
        .select_related("network")
        .annotate(
            items=Count("answers", distinct=True),
            scored=Count("answers", filter=Q(answers__score__isnull=False), distinct=True),
        )
        .order_by("-held_on", "-id")
    )


def assessments_of(
    workspace: Workspace, *, network: Network | None = None, agency_only: bool = False
) -> list[SelfAssessment]:
    """All the workspace's assessments; a network's; or (``agency_only``) the agency-wide."""
    found = assessments_query(workspace)
    if network is not None:
        found = found.filter(network=network)
    elif agency_only:
        found = found.filter(network__isnull=True)
    return list(found)


def assessment_in(workspace: Workspace, assessment_id: int) -> SelfAssessment:
    try:
        return SelfAssessment.objects.select_related("network", "workspace").get(
            workspace=workspace, pk=assessment_id
        )
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise NotFound(
            _("There is no self-assessment %(id)s in this workspace.") % {"id": assessment_id}
        ) from None


def answer_in(assessment: SelfAssessment, answer_id: int) -> Answer:
    try:
        return Answer.objects.select_related("assessment").get(assessment=assessment, pk=answer_id)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise NotFound(_("The self-assessment has no answer %(id)s.") % {"id": answer_id}) from None


def answer_for_item(assessment: SelfAssessment, template: str, item: str) -> Answer:
    try:
        return Answer.objects.select_related("assessment").get(
            assessment=assessment, template=template, item=item
        )
    except ObjectDoesNotExist:
        raise NotFound(
            _("The self-assessment has no item %(item)s in list %(list)s.")
            % {"item": item, "list": template}
        ) from None


def evidence_in(answer: Answer, evidence_id: int) -> Evidence:
    try:
        return Evidence.objects.select_related("answer").get(answer=answer, pk=evidence_id)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise NotFound(_("The item has no evidence %(id)s.") % {"id": evidence_id}) from None


def answers_with_evidence(assessment: SelfAssessment) -> list[Answer]:
    """The answers in the templates' order, each with its evidence (activity and run read
    along)."""
    evidence = Evidence.objects.select_related("activity", "run").order_by("id")
    return list(
        assessment.answers.order_by("position").prefetch_related(
            Prefetch("evidence", queryset=evidence)
        )
    )


def previous_assessment(assessment: SelfAssessment, template: str) -> SelfAssessment | None:
    """The assessment this one's ``template`` list is compared with (see the module)."""
    earlier = Q(held_on__lt=assessment.held_on) | Q(
        held_on=assessment.held_on, id__lt=assessment.pk
    )
    candidates = (
        SelfAssessment.objects.filter(
            workspace_id=assessment.workspace_id,
            network=assessment.network,
            status=SelfAssessment.Status.FINAL,
        )
        .filter(earlier)
        .exclude(pk=assessment.pk)
        .order_by("-held_on", "-id")
    )
    for candidate in candidates.only("id", "templates", "held_on", "title", "status"):
        if template in candidate.templates:
            return candidate
    return None


@dataclass
class ItemRow:
    item: Item
    answer: Answer
    previous: int | None  # the previous assessment's score of the item

    @property
    def score(self) -> int | None:
        return self.answer.score

    @property
    def change(self) -> int | None:
        if self.score is None or self.previous is None:
            return None
        return self.score - self.previous

    @property
    def fell(self) -> bool:
        return (self.change or 0) < 0

    @property
    def rose(self) -> bool:
        return (self.change or 0) > 0


def _average(scores: Iterable[int | None]) -> float | None:
    found = [score for score in scores if score is not None]
    return round(sum(found) / len(found), 2) if found else None


@dataclass
class ListComparison:
    template: Template
    rows: list[ItemRow]
    previous: SelfAssessment | None

    @property
    def average(self) -> float | None:
        return _average(row.score for row in self.rows)

    @property
    def previous_average(self) -> float | None:
        if self.previous is None:
            return None
        return _average(row.previous for row in self.rows)

    @property
    def change(self) -> float | None:
        if self.average is None or self.previous_average is None:
            return None
        return round(self.average - self.previous_average, 2)

    @property
    def scored(self) -> int:
        return sum(1 for row in self.rows if row.score is not None)

    @property
    def fallen(self) -> list[ItemRow]:
        return [row for row in self.rows if row.fell]


@dataclass
class Comparison:
    assessment: SelfAssessment
    lists: list[ListComparison] = field(default_factory=list)

    @property
    def fallen(self) -> list[tuple[Template, ItemRow]]:
        return [(found.template, row) for found in self.lists for row in found.fallen]

    @property
    def has_previous(self) -> bool:
        return any(found.previous is not None for found in self.lists)


def comparison(assessment: SelfAssessment, answers: list[Answer] | None = None) -> Comparison:
    """Each list of ``assessment``: every item's score now and in the previous assessment of
    the list, the change, the items that fell, the averages. ``answers`` (from
    ``answers_with_evidence``) saves reading them again."""
    answers = answers if answers is not None else answers_with_evidence(assessment)
    by_item = {(answer.template, answer.item): answer for answer in answers}
    result = Comparison(assessment)
    for template in templates_in_order(assessment.templates):
        previous = previous_assessment(assessment, template.code)
        before: dict[str, int | None] = {}
        if previous is not None:
            before = dict(
                Answer.objects.filter(assessment=previous, template=template.code).values_list(
                    "item", "score"
                )
            )
        rows = [
            ItemRow(item, by_item[(template.code, item.code)], before.get(item.code))
            for item in template.scored_items()
            if (template.code, item.code) in by_item
        ]
        result.lists.append(ListComparison(template, rows, previous))
    return result


@dataclass(frozen=True)
class HistoryPoint:
    assessment_id: int
    title: str
    held_on: dt.date
    average: float | None
    scores: dict[str, int | None]  # item code → score


def history(
    workspace: Workspace, template: str, *, network: Network | None = None
) -> list[HistoryPoint]:
    """The final assessments of the list ``template`` for ``network`` (None: agency-wide),
    oldest first, with the list's average and each item's score."""
    found = SelfAssessment.objects.filter(
        workspace=workspace, network=network, status=SelfAssessment.Status.FINAL
    ).order_by("held_on", "id")
    chosen = [
        a for a in found.only("id", "title", "held_on", "templates") if template in a.templates
    ]
    scores: dict[int, dict[str, int | None]] = {a.pk: {} for a in chosen}
    rows = Answer.objects.filter(assessment_id__in=list(scores), template=template).values_list(
        "assessment_id", "item", "score"
    )
    for assessment_id, item, score in rows:
        scores[assessment_id][item] = score
    return [
        HistoryPoint(a.pk, a.title, a.held_on, _average(scores[a.pk].values()), scores[a.pk])
        for a in chosen
    ]


def activities_matching(workspace: Workspace, query: str, *, limit: int = 20) -> list[Activity]:
    """The evidence picker's activities: those whose title holds ``query`` (all when empty),
    the latest first."""
    found = Activity.objects.filter(workspace=workspace)
    query = query.strip()
    if query:
        found = found.filter(Q(title__icontains=query) | Q(key__iexact=query))
    return list(found.order_by("-starts_on", "-id")[:limit])


def runs_for_evidence(workspace: Workspace, *, limit: int = 30) -> list[AnalysisRun]:
    """The analysis runs that finished, the latest first: a score of the network's structure
    points at the run that measured it."""
    return list(
        AnalysisRun.objects.filter(workspace=workspace, status=AnalysisRun.Status.DONE)
        .select_related("network")
        .order_by("-number")[:limit]
    )
