"""What every app's admin shares: display helpers and audited writes.

Thai is the default language and English the second; dates show in the Buddhist era in Thai.
Every write made in the admin is audited in the same transaction as the write itself:
``AuditedAdmin`` records an ``AuditEvent`` with the old and new values for each save, each
deletion (including the rows a deletion cascades to or clears) and each inline row.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from django import forms
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models, router, transaction
from django.db.models.deletion import Collector
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from phakhi.core import audit, versions
from phakhi.core.audit import Author
from phakhi.core.dates import show_date
from phakhi.core.models import AuditEvent, Workspace

Action = AuditEvent.Action


# --- display helpers ------------------------------------------------------------------------


def author_of(request: HttpRequest) -> Author:
    user = request.user
    return Author(label=f"admin:{user.get_username()}", user_id=user.pk)


# --- audit helpers --------------------------------------------------------------------------


def has_workspace(model: type[models.Model]) -> bool:
    try:
        field = model._meta.get_field("workspace")
    except FieldDoesNotExist:
        return False
    return bool(field.many_to_one) and field.related_model is Workspace


def workspace_id_of(obj: models.Model) -> int | None:
    """The workspace a row belongs to: its own, or that of the rows it links (ActorTag)."""
    if isinstance(obj, Workspace):
        return obj.pk
    if has_workspace(type(obj)):
        return getattr(obj, "workspace_id", None)
    for field in obj._meta.concrete_fields:
        if field.many_to_one and field.related_model is not None:
            related = getattr(obj, field.name, None)
            if related is not None and has_workspace(type(related)):
                return getattr(related, "workspace_id", None)
    return None


def snapshot(obj: models.Model, names: Iterable[str]) -> dict[str, Any]:
    """The stored values of the named concrete fields (a foreign key as its id)."""
    values: dict[str, Any] = {}
    for name in names:
        try:
            field = obj._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.Field) and field.concrete and not field.many_to_many:
            values[name] = field.value_from_object(obj)
    return values


def _given(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in (None, "", [], {})}


def _editable_names(obj: models.Model) -> list[str]:
    return [f.name for f in obj._meta.concrete_fields if f.editable and not f.primary_key]


class _AuditCollector(Collector):
    """Collects every row a deletion reaches, loaded, so that each can be recorded."""

    def can_fast_delete(self, *args: Any, **kwargs: Any) -> bool:
        return False

    def related_objects(self, related_model: Any, related_fields: Any, objs: Any) -> Any:
        # Load what str() of the rows needs in the same query (a tie names both actors).
        linked = [
            f.name
            for f in related_model._meta.concrete_fields
            if f.many_to_one and f.related_model is not Workspace
        ]
        return super().related_objects(related_model, related_fields, objs).select_related(*linked)


def record_deletion(author: Author, objs: Sequence[models.Model]) -> None:
    """Record the deletion of ``objs`` with their old values, and of everything it cascades to
    (ties and memberships of a deleted actor) or clears (``organization``, ``via``)."""
    if not objs:
        return
    batch = audit.new_batch_id()
    events: list[AuditEvent] = []
    workspaces = [o for o in objs if isinstance(o, Workspace)]
    for workspace in workspaces:
        # Its rows and its own audit trail go with it; the event is kept outside it.
        old = _given(snapshot(workspace, _editable_names(workspace)))
        changes = audit.diff(old, dict.fromkeys(old))
        events.append(
            audit.event(
                author, Action.DELETE, workspace, changes=changes, workspace_id=None, batch=batch
            )
        )
    rest = [o for o in objs if not isinstance(o, Workspace)]
    if rest:
        collector = _AuditCollector(using=router.db_for_write(type(rest[0])))
        collector.collect(rest)
        for model, instances in collector.data.items():
            if model is AuditEvent:
                continue
            for obj in instances:
                old = _given(snapshot(obj, _editable_names(obj)))
                changes = audit.diff(old, dict.fromkeys(old))
                events.append(
                    audit.event(
                        author,
                        Action.DELETE,
                        obj,
                        changes=changes,
                        workspace_id=workspace_id_of(obj),
                        batch=batch,
                    )
                )
        for (field, value), groups in collector.field_updates.items():
            for group in groups:
                for obj in cast(Iterable[models.Model], group):  # a queryset or a list
                    old_value = getattr(obj, field.attname)
                    changes = {field.name: [audit.jsonable(old_value), audit.jsonable(value)]}
                    events.append(
                        audit.event(
                            author,
                            Action.UPDATE,
                            obj,
                            changes=changes,
                            workspace_id=workspace_id_of(obj),
                            batch=batch,
                        )
                    )
    audit.record_many(events)


# --- forms ----------------------------------------------------------------------------------


class AuditedForm(forms.ModelForm):
    """A model form that remembers the stored values (for the audit trail) and refuses links
    to rows of another workspace: nothing crosses workspaces."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        adding = self.instance._state.adding
        self.audit_before: dict[str, Any] = {} if adding else snapshot(self.instance, self.fields)

    def audit_changes(self) -> dict[str, list[Any]]:
        """``{field: [old, new]}`` for what this form changed (all given values when adding)."""
        after = snapshot(self.instance, self.fields)
        if not self.audit_before:
            return audit.diff({}, _given(after))
        return audit.diff(self.audit_before, after)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._check_one_workspace(cleaned)
        return cleaned

    def _check_one_workspace(self, cleaned: dict[str, Any]) -> None:
        model = self._meta.model
        anchor: int | None = None
        if model is not None and has_workspace(model):
            if "workspace" in self.fields:
                workspace = cleaned.get("workspace")
                if workspace is None:
                    return  # the field's own error says so
                anchor = workspace.pk
            else:
                anchor = getattr(self.instance, "workspace_id", None)
        for name in self.fields:
            if name == "workspace":
                continue
            value = cleaned.get(name)
            if not isinstance(value, models.Model) or not has_workspace(type(value)):
                continue
            if value.pk is not None and value.pk == self.instance.pk and type(value) is model:
                self.add_error(name, _("A row cannot point to itself."))
                continue
            linked = getattr(value, "workspace_id", None)
            if anchor is None:
                anchor = linked
            elif linked != anchor:
                self.add_error(
                    name,
                    _("“%(object)s” belongs to another workspace.") % {"object": value},
                )


