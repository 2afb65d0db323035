"""Log-in, log-out, password reset (Django's views with our templates) and invitations."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from phakhi.accounts.selectors import invitation_for_token, invitation_problem
from phakhi.accounts.services import invitation_accept as accept
from phakhi.web.forms import InvitationAcceptForm, PasswordResetForm, add_service_errors

login_view = auth_views.LoginView.as_view(
    template_name="web/accounts/login.html", redirect_authenticated_user=True
)
logout_view = auth_views.LogoutView.as_view()
password_reset = auth_views.PasswordResetView.as_view(
    form_class=PasswordResetForm,
    template_name="web/accounts/password_reset_form.html",
    email_template_name="web/accounts/password_reset_email.txt",
    subject_template_name="web/accounts/password_reset_subject.txt",
    success_url=reverse_lazy("web:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="web/accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="web/accounts/password_reset_confirm.html",
    success_url=reverse_lazy("web:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="web/accounts/password_reset_complete.html"
)


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """A new user chooses a user name and password; someone signed in joins with their account."""
    invitation = invitation_for_token(token)
    problem = invitation_problem(invitation)
    if problem is not None:
        return render(
            request, "web/accounts/invitation_invalid.html", {"problem": problem}, status=404
        )
    assert invitation is not None
    signed_in = request.user.is_authenticated
    form = InvitationAcceptForm(request.POST or None) if not signed_in else None
    if request.method == "POST" and (signed_in or (form is not None and form.is_valid())):
        data: dict[str, Any] = form.cleaned_data if form is not None else {}
        try:
            user = accept(
                token,
                data.get("username", ""),
                data.get("password", ""),
                user=request.user if signed_in else None,
            )
        except ValidationError as error:
            if form is None:
                messages.error(request, " ".join(error.messages))
                return redirect("web:chooser")
            add_service_errors(form, error)
        else:
            if not signed_in:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request, _("Welcome to %(workspace)s.") % {"workspace": invitation.workspace.name}
            )
            return redirect("web:home", workspace=invitation.workspace.slug)
    context = {"invitation": invitation, "form": form}
    return render(request, "web/accounts/invitation_accept.html", context)
