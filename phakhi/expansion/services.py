"""Writes of expansion plans (ใบงาน 4) and their rows: each checks, writes in one transaction
and records the audit event; edits carry the version read (``phakhi.core.versions``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.core import audit, versions
from phakhi.core.models import AuditEvent
from phakhi.core.thai import clean_text
from phakhi.expansion.models import ExpansionPlan, PlanRow, Status
from phakhi.expansion.relationships import read_rows
from phakhi.expansion.validation import clean_row_fields
from phakhi.networks.models import Network
from phakhi.projects.models import Project

PLAN_TEXT = {"title": 300, "vision": None, "common_benefit": None}


def _plan_text(fields: dict[str, Any]) -> dict[str, str]:
    cleaned, errors = {}, {}
    for name, value in fields.items():
        if name not in PLAN_TEXT:
            errors[name] = _("A plan has no field “%(name)s”.") % {"name": name}
            continue
        text = (
            clean_text("" if value is None else str(value))
            if name == "title"
            else str(value or "").strip()
        )
        limit = PLAN_TEXT[name]
        if limit is not None and len(text) > limit:
            errors[name] = _("Longer than %(limit)d characters.") % {"limit": limit}
        cleaned[name] = text
    if "title" in cleaned and not cleaned["title"]:
        errors["title"] = _("The plan needs a title.")
    if errors:
        raise ValidationError(errors)
    return cleaned


def plan_create(
    author: audit.Author,
    *,
    project: Project | None = None,
    network: Network | None = None,
    title: str,
    vision: str = "",
    common_benefit: str = "",
) -> ExpansionPlan:
    """The plan of a project or of a network (exactly one; one plan each)."""
    if (project is None) == (network is None):
        raise ValidationError(_("A plan belongs to a project or to a network (one of them)."))
    owner = project if project is not None else network
    assert owner is not None
    fields = _plan_text({"title": title, "vision": vision, "common_benefit": common_benefit})
    with transaction.atomic():
        if ExpansionPlan.objects.filter(
            workspace_id=owner.workspace_id, project=project, network=network
        ).exists():
            raise ValidationError(
                {"title": _("“%(owner)s” already has an expansion plan.") % {"owner": owner}}
            )
        plan = ExpansionPlan.objects.create(
            workspace_id=owner.workspace_id, project=project, network=network, **fields
        )
        audit.record(
            author,
            AuditEvent.Action.CREATE,
            plan,
            changes={name: [None, value] for name, value in fields.items()},
        )
    return plan


def plan_update(
    author: audit.Author, plan: ExpansionPlan, *, version: int | None = None, **changes: Any
) -> ExpansionPlan:
    """Change the title, shared vision or common benefit."""
    fields = _plan_text(changes)
    with transaction.atomic():
        versions.change(author, versions.locked(plan), fields, version)
    plan.refresh_from_db()
    return plan


def _next_position(plan: ExpansionPlan) -> int:
    last = plan.rows.aggregate(last=Max("position"))["last"]
    return 1 if last is None else last + 1


def plan_row_add(
    author: audit.Author,
    plan: ExpansionPlan,
    *,
    target_name: str = "",
    read_map: bool = True,
    **fields: Any,
) -> PlanRow:
    """Add a row at the end of the plan (or at ``position``). ``target_name`` defaults to the
    target actor's or network's name; with ``read_map`` (and a target on the map, and no
    ``current_level`` given) the relationship the map shows today is kept as where the row
    started."""
    fields.setdefault("new_level", None)
    cleaned = clean_row_fields(plan, {"target_name": target_name, **fields})
    target = cleaned.get("target_actor") or cleaned.get("target_network")
    if not cleaned["target_name"] and target is not None:
        cleaned["target_name"] = str(target)[:300]
    if not cleaned["target_name"]:
        raise ValidationError({"target_name": _("Name the group (กลุ่ม) to reach.")})
    if cleaned.get("status") == Status.ACHIEVED and not cleaned.get("achieved_on"):
        cleaned["achieved_on"] = timezone.localdate()
    with transaction.atomic():
        row = PlanRow(workspace_id=plan.workspace_id, plan=plan, **cleaned)
        if "position" not in cleaned:
            row.position = _next_position(plan)
        if read_map and target is not None and "current_level" not in cleaned:
            reading = read_rows(plan, [row])[row.pk]
            row.current_level = reading.level
            row.current_via_name = reading.via_name
        row.save()
        audit.record(
            author,
            AuditEvent.Action.CREATE,
            row,
            changes=audit.diff({}, {name: getattr(row, name) for name in sorted(cleaned)}),
        )
    return row


def plan_row_update(
    author: audit.Author, row: PlanRow, *, version: int | None = None, **changes: Any
) -> PlanRow:
    """Change some fields of a row. Setting the status to achieved records today as
    ``achieved_on`` unless a date is given; leaving it clears the date."""
    cleaned = clean_row_fields(row.plan, changes)
    if "target_name" in cleaned and not cleaned["target_name"]:
        raise ValidationError({"target_name": _("Name the group (กลุ่ม) to reach.")})
    if "new_level" in cleaned and cleaned["new_level"] is None:
        raise ValidationError({"new_level": _("Choose the relationship wanted (1–4).")})
    with transaction.atomic():
        current = versions.locked(row)
        status = cleaned.get("status", current.status)
        if status == Status.ACHIEVED:
            if not cleaned.get("achieved_on") and not current.achieved_on:
                cleaned["achieved_on"] = timezone.localdate()
        elif "status" in cleaned:
            cleaned["achieved_on"] = None
        if "current_level" not in cleaned and _retargeted(current, cleaned):
            cleaned.update(_where_it_starts(current, cleaned))
        versions.change(author, current, cleaned, version)
    row.refresh_from_db()
    return row


def _retargeted(row: PlanRow, cleaned: dict[str, Any]) -> bool:
    return any(
        getattr(row, f"{name}_id") != (cleaned[name].pk if cleaned[name] else None)
        for name in ("target_actor", "target_network")
        if name in cleaned
    )


def _where_it_starts(row: PlanRow, cleaned: dict[str, Any]) -> dict[str, Any]:
    """The map's reading for a row's new target, kept as where the row starts."""
    probe = PlanRow(
        pk=row.pk,
        plan=row.plan,
        target_actor=cleaned.get("target_actor", row.target_actor),
        target_network=cleaned.get("target_network", row.target_network),
    )
    if probe.target_actor_id is None and probe.target_network_id is None:
        return {"current_level": None, "current_via_name": ""}
    reading = read_rows(row.plan, [probe])[row.pk]
    return {"current_level": reading.level, "current_via_name": reading.via_name}


def plan_row_move(
    author: audit.Author, row: PlanRow, *, position: int, version: int | None = None
) -> PlanRow:
    """Move a row to ``position`` (1 = first) and number the plan's rows 1, 2, 3 … again;
    each row whose position changes gets a new version."""
    with transaction.atomic():
        rows = list(
            PlanRow.objects.select_for_update()
            .filter(plan_id=row.plan_id)
            .order_by("position", "id")
        )
        moving = next((r for r in rows if r.pk == row.pk), None)
        if moving is None:
            raise ValidationError({"position": _("The row is no longer in the plan.")})
        versions.check(moving, version, {"position": position}, {"position": moving.position})
        rows.remove(moving)
        rows.insert(max(0, min(position - 1, len(rows))), moving)
        for number, each in enumerate(rows, start=1):
            if each.position != number:
                versions.change(author, each, {"position": number}, None)
    row.refresh_from_db()
    return row


def plan_row_remove(author: audit.Author, row: PlanRow, *, version: int | None = None) -> None:
    with transaction.atomic():
        current = versions.locked(row)
        if version is not None and version != current.version:
            stale = versions.FieldConflict("version", current.version, version, "", None)
            raise versions.EditConflict(current, current.version, [stale])
        audit.record(
            author,
            AuditEvent.Action.DELETE,
            current,
            changes={"target_name": [current.target_name, None]},
        )
        current.delete()


def plan_rows_mark_achieved(
    author: audit.Author, plan: ExpansionPlan, day: dt.date | None = None
) -> list[PlanRow]:
    """Mark achieved (on ``day``) each open row — planned or in progress — whose target the map
    now shows tied to us directly at its new level or above; returns those rows. Rows already
    achieved or dropped are left as they are."""
    day = day or timezone.localdate()
    open_rows = list(plan.rows.filter(status__in=[Status.PLANNED, Status.IN_PROGRESS]))
    if not open_rows:
        return []
    readings = read_rows(plan, open_rows, day)
    reached = [row for row in open_rows if readings[row.pk].reaches(row.new_level)]
    with transaction.atomic():
        for row in reached:
            current = versions.locked(row)
            if current.status in (Status.PLANNED, Status.IN_PROGRESS):
                versions.change(
                    author, current, {"status": Status.ACHIEVED, "achieved_on": day}, None
                )
    for row in reached:
        row.refresh_from_db()
    return reached


def plans_mark_achieved(author: audit.Author, workspace_id: int, day: dt.date) -> int:
    """``plan_rows_mark_achieved`` for every plan of a workspace with open rows; the number of
    rows marked."""
    plans = ExpansionPlan.objects.filter(
        workspace_id=workspace_id,
        rows__status__in=[Status.PLANNED, Status.IN_PROGRESS],
    ).distinct()
    return sum(
        len(plan_rows_mark_achieved(author, plan, day))
        for plan in plans.select_related("project", "network")
    )
