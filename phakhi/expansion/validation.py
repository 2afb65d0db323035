"""Checking the fields of a plan row, the same way for a form, the API and a worksheet import:
values may come as the worksheet's words (หลวม ผ่านชาคริต, มีส่วนร่วม, methods separated by
``;``) or as typed values; every problem is named by its field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core.dates import parse_date
from phakhi.core.thai import clean_text
from phakhi.core.vocabulary import VocabularyError
from phakhi.expansion.models import ExpansionPlan, PlanRow
from phakhi.expansion.vocabulary import (
    parse_level,
    parse_methods,
    parse_relationship,
    parse_status,
)
from phakhi.networks.models import Network, Strategy

# Text fields of a row and their longest length (None: a TextField).
TEXT_FIELDS: dict[str, int | None] = {
    "target_name": 300,
    "current_override": 300,
    "current_via_name": 300,
    "our_benefit": None,
    "their_benefit": None,
    "owner": 200,
}
ROW_FIELDS = frozenset(
    {
        *TEXT_FIELDS,
        "target_actor",
        "target_network",
        "current_level",
        "new_level",
        "methods",
        "owner_user",
        "due_on",
        "status",
        "achieved_on",
        "strategy",
        "position",
    }
)
MAX_METHODS = 30
METHOD_LENGTH = 300


def _same_workspace(workspace_id: int, value: Any, name: str, errors: dict[str, str]) -> None:
    if value is not None and getattr(value, "workspace_id", workspace_id) != workspace_id:
        errors[name] = _("It belongs to another workspace.")


def clean_row_fields(plan: ExpansionPlan, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The given row fields checked and converted; a ValidationError names every bad field."""
    unknown = sorted(set(fields) - ROW_FIELDS)
    if unknown:
        raise ValidationError(
            {name: _("A plan row has no field “%(name)s”.") % {"name": name} for name in unknown}
        )
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    for name, limit in TEXT_FIELDS.items():
        if name in fields:
            text = clean_text("" if fields[name] is None else str(fields[name]))
            if limit is not None and len(text) > limit:
                errors[name] = _("Longer than %(limit)d characters.") % {"limit": limit}
            cleaned[name] = text
    if cleaned.get("current_override"):
        try:
            parse_relationship(cleaned["current_override"])
        except VocabularyError as error:
            errors["current_override"] = str(error)
    for name, model in (
        ("target_actor", Actor),
        ("target_network", Network),
        ("strategy", Strategy),
    ):
        if name in fields:
            value = fields[name]
            if value is not None and not isinstance(value, model):
                errors[name] = _("Not a %(what)s.") % {"what": model._meta.verbose_name}
            else:
                _same_workspace(plan.workspace_id, value, name, errors)
                cleaned[name] = value
    strategy = cleaned.get("strategy")
    if strategy is not None and "strategy" not in errors:
        lead = plan.network_id or (plan.project.network_id if plan.project else None)
        if strategy.network_id != lead:
            errors["strategy"] = _("The strategy is not one of the plan's lead network.")
    if "owner_user" in fields:
        cleaned["owner_user"] = fields["owner_user"]
    for name, allow_none in (("new_level", False), ("current_level", True)):
        if name in fields:
            value = fields[name]
            if value is None or value == "":
                if not allow_none:
                    errors[name] = _("Choose the relationship wanted (1–4).")
                cleaned[name] = None
                continue
            try:
                cleaned[name] = parse_level(value, allow_none=allow_none)
            except VocabularyError as error:
                errors[name] = str(error)
    if "methods" in fields:
        methods = parse_methods(fields["methods"])
        if len(methods) > MAX_METHODS:
            errors["methods"] = _("At most %(count)d methods.") % {"count": MAX_METHODS}
        elif any(len(m) > METHOD_LENGTH for m in methods):
            errors["methods"] = _("A method is longer than %(limit)d characters.") % {
                "limit": METHOD_LENGTH
            }
        cleaned["methods"] = methods
    if "status" in fields:
        try:
            cleaned["status"] = parse_status(
                fields["status"] or PlanRow._meta.get_field("status").default
            )
        except VocabularyError as error:
            errors["status"] = str(error)
    for name in ("due_on", "achieved_on"):
        if name in fields:
            value = fields[name]
            if value in (None, ""):
                cleaned[name] = None
            elif isinstance(value, dt.date):
                cleaned[name] = value
            else:
                try:
                    cleaned[name] = parse_date(value)
                except ValueError as error:
                    errors[name] = str(error)
    if "position" in fields:
        position = fields["position"]
        if not isinstance(position, int) or isinstance(position, bool) or position < 0:
            errors["position"] = _("The position is a whole number from 0.")
        cleaned["position"] = position
    if errors:
        raise ValidationError(errors)
    return cleaned
