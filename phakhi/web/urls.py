"""Routes of the web application (namespace "web"). Each area's views live in
phakhi/web/views/<area>.py; add an area's routes here as one group."""

from django.urls import path

from phakhi.web.views import accounts, actors, directory, home, people
from phakhi.web.views import map as network_map

app_name = "web"

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
    # workspaces
    path("", home.chooser, name="chooser"),
    path("w/<slug:workspace>/", home.home, name="home"),
    path("w/<slug:workspace>/analysis/run/", home.analysis_run, name="analysis_run"),
    # people and roles
    path("w/<slug:workspace>/people/", people.people, name="people"),
    path("w/<slug:workspace>/people/invite/", people.invite, name="people-invite"),
    path("w/<slug:workspace>/people/<int:user_id>/", people.member_update, name="people-member"),
    path(
        "w/<slug:workspace>/people/<int:user_id>/remove/",
        people.member_delete,
        name="people-remove",
    ),
    # directory
    path("w/<slug:workspace>/actors/", directory.directory, name="directory"),
    path("w/<slug:workspace>/actors/export/", directory.directory_export, name="directory-export"),
    # actor page
    path("w/<slug:workspace>/actors/<int:pk>/", actors.actor_page, name="actor"),
    path("w/<slug:workspace>/actors/<int:pk>/ties/", actors.tie_add, name="actor-tie-add"),
    path(
        "w/<slug:workspace>/actors/<int:pk>/ties/<int:tie_id>/strength/",
        actors.tie_strength,
        name="actor-tie-strength",
    ),
    path(
        "w/<slug:workspace>/actors/<int:pk>/ties/<int:tie_id>/end/",
        actors.tie_finish,
        name="actor-tie-end",
    ),
    # network map
    path("w/<slug:workspace>/map/", network_map.map_page, name="map"),
    path("w/<slug:workspace>/map/data/", network_map.map_data, name="map-data"),
    path("w/<slug:workspace>/map/gexf/", network_map.map_gexf, name="map-gexf"),
    path("w/<slug:workspace>/map/analyze/", network_map.map_analyze, name="map-analyze"),
]
