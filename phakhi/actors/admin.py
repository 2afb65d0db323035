"""Admin for actors (ภาคี) and their issues (ประเด็น). Sized for the national demo: 600,000 actors,
so no full counts, raw-id widgets for links to actors, and indexed searches where possible."""

import contextlib
from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from pythainlp.util import collate

from phakhi.actors.models import Actor, ActorTag, Tag
from phakhi.actors.validation import actor_name_key, clean_actor
from phakhi.core import areas
from phakhi.core.admin_base import AuditedAdmin, AuditedForm, AuditedInline
from phakhi.core.contacts import ContactError, normalize_phone
from phakhi.core.dates import current_language
from phakhi.core.thai import name_key, sort_key, word_key


def province_options(language: str) -> list[tuple[str, str]]:
    """Provinces by their names in the reader's language, in dictionary order."""
    names = {areas.province_name(code, language): code for code, _name in areas.province_choices()}
    ordered = collate(list(names)) if language == "th" else sorted(names)
    return [(names[name], name) for name in ordered]


def _district_from(text: str, province: str) -> str:
    """A district code from a name or a DOPA code, checked against the province."""
    if text.isdigit():
        name = areas.district_name(text)
        if not name:
            raise areas.AreaError(_("“%(value)s” is not a district code.") % {"value": text})
        return areas.district_code(name, province or text[:2])
    return areas.district_code(text, province)


def _subdistrict_from(text: str, district: str, province: str) -> str:
    if text.isdigit():
        if not areas.subdistrict_name(text):
            raise areas.AreaError(_("“%(value)s” is not a subdistrict code.") % {"value": text})
        if (district and text[:4] != district) or (province and text[:2] != province):
            where = areas.district_name(district) or areas.province_name(province)
            raise areas.AreaError(
                _("“%(name)s” is not a subdistrict of %(area)s.")
                % {"name": areas.subdistrict_name(text), "area": where}
            )
        return text
    return areas.subdistrict_code(text, district, province)


# The columns of an actor the admin's form has under the names ``clean_actor`` takes.
COLUMNS = ("key", "name", "kind", "sector", "subsector", "email", "phone", "line_id")


