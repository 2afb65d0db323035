"""Forms of the shell's pages; the services validate, the forms show what they say."""

from collections.abc import Iterator, Sequence
from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from phakhi.accounts.models import Role
from phakhi.actors.selectors import provinces_present
from phakhi.core.areas import province_name
from phakhi.core.dates import current_language
from phakhi.core.models import Workspace
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
    and sorted by name."""
    language = current_language()
    named = ((code, province_name(code, language)) for code in provinces_present(workspace))
    return sorted(named, key=lambda option: option[1])


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Also for users who never chose a password (added without one, or invited): for them the
    reset link is how they choose it."""

    def get_users(self, email: str) -> Iterator[Any]:
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return iter(users)


class MemberForm(forms.Form):
    """A role, and for a coordinator the networks they are limited to. The networks are read
    once per page and passed in, so a page of many members' forms runs one query for them."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
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
        help_text=_("Letters, digits and @ . + - _ only."),
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
