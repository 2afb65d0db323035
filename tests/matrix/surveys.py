"""The surveys pages and API in the permission matrix."""

from typing import Any

from phakhi.assessments.opdc_lists import C7
from tests.matrix_support import Operation, Route


# --- the coordinator's pages (survey-pages area) ---------------------------------------------
# A round on the fixture's "health" network (the limited coordinator is not in it: managing it
# is "edit_network"), made lazily, one a test; its roster is the network's member "person".
def _survey(c: dict[str, Any], *, opened: bool = False) -> Any:
    from phakhi.monitoring.survey_services import survey_create, survey_open
    from tests.accounts_support import AUTHOR

    if "survey" not in c:
        c["survey"] = survey_create(
            AUTHOR, c["workspace"], network=c["network"], slug="round-1", name="รอบที่ 1",
            purpose="รู้ว่าใครทำงานกับใคร",
        )  # fmt: skip
    if opened and c["survey"].status != "open":
        c["survey"] = survey_open(AUTHOR, c["survey"])
    return c["survey"]


def _round(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": _survey(c).slug}


def _open_round(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": _survey(c, opened=True).slug}


def _respondent(c: dict[str, Any]) -> dict[str, Any]:
    survey = _survey(c)
    return {"slug": survey.slug, "respondent": survey.respondents.get().pk}


def _new_round(network: str) -> Any:
    def data(c: dict[str, Any]) -> dict[str, Any]:
        return {"network": c[network].pk, "slug": f"r-{c['role']}", "name": "รอบใหม่",
                "assessment_items": [f"{C7.code}:1"]}  # fmt: skip

    return data


def _details(c: dict[str, Any]) -> dict[str, Any]:
    return {"name": "รอบแรก", "purpose": "ทำไม", "closes_on": "31/01/2570", "version": "1"}


SURVEY_PAGES: list[Route] = [
    Route("surveys", "get", "view"),
    Route("survey-add", "get", "edit"),
    Route("survey-add", "post", "edit", data=_new_round("youth")),
    Route("survey-add", "post", "edit_network", data=_new_round("network")),
    Route("survey", "get", "view", _round),
    Route("survey-edit", "get", "edit_network", _round),
    Route("survey-edit", "post", "edit_network", _round, _details),
    Route("survey-delete", "get", "edit_network", _round),
    Route("survey-delete", "post", "edit_network", _round),
    Route("survey-open", "post", "edit_network", _round),
    Route("survey-close", "post", "edit_network", _open_round),
    Route("survey-roster", "post", "edit_network", _round),
    Route("survey-link", "get", "edit_network", _respondent),
    Route("survey-invite", "get", "edit_network", _open_round),
    Route("survey-invite", "post", "edit_network", _open_round,
          lambda c: {"whom": "uninvited", "language": "th", "message": ""}),
    Route("survey-print", "get", "edit_network", _open_round),
    Route("survey-results", "get", "view", _open_round),
]  # fmt: skip

ALLOWED: dict[str, set[str]] = {}
WEB: list[Route] = [*SURVEY_PAGES]


# --- the API (surveys area): the same round; managing it is "edit_network" ---------------------
def _param(c: dict[str, Any]) -> dict[str, Any]:
    return {"survey": _survey(c).slug}


def _open_param(c: dict[str, Any]) -> dict[str, Any]:
    return {"survey": _survey(c, opened=True).slug}


def _answered_param(c: dict[str, Any]) -> dict[str, Any]:
    """The round open, its one member (the fixture's "person") having answered nobody."""
    from phakhi.monitoring.survey_responses import response_consent, response_submit

    survey = _survey(c, opened=True)
    respondent = survey.respondents.get()
    if respondent.submitted_at is None:
        response_submit(response_consent(respondent, notice_version=survey.notice_version))
    return {"survey": survey.slug, "actor_id": respondent.actor_id}


def _api_round(network: str) -> Any:
    def body(c: dict[str, Any]) -> dict[str, Any]:
        return {"slug": f"api-{c['role']}", "name": "รอบใหม่", "network": c[network].slug}

    return body


ONE = "/workspaces/{slug}/surveys/{survey}"
OPERATIONS: list[Operation] = [
    Operation("get", "/workspaces/{slug}/surveys", "view"),
    Operation("post", "/workspaces/{slug}/surveys", "edit", _api_round("youth")),
    Operation("post", "/workspaces/{slug}/surveys", "edit_network", _api_round("network")),
    Operation("get", ONE, "view", params=_param),
    Operation("patch", ONE, "edit_network", lambda c: {"name": "รอบแรก"}, params=_param),
    Operation("delete", ONE, "edit_network", params=_param),
    Operation("post", f"{ONE}/open", "edit_network", params=_param),
    Operation("post", f"{ONE}/close", "edit_network", params=_open_param),
    Operation("get", f"{ONE}/roster", "edit_network", params=_param),
    Operation("post", f"{ONE}/roster", "edit_network", params=_param),
    Operation("get", f"{ONE}/responses", "edit_network", params=_param),
    Operation("post", f"{ONE}/responses/{{actor_id}}/withdraw", "edit_network",
              params=_answered_param),
    Operation("get", f"{ONE}/results", "view", params=_open_param),
]  # fmt: skip
# The respondent's pages: the private link's token is the key, no account (outside any
# workspace); tests/monitoring/test_survey_respond*.py test them.
OUTSIDE_WORKSPACES: set[str] = {
    "survey-respond",
    "survey-respond-consent",
    "survey-respond-decline",
    "survey-respond-partners",
    "survey-respond-about",
    "survey-respond-items",
    "survey-respond-done",
    "survey-respond-withdraw",
}
