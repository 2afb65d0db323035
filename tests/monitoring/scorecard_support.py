"""A small network for the scorecard, counted by hand.

Network "health" on TODAY (2026-06-30): members A (civil, core leader), B (academic), C
(government), D (civil), E (civil, left 2026-01-01 — not a member now). Ties (all undirected,
level 2 unless said): A–B, A–C, A–D, B–C (since 2026-05-01), D–E.

Activities of the workspace (all on the network):

    key  starts      achieved  attendance
    X1   2025-03-01  2         A, B          (more than 12 months ago)
    X2   2025-12-01  4         A, C          (within 12 months, not within 6)
    X3   2026-05-15  3         A, B          (within 6 months)

Participation in the 12 months (from 2025-07-01): A, B, C → 3 of 4 members.
Dormant members (no activity since 2026-01-01): C and D → 2 of 4.
Co-participation ties (made by the activities): A–B last 2026-05-15, A–C last 2025-12-01.
Ties of the network on TODAY: A–B, A–C, A–D, B–C, and the co-participation ties A–B, A–C
(D–E is outside: E is no member) → 6; dormant: A–C (level 2) and the A–C co-participation tie
(last 2025-12-01), A–D (nothing together) → 3; A–B both kinds are lively (X3), B–C began in
the window.
"""

import datetime as dt
from typing import Any

from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.networks.services import membership_set, network_create
from phakhi.participation.attendance import attendance_add
from phakhi.participation.services import activity_create
from phakhi.ties.services import tie_create

TODAY = dt.date(2026, 6, 30)
AUTHOR = Author("test:coordinator")


def scorecard_data(workspace: Workspace, today: dt.date = TODAY) -> dict[str, Any]:
    """The network as described above; with ``today`` every date moves by as many days (the
    tests of what reads the real today: the pages, the command, the API)."""
    shift = today - TODAY

    def day(iso: str) -> dt.date:
        return dt.date.fromisoformat(iso) + shift

    health = network_create(AUTHOR, workspace, slug="health", name="เครือข่ายสุขภาพ")
    sectors = {"A": "civil", "B": "academic", "C": "government", "D": "civil", "E": "civil"}
    actors = {
        key: actor_create(AUTHOR, workspace, key=key, name=f"ภาคี {key}", kind="person",
                          sector=sector)
        for key, sector in sectors.items()
    }  # fmt: skip
    for key in "ABCD":
        membership_set(AUTHOR, health, actors[key], role="core_leader" if key == "A" else "member")
    membership_set(AUTHOR, health, actors["E"], until=day("2026-01-01"))
    for one, other, since in (("A", "B", None), ("A", "C", None), ("A", "D", None),
                              ("B", "C", day("2026-05-01")), ("D", "E", None)):  # fmt: skip
        tie_create(AUTHOR, workspace, actors[one], actors[other], strength=2, since=since)
    for key, starts, level, people in (("X1", "2025-03-01", 2, "AB"), ("X2", "2025-12-01", 4, "AC"),
                                    ("X3", "2026-05-15", 3, "AB")):  # fmt: skip
        activity = activity_create(
            AUTHOR, workspace, key=key, title=f"เวที {key}", starts_on=day(starts),
            iap2_achieved=level, networks=[health],
        )  # fmt: skip
        for person in people:
            attendance_add(AUTHOR, activity, actors[person])
    return {"network": health, "actors": actors}
