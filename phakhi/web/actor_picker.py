"""Fields that name an actor (a tie's other actor, a network's new member, an actor's
organization): typed as a key or part of a name, with suggestions from the directory search
while typing (assets/js/picker.js, web:actor-suggest). Choosing a suggestion fills a hidden
field with its key, which the form then reads instead of the text; without JavaScript the text
is looked up by key, then by name."""

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.actors.search import actors_by_key_or_name
from phakhi.core.models import Workspace

KEY_SUFFIX = "_key"  # the hidden field a chosen suggestion fills: "<field>_key"
MATCHES_LISTED = 10


class ActorPicker(forms.TextInput):
    """A text box with a list of suggestions (the WAI-ARIA combobox pattern) and the hidden
    field of the chosen actor's key."""

    template_name = "web/widgets/actor_picker.html"

    def __init__(self, *, organizations: bool = False, attrs: dict[str, Any] | None = None):
        super().__init__(attrs={"autocomplete": "off", "spellcheck": "false", **(attrs or {})})
        self.organizations = organizations
        self.suggest_url = ""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        url = self.suggest_url
        if url and self.organizations:
            url += "?organizations=1"
        context["widget"].update(key_name=name + KEY_SUFFIX, suggest_url=url)
        return context

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        """The chosen actor's key, else what was typed."""
        return data.get(name + KEY_SUFFIX) or super().value_from_datadict(data, files, name)


def with_actor_suggestions(form: forms.Form, workspace: Workspace) -> forms.Form:
    """Point the form's actor pickers at the workspace's suggestions."""
    url = reverse("web:actor-suggest", kwargs={"workspace": workspace.slug})
    for field in form.fields.values():
        if isinstance(field.widget, ActorPicker):
            field.widget.suggest_url = url
    return form


def actor_named(workspace: Workspace, form: forms.Form, field: str) -> Actor | None:
    """The actor whose key, or else whose name, the form's ``field`` holds; None (and the
    reason shown on the form) when there is none or more than one."""
    found = actors_by_key_or_name(workspace, form.cleaned_data[field], MATCHES_LISTED)
    if len(found) == 1:
        return found[0]
    if not found:
        form.add_error(field, _("No actor in this workspace has this key or name."))
    else:
        listed = ", ".join(f"{actor.name} ({actor.key})" for actor in found)
        form.add_error(
            field,
            _("Several actors match; choose one from the list or type its key: %(actors)s.")
            % {"actors": listed},
        )
    return None
