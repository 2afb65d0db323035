from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "phakhi.imports"
    label = "imports"
    verbose_name = _("imports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from phakhi.imports import signals  # noqa: F401  connects the file clean-up
