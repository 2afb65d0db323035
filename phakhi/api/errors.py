"""Every 4xx answer of the API has one shape, ``{"detail": …, "errors": [{"field", "message"}]}``,
in the request's language; bad input is never a 500."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import pydantic
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import Field

from phakhi.core.audit import jsonable
from phakhi.core.selectors import NotFound
from phakhi.core.versions import EditConflict, UnknownVersion


class FieldError(Schema):
    field: str | None = None
    message: str


class ConflictOut(Schema):
    """A field someone else changed since the version the request named (409)."""

    field: str
    theirs: Any = Field(description="the value stored now")
    yours: Any = Field(description="the value the request asked for")
    by: str = Field(description="who made the change stored now")
    at: dt.datetime | None = Field(description="when they made it")


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] = []
    conflicts: list[ConflictOut] | None = Field(
        None, description="409 only: each field changed by someone else since your version"
    )
    version: int | None = Field(None, description="409 only: the version stored now (its ETag)")


# The refusals every route may answer with (the common error shape), for the OpenAPI schema.
ERROR_RESPONSES: dict[Any, type[ErrorOut]] = {
    frozenset({400, 401, 403, 404, 409, 412, 422}): ErrorOut
}


class ApiError(Exception):
    """Raised by the routes for a refusal the caller can act on (404, 403, 409, 422)."""

    def __init__(self, status: int, detail: str, errors: Iterable[FieldError] = ()) -> None:
        super().__init__(detail)
        self.status, self.detail, self.errors = status, detail, list(errors)


def not_found(detail: str) -> ApiError:
    return ApiError(404, detail)


def forbidden(detail: str) -> ApiError:
    return ApiError(403, detail)


def invalid(errors: Iterable[FieldError]) -> ApiError:
    """422: values sent that do not fit, one entry per field."""
    return ApiError(422, _("Some values are not valid."), errors)


def unknown(message: str, field: str | None = None) -> ApiError:
    """Something named that is not in the workspace: 404 when the path names it, 422 naming
    the field when a value sent does."""
    if field is None:
        return not_found(message)
    return invalid([FieldError(field=field, message=message)])


def _respond(
    api: NinjaAPI, request: HttpRequest, status: int, detail: str, errors: Iterable[FieldError] = ()
) -> HttpResponse:
    body = ErrorOut(detail=detail, errors=list(errors), conflicts=None, version=None).model_dump(
        exclude={"conflicts", "version"}
    )
    return api.create_response(request, body, status=status)


def _conflict_response(api: NinjaAPI, request: HttpRequest, exc: EditConflict) -> HttpResponse:
    conflicts = [
        ConflictOut(
            field=c.field,
            theirs=jsonable(c.theirs),
            yours=jsonable(c.yours),
            by=c.by,
            at=c.at,
        )
        for c in exc.conflicts
    ]
    errors = [
        FieldError(
            field=c.field,
            message=_("%(who)s changed it to “%(theirs)s”; you asked for “%(yours)s”.")
            % {"who": c.by or _("Someone"), "theirs": c.theirs, "yours": c.yours},
        )
        for c in exc.conflicts
    ]
    body = ErrorOut(
        detail=str(exc), errors=errors, conflicts=conflicts, version=exc.version
    ).model_dump(mode="json")
    response = api.create_response(request, body, status=409)
    response["ETag"] = f'"{exc.version}"'
    return response


# --- input that does not match the schema (pydantic), in the request's language ---------------


def _pydantic_message(error: dict[str, Any]) -> str:
    """The message of a pydantic error type through gettext; unknown types keep pydantic's."""
    ctx = error.get("ctx") or {}
    kind = error.get("type", "")
    messages: dict[str, Callable[[], str]] = {
        "missing": lambda: _("This field is required."),
        "string_type": lambda: _("Enter text."),
        "string_too_long": lambda: (
            _("Use at most %(max)s characters.") % {"max": ctx.get("max_length")}
        ),
        "string_too_short": lambda: (
            _("Use at least %(min)s characters.") % {"min": ctx.get("min_length")}
        ),
        "string_pattern_mismatch": lambda: _("This value has characters that are not allowed."),
        "string_unicode": lambda: _("Enter valid Unicode text."),
        "int_type": lambda: _("Enter a whole number."),
        "int_parsing": lambda: _("Enter a whole number."),
        "int_from_float": lambda: _("Enter a whole number."),
        "greater_than_equal": lambda: (
            _("Enter a number of at least %(limit)s.") % {"limit": ctx.get("ge")}
        ),
        "less_than_equal": lambda: (
            _("Enter a number of at most %(limit)s.") % {"limit": ctx.get("le")}
        ),
        "bool_type": lambda: _("Enter true or false."),
        "bool_parsing": lambda: _("Enter true or false."),
        "date_type": lambda: _("Enter a date as YYYY-MM-DD."),
        "date_parsing": lambda: _("Enter a date as YYYY-MM-DD."),
        "date_from_datetime_parsing": lambda: _("Enter a date as YYYY-MM-DD."),
        "date_from_datetime_inexact": lambda: _("Enter a date as YYYY-MM-DD."),
        "list_type": lambda: _("Enter a list."),
        "dict_type": lambda: _("Enter an object."),
        "model_type": lambda: _("Enter an object."),
        "model_attributes_type": lambda: _("Enter an object."),
        "extra_forbidden": lambda: _("This field is not known."),
        "literal_error": lambda: _("Use one of: %(expected)s.") % {"expected": ctx.get("expected")},
        "enum": lambda: _("Use one of: %(expected)s.") % {"expected": ctx.get("expected")},
    }
    make = messages.get(kind)
    return make() if make else str(error.get("msg", kind))


