"""The directory (ทำเนียบภาคี): instant search with filters, sorting and pages, and the filtered
list exported as CSV or XLSX, with contact details as the user's role may see them."""

import csv
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    QueryDict,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from openpyxl import Workbook

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor, Kind, Sector
from phakhi.actors.search import SearchPage, actor_matches, actor_search
from phakhi.actors.selectors import provinces_present, tags_of
from phakhi.core.areas import province_name
from phakhi.core.cells import neutralize
from phakhi.core.contacts import ADDRESS_ATTRIBUTES, contacts_for
from phakhi.core.models import Workspace
from phakhi.exports.errors import ExportError
from phakhi.exports.selectors import ActorRow, KeyMap, Scope, actor_attribute_keys, iter_actors
from phakhi.exports.tabular import SHEETS, XLSX_MAX_ROWS, _xlsx_cell
from phakhi.imports.columns import ACTOR_COLUMNS, headers_for
from phakhi.networks.models import Network
from phakhi.web.access import workspace_view

PAGE_SIZE = 25
SORT_CHOICES = (
    ("name", gettext_lazy("Name")),
    ("kind", gettext_lazy("Kind")),
    ("sector", gettext_lazy("Sector")),
    ("province", gettext_lazy("Province")),
    ("updated", gettext_lazy("Recently updated")),
)
FILTERS = ("kind", "sector", "province", "network", "tag")


def _language() -> str:
    return "th" if (get_language() or "th").startswith("th") else "en"


