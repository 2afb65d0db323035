"""The participation demo for the organic-farming project: its activities of this fiscal year and
the last (a meeting, a community forum with the public counted by sector, a training, a field
visit, a public hearing, a coming lessons-learned session with check-in open, a seminar), who
took part in each — so co-participation ties appear on the map — a registration at the door
waiting for review, and two OPDC self-assessments a year apart to compare.

Dates follow today, so the calendar and the dashboard's current fiscal year always have
something to show. Everything goes through the services, as a coordinator's work would."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone

from phakhi.actors.models import Actor, Kind
from phakhi.assessments.evidence import evidence_add_activity
from phakhi.assessments.models import SelfAssessment
from phakhi.assessments.services import answer_set, assessment_create, assessment_finalise
from phakhi.assessments.templates import AWARD_TEMPLATES
from phakhi.core import audit
from phakhi.core.dates import fiscal_year, fiscal_year_dates
from phakhi.networks.models import Membership
from phakhi.participation.attendance import (
    activity_counts_set,
    attendance_add_many,
    attendance_check_in,
    check_in_open,
)
from phakhi.participation.models import Activity, Attendance, Role
from phakhi.participation.registrations import registration_create
from phakhi.participation.services import activity_create
from phakhi.projects.models import Project


@dataclass(frozen=True)
class DemoActivity:
    key: str
    title: str
    kind: str
    days_from_today: int
    planned: int | None
    achieved: int | None
    participants: slice  # which of the network's members take part
    extra: dict[str, object] = field(default_factory=dict)
    days: int = 1
    arrived: bool = True


O25_FORUM = {
    "o25_issue": "การเปิดตลาดผักอินทรีย์ประจำสัปดาห์ที่หน้าโรงพยาบาลจังหวัด",
    "o25_participants": "เกษตรกรสมาชิกกลุ่ม ผู้บริโภค โรงพยาบาล เทศบาล และนักวิชาการจากมหาวิทยาลัย",
    "o25_results": "ที่ประชุมเห็นชอบให้เปิดตลาดทุกวันพุธ และให้กลุ่มจัดระบบส่งผลผลิต",
    "o25_results_used": "กลุ่มนำข้อสรุปไปทำแผนส่งผลผลิตให้โรงพยาบาล และเทศบาลจัดพื้นที่ตลาดให้",
}
ACTIVITIES: Sequence[DemoActivity] = (
    DemoActivity(
        "OF-2569-01", "สัมมนาเครือข่ายข้ามประเด็น จังหวัดเดียวกัน", "seminar", -300, 4, 3,
        slice(0, 14), {"outcomes": "เครือข่ายสุขภาพและเครือข่ายท่องเที่ยวชุมชนตกลงทำงานร่วมกัน"},
    ),
    DemoActivity(
        "OF-2570-01", "ประชุมคณะทำงานกลุ่มเกษตรอินทรีย์", "meeting", -62, 1, 1, slice(0, 8),
        {"decisions": "มอบหมายผู้ประสานงานติดต่อโรงพยาบาลเรื่องการส่งผัก"},
    ),
    DemoActivity(
        "OF-2570-02", "เวทีประชาคมตลาดผักอินทรีย์", "forum", -45, 2, 2, slice(2, 14),
        {**O25_FORUM, "place": "ลานหน้าโรงพยาบาลจังหวัด", "stage": "planning",
         "forms": ["informed", "views", "needs"]},
    ),
    DemoActivity(
        "OF-2570-03", "อบรมแกนนำเกษตรอินทรีย์", "training", -30, 3, 2, slice(0, 12),
        {"stage": "implementing", "forms": ["informed", "solutions", "implementing"]}, days=2,
    ),
    DemoActivity(
        "OF-2570-04", "ลงพื้นที่เยี่ยมแปลงผักสมาชิก", "visit", -12, 3, 3, slice(6, 12),
        {"stage": "evaluating", "forms": ["monitoring"]},
    ),
    DemoActivity(
        "OF-2570-05", "รับฟังความคิดเห็นแผนส่งผักให้โรงพยาบาล", "hearing", -5, 2, 2,
        slice(1, 10),
        {"o25_issue": "แผนส่งผักอินทรีย์ให้โรงพยาบาลสัปดาห์ละสามวัน",
         "o25_participants": "เกษตรกร ฝ่ายโภชนาการของโรงพยาบาล และผู้บริโภค",
         "stage": "deciding", "forms": ["views", "deciding"]},
    ),
    DemoActivity(
        "OF-2570-06", "ถอดบทเรียนเทศบาลเมืองยะลา", "lessons", 9, 4, None, slice(0, 10),
        {"place": "ห้องประชุมสำนักงานเกษตรจังหวัด"}, arrived=False,
    ),
)  # fmt: skip
PUBLIC_AT_THE_FORUM: dict[str, Any] = {
    "public_civil": 86,
    "public_academic": 9,
    "public_government": 14,
    "public_unknown": 11,
    "satisfaction": Decimal("4.32"),
}
# Scores of the two OPDC lists, a year apart: the earlier one lower on communication.
EARLIER_SCORES = (3, 3, 2, 3, 3, 4, 3, 2, 3, 3, 2, 3, 3, 3, 3, 2, 2)
LATER_SCORES = (4, 3, 3, 4, 4, 4, 3, 3, 3, 4, 3, 3, 4, 3, 3, 4, 3)


def _members(project: Project) -> list[Actor]:
    """The project network's members, organisations and groups first (they host)."""
    rows = Membership.objects.filter(network=project.network_id).select_related("actor")
    order: dict[str, int] = {Kind.ORGANIZATION: 0, Kind.GROUP: 1, Kind.PERSON: 2}
    actors = [row.actor for row in rows.order_by("actor__key")]
    return sorted(actors, key=lambda actor: order.get(actor.kind, 3))


