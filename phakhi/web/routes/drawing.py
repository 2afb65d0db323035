"""Worksheet 3, drawing the map: the project's map and what is drawn on it."""

from django.urls import URLPattern, path

from phakhi.web.views import drawing, drawing_edits

PROJECT = "projects/<slug:project>/map/"

workspace_urlpatterns: list[URLPattern] = [
    path(PROJECT, drawing.project_map, name="project-map"),
    path(f"{PROJECT}data/", drawing.project_map_data, name="project-map-data"),
    path(f"{PROJECT}actors/", drawing_edits.map_actor_add, name="project-map-actor-add"),
    path(f"{PROJECT}actors/<int:pk>/place/", drawing_edits.map_place, name="project-map-place"),
    path(f"{PROJECT}actors/<int:pk>/join/", drawing_edits.map_actor_join, name="project-map-join"),
    path(
        f"{PROJECT}ties/<int:first>/<int:second>/",
        drawing_edits.map_ties,
        name="project-map-ties",
    ),
    path(f"{PROJECT}ties/new/", drawing_edits.map_tie_add, name="project-map-tie-add"),
    path(
        f"{PROJECT}ties/<int:tie_id>/", drawing_edits.map_tie_change, name="project-map-tie-change"
    ),
    path(f"{PROJECT}ties/<int:tie_id>/end/", drawing_edits.map_tie_end, name="project-map-tie-end"),
]
urlpatterns: list[URLPattern] = []
