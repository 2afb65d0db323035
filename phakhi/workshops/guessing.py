"""Guessing join codes is rate-limited by address, as the log-in is (django-axes): after too
many codes that match no open session, an address is refused for a while. A whole room may
share one address (a school's Wi-Fi behind one router), so the limit is generous; a code space
of 21⁶ (85 million) keeps guessing hopeless at that rate all the same.

Addresses are kept only as a keyed hash, and only for the window they count in.
"""

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from phakhi.workshops.models import JoinFailure

FAILURE_LIMIT = 60  # settings.PHAKHI_JOIN_FAILURE_LIMIT
WINDOW = dt.timedelta(minutes=15)  # settings.PHAKHI_JOIN_FAILURE_WINDOW (a timedelta)


def _limit() -> int:
    return int(getattr(settings, "PHAKHI_JOIN_FAILURE_LIMIT", FAILURE_LIMIT))


def window() -> dt.timedelta:
    return getattr(settings, "PHAKHI_JOIN_FAILURE_WINDOW", WINDOW)


def _hashed(address: str | None) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, (address or "unknown").encode(), hashlib.sha256).hexdigest()


def join_refused(address: str | None) -> bool:
    """Whether this address has tried too many wrong codes lately."""
    since = timezone.now() - window()
    failures = JoinFailure.objects.filter(address=_hashed(address), at__gte=since)
    return failures.count() >= _limit()


def join_failed(address: str | None) -> None:
    """Count one wrong code from this address, and forget failures older than the window."""
    now = timezone.now()
    JoinFailure.objects.filter(at__lt=now - window()).delete()
    JoinFailure.objects.create(address=_hashed(address), at=now)
