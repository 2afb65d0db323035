"""Activities for the calendar's tests, made through the activities' own service."""

import datetime as dt
from typing import Any

from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.participation.models import Activity
from phakhi.participation.services import activity_create

AUTHOR = Author("test:calendar")


def activity(
    workspace: Workspace,
    key: str,
    starts_on: dt.date,
    *,
    title: str | None = None,
    **fields: Any,
) -> Activity:
    return activity_create(
        AUTHOR, workspace, key=key, title=title or f"กิจกรรม {key}", starts_on=starts_on, **fields
    )
