"""Routes of the network-health scorecard: a workspace's and a network's scorecard, its
figures over time, and taking a snapshot on demand."""

from django.urls import URLPattern, path  # noqa: F401

workspace_urlpatterns: list[URLPattern] = []
urlpatterns: list[URLPattern] = []
