"""Writes of projects (โครงการ): each validates, writes in one transaction and records the audit
event. A project's slug is its address (links, the API, the CLI) and does not change."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core import audit, versions
from phakhi.core.models import AuditEvent, Workspace
from phakhi.networks.models import Network
from phakhi.projects.drawing import project_tie_draw as project_tie_draw  # worksheet 3
from phakhi.projects.models import Project

# Slugs that would clash with the pages' own addresses (projects/new/).
RESERVED_SLUGS = ("new",)

# What project_update may change; the slug is the project's address and stays.
PROJECT_EDITABLE_FIELDS = (
    "name",
    "description",
    "network",
    "lead_actor",
    "starts_on",
    "ends_on",
)


def _checked(workspace: Workspace, project: Project) -> None:
    """The rules every write of ``project`` (unsaved values) must pass, each naming its field."""
    project.full_clean(
        exclude=["workspace", "network", "lead_actor"],
        validate_unique=False,
        validate_constraints=False,
    )
    errors: dict[str, str] = {}
    if project.network is not None and project.network.workspace_id != workspace.pk:
        errors["network"] = _("The network belongs to another workspace.")
    if project.lead_actor is not None and project.lead_actor.workspace_id != workspace.pk:
        errors["lead_actor"] = _("The actor belongs to another workspace.")
    if project.starts_on and project.ends_on and project.starts_on > project.ends_on:
        errors["ends_on"] = _("The end date must not be before the start date.")
    if errors:
        raise ValidationError(errors)


def project_create(
    author: audit.Author,
    workspace: Workspace,
    *,
    slug: str,
    name: str,
    description: str = "",
    network: Network | None = None,
    lead_actor: Actor | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> Project:
    project = Project(
        workspace=workspace,
        slug=slug.strip(),
        name=name.strip(),
        description=description.strip(),
        network=network,
        lead_actor=lead_actor,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    _checked(workspace, project)
    if project.slug in RESERVED_SLUGS:
        raise ValidationError(
            {
                "slug": _("“%(slug)s” is the address of a page; choose another slug.")
                % {"slug": project.slug}
            }
        )
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
            changes={
                name: [None, audit.jsonable(getattr(project, name))]
                for name in ("slug", *PROJECT_EDITABLE_FIELDS)
                if getattr(project, name) not in (None, "")
            },
        )
    return project


def _wanted(fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(PROJECT_EDITABLE_FIELDS))
    if unknown:
        raise ValueError(f"project_update cannot change {', '.join(unknown)}")
    return {
        name: value.strip() if name in ("name", "description") and value else value
        for name, value in fields.items()
    }


def project_update(
    author: audit.Author, project: Project, *, version: int | None = None, **fields: Any
) -> Project:
    """Change the given fields (``PROJECT_EDITABLE_FIELDS``) of a project; others keep their
    values. With ``version`` (the one the editor read), a field someone else changed since
    raises ``versions.EditConflict``; the dates are checked in order with the stored ones."""
    wanted = _wanted(fields)
    with transaction.atomic():
        current = versions.locked(project)
        checked = Project(
            workspace_id=current.workspace_id,
            slug=current.slug,
            **{name: getattr(current, name) for name in PROJECT_EDITABLE_FIELDS},
        )
        for name, value in wanted.items():
            setattr(checked, name, value)
        if "description" in wanted and checked.description is None:
            checked.description = ""
        _checked(current.workspace, checked)
        versions.change(author, current, {name: getattr(checked, name) for name in wanted}, version)
    project.refresh_from_db()
    return project
