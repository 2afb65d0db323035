"""Forms that carry the version they were opened at (``phakhi.core.versions``).

Each field keeps its value as shown (Django's hidden initial), so a save sends only what the
person changed. When a colleague changed one of those fields meanwhile, the form comes back
with both values side by side: the person picks one per field and saves again, now from the
current version; fields nobody else touched keep the person's values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phakhi.core.versions import EditConflict

RESOLVE = "resolve-"
# The stored names a one-field form's conflict may name, in words.
FIELD_NAMES = {
    "strength": gettext_lazy("the strength"),
    "until": gettext_lazy("the end date"),
    "since": gettext_lazy("the start date"),
    "role": gettext_lazy("the role"),
}
THEIRS = "theirs"


class VersionedForm(forms.Form):
    """A form whose fields remember the values it was opened with."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "version" and not field.disabled:
                field.show_hidden_initial = True

    @property
    def edited(self) -> list[str]:
        """The fields the person changed from the values the form showed them."""
        return [name for name in self.changed_data if name != "version"]


def resolved(post: QueryDict) -> QueryDict:
    """The data of a form sent back after a conflict: where the person chose the colleague's
    value (``resolve-<field>=theirs``) the field takes the value the form was re-opened with."""
    data = post.copy()
    for key in post:
        if key.startswith(RESOLVE) and post[key] == THEIRS:
            name = key.removeprefix(RESOLVE)
            data[name] = post.get(f"initial-{name}", "")
    return data


@dataclass(frozen=True)
class ConflictRow:
    name: str  # the form field
    label: str
    theirs: str
    yours: str
    by: str
    at: dt.datetime | None


def _shown(field: forms.Field, value: Any) -> str:
    value = field.prepare_value(value)
    choices = getattr(field, "choices", None)
    if choices is not None:
        return str(dict(choices).get(value, value) or "–")
    return str(value) if value not in (None, "") else "–"


def reopen(
    form: VersionedForm,
    conflict: EditConflict,
    current: Mapping[str, Any],
    form_field: Mapping[str, str] | None = None,
    **form_kwargs: Any,
) -> tuple[VersionedForm, list[ConflictRow]]:
    """The form again at the current version (``current``: its values as the form shows them):
    the person's edits kept, the rest as stored now; and a row per field in conflict (stored
    names mapped to form fields by ``form_field``)."""
    edited = set(form.edited)
    data: dict[str, Any] = {"version": conflict.version}
    for name, field in form.fields.items():
        if name == "version":
            continue
        now = field.prepare_value(current.get(name, ""))
        data[f"initial-{name}"] = now
        data[name] = form.data.get(name, "") if name in edited else now
    again = type(form)(data, initial={**current, "version": conflict.version}, **form_kwargs)
    rows: dict[str, ConflictRow] = {}
    for item in conflict.conflicts:
        name = (form_field or {}).get(item.field, item.field)
        if name not in form.fields or name in rows:
            continue
        field = form.fields[name]
        rows[name] = ConflictRow(
            name=name,
            label=str(field.label or name),
            theirs=_shown(field, current.get(name, "")),
            yours=_shown(field, form.data.get(name, "")),
            by=item.by or _("someone"),
            at=item.at,
        )
    return again, list(rows.values())


def conflict_message(conflict: EditConflict) -> str:
    """A one-field form's conflict in words: who changed what to which value, and yours."""
    return " ".join(
        _(
            "%(who)s changed %(field)s to “%(theirs)s” after you opened the page (you chose "
            "“%(yours)s”); nothing was saved. Check the current value and try again."
        )
        % {
            "who": item.by or _("someone"),
            "field": FIELD_NAMES.get(item.field, item.field),
            "theirs": item.theirs if item.theirs not in (None, "") else "–",
            "yours": item.yours if item.yours not in (None, "") else "–",
        }
        for item in conflict.conflicts
    )
