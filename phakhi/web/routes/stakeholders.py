"""Routes of worksheet 1 (stakeholder analysis), under a project: its assessments, each
assessment's three steps and cards, and each stakeholder's page and writes."""

from django.urls import URLPattern, path

from phakhi.web.views import stakeholders as pages
from phakhi.web.views import stakeholders_directory as directory
from phakhi.web.views import stakeholders_edit as edit

PROJECT = "projects/<slug:project>/stakeholders/"
ASSESSMENT = PROJECT + "<int:assessment>/"
STAKEHOLDER = ASSESSMENT + "<int:pk>/"

workspace_urlpatterns: list[URLPattern] = [
    path(PROJECT, pages.assessments, name="project-stakeholders"),
    path(PROJECT + "new/", pages.assessment_add, name="stakeholders-assessment-add"),
    path(ASSESSMENT, pages.step_sectors, name="stakeholders-sectors"),
    path(ASSESSMENT + "groups/", pages.step_groups, name="stakeholders-groups"),
    path(ASSESSMENT + "groups/save/", edit.groups_save, name="stakeholders-groups-save"),
    path(ASSESSMENT + "grid/", pages.step_grid, name="stakeholders-grid"),
    path(ASSESSMENT + "cards/", pages.cards, name="stakeholders-cards"),
    path(ASSESSMENT + "edit/", pages.assessment_edit, name="stakeholders-assessment-edit"),
    path(ASSESSMENT + "delete/", pages.assessment_delete, name="stakeholders-assessment-delete"),
    path(ASSESSMENT + "add/", edit.stakeholder_add_view, name="stakeholder-add"),
    path(STAKEHOLDER, edit.stakeholder_page, name="stakeholder"),
    path(STAKEHOLDER + "edit/", edit.stakeholder_edit, name="stakeholder-edit"),
    path(STAKEHOLDER + "place/", edit.stakeholder_place_view, name="stakeholder-place"),
    path(STAKEHOLDER + "remove/", edit.stakeholder_remove_view, name="stakeholder-remove"),
    path(STAKEHOLDER + "directory/", directory.stakeholder_directory, name="stakeholder-directory"),
]
urlpatterns: list[URLPattern] = []
