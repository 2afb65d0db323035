from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "phakhi.workshops"
    label = "workshops"
    verbose_name = _("Live workshops")
