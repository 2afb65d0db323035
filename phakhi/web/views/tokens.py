"""The signed-in user's API tokens: list, create (the secret is shown once) and revoke.

Tokens belong to a user, not to a workspace: a token acts with its user's roles wherever the
user has one, so these pages are outside ``w/<workspace>/``.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from phakhi.accounts.models import ApiToken
from phakhi.accounts.selectors import token_of, tokens_of
from phakhi.accounts.services import token_create, token_revoke
from phakhi.core.selectors import NotFound
from phakhi.web.access import request_author
from phakhi.web.forms import add_service_errors


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What the token is for, e.g. “provincial dashboard”."),
    )


def _page(request: HttpRequest, form: TokenForm | None = None, status: int = 200) -> HttpResponse:
    context = {"tokens": list(tokens_of(request.user)), "form": form or TokenForm()}
    return render(request, "web/tokens.html", context, status=status)


@never_cache  # a page about secrets: never kept by the browser or a proxy
@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """GET: the user's tokens and the form for a new one. POST: create one and show its secret
    on this response only (only its hash is stored, so it cannot be shown again)."""
    if request.method != "POST":
        return _page(request)
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            token, secret = token_create(
                request_author(request), request.user, form.cleaned_data["name"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            context = {
                "token": token,
                "secret": secret,
                "api_url": request.build_absolute_uri(reverse("api-v1:api-root")).rstrip("/"),
            }
            return render(request, "web/token_created.html", context)
    return _page(request, form, status=400)


def _own_token(request: HttpRequest, token_id: int) -> ApiToken:
    try:
        return token_of(request.user, token_id)
    except NotFound as error:
        raise Http404(str(error)) from None


@never_cache
@login_required
@require_POST
def token_revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    token = _own_token(request, token_id)
    token_revoke(request_author(request), token)
    messages.success(
        request,
        _("The token “%(name)s” has been revoked: it no longer works.") % {"name": token.name},
    )
    return redirect("web:tokens")
