"""Routes of the risk alerts: the list, one alert with its rule and figures, dismissing with a
reason, and the workspace's thresholds."""

from django.urls import URLPattern, path  # noqa: F401

workspace_urlpatterns: list[URLPattern] = []
urlpatterns: list[URLPattern] = []
