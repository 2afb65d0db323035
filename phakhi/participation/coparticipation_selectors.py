"""Reads about co-participation ties for the rule's page: the limit, how many ties, the last
rebuild."""

from __future__ import annotations

from dataclasses import dataclass

from phakhi.core.models import AuditEvent, Workspace
from phakhi.participation.coparticipation_rebuild import KIND, ORIGIN
from phakhi.participation.models import CoParticipationRule
from phakhi.ties.models import Tie


@dataclass(frozen=True)
class CoParticipationStatus:
    limit: int
    ties: int
    last_rebuild: AuditEvent | None


def coparticipation_status(workspace: Workspace) -> CoParticipationStatus:
    """The rule's limit, how many co-participation ties the workspace has, and its last
    rebuild's event (with its counts and seconds), or None."""
    ties = Tie.objects.filter(workspace=workspace, kind=KIND, origin=ORIGIN).count()
    rule = CoParticipationRule.objects.filter(workspace=workspace).first()
    last = None
    if rule is not None:
        last = (
            AuditEvent.objects.filter(
                object_type=CoParticipationRule._meta.label_lower, object_id=str(rule.pk)
            )
            .exclude(changes__has_key="max_participants")
            .order_by("-at", "-id")
            .first()
        )
    limit = rule.max_participants if rule else CoParticipationRule.DEFAULT_MAX_PARTICIPANTS
    return CoParticipationStatus(limit, ties, last)
