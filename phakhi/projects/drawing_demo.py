"""The demo's worksheet 3: the ties a room drew on the example project's map — between members
of its lead network not tied yet, at each of the workshop's levels, one of them held through a
person (the source's "หลวม ผ่านชาคริต")."""

from itertools import combinations

from django.db.models import Q
from django.utils import timezone

from phakhi.actors.models import Actor, Kind
from phakhi.core import audit
from phakhi.core.periods import active_on
from phakhi.networks.models import Membership
from phakhi.projects.drawing import project_tie_draw
from phakhi.projects.models import Project, ProjectTie
from phakhi.ties.models import Tie

LEVELS = (4, 3, 2, 2, 1)  # แน่นแฟ้น, หลวม ๆ (co-operate, co-ordinate twice), รู้จัก
DRAWN = len(LEVELS)


def _untied(first: Actor, second: Actor) -> bool:
    pair = Q(source=first, target=second) | Q(source=second, target=first)
    return not Tie.objects.filter(pair, kind="", directed=False).exists()


def load_drawn_map(author: audit.Author, project: Project) -> list[Tie]:
    """Draw the example's ties once (none when the project has drawn ties already or has no
    lead network with members enough)."""
    if project.network_id is None or ProjectTie.objects.filter(project=project).exists():
        return []
    today = timezone.localdate()
    current = Membership.objects.filter(active_on(today), network_id=project.network_id)
    members = list(Actor.objects.filter(pk__in=current.values("actor_id")).order_by("key"))
    people = [actor for actor in members if actor.kind == Kind.PERSON]
    drawn: list[Tie] = []
    for first, second in combinations(members, 2):
        if len(drawn) == DRAWN:
            break
        if not _untied(first, second):
            continue
        via = None
        if len(drawn) == 2:  # a loose tie held through a person of the group
            via = next((p for p in people if p.pk not in (first.pk, second.pk)), None)
        level = LEVELS[len(drawn)]
        drawn.append(
            project_tie_draw(author, project, source=first, target=second, strength=level, via=via)
        )
    return drawn
