"""The worksheets' tests share one project with every worksheet filled (``filled``)."""

import pytest

from phakhi.core.models import Workspace
from tests.worksheets.filled import Filled, fill_project


@pytest.fixture
def filled(workspace: Workspace) -> Filled:
    return fill_project(workspace)
