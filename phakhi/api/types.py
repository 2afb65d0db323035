"""Input types shared by the routes: bounded text and ids, so that no input can reach the
database in a form it refuses (a NUL character, an id beyond 64 bits, an endless string)."""

import datetime as dt
import re
from typing import Annotated, Any

from ninja import Schema
from pydantic import BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from phakhi.core.limits import ATTRIBUTE_NAME_LENGTH, ATTRIBUTE_VALUE_LENGTH, MAX_ATTRIBUTES

MAX_ID = 2**63 - 1
_NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Slug = Annotated[
    str, StringConstraints(min_length=1, max_length=60, pattern=r"^[a-z0-9][a-z0-9-]*$")
]
Text60 = Annotated[str, StringConstraints(max_length=60, pattern=_NO_NUL)]
Text100 = Annotated[str, StringConstraints(max_length=100, pattern=_NO_NUL)]
Text200 = Annotated[str, StringConstraints(max_length=200, pattern=_NO_NUL)]
Text300 = Annotated[str, StringConstraints(max_length=300, pattern=_NO_NUL)]
LongText = Annotated[str, StringConstraints(max_length=20_000, pattern=_NO_NUL)]
# An actor's extra attributes: the limits an import file's columns are held to as well.
AttributeName = Annotated[str, StringConstraints(max_length=ATTRIBUTE_NAME_LENGTH, pattern=_NO_NUL)]
AttributeValue = Annotated[
    str, StringConstraints(max_length=ATTRIBUTE_VALUE_LENGTH, pattern=_NO_NUL)
]
Attributes = Annotated[dict[AttributeName, AttributeValue], Field(max_length=MAX_ATTRIBUTES)]
Strength = Annotated[int, Field(ge=1, le=4)]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value: Any) -> Any:
    """Pydantic would read a number, or a string of digits, as seconds since 1970 (``0`` is
    1 January 1970); the schema says a date is written YYYY-MM-DD, and so does the API."""
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise PydanticCustomError("date_parsing", "Input should be a date written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]


class Input(Schema):
    """A request body: a field the API does not know is an error, never silently dropped."""

    model_config = ConfigDict(extra="forbid")
