"""The tabs of a project's pages, in order: the project itself, then its worksheets and its live
workshop. Each tab is a route in the "web" namespace under ``projects/<slug:project>/``, reversed
with ``workspace`` and ``project`` (the project's slug). An area adds its tab here, in the same
commit as its page."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class ProjectTab:
    route: str
    label: str | Promise


PROJECT_TABS: list[ProjectTab] = [
    ProjectTab("project", pgettext_lazy("a project's own tab, its overview", "Project")),
    ProjectTab("project-stakeholders", _("Stakeholders")),  # worksheet 1
    ProjectTab("project-lessons", _("Lessons learned")),  # worksheet 2
    ProjectTab("project-map", _("Draw the map")),  # worksheet 3
    ProjectTab("project-plan", _("Expansion plan")),  # worksheet 4
    ProjectTab("project-activities", _("Activities")),  # meetings, forums, trainings, visits
    ProjectTab("project-participation", _("Participation")),  # the IAP2 dashboard
    ProjectTab("project-live", _("Live workshop")),  # participants on their phones
    ProjectTab("project-paper", _("Print and download")),  # blank and filled worksheets
    ProjectTab("worksheet-import", _("Import worksheets")),  # filled worksheets 1 and 4
]
