from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorksheetsConfig(AppConfig):
    name = "phakhi.worksheets"
    label = "worksheets"
    verbose_name = _("Worksheets on paper and in Excel")
