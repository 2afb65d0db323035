"""Adding and editing an actor (with a warning about possible duplicates) and merging two records
of the same actor. The services check the values; the forms show what they say."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor, Kind, Sector
from phakhi.actors.search import actors_by_key_or_name
from phakhi.actors.selectors import actor_by_key
from phakhi.actors.services import actor_update
from phakhi.actors.validation import clean_actor
from phakhi.core import areas
from phakhi.core.dates import current_language
from phakhi.core.models import Workspace
from phakhi.core.thai import thai_sorted
from phakhi.core.versions import EditConflict
from phakhi.imports.merge import merge_candidates
from phakhi.networks.models import Network
from phakhi.networks.selectors import networks_by_name
from phakhi.networks.services import actor_create_in_networks
from phakhi.web.access import forbidden, request_author, workspace_view
from phakhi.web.actor_picker import ActorPicker, with_actor_suggestions
from phakhi.web.conflicts import VersionedForm, reopen, resolved
from phakhi.web.forms import add_service_errors
from phakhi.web.views.actors import actor_or_404

AREA = ("province", "district", "subdistrict")
SUBSECTOR_SUGGESTIONS = (
    gettext_lazy("community"),
    gettext_lazy("NGO"),
    gettext_lazy("business"),
    gettext_lazy("media"),
    gettext_lazy("central government"),
    gettext_lazy("provincial government"),
    gettext_lazy("local government"),
    gettext_lazy("educational institution"),
)


class ActorForm(forms.Form):
    """An actor's columns as a person types them; ``actor_create`` / ``actor_update`` check
    them (with the same messages as an import)."""

    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Kind.choices)
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=300,
        help_text=gettext_lazy("As it is written, with a title if any (นาย, ดร. …)."),
    )
    key = forms.CharField(
        label=gettext_lazy("Key"),
        max_length=100,
        help_text=gettext_lazy("Your own identifier, unique in the workspace."),
    )
    sector = forms.ChoiceField(label=gettext_lazy("Sector"), required=False)
    subsector = forms.CharField(
        label=gettext_lazy("Subsector"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"list": "subsector-suggestions"}),
    )
    province = forms.ChoiceField(label=gettext_lazy("Province"), required=False)
    district = forms.CharField(label=gettext_lazy("District"), max_length=100, required=False)
    subdistrict = forms.CharField(label=gettext_lazy("Subdistrict"), max_length=100, required=False)
    organization = forms.CharField(
        label=gettext_lazy("Organization"),
        max_length=300,
        required=False,
        widget=ActorPicker(organizations=True),
        help_text=gettext_lazy("The key or part of the name of an organization in this workspace."),
    )
    email = forms.CharField(label=gettext_lazy("E-mail"), max_length=254, required=False)
    phone = forms.CharField(
        label=gettext_lazy("Phone"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("e.g. 081-234-5678; several numbers separated by commas."),
    )
    line_id = forms.CharField(label=gettext_lazy("LINE ID"), max_length=100, required=False)
    tags = forms.CharField(
        label=gettext_lazy("Issues"),
        max_length=1000,
        required=False,
        help_text=gettext_lazy("Separated by commas."),
    )
    networks = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Add to networks"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, networks: Sequence[Network] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        language = current_language()
        self.fields["sector"].choices = [("", "–"), *Sector.choices]  # type: ignore[attr-defined]
        provinces = [(c, areas.province_name(c, language)) for c, _n in areas.province_choices()]
        provinces = thai_sorted(provinces, key=lambda option: option[1])
        self.fields["province"].choices = [("", "–"), *provinces]  # type: ignore[attr-defined]
        if networks is None:  # editing: memberships are changed on the network pages
            del self.fields["networks"]
        else:
            self.fields["networks"].choices = [(n.pk, n.name) for n in networks]  # type: ignore[attr-defined]


def _initial(actor: Actor) -> dict[str, Any]:
    return {
        "kind": actor.kind,
        "name": actor.name,
        "key": actor.key,
        "sector": actor.sector,
        "subsector": actor.subsector,
        "province": actor.province_code,
        "district": areas.district_name(actor.district_code),
        "subdistrict": areas.subdistrict_name(actor.subdistrict_code),
        "organization": actor.organization.key if actor.organization else "",
        "email": actor.email,
        "phone": actor.phone,
        "line_id": actor.line_id,
        "tags": ", ".join(tag.name for tag in actor.tags.all()),
    }


def _columns(form: ActorForm, names: Sequence[str]) -> dict[str, str]:
    """The form's values as the canonical columns the services take (the province by name)."""
    data = form.cleaned_data
    columns = {name: data[name] for name in names if name not in ("networks", "organization")}
    if "province" in columns:
        columns["province"] = areas.province_name(columns["province"])
    return columns


