"""Writes of a network's design (ออกแบบเครือข่าย): goals, the strategies under them, and the
working groups (sub-networks) that carry each strategy — the RE-AMP shape of the workshop's
slides. Every write is validated, atomic and audited; edits carry the version they read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core import audit, versions
from phakhi.core.models import AuditEvent
from phakhi.core.thai import clean_text
from phakhi.networks.models import Goal, Network, Role, Strategy
from phakhi.networks.services import membership_set, network_create

GOAL_FIELDS = ("title", "target", "measure", "target_value", "current_value", "due_on")
STRATEGY_FIELDS = ("title", "description", "goal")
# The role of a working group's lead among its members.
LEAD_ROLE = Role.CORE_LEADER

Row = TypeVar("Row", Goal, Strategy)


def _decimal(name: str, value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise ValidationError(
            {name: _("“%(value)s” is not a number.") % {"value": value}}
        ) from None
    if not number.is_finite() or abs(number) >= Decimal("1e12"):
        raise ValidationError({name: _("“%(value)s” is not a number.") % {"value": value}})
    return number.quantize(Decimal("0.01"))


def _title(name: str, value: Any) -> str:
    text = clean_text(str(value or ""))
    if not text:
        raise ValidationError({name: _("Write a title.")})
    if len(text) > 300:
        raise ValidationError({name: _("Keep the title within 300 characters.")})
    return text


def _clean_goal(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(GOAL_FIELDS))
    if unknown:
        raise ValueError(f"a goal has no field {', '.join(unknown)}")
    cleaned = dict(fields)
    if "title" in cleaned:
        cleaned["title"] = _title("title", cleaned["title"])
    for name in ("target", "measure"):
        if name in cleaned:
            cleaned[name] = (cleaned[name] or "").strip()
    if len(cleaned.get("measure", "")) > 300:
        raise ValidationError({"measure": _("Keep the measure within 300 characters.")})
    for name in ("target_value", "current_value"):
        if name in cleaned:
            cleaned[name] = _decimal(name, cleaned[name])
    due_on = cleaned.get("due_on")
    if due_on is not None and not isinstance(due_on, dt.date):
        raise ValidationError({"due_on": _("Give the due date as a date.")})
    return cleaned


def _same_network(network: Network, goal: Goal | None) -> None:
    if goal is not None and goal.network_id != network.pk:
        raise ValidationError(
            {"goal": _("The goal “%(goal)s” belongs to another network.") % {"goal": goal}}
        )


def _next_position(rows: models.QuerySet[Any]) -> int:
    last = rows.aggregate(last=models.Max("position"))["last"]
    return 0 if last is None else last + 1


def _created(author: audit.Author, row: models.Model, fields: dict[str, Any]) -> None:
    audit.record(author, AuditEvent.Action.CREATE, row, changes=audit.diff({}, fields))


def _change(
    author: audit.Author, current: models.Model, wanted: dict[str, Any], version: int | None
) -> None:
    """``versions.change`` for rows with decimal fields, which the trail keeps as text."""
    old = {name: getattr(current, name) for name in wanted}
    versions.check(current, version, wanted, old)
    changes = audit.diff(old, wanted)
    for name, value in wanted.items():
        setattr(current, name, value)
    versions.save_changes(author, current, changes, sorted(changes))


def goal_create(author: audit.Author, network: Network, **fields: Any) -> Goal:
    """Add a goal at the end of the network's goals."""
    cleaned = _clean_goal({"title": "", **fields})
    with transaction.atomic():
        goal = Goal(
            workspace_id=network.workspace_id,
            network=network,
            position=_next_position(Goal.objects.filter(network=network)),
            **cleaned,
        )
        goal.save()
        _created(author, goal, cleaned)
    return goal


def goal_update(
    author: audit.Author, goal: Goal, *, version: int | None = None, **changes: Any
) -> Goal:
    """Change the given fields; with ``version`` (the one the editor read), a field someone else
    changed since raises ``versions.EditConflict``."""
    cleaned = _clean_goal(changes)
    with transaction.atomic():
        _change(author, versions.locked(goal), cleaned, version)
    goal.refresh_from_db()
    return goal


def strategy_create(
    author: audit.Author,
    network: Network,
    *,
    title: str,
    description: str = "",
    goal: Goal | None = None,
) -> Strategy:
    """Add a strategy (under ``goal``, one of the network's) at the end of its strategies."""
    _same_network(network, goal)
    fields = {"title": _title("title", title), "description": description.strip(), "goal": goal}
    with transaction.atomic():
        strategy = Strategy(
            workspace_id=network.workspace_id,
            network=network,
            position=_next_position(Strategy.objects.filter(network=network)),
            **fields,
        )
        strategy.save()
        _created(author, strategy, fields)
    return strategy


