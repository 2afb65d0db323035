"""Versions on the wire: an object's version is its ETag, and a change sent with ``If-Match``
is checked against the version named there (``phakhi.core.versions``)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Header

from phakhi.api.errors import ApiError, FieldError

_TAG = re.compile(r'^\s*(?:W/)?"?(\d{1,9})"?\s*$')

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description='the ETag (version) you read, e.g. "3": a field someone else changed since '
        "is refused with 409 instead of being overwritten; fields nobody else changed merge",
    ),
]


def etag(version: int) -> str:
    return f'"{version}"'


def with_etag(response: HttpResponse, obj: Any) -> None:
    response["ETag"] = etag(obj.version)


def expected_version(if_match: str | None) -> int | None:
    """The version an ``If-Match`` header names; None for no header or ``*``."""
    if if_match is None or if_match.strip() in ("", "*"):
        return None
    first = if_match.split(",")[0]
    found = _TAG.match(first)
    if found is None:
        raise ApiError(
            400,
            _('If-Match must be an ETag this API gave, such as "3".'),
            [
                FieldError(
                    field="If-Match", message=_("Not a version: %(value)s") % {"value": first}
                )
            ],
        )
    return int(found.group(1))
