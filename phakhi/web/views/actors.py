"""The actor page: details, contacts, organization and people, memberships, ties (with the
forms that add, change and end them), measures of the latest analysis and change history."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor
from phakhi.actors.selectors import actor_get, actor_history, actor_people
from phakhi.analysis.selectors import actor_metrics, latest_run
from phakhi.core import areas
from phakhi.core.audit import Author
from phakhi.core.dates import current_language
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.personal import PersonalView, personal_view
from phakhi.core.selectors import NotFound
from phakhi.core.versions import EditConflict
from phakhi.imports.merge import merge_candidates
from phakhi.ties.models import Strength, Tie
from phakhi.ties.selectors import actor_tie_history, tie_list
from phakhi.ties.services import tie_create, tie_end, tie_set_strength
from phakhi.web.access import WorkspaceView, forbidden, request_author, workspace_view
from phakhi.web.actor_picker import ActorPicker, actor_named, with_actor_suggestions
from phakhi.web.conflicts import conflict_message
from phakhi.web.forms import DateText, add_service_errors
from phakhi.web.views.actor_text import brokerage_of, measures_of, strength_words

PAGE_SIZE = 50


class TieAddForm(forms.Form):
    other = forms.CharField(
        label=gettext_lazy("Other actor"),
        max_length=300,
        widget=ActorPicker(),
        help_text=gettext_lazy("Type part of the name or the key, then choose from the list."),
    )
    strength = forms.TypedChoiceField(
        label=gettext_lazy("Strength"), choices=Strength.choices, coerce=int
    )
    kind = forms.CharField(label=gettext_lazy("Kind of tie"), max_length=100, required=False)


class TieStrengthForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    strength = forms.TypedChoiceField(
        label=gettext_lazy("Strength"),
        choices=Strength.choices,
        coerce=int,
        error_messages={
            "required": gettext_lazy("Strength must be 1–4."),
            "invalid_choice": gettext_lazy("Strength must be 1–4."),
        },
    )


class TieEndForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    until = DateText(label=gettext_lazy("Ended on"))


def actor_or_404(workspace: Workspace, actor_id: int) -> Actor:
    try:
        return actor_get(workspace, actor_id)
    except NotFound as error:
        raise Http404(str(error)) from None


def area_text(actor: Actor) -> str:
    language = current_language()
    names = [
        areas.subdistrict_name(actor.subdistrict_code, language),
        areas.district_name(actor.district_code, language),
        areas.province_name(actor.province_code, language),
    ]
    return ", ".join(name for name in names if name)


def _field_label(name: str, model: type[Actor] | type[Tie] = Actor) -> str:
    if name == "merged":
        return _("Merged with")
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name))


def _change_text(value: Any) -> Any:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):  # extra columns: "name: value; …"
        return "; ".join(f"{k}: {_change_text(v)}" for k, v in value.items())
    return value


HISTORY_SHOWN = 20


def _history_rows(view: PersonalView, actor: Actor) -> list[dict[str, Any]]:
    """The changes of the actor and of its ties (added, changed, ended: with the other actor
    named), newest first, old → new per field, as the user may see them (old and new contacts
    and personal columns masked for viewers)."""
    events: list[tuple[AuditEvent, Tie | None]] = [
        (event, None) for event in actor_history(actor, HISTORY_SHOWN)
    ]
    events += actor_tie_history(actor, HISTORY_SHOWN)
    events.sort(key=lambda pair: (pair[0].at, pair[0].pk), reverse=True)
    rows = []
    for event, tie in events[:HISTORY_SHOWN]:
        model = Actor if tie is None else Tie
        changes = []
        for name, values in view.changes(event.changes or {}).items():
            old, new = [*values, None, None][:2] if isinstance(values, list) else (None, values)
            if name == "merged":  # who was merged in and what moved with them
                new = _merged_words(new)
            old, new = _change_text(old), _change_text(new)
            changes.append({"field": _field_label(name, model), "old": old, "new": new})
        other = None if tie is None else tie.target if tie.source_id == actor.pk else tie.source
        rows.append({"event": event, "changes": changes, "other": other})
    return rows


def _merged_words(merged: dict[str, Any]) -> str:
    return _(
        "%(name)s (%(key)s); moved: %(ties)s ties, %(memberships)s memberships, "
        "%(people)s people, %(history)s changes"
    ) % {
        "name": merged.get("name", ""),
        "key": merged.get("key", ""),
        "ties": merged.get("ties_moved", 0) + merged.get("ties_combined", 0),
        "memberships": merged.get("memberships_moved", 0) + merged.get("memberships_combined", 0),
        "people": merged.get("people_moved", 0),
        "history": merged.get("history_moved", 0),
    }


def _tie_rows(actor: Actor, ties: Any) -> list[dict[str, Any]]:
    return [
        {
            "tie": tie,
            "other": tie.target if tie.source_id == actor.pk else tie.source,
            "strength": strength_words(tie.strength),
        }
        for tie in ties
    ]


def _page(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    actor: Actor,
    add_form: TieAddForm | None = None,
    status: int = 200,
) -> HttpResponse:
    ties = Paginator(tie_list(workspace, actor_id=actor.pk), PAGE_SIZE).get_page(
        request.GET.get("ties")
    )
    people = None
    if actor.kind == "organization":
        people = Paginator(actor_people(actor), PAGE_SIZE).get_page(request.GET.get("people"))
    run = latest_run(workspace)
    result = actor_metrics(run, actor) if run is not None else None
    can_edit = access.can_edit_actor(actor.pk)
    view = personal_view(access)
    context = {
        "workspace": workspace,
        "access": access,
        "actor": actor,
        "area": area_text(actor),
        "contacts": view.contacts(actor),
        "memberships": sorted(actor.memberships.all(), key=lambda m: m.network.name),
        "people": people,
        "ties": ties,
        "tie_rows": _tie_rows(actor, ties.object_list),
        "strength_choices": Strength.choices,
        "run": run,
        "measures": measures_of(result) if result is not None else None,
        "brokerage": brokerage_of(result) if result is not None else None,
        "history": _history_rows(view, actor),
        "can_edit": can_edit,
        "can_merge": access.can_merge_actors,
        "add_form": with_actor_suggestions(add_form, workspace)
        if add_form
        else (
            with_actor_suggestions(TieAddForm(initial={"strength": 1}), workspace)
            if can_edit
            else None
        ),
        "end_form": TieEndForm() if can_edit else None,
        "duplicates": merge_candidates(workspace, actor) if access.can_merge_actors else [],
    }
    return render(request, "web/actor.html", context, status=status)


@workspace_view()
def actor_page(request: HttpRequest, workspace: Workspace, access: Access, pk: int) -> HttpResponse:
    return _page(request, workspace, access, actor_or_404(workspace, pk))


def _back(workspace: Workspace, actor: Actor) -> HttpResponse:
    return redirect("web:actor", workspace=workspace.slug, pk=actor.pk)


def _actor_change(view: Callable[..., HttpResponse]) -> WorkspaceView:
    """A POST that changes the ties of the actor ``pk``: for the users who may edit that actor
    (403 for the others); the view gets the actor in place of its id."""

    @require_POST
    @workspace_view("edit")
    @wraps(view)
    def wrapper(
        request: HttpRequest, workspace: Workspace, access: Access, pk: int, **kwargs: Any
    ) -> HttpResponse:
        actor = actor_or_404(workspace, pk)
        if not access.can_edit_actor(actor.pk):
            return forbidden(request, access, "edit_actor")
        return view(request, workspace, access, actor, **kwargs)

    return wrapper


@_actor_change
def tie_add(
    request: HttpRequest, workspace: Workspace, access: Access, actor: Actor
) -> HttpResponse:
    form = TieAddForm(request.POST)
    if form.is_valid():
        other = actor_named(workspace, form, "other")
        if other is not None:
            try:
                tie_create(
                    request_author(request),
                    workspace,
                    actor,
                    other,
                    strength=form.cleaned_data["strength"],
                    kind=form.cleaned_data["kind"],
                )
            except ValidationError as error:
                error = ValidationError(
                    {("other" if k == "target" else k): v for k, v in error.message_dict.items()}
                )
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("The tie with %(name)s has been added.") % {"name": other.name}
                )
                return _back(workspace, actor)
    return _page(request, workspace, access, actor, add_form=form, status=400)


def _tie_change(
    request: HttpRequest,
    workspace: Workspace,
    actor: Actor,
    tie_id: int,
    form: forms.Form,
    change: Callable[[Author, Tie, dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """One of the actor's ties changed from a one-field form; what came of it shows as a message
    on the actor page."""
    tie = tie_list(workspace, actor_id=actor.pk).filter(pk=tie_id).first()
    if tie is None:
        raise Http404(_("This actor has no such tie."))
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return _back(workspace, actor)
    try:
        change(request_author(request), tie, form.cleaned_data)
    except EditConflict as conflict:
        messages.error(request, conflict_message(conflict))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return _back(workspace, actor)


@_actor_change
def tie_strength(
    request: HttpRequest, workspace: Workspace, access: Access, actor: Actor, tie_id: int
) -> HttpResponse:
    return _tie_change(
        request,
        workspace,
        actor,
        tie_id,
        TieStrengthForm(request.POST),
        lambda author, tie, data: tie_set_strength(
            author, tie, data["strength"], version=data["version"]
        ),
        _("The strength of the tie has been changed."),
    )


@_actor_change
def tie_finish(
    request: HttpRequest, workspace: Workspace, access: Access, actor: Actor, tie_id: int
) -> HttpResponse:
    return _tie_change(
        request,
        workspace,
        actor,
        tie_id,
        TieEndForm(request.POST),
        lambda author, tie, data: tie_end(author, tie, data["until"], version=data["version"]),
        _("The tie has been ended."),
    )
