"""Routes of the activity calendar: the workspace's and a network's month and list pages, the
download of a page as .ics, the subscribe panel's actions, and the private feed, which lives
outside the workspaces (a calendar program reads it with the token in its address, without
signing in)."""

from django.urls import URLPattern, path

from phakhi.web.views import calendar, calendar_feed

workspace_urlpatterns: list[URLPattern] = [
    path("calendar/", calendar.calendar_page, name="calendar"),
    path("calendar/download.ics", calendar_feed.calendar_download, name="calendar-ics"),
    path("calendar/subscribe/", calendar_feed.calendar_subscribe, name="calendar-subscribe"),
    path(
        "calendar/subscribe/reset/",
        calendar_feed.calendar_subscribe_reset,
        name="calendar-subscribe-reset",
    ),
    path("networks/<slug:slug>/calendar/", calendar.network_calendar, name="network-calendar"),
]
urlpatterns: list[URLPattern] = [
    path("calendar/<str:token>.ics", calendar_feed.calendar_feed, name="calendar-feed"),
]
