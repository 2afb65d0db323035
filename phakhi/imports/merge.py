"""Merging two records of the same actor: everything of the merged actor moves to the kept one.

It sits in the imports layer because it rewrites ties, memberships and the audit trail, which
live in apps above ``actors``. The merged actor's analysis results go with it (cascade): the
analysis has to run again.
"""

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor, ActorTag
from phakhi.actors.validation import actor_name_key, stored_values
from phakhi.core import audit
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.thai import sort_key
from phakhi.imports import merge_hooks
from phakhi.imports.duplicates import find_possible_duplicates
from phakhi.networks.models import Membership, Role
from phakhi.ties.models import Tie

# Fields a user may choose between when both actors have a value; the area's three codes go
# together so that a district never ends up in another actor's province.
MERGE_FIELDS = (
    "name",
    "kind",
    "sector",
    "subsector",
    "area",
    "organization",
    "email",
    "phone",
    "line_id",
)
AREA_CODES = ("province_code", "district_code", "subdistrict_code")
KEPT, MERGED = "kept", "merged"
# Most central first: on a clash of memberships the kept row takes the more central role.
ROLE_ORDER = (Role.CORE_LEADER, Role.COORDINATOR, Role.MENTOR, Role.MEMBER, Role.ALLY)


@dataclass(frozen=True)
class MergeResult:
    kept: Actor
    merged_id: int
    merged_key: str
    merged_name: str
    ties_moved: int = 0
    ties_combined: int = 0
    ties_dropped: int = 0
    via_moved: int = 0
    memberships_moved: int = 0
    memberships_combined: int = 0
    people_moved: int = 0
    tags_added: int = 0
    history_moved: int = 0
    links_moved: int = 0
    links_unlinked: int = 0

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in asdict(self).items() if isinstance(v, int) and k != "merged_id"}


def field_value(actor: Actor, name: str) -> Any:
    """The value of a merge field: the area as its three codes, the organization as its id."""
    if name == "area":
        return tuple(getattr(actor, code) for code in AREA_CODES)
    if name == "organization":
        return actor.organization_id
    return getattr(actor, name)


def _is_empty(value: Any) -> bool:
    return not any(value) if isinstance(value, tuple) else not value


