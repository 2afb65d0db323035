"""Worksheet 1's demo for the workshop kit's example project (phakhi/demo/workshop_kit.py): two
dated assessments — the first workshop's, with the source's own examples and a few actors of
the directory, and a later one copied from it where some stakeholders moved — so the grid has
movement to show."""

import datetime as dt

from phakhi.actors.models import Actor
from phakhi.core import audit
from phakhi.projects.models import Project
from phakhi.stakeholders.examples import EXAMPLE_CARD, EXAMPLE_PLACEMENT, GROUP_EXAMPLES
from phakhi.stakeholders.models import Assessment
from phakhi.stakeholders.services import (
    assessment_create,
    stakeholder_add,
    stakeholder_place,
    stakeholder_update,
)

DIRECTORY_STAKEHOLDERS = 8  # actors of the directory (other issues, same province) to add
# The later assessment: who moved where (influence, interest, influence score, interest score).
MOVES = {
    "ผู้บริหาร": ("high", "high", 4, 4),
    "ผู้บริโภค": ("low", "high", 3, 5),
    "พนักงาน": ("low", "high", None, None),
}


def _directory_actors(project: Project) -> list[Actor]:
    """Actors of the demo directory outside the lead network, in the lead actor's province."""
    actors = Actor.objects.filter(workspace_id=project.workspace_id)
    if project.network_id:
        actors = actors.exclude(memberships__network_id=project.network_id)
    lead = project.lead_actor
    if lead is not None and lead.province_code:
        actors = actors.filter(province_code=lead.province_code)
    return list(actors.exclude(sector="").order_by("sort_key", "id")[:DIRECTORY_STAKEHOLDERS])


def load_stakeholder_analysis(author: audit.Author, project: Project) -> Assessment | None:
    """The demo project's two assessments (once: nothing when it has any already); returns the
    later one."""
    if Assessment.objects.filter(project=project).exists():
        return None
    year = project.starts_on.year if project.starts_on else dt.date.today().year
    first = assessment_create(
        author, project, held_on=dt.date(year, 2, 12), title="เวทีวิเคราะห์ภาคี ครั้งที่ 1"
    )
    stakeholder_add(author, first, **EXAMPLE_CARD, **EXAMPLE_PLACEMENT, priority=1)
    for example in GROUP_EXAMPLES:
        stakeholder_add(author, first, **example)
    levels = (("high", "low"), ("low", "high"), ("low", "low"), ("high", "high"))
    for position, actor in enumerate(_directory_actors(project)):
        influence, interest = levels[position % len(levels)]
        stakeholder_add(
            author,
            first,
            actor=actor,
            groups=["interested_in_outcome"] if interest == "high" else [],
            influence=influence,
            interest=interest if position % 5 else "",
        )
    later = assessment_create(
        author, project, held_on=dt.date(year, 8, 20), title="เวทีทบทวน ครั้งที่ 2"
    )
    for stakeholder in later.stakeholders.filter(name__in=MOVES):
        influence, interest, influence_score, interest_score = MOVES[stakeholder.name]
        stakeholder_place(
            author,
            stakeholder,
            influence=influence,
            interest=interest,
            influence_score=influence_score,
            interest_score=interest_score,
        )
    mayor = later.stakeholders.get(name=EXAMPLE_CARD["name"])
    stakeholder_update(
        author,
        mayor,
        lives_with_problem=False,
        knows_problem=True,
        voices_need=True,
        visibly_committed=True,
        host_who="เทศบาลเมือง",
        host_how_far="บรรจุเกษตรอินทรีย์ในแผนพัฒนาเทศบาล",
        host_support="ข้อมูลผลผลิตและผู้บริโภคให้ใช้ประกอบแผน",
    )
    stakeholder_add(
        author,
        later,
        name="โรงพยาบาลจังหวัด",
        kind="organization",
        sector="government",
        groups=["affected_by_us", "interested_in_outcome"],
        influence="high",
        interest="high",
        influence_score=4,
        interest_score=5,
        can_help="รับซื้อผักอินทรีย์เข้าครัวโรงพยาบาล",
        how_to_reach="ผ่านกลุ่มงานโภชนาการ",
    )
    return later
