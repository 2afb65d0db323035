"""Personal data (admins only): which extra columns of the workspace's actors are personal, and
so masked for viewers like the contact details (see ``phakhi.core.personal``)."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phakhi.accounts.permissions import Access
from phakhi.actors.selectors import attribute_names
from phakhi.core.models import Workspace
from phakhi.core.personal import PERSONAL_NAMES, PERSONAL_WORDS, PersonalColumns
from phakhi.core.services import workspace_set_personal_attributes
from phakhi.web.access import request_author, workspace_view
from phakhi.web.forms import add_service_errors

COLUMNS_SAMPLE = 10_000
GROUPS = {
    "address": gettext_lazy("Addresses"),
    "id_number": gettext_lazy("ID numbers"),
    "birth": gettext_lazy("Birth dates"),
    "contact": gettext_lazy("Contacts"),
}


class PersonalDataForm(forms.Form):
    added = forms.CharField(
        label=gettext_lazy("More words that make a column personal"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "One per line, e.g. โรคประจำตัว. A column whose name contains one of these words "
            "(compared without case, spaces or punctuation) is personal."
        ),
    )
    not_personal = forms.CharField(
        label=gettext_lazy("Columns that are not personal"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "One column name per line, e.g. ที่อยู่เว็บไซต์: shown to every role although a "
            "personal word is in its name."
        ),
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _page(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    form: PersonalDataForm | None = None,
    status: int = 200,
) -> HttpResponse:
    chosen = workspace.personal_attributes or {}
    if form is None:
        form = PersonalDataForm(
            initial={name: "\n".join(chosen.get(name, [])) for name in ("added", "not_personal")}
        )
    columns = PersonalColumns.of(workspace)
    context = {
        "workspace": workspace,
        "access": access,
        "form": form,
        "groups": [(label, PERSONAL_WORDS[group]) for group, label in GROUPS.items()],
        "names": PERSONAL_NAMES,
        "columns": [(name, columns.is_personal(name)) for name in attribute_names(workspace)],
        "sample": f"{COLUMNS_SAMPLE:,}",
    }
    return render(request, "web/personal_data.html", context, status=status)


@workspace_view("manage_users")
def personal_data(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    if request.method != "POST":
        return _page(request, workspace, access)
    form = PersonalDataForm(request.POST)
    if form.is_valid():
        data: dict[str, Any] = form.cleaned_data
        try:
            workspace_set_personal_attributes(
                request_author(request),
                workspace,
                added=_lines(data["added"]),
                not_personal=_lines(data["not_personal"]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The personal columns are saved."))
            return redirect("web:personal-data", workspace=workspace.slug)
    return _page(request, workspace, access, form, status=400)
