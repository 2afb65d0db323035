"""The permission matrix: every role against every page and every API operation.

Each route names what it needs; ``ALLOWED`` says, in one table, which roles have it. Besides the
four roles there is a coordinator limited to a network the test's actor is not in, an anonymous
visitor and the admin of another workspace. A route missing from the tables fails
``test_every_route_is_in_the_matrix``, so a new page cannot skip its permission check unnoticed.
The limited coordinator against the actors in and around their network (theirs alone, shared,
left, created by them, created by others) is in ``test_permission_matrix_limited.py``.
"""

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from phakhi.analysis.services import analysis_request
from phakhi.api.main import api
from phakhi.imports import jobs, uploads
from phakhi.networks.services import network_create
from tests import matrix
from tests.accounts_support import AUTHOR, client_for, user_with_role
from tests.api_support import API, token_client
from tests.matrix_support import Operation, Route

EVERYONE = {"admin", "coordinator", "limited", "member", "viewer"}
EDITORS = {"admin", "coordinator", "limited"}
ALLOWED: dict[str, set[str]] = {
    "view": EVERYONE,
    "edit": EDITORS,  # workspace-wide edits: new actors, imports
    "import": {"admin", "coordinator"},  # an import may change any actor of the workspace
    "analyze": EDITORS,
    "edit_actor": {"admin", "coordinator"},  # the actor is in none of the limited one's networks
    "merge": {"admin", "coordinator"},  # deletes an actor from every network: never limited
    "edit_network": {"admin", "coordinator"},  # likewise the network
    "create_network": {"admin", "coordinator"},  # a limited coordinator keeps to their networks
    "manage_users": {"admin"},
}
for _area in matrix.AREAS:
    ALLOWED |= _area.ALLOWED
SEE_CONTACTS = {"admin", "coordinator", "limited", "member"}
ROLES = (*sorted(EVERYONE), "anonymous", "stranger")


def _actor(c: dict[str, Any]) -> dict[str, Any]:
    return {"pk": c["person"].pk}


def _tie(c: dict[str, Any]) -> dict[str, Any]:
    return {"pk": c["person"].pk, "tie_id": c["tie"].pk}


def _bystander(c: dict[str, Any]) -> dict[str, Any]:
    return {"user_id": c["bystander"].pk}


