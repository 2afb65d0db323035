"""Co-participation ties (ร่วมกิจกรรม): taking part in the same activity links two actors.

The interface the attendance and activity services call, inside their own transaction, after
they changed who took part in what (or an activity's dates, or its size past the rule's limit).
"""

from collections.abc import Iterable

from phakhi.core.models import Workspace


def coparticipation_refresh(workspace: Workspace, actor_ids: Iterable[int]) -> None:
    """Bring every co-participation tie touching one of ``actor_ids`` up to date with the
    attendance as stored now."""
    # Filled in by the co-participation work (issue #14); until then attendance makes no ties.


def coparticipation_rebuild(workspace: Workspace) -> None:
    """Every co-participation tie of ``workspace`` made again from all its attendance."""
