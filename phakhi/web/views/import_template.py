"""The import template, downloaded from the import page: phakhi.imports.examples' files with
the Thai headers and a few example rows."""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.imports.examples import PARTICIPATION_SHEETS, example_csv, example_workbook
from phakhi.monitoring.survey_import_template import template_csv, template_workbook
from phakhi.web.access import workspace_view

CSV = "text/csv; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# File name → (content type, what makes it).
TEMPLATES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "phakhi-actors.csv": (CSV, lambda: example_csv("actors")),
    "phakhi-ties.csv": (CSV, lambda: example_csv("ties")),
    "phakhi-import.xlsx": (XLSX, example_workbook),
    "phakhi-activities.csv": (CSV, lambda: example_csv("activities")),
    "phakhi-attendance.csv": (CSV, lambda: example_csv("attendance")),
    "phakhi-activities.xlsx": (XLSX, lambda: example_workbook(PARTICIPATION_SHEETS)),
    "phakhi-survey-responses.csv": (CSV, template_csv),
    "phakhi-survey-responses.xlsx": (XLSX, template_workbook),
}


@workspace_view("import")
def import_template(
    request: HttpRequest, workspace: Workspace, access: Access, name: str
) -> HttpResponse:
    if name not in TEMPLATES:
        raise Http404(_("There is no such template."))
    content_type, make = TEMPLATES[name]
    response = HttpResponse(make(), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
