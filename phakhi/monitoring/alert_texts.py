"""An alert's figures in words, in the reader's language: "The organisation X holds 45% of the
tie ends (16 of 36); the threshold is 40%." The figures are stored as numbers and codes
(``alert_rules``), so the same alert reads in Thai and in English, dates in the Buddhist era in
Thai."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from phakhi.actors.models import Sector
from phakhi.core.dates import current_language, format_date


def percent(value: Any) -> str:
    return "–" if value is None else f"{round(float(value) * 100):d}%"


def whole(value: Any) -> str:
    return "–" if value is None else f"{float(value):g}"


def sector_name(code: str) -> str:
    return str(Sector(code).label) if code in Sector.values else code


def _group(figures: Mapping[str, Any]) -> str:
    name = str(figures.get("group_name") or figures.get("group") or "")
    kind = figures.get("group_kind")
    if kind == "sector":
        return _("The sector “%(name)s”") % {"name": sector_name(name)}
    if kind == "organisation":
        return _("The organisation “%(name)s”") % {"name": name}
    return _("Community %(name)s found by the analysis") % {"name": name}


def _measure(measure: str) -> str:
    return {
        "ties": _("of the tie ends"),
        "leaders": _("of the core leaders (แกนนำ)"),
        "participants": _("of the participants of the last 12 months"),
    }.get(measure, measure)


def _capture(f: Mapping[str, Any]) -> str:
    return _(
        "%(group)s holds %(share)s %(measure)s (%(count)s of %(total)s); the threshold is "
        "%(threshold)s."
    ) % {
        "group": _group(f), "share": percent(f.get("share")), "measure": _measure(f["measure"]),
        "count": f.get("count"), "total": f.get("total"), "threshold": percent(f["threshold"]),
    }  # fmt: skip


def _leaders(f: Mapping[str, Any]) -> str:
    count = int(f.get("leaders") or 0)
    if not count:
        return _("The network has no core leader (แกนนำ); it needs at least %(threshold)s.") % {
            "threshold": whole(f["threshold"])
        }
    return ngettext(
        "The network has %(count)d core leader (แกนนำ), %(names)s; it needs at least "
        "%(threshold)s.",
        "The network has %(count)d core leaders (แกนนำ), %(names)s; it needs at least "
        "%(threshold)s.",
        count,
    ) % {
        "count": count,
        "names": ", ".join(f.get("names") or []),
        "threshold": whole(f["threshold"]),
    }


def _fragility(f: Mapping[str, Any]) -> str:
    return _(
        "Without %(name)s, the network's top broker, its largest group keeps %(share)s of its "
        "actors; the threshold is %(threshold)s."
    ) % {
        "name": f.get("actor_name") or f.get("actor_key") or "–",
        "share": percent(f.get("share")),
        "threshold": percent(f["threshold"]),
    }


def _broker(f: Mapping[str, Any]) -> str:
    return _(
        "%(name)s carries %(share)s of all the brokerage (betweenness) in the network; the "
        "threshold is %(threshold)s."
    ) % {
        "name": f.get("actor_name") or f.get("actor_key"),
        "share": percent(f.get("share")),
        "threshold": percent(f["threshold"]),
    }


def _quiet(f: Mapping[str, Any]) -> str:
    last = f.get("last_contact_on")
    if not last:
        return _("No activity has been recorded; the threshold is %(threshold)s days.") % {
            "threshold": whole(f["threshold"])
        }
    return _(
        "The latest activity was on %(date)s, %(days)s days ago; the threshold is %(threshold)s "
        "days."
    ) % {
        "date": format_date(dt.date.fromisoformat(last), current_language()),
        "days": f.get("days"),
        "threshold": whole(f["threshold"]),
    }


def _reciprocity(f: Mapping[str, Any]) -> str:
    return _(
        "In the survey “%(survey)s” %(share)s of the ties between respondents are reported by "
        "both sides; the threshold is %(threshold)s."
    ) % {
        "survey": f.get("survey_name") or f.get("survey"),
        "share": percent(f.get("share")),
        "threshold": percent(f["threshold"]),
    }


def _dormant(f: Mapping[str, Any]) -> str:
    words = {
        "dormant-members": _(
            "%(dormant)s of %(total)s members (%(share)s) took part in no activity for "
            "%(months)s months; the threshold is %(threshold)s."
        ),
        "dormant-ties": _(
            "%(dormant)s of %(total)s ties (%(share)s) had no activity together for %(months)s "
            "months; the threshold is %(threshold)s."
        ),
    }[f["facet"]]
    return words % {
        "dormant": f.get("dormant"), "total": f.get("total"), "share": percent(f.get("share")),
        "months": whole(f.get("months")), "threshold": percent(f["threshold"]),
    }  # fmt: skip


def _allies(f: Mapping[str, Any]) -> str:
    return _(
        "%(sector)s: %(count)s of the %(members)s members; the network needs at least "
        "%(threshold)s."
    ) % {
        "sector": sector_name(str(f.get("sector"))),
        "count": f.get("count"),
        "members": f.get("members"),
        "threshold": whole(f["threshold"]),
    }


FACETS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "capture": _capture,
    "leaders": _leaders,
    "fragility": _fragility,
    "broker": _broker,
    "quiet": _quiet,
    "reciprocity": _reciprocity,
    "dormant-members": _dormant,
    "dormant-ties": _dormant,
    "allies": _allies,
}


def describe(figures: Mapping[str, Any]) -> str:
    """What tripped the alert, in one sentence with its figures and threshold."""
    words = FACETS.get(str(figures.get("facet")))
    return words(figures) if words is not None else ""
