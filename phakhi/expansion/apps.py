from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpansionConfig(AppConfig):
    name = "phakhi.expansion"
    label = "expansion"
    verbose_name = _("Expansion plans")
