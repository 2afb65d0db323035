import pytest

from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.core.services import workspace_create

AUTHOR = Author("test:coordinator")


@pytest.fixture
def author() -> Author:
    return AUTHOR


@pytest.fixture
def workspace(db: None) -> Workspace:
    return workspace_create(AUTHOR, slug="khon-kaen", name="เครือข่ายสุขภาพขอนแก่น")


@pytest.fixture
def other_workspace(db: None) -> Workspace:
    return workspace_create(AUTHOR, slug="other", name="Other agency")


@pytest.fixture(autouse=True)
def english_messages():
    """Tests read messages in English unless they ask for Thai (the product's default)."""
    from django.utils import translation

    with translation.override("en"):
        yield