class ActorForm(AuditedForm):
    province_code = forms.ChoiceField(label=_("province"), required=False)
    district_code = forms.CharField(
        label=_("district"),
        required=False,
        max_length=100,
        help_text=_("Name or DOPA code; the province narrows it down."),
    )
    subdistrict_code = forms.CharField(
        label=_("subdistrict"),
        required=False,
        max_length=100,
        help_text=_("Name or DOPA code; the district narrows it down."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = current_language()
        if "province_code" in self.fields:
            field = self.fields["province_code"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", "---------"), *province_options(language)]
        instance = self.instance
        if "district_code" in self.fields and instance.district_code:
            name = areas.district_name(instance.district_code, language)
            self.initial["district_code"] = name or instance.district_code
        if "subdistrict_code" in self.fields and instance.subdistrict_code:
            name = areas.subdistrict_name(instance.subdistrict_code, language)
            self.initial["subdistrict_code"] = name or instance.subdistrict_code

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self._clean_columns(cleaned)
        if not {"province_code", "district_code", "subdistrict_code"} <= set(self.fields):
            return cleaned
        province = cleaned.get("province_code") or ""
        district_text = (cleaned.get("district_code") or "").strip()
        subdistrict_text = (cleaned.get("subdistrict_code") or "").strip()
        try:
            district = _district_from(district_text, province) if district_text else ""
        except areas.AreaError as error:
            self.add_error("district_code", str(error))
            return cleaned
        province = province or district[:2]
        try:
            subdistrict = (
                _subdistrict_from(subdistrict_text, district, province) if subdistrict_text else ""
            )
        except areas.AreaError as error:
            self.add_error("subdistrict_code", str(error))
            return cleaned
        if subdistrict:
            district, province = subdistrict[:4], subdistrict[:2]
        cleaned.update(province_code=province, district_code=district, subdistrict_code=subdistrict)
        return cleaned

    def _clean_columns(self, cleaned: dict[str, Any]) -> None:
        """The actor's columns checked by ``clean_actor``, as a page, the API and an import
        check them (with the same messages); the area is checked in ``clean``, which also
        takes DOPA codes. A field Django already refused is not checked again."""
        given = {
            name: cleaned[name]
            for name in COLUMNS
            if name in self.fields and name in cleaned and name not in self.errors
        }
        if "key" not in given and self.instance.pk is not None:
            given["key"] = self.instance.key
        attributes = cleaned.get("attributes") if "attributes" not in self.errors else None
        fields, problems = clean_actor(given, attributes if isinstance(attributes, dict) else None)
        for column, reason in problems:
            if column in self.fields and column not in self.errors:
                self.add_error(column, reason)
            elif column not in self.fields:
                self.add_error("attributes" if "attributes" in self.fields else None, reason)
        if fields is not None:
            cleaned.update(
                {name: fields.values[name] for name in ("email", "phone") if name in given}
            )


class ProvinceListFilter(admin.SimpleListFilter):
    title = _("province")
    parameter_name = "province"

    def lookups(self, request: Any, model_admin: Any) -> list[tuple[str, str]]:
        return province_options(current_language())

    def queryset(self, request: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        return queryset.filter(province_code=value) if value else queryset


class ActorTagInline(AuditedInline):
    model = ActorTag
    raw_id_fields = ("tag",)
    verbose_name = _("issue")
    verbose_name_plural = _("issues")


@admin.register(Actor)
class ActorAdmin(AuditedAdmin):
    form = ActorForm
    list_display = (
        "name",
        "key",
        "kind",
        "sector",
        "province_display",
        "district_display",
        "organization",
        "workspace",
        "updated_display",
    )
    list_filter = ("workspace", "kind", "sector", ProvinceListFilter)
    list_select_related = ("workspace", "organization")
    search_fields = ("=key", "name", "=email")
    search_help_text = _("Search by name (with or without titles), key, e-mail or phone number.")
    raw_id_fields = ("organization",)
    inlines = (ActorTagInline,)
    readonly_fields = ("area_display", "created_display", "updated_display")
    fieldsets = (
        (
            None,
            {"fields": ("workspace", "key", "name", "kind", "sector", "subsector", "organization")},
        ),
        (
            _("Area"),
            {"fields": ("province_code", "district_code", "subdistrict_code", "area_display")},
        ),
        (_("Contact"), {"fields": ("email", "phone", "line_id")}),
        (_("Other"), {"fields": ("attributes", "created_display", "updated_display")}),
    )

    def prepare(self, obj: Actor) -> None:
        obj.name_key = actor_name_key(obj.name, obj.kind)
        obj.sort_key = sort_key(obj.name_key)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if not term:
            return results, may_have_duplicates
        # Names match in their comparable form (titles, spaces, Thai digits); phones as +66….
        extra = Q(name_key__contains=name_key(term)) if name_key(term) else Q(pk__in=[])
        with contextlib.suppress(ContactError):
            extra |= Q(phone__contains=normalize_phone(term))
        return results | queryset.filter(extra), may_have_duplicates

    @admin.display(description=_("province"), ordering="province_code")
    def province_display(self, obj: Actor) -> str:
        return areas.province_name(obj.province_code, current_language())

    @admin.display(description=_("district"), ordering="district_code")
    def district_display(self, obj: Actor) -> str:
        return areas.district_name(obj.district_code, current_language())

    @admin.display(description=_("area"))
    def area_display(self, obj: Actor) -> str:
        language = current_language()
        parts = [
            areas.subdistrict_name(obj.subdistrict_code, language),
            areas.district_name(obj.district_code, language),
            areas.province_name(obj.province_code, language),
        ]
        codes = obj.subdistrict_code or obj.district_code or obj.province_code
        text = ", ".join(p for p in parts if p)
        return f"{text} ({codes})" if text else "—"


class TagForm(AuditedForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        name = cleaned.get("name")
        workspace = cleaned.get("workspace") or getattr(self.instance, "workspace", None)
        if name and workspace is not None:
            same = Tag.objects.filter(workspace=workspace, name_key=word_key(name)[:100])
            if same.exclude(pk=self.instance.pk).exists():
                self.add_error("name", _("This workspace already has this issue."))
        return cleaned


@admin.register(Tag)
class TagAdmin(AuditedAdmin):
    form = TagForm
    list_display = ("name", "workspace", "updated_display")
    list_filter = ("workspace",)
    list_select_related = ("workspace",)
    search_fields = ("name",)
    fields = ("workspace", "name", "created_display", "updated_display")
    readonly_fields = ("created_display", "updated_display")

    def prepare(self, obj: Tag) -> None:
        obj.name_key = word_key(obj.name)[:100]


@admin.register(ActorTag)
class ActorTagAdmin(AuditedAdmin):
    list_display = ("actor", "tag")
    list_select_related = ("actor", "tag")
    raw_id_fields = ("actor", "tag")
    search_fields = ("=actor__key", "tag__name")
