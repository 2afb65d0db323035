"""Writes of many stakeholders at once: step 2's sorting of a whole assessment into groups,
and an actors' merge relinking the stakeholders of the merged actor. Each is all or nothing."""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core import audit, versions
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import stakeholder_update


def stakeholders_relink(author: audit.Author, kept: Actor, merged: Actor) -> int:
    """When ``merged`` is merged into ``kept`` (phakhi.imports.merge.actors_merge, before it
    deletes ``merged``): the stakeholders linked to ``merged`` are linked to ``kept`` instead —
    except in an assessment that has ``kept`` already, where the link goes and the name stays.
    Returns how many were linked to ``kept``."""
    if kept.workspace_id != merged.workspace_id:
        raise ValidationError({"actor": _("The actor belongs to another workspace.")})
    with transaction.atomic():
        taken = set(
            Stakeholder.objects.filter(workspace_id=kept.workspace_id, actor=kept).values_list(
                "assessment_id", flat=True
            )
        )
        moved = 0
        rows = Stakeholder.objects.select_for_update().filter(
            workspace_id=merged.workspace_id, actor=merged
        )
        for stakeholder in rows.order_by("id"):
            target = None if stakeholder.assessment_id in taken else kept
            stakeholder.actor = target
            versions.save_changes(
                author,
                stakeholder,
                {"actor": [merged.pk, target.pk if target else None]},
                ["actor"],
            )
            moved += target is not None
    return moved


def stakeholders_set_groups(
    author: audit.Author,
    assessment: Assessment,
    groups: Mapping[int, Iterable[str]],
    *,
    read_versions: Mapping[int, int] | None = None,
) -> int:
    """Step 2 for many at once: each stakeholder (by id) in exactly the groups given. All or
    nothing: a stakeholder not in the assessment, or one whose groups someone else changed
    since its version in ``read_versions``, refuses the whole change. Returns how many
    stakeholders' groups changed."""
    changed = 0
    with transaction.atomic():
        found = Stakeholder.objects.filter(assessment=assessment, pk__in=list(groups)).in_bulk()
        missing = sorted(set(groups) - set(found))
        if missing:
            raise ValidationError(
                {
                    "groups": _("Stakeholders %(ids)s are not in this assessment.")
                    % {"ids": ", ".join(map(str, missing))}
                }
            )
        for pk in sorted(groups):
            stakeholder = found[pk]
            before = stakeholder.version
            stakeholder_update(
                author,
                stakeholder,
                version=(read_versions or {}).get(pk),
                groups=list(groups[pk]),
            )
            changed += stakeholder.version != before
    return changed
