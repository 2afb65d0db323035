import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.core.models import AuditEvent, Workspace
from phakhi.networks.models import Network
from phakhi.projects.models import Project


def project_create(
    author: audit.Author,
    workspace: Workspace,
    *,
    slug: str,
    name: str,
    description: str = "",
    network: Network | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> Project:
    project = Project(
        workspace=workspace,
        slug=slug.strip(),
        name=name.strip(),
        description=description,
        network=network,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    project.full_clean(exclude=["workspace"], validate_unique=False)
    if network is not None and network.workspace_id != workspace.pk:
        raise ValidationError({"network": _("The network belongs to another workspace.")})
    if starts_on and ends_on and starts_on > ends_on:
        raise ValidationError({"ends_on": _("The end date must not be before the start date.")})
    with transaction.atomic():
        if Project.objects.filter(workspace=workspace, slug=project.slug).exists():
            raise ValidationError(
                {"slug": _("A project “%(slug)s” exists already.") % {"slug": project.slug}}
            )
        project.save()
        audit.record(
            author,
            AuditEvent.Action.CREATE,
            project,
            changes={"slug": [None, project.slug], "name": [None, project.name]},
        )
    return project
