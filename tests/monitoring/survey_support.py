"""A small surveyed network for the survey tests (and the pages' and import's, who may use it).

Network "health" with five current members — กมล (civil), ขวัญ (academic), จันทร์ (government),
ชาติ (civil), ดาว (civil) — and เอก, who left on 2026-01-01 (not on a new roster). The fixture
``surveyed`` returns the workspace, the network, the actors by letter (A กมล, B ขวัญ, C จันทร์,
D ชาติ, E ดาว, F เอก) and a draft survey "round-1" on the network.

``answer(respondent, {partner: level, …}, ratings)`` consents, names the partners with the same
ratings and submits: a respondent's whole response in one call."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.monitoring.models import Respondent, Survey
from phakhi.monitoring.survey_responses import (
    ReportInput,
    response_consent,
    response_reports_set,
    response_submit,
)
from phakhi.monitoring.survey_services import survey_create
from phakhi.networks.services import membership_set, network_create

AUTHOR = Author("test:coordinator")
NAMES = {
    "A": ("นายกมล ใจดี", "civil"),
    "B": ("ดร.ขวัญ รักเรียน", "academic"),
    "C": ("นางจันทร์ เพ็ญ", "government"),
    "D": ("ชาติ ชัยชนะ", "civil"),
    "E": ("ดาว ประกาย", "civil"),
    "F": ("เอก อาสา", "civil"),
}


def surveyed_data(workspace: Workspace) -> dict[str, Any]:
    network = network_create(AUTHOR, workspace, slug="health", name="เครือข่ายสุขภาพ")
    actors = {
        letter: actor_create(
            AUTHOR, workspace, key=f"m-{letter.lower()}", name=name, kind="person", sector=sector
        )
        for letter, (name, sector) in NAMES.items()
    }
    for letter in "ABCDE":
        membership_set(AUTHOR, network, actors[letter])
    membership_set(
        AUTHOR, network, actors["F"], since=dt.date(2020, 1, 1), until=dt.date(2026, 1, 1)
    )
    survey = survey_create(
        AUTHOR,
        workspace,
        network=network,
        slug="round-1",
        name="สำรวจเครือข่ายรอบที่ 1",
        purpose="เพื่อดูความไว้วางใจและคุณค่าของภาคี",
        audience="ผู้ประสานงานเครือข่าย",
        contact="ผู้ประสานงาน 081-111-2222",
    )
    return {"workspace": workspace, "network": network, "survey": survey, **actors}


@pytest.fixture
def surveyed(workspace: Workspace) -> dict[str, Any]:
    return surveyed_data(workspace)


def respondent_of(survey: Survey, actor: Actor) -> Respondent:
    return Respondent.objects.select_related("survey").get(survey=survey, actor=actor)


def answer(
    respondent: Respondent,
    partners: dict[Actor, int],
    *,
    trust: int | None = 3,
    value: int | None = 2,
    comment: str = "",
) -> Respondent:
    response_consent(respondent, notice_version=respondent.survey.notice_version)
    response_reports_set(
        respondent,
        [
            ReportInput(
                partner,
                level,
                frequency="monthly",
                flows=["information"],
                trust_openness=trust,
                trust_reliability=trust,
                trust_mission=trust,
                value_power=value,
                value_resources=value,
                value_involvement=value,
            )
            for partner, level in partners.items()
        ],
    )
    return response_submit(respondent, comment=comment)
