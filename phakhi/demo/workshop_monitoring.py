"""The monitoring demo for the organic-farming network: a network survey closed last month —
two members in three answered, naming partners with trust and value and scoring the five signs
of a sustainable network, so the round made a self-assessment — and a follow-up round open now,
with one answer in and one begun; analyses of the network and the workspace a year ago and
today; the scorecard taken monthly over the last half-year; and the risk alerts checked.

Everything goes through the services, as a coordinator's and the members' work would. The
answers are drawn from a seeded generator, so every demo reads the same."""

import datetime as dt
import random

from django.utils import timezone

from phakhi.actors.models import Actor
from phakhi.analysis.services import analysis_request
from phakhi.assessments.sustainability_lists import C5
from phakhi.core import audit
from phakhi.monitoring.alerts import alerts_check_workspace
from phakhi.monitoring.models import Respondent, Snapshot, Survey
from phakhi.monitoring.snapshots import snapshot_take
from phakhi.monitoring.survey_responses import (
    ReportInput,
    item_score_set,
    response_consent,
    response_reports_set,
    response_submit,
)
from phakhi.monitoring.survey_services import survey_close, survey_create, survey_open
from phakhi.networks.models import Network
from phakhi.projects.models import Project

PURPOSE = (
    "เพื่อดูว่าสมาชิกเครือข่ายเกษตรอินทรีย์ทำงานร่วมกับใคร บ่อยแค่ไหน และไว้วางใจกันเพียงใด "
    "แล้วนำผลไปวางแผนเสริมความเข้มแข็งของเครือข่ายในปีหน้า"
)
AUDIENCE = (
    "ผู้ประสานงานเครือข่ายเห็นคำตอบของแต่ละคน สมาชิกและผู้บริหารเห็นเฉพาะผลรวม "
    "ไม่มีการเผยแพร่คะแนนความไว้วางใจรายบุคคล"
)
CONTACT = "นางสาวกานดา ผู้ประสานงานเครือข่าย โทร 043-000-111"
COMMENTS = (
    "อยากให้มีเวทีแลกเปลี่ยนระหว่างกลุ่มผู้ผลิตกับโรงพยาบาลบ่อยขึ้น",
    "ช่องทางไลน์กลุ่มช่วยได้มาก แต่ข้อมูลตลาดยังมาช้า",
    "",
)
MONTHS_OF_SNAPSHOTS = 6


def _answer(
    respondent: Respondent, others: list[Actor], rng: random.Random, items: list[str]
) -> None:
    response_consent(respondent, notice_version=respondent.survey.notice_version)
    partners = rng.sample(others, k=min(len(others), rng.randint(3, 5)))
    reports = [
        ReportInput(
            partner=partner,
            level=rng.choice((1, 2, 2, 3, 3, 4)),
            frequency=rng.choice(("monthly", "monthly", "weekly", "quarterly")),
            flows=rng.sample(("information", "resources", "joint-activity", "mentoring"), k=2),
            trust_openness=rng.choice((2, 3, 3, 4)),
            trust_reliability=rng.choice((2, 3, 3, 4)),
            trust_mission=rng.choice((3, 3, 4, 4)),
            value_power=rng.choice((2, 2, 3, 4)),
            value_resources=rng.choice((1, 2, 3, 3)),
            value_involvement=rng.choice((2, 3, 3, 4)),
        )
        for partner in partners
    ]
    response_reports_set(respondent, reports)
    for code in items:
        template, item = code.split(":", 1)
        item_score_set(respondent, template, item, rng.choice((2, 3, 3, 4, 4, 5)))


def _round(
    author: audit.Author, network: Network, slug: str, name: str, answering: float, seed: int
) -> Survey:
    items = [f"{C5.code}:{item.code}" for item in C5.scored_items()]
    survey = survey_create(
        author, network.workspace, network=network, slug=slug, name=name, purpose=PURPOSE,
        audience=AUDIENCE, contact=CONTACT, assessment_items=items,
        closes_on=timezone.localdate() + dt.timedelta(days=21),
    )  # fmt: skip
    survey = survey_open(author, survey)
    rng = random.Random(seed)
    roster = list(survey.respondents.select_related("actor", "survey").order_by("actor__key"))
    actors = [respondent.actor for respondent in roster]
    answering_count = round(answering * len(roster))
    for number, respondent in enumerate(roster[:answering_count]):
        others = [actor for actor in actors if actor.pk != respondent.actor_id]
        _answer(respondent, others, rng, items)
        response_submit(respondent, comment=COMMENTS[number % len(COMMENTS)])
    return survey


def _analyses(author: audit.Author, network: Network) -> None:
    today = timezone.localdate()
    for at in (today - dt.timedelta(days=365), today):
        analysis_request(author, network.workspace, network=network, at=at, background=False)
        analysis_request(author, network.workspace, at=at, background=False)


def _snapshots(author: audit.Author, network: Network) -> None:
    today = timezone.localdate()
    for months_ago in range(MONTHS_OF_SNAPSHOTS - 1, -1, -1):
        on = today - dt.timedelta(days=30 * months_ago)
        period = on.strftime("%Y-%m")
        for scope in (network, None):
            snapshot_take(
                author, network.workspace, scope, trigger=Snapshot.Trigger.SCHEDULE, on=on,
                period=period, check_alerts=False,
            )  # fmt: skip


def load_monitoring(author: audit.Author, project: Project) -> None:
    """The project network's surveys, analyses, scorecard snapshots and alerts (once: a network
    that has surveys already is left as it is)."""
    network = project.network
    if network is None or Survey.objects.filter(network=network).exists():
        return
    _analyses(author, network)
    closed = _round(
        author, network, "organic-2569", "สำรวจความสัมพันธ์เครือข่ายเกษตรอินทรีย์ ปี 2569",
        answering=2 / 3, seed=15,
    )  # fmt: skip
    survey_close(author, closed)
    follow_up = _round(
        author, network, "organic-follow-up", "สำรวจติดตามผล รอบกลางปี", answering=0.1, seed=16
    )
    begun = follow_up.respondents.filter(consented_at__isnull=True).order_by("actor__key").first()
    if begun is not None:  # consented and named partners, not yet submitted
        response_consent(begun, notice_version=follow_up.notice_version)
    _snapshots(author, network)
    alerts_check_workspace(author, network.workspace)
