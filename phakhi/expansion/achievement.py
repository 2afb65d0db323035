"""Marking plan rows achieved after each analysis run: a row is achieved when the map shows a
direct tie between us and its target at the new level or above, on the run's date. Connected
to ``phakhi.analysis.hooks`` by the app's ``ready``; every plan of the run's workspace is
checked, whatever the run's scope, since ties belong to the workspace, not to a scope."""

from __future__ import annotations

from phakhi.analysis.models import AnalysisRun
from phakhi.core.audit import Author
from phakhi.expansion.services import plans_mark_achieved


def after_analysis(run: AnalysisRun, _requested_by: Author) -> None:
    plans_mark_achieved(Author.system(f"analysis #{run.number}"), run.workspace_id, run.at)
