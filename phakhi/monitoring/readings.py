"""The scorecard as people read it: each shown figure's name, its value as text, its light, a
plain sentence of what it says (in the active language; Thai first) and, when its light is not
green, what to do. The pages, the CLI's text output and the API's ``readings`` use these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from phakhi.assessments.templates import TEMPLATES
from phakhi.core.dates import current_language
from phakhi.monitoring.lights import BY_FIGURE, GREEN, GREY, LIGHT_NAMES, dimension_light, light_of

MISSING: dict[str, Promise] = {
    "structure": gettext_lazy(
        "Not known until the network map of this scope is analysed "
        "(Network map → Analyse the network)."
    ),
    "activity": gettext_lazy("Record the activities and who took part to know this."),
    "relationships": gettext_lazy("Known once a network survey round is closed."),
    "capacity": gettext_lazy("Known once a self-assessment is finalised."),
}
DIMENSION_NAMES: dict[str, Promise] = {
    "structure": pgettext_lazy("scorecard", "Structure"),
    "activity": pgettext_lazy("scorecard", "Activity"),
    "relationships": pgettext_lazy("scorecard", "Relationships"),
    "capacity": pgettext_lazy("scorecard", "Capacity"),
}
DIMENSION_HELP: dict[str, Promise] = {
    "structure": gettext_lazy("from the latest analysis of the network map"),
    "activity": gettext_lazy("activities and who took part, last 12 months"),
    "relationships": gettext_lazy("trust and value from the latest closed network survey"),
    "capacity": gettext_lazy("the latest self-assessment of each list (scores 1–5)"),
}
NAMES: dict[str, Promise] = {
    "size": pgettext_lazy("scorecard", "Size"),
    "density": pgettext_lazy("scorecard", "Density"),
    "degree_centralization": pgettext_lazy("scorecard", "Centralization"),
    "largest_component_share": pgettext_lazy("scorecard", "Connected"),
    "isolate_share": pgettext_lazy("scorecard", "Isolated actors"),
    "fragility_k1": pgettext_lazy("scorecard", "Without the main broker"),
    "sectors_present": pgettext_lazy("scorecard", "Sector mix"),
    "ei_index": pgettext_lazy("scorecard", "Ties across sectors (E–I index)"),
    "activities": pgettext_lazy("scorecard", "Activities"),
    "iap2_highest": pgettext_lazy("scorecard", "Highest participation level"),
    "participation_rate": pgettext_lazy("scorecard", "Participation rate"),
    "dormant_member_share": pgettext_lazy("scorecard", "Dormant members"),
    "dormant_tie_share": pgettext_lazy("scorecard", "Dormant ties"),
    "days_since_activity": pgettext_lazy("scorecard", "Since the last activity"),
    "response_rate": pgettext_lazy("scorecard", "Response rate"),
    "trust": pgettext_lazy("scorecard", "Trust"),
    "value": pgettext_lazy("scorecard", "Value"),
    "reciprocity": pgettext_lazy("scorecard", "Reciprocity"),
    "confirmed_share": pgettext_lazy("scorecard", "Confirmed ties"),
    "average": pgettext_lazy("scorecard", "Self-assessment average"),
}
SHOWN: dict[str, tuple[str, ...]] = {
    "structure": ("size", "density", "degree_centralization", "largest_component_share",
                  "isolate_share", "fragility_k1", "sectors_present", "ei_index"),
    "activity": ("activities", "iap2_highest", "participation_rate", "dormant_member_share",
                 "dormant_tie_share", "days_since_activity"),
    "relationships": ("response_rate", "trust", "value", "reciprocity", "confirmed_share"),
    "capacity": ("average",),
}  # fmt: skip
PERCENT = {"largest_component_share", "isolate_share", "fragility_k1", "participation_rate",
           "dormant_member_share", "dormant_tie_share", "response_rate", "reciprocity",
           "confirmed_share", "density"}  # fmt: skip


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _number(value: Any, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.{digits}f}"
    return f"{int(value):,}"


def value_text(key: str, value: Any) -> str:
    """A figure's value as the scorecard prints it."""
    if value is None:
        return "–"
    if key == "density":
        return f"{100 * value:.1f}%" if value >= 0.001 else f"{value:.5f}"
    if key in PERCENT:
        return _pct(value)
    if key in ("trust", "value"):
        return f"{value:.0f}%"
    if key == "average":
        return f"{value:.2f} / 5"
    if key == "days_since_activity":
        return _("%(days)s days") % {"days": f"{value:,}"}
    return _number(value)


