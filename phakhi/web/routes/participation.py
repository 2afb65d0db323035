"""Routes of the participation dashboard: the workspace's, a network's and a project's tab."""

from django.urls import URLPattern, path

from phakhi.web.views import participation

workspace_urlpatterns: list[URLPattern] = [
    path("participation/", participation.workspace_dashboard, name="participation"),
    path(
        "networks/<slug:slug>/participation/",
        participation.network_dashboard,
        name="network-participation",
    ),
    path(
        "projects/<slug:project>/participation/",
        participation.project_dashboard,
        name="project-participation",
    ),
]
urlpatterns: list[URLPattern] = []
