"""Who to reach next, on a small map with known bridges."""

from phakhi.actors.services import actor_update
from phakhi.expansion.services import plan_row_add
from phakhi.expansion.suggestions import suggest
from tests.expansion.conftest import AUTHOR, World

OURS = "เกษตรอินทรีย์"
HEALTH = "สุขภาพ"


def known_bridges(world: World) -> None:
    def actor(name: str, *, member=False, kind="group", province="ขอนแก่น", tags=HEALTH):
        world.actor(name, member=member, kind=kind)
        actor_update(AUTHOR, world.actors[name], province=province, tags=tags)

    # Two communities of ours: A1–A2–A3 and B1–B2–B3, joined by one weak tie.
    for name in ("A1", "A2", "A3", "B1", "B2", "B3"):
        actor(name, member=True, kind="person", tags=OURS)
    for group in ("A", "B"):
        for a, b in (("1", "2"), ("2", "3"), ("1", "3")):
            world.tie(group + a, group + b, 4)
    world.tie("A3", "B3", 1)
    # People we know, not members.
    actor("p", kind="person", tags="")
    actor("q", kind="person", tags="")
    world.tie("A1", "p", 3)
    world.tie("B1", "q", 2)
    # X bridges both communities (through p and q) and brings two new actors.
    actor("X กองทุนตำบล")
    actor("n1", kind="person", tags="")
    actor("n2", kind="person", tags="")
    world.tie("X กองทุนตำบล", "p", 4)
    world.tie("X กองทุนตำบล", "q", 3)
    world.tie("X กองทุนตำบล", "n1", 2)
    world.tie("X กองทุนตำบล", "n2", 2)
    # Y knows A2 a little (รู้จัก): one community, nothing new.
    actor("Y โรงพยาบาล", kind="organization")
    world.tie("Y โรงพยาบาล", "A2", 1)
    # Left out: Z is already close to us, W elsewhere, V on our own issue, U a person,
    # R out of reach, S already in the plan.
    actor("Z")
    world.tie("Z", "A1", 3)
    actor("W", province="เชียงใหม่")
    world.tie("W", "p", 3)
    actor("V", tags=OURS)
    world.tie("V", "p", 3)
    actor("U", kind="person")
    world.tie("U", "p", 3)
    actor("R")
    actor("S")
    world.tie("S", "q", 3)
    plan_row_add(AUTHOR, world.plan, target_actor=world.actors["S"], new_level=3)


def test_ranked_by_the_communities_they_bridge_with_who_can_introduce_us(world: World) -> None:
    known_bridges(world)
    found = suggest(world.plan)
    assert found.provinces == ("40",)
    assert found.our_issues == (OURS,)
    assert (found.member_count, found.community_count) == (6, 2)
    assert [s.name for s in found.items] == ["X กองทุนตำบล", "Y โรงพยาบาล"]
    x, y = found.items
    assert (x.communities, x.new_reach, x.tie_to_us, x.issues) == (2, 2, 0, (HEALTH,))
    assert [(i.member_name, i.through_name, i.strength) for i in x.introducers] == [
        ("A1", "p", 3),
        ("B1", "q", 2),
    ]
    assert (y.communities, y.new_reach, y.tie_to_us) == (1, 0, 1)
    assert [(i.member_name, i.through_name) for i in y.introducers] == [("A2", "")]


def test_no_lead_network_no_suggestions(world: World) -> None:
    from phakhi.expansion.services import plan_create
    from phakhi.projects.services import project_create

    alone = project_create(AUTHOR, world.workspace, slug="alone", name="ไม่มีเครือข่าย")
    plan = plan_create(AUTHOR, project=alone, title="แผน")
    assert suggest(plan).items == []