def _activity(
    author: audit.Author, project: Project, members: list[Actor], spec: DemoActivity
) -> Activity:
    today = timezone.localdate()
    starts_on = today + dt.timedelta(days=spec.days_from_today)
    taking_part = members[spec.participants]
    activity = activity_create(
        author,
        project.workspace,
        key=spec.key,
        title=spec.title,
        kind=spec.kind,
        starts_on=starts_on,
        ends_on=starts_on + dt.timedelta(days=spec.days - 1) if spec.days > 1 else None,
        start_time=dt.time(9, 0),
        end_time=dt.time(16, 0) if spec.kind != "meeting" else dt.time(12, 0),
        province_code=project.lead_actor.province_code if project.lead_actor else "",
        networks=[project.network] if project.network else [],
        project=project,
        iap2_planned=spec.planned,
        iap2_achieved=spec.achieved,
        organizers=taking_part[:1],
        speakers=taking_part[1:2] if spec.kind in {"training", "seminar", "lessons"} else (),
        **spec.extra,
    )
    attendance_add_many(author, activity, taking_part[2:], role=Role.PARTICIPANT)
    if spec.arrived:
        rows = list(Attendance.objects.filter(activity=activity).order_by("id"))
        for row in rows[:-1]:  # one registered participant did not come
            attendance_check_in(author, row)
    return activity


def _assessment(
    author: audit.Author,
    project: Project,
    held_on: dt.date,
    scores: Sequence[int],
    evidence: Sequence[Activity],
    earlier: SelfAssessment | None,
) -> SelfAssessment:
    assessment = assessment_create(
        author,
        project.workspace,
        templates=AWARD_TEMPLATES,
        held_on=held_on,
        network=project.network,
        respondents="คณะทำงานกลุ่มเกษตรอินทรีย์",
        copy_from=earlier,
    )
    answers = list(assessment.answers.order_by("position"))
    for answer, score in zip(answers, scores, strict=False):
        answer_set(author, answer, score=score)
    for answer, activity in zip(answers, evidence, strict=False):
        evidence_add_activity(author, answer, activity)
    return assessment_finalise(author, assessment)


def load_participation(author: audit.Author, project: Project) -> None:
    """The project's activities, attendance and self-assessments (once: a project that has
    activities already is left as it is)."""
    if Activity.objects.filter(project=project).exists() or project.network is None:
        return
    members = _members(project)
    activities = [_activity(author, project, members, spec) for spec in ACTIVITIES]
    by_key = {activity.key: activity for activity in activities}
    activity_counts_set(author, by_key["OF-2570-02"], **PUBLIC_AT_THE_FORUM)
    coming = by_key["OF-2570-06"]
    check_in_open(author, coming)
    coming.refresh_from_db()
    registration_create(
        coming, name="นางสาวมาลี ใจงาม", organization_name="วิสาหกิจชุมชนผักปลอดสาร",
        sector="civil", phone="0891234567",
    )  # fmt: skip
    this_year = fiscal_year(timezone.localdate())
    earlier = _assessment(
        author, project, fiscal_year_dates(this_year - 1)[0] + dt.timedelta(days=30),
        EARLIER_SCORES, activities[:1], None,
    )  # fmt: skip
    _assessment(
        author, project, timezone.localdate() - dt.timedelta(days=3), LATER_SCORES,
        activities[1:6], earlier,
    )  # fmt: skip
