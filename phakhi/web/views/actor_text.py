"""What an actor's measures mean, in plain words (after docs/metrics.md), for the actor page."""

from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phakhi.ties.models import Strength

# (measure, label, meaning); the meaning reads "high …" against the other actors of the run.
MEASURES: tuple[tuple[str, Promise, Promise], ...] = (
    (
        "degree",
        gettext_lazy("Degree"),
        gettext_lazy(
            "How many partners are tied to this actor directly. High: knows many partners, good "
            "for spreading news; 0–1: on the edge of the network."
        ),
    ),
    (
        "betweenness",
        gettext_lazy("Betweenness"),
        gettext_lazy(
            "The share of shortest paths between other actors that pass through this actor. "
            "High: a bridge between groups; if they leave, groups may lose contact."
        ),
    ),
    (
        "closeness",
        gettext_lazy("Closeness"),
        gettext_lazy(
            "How few steps this actor is from everyone else. High: news started here reaches "
            "the whole network quickly."
        ),
    ),
    (
        "eigenvector",
        gettext_lazy("Eigenvector"),
        gettext_lazy(
            "Importance from being tied to important actors. High: in the circle of influential "
            "actors, even with few ties of their own."
        ),
    ),
    (
        "pagerank",
        gettext_lazy("PageRank"),
        gettext_lazy(
            "Influence flowing along ties, stronger ties carrying more (all actors sum to 1). "
            "High: an actor with real weight in the network."
        ),
    ),
    (
        "core",
        gettext_lazy("Core"),
        gettext_lazy(
            "The layer of the network's core: the actor belongs to a group where everyone has "
            "at least this many ties inside it. Highest: the inner circle; 1: hangs on by one "
            "thread."
        ),
    ),
    (
        "constraint",
        gettext_lazy("Constraint"),
        gettext_lazy(
            "How much this actor is held in one closed circle. Low: ties into several groups "
            "that do not know each other; high: a closed circle or dependence on one partner."
        ),
    ),
    (
        "articulation",
        gettext_lazy("Single point of failure"),
        gettext_lazy(
            "Yes: without this actor part of the network is cut off. Build a second route and "
            "name a deputy."
        ),
    ),
    (
        "community",
        gettext_lazy("Community"),
        gettext_lazy(
            "The number of the sub-group the actor belongs to: actors tied more densely to "
            "each other than to the rest (0 is the largest group; −1 has no ties)."
        ),
    ),
)

BROKERAGE_ROLES: tuple[tuple[str, Promise, Promise], ...] = (
    (
        "coordinator",
        gettext_lazy("Coordinator (within the sector)"),
        gettext_lazy("Links two partners of its own sector, all three in the same sector."),
    ),
    (
        "itinerant",
        gettext_lazy("Itinerant"),
        gettext_lazy("From another sector, links two partners of one sector."),
    ),
    (
        "gatekeeper",
        gettext_lazy("Gatekeeper"),
        gettext_lazy("Lets another sector's flow into its own sector."),
    ),
    (
        "representative",
        gettext_lazy("Representative"),
        gettext_lazy("Carries its own sector's flow out to another sector."),
    ),
    (
        "boundary",
        gettext_lazy("Boundary spanner"),
        gettext_lazy("Gatekeeper or representative where the direction of the ties is not known."),
    ),
    (
        "liaison",
        gettext_lazy("Liaison"),
        gettext_lazy("Links partners of two other sectors: brings the three sectors together."),
    ),
    (
        "brokerage",
        gettext_lazy("All brokerage roles"),
        gettext_lazy("The total of all the roles above."),
    ),
)


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    value: str
    meaning: str


def _shown(key: str, value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float):
        return number_format(value, 3)
    return str(value)


def measures_of(result: Any) -> list[Measure]:
    """The page's rows for an ActorResult: label, value as shown, meaning."""
    return [
        Measure(key, str(label), _shown(key, getattr(result, key)), str(meaning))
        for key, label, meaning in MEASURES
    ]


def brokerage_of(result: Any) -> list[Measure]:
    return [
        Measure(key, str(label), _shown(key, getattr(result, key)), str(meaning))
        for key, label, meaning in BROKERAGE_ROLES
    ]


def strength_words(strength: int) -> str:
    """ระดับ 3 · ประสานการทำงาน (level and its name on the collaboration continuum)."""
    return _("Level %(level)s · %(name)s") % {
        "level": strength,
        "name": Strength(strength).label,
    }
