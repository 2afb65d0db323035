"""The small network of tests.map_support, drawn for each map test that asks for it."""

from typing import Any

import pytest

from phakhi.analysis.models import AnalysisRun
from phakhi.analysis.services import analysis_request
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from tests.map_support import small_network


@pytest.fixture
def actors(workspace: Workspace, author: Author) -> dict[str, Any]:
    return small_network(author, workspace)


@pytest.fixture
def analysed(actors: dict[str, Any], workspace: Workspace, author: Author) -> AnalysisRun:
    return analysis_request(author, workspace, background=False)
