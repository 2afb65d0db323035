"""The permission matrix's route and operation records, shared by the matrix and the areas that
list their own routes in ``tests/matrix/`` (one module an area of the workshop kit)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Kwargs = Callable[[dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class Route:
    name: str
    method: str
    needs: str
    kwargs: Kwargs = lambda c: {}
    data: Kwargs = lambda c: {}
    contacts: bool = False  # the response lists the test person's phone number
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Operation:
    method: str
    path: str  # as in the OpenAPI schema, with {slug} and the other parameters
    needs: str
    body: Kwargs = lambda c: {}
    contacts: bool = False
    # values for the path's own parameters, beyond {slug} and the matrix's standard ones
    params: Kwargs = lambda c: {}