def iap2_name(level: int | None) -> str:
    from phakhi.participation.models import Level

    return str(Level(level).label) if level else "–"


def _statements() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "size": lambda f: _("%(actors)s actors and %(ties)s ties in the latest analysis.")
        % {"actors": _number(f["size"]), "ties": _number(f["ties"])},
        "density": lambda f: _("%(share)s of all possible pairs are tied; on average each "
                               "actor has %(degree)s partners.")
        % {"share": value_text("density", f["density"]),
           "degree": _number(f["average_degree"], 1)},
        "degree_centralization": lambda f: _("How far the ties gather on one actor: 0 is "
                                             "evenly spread, 1 is all around one.")
        + " " + _("The network is %(shape)s.") % {"shape": _shape(f.get("shape"))},
        "largest_component_share": lambda f: _("%(components)s separate groups; the largest "
                                               "holds %(share)s of the actors.")
        % {"components": _number(f["components"]),
           "share": _pct(f["largest_component_share"])},
        "isolate_share": lambda f: _("%(n)s actors have no tie at all.")
        % {"n": _number(f["isolates"])},
        "fragility_k1": lambda f: _("If the actor with most brokerage left, the largest group "
                                    "would keep %(share)s of its actors.")
        % {"share": _pct(f["fragility_k1"])},
        "sectors_present": lambda f: _("Civil society %(civil)s, academic %(academic)s, "
                                       "government %(government)s actors.")
        % {k: _number((f.get("sectors") or {}).get(k, 0))
           for k in ("civil", "academic", "government")},
        "ei_index": lambda f: _("From −1 (all ties within a sector) to +1 (all across "
                                "sectors); %(share)s of ties cross sectors.")
        % {"share": _pct(f["across_sectors"])},
        "activities": lambda f: _("%(n)s activities in the last 12 months.")
        % {"n": _number(f["activities"])},
        "iap2_highest": lambda f: _("The highest IAP2 level achieved in 12 months: %(level)s; "
                                    "%(share)s of assessed activities reached involve or "
                                    "higher.")
        % {"level": iap2_name(f["iap2_highest"]), "share": _pct(f["iap2_involve_share"])},
        "participation_rate": lambda f: _("%(n)s of %(members)s members took part in at least "
                                          "one activity in 12 months.")
        % {"n": _number(f["participants"]), "members": _number(f["members"])},
        "dormant_member_share": lambda f: _("%(n)s of %(members)s members took part in nothing "
                                            "for %(months)s months.")
        % {"n": _number(f["dormant_members"]), "members": _number(f["members"]),
           "months": f["dormant_months"]},
        "dormant_tie_share": lambda f: _("%(n)s of %(ties)s ties had no activity together for "
                                         "%(months)s months.")
        % {"n": _number(f["dormant_ties"]), "ties": _number(f["tie_count"]),
           "months": f["dormant_months"]},
        "days_since_activity": lambda f: _("The last activity was on %(date)s.")
        % {"date": _date(f["last_activity_on"])},
        "response_rate": lambda f: _("%(n)s of %(roster)s members answered the survey "
                                     "%(survey)s.")
        % {"n": _number(f["respondents"]), "roster": _number(f["roster"]),
           "survey": f.get("survey_name") or "–"},
        "trust": lambda f: _("Partners' trust in each other (openness, reliability, shared "
                             "mission), as a share of the highest score."),
        "value": lambda f: _("The value partners see in each other (influence, resources, "
                             "involvement), as a share of the highest score."),
        "reciprocity": lambda f: _("Share of pairs of respondents who both report the tie."),
        "confirmed_share": lambda f: _("%(n)s survey ties; this share is reported by both "
                                       "sides.")
        % {"n": _number(f["survey_ties"])},
        "average": lambda f: _("The mean of the lists' averages in their latest final "
                               "self-assessment."),
    }  # fmt: skip


def _shape(shape: str | None) -> str:
    from phakhi.analysis.summary import shape_label

    return shape_label(shape) if shape else "–"


