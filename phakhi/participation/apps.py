from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "phakhi.participation"
    label = "participation"
    verbose_name = _("Activities and participation")

    def ready(self) -> None:
        # The browser import (phakhi.imports, a layer below) runs these imports by name.
        from phakhi.imports.jobs import register_importer
        from phakhi.participation.imports import activities_import, attendance_import

        register_importer("activities", activities_import)
        register_importer("attendance", attendance_import)

        # A merge (phakhi.imports, a layer below) moves attendance: the kept actor's
        # co-participation ties are counted again in the merge's transaction.
        from phakhi.imports.merge_hooks import after_merge
        from phakhi.participation.coparticipation import refresh_after_merge

        after_merge(refresh_after_merge)
