"""Every output of an actor × every role: a viewer never finds the actor's phone, e-mail, LINE
ID, address, personal columns or their old values in the history; the other roles find all that
the output carries.

Each output is fetched as a user would (a page, an htmx partial, a download, an API call, the
command line) and read back with the library of its format (openpyxl, networkx, csv, json) as
well as searched as raw text. A page, API operation or export format missing from the tables
below fails ``test_every_output_is_in_the_matrix``.
"""

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import openpyxl
import pytest
from django.urls import reverse

from phakhi import cli
from phakhi.api.main import api
from phakhi.exports.writers import FORMATS
from tests.accounts_support import client_for, user_with_role
from tests.api_support import API, token_client
from tests.personal.conftest import MARKERS, PUBLIC_MARKERS
from tests.test_permission_matrix import NOT_WORKSPACE_OPERATIONS, OUTSIDE_WORKSPACES, _web_names

ROLES = ("admin", "coordinator", "member", "viewer")
OPENS = {
    "view": set(ROLES),
    "edit": {"admin", "coordinator"},
    "import": {"admin", "coordinator"},
    "manage_users": {"admin"},
}
CONTACTS = frozenset({"phone", "email", "line_id", "address"})
COLUMNS = frozenset({"address", "personal", "public"})  # the extra columns, address among them
EVERYTHING = CONTACTS | COLUMNS
HISTORY = frozenset({"old"})
MASK = "•••••"

Ctx = dict[str, Any]


@dataclass(frozen=True)
class Output:
    """``carries``: the groups of MARKERS (and "public") in it for a role that sees contacts."""

    name: str
    needs: str
    carries: frozenset[str]
    read: Callable[[Ctx, str], tuple[int, str]]  # (status, text found in it)

    @property
    def covers(self) -> Any:
        """The route name, or the API operation as (method, path), that it fetches."""
        return getattr(self.read, "covers", None)


# --- reading each kind of output --------------------------------------------------------------


def _xlsx_text(body: bytes) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    return "\n".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def _graph_text(graph: nx.Graph) -> str:
    values = [str(v) for _, data in graph.nodes(data=True) for v in data.values()]
    values += [str(v) for *_, data in graph.edges(data=True) for v in data.values()]
    return "\n".join([*map(str, graph.nodes), *values])


def _csv_text(text: str) -> str:
    return "\n".join(cell for row in csv.reader(io.StringIO(text)) for cell in row)


def _json_text(text: str) -> str:
    return json.dumps(json.loads(text), ensure_ascii=False)


def _read(body: bytes, kind: str) -> str:
    """What the format's library reads back, after the raw text (where the format is text)."""
    if kind == "xlsx":
        return _xlsx_text(body)
    text = body.decode("utf-8-sig")
    parsed = {
        "html": lambda: "",
        "csv": lambda: _csv_text(text),
        "json": lambda: _json_text(text),
        "gexf": lambda: _graph_text(nx.read_gexf(io.BytesIO(body))),
        "graphml": lambda: _graph_text(nx.read_graphml(io.BytesIO(body))),
    }[kind]()
    return f"{text}\n{parsed}"


def _user(ctx: Ctx, role: str) -> Any:
    return user_with_role(ctx["workspace"], role)


def page(
    route: str,
    kwargs: Callable[[Ctx], dict[str, Any]] = lambda c: {},
    query: Callable[[Ctx], dict[str, Any]] = lambda c: {},
    kind: str = "html",
    **headers: str,
) -> Callable[[Ctx, str], tuple[int, str]]:
    def read(ctx: Ctx, role: str) -> tuple[int, str]:
        url = reverse(f"web:{route}", kwargs={"workspace": "khon-kaen", **kwargs(ctx)})
        response = client_for(_user(ctx, role)).get(url, query(ctx), **headers)
        if getattr(response, "streaming", False):
            body = b"".join(response.streaming_content)
        else:
            body = response.content
        return response.status_code, _read(body, kind if response.status_code == 200 else "html")

    read.covers = route  # type: ignore[attr-defined]
    return read


def call(
    method: str, path: str, body: Callable[[Ctx], dict[str, Any]] | None = None
) -> Callable[[Ctx, str], tuple[int, str]]:
    def read(ctx: Ctx, role: str) -> tuple[int, str]:
        client = token_client(_user(ctx, role))
        url = API + path.format(
            slug="khon-kaen",
            actor_id=ctx["person"].pk,
            tie_id=ctx["tie"].pk,
            network="health",
            run_id=ctx.get("run_id", 0),
        )
        if body is None:
            response = getattr(client, method)(url)
        else:
            data = json.dumps(body(ctx))
            response = getattr(client, method)(url, data, content_type="application/json")
        return response.status_code, _read(response.content, "json")

    read.covers = (method, path)  # type: ignore[attr-defined]
    return read


def _actor(c: Ctx) -> dict[str, Any]:
    return {"pk": c["person"].pk}


def _health(c: Ctx) -> dict[str, Any]:
    return {"slug": "health"}


