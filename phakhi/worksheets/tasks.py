"""Checking and importing larger uploaded worksheets on the database task queue."""

import logging

from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from phakhi.core.audit import Author
from phakhi.projects.models import Project
from phakhi.worksheets.background import finished, stopped
from phakhi.worksheets.uploads import upload_get, upload_run

logger = logging.getLogger(__name__)


@task()
def worksheet_import_task(
    project_id: int,
    token: str,
    dry_run: bool,
    author_label: str,
    author_id: int | None,
    language: str,
) -> None:
    """``upload_run`` of an upload, its report in the language of the person who started it."""
    upload = upload_get(Project.objects.select_related("workspace").get(pk=project_id), token)
    try:
        with translation.override(language):
            upload_run(Author(author_label, author_id), upload, dry_run=dry_run)
    except Exception:  # the report says it failed; the log has why, for the administrator
        logger.exception("worksheet import %s failed", token)
        stopped(upload, dry_run, _("The run failed; the server's log says why."))
    finally:
        finished(upload)
