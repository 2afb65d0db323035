"""The expansion plan of the workshop demo's project: the source's six organic-farming rows as
the room wrote them, then the first suggestions of who to reach next added as rows on the map,
one of them under way — so the plan shows both the written and the map's relationships."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from phakhi.actors.models import Actor
from phakhi.core import audit
from phakhi.expansion.examples import ORGANIC_FARMING_ROWS, US
from phakhi.expansion.models import ExpansionPlan, Status
from phakhi.expansion.services import plan_create, plan_row_add
from phakhi.expansion.suggestions import suggest
from phakhi.projects.models import Project

VISION = "เครือข่ายต่างประเด็นในจังหวัดผนึกกำลังกัน ให้คนในจังหวัดมีอาหารปลอดภัยและสุขภาวะที่ดี"
COMMON_BENEFIT = "ตลาดผักอินทรีย์ของจังหวัด ผลผลิตส่งโรงพยาบาล และความรู้ที่แลกเปลี่ยนกัน"
SUGGESTED_ROWS = 2


def load_expansion_plan(author: audit.Author, project: Project) -> ExpansionPlan:
    """The project's plan (created once; loading again returns the one there)."""
    found = ExpansionPlan.objects.filter(project=project).first()
    if found is not None:
        return found
    plan = plan_create(
        author, project=project, title=US, vision=VISION, common_benefit=COMMON_BENEFIT
    )
    due = timezone.localdate() + dt.timedelta(days=90)
    for position, row in enumerate(ORGANIC_FARMING_ROWS):
        status = Status.IN_PROGRESS if position == 0 else Status.PLANNED
        plan_row_add(author, plan, **row, status=status, due_on=due)
    suggested = suggest(plan, limit=SUGGESTED_ROWS).items
    actors = Actor.objects.in_bulk([s.actor_id for s in suggested])
    for suggestion in suggested:
        introducers = suggestion.introducers
        plan_row_add(
            author,
            plan,
            target_actor=actors[suggestion.actor_id],
            owner=introducers[0].member_name if introducers else "",
            new_level=3,
            methods=["พบปะแลกเปลี่ยนความร่วมมือ", "แลกเปลี่ยนความรู้"],
        )
    return plan
