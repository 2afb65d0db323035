"""A project with every worksheet filled from the source's own examples: worksheet 1's นายก ทม.
card and two more stakeholders, a lessons-learned session on the source's case, and worksheet
4's six organic-farming rows (one with a due date, an owner and a status)."""

import datetime as dt
from dataclasses import dataclass

from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.expansion.examples import ORGANIC_FARMING_ROWS, US
from phakhi.expansion.models import ExpansionPlan
from phakhi.expansion.services import plan_create, plan_row_add
from phakhi.lessons.models import LessonSession
from phakhi.lessons.selectors import prompts_of
from phakhi.lessons.services import lesson_answer_add, lesson_session_create
from phakhi.networks.services import network_create
from phakhi.projects.models import Project
from phakhi.projects.services import project_create
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import stakeholder_add
from tests.fixtures_stakeholders import add_example_card

AUTHOR = Author("test:paper")
VISION = "อาหารปลอดภัยทั้งจังหวัด"
COMMON_BENEFIT = "ผลผลิตอินทรีย์ถึงโรงพยาบาลและโรงเรียนทุกแห่ง"
ANSWER = "ชวนผู้นำชุมชนมาร่วมคิดตั้งแต่ต้น ทำให้เห็นผลงานร่วมกัน"


@dataclass
class Filled:
    workspace: Workspace
    project: Project
    assessment: Assessment
    mayor: Stakeholder
    session: LessonSession
    plan: ExpansionPlan


def fill_project(workspace: Workspace) -> Filled:
    network = network_create(AUTHOR, workspace, slug="organic", name=US)
    project = project_create(
        AUTHOR, workspace, slug="organic", name="โครงการเกษตรอินทรีย์", network=network
    )
    mayor = add_example_card(AUTHOR, project)
    assessment = mayor.assessment
    stakeholder_add(
        AUTHOR, assessment, name="ผู้บริโภค", kind="group", sector="civil",
        affected_by_us=True, interested_in_outcome=True, influence="low", interest="high",
        interest_score=5, impact="ได้ผักปลอดสารพิษ",
    )  # fmt: skip
    stakeholder_add(
        AUTHOR, assessment, name="มหาวิทยาลัยขอนแก่น", kind="organization", sector="academic",
        interested_in_outcome=True,
    )  # fmt: skip
    session = lesson_session_create(
        AUTHOR, workspace, title="ถอดบทเรียนเทศบาลเมืองยะลา", project=project,
        held_on=dt.date(2026, 11, 21), case="เทศบาลเมืองยะลา",
    )  # fmt: skip
    lesson_answer_add(
        AUTHOR, session, prompt=prompts_of(session)[0], text=ANSWER, participant="สมศรี"
    )
    plan = plan_create(
        AUTHOR, project=project, title=US, vision=VISION, common_benefit=COMMON_BENEFIT
    )
    for number, row in enumerate(ORGANIC_FARMING_ROWS):
        extra = (
            {"owner": "ชาคริต", "due_on": dt.date(2027, 3, 31), "status": "in_progress"}
            if number == 0
            else {}
        )
        plan_row_add(AUTHOR, plan, **row, **extra)
    return Filled(workspace, project, assessment, mayor, session, plan)
