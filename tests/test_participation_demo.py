"""The workshop demo shows the participation features on the organic-farming project: its
activities with their IAP2 levels, who took part (so co-participation ties are on the map), a
forum's public head counts, an activity missing its o25 items, a coming activity with check-in
open and a registration at the door to review, and two OPDC self-assessments to compare."""

from django.db.models import F

from phakhi.assessments.models import SelfAssessment
from phakhi.assessments.selectors import comparison
from phakhi.core.models import Workspace
from phakhi.demo.services import demo_load
from phakhi.participation.coparticipation import coparticipation_rebuild
from phakhi.participation.models import Activity, Attendance, Registration
from phakhi.participation.vocabulary import o25_missing
from phakhi.ties.models import Origin, Tie


def _activity_ties(workspace: Workspace) -> dict[tuple[int, int], dict]:
    rows = Tie.objects.filter(workspace=workspace, origin=Origin.ACTIVITY)
    return {(t.source_id, t.target_id): t.attributes for t in rows}


def test_the_demo_project_has_activities_attendance_ties_and_assessments(db, author):
    demo_load(author, size="workshop", seed=1, slug="demo")
    workspace = Workspace.objects.get(slug="demo")
    activities = Activity.objects.filter(workspace=workspace, project__slug="organic-farming")
    assert activities.count() >= 6
    assert {a.kind for a in activities} >= {"meeting", "forum", "training", "visit", "hearing"}
    assert activities.filter(iap2_achieved__lt=F("iap2_planned"))  # a shortfall to show
    assert any(o25_missing(a) for a in activities)
    forum = activities.get(kind="forum")
    assert forum.public_civil > 0 and forum.satisfaction is not None and not o25_missing(forum)
    assert Attendance.objects.filter(activity__in=activities, checked_in_at__isnull=False)
    assert activities.exclude(check_in_code="").count() == 1
    assert Registration.objects.filter(workspace=workspace, status="pending").count() == 1

    ties = _activity_ties(workspace)
    assert ties and all(t["shared_activities"] >= 1 for t in ties.values())
    coparticipation_rebuild(workspace)  # what the services kept equals a rebuild
    assert _activity_ties(workspace) == ties

    # The coordinators' two award assessments (the survey round makes one of its own).
    by_coordinators = SelfAssessment.objects.filter(
        workspace=workspace, answered_by=SelfAssessment.AnsweredBy.COORDINATORS
    )
    earlier, later = by_coordinators.order_by("held_on")
    assert earlier.is_final and later.is_final
    compared = comparison(later)
    assert compared.has_previous and compared.lists[0].change is not None
