"""The network map (ผังเครือข่าย): the page, its data as JSON, its GEXF export and the button
that analyses the network when there is no layout yet.

The filters travel in the query string (shareable links; the page works as a plain GET form);
the browser applies narrower filters itself and asks for new data only to widen them.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
    QueryDict,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Sector
from phakhi.actors.selectors import actor_by_key, tags_in_thai_order
from phakhi.analysis.mapdata import scope_payload
from phakhi.analysis.mapmeta import metric_labels
from phakhi.analysis.mapscope import MapScope, map_run, map_scope
from phakhi.analysis.measures import MEASURES
from phakhi.analysis.models import AnalysisRun
from phakhi.analysis.services import analysis_request
from phakhi.core.models import Workspace
from phakhi.core.personal import personal_view
from phakhi.exports.graphs import write_gexf
from phakhi.exports.selectors import Export
from phakhi.networks.models import Network
from phakhi.networks.selectors import networks_by_name
from phakhi.ties.models import Strength
from phakhi.web.access import request_author, workspace_view
from phakhi.web.forms import province_options
from phakhi.web.views.map_text import map_messages

# Above this many bytes the JSON goes compressed to browsers that accept gzip; level 1 is a
# few times faster than the default and still shrinks the map about four times.
GZIP_FROM = 64 * 1024
COMMUNITIES_LISTED = 50
SIZE_METRICS = ("degree", "strength", "betweenness", "eigenvector", "pagerank", "brokerage")
ACTOR_ID_PLACEHOLDER = 2_147_483_647


class MapQueryForm(forms.Form):
    """The map's filters as the query string carries them (all optional); what they mean is
    checked by ``map_scope``."""

    network = forms.CharField(required=False)
    sector = forms.CharField(required=False)
    province = forms.CharField(required=False)
    tag = forms.CharField(required=False)
    min_strength = forms.IntegerField(required=False)
    community = forms.IntegerField(required=False)
    ego = forms.CharField(required=False)
    radius = forms.IntegerField(required=False)


class MapFilterForm(forms.Form):
    """The page's controls for the same filters, with the workspace's choices."""

    network = forms.ChoiceField(label=gettext_lazy("Network"), required=False)
    sector = forms.ChoiceField(label=gettext_lazy("Sector"), required=False)
    province = forms.ChoiceField(label=gettext_lazy("Province"), required=False)
    tag = forms.ChoiceField(label=gettext_lazy("Issue"), required=False)
    min_strength = forms.ChoiceField(label=gettext_lazy("Minimum tie strength"), required=False)
    community = forms.ChoiceField(label=MEASURES["community"].name, required=False)
    ego = forms.CharField(label=gettext_lazy("Around actor (key)"), required=False)
    radius = forms.ChoiceField(
        label=gettext_lazy("Steps around the actor"), required=False,
        choices=[("1", gettext_lazy("1 step")), ("2", gettext_lazy("2 steps"))],
    )  # fmt: skip

    def __init__(self, data: Any, *, workspace: Workspace, run: AnalysisRun | None) -> None:
        super().__init__(data)
        everything = [("", _("All"))]
        networks = [(network.slug, network.name) for network in networks_by_name(workspace)]
        self._choices("network", [("", _("Whole workspace")), *networks])
        self._choices("sector", [*everything, *Sector.choices, ("none", _("not given"))])
        self._choices("province", [*everything, *province_options(workspace)])
        tags = [(tag.name, tag.name) for tag in tags_in_thai_order(workspace)]
        self._choices("tag", [*everything, *tags])
        self._choices("min_strength", [(str(s.value), f"{s.value} · {s.label}") for s in Strength])
        communities = (run.communities if run else [])[:COMMUNITIES_LISTED]
        self._choices("community", [*everything, *(
            (str(c["id"]), _("Community %(id)s (%(size)s actors)") % {"id": c["id"] + 1,
                                                                     "size": c["size"]})
            for c in communities
        )])  # fmt: skip

    def _choices(self, name: str, choices: list[Any]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices


def _network(workspace: Workspace, slug: str) -> Network | None:
    if not slug:
        return None
    network = Network.objects.filter(workspace=workspace, slug=slug).first()
    if network is None:
        raise Http404(_("There is no such network in this workspace."))
    return network


def map_query_scope(query: QueryDict, workspace: Workspace) -> MapScope:
    """The map's scope from the query string; Http404 for a network or actor that is not in
    the workspace, ValidationError for a filter that makes no sense."""
    form = MapQueryForm(query)
    if not form.is_valid():
        raise ValidationError(
            {field: " ".join(str(e) for e in errors) for field, errors in form.errors.items()}
        )
    data = form.cleaned_data
    ego = None
    if data["ego"]:
        ego = actor_by_key(workspace, data["ego"])
        if ego is None:
            raise Http404(_("There is no actor with that key in this workspace."))
    return map_scope(
        workspace, network=_network(workspace, data["network"]),
        sector=data["sector"] or None, province=data["province"] or None,
        tag=data["tag"] or None, min_strength=data["min_strength"] or 1,
        community=data["community"], ego=ego, radius=data["radius"] or 1,
    )  # fmt: skip


def map_context(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    network: Network | None,
    *,
    page_url: str,
    data_url: str,
    file_name: str,
) -> dict[str, Any]:
    """What the map's template needs: the filters, the run, the script's configuration."""
    run = map_run(workspace, network)
    form = MapFilterForm(request.GET or None, workspace=workspace, run=run)
    query = request.GET.urlencode()
    metrics = metric_labels()
    return {
        "workspace": workspace,
        "access": access,
        "form": form,
        "network": network,
        "run": run,
        "size_metrics": [(name, metrics[name]["label"]) for name in SIZE_METRICS],
        "config": {
            "data_url": data_url,
            "gexf_url": reverse("web:map-gexf", args=[workspace.slug]),
            "page_url": page_url,
            "actor_url": reverse("web:actor", args=[workspace.slug, ACTOR_ID_PLACEHOLDER]),
            "actor_placeholder": str(ACTOR_ID_PLACEHOLDER),
            "file_name": slugify(file_name) or "map",
            "messages": map_messages(),
        },
        "query": query,
    }


@require_GET
@workspace_view()
def map_page(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    network = _network(workspace, request.GET.get("network", ""))
    context = map_context(
        request, workspace, access, network,
        page_url=reverse("web:map", args=[workspace.slug]),
        data_url=reverse("web:map-data", args=[workspace.slug]),
        file_name=network.slug if network else workspace.slug,
    )  # fmt: skip
    return render(request, "web/map.html", context)


def map_json(request: HttpRequest, payload: dict[str, Any], status: int = 200) -> HttpResponse:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    response = HttpResponse(content_type="application/json", status=status)
    if len(body) >= GZIP_FROM and "gzip" in request.headers.get("Accept-Encoding", ""):
        body = gzip.compress(body, compresslevel=1, mtime=0)
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    response.content = body
    return response


@require_GET
@workspace_view()
def map_data(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    try:
        scope = map_query_scope(request.GET, workspace)
    except ValidationError as error:
        return JsonResponse({"errors": error.message_dict}, status=400)
    return map_json(request, scope_payload(scope, access))


@require_GET
@workspace_view()
def map_gexf(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponseBase:
    try:
        scope = map_query_scope(request.GET, workspace)
    except ValidationError as error:
        return JsonResponse({"errors": error.message_dict}, status=400)
    export = Export(scope, view=personal_view(access))
    with tempfile.NamedTemporaryFile(suffix=".gexf", delete=False) as handle:
        path = Path(handle.name)
    try:
        write_gexf(export, [path], False)
        stream = path.open("rb")
    finally:
        os.unlink(path)  # the open stream keeps the file until the response is sent
    name = slugify(scope.network.slug if scope.network else workspace.slug) or "map"
    return FileResponse(
        stream, as_attachment=True, filename=f"{name}.gexf", content_type="application/gexf+xml"
    )


@require_POST
@workspace_view("analyze")
def map_analyze(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    network = _network(workspace, request.POST.get("network", ""))
    try:
        run = analysis_request(request_author(request), workspace, network=network)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if run.status == AnalysisRun.Status.DONE:
            messages.success(request, _("The network has been analysed: the map is laid out."))
        elif run.status == AnalysisRun.Status.FAILED:
            messages.error(request, _("The analysis failed: %(error)s") % {"error": run.error})
        else:
            messages.info(request, _("The network is large: its analysis runs in the "
                                     "background. Come back to the map soon."))  # fmt: skip
    query = request.POST.get("query", "")
    url = reverse("web:map", args=[workspace.slug])
    return redirect(f"{url}?{query}" if query else url)