def _organization(form: ActorForm, workspace: Workspace) -> tuple[str | None, list[Actor]]:
    """The key of the organization the form names: by key, or by a name that one organization
    or group matches. None (with an error on the form) and the candidates otherwise."""
    text = form.cleaned_data["organization"].strip()
    if not text:
        return "", []
    rows = actors_by_key_or_name(workspace, text, 20)
    if len(rows) == 1 and rows[0].key == text:  # by its key, whatever its kind
        return rows[0].key, []
    candidates = [actor for actor in rows if actor.kind != Kind.PERSON]
    if len(candidates) == 1:
        return candidates[0].key, []
    if candidates:
        form.add_error("organization", _("Several organizations match; choose one by its key."))
    else:
        form.add_error("organization", _("No organization in this workspace has this key or name."))
    return None, candidates


def _choosable_networks(workspace: Workspace, access: Access) -> list[Network]:
    networks = list(networks_by_name(workspace))
    if access.is_restricted:
        return [n for n in networks if access.can_edit_network(n.pk)]
    return networks


def _possible_duplicates(
    workspace: Workspace, columns: dict[str, str], organization_key: str
) -> list[tuple[Actor, str]]:
    cleaned, _problems = clean_actor(columns)
    if cleaned is None:
        return []  # the service will say what is wrong
    unsaved = Actor(workspace=workspace, **cleaned.values)
    if organization_key:
        unsaved.organization = actor_by_key(workspace, organization_key)
    return merge_candidates(workspace, unsaved)


def _form_page(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("subsectors", SUBSECTOR_SUGGESTIONS)
    return render(request, "web/actor_form.html", context, status=status)


@workspace_view("edit")
def actor_add(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    networks = _choosable_networks(workspace, access)
    form = ActorForm(request.POST or None, networks=networks, initial={"kind": Kind.PERSON})
    with_actor_suggestions(form, workspace)
    if access.is_restricted:
        # They may edit only their networks' actors: a new one joins one of them.
        form.fields["networks"].required = True
    context: dict[str, Any] = {"workspace": workspace, "access": access, "form": form}
    if request.method != "POST" or not form.is_valid():
        return _form_page(request, context, status=400 if form.is_bound else 200)
    organization, candidates = _organization(form, workspace)
    if organization is None:
        context["organizations"] = candidates
        return _form_page(request, context, status=400)
    columns = _columns(form, list(form.fields))
    columns["organization"] = organization
    if not request.POST.get("confirm"):
        duplicates = _possible_duplicates(workspace, columns, organization)
        if duplicates:
            context["duplicates"] = duplicates
            return _form_page(request, context)
    chosen = {n.pk: n for n in networks}
    joins = [chosen[network_id] for network_id in form.cleaned_data.get("networks") or ()]
    try:
        actor = actor_create_in_networks(request_author(request), workspace, joins, **columns)
    except ValidationError as error:
        add_service_errors(form, error)
        return _form_page(request, context, status=400)
    messages.success(request, _("%(name)s has been added.") % {"name": actor.name})
    return redirect("web:actor", workspace=workspace.slug, pk=actor.pk)


class ActorEditForm(ActorForm, VersionedForm):
    """The edit form: it remembers the version and values it was opened with."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"].disabled = True  # the key is how imports find the actor again
        self.fields["key"].show_hidden_initial = False


# The stored names of the columns a conflict may name, as the form's fields.
FORM_FIELD = {
    "province_code": "province",
    "district_code": "district",
    "subdistrict_code": "subdistrict",
}


def _changed(form: ActorEditForm) -> list[str]:
    """The columns to send: those the person changed, with the others read together (the area
    as a whole; name and kind together, as the kind decides how the name is compared)."""
    changed = set(form.edited)
    if changed & set(AREA):
        changed |= set(AREA)
    if changed & {"name", "kind"}:
        changed |= {"name", "kind"}
    return sorted(changed)


@workspace_view("edit")
def actor_edit(request: HttpRequest, workspace: Workspace, access: Access, pk: int) -> HttpResponse:
    actor = actor_or_404(workspace, pk)
    if not access.can_edit_actor(actor.pk):
        return forbidden(request, access, "edit_actor")
    data = resolved(request.POST) if request.method == "POST" else None
    form = ActorEditForm(data, initial={**_initial(actor), "version": actor.version})
    with_actor_suggestions(form, workspace)
    context: dict[str, Any] = {
        "workspace": workspace,
        "access": access,
        "form": form,
        "actor": actor,
    }
    if request.method != "POST" or not form.is_valid():
        return _form_page(request, context, status=400 if form.is_bound else 200)
    names = _changed(form)
    columns: dict[str, Any] = _columns(form, names)
    if "organization" in names:
        organization, candidates = _organization(form, workspace)
        if organization is None:
            context["organizations"] = candidates
            return _form_page(request, context, status=400)
        columns["organization"] = organization
    try:
        if columns:
            version = form.cleaned_data["version"]
            actor_update(request_author(request), actor, version=version, **columns)
    except EditConflict as conflict:
        actor.refresh_from_db()
        current = _initial(actor)
        again, rows = reopen(form, conflict, current, FORM_FIELD)
        context.update(form=again, conflicts=rows, actor=actor)
        return _form_page(request, context, status=409)
    except ValidationError as error:
        add_service_errors(form, error)
        return _form_page(request, context, status=400)
    messages.success(request, _("The changes to %(name)s have been saved.") % {"name": actor.name})
    return redirect("web:actor", workspace=workspace.slug, pk=actor.pk)
