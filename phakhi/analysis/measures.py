"""The one name of each network measure, with what it means in plain words (docs/metrics.md
gives the formulas). The actor page, the map, the API's schema and ``phakhi analyze`` all take
their names from here, so a measure is called the same everywhere, in Thai and in English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import translation
from django.utils.translation import gettext_lazy, pgettext_lazy

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


@dataclass(frozen=True)
class Measure:
    """``name``: what the measure is called; ``about``: one line on what a high value means
    (the map's panel, the API's schema); ``meaning``: what it tells a coordinator and what to
    do about it (the actor page)."""

    key: str
    name: _StrPromise
    about: _StrPromise
    meaning: _StrPromise


MEASURES: dict[str, Measure] = {
    m.key: m
    for m in (
        Measure(
            "degree",
            pgettext_lazy("measure", "Degree"),
            gettext_lazy("How many actors this one is tied to directly."),
            gettext_lazy(
                "How many partners are tied to this actor directly. High: knows many partners, "
                "good for spreading news; 0–1: on the edge of the network."
            ),
        ),
        Measure(
            "strength",
            pgettext_lazy("measure", "Strength"),
            gettext_lazy("The tie levels (1–4) with every partner, added up."),
            gettext_lazy(
                "The tie levels (1–4) with every partner, added up. Divided by the degree it "
                "gives the actor's mean tie level: near 4, most ties are collaboration."
            ),
        ),
        Measure(
            "betweenness",
            pgettext_lazy("measure", "Betweenness"),
            gettext_lazy("How much of the network's shortest paths pass through this actor."),
            gettext_lazy(
                "The share of shortest paths between other actors that pass through this actor. "
                "High: a bridge between groups; if they leave, groups may lose contact."
            ),
        ),
        Measure(
            "closeness",
            pgettext_lazy("measure", "Closeness"),
            gettext_lazy(
                "Higher when the other actors are fewer steps away: news started here reaches "
                "them sooner."
            ),
            gettext_lazy(
                "How few steps this actor is from everyone else. High: news started here reaches "
                "the whole network quickly."
            ),
        ),
        Measure(
            "harmonic",
            pgettext_lazy("measure", "Harmonic reach"),
            gettext_lazy(
                "Higher the more actors are within few steps: a direct partner counts 1, two "
                "steps ½, an actor out of reach 0."
            ),
            gettext_lazy(
                "Like closeness, without the distortion of a network in separate pieces; it "
                "grows with the network, so compare actors of one analysis only."
            ),
        ),
        Measure(
            "eigenvector",
            pgettext_lazy("measure", "Eigenvector"),
            gettext_lazy("High when this actor's partners are themselves well connected."),
            gettext_lazy(
                "Importance from being tied to important actors. High: in the circle of "
                "influential actors, even with few ties of their own."
            ),
        ),
        Measure(
            "pagerank",
            pgettext_lazy("measure", "PageRank"),
            gettext_lazy("Influence that flows along ties; stronger ties carry more."),
            gettext_lazy(
                "Influence flowing along ties, stronger ties carrying more (all actors sum to "
                "1). High: an actor with real weight in the network."
            ),
        ),
        Measure(
            "clustering",
            pgettext_lazy("measure", "Clustering"),
            gettext_lazy("The share of this actor's pairs of partners who are tied to each other."),
            gettext_lazy(
                "High: a close circle that keeps working if one person is missing, where new "
                "information enters slowly."
            ),
        ),
        Measure(
            "core",
            pgettext_lazy("measure", "Core"),
            gettext_lazy("The layer of the network's core the actor belongs to."),
            gettext_lazy(
                "The layer of the network's core: the actor belongs to a group where everyone "
                "has at least this many ties inside it. Highest: the inner circle; 1: hangs on "
                "by one thread."
            ),
        ),
        Measure(
            "constraint",
            pgettext_lazy("measure", "Constraint"),
            gettext_lazy("High when all of this actor's partners know each other (few new ideas)."),
            gettext_lazy(
                "How much this actor is held in one closed circle. Low: ties into several groups "
                "that do not know each other; high: a closed circle or dependence on one partner."
            ),
        ),
        Measure(
            "effective_size",
            pgettext_lazy("measure", "Effective size"),
            gettext_lazy("How many of this actor's partners do not know each other."),
            gettext_lazy(
                "Close to the degree: each tie opens a new circle; far below it: the ties "
                "repeat one circle."
            ),
        ),
        Measure(
            "articulation",
            pgettext_lazy("measure", "Single point of failure"),
            gettext_lazy("Without this actor part of the network would be cut off."),
            gettext_lazy(
                "Yes: without this actor part of the network is cut off. Build a second route "
                "and name a deputy."
            ),
        ),
        Measure(
            "community",
            pgettext_lazy("measure", "Community"),
            gettext_lazy("A group of actors tied more among themselves than to others."),
            gettext_lazy(
                "The number of the sub-group the actor belongs to: actors tied more densely to "
                "each other than to the rest (1 is the largest group; – for an actor without ties)."
            ),
        ),
        Measure(
            "coordinator",
            pgettext_lazy("measure", "Coordinator (within the sector)"),
            gettext_lazy("Links two partners of its own sector, all three in the same sector."),
            gettext_lazy("Links two partners of its own sector, all three in the same sector."),
        ),
        Measure(
            "itinerant",
            pgettext_lazy("measure", "Itinerant"),
            gettext_lazy("From another sector, links two partners of one sector."),
            gettext_lazy("From another sector, links two partners of one sector."),
        ),
        Measure(
            "gatekeeper",
            pgettext_lazy("measure", "Gatekeeper"),
            gettext_lazy("Lets another sector's flow into its own sector."),
            gettext_lazy("Lets another sector's flow into its own sector."),
        ),
        Measure(
            "representative",
            pgettext_lazy("measure", "Representative"),
            gettext_lazy("Carries its own sector's flow out to another sector."),
            gettext_lazy("Carries its own sector's flow out to another sector."),
        ),
        Measure(
            "boundary",
            pgettext_lazy("measure", "Boundary spanner"),
            gettext_lazy(
                "Gatekeeper or representative where the direction of the ties is not known."
            ),
            gettext_lazy(
                "Gatekeeper or representative where the direction of the ties is not known."
            ),
        ),
        Measure(
            "liaison",
            pgettext_lazy("measure", "Liaison"),
            gettext_lazy("Links partners of two other sectors: brings the three sectors together."),
            gettext_lazy("Links partners of two other sectors: brings the three sectors together."),
        ),
        Measure(
            "brokerage",
            pgettext_lazy("measure", "Brokerage"),
            gettext_lazy("How often this actor links two others who are not tied to each other."),
            gettext_lazy("The total of all the roles above."),
        ),
        # Measures of the whole network that the summaries name.
        Measure(
            "degree_centralization",
            pgettext_lazy("measure", "Degree centralization"),
            gettext_lazy("1 when one actor is tied to all the others and they to no one else."),
            gettext_lazy("1 when one actor is tied to all the others and they to no one else."),
        ),
        Measure(
            "modularity",
            pgettext_lazy("measure", "Modularity"),
            gettext_lazy("How clearly the network falls into communities (0.4 and up: clearly)."),
            gettext_lazy("How clearly the network falls into communities (0.4 and up: clearly)."),
        ),
    )
}
ACTOR_PAGE = (
    "degree", "betweenness", "closeness", "eigenvector", "pagerank", "core", "constraint",
    "articulation", "community",
)  # fmt: skip
BROKERAGE_ROLES = (
    "coordinator", "itinerant", "gatekeeper", "representative", "boundary", "liaison", "brokerage",
)  # fmt: skip


def measure_name(key: str) -> str:
    """The measure's name in the active language."""
    return str(MEASURES[key].name)


def measure_names(keys: tuple[str, ...] | list[str]) -> dict[str, dict[str, str]]:
    """``{key: {"label": name, "help": about}}`` in the active language (the map's panel)."""
    return {k: {"label": str(MEASURES[k].name), "help": str(MEASURES[k].about)} for k in keys}


def english_description(key: str) -> str:
    """``Name: about`` in English, for the API's schema."""
    with translation.override("en"):
        return f"{MEASURES[key].name}: {MEASURES[key].about}"
