from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "phakhi.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring network strength")

    def ready(self) -> None:
        # A merge (phakhi.imports, a layer below) moves survey respondents and reports: which of
        # two rows of one roster stays is chosen before, the survey ties counted again after.
        from phakhi.imports.merge_hooks import after_merge, before_merge
        from phakhi.monitoring import survey_merge

        before_merge(survey_merge.before_merge)
        after_merge(survey_merge.after_merge)