def _field_name(location: Iterable[Any]) -> str | None:
    """``("body", "payload", "tags", 0)`` → ``"tags.0"``; ``("query", "page")`` → ``"page"``."""
    parts = [str(part) for part in location]
    if parts and parts[0] == "body":
        parts = parts[2:]  # the source and the name of the body parameter
    elif parts:
        parts = parts[1:]
    return ".".join(parts) or None


def schema_errors(errors: Iterable[dict[str, Any]]) -> list[FieldError]:
    return [
        FieldError(field=_field_name(error.get("loc", ())), message=_pydantic_message(error))
        for error in errors
    ]


def service_errors(error: DjangoValidationError) -> list[FieldError]:
    """A service's ValidationError: one entry per message, named by its field when it has one."""
    if hasattr(error, "error_dict"):
        return [
            FieldError(field=None if name == "__all__" else name, message=message)
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return [FieldError(message=message) for message in error.messages]


def register(api: NinjaAPI) -> None:
    """Install the handlers that turn every refusal into the common error shape."""

    def handle(exc_class: type[Exception]) -> Callable[[Any], Any]:
        def decorate(handler: Callable[[HttpRequest, Any], HttpResponse]) -> Any:
            api.add_exception_handler(exc_class, handler)
            return handler

        return decorate

    @handle(ApiError)
    def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return _respond(api, request, exc.status, exc.detail, exc.errors)

    @handle(EditConflict)
    def edit_conflict(request: HttpRequest, exc: EditConflict) -> HttpResponse:
        return _conflict_response(api, request, exc)

    @handle(UnknownVersion)
    def unknown_version(request: HttpRequest, exc: UnknownVersion) -> HttpResponse:
        return _respond(api, request, 412, str(exc))

    @handle(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        detail = _("Send an API token (Authorization: Bearer <token>) or log in.")
        response = _respond(api, request, 401, detail)
        response["WWW-Authenticate"] = "Bearer"
        return response

    @handle(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        detail = {
            400: _("The request body is not valid JSON."),
            403: _("The request was refused (for a browser session: the CSRF token is missing)."),
        }.get(exc.status_code, str(exc))
        return _respond(api, request, exc.status_code, detail)

    @handle(NinjaValidationError)
    def invalid_input(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        return api_error(request, invalid(schema_errors(exc.errors)))

    @handle(DjangoValidationError)
    def refused_by_service(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return api_error(request, invalid(service_errors(exc)))

    @handle(ValueError)
    def bad_value(request: HttpRequest, exc: ValueError) -> HttpResponse:
        return _respond(api, request, 400, str(exc) or _("A value is not valid."))

    @handle(pydantic.ValidationError)
    def invalid_response(request: HttpRequest, exc: pydantic.ValidationError) -> HttpResponse:
        # A ValueError, but never the caller's: an answer that does not fit its own schema is
        # a bug in the API and must surface as one (a 500), not hide as a 400.
        raise exc

    @handle(DataError)
    def out_of_range(request: HttpRequest, exc: DataError) -> HttpResponse:
        return _respond(api, request, 422, _("A value is too long or out of range."))

    @handle(IntegrityError)
    def conflict(request: HttpRequest, exc: IntegrityError) -> HttpResponse:
        detail = _("The change conflicts with data saved meanwhile; reload and try again.")
        return _respond(api, request, 409, detail)

    @handle(NotFound)
    def lookup_failed(request: HttpRequest, exc: NotFound) -> HttpResponse:
        return _respond(api, request, 404, str(exc))

    @handle(Http404)
    def page_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return _respond(api, request, 404, _("Not found."))
