from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _

from phakhi.core.models import Workspace


class NotFound(LookupError):
    pass


def workspace_get(slug: str) -> Workspace:
    try:
        return Workspace.objects.get(slug=slug)
    except ObjectDoesNotExist:
        known = ", ".join(Workspace.objects.values_list("slug", flat=True)) or _("none yet")
        raise NotFound(
            _("There is no workspace “%(slug)s” (workspaces: %(known)s).")
            % {"slug": slug, "known": known}
        ) from None