def _date(iso: str | None) -> str:
    import datetime as dt

    from phakhi.core.dates import format_date

    return format_date(dt.date.fromisoformat(iso), current_language()) if iso else "–"


ADVICE: dict[str, Promise] = {
    "degree_centralization": gettext_lazy(
        "Share the coordinating: introduce members to each other, not only to the hub."),
    "largest_component_share": gettext_lazy(
        "Link the separate groups: a joint activity or a broker who knows both."),
    "isolate_share": gettext_lazy("Contact the isolated actors and pair each with a member."),
    "fragility_k1": gettext_lazy(
        "The network depends on one broker: build a second line of coordinators."),
    "sectors_present": gettext_lazy(
        "Invite the missing sector: the sources ask for all three (ไตรพลัง)."),
    "ei_index": gettext_lazy("Most ties stay within one sector: plan cross-sector work."),
    "activities": gettext_lazy("Meet regularly: at least once a quarter."),
    "iap2_highest": gettext_lazy("Give members a real part: consult, involve, collaborate."),
    "participation_rate": gettext_lazy("Ask the members who never take part what would help."),
    "dormant_member_share": gettext_lazy("Call the dormant members; see the list of the quiet."),
    "dormant_tie_share": gettext_lazy("Bring dormant partners together in an activity."),
    "days_since_activity": gettext_lazy("No activity for a long time: plan the next one."),
    "response_rate": gettext_lazy("Remind the members who have not answered."),
    "trust": gettext_lazy("Talk openly about commitments; keep promises visible."),
    "value": gettext_lazy("Ask what each partner brings and needs; use it."),
    "reciprocity": gettext_lazy("Many ties are seen by one side only: talk about them."),
    "confirmed_share": gettext_lazy("Many ties are seen by one side only: talk about them."),
    "average": gettext_lazy("Discuss the lowest-scored items and plan for them."),
}  # fmt: skip


@dataclass(frozen=True)
class Reading:
    key: str
    name: str
    value: str
    light: str | None
    statement: str
    advice: str  # "" when the light is green or unknown

    @property
    def light_name(self) -> str:
        return str(LIGHT_NAMES[self.light]) if self.light else ""


@dataclass(frozen=True)
class DimensionReading:
    key: str
    name: str
    help: str
    light: str
    rows: list[Reading]
    missing: str = ""  # when its light is grey: what would make it known

    @property
    def light_name(self) -> str:
        return str(LIGHT_NAMES[self.light])


def readings(figures: dict[str, dict[str, Any]]) -> list[DimensionReading]:
    """The four dimensions of a scorecard (``Figures.as_dict()`` or a snapshot's figures)."""
    statements = _statements()
    found = []
    for dimension, keys in SHOWN.items():
        values = figures.get(dimension) or {}
        rows = [_row(key, values, statements) for key in keys]
        if dimension == "capacity":
            rows += [
                _list_row(code, average) for code, average in (values.get("lists") or {}).items()
            ]
        lit = [row.light for row in rows if row.light is not None]
        name, help_text = str(DIMENSION_NAMES[dimension]), str(DIMENSION_HELP[dimension])
        light = dimension_light(lit)
        missing = str(MISSING[dimension]) if light == GREY else ""
        found.append(DimensionReading(dimension, name, help_text, light, rows, missing))
    return found


def _row(key: str, values: dict[str, Any], statements: dict[str, Any]) -> Reading:
    value = values.get(key)
    light = light_of(key, value)
    known = value is not None
    try:
        statement = statements[key](values) if known else _("Not known yet.")
    except (KeyError, TypeError):
        statement = ""
    advice = str(ADVICE.get(key, "")) if known and light not in (GREEN, GREY, None) else ""
    shown = value_text(key, value)
    if key == "sectors_present" and known:
        shown = _("%(n)s of 3") % {"n": value}
    if key == "iap2_highest":
        shown = iap2_name(value)
    return Reading(key, str(NAMES[key]), shown, light, statement, advice)


def _list_row(code: str, average: float) -> Reading:
    template = TEMPLATES.get(code)
    name = code if template is None else (
        template.thai if current_language() == "th" else str(template.english))  # fmt: skip
    light = BY_FIGURE["average"].light(average)
    advice = str(ADVICE["average"]) if light not in (GREEN, GREY) else ""
    return Reading(f"list:{code}", name, value_text("average", average), light, "", advice)
