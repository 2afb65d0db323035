"""Routes of the live workshop: the facilitator's pages under a project, and the participants'
pages outside any workspace (``join/``), which need no account."""

from django.urls import URLPattern, path

from phakhi.web.views import live, live_join

_SESSION = "projects/<slug:project>/live/<int:session>/"
_CARD = _SESSION + "contributions/<int:contribution>/"

workspace_urlpatterns: list[URLPattern] = [
    path("projects/<slug:project>/live/", live.live_sessions, name="project-live"),
    path("projects/<slug:project>/live/open/", live.live_open, name="project-live-open"),
    path(_SESSION, live.live_session, name="project-live-session"),
    path(_SESSION + "projector/", live.live_projector, name="project-live-projector"),
    path(_SESSION + "board/", live.live_board, name="project-live-board"),
    path(_SESSION + "step/", live.live_step, name="project-live-step"),
    path(_SESSION + "close/", live.live_close, name="project-live-close"),
    path(_SESSION + "accept-all/", live.live_accept_all, name="project-live-accept-all"),
    path(_SESSION + "merge/", live.live_merge, name="project-live-merge"),
    path(_CARD + "accept/", live.live_accept, name="project-live-accept"),
    path(_CARD + "reject/", live.live_reject, name="project-live-reject"),
]
urlpatterns: list[URLPattern] = [
    path("join/", live_join.join, name="join"),
    path("join/<str:code>/", live_join.join_session, name="join-session"),
    path("join/<str:code>/cards/", live_join.join_add, name="join-add"),
    path("join/<str:code>/cards/<int:card>/", live_join.join_card, name="join-card"),
    path("join/<str:code>/state/", live_join.join_state, name="join-state"),
]
