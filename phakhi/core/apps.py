import logging

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from phakhi.core.datadir import tightened_message

logger = logging.getLogger(__name__)


class CoreConfig(AppConfig):
    name = "phakhi.core"
    label = "core"
    verbose_name = _("Workspaces and audit trail")

    def ready(self) -> None:
        tightened = getattr(settings, "DATA_DIR_TIGHTENED", [])
        if tightened:
            logger.warning(tightened_message(settings.DATA_DIR, tightened))
