"""The network surveys on a network's page, ``{% network_surveys workspace network %}`` (its
rounds, newest first, with how many answered), and the filters the survey pages write their
numbers with: ``percent`` (a figure already in %), ``share`` (0–1 as %), ``score`` (a mean of
1–4 ratings) and ``tie_level`` (1–4 in the workshop's words)."""

from typing import Any

from django import template
from django.urls import reverse
from django.utils.formats import number_format

from phakhi.core.models import Workspace
from phakhi.monitoring.survey_selectors import surveys_of
from phakhi.networks.models import Network
from phakhi.ties.vocabulary import WORKSHOP_LEVELS

register = template.Library()

SHOWN = 5  # rounds listed on the network's page; the rest are a link away
LEVEL_WORDS = dict(WORKSHOP_LEVELS)
DASH = "–"


@register.filter
def percent(value: float | None) -> str:
    return DASH if value is None else f"{number_format(round(value))}%"


@register.filter
def share(value: float | None) -> str:
    return DASH if value is None else f"{number_format(round(100 * value))}%"


@register.filter
def score(value: float | None) -> str:
    # number_format cuts decimals off; 2.666… is 2.67.
    return DASH if value is None else number_format(round(value, 2), decimal_pos=2)


@register.filter
def tie_level(value: int) -> str:
    return str(LEVEL_WORDS.get(value, value))


@register.inclusion_tag("web/surveys/_network_section.html", takes_context=True)
def network_surveys(context: Any, workspace: Workspace, network: Network) -> dict[str, Any]:
    access = context.get("access")
    found = list(surveys_of(workspace, network)[: SHOWN + 1])
    may_add = access is not None and access.can_edit_network(network.pk)
    slug = workspace.slug
    return {
        "workspace": workspace,
        "surveys": found[:SHOWN],
        "more": len(found) > SHOWN,
        "all_url": reverse("web:surveys", kwargs={"workspace": slug}) + f"?network={network.slug}",
        "add_url": reverse("web:survey-add", kwargs={"workspace": slug})
        + f"?network={network.slug}"
        if may_add
        else "",
    }
