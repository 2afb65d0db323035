"""Writes of many stakeholders at once: step 2's sorting of a whole assessment into groups, all
or nothing. (An actors' merge relinks stakeholders with every other link to the merged actor:
phakhi.imports.merge.)"""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import stakeholder_update


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