def _job(c: Ctx) -> dict[str, Any]:
    from phakhi.imports import jobs, uploads
    from tests.accounts_support import AUTHOR

    if "job" not in c:
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile("actors.csv", "key,name,email\nA1,สมหญิง,x\n".encode())
        job = uploads.job_upload(AUTHOR, c["workspace"], what="actors", upload=upload)
        c["job"] = jobs.job_check(AUTHOR, job)
    return {"job_id": c["job"].pk}


WEB_OUTPUTS = [
    Output("home", "view", frozenset(), page("home")),
    Output("directory", "view", frozenset({"phone", "email"}), page("directory")),
    Output("directory (htmx partial)", "view", frozenset({"phone", "email"}),
           page("directory", HTTP_HX_REQUEST="true")),
    Output("directory-export csv", "view", EVERYTHING,
           page("directory-export", query=lambda c: {"format": "csv"}, kind="csv")),
    Output("directory-export xlsx", "view", EVERYTHING,
           page("directory-export", query=lambda c: {"format": "xlsx"}, kind="xlsx")),
    Output("actor", "view", CONTACTS | HISTORY | {"personal", "public"}, page("actor", _actor)),
    Output("actor-edit", "edit", CONTACTS - {"address"}, page("actor-edit", _actor)),
    Output("actor-merge", "edit", frozenset({"phone", "email", "line_id"}),
           page("actor-merge", _actor, lambda c: {"other": c["other"].pk})),
    Output("actor-add", "edit", frozenset(), page("actor-add")),
    Output("actor-suggest", "edit", frozenset(),
           page("actor-suggest", query=lambda c: {"q": "ลับ"}, kind="json")),
    Output("map", "view", frozenset(), page("map")),
    Output("map-data", "view", frozenset(), page("map-data", kind="json")),
    Output("map-gexf", "view", COLUMNS, page("map-gexf", kind="gexf")),
    Output("map-gexf (ego)", "view", COLUMNS,
           page("map-gexf", query=lambda c: {"ego": "P-SECRET"}, kind="gexf")),
    Output("networks", "view", frozenset(), page("networks")),
    Output("network", "view", frozenset(), page("network", _health)),
    Output("people", "manage_users", frozenset(), page("people")),
    Output("personal-data", "manage_users", frozenset(), page("personal-data")),
    Output("import", "import", frozenset(), page("import")),
    Output("import-job", "import", frozenset(), page("import-job", _job)),
    Output("import-progress", "import", frozenset(), page("import-progress", _job)),
    Output("import-errors", "import", frozenset(), page("import-errors", _job, kind="csv")),
    Output("import-template", "import", frozenset(),
           page("import-template", lambda c: {"name": "phakhi-actors.csv"}, kind="csv")),
]  # fmt: skip
# Routes that only change something and redirect (their refusals re-show a page above).
WEB_ACTIONS = {
    "analysis_run", "people-invite", "people-member", "people-remove", "actor-tie-add",
    "actor-tie-strength", "actor-tie-end", "networks-add", "network-edit",
    "network-member-add", "network-member", "network-member-end", "import-sheet",
    "import-check", "import-apply", "import-delete", "map-analyze",
}  # fmt: skip

API_COLUMNS = EVERYTHING
API_OUTPUTS = [
    Output("get actors", "view", API_COLUMNS, call("get", "/workspaces/{slug}/actors")),
    Output("get actor", "view", API_COLUMNS,
           call("get", "/workspaces/{slug}/actors/{actor_id}")),
    Output("patch actor", "edit", API_COLUMNS,
           call("patch", "/workspaces/{slug}/actors/{actor_id}", lambda c: {"subsector": "อสม."})),
    Output("post actor", "edit", frozenset(),
           call("post", "/workspaces/{slug}/actors", lambda c: {"key": "N1", "name": "ใหม่"})),
    Output("merge actor", "edit", API_COLUMNS,
           call("post", "/workspaces/{slug}/actors/{actor_id}/merge",
                lambda c: {"merged": c["other"].pk})),
    Output("get ties", "view", frozenset(), call("get", "/workspaces/{slug}/ties")),
    Output("get tie", "view", frozenset(), call("get", "/workspaces/{slug}/ties/{tie_id}")),
    Output("get networks", "view", frozenset(), call("get", "/workspaces/{slug}/networks")),
    Output("get network", "view", frozenset(),
           call("get", "/workspaces/{slug}/networks/{network}")),
    Output("get memberships", "view", frozenset(),
           call("get", "/workspaces/{slug}/networks/{network}/memberships")),
    Output("get runs", "view", frozenset(), call("get", "/workspaces/{slug}/analysis/runs")),
    Output("get latest run", "view", frozenset(),
           call("get", "/workspaces/{slug}/analysis/runs/latest")),
    Output("get run", "view", frozenset(),
           call("get", "/workspaces/{slug}/analysis/runs/{run_id}")),
    Output("get run actors", "view", frozenset(),
           call("get", "/workspaces/{slug}/analysis/runs/{run_id}/actors")),
    Output("get personal attributes", "view", frozenset(),
           call("get", "/workspaces/{slug}/personal-attributes")),
]  # fmt: skip
# Operations that answer with no actor (a tie, a network, a membership, a setting).
API_ACTIONS = {
    ("post", "/workspaces/{slug}/ties"),
    ("patch", "/workspaces/{slug}/ties/{tie_id}"),
    ("post", "/workspaces/{slug}/ties/{tie_id}/end"),
    ("post", "/workspaces/{slug}/networks"),
    ("patch", "/workspaces/{slug}/networks/{network}"),
    ("post", "/workspaces/{slug}/networks/{network}/memberships"),
    ("post", "/workspaces/{slug}/networks/{network}/memberships/{actor_id}/end"),
    ("put", "/workspaces/{slug}/personal-attributes"),
}

