"""Routes of the network-health scorecard: the monitoring hub with the workspace's scorecard, a
network's scorecard, a figure over time, and taking a snapshot on demand."""

from django.urls import URLPattern, path

from phakhi.web.views import scorecard, scorecard_trend

workspace_urlpatterns: list[URLPattern] = [
    path("monitoring/", scorecard.monitoring, name="monitoring"),
    path("monitoring/trend/", scorecard_trend.scorecard_trend, name="scorecard-trend"),
    path("monitoring/snapshots/", scorecard.snapshot_take_view, name="snapshot-take"),
    path("networks/<slug:slug>/scorecard/", scorecard.network_scorecard, name="network-scorecard"),
]
urlpatterns: list[URLPattern] = []
