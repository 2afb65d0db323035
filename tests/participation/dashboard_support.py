"""A small dataset for the participation dashboard, counted by hand (the figures the tests
expect are worked out in their docstrings and comments).

Fiscal year 2568 runs from 1 Oct 2024 to 30 Sep 2025. Network "health" (members P1, P2, P3,
ORG1, P5 now; P4 left on 1 Jan 2025) leads the project "clinic"; network "youth" has P4.

    key  starts      planned achieved networks      o25 filled      attendance
    A0   2024-09-30  5       5        health        all             P3             (FY 2567)
    A1   2024-10-01  2       1        health, clinic none           P1 P2 ORG1
    A3   2025-03-15  1       2        youth         issue           P4 P2
    A4   2025-05-01  4       —        health youth  all but used    P1
    A5   2025-06-01  —       —        —             none            —
    A2   2025-09-30  3       3        health        all             P1 P3
    A9   2025-10-01  1       —        health        none            —              (FY 2569)

ORG1 (government) employs P1 (civil) and P2 (academic); ORG2 (civil) employs P4 (no sector);
P3 is government, P5 civil. Public head counts: A1 civil 10 and unknown 5, A2 academic 2, A0
civil 100. Satisfaction: A1 4.00, A2 3.50, A0 5.00.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from phakhi.actors.models import Actor
from phakhi.core.models import Workspace
from phakhi.networks.models import Membership, Network
from phakhi.participation.models import Activity, Attendance
from phakhi.projects.models import Project

TODAY = dt.date(2025, 10, 15)  # six months before: 15 Apr 2025
FILLED = {"o25_issue": "ประเด็น", "o25_participants": "ผู้แทนชุมชน 40 คน",
          "o25_results": "ข้อเสนอ 5 ข้อ", "o25_results_used": "ปรับแผนสุขภาพตำบล"}  # fmt: skip


def _actor(workspace: Workspace, key: str, kind: str, sector: str, **more: Any) -> Actor:
    return Actor.objects.create(
        workspace=workspace, key=key, name=f"ภาคี {key}", name_key=key.lower(), sort_key=key,
        kind=kind, sector=sector, **more,
    )  # fmt: skip


def dashboard_data(workspace: Workspace) -> dict[str, Any]:
    health = Network.objects.create(workspace=workspace, slug="health", name="เครือข่ายสุขภาพ")
    youth = Network.objects.create(workspace=workspace, slug="youth", name="เครือข่ายเยาวชน")
    clinic = Project.objects.create(
        workspace=workspace, slug="clinic", name="คลินิกชุมชน", network=health
    )
    org1 = _actor(workspace, "ORG1", "organization", "government")
    org2 = _actor(workspace, "ORG2", "organization", "civil")
    p1 = _actor(workspace, "P1", "person", "civil", organization=org1)
    p2 = _actor(workspace, "P2", "person", "academic", organization=org1)
    p3 = _actor(workspace, "P3", "person", "government")
    p4 = _actor(workspace, "P4", "person", "", organization=org2)
    p5 = _actor(workspace, "P5", "person", "civil")
    for actor in (p1, p2, p3, org1, p5):
        Membership.objects.create(workspace=workspace, network=health, actor=actor)
    Membership.objects.create(
        workspace=workspace, network=health, actor=p4, until=dt.date(2025, 1, 1)
    )
    Membership.objects.create(workspace=workspace, network=youth, actor=p4)

    def activity(key: str, day: str, planned: int | None, achieved: int | None,
                 networks: tuple[Network, ...], people: tuple[Actor, ...],
                 **fields: Any) -> Activity:  # fmt: skip
        made = Activity.objects.create(
            workspace=workspace, key=key, title=f"กิจกรรม {key}",
            starts_on=dt.date.fromisoformat(day), iap2_planned=planned, iap2_achieved=achieved,
            **fields,
        )  # fmt: skip
        made.networks.set(networks)
        for person in people:
            Attendance.objects.create(workspace=workspace, activity=made, actor=person)
        return made

    activities = {
        "A0": activity("A0", "2024-09-30", 5, 5, (health,), (p3,), **FILLED,
                       public_civil=100, satisfaction=Decimal("5.00")),
        "A1": activity("A1", "2024-10-01", 2, 1, (health,), (p1, p2, org1), project=clinic,
                       public_civil=10, public_unknown=5, satisfaction=Decimal("4.00")),
        "A3": activity("A3", "2025-03-15", 1, 2, (youth,), (p4, p2), o25_issue="ถนนในหมู่บ้าน"),
        "A4": activity("A4", "2025-05-01", 4, None, (health, youth), (p1,),
                       **{**FILLED, "o25_results_used": ""}),
        "A5": activity("A5", "2025-06-01", None, None, (), ()),
        "A2": activity("A2", "2025-09-30", 3, 3, (health,), (p1, p3), **FILLED,
                       public_academic=2, satisfaction=Decimal("3.50")),
        "A9": activity("A9", "2025-10-01", 1, None, (health,), ()),
    }  # fmt: skip
    return {
        "workspace": workspace, "health": health, "youth": youth, "clinic": clinic,
        "org1": org1, "org2": org2, "p1": p1, "p2": p2, "p3": p3, "p4": p4, "p5": p5,
        **activities,
    }  # fmt: skip