# phakhi export: graph files carry the extra columns, never the contact columns.
EXPORT_CARRIES = {
    "csv": EVERYTHING,
    "xlsx": EVERYTHING,
    "json": EVERYTHING,
    "gexf": COLUMNS,
    "graphml": COLUMNS,
}


def _hidden(role: str) -> bool:
    return role == "viewer"


def _assert_shown_as_the_role_may(text: str, role: str, carries: frozenset[str]) -> None:
    for group, markers in MARKERS.items():
        for marker in markers:
            if _hidden(role) or group not in carries:
                assert marker not in text, (role, group, marker)
            else:
                assert marker in text, (role, group, marker)
    for marker in PUBLIC_MARKERS:
        assert (marker in text) == ("public" in carries), (role, marker)
    if _hidden(role) and carries & (CONTACTS | {"personal"}):
        assert MASK in text, "masked, not dropped"


def _check(output: Output, ctx: Ctx, role: str) -> None:
    status, text = output.read(ctx, role)
    if role not in OPENS[output.needs]:
        assert status == 403, (status, text[:300])
        _assert_shown_as_the_role_may(text, role, frozenset())
        return
    assert status in (200, 201), (status, text[:500])
    _assert_shown_as_the_role_may(text, role, output.carries)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("output", WEB_OUTPUTS, ids=lambda o: o.name)
def test_web_output_by_role(
    marked: Ctx, output: Output, role: str, settings: Any, tmp_path: Path
) -> None:
    settings.DATA_DIR = tmp_path  # uploads of the import pages
    _check(output, dict(marked), role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("output", API_OUTPUTS, ids=lambda o: o.name)
def test_api_output_by_role(marked: Ctx, output: Output, role: str, author: Any) -> None:
    from phakhi.analysis.services import analysis_request

    ctx = dict(marked)
    if "run" in output.name:
        ctx["run_id"] = analysis_request(author, ctx["workspace"], background=False).pk
    _check(output, ctx, role)


def _exported(tmp_path: Path, fmt: str, role: str | None) -> str:
    target = tmp_path / ("out" if fmt == "csv" else f"out.{fmt}")  # CSV: a folder of two files
    argv = ["export", "--workspace", "khon-kaen", "--format", fmt, "-o", str(target)]
    assert cli.main([*argv, *(["--role", role] if role else [])]) == cli.EXIT_OK
    paths = sorted(tmp_path.glob("out/*" if fmt == "csv" else "out*"))
    kind = fmt
    return "\n".join(_read(path.read_bytes(), kind) for path in paths)


@pytest.mark.parametrize("role", [*ROLES, None], ids=[*ROLES, "operator"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_command_line_export_by_role(marked: Ctx, fmt: str, role: str | None, tmp_path: Path):
    """``phakhi export --role ROLE`` writes what that role may see; without ``--role`` the
    operator's file has everything."""
    _assert_shown_as_the_role_may(_exported(tmp_path, fmt, role), role or "operator",
                                  EXPORT_CARRIES[fmt])  # fmt: skip


def test_every_output_is_in_the_matrix() -> None:
    from tests.personal import test_outputs_workshop_kit as kit

    web = {o.covers for o in WEB_OUTPUTS} | {route.name for route in kit.KIT_WEB}
    actions = WEB_ACTIONS | kit.KIT_WEB_ACTIONS
    assert web.isdisjoint(actions)
    assert _web_names() - OUTSIDE_WORKSPACES == web | actions, "add the page to WEB_OUTPUTS"
    schema = api.get_openapi_schema()
    operations = {
        (method, path.removeprefix(API))
        for path, methods in schema["paths"].items()
        for method in methods
    }
    listed = {o.covers for o in API_OUTPUTS} | {(o.method, o.path) for o in kit.KIT_API}
    assert operations - NOT_WORKSPACE_OPERATIONS == listed | API_ACTIONS | kit.KIT_API_ACTIONS, (
        "add the operation"
    )
    assert set(EXPORT_CARRIES) == set(FORMATS), "add the export format to EXPORT_CARRIES"
