"""Who is calling: an API token (``Authorization: Bearer <token>``) or, for the browser and the
interactive docs, the signed-in session, which must carry the CSRF token on writes."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from phakhi.accounts.services import token_authenticate
from phakhi.api.errors import forbidden
from phakhi.core.audit import Author


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return token_authenticate(token.strip())


class BrowserSession(APIKeyCookie):
    """The Django session. Unlike ninja's own SessionAuth it checks CSRF only for a signed-in
    user, so a request with no credentials at all is answered 401, not 403."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise forbidden(
                _("The CSRF token is missing or wrong: send the X-CSRFToken header with writes.")
            )
        return user


def request_user(request: HttpRequest) -> Any:
    """The user the request was authenticated as (set by ninja as ``request.auth``)."""
    return request.auth  # type: ignore[attr-defined]


def request_author(request: HttpRequest) -> Author:
    user = request_user(request)
    return Author(f"api:{user.get_username()}", user.pk)


AUTH = [BearerToken(), BrowserSession()]
