"""Who may open a workspace page: every workspace view goes through ``workspace_view``."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import PERMISSIONS, Access, access_for
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.networks.selectors import networks_by_name

LAST_WORKSPACE = "phakhi_last_workspace"
ACCESS_ATTRIBUTE = "phakhi_access"  # the request's Access, for the layout (context processor)

# Any response: a page, or a streamed file (FileResponse, StreamingHttpResponse).
WorkspaceView = Callable[..., HttpResponseBase]


def request_author(request: HttpRequest) -> Author:
    """The signed-in user as the author of a change made in the web application."""
    user = request.user
    return Author(f"web:{user.get_username()}", user.pk)


def request_access(request: HttpRequest) -> Access | None:
    return getattr(request, ACCESS_ATTRIBUTE, None)


def forbidden(request: HttpRequest, access: Access, permission: str) -> HttpResponse:
    """The 403 page: why (``permission``: one of PERMISSIONS, or "edit_actor", "edit_network",
    "create_network", "merge") and, for a coordinator limited to some networks, which ones
    they may change."""
    own = None
    if access.is_restricted:
        mine = set(access.network_ids or ())
        own = [network for network in networks_by_name(access.workspace) if network.pk in mine]
    context = {
        "workspace": access.workspace,
        "access": access,
        "permission": permission,
        "own_networks": own,
    }
    return render(request, "web/forbidden.html", context, status=403)


def workspace_view(permission: str = "view") -> Callable[[WorkspaceView], WorkspaceView]:
    """For views ``view(request, workspace, access, ...)`` under ``w/<slug:workspace>/``.

    Anonymous users go to the log-in page. A user with no role in the workspace gets the same
    404 as for a workspace that does not exist (its existence is never revealed); one whose
    role lacks ``permission`` ("view", "edit", "import", "analyze", "manage_users") gets a
    403 page that says why. The workspace is remembered as the user's last one.
    """
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")

    def decorate(view: WorkspaceView) -> WorkspaceView:
        @wraps(view)
        def wrapper(
            request: HttpRequest, workspace: str, *args: Any, **kwargs: Any
        ) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            found = Workspace.objects.filter(slug=workspace).first()
            access = access_for(request.user, found) if found is not None else None
            if found is None or access is None:
                raise Http404(_("There is no such workspace, or you have no role in it."))
            setattr(request, ACCESS_ATTRIBUTE, access)
            if not access.allows(permission):
                return forbidden(request, access, permission)
            if request.session.get(LAST_WORKSPACE) != found.slug:
                request.session[LAST_WORKSPACE] = found.slug
            return view(request, found, access, *args, **kwargs)

        return wrapper

    return decorate
