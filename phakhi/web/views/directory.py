"""The directory (ทำเนียบภาคี): instant search with filters, sorting and pages, and the filtered
list exported as CSV or XLSX, with contact details as the user's role may see them."""

import csv
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    QueryDict,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor, Kind, Sector
from phakhi.actors.search import SearchPage, actor_matches, actor_search
from phakhi.actors.selectors import tags_in_thai_order
from phakhi.core.areas import province_name
from phakhi.core.cells import neutralize
from phakhi.core.dates import current_language
from phakhi.core.models import Workspace
from phakhi.core.personal import personal_view
from phakhi.exports.errors import ExportError
from phakhi.exports.selectors import Export, actor_attribute_keys, actor_keys, iter_actors
from phakhi.exports.tabular import SHEETS, XLSX_MAX_ROWS, discard, xlsx_cell, xlsx_text
from phakhi.imports.columns import ACTOR_COLUMNS, headers_for
from phakhi.networks.selectors import networks_by_name
from phakhi.scope import Scope
from phakhi.web.access import workspace_view
from phakhi.web.forms import province_options

PAGE_SIZE = 25
SORT_CHOICES = (
    ("name", gettext_lazy("Name")),
    ("kind", gettext_lazy("Kind")),
    ("sector", gettext_lazy("Sector")),
    ("province", gettext_lazy("Province")),
    ("updated", gettext_lazy("Recently updated")),
)
FILTERS = ("kind", "sector", "province", "network", "tag")


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
        provinces = province_options(workspace)
        for name, everything, choices in (
            ("kind", _("All kinds"), Kind.choices),
            ("sector", _("All sectors"), Sector.choices),
            ("province", _("All provinces"), provinces),
            ("network", _("All networks"), [(n.pk, n.name) for n in networks_by_name(workspace)]),
            ("tag", _("All issues"), [(t.pk, t.name) for t in tags_in_thai_order(workspace)]),
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


def _url(path: str, query: QueryDict, **changes: Any) -> str:
    """``path`` with the query string ``query``, some of its parameters changed (None removes
    one)."""
    query = query.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = str(value)
    return f"{path}?{query.urlencode()}" if query else path


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
    language = current_language()
    view = personal_view(access)
    rows = [
        Row(actor, province_name(actor.province_code, language), view.contacts(actor))
        for actor in results.rows
    ]
    export = reverse("web:directory-export", kwargs={"workspace": workspace.slug})
    here, query = request.path, request.GET
    return {
        "workspace": workspace,
        "access": access,
        "form": form,
        "results": results,
        "rows": rows,
        "previous_url": _url(here, query, page=results.page - 1) if results.has_previous else "",
        "next_url": _url(here, query, page=results.page + 1) if results.has_next else "",
        "exports": [
            Link(label, _url(export, query, page=None, sort=None, format=fmt))
            for fmt, label in (("csv", "CSV"), ("xlsx", "XLSX"))
        ],
    }


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


class _Table:
    """The found actors as the import columns (so the file imports back), masked as the user's
    role requires, one row at a time."""

    def __init__(self, workspace: Workspace, access: Access, found: QuerySet[Actor]) -> None:
        self.export = Export(Scope(workspace), chosen=found, view=personal_view(access))
        self.attribute_keys = actor_attribute_keys(self.export)
        self.headers = [
            *headers_for(ACTOR_COLUMNS, current_language() == "th"),
            *self.attribute_keys,
        ]
        self.keys = actor_keys(self.export)

    def rows(self) -> Iterator[list[str]]:
        for row in iter_actors(self.export, self.keys):
            yield row.cells(self.attribute_keys)


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
    sheet_name = SHEETS[current_language() == "th"][0]
    if found.order_by()[:XLSX_MAX_ROWS].count() >= XLSX_MAX_ROWS:  # one row is the headers
        raise ExportError(
            _("The list has more rows than an Excel sheet holds. Export it as CSV instead.")
        )
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.append([xlsx_text(sheet, h) for h in table.headers])
    try:
        for cells in table.rows():
            sheet.append(
                [
                    xlsx_cell(sheet, v, cells[0], h)
                    for v, h in zip(cells, table.headers, strict=True)
                ]
            )
    except BaseException:
        discard(workbook)  # a cell it cannot hold: its temporary file goes now, not at exit
        raise
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
def directory_export(
    request: HttpRequest, workspace: Workspace, access: Access
) -> HttpResponseBase:
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
        target = reverse("web:directory", kwargs={"workspace": workspace.slug})
        return redirect(_url(target, request.GET, format=None))
    return response
