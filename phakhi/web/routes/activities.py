"""Routes of the activity pages: the workspace's list, a new activity, an activity's page, its
edit and delete pages, and a project's tab of activities. The activity's attendance pages
(``activities/<int:activity>/attendance/`` …) are the attendance area's routes."""

from django.urls import URLPattern, path

from phakhi.web.views import activities, activities_edit

ACTIVITY = "activities/<int:activity>/"

workspace_urlpatterns: list[URLPattern] = [
    path("activities/", activities.activity_list, name="activities"),
    path("activities/new/", activities_edit.activity_add, name="activity-add"),
    path(ACTIVITY, activities.activity_page, name="activity"),
    path(f"{ACTIVITY}edit/", activities_edit.activity_edit, name="activity-edit"),
    path(f"{ACTIVITY}delete/", activities_edit.activity_delete, name="activity-delete"),
    path(
        "projects/<slug:project>/activities/",
        activities.project_activities,
        name="project-activities",
    ),
]
urlpatterns: list[URLPattern] = []
