"""Routes of the risk alerts: the list, one alert with its rule and figures, dismissing with a
reason (and taking it back), checking the rules now, and the workspace's thresholds."""

from django.urls import URLPattern, path

from phakhi.web.views import alerts

ONE = "alerts/<int:alert>/"

workspace_urlpatterns: list[URLPattern] = [
    path("alerts/", alerts.alert_list, name="alerts"),
    path("alerts/check/", alerts.alerts_check_view, name="alerts-check"),
    path("alerts/settings/", alerts.alert_settings, name="alert-settings"),
    path(ONE, alerts.alert_page, name="alert"),
    path(f"{ONE}dismiss/", alerts.alert_dismiss_view, name="alert-dismiss"),
    path(f"{ONE}reopen/", alerts.alert_reopen_view, name="alert-reopen"),
]
urlpatterns: list[URLPattern] = []