def _earlier(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return min(a, b) if a and b else a or b


def _later_or_open(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return None if a is None or b is None else max(a, b)


def _check(kept: Actor, merged: Actor, fields: Mapping[str, str]) -> None:
    if kept.pk == merged.pk:
        raise ValidationError({"merged": _("An actor cannot be merged with itself.")})
    if kept.workspace_id != merged.workspace_id:
        raise ValidationError({"merged": _("The actor belongs to another workspace.")})
    for name, side in fields.items():
        if name not in MERGE_FIELDS or side not in (KEPT, MERGED):
            raise ValidationError(
                {"fields": _("“%(field)s” cannot be chosen in a merge.") % {"field": name}}
            )


def _take_fields(kept: Actor, merged: Actor, fields: Mapping[str, str]) -> None:
    """Empty fields of the kept actor take the merged actor's value, unless ``fields`` says
    which side to keep; attributes are united (the kept actor's value wins)."""
    for name in MERGE_FIELDS:
        side = fields.get(name)
        mine, theirs = field_value(kept, name), field_value(merged, name)
        if side == MERGED or (side is None and _is_empty(mine) and not _is_empty(theirs)):
            if name == "area":
                for code, value in zip(AREA_CODES, theirs, strict=True):
                    setattr(kept, code, value)
            elif name == "organization":
                kept.organization_id = theirs
            else:
                setattr(kept, name, theirs)
    if kept.organization_id in (kept.pk, merged.pk):
        # The two were each other's organization: what is left is the merged one's, if any.
        other = merged.organization_id
        kept.organization_id = other if other not in (kept.pk, merged.pk) else None
    kept.name_key = actor_name_key(kept.name, kept.kind)
    kept.sort_key = sort_key(kept.name_key)
    kept.attributes = {**merged.attributes, **kept.attributes}


def _combine_tie(into: Tie, other: Tie) -> None:
    into.strength = max(into.strength, other.strength)
    into.since = _earlier(into.since, other.since)
    into.until = _later_or_open(into.until, other.until)
    into.attributes = {**other.attributes, **into.attributes}
    if into.via_id is None and other.via_id not in (into.source_id, into.target_id):
        into.via_id = other.via_id


def _move_ties(kept: Actor, merged: Actor, counts: dict[str, int]) -> None:
    ends = Q(source=merged) | Q(target=merged)
    theirs = list(Tie.objects.filter(ends))
    mine = {
        (t.source_id, t.target_id, t.kind, t.directed): t
        for t in Tie.objects.filter(Q(source=kept) | Q(target=kept))
    }
    moved, combined, absorbed, between = [], {}, [], []
    for tie in theirs:
        source = kept.pk if tie.source_id == merged.pk else tie.source_id
        target = kept.pk if tie.target_id == merged.pk else tie.target_id
        if source == target:  # the tie between the two
            between.append(tie.pk)
            continue
        if not tie.directed and source > target:
            source, target = target, source  # undirected ties are stored source < target
        same = mine.get((source, target, tie.kind, tie.directed))
        if same is not None:
            _combine_tie(same, tie)
            combined[same.pk] = same
            absorbed.append(tie.pk)
        else:
            tie.source_id, tie.target_id = source, target
            moved.append(tie)
    Tie.objects.filter(pk__in=[*between, *absorbed]).delete()
    # Combined ties changed their values: a later version (an edit from before is checked).
    for tie in combined.values():
        tie.version = F("version") + 1  # type: ignore[assignment]
    fields = ["strength", "since", "until", "attributes", "via", "version"]
    Tie.objects.bulk_update(combined.values(), fields, batch_size=500)
    Tie.objects.bulk_update(moved, ["source", "target"], batch_size=500)
    counts["ties_moved"] = len(moved)
    counts["ties_combined"] = len(absorbed)
    counts["ties_dropped"] = len(between)
    # A broker that became one of the tie's own ends is no broker.
    own = Q(source=kept) | Q(target=kept)
    Tie.objects.filter(own, via__in=[merged.pk, kept.pk]).update(via=None)
    counts["via_moved"] = Tie.objects.filter(via=merged).update(via=kept)


def _move_memberships(kept: Actor, merged: Actor, counts: dict[str, int]) -> None:
    mine = {m.network_id: m for m in Membership.objects.filter(actor=kept)}
    moved, combined = [], []
    for membership in Membership.objects.filter(actor=merged):
        same = mine.get(membership.network_id)
        if same is None:
            membership.actor_id = kept.pk
            moved.append(membership)
            continue
        same.role = min(same.role, membership.role, key=lambda r: ROLE_ORDER.index(Role(r)))
        same.since = _earlier(same.since, membership.since)
        same.until = _later_or_open(same.until, membership.until)
        same.version = F("version") + 1  # type: ignore[assignment]
        combined.append(same)
    Membership.objects.bulk_update(combined, ["role", "since", "until", "version"])
    Membership.objects.bulk_update(moved, ["actor"])
    counts["memberships_moved"], counts["memberships_combined"] = len(moved), len(combined)


def _move_tags(kept: Actor, merged: Actor) -> int:
    have = set(ActorTag.objects.filter(actor=kept).values_list("tag_id", flat=True))
    added = ActorTag.objects.filter(actor=merged).exclude(tag_id__in=have)
    return added.update(actor=kept)


# Moved above with their own rules; analysis results go with the merged actor (see the top).
_MOVED_ELSEWHERE = (Tie, Membership, ActorTag, Actor)


def _unique_with(model: type[models.Model], name: str) -> list[list[str]]:
    """The other fields of each unique constraint of ``model`` that includes ``name``."""
    sets = [
        list(c.fields)
        for c in model._meta.constraints
        if isinstance(c, models.UniqueConstraint) and name in c.fields
    ]
    sets += [list(t) for t in model._meta.unique_together if name in t]
    return [[f for f in fields if f != name] for fields in sets]


def other_links() -> Iterator[tuple[type[models.Model], str]]:
    """Each model and field, other than ties, memberships, tags and organisations, that links
    to an actor (hidden relations too: most are declared with related_name="+")."""
    for relation in Actor._meta.get_fields(include_hidden=True):
        if not isinstance(relation, models.ManyToOneRel):
            continue
        model = relation.related_model
        if not isinstance(model, type):
            continue
        if model in _MOVED_ELSEWHERE or model._meta.app_label == "analysis":
            continue
        yield model, relation.field.name


def _move_other_links(kept: Actor, merged: Actor, counts: dict[str, int]) -> None:
    """Every other record naming the merged actor — a project's lead actor, a stakeholder, a
    plan row's target, a lesson's participant … — names the kept one. Where the kept actor is
    already named in the same place (a unique constraint: one stakeholder per actor in an
    assessment), the merged actor's record keeps its text and loses the link when the link may
    be empty, and goes when it may not (a place on a drawn map)."""
    moved = unlinked = 0
    for model, name in other_links():
        relation = model._meta.get_field(name)
        manager = model._default_manager
        bump = {"version": F("version") + 1} if hasattr(model, "version") else {}
        for others in _unique_with(model, name):
            taken = Q(pk__in=[])
            for values in manager.filter(**{name: kept}).values_list(*others):
                taken |= Q(**dict(zip(others, values, strict=True)))
            clashing = manager.filter(taken, **{name: merged})
            if relation.null:
                unlinked += clashing.update(**{name: None}, **bump)
            else:
                unlinked += clashing.delete()[0]
        moved += manager.filter(**{name: merged}).update(**{name: kept}, **bump)
    counts["links_moved"], counts["links_unlinked"] = moved, unlinked


def _snapshot(actor: Actor) -> dict[str, Any]:
    return stored_values(actor) | {
        "organization": actor.organization_id,
        "tags": sorted(actor.tags.values_list("name", flat=True)),
        "attributes": dict(actor.attributes),
    }


def actors_merge(
    author: audit.Author,
    kept: Actor,
    merged: Actor,
    *,
    fields: Mapping[str, str] | None = None,
) -> MergeResult:
    """Merge ``merged`` into ``kept`` and delete it. ``fields`` maps a field of ``MERGE_FIELDS``
    to "kept" or "merged": whose value stays where both have one (by default the kept one's,
    and an empty field takes the merged one's). Recorded as one update of the kept actor."""
    fields = dict(fields or {})
    _check(kept, merged, fields)
    with transaction.atomic():
        locked = Actor.objects.select_for_update().in_bulk([kept.pk, merged.pk])
        if len(locked) != 2:
            raise ValidationError({"merged": _("The actor no longer exists.")})
        kept, merged = locked[kept.pk], locked[merged.pk]
        old = _snapshot(kept)
        counts: dict[str, int] = {}
        merge_hooks.actors_merging(kept, merged, author)
        _move_ties(kept, merged, counts)
        _move_memberships(kept, merged, counts)
        people = Actor.objects.filter(organization=merged).exclude(pk=kept.pk)
        counts["people_moved"] = people.update(organization=kept)
        counts["tags_added"] = _move_tags(kept, merged)
        _move_other_links(kept, merged, counts)
        history = AuditEvent.objects.filter(
            workspace=kept.workspace_id,
            object_type=Actor._meta.label_lower,
            object_id=str(merged.pk),
        )
        # The merged actor's versions are not the kept one's: its events keep no version.
        counts["history_moved"] = history.update(object_id=str(kept.pk), object_version=None)
        _take_fields(kept, merged, fields)
        kept.version += 1
        kept.save()
        result = MergeResult(kept, merged.pk, merged.key, merged.name, **counts)
        merged_in = {"id": merged.pk, "key": merged.key, "name": merged.name}
        merged.delete()
        merge_hooks.actors_merged(kept, result.merged_id, author)
        changes: dict[str, Any] = audit.diff(old, _snapshot(kept))
        changes["merged"] = [None, merged_in | result.counts()]
        audit.record(author, AuditEvent.Action.UPDATE, kept, changes=changes)
    return result


def merge_candidates(
    workspace: Workspace, actor: Actor, *, limit: int = 10
) -> list[tuple[Actor, str]]:
    """Other actors of the workspace that may be the same as ``actor`` (an unsaved one too),
    with why: the reasons an import reports, and the same name in any organization."""
    numbers = [n for n in actor.phone.split(", ") if n]
    # The workspace in each alternative: SQLite (no statistics) then looks each one up in its
    # own index instead of walking the whole workspace in name order.
    alike = Q(workspace=workspace, name_key=actor.name_key) if actor.name_key else Q(pk__in=[])
    if numbers:
        alike |= Q(workspace=workspace, phone__in=[actor.phone, *numbers])
    if actor.email:
        alike |= Q(workspace=workspace, email=actor.email)
    found = (
        Actor.objects.filter(alike)
        .exclude(pk=actor.pk)
        .select_related("organization")
        .order_by("sort_key", "id")[:limit]
    )
    return _with_reasons(actor, list(found))


def _described(actors: Iterable[Actor]) -> dict[str, tuple[dict[str, object], str]]:
    return {
        f"{a.pk}": (stored_values(a), a.organization.key if a.organization else "") for a in actors
    }


def _with_reasons(actor: Actor, found: list[Actor]) -> list[tuple[Actor, str]]:
    incoming = {"\x00new": (stored_values(actor), _organization_key(actor))}
    reasons: dict[str, list[str]] = {}
    for pair in find_possible_duplicates(incoming, _described(found)):
        for key in pair.keys:
            reasons.setdefault(key, []).append(pair.reason)
    same_name, same_organization = _("same name"), _("same name in the same organization")
    rows = []
    for other in found:
        why = reasons.get(f"{other.pk}") or []
        if other.name_key == actor.name_key and same_organization not in why:
            why.append(same_name)
        rows.append((other, ", ".join(dict.fromkeys(why))))
    return rows


def _organization_key(actor: Actor) -> str:
    if actor.organization_id is None:
        return ""
    organization = actor.organization
    return organization.key if organization is not None else ""


def merge_counts(merged: Actor) -> dict[str, int]:
    """What a merge would move from ``merged``: its ties, memberships, people, history, and its
    other links (attendance, stakeholders, plan rows, lesson answers …)."""
    history = AuditEvent.objects.filter(
        workspace=merged.workspace_id,
        object_type=Actor._meta.label_lower,
        object_id=str(merged.pk),
    )
    return {
        "ties": Tie.objects.filter(Q(source=merged) | Q(target=merged)).count(),
        "memberships": Membership.objects.filter(actor=merged).count(),
        "people": Actor.objects.filter(organization=merged).count(),
        "history": history.count(),
        "other_links": sum(
            model._default_manager.filter(**{name: merged}).count() for model, name in other_links()
        ),
    }
