"""Writes of a live workshop: the facilitator opens a session, moves it through the worksheet's
three steps and closes it; participants join and contribute (``participation.py``); the
facilitator merges, accepts and rejects contributions (``review.py``).

Every write raises the session's ``revision``, which is all the projector and the phones poll.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.core.codes import new_code
from phakhi.core.models import AuditEvent
from phakhi.projects.models import Project
from phakhi.stakeholders.models import Assessment
from phakhi.stakeholders.services import assessment_create
from phakhi.workshops.models import Step, WorkshopSession

CODE_ATTEMPTS = 20


def touch(session: WorkshopSession) -> None:
    """Tell the pollers that something in the session changed (inside the writer's
    transaction)."""
    WorkshopSession.objects.filter(pk=session.pk).update(revision=F("revision") + 1)


def touch_open(session_id: int) -> None:
    """``touch`` for a participant's write, in the same statement that checks the session is
    still open (and, on PostgreSQL, holds its row until the write commits, so a close waits
    for it): one query where a lock, a check and an update would be three."""
    still_open = WorkshopSession.objects.filter(pk=session_id, closed_at__isnull=True)
    if not still_open.update(revision=F("revision") + 1):
        raise ValidationError(_("This workshop session is closed."))


def refuse_if_closed(session: WorkshopSession) -> None:
    if session.closed_at is not None:
        raise ValidationError(_("This workshop session is closed."))


def session_open(
    author: audit.Author,
    project: Project,
    *,
    opened_by: Any = None,
    assessment: Assessment | None = None,
    new_assessment: bool = False,
    held_on: dt.date | None = None,
) -> WorkshopSession:
    """Open a session on ``project``. Contributions are accepted into ``assessment``, by default
    the project's latest one; with ``new_assessment`` (or when the project has none) into a new
    one dated ``held_on`` (today) that starts as a copy of the latest."""
    if assessment is not None and assessment.project_id != project.pk:
        raise ValidationError({"assessment": _("The assessment belongs to another project.")})
    with transaction.atomic():
        if assessment is None and not new_assessment:
            assessment = Assessment.objects.filter(project=project).first()  # newest first
        if assessment is None:
            assessment = assessment_create(
                author,
                project,
                held_on=held_on or timezone.localdate(),
                title=_("Live workshop"),
                copy_last=True,
            )
        session = _with_new_code(project, assessment, opened_by)
        audit.record(
            author,
            AuditEvent.Action.CREATE,
            session,
            changes={"code": [None, session.code], "assessment": [None, assessment.pk]},
        )
    return session


def _with_new_code(project: Project, assessment: Assessment, opened_by: Any) -> WorkshopSession:
    """A session saved under a code no open session has (the database's constraint decides,
    so two facilitators opening at once never share one)."""
    for _attempt in range(CODE_ATTEMPTS):
        session = WorkshopSession(
            workspace_id=project.workspace_id,
            project=project,
            assessment=assessment,
            code=new_code(),
            opened_by=opened_by,
        )
        try:
            with transaction.atomic():
                session.save()
        except IntegrityError:
            continue
        return session
    raise ValidationError(_("No free join code was found; please try again."))


def session_set_step(author: audit.Author, session: WorkshopSession, step: int) -> WorkshopSession:
    if step not in Step.values:
        raise ValidationError({"step": _("The step is 1, 2 or 3.")})
    with transaction.atomic():
        current = WorkshopSession.objects.select_for_update().get(pk=session.pk)
        refuse_if_closed(current)
        if current.step != step:
            audit.record(
                author, AuditEvent.Action.UPDATE, current, changes={"step": [current.step, step]}
            )
            WorkshopSession.objects.filter(pk=session.pk).update(step=step)
            touch(current)
    session.refresh_from_db()
    return session


def session_close(author: audit.Author, session: WorkshopSession) -> WorkshopSession:
    """Close the session: its code stops working and participants can no longer change
    anything. Closing a closed session changes nothing."""
    with transaction.atomic():
        current = WorkshopSession.objects.select_for_update().get(pk=session.pk)
        if current.closed_at is None:
            now = timezone.now()
            WorkshopSession.objects.filter(pk=session.pk).update(closed_at=now)
            touch(current)
            audit.record(
                author,
                AuditEvent.Action.UPDATE,
                current,
                changes={"closed_at": [None, now.isoformat()]},
            )
    session.refresh_from_db()
    return session
