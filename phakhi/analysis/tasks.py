"""Background analysis on the database task queue (``phakhi worker`` runs it)."""

from django_tasks import task

from phakhi.analysis.services import analysis_execute


@task()
def analysis_task(run_id: int) -> None:
    analysis_execute(run_id)
