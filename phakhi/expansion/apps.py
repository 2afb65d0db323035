from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpansionConfig(AppConfig):
    name = "phakhi.expansion"
    label = "expansion"
    verbose_name = _("Expansion plans")

    def ready(self) -> None:
        # Rows are marked achieved after each analysis run (phakhi.analysis.hooks): the
        # analysis app sits below this one and may not import it.
        from phakhi.analysis import hooks
        from phakhi.expansion.achievement import after_analysis

        hooks.after_run(after_analysis)
