"""Routes of the projects pages; a project's worksheets hang under ``projects/<slug:project>/``
in their own areas' route modules."""

from django.urls import URLPattern, path

from phakhi.web.views import projects

workspace_urlpatterns: list[URLPattern] = [
    path("projects/", projects.project_list, name="projects"),
    path("projects/new/", projects.project_add, name="project-add"),
    path("projects/<slug:project>/", projects.project_page, name="project"),
    path("projects/<slug:project>/edit/", projects.project_edit, name="project-edit"),
]
urlpatterns: list[URLPattern] = []
