"""Deleting browser imports: one from its page, or every one older than
PHAKHI_IMPORT_KEEP_DAYS (``phakhi import prune``, and each new upload). Their files go with them
(``phakhi.imports.signals``)."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.core.models import AuditEvent
from phakhi.imports.models import ImportJob

Status = ImportJob.Status


def job_delete(author: audit.Author, job: ImportJob) -> None:
    if job.running:
        raise ValidationError(_("This import is running; wait until it has finished."))
    with transaction.atomic():  # its files go once this commits (phakhi.imports.signals)
        audit.record(author, AuditEvent.Action.DELETE, job)
        job.delete()


def jobs_prune(now: dt.datetime | None = None) -> int:
    """Delete the jobs older than PHAKHI_IMPORT_KEEP_DAYS with their files; returns how many."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.PHAKHI_IMPORT_KEEP_DAYS)
    old = ImportJob.objects.filter(created_at__lt=cutoff).exclude(
        status__in=[Status.CHECKING, Status.APPLYING]
    )
    count = 0
    for job in old.iterator():
        job_delete(audit.Author.system("prune uploads"), job)
        count += 1
    return count
