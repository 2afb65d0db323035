"""Admin for lessons-learned sessions (ใบงาน 2), their prompts and answers, and lesson tags. The
admin keeps the search text the library reads, as the services do."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from phakhi.core.admin_base import AuditedAdmin
from phakhi.core.dates import show_date
from phakhi.core.thai import sort_key, word_key
from phakhi.lessons.models import LessonAnswer, LessonSession, LessonTag
from phakhi.lessons.tags import refresh_answer_search, refresh_session_search


@admin.register(LessonSession)
class LessonSessionAdmin(AuditedAdmin):
    list_display = ("title", "held_display", "project", "network", "workspace")
    list_filter = ("workspace",)
    list_select_related = ("project", "network", "workspace")
    search_fields = ("title", "case")
    filter_horizontal = ("tags",)
    fields = (
        "workspace",
        "title",
        "held_on",
        "case",
        "project",
        "network",
        "tags",
        "created_display",
        "updated_display",
    )
    readonly_fields = ("created_display", "updated_display")

    def prepare(self, obj: LessonSession) -> None:
        obj.sort_key = sort_key(obj.title.casefold())

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        refresh_session_search(form.instance)

    @admin.display(description=_("held on"), ordering="held_on")
    def held_display(self, obj: LessonSession) -> str | None:
        return show_date(obj.held_on)


@admin.register(LessonAnswer)
class LessonAnswerAdmin(AuditedAdmin):
    list_display = ("__str__", "participant", "session", "workspace")
    list_filter = ("workspace",)
    list_select_related = ("session", "workspace")
    raw_id_fields = ("actor", "session", "prompt")
    search_fields = ("text",)
    filter_horizontal = ("tags",)
    fields = ("workspace", "session", "prompt", "participant", "actor", "text", "tags")

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        refresh_answer_search(form.instance)


@admin.register(LessonTag)
class LessonTagAdmin(AuditedAdmin):
    list_display = ("name", "workspace")
    list_filter = ("workspace",)
    search_fields = ("name",)
    fields = ("workspace", "name")

    def prepare(self, obj: LessonTag) -> None:
        obj.name_key = word_key(obj.name)
        obj.sort_key = sort_key(obj.name.casefold())
