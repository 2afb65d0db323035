"""The checks every write of a self-assessment shares: rows of one workspace, drafts only."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from phakhi.assessments.models import SelfAssessment


def same_workspace(workspace_id: int, **rows: Any) -> None:
    for name, row in rows.items():
        if row is not None and row.workspace_id != workspace_id:
            raise ValidationError(
                {name: _("“%(row)s” belongs to another workspace.") % {"row": row}}
            )


def require_draft(assessment: SelfAssessment) -> None:
    if assessment.is_final:
        raise ValidationError(
            _("“%(title)s” is final; reopen it to change it.") % {"title": assessment.title}
        )
