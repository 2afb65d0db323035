"""The monitoring hub and the network-health scorecard (ความเข้มแข็งของเครือข่าย): the
workspace's scorecard with its networks' lights and links to the surveys, self-assessments and
alerts (``monitoring``), one network's scorecard (``network-scorecard``), one figure over time
with the days of activities and survey rounds marked (``scorecard-trend``), and taking a
snapshot now (``snapshot-take``). The figures and their readings come from
``phakhi.monitoring``; this module only picks the scope and renders."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.monitoring.lights import LIGHT_NAMES, dimension_light
from phakhi.monitoring.models import Snapshot
from phakhi.monitoring.readings import DIMENSION_NAMES, SHOWN, readings
from phakhi.monitoring.scorecard_selectors import scorecard
from phakhi.monitoring.snapshots import snapshot_request
from phakhi.networks.models import Network
from phakhi.networks.selectors import network_get, networks_by_name
from phakhi.web.access import request_author, workspace_view


def network_or_404(workspace: Workspace, slug: str) -> Network:
    try:
        return network_get(workspace, slug)
    except NotFound as error:
        raise Http404(str(error)) from None


def _link(name: str, workspace: Workspace) -> str | None:
    """A page of another monitoring area, when it is there."""
    try:
        return reverse(f"web:{name}", kwargs={"workspace": workspace.slug})
    except NoReverseMatch:
        return None


def _network_rows(workspace: Workspace) -> list[dict[str, Any]]:
    """Each network with its latest snapshot's light of each dimension (one query for the
    snapshots: the latest of each network)."""
    networks = networks_by_name(workspace)
    latest_ids = (
        Snapshot.objects.filter(workspace=workspace, network__isnull=False)
        .values("network_id")
        .annotate(latest=Max("id"))
        .values_list("latest", flat=True)
    )
    latest = {s.network_id: s for s in Snapshot.objects.filter(pk__in=list(latest_ids))}
    rows = []
    for network in networks:
        snapshot = latest.get(network.pk)
        lights = []
        for dimension, keys in SHOWN.items():
            found = snapshot.lights if snapshot else {}
            lit = [found[key] for key in keys if key in found]
            light = dimension_light(lit)
            lights.append((DIMENSION_NAMES[dimension], light, LIGHT_NAMES[light]))
        rows.append({"network": network, "snapshot": snapshot, "lights": lights})
    return rows


def _context(
    workspace: Workspace, access: Access, network: Network | None, **extra: Any
) -> dict[str, Any]:
    card = scorecard(workspace, network)
    trend = reverse("web:scorecard-trend", kwargs={"workspace": workspace.slug})
    if network is not None:
        trend += f"?network={network.slug}"
    return {
        "workspace": workspace,
        "access": access,
        "network": network,
        "card": card,
        "dimensions": readings(card.figures) if card.figures else [],
        "light_names": LIGHT_NAMES,
        "can_snapshot": access.can_analyze,
        "trend_url": trend,
        "trend_join": "&" if network is not None else "?",
        **extra,
    }


@workspace_view()
def monitoring(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    links = [
        (_("Network surveys"), _("who works with whom, trust and value"),
         _link("surveys", workspace)),
        (_("Self-assessments"), _("the sources' checklists, scored over time"),
         _link("assessments", workspace)),
        (_("Risk alerts"), _("capture, one leader, weak communication, dormancy"),
         _link("alerts", workspace)),
    ]  # fmt: skip
    context = _context(
        workspace, access, None,
        links=[(title, text, url) for title, text, url in links if url],
        networks=_network_rows(workspace),
    )  # fmt: skip
    return render(request, "web/scorecard/monitoring.html", context)


@workspace_view()
def network_scorecard(
    request: HttpRequest, workspace: Workspace, access: Access, slug: str
) -> HttpResponse:
    network = network_or_404(workspace, slug)
    return render(request, "web/scorecard/network.html", _context(workspace, access, network))


@workspace_view("analyze")
def snapshot_take_view(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "POST"})
    slug = request.POST.get("network", "").strip()
    network = network_or_404(workspace, slug) if slug else None
    back = (
        reverse("web:network-scorecard", kwargs={"workspace": workspace.slug, "slug": slug})
        if network
        else reverse("web:monitoring", kwargs={"workspace": workspace.slug})
    )
    try:
        taken = snapshot_request(request_author(request), workspace, network)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    if taken is None:
        messages.success(
            request, _("The snapshot is queued: the background worker takes it in a while.")
        )
    else:
        messages.success(request, _("The snapshot is taken and kept."))
    return redirect(back)
