"""Worksheet 1's own example, as the workshop source fills it (W 155–158): the card of นายก ทม.
(the mayor), for any test that needs a real stakeholder — the pages, the API, the paper exporter
and the import reading it back.

    from tests.fixtures_stakeholders import EXAMPLE_CARD, add_example_card
"""

import datetime as dt
from typing import Any

from phakhi.core.audit import Author
from phakhi.projects.models import Project
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import assessment_create, stakeholder_add

# The card's eight columns, word for word from the filled example (the source breaks its cells
# over lines; here they are joined with single spaces).
EXAMPLE_CARD: dict[str, str] = {
    "name": "นายก ทม.",
    "contact_person": "ป้อม เลข 0879998888",
    "influence_how": "กำหนดนโยบาย เกษตรอินทรีย์",
    "impact": "ใช้เรื่องเกษตร อินทรีย์เป็น ผลงาน",
    "what_matters": "ฐานเสียงปชช. ผู้รักสุขภาพ",
    "can_help": (
        "การนำไป กำหนดเป็น แผน สนับสนุน งบประมาณ ความร่วมมือ ของผู้ปฏิบัติ งาน ประชาชน ในพื้นที่"
    ),
    "may_obstruct": "การขับเคลื่อน งานซ้ำ",
    "how_to_reach": (
        "นัดหมายเข้าพบ แนะนำ/ชี้ให้เห็น ความสอดคล้อง การทำงาน/ สนับสนุนนโยบาย นายก ฯ/ นำเสนอ "
        "ผลงานร่วมกับสื่อ"
    ),
}
# What the worksheet's other steps say of him: a person of the government sector who
# influences the project (step 2), placed high on both axes (step 3).
EXAMPLE_PLACEMENT: dict[str, Any] = {
    "kind": "person",
    "sector": "government",
    "influences_us": True,
    "influence": "high",
    "interest": "high",
}
EXAMPLE_DATE = dt.date(2026, 11, 20)


def add_example_card(
    author: Author, project: Project, assessment: Assessment | None = None
) -> Stakeholder:
    """The example card in ``assessment`` (a new one of ``project`` dated EXAMPLE_DATE when
    not given)."""
    if assessment is None:
        assessment = assessment_create(author, project, held_on=EXAMPLE_DATE, copy_last=False)
    return stakeholder_add(author, assessment, **EXAMPLE_CARD, **EXAMPLE_PLACEMENT)