def strategy_update(
    author: audit.Author, strategy: Strategy, *, version: int | None = None, **changes: Any
) -> Strategy:
    unknown = sorted(set(changes) - set(STRATEGY_FIELDS))
    if unknown:
        raise ValueError(f"a strategy has no field {', '.join(unknown)}")
    if "title" in changes:
        changes["title"] = _title("title", changes["title"])
    if "description" in changes:
        changes["description"] = (changes["description"] or "").strip()
    if "goal" in changes:
        _same_network(strategy.network, changes["goal"])
    with transaction.atomic():
        versions.change(author, versions.locked(strategy), changes, version)
    strategy.refresh_from_db()
    return strategy


def _dependents(row: models.Model) -> list[str]:
    """What still points at ``row`` (every reverse relation, so rows other areas link here,
    such as an expansion plan's rows, count too): "3 strategies", …"""
    found = []
    for relation in row._meta.related_objects:
        if relation.one_to_many and relation.related_name != "+":
            count = relation.related_model._default_manager.filter(
                **{relation.field.name: row}
            ).count()
            if count:
                if relation.related_name == "working_groups":
                    name = _("working groups")
                else:
                    name = str(relation.related_model._meta.verbose_name_plural)
                found.append(f"{count} {name}")
    return found


def _delete(author: audit.Author, row: models.Model) -> None:
    with transaction.atomic():
        current = versions.locked(row)
        dependents = _dependents(current)
        if dependents:
            raise ValidationError(
                _("“%(row)s” cannot be deleted while these still refer to it: %(what)s.")
                % {"row": current, "what": ", ".join(dependents)}
            )
        audit.record(author, AuditEvent.Action.DELETE, current)
        current.delete()


def goal_delete(author: audit.Author, goal: Goal) -> None:
    """Delete a goal no strategy serves (move or delete its strategies first)."""
    _delete(author, goal)


def strategy_delete(author: audit.Author, strategy: Strategy) -> None:
    """Delete a strategy that no working group carries and no plan row serves."""
    _delete(author, strategy)


def design_reorder(author: audit.Author, rows: Sequence[Row]) -> None:
    """Put the network's goals (or strategies) in the order given: all of them, each once."""
    if not rows:
        return
    model, network_id = type(rows[0]), rows[0].network_id
    ids = [row.pk for row in rows]
    stored = set(model.objects.filter(network_id=network_id).values_list("pk", flat=True))
    if len(set(ids)) != len(ids) or set(ids) != stored:
        raise ValidationError(
            _("Give every %(what)s of the network once to put them in order.")
            % {"what": model._meta.verbose_name}
        )
    with transaction.atomic():
        for position, row in enumerate(rows):
            current = versions.locked(row)
            if current.position != position:
                versions.change(author, current, {"position": position}, None)


def design_move(author: audit.Author, row: Row, offset: int) -> None:
    """Move a goal ``offset`` places up (negative) or down among its network's goals, or a
    strategy among the strategies under the same goal (as the systems map shows them): it
    changes places with the one it passes."""
    ordered = list(type(row).objects.filter(network_id=row.network_id).order_by("position", "id"))
    group = list(ordered)
    if isinstance(row, Strategy):
        group = [s for s in ordered if isinstance(s, Strategy) and s.goal_id == row.goal_id]
    index = next(i for i, sibling in enumerate(group) if sibling.pk == row.pk)
    to = max(0, min(len(group) - 1, index + offset))
    if to == index:
        return
    # Past each one in turn, as one step at a time would.
    way = 1 if to > index else -1
    for step in range(index, to, way):
        here, there = group[step], group[step + way]
        a, b = ordered.index(here), ordered.index(there)
        ordered[a], ordered[b] = there, here
        group[step], group[step + way] = there, here
    design_reorder(author, ordered)


def working_group_create(
    author: audit.Author,
    network: Network,
    *,
    slug: str,
    name: str,
    strategy: Strategy | None = None,
    description: str = "",
    lead: Actor | None = None,
) -> Network:
    """A working group: a sub-network of ``network`` carrying one of its strategies, with
    ``lead`` (an actor of the workspace) as its first member, in the lead's role."""
    if strategy is not None and strategy.network_id != network.pk:
        raise ValidationError({"strategy": _("The strategy belongs to another network.")})
    if lead is not None and lead.workspace_id != network.workspace_id:
        raise ValidationError({"lead": _("The actor belongs to another workspace.")})
    workspace = network.workspace
    with transaction.atomic():
        group = network_create(
            author,
            workspace,
            slug=slug,
            name=name,
            kind=network.kind,
            description=description,
            parent=network,
        )
        if strategy is not None:
            versions.change(author, versions.locked(group), {"strategy": strategy}, None)
            group.refresh_from_db()
        if lead is not None:
            membership_set(author, group, lead, role=LEAD_ROLE)
    return group


def working_group_assign(
    author: audit.Author,
    group: Network,
    strategy: Strategy | None,
    *,
    version: int | None = None,
) -> Network:
    """Let a sub-network carry ``strategy`` (one of its parent's), or none."""
    if strategy is not None and (group.parent_id is None or strategy.network_id != group.parent_id):
        raise ValidationError(
            {"strategy": _("A working group carries a strategy of the network it is part of.")}
        )
    with transaction.atomic():
        versions.change(author, versions.locked(group), {"strategy": strategy}, version)
    group.refresh_from_db()
    return group
