"""Routes of the web application (namespace "web"). Each area's views live in
phakhi/web/views/<area>.py; add an area's routes here as one group. A workspace's pages go in
``workspace_urlpatterns`` (under /w/<workspace>/), everything else in ``urlpatterns``."""

from django.urls import include, path

from phakhi.web.routes import (
    activities,
    alerts,
    assessments,
    attendance,
    calendar,
    coparticipation,
    design,
    drawing,
    expansion,
    lessons,
    live,
    participation,
    projects,
    scorecard,
    stakeholders,
    surveys,
    worksheets,
)
from phakhi.web.views import (
    accounts,
    actor_forms,
    actor_merge,
    actor_suggest,
    actors,
    directory,
    home,
    import_template,
    networks,
    networks_members,
    people,
    personal_data,
    tokens,
)
from phakhi.web.views import imports as browser_import
from phakhi.web.views import map as network_map

app_name = "web"

# The pages of one workspace, each view guarded by web.access.workspace_view; the names are
# in the "web" namespace like the others (web:home, web:map, …).
workspace_urlpatterns = [
    path("", home.home, name="home"),
    path("analysis/run/", home.analysis_run, name="analysis_run"),
    # people and roles
    path("people/", people.people, name="people"),
    path("people/invite/", people.invite, name="people-invite"),
    path("people/<int:user_id>/", people.member_update, name="people-member"),
    path("people/<int:user_id>/remove/", people.member_delete, name="people-remove"),
    # which extra columns are personal data
    path("personal-data/", personal_data.personal_data, name="personal-data"),
    # directory
    path("actors/", directory.directory, name="directory"),
    path("actors/export/", directory.directory_export, name="directory-export"),
    path("actors/suggest/", actor_suggest.actor_suggest, name="actor-suggest"),
    # actor forms and merge
    path("actors/new/", actor_forms.actor_add, name="actor-add"),
    path("actors/<int:pk>/edit/", actor_forms.actor_edit, name="actor-edit"),
    path("actors/<int:pk>/merge/", actor_merge.actor_merge, name="actor-merge"),
    # actor page
    path("actors/<int:pk>/", actors.actor_page, name="actor"),
    path("actors/<int:pk>/ties/", actors.tie_add, name="actor-tie-add"),
    path(
        "actors/<int:pk>/ties/<int:tie_id>/strength/",
        actors.tie_strength,
        name="actor-tie-strength",
    ),
    path("actors/<int:pk>/ties/<int:tie_id>/end/", actors.tie_finish, name="actor-tie-end"),
    # networks
    path("networks/", networks.network_list, name="networks"),
    path("networks/new/", networks.network_add, name="networks-add"),
    path("networks/<slug:slug>/", networks.network_page, name="network"),
    path("networks/<slug:slug>/edit/", networks.network_edit, name="network-edit"),
    path(
        "networks/<slug:slug>/members/add/",
        networks_members.member_add,
        name="network-member-add",
    ),
    path(
        "networks/<slug:slug>/members/<int:membership_id>/",
        networks_members.member_change,
        name="network-member",
    ),
    path(
        "networks/<slug:slug>/members/<int:membership_id>/end/",
        networks_members.member_end,
        name="network-member-end",
    ),
    # import in the browser
    path("import/", browser_import.import_page, name="import"),
    path("import/<int:job_id>/", browser_import.import_job, name="import-job"),
    path("import/<int:job_id>/sheet/", browser_import.import_sheet, name="import-sheet"),
    path("import/<int:job_id>/check/", browser_import.import_check, name="import-check"),
    path("import/<int:job_id>/apply/", browser_import.import_apply, name="import-apply"),
    path("import/<int:job_id>/progress/", browser_import.import_progress, name="import-progress"),
    path("import/<int:job_id>/errors/", browser_import.import_errors, name="import-errors"),
    path("import/<int:job_id>/delete/", browser_import.import_delete, name="import-delete"),
    path("import/template/<str:name>", import_template.import_template, name="import-template"),
    # network map
    path("map/", network_map.map_page, name="map"),
    path("map/data/", network_map.map_data, name="map-data"),
    path("map/gexf/", network_map.map_gexf, name="map-gexf"),
    path("map/analyze/", network_map.map_analyze, name="map-analyze"),
]

# The workshop kit: projects and their worksheets (phakhi/web/routes/).
WORKSHOP_KIT = (projects, stakeholders, lessons, drawing, expansion, design, live, worksheets)
# Activities and participation: attendance and check-in, co-participation ties, the calendar,
# the dashboards and the self-assessments.
PARTICIPATION = (activities, attendance, coparticipation, calendar, participation, assessments)
# Monitoring network strength: network surveys, the scorecard and risk alerts.
MONITORING = (surveys, scorecard, alerts)
AREAS = WORKSHOP_KIT + PARTICIPATION + MONITORING
for routes in AREAS:
    workspace_urlpatterns += routes.workspace_urlpatterns

urlpatterns = [
    # accounts
    path("accounts/login/", accounts.login_view, name="login"),
    path("accounts/logout/", accounts.logout_view, name="logout"),
    path("accounts/password-reset/", accounts.password_reset, name="password_reset"),
    path("accounts/password-reset/sent/", accounts.password_reset_done, name="password_reset_done"),
    path(
        "accounts/reset/<uidb64>/<token>/",
        accounts.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("accounts/reset/done/", accounts.password_reset_complete, name="password_reset_complete"),
    path("accounts/invite/<str:token>/", accounts.invitation_accept, name="invitation_accept"),
    # tokens
    path("accounts/tokens/", tokens.tokens, name="tokens"),
    path("accounts/tokens/<int:token_id>/revoke/", tokens.token_revoke_view, name="token-revoke"),
    # workspaces
    path("", home.chooser, name="chooser"),
    path("w/<slug:workspace>/", include(workspace_urlpatterns)),
]
for routes in AREAS:
    urlpatterns += routes.urlpatterns
