"""Worksheet 1's own example, as the workshop source fills it (W 155–158): the card of นายก ทม.
(the mayor), for any test that needs a real stakeholder — the pages, the API, the paper exporter
and the import reading it back.

    from tests.fixtures_stakeholders import EXAMPLE_CARD, add_example_card
"""

import datetime as dt

from phakhi.core.audit import Author
from phakhi.projects.models import Project
from phakhi.stakeholders.examples import EXAMPLE_CARD, EXAMPLE_PLACEMENT
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import assessment_create, stakeholder_add

__all__ = ["EXAMPLE_CARD", "EXAMPLE_DATE", "EXAMPLE_PLACEMENT", "add_example_card"]

EXAMPLE_DATE = dt.date(2026, 11, 20)


def add_example_card(
    author: Author, project: Project, assessment: Assessment | None = None
) -> Stakeholder:
    """The example card in ``assessment`` (a new one of ``project`` dated EXAMPLE_DATE when
    not given)."""
    if assessment is None:
        assessment = assessment_create(author, project, held_on=EXAMPLE_DATE, copy_last=False)
    return stakeholder_add(author, assessment, **EXAMPLE_CARD, **EXAMPLE_PLACEMENT)
