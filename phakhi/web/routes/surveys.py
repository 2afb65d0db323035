"""Routes of the network surveys: a coordinator's pages of a round (list, create, roster and
invitations, printed links, results), and the respondent's pages, which live outside the
workspaces (the private link's token is the key; no account)."""

from django.urls import URLPattern, path

from phakhi.web.views import (
    survey_respond,
    survey_respond_items,
    survey_respond_partners,
    surveys,
    surveys_invite,
    surveys_results,
    surveys_round,
)

ONE = "surveys/<slug:slug>/"

workspace_urlpatterns: list[URLPattern] = [
    path("surveys/", surveys.survey_list, name="surveys"),
    path("surveys/new/", surveys.survey_add, name="survey-add"),
    path(ONE, surveys_round.survey_page, name="survey"),
    path(f"{ONE}edit/", surveys.survey_edit, name="survey-edit"),
    path(f"{ONE}delete/", surveys.survey_delete_view, name="survey-delete"),
    path(f"{ONE}open/", surveys_round.survey_open_view, name="survey-open"),
    path(f"{ONE}close/", surveys_round.survey_close_view, name="survey-close"),
    path(f"{ONE}roster/", surveys_round.survey_roster_view, name="survey-roster"),
    path(f"{ONE}links/<int:respondent>/", surveys_round.survey_link, name="survey-link"),
    path(f"{ONE}invite/", surveys_invite.survey_invite, name="survey-invite"),
    path(f"{ONE}links.pdf", surveys_invite.survey_print, name="survey-print"),
    path(f"{ONE}results/", surveys_results.survey_results_page, name="survey-results"),
]
# The respondent's pages, outside any workspace: the private link's token is the key.
_LINK = "s/<str:token>/"
urlpatterns: list[URLPattern] = [
    path(_LINK, survey_respond.notice, name="survey-respond"),
    path(_LINK + "agree/", survey_respond.consent, name="survey-respond-consent"),
    path(_LINK + "no/", survey_respond.decline, name="survey-respond-decline"),
    path(_LINK + "partners/", survey_respond_partners.partners, name="survey-respond-partners"),
    path(_LINK + "about/", survey_respond_partners.about, name="survey-respond-about"),
    path(_LINK + "send/", survey_respond_items.items, name="survey-respond-items"),
    path(_LINK + "thanks/", survey_respond.done, name="survey-respond-done"),
    path(_LINK + "withdraw/", survey_respond.withdraw, name="survey-respond-withdraw"),
]
