from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _

from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.networks.models import Network


def network_get(workspace: Workspace, slug: str) -> Network:
    try:
        return Network.objects.get(workspace=workspace, slug=slug)
    except ObjectDoesNotExist:
        known = ", ".join(
            Network.objects.filter(workspace=workspace).values_list("slug", flat=True)
        )
        raise NotFound(
            _("There is no network “%(slug)s” in this workspace (networks: %(known)s).")
            % {"slug": slug, "known": known or _("none yet")}
        ) from None
