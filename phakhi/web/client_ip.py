"""The address a request comes from, for the log-in lock-out (settings.AXES_CLIENT_IP_CALLABLE)."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR; behind the HTTPS proxy (PHAKHI_BEHIND_HTTPS_PROXY), the address the proxy
    adds last to X-Forwarded-For — the entries before it are whatever the client sent."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR")
