"""Routes of worksheet 4 (the expansion plan): the same pages for a project's plan (the
project tab "project-plan") and for a network's (``networks/<slug>/plan/``)."""

from django.urls import URLPattern, path

from phakhi.web.views import expansion as pages
from phakhi.web.views import expansion_rows as rows

OWNERS = (("project", "projects/<slug:project>/plan/"), ("network", "networks/<slug:slug>/plan/"))


def _plan_routes(kind: str, base: str) -> list[URLPattern]:
    row = base + "rows/<int:row>/"
    return [
        path(base, pages.plan_page, name=f"{kind}-plan"),
        path(base + "edit/", pages.plan_edit, name=f"{kind}-plan-edit"),
        path(base + "suggestions/", pages.plan_suggestions, name=f"{kind}-plan-suggestions"),
        path(base + "rows/new/", rows.row_add, name=f"{kind}-plan-row-add"),
        path(row, rows.row_edit, name=f"{kind}-plan-row-edit"),
        path(row + "move/", rows.row_move, name=f"{kind}-plan-row-move"),
        path(row + "remove/", rows.row_remove, name=f"{kind}-plan-row-remove"),
    ]


workspace_urlpatterns: list[URLPattern] = [
    route for kind, base in OWNERS for route in _plan_routes(kind, base)
]
urlpatterns: list[URLPattern] = []
