"""Forms of the shell's pages; the services validate, the forms show what they say."""

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from phakhi.accounts.models import Role
from phakhi.actors.selectors import provinces_present
from phakhi.core.areas import province_name
from phakhi.core.dates import DateError, current_language, parse_date
from phakhi.core.models import Workspace
from phakhi.core.thai import thai_sorted
from phakhi.networks.models import Network


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: per field where the form has the field,
    at the top of the form otherwise."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def province_options(workspace: Workspace) -> list[tuple[str, str]]:
    """(code, name) of the provinces the workspace's actors are in, named in the page's language
    and in dictionary order (Thai: เชียงใหม่ under ช)."""
    language = current_language()
    named = ((code, province_name(code, language)) for code in provinces_present(workspace))
    return thai_sorted(named, key=lambda option: option[1])


class DateText(forms.CharField):
    """A date as people type it: 15/03/2567 (Buddhist era), 2024-03-15 or 15 มี.ค. 2567."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"maxlength": 40}))
        kwargs.setdefault("help_text", _("e.g. 2026-11-21"))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> dt.date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_date(text)
        except DateError as error:
            raise forms.ValidationError(str(error)) from None

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dt.date):
            return date_text(value)
        return value


def date_text(value: dt.date | None) -> str:
    """A date as the forms show it back: 15/03/2567 in Thai, 2024-03-15 in English."""
    if value is None:
        return ""
    if current_language() == "th":
        return f"{value.day:02d}/{value.month:02d}/{value.year + 543}"
    return value.isoformat()


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Also for users who never chose a password (added without one, or invited): for them the
    reset link is how they choose it."""

    def get_users(self, email: str) -> Iterator[Any]:
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return iter(users)


class MemberForm(forms.Form):
    """A role, and for a coordinator the networks they are limited to. The networks are read
    once per page and passed in, so a page of many members' forms runs one query for them."""

    role = forms.ChoiceField(
        label=pgettext_lazy("a user's role in a workspace", "Role"), choices=Role.choices
    )
    networks = forms.TypedMultipleChoiceField(
        label=_("Limited to networks"),
        help_text=_("Coordinators only; none chosen: all networks."),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, networks: Sequence[Network], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._networks = {network.pk: network for network in networks}
        field = self.fields["networks"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(network.pk, network.name) for network in networks]

    def clean_networks(self) -> list[Network]:
        return [self._networks[pk] for pk in self.cleaned_data["networks"]]


class InvitationForm(MemberForm):
    email = forms.EmailField(label=_("E-mail"), max_length=254)

    field_order = ["email", "role", "networks"]


class InvitationAcceptForm(forms.Form):
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        help_text=_("Letters (Thai or other), digits and @ . + - _, no spaces."),
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        return data
