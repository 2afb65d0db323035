"""Routes of the network surveys: a coordinator's pages of a round (list, create, roster and
invitations, printed links, results), and the respondent's pages, which live outside the
workspaces (the private link's token is the key; no account)."""

from django.urls import URLPattern, path  # noqa: F401

workspace_urlpatterns: list[URLPattern] = []
urlpatterns: list[URLPattern] = []
