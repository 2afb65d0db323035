"""The workshop kit's pages and API answers (the GET rows of ``tests/matrix/``) × every role,
as ``test_outputs_matrix`` does for the directory's: the marked actor leads the project, is a
stakeholder of its assessment, a plan row's target and a lesson's participant, and no output of
the kit shows its phone, e-mail, LINE ID, address, personal columns or old values — to anyone,
since none of them is the actor's own page (a viewer, besides, is refused the editors' pages).
The routes that only change something are in ``KIT_WEB_ACTIONS`` / ``KIT_API_ACTIONS``, which
``test_outputs_matrix.test_every_output_is_in_the_matrix`` counts."""

import datetime as dt
import subprocess
from typing import Any

import pytest
from django.urls import reverse

from phakhi.core.audit import Author
from phakhi.expansion.services import plan_create, plan_row_add
from phakhi.lessons.services import lesson_answer_add, lesson_session_create
from phakhi.networks.models import Network
from phakhi.networks.services import network_create
from phakhi.projects.services import project_create
from phakhi.stakeholders.services import assessment_create, stakeholder_add
from tests import matrix
from tests.accounts_support import client_for, user_with_role
from tests.api_support import API, token_client
from tests.matrix_support import Operation, Route
from tests.personal.test_outputs_matrix import ROLES, _assert_shown_as_the_role_may, _read

ALLOWED = {"view": set(ROLES)}
for _area in matrix.AREAS:
    ALLOWED |= {need: roles & set(ROLES) for need, roles in _area.ALLOWED.items()}
ALLOWED |= {"edit": {"admin", "coordinator"}, "edit_network": {"admin", "coordinator"}}

KIT_WEB = [r for area in matrix.AREAS for r in area.WEB if r.method == "get"]
KIT_API = [o for area in matrix.AREAS for o in area.OPERATIONS if o.method == "get"]
KIT_WEB_ACTIONS = {r.name for a in matrix.AREAS for r in a.WEB} - {r.name for r in KIT_WEB}
KIT_API_ACTIONS = {(o.method, o.path) for a in matrix.AREAS for o in a.OPERATIONS} - {
    (o.method, o.path) for o in KIT_API
}


@pytest.fixture
def kit(marked: dict[str, Any], author: Author) -> dict[str, Any]:
    workspace, person = marked["workspace"], marked["person"]
    health = Network.objects.get(workspace=workspace, slug="health")
    project = project_create(
        author, workspace, slug="clinic", name="โครงการคลินิกชุมชน", network=health,
        lead_actor=person,
    )  # fmt: skip
    assessment = assessment_create(author, project, held_on=dt.date(2026, 11, 20))
    stakeholder = stakeholder_add(author, assessment, name=person.name, actor=person)
    plan = plan_create(author, project=project, title="แผนขยายเครือข่าย")
    row = plan_row_add(author, plan, target_actor=person, new_level=3, read_map=False)
    session = lesson_session_create(author, workspace, project=project, title="ถอดบทเรียน")
    prompt = session.prompts.first()
    lesson_answer_add(author, session, prompt=prompt, text="ดึงภาคีเข้ามาร่วม", actor=person)
    return {
        **marked,
        "network": health,
        "project": project,
        "stakeholder": stakeholder,
        "project_plan": plan,  # the rows of tests/matrix/expansion.py use this plan
        "project_row": row,
        "third": marked["other"],
        "org": marked["other"],
        "youth": network_create(author, workspace, slug="youth", name="เครือข่ายเยาวชน"),
    }


def _check(status: int, text: str, role: str, needs: str) -> None:
    if role not in ALLOWED[needs]:
        assert status == 403, (status, text[:300])
    else:
        assert status == 200, (status, text[:500])
    _assert_shown_as_the_role_may(text, role, frozenset())


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", KIT_WEB, ids=lambda r: r.name)
def test_workshop_kit_page_by_role(kit: dict[str, Any], route: Route, role: str) -> None:
    kit["role"] = role
    url = reverse(f"web:{route.name}", kwargs={"workspace": "khon-kaen", **route.kwargs(kit)})
    response = client_for(user_with_role(kit["workspace"], role)).get(url, route.extra)
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    kind = response.get("Content-Type", "").split(";")[0]
    readable = {"application/json": "json", "text/csv": "csv"}.get(kind, "html")
    if "spreadsheetml" in kind:
        readable = "xlsx"
    if kind == "application/pdf":
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=body, capture_output=True, check=True
        ).stdout.decode()
    else:
        text = _read(body, readable)
    _check(response.status_code, text, role, route.needs)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", KIT_API, ids=lambda o: f"{o.method} {o.path}")
def test_workshop_kit_api_by_role(kit: dict[str, Any], operation: Operation, role: str) -> None:
    kit["role"] = role
    path = API + operation.path.format(slug="khon-kaen", **operation.params(kit))
    response = token_client(user_with_role(kit["workspace"], role)).get(path)
    _check(response.status_code, _read(response.content, "json"), role, operation.needs)
