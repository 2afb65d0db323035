"""Fixtures of the self-assessment tests: the shared workspace data (tests/conftest.py's
``data``), an activity and an analysis run to link as evidence, and a maker of assessments."""

import datetime as dt
from typing import Any

import pytest

from phakhi.analysis.services import analysis_request
from phakhi.assessments.services import assessment_create
from phakhi.assessments.templates import AWARD_TEMPLATES
from phakhi.participation.models import Activity


@pytest.fixture
def activity(data: dict[str, Any]) -> Activity:
    activity = Activity.objects.create(
        workspace=data["workspace"],
        key="forum-1",
        title="เวทีประชาคมแผนสุขภาพตำบล",
        kind="forum",
        starts_on=dt.date(2025, 3, 15),
        iap2_planned=2,
        iap2_achieved=3,
    )
    activity.networks.add(data["network"])
    return activity


@pytest.fixture
def run(data: dict[str, Any], author: Any) -> Any:
    return analysis_request(author, data["workspace"], background=False)


@pytest.fixture
def make(data: dict[str, Any], author: Any):
    def make(**fields: Any):
        fields.setdefault("templates", AWARD_TEMPLATES)
        fields.setdefault("held_on", dt.date(2025, 6, 1))
        return assessment_create(author, data["workspace"], **fields)

    return make
