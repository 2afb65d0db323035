"""Routes of the co-participation rule's page: the limit, the ties it made, a rebuild."""

from django.urls import URLPattern, path

from phakhi.web.views import coparticipation

workspace_urlpatterns: list[URLPattern] = [
    path("coparticipation/", coparticipation.rule_page, name="coparticipation"),
    path("coparticipation/limit/", coparticipation.limit_change, name="coparticipation-limit"),
    path("coparticipation/rebuild/", coparticipation.rebuild, name="coparticipation-rebuild"),
]
urlpatterns: list[URLPattern] = []
