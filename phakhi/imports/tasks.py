"""Checking and applying large browser imports on the database task queue (``phakhi worker``,
or the worker ``phakhi serve`` starts)."""

from django_tasks import task

from phakhi.core.audit import Author
from phakhi.imports.jobs import job_run


@task()
def import_job_task(job_id: int, action: str, author_label: str, author_id: int | None) -> None:
    job_run(job_id, action, Author(author_label, author_id))