def _membership(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": "health", "membership_id": c["membership"].pk}


def _health(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": "health"}


def _job(c: dict[str, Any]) -> dict[str, Any]:
    """An import job checked with one rejected row, so every import page has something."""
    if "job" not in c:
        rows = "key,name,email\nA1,สมหญิง,\nA2,สมปอง,not-an-email\n".encode()
        upload = SimpleUploadedFile("actors.csv", rows)
        job = uploads.job_upload(AUTHOR, c["workspace"], what="actors", upload=upload)
        c["job"] = jobs.job_check(AUTHOR, job)
    return {"job_id": c["job"].pk}


WEB = [
    Route("home", "get", "view"),
    Route("analysis_run", "post", "analyze"),
    Route("people", "get", "manage_users"),
    Route("people-invite", "post", "manage_users",
          data=lambda c: {"invite-email": "new@example.org", "invite-role": "viewer"}),
    Route("people-member", "post", "manage_users", _bystander,
          lambda c: {f"m{c['bystander'].pk}-role": "viewer"}),
    Route("people-remove", "post", "manage_users", _bystander),
    Route("personal-data", "get", "manage_users"),
    Route("personal-data", "post", "manage_users",
          data=lambda c: {"added": "โรคประจำตัว", "not_personal": "ที่อยู่เว็บไซต์"}),
    Route("directory", "get", "view", contacts=True),
    Route("directory-export", "get", "view", contacts=True, extra={"format": "csv"}),
    Route("actor", "get", "view", _actor, contacts=True),
    Route("actor-tie-add", "post", "edit_actor", _actor,
          lambda c: {"other": c["third"].key, "strength": "2"}),
    Route("actor-tie-strength", "post", "edit_actor", _tie, lambda c: {"strength": "4"}),
    Route("actor-tie-end", "post", "edit_actor", _tie, lambda c: {"until": "2025-01-31"}),
    Route("actor-add", "get", "edit"),
    Route("actor-suggest", "get", "edit", extra={"q": "สม"}),
    Route("actor-add", "post", "edit", data=lambda c: {
        "kind": "person", "name": "ภาคีใหม่", "key": f"new-{c['role']}",
        **({"networks": [c["youth"].pk]} if c["role"] == "limited" else {})}),
    Route("actor-edit", "get", "edit_actor", _actor),
    Route("actor-edit", "post", "edit_actor", _actor,
          lambda c: {"kind": "person", "name": "นายสมชาย ใจดี", "subsector": "อสม."}),
    Route("actor-merge", "get", "merge", _actor),
    Route("actor-merge", "post", "merge", _actor, lambda c: {"other": c["third"].pk}),
    Route("map", "get", "view"),
    Route("map-data", "get", "view"),
    Route("map-gexf", "get", "view"),
    Route("map-analyze", "post", "analyze"),
    Route("networks", "get", "view"),
    Route("networks-add", "post", "create_network",
          data=lambda c: {"name": f"Network {c['role']}", "kind": "other"}),
    Route("network", "get", "view", _health),
    Route("network-edit", "post", "edit_network", _health,
          lambda c: {"name": "สุขภาพ", "kind": "issue"}),
    Route("network-member-add", "post", "edit_network", _health,
          lambda c: {"actor": c["third"].key, "role": "ally"}),
    Route("network-member", "post", "edit_network", _membership, lambda c: {"role": "mentor"}),
    Route("network-member-end", "post", "edit_network", _membership,
          lambda c: {"until": "2025-01-31"}),
    Route("import", "get", "import"),
    Route("import", "post", "import",
          data=lambda c: {"what": "ties", "file": SimpleUploadedFile("t.csv", b"from,to\n")}),
    Route("import-job", "get", "import", _job),
    Route("import-sheet", "post", "import", _job, lambda c: {"sheet": "x"}),
    Route("import-check", "post", "import", _job),
    Route("import-apply", "post", "import", _job),
    Route("import-progress", "get", "import", _job),
    Route("import-errors", "get", "import", _job),
    Route("import-delete", "post", "import", _job),
    Route("import-template", "get", "import", lambda c: {"name": "phakhi-actors.csv"}),
]  # fmt: skip
WEB += [route for area in matrix.AREAS for route in area.WEB]
# Pages outside a workspace: the log-in and reset pages, and the workspace chooser.
OUTSIDE_WORKSPACES = {
    "login", "logout", "password_reset", "password_reset_done", "password_reset_confirm",
    "password_reset_complete", "invitation_accept", "chooser",
    "tokens", "token-revoke",  # a user's own API tokens (tests/test_tokens_page.py)
}  # fmt: skip
OUTSIDE_WORKSPACES |= {name for area in matrix.AREAS for name in area.OUTSIDE_WORKSPACES}


def _names(patterns: list[Any], prefix: str = "") -> dict[str, str]:
    """Route name → its route, through nested includes."""
    names: dict[str, str] = {}
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            names |= _names(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and entry.name:
            names[entry.name] = route
    return names


def _web_routes() -> dict[str, str]:
    web = next(
        entry
        for entry in get_resolver().url_patterns
        if isinstance(entry, URLResolver) and entry.namespace == "web"
    )
    return _names(web.url_patterns)


def _web_names() -> set[str]:
    return set(_web_routes())


def _body_actor(c: dict[str, Any]) -> dict[str, Any]:
    # A coordinator limited to some networks adds an actor into one of them.
    network = {"network": "youth"} if c["role"] == "limited" else {}
    return {"key": f"new-{c['role']}", "name": "ภาคีใหม่", **network}


OPERATIONS = [
    Operation("get", "/workspaces/{slug}/personal-attributes", "view"),
    Operation("put", "/workspaces/{slug}/personal-attributes", "manage_users",
              lambda c: {"added": ["โรคประจำตัว"]}),
    Operation("get", "/workspaces/{slug}/actors", "view", contacts=True),
    Operation("post", "/workspaces/{slug}/actors", "edit", _body_actor),
    Operation("get", "/workspaces/{slug}/actors/{actor_id}", "view", contacts=True),
    Operation("patch", "/workspaces/{slug}/actors/{actor_id}", "edit_actor",
              lambda c: {"subsector": "อสม."}),
    Operation("post", "/workspaces/{slug}/actors/{actor_id}/merge", "merge",
              lambda c: {"merged": c["third"].pk}),
    Operation("get", "/workspaces/{slug}/ties", "view"),
    Operation("post", "/workspaces/{slug}/ties", "edit_actor",
              lambda c: {"source": c["person"].pk, "target": c["third"].pk}),
    Operation("get", "/workspaces/{slug}/ties/{tie_id}", "view"),
    Operation("patch", "/workspaces/{slug}/ties/{tie_id}", "edit_actor", lambda c: {"strength": 4}),
    Operation("post", "/workspaces/{slug}/ties/{tie_id}/end", "edit_actor",
              lambda c: {"until": "2025-01-31"}),
    Operation("get", "/workspaces/{slug}/networks", "view"),
    Operation("post", "/workspaces/{slug}/networks", "create_network",
              lambda c: {"slug": f"n-{c['role']}", "name": "เครือข่ายใหม่"}),
    Operation("get", "/workspaces/{slug}/networks/{network}", "view"),
    Operation("patch", "/workspaces/{slug}/networks/{network}", "edit_network",
              lambda c: {"vision": "ชุมชนเข้มแข็ง"}),
    Operation("get", "/workspaces/{slug}/networks/{network}/memberships", "view"),
    Operation("post", "/workspaces/{slug}/networks/{network}/memberships", "edit_network",
              lambda c: {"actor": c["third"].pk, "role": "member"}),
    Operation("post", "/workspaces/{slug}/networks/{network}/memberships/{actor_id}/end",
              "edit_network", lambda c: {"until": "2025-01-31"}),
    Operation("get", "/workspaces/{slug}/analysis/runs", "view"),
    Operation("get", "/workspaces/{slug}/analysis/runs/latest", "view"),
    Operation("get", "/workspaces/{slug}/analysis/runs/{run_id}", "view"),
    Operation("get", "/workspaces/{slug}/analysis/runs/{run_id}/actors", "view"),
]  # fmt: skip
OPERATIONS += [operation for area in matrix.AREAS for operation in area.OPERATIONS]
NOT_WORKSPACE_OPERATIONS = {("get", "/workspaces")}  # the caller's own list of workspaces


@pytest.fixture
def context(
    data: dict[str, Any], other_workspace: Any, author: Any, settings: Any, tmp_path: Any
) -> dict[str, Any]:
    settings.DATA_DIR = tmp_path  # uploads of the import pages
    workspace = data["workspace"]
    youth = network_create(author, workspace, slug="youth", name="เครือข่ายเยาวชน")
    return {
        **data,
        "youth": youth,
        "bystander": user_with_role(workspace, "member", "bystander"),
        "other_workspace": other_workspace,
    }


def _user(context: dict[str, Any], role: str) -> Any:
    workspace = context["workspace"]
    if role == "anonymous":
        return None
    if role == "stranger":
        return user_with_role(context["other_workspace"], "admin", "stranger")
    if role == "limited":
        return user_with_role(workspace, "coordinator", "limited", networks=(context["youth"],))
    return user_with_role(workspace, role)


_FULL_PHONE = re.compile(r"\+?6?6?0?81[-\s]?234[-\s]?5678")
_MASKED_PHONE = "081-xxx-x678"


def _body(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig", "replace")
    return response.content.decode("utf-8", "replace")


def _check(response: Any, role: str, needs: str, contacts: bool, *, api_call: bool) -> None:
    status = response.status_code
    assert status < 500, response.content[:500]
    if role == "anonymous":
        if api_call:
            assert status == 401
        else:
            assert status == 302 and response["Location"].startswith(reverse("web:login"))
    elif role == "stranger":
        assert status == 404  # another workspace answers as if it did not exist
    elif role in ALLOWED[needs]:
        assert status not in (401, 403, 404), (status, _body(response)[:500])
        if contacts and status == 200:
            text = _body(response)
            if role in SEE_CONTACTS:
                assert _FULL_PHONE.search(text), text[:500]
            else:
                assert not _FULL_PHONE.search(text) and _MASKED_PHONE in text
    else:
        assert status == 403, (status, _body(response)[:300])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", WEB, ids=lambda r: f"{r.method} {r.name}")
def test_role_by_page(context: dict[str, Any], route: Route, role: str, mailoutbox: Any) -> None:
    context["role"] = role
    user = _user(context, role)
    client = client_for(user) if user else Client()
    url = reverse(f"web:{route.name}", kwargs={"workspace": "khon-kaen", **route.kwargs(context)})
    if route.method == "get":
        response = client.get(url, route.extra)
    else:
        response = client.post(url, route.data(context))
    _check(response, role, route.needs, route.contacts, api_call=False)


def _api_path(operation: Operation, context: dict[str, Any]) -> str:
    values = {
        "slug": "khon-kaen",
        "actor_id": context["person"].pk,
        "tie_id": context["tie"].pk,
        "network": "health" if operation.needs != "edit_network" else context["network"].slug,
        "run_id": context.get("run_id", 0),
        **operation.params(context),
    }
    return API + operation.path.format(**values)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda o: f"{o.method} {o.path}")
def test_role_by_api_operation(
    context: dict[str, Any], operation: Operation, role: str, author: Any
) -> None:
    context["role"] = role
    if "/analysis/runs/" in operation.path:
        context["run_id"] = analysis_request(author, context["workspace"], background=False).pk
    user = _user(context, role)
    client = token_client(user) if user else Client()
    path = _api_path(operation, context)
    call = getattr(client, operation.method)
    if operation.method == "get":
        response = call(path)
    else:
        response = call(path, data=operation.body(context), content_type="application/json")
    _check(response, role, operation.needs, operation.contacts, api_call=True)


def test_every_route_is_in_the_matrix() -> None:
    web = {route.name for route in WEB}
    assert _web_names() - OUTSIDE_WORKSPACES == web, "add the new page to WEB with its permission"
    from phakhi.web import urls

    # Every workspace page is in the one include under w/<workspace>/, none outside it.
    inside = set(_names(urls.workspace_urlpatterns))
    assert inside == web
    assert all(_web_routes()[name].startswith("w/<slug:workspace>/") for name in web)
    assert [str(p.pattern) for p in urls.urlpatterns if str(p.pattern).startswith("w/")] == [
        "w/<slug:workspace>/"
    ]
    schema = api.get_openapi_schema()
    operations = {
        (method, path.removeprefix(API))
        for path, methods in schema["paths"].items()
        for method in methods
    }
    listed = {(o.method, o.path) for o in OPERATIONS}
    assert operations - NOT_WORKSPACE_OPERATIONS == listed, "add the operation to OPERATIONS"
