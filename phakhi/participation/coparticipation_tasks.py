"""A large co-participation rebuild on the database task queue (``phakhi worker``, or the
worker ``phakhi serve`` starts)."""

from django_tasks import task

from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.participation.coparticipation import coparticipation_rebuild


@task()
def coparticipation_rebuild_task(
    workspace_id: int, author_label: str, author_id: int | None
) -> None:
    workspace = Workspace.objects.filter(pk=workspace_id).first()
    if workspace is not None:  # the workspace may have gone while the task waited
        coparticipation_rebuild(workspace, author=Author(author_label, author_id))
