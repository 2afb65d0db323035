"""The API object: authentication, error shapes and the routers, mounted at /api/v1/."""

from typing import Any

from ninja import NinjaAPI, Swagger
from ninja.renderers import JSONRenderer

from phakhi.api import (
    activities,
    actors,
    analysis,
    assessments,
    attendance,
    errors,
    expansion,
    lessons,
    monitoring,
    networks,
    participation,
    projects,
    stakeholders,
    surveys,
    ties,
    workspaces,
)
from phakhi.api.auth import AUTH

DESCRIPTION = """\
Phakhi's REST API: actors, ties, networks, memberships and analysis results of the workspaces
you have a role in, with the same permissions as the web pages.

Authenticate with an API token (`phakhi token create USERNAME`) sent as
`Authorization: Bearer <token>`, or with a signed-in browser session (writes then need the
`X-CSRFToken` header). Every 4xx answer is `{"detail": …, "errors": [{"field", "message"}]}`;
messages follow `Accept-Language` (`th`, the default, or `en`).
"""


class ReadableJSON(JSONRenderer):
    """UTF-8 as it is: Thai names stay readable in curl and logs instead of \\u0e… escapes."""

    json_dumps_params: dict[str, Any] = {"ensure_ascii": False}


api = NinjaAPI(
    title="Phakhi API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    # Swagger UI's assets come from ninja's static files; no validator badge from the internet.
    docs=Swagger(settings={"validatorUrl": None}),
    auth=AUTH,
    renderer=ReadableJSON(),
)
errors.register(api)
for module in (
    workspaces,
    actors,
    ties,
    networks,
    analysis,
    projects,
    stakeholders,
    lessons,
    expansion,
    activities,
    attendance,
    participation,
    assessments,
    surveys,
    monitoring,
):
    api.add_router("/workspaces", module.router)