def check_dates_in_order(
    form: forms.BaseForm, cleaned: Mapping[str, Any], first: str, last: str, *, strict: bool
) -> None:
    start, end = cleaned.get(first), cleaned.get(last)
    if start is None or end is None:
        return
    if end < start or (strict and end == start):
        form.add_error(last, _("This date must come after the start date."))


# --- the admin base -------------------------------------------------------------------------


class AuditedAdmin(admin.ModelAdmin):
    """A model admin whose every write records an AuditEvent in the same transaction."""

    form = AuditedForm
    show_full_result_count = False
    list_per_page = 50

    def prepare(self, obj: Any) -> None:
        """Fill derived fields (comparable names) before a save. Subclasses override."""

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        # A row never moves to another workspace.
        if obj is not None and has_workspace(self.model) and "workspace" not in fields:
            fields.insert(0, "workspace")
        return fields

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        with transaction.atomic(using=router.db_for_write(self.model)):
            self.prepare(obj)
            super().save_model(request, obj, form, change)
            changes = form.audit_changes() if isinstance(form, AuditedForm) else {}
            if change and not changes:
                return
            if change:
                versions.bump(obj)
            workspace = obj if isinstance(obj, Workspace) else None
            audit.record(
                author_of(request),
                Action.UPDATE if change else Action.CREATE,
                obj,
                workspace=workspace,
                changes=changes,
            )

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        author = author_of(request)
        with transaction.atomic(using=router.db_for_write(self.model)):
            deleted = [f.instance for f in formset.deleted_forms if f.instance.pk is not None]
            record_deletion(author, deleted)
            formset.save()
            created = {id(o) for o in formset.new_objects}
            changed = {id(o) for o, _fields in formset.changed_objects}
            for inline_form in formset.forms:
                obj = inline_form.instance
                if id(obj) not in created and id(obj) not in changed:
                    continue
                changes = (
                    inline_form.audit_changes() if isinstance(inline_form, AuditedForm) else {}
                )
                if id(obj) in changed and not changes:
                    continue
                if id(obj) in changed:
                    versions.bump(obj)
                audit.record(
                    author,
                    Action.CREATE if id(obj) in created else Action.UPDATE,
                    obj,
                    workspace_id=workspace_id_of(obj),
                    changes=changes,
                )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic(using=router.db_for_write(self.model)):
            record_deletion(author_of(request), [obj])
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        with transaction.atomic(using=router.db_for_write(self.model)):
            record_deletion(author_of(request), list(queryset))
            super().delete_queryset(request, queryset)

    @admin.display(description=_("created at"), ordering="created_at")
    def created_display(self, obj: Any) -> str | None:
        return show_date(getattr(obj, "created_at", None))

    @admin.display(description=_("updated at"), ordering="updated_at")
    def updated_display(self, obj: Any) -> str | None:
        return show_date(getattr(obj, "updated_at", None))


class AuditedInline(admin.TabularInline):
    form = AuditedForm
    extra = 1