class DirectoryForm(forms.Form):
    """The search box and filters, read from the query string (a plain GET form)."""

    q = forms.CharField(
        label=gettext_lazy("Name, organization or issue"),
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), required=False)
    sector = forms.ChoiceField(label=gettext_lazy("Sector"), required=False)
    province = forms.ChoiceField(label=gettext_lazy("Province"), required=False)
    network = forms.TypedChoiceField(
        label=gettext_lazy("Network"), required=False, coerce=int, empty_value=None
    )
    tag = forms.TypedChoiceField(
        label=gettext_lazy("Issue"), required=False, coerce=int, empty_value=None
    )
    sort = forms.ChoiceField(label=gettext_lazy("Sort by"), required=False, choices=SORT_CHOICES)
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, data: QueryDict, workspace: Workspace) -> None:
        super().__init__(data)
        provinces = [(c, province_name(c, _language())) for c in provinces_present(workspace)]
        networks = Network.objects.filter(workspace=workspace).order_by("name", "id")
        for name, everything, choices in (
            ("kind", _("All kinds"), Kind.choices),
            ("sector", _("All sectors"), Sector.choices),
            ("province", _("All provinces"), provinces),
            ("network", _("All networks"), networks.values_list("id", "name")),
            ("tag", _("All issues"), tags_of(workspace).values_list("id", "name")),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", everything), *choices]

    def value(self, name: str) -> Any:
        """The field's value when it is valid; nothing when it is not (the error shows)."""
        return (self.cleaned_data if hasattr(self, "cleaned_data") else {}).get(name)

    def filters(self) -> dict[str, Any]:
        return {name: self.value(name) or None for name in FILTERS}


@dataclass(frozen=True)
class Row:
    actor: Actor
    province: str
    contacts: dict[str, str]


@dataclass(frozen=True)
class Link:
    label: Any
    url: str


def _url(request: HttpRequest, **changes: Any) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    query = request.GET.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = str(value)
    return f"{request.path}?{query.urlencode()}" if query else request.path


def _actor_links(workspace: Workspace) -> bool:
    """Whether the actor page exists to link to (it is built apart from the directory)."""
    try:
        reverse("web:actor", kwargs={"workspace": workspace.slug, "pk": 1})
    except NoReverseMatch:
        return False
    return True


def _results_context(
    request: HttpRequest, workspace: Workspace, access: Access, form: DirectoryForm
) -> dict[str, Any]:
    results: SearchPage = actor_search(
        workspace,
        form.value("q") or "",
        **form.filters(),
        sort=form.value("sort") or "name",
        page=form.value("page") or 1,
        page_size=PAGE_SIZE,
    )
    language = _language()
    rows = [
        Row(actor, province_name(actor.province_code, language), contacts_for(access, actor))
        for actor in results.rows
    ]
    export_query = request.GET.copy()
    for name in ("page", "sort"):
        export_query.pop(name, None)
    export = reverse("web:directory-export", kwargs={"workspace": workspace.slug})
    return {
        "workspace": workspace,
        "access": access,
        "form": form,
        "results": results,
        "rows": rows,
        "link_actors": _actor_links(workspace),
        "previous_url": _url(request, page=results.page - 1) if results.has_previous else "",
        "next_url": _url(request, page=results.page + 1) if results.has_next else "",
        "exports": [
            Link(label, f"{export}?{_with(export_query, format=fmt)}")
            for fmt, label in (("csv", "CSV"), ("xlsx", "XLSX"))
        ],
    }


def _with(query: QueryDict, **values: str) -> str:
    query = query.copy()
    for name, value in values.items():
        query[name] = value
    return query.urlencode()


def _partial(request: HttpRequest) -> bool:
    """An htmx request for the results only (not a history restore, which needs the page)."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


@workspace_view()
def directory(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    form = DirectoryForm(request.GET, workspace)
    form.is_valid()
    context = _results_context(request, workspace, access, form)
    template = "web/_directory_results.html" if _partial(request) else "web/directory.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


# --- export ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found(Scope):
    """The actors a directory search found, as a scope the export selectors read."""

    found: QuerySet[Actor] | None = None

    def actors(self) -> QuerySet[Actor]:
        assert self.found is not None
        return self.found


def _masked(row: ActorRow, access: Access) -> ActorRow:
    if access.can_see_contacts:
        return row
    contacts = contacts_for(access, row)
    attributes = {
        key: contacts["address"] if key in ADDRESS_ATTRIBUTES else value
        for key, value in row.attributes.items()
    }
    return row._replace(
        email=contacts["email"],
        phone=contacts["phone"],
        line_id=contacts["line_id"],
        attributes=attributes,
    )


class _Table:
    """The found actors as the import columns (so the file imports back), masked as the user's
    role requires, one row at a time."""

    def __init__(self, workspace: Workspace, access: Access, found: QuerySet[Actor]) -> None:
        self.scope = _Found(workspace, found=found)
        self.access = access
        self.attribute_keys = actor_attribute_keys(self.scope)
        self.headers = [*headers_for(ACTOR_COLUMNS, _language() == "th"), *self.attribute_keys]
        ids = found.order_by().values("id")
        organizations = found.order_by().values("organization_id")
        self.keys = KeyMap(
            workspace,
            Actor.objects.filter(Q(id__in=ids) | Q(id__in=organizations))
            .order_by()
            .values_list("id", "key")
            .iterator(),
        )

    def rows(self) -> Iterator[list[str]]:
        for row in iter_actors(self.scope, self.keys):
            yield _masked(row, self.access).cells(self.attribute_keys)


class _Echo:
    """A file that hands back what is written, for csv.writer in a streamed response."""

    def write(self, value: str) -> str:
        return value


def _csv_response(table: _Table, filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"  # a BOM, so that Excel shows Thai correctly
        yield writer.writerow([neutralize(h) for h in table.headers])
        for cells in table.rows():
            yield writer.writerow([neutralize(v) if v else v for v in cells])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _xlsx_response(table: _Table, found: QuerySet[Actor], filename: str) -> FileResponse:
    sheet_name = SHEETS[_language() == "th"][0]
    if found.order_by()[:XLSX_MAX_ROWS].count() >= XLSX_MAX_ROWS:  # one row is the headers
        raise ExportError(
            _("The list has more rows than an Excel sheet holds. Export it as CSV instead.")
        )
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.append([neutralize(h) for h in table.headers])
    for cells in table.rows():
        sheet.append(
            [
                _xlsx_cell(v, sheet_name, cells[0], h)
                for v, h in zip(cells, table.headers, strict=True)
            ]
        )
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 (FileResponse closes it)
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@workspace_view()
def directory_export(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    """The filtered list (every page of it) as CSV (streamed) or XLSX."""
    fmt = request.GET.get("format", "csv")
    if fmt not in ("csv", "xlsx"):
        raise Http404(_("Export as csv or xlsx."))
    form = DirectoryForm(request.GET, workspace)
    form.is_valid()
    found = actor_matches(workspace, form.value("q") or "", **form.filters())
    table = _Table(workspace, access, found)
    filename = f"{workspace.slug}-directory"
    try:
        response = (
            _csv_response(table, filename)
            if fmt == "csv"
            else _xlsx_response(table, found, filename)
        )
    except ExportError as error:
        messages.error(request, str(error))
        query = request.GET.copy()
        query.pop("format", None)
        target = reverse("web:directory", kwargs={"workspace": workspace.slug})
        return redirect(f"{target}?{query.urlencode()}" if query else target)
    # A streamed response is not an HttpResponse, which is what workspace_view is typed for.
    return cast(HttpResponse, response)
