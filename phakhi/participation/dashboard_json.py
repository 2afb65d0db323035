"""The participation dashboard's figures as plain values: the names of o25 items and sectors in
the reader's language, and the whole dashboard as JSON (the command's ``--json`` and the API)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from phakhi.actors.models import Sector
from phakhi.participation.dashboard import Dashboard
from phakhi.participation.models import Activity


def o25_label(name: str) -> str:
    """An o25 item's name: the activity field's label (“results”, in the reader's language)."""
    return str(getattr(Activity._meta.get_field(name), "verbose_name", name))


def sector_label(value: str) -> str:
    """A sector's name, or “sector not recorded” for ""."""
    return str(Sector(value).label) if value else _("sector not recorded")


def _level_key(level: int | None) -> str:
    return str(level) if level is not None else "none"


def dashboard_json(dashboard: Dashboard) -> dict[str, object]:
    """The figures as plain JSON values (the command's ``--json`` and the API's answer): levels
    as "1"…"5" and "none", sectors as their codes ("" for not recorded), dates in ISO."""
    subject, period, levels = dashboard.subject, dashboard.period, dashboard.levels
    totals = dashboard.totals
    return {
        "workspace": subject.workspace.slug,
        "network": subject.network.slug if subject.network else None,
        "project": subject.project.slug if subject.project else None,
        "period": {
            "first": period.first.isoformat(),
            "last": period.last.isoformat(),
            "fiscal_year": period.fiscal_year,
        },
        "totals": {
            "activities": totals.activities,
            "attendances": totals.attendances,
            "participants": totals.participants,
            "public": totals.public,
            "satisfaction": float(totals.satisfaction) if totals.satisfaction is not None else None,
            "rated": totals.rated,
        },
        "levels": [
            {"level": _level_key(row.level), "planned": row.planned, "achieved": row.achieved}
            for row in levels.rows
        ],
        "planned_achieved": {
            _level_key(planned): {_level_key(achieved): n for achieved, n in row.items()}
            for planned, row in levels.cross.items()
        },
        "shortfalls": {
            "short": levels.short,
            "met": levels.met,
            "exceeded": levels.exceeded,
            "not_assessed": levels.not_assessed,
        },
        "sectors": [
            {
                "sector": row.sector,
                "people": row.people,
                "attendances": row.attendances,
                "public": row.public,
            }
            for row in dashboard.sectors
        ],
        "organizations": {
            "count": dashboard.organization_count,
            "items": [
                {
                    "key": row.key,
                    "name": row.name,
                    "sector": row.sector,
                    "activities": row.activities,
                    "people": row.people,
                    "attendances": row.attendances,
                }
                for row in dashboard.organizations
            ],
        },
        "quiet_members": {
            "months": dashboard.quiet_months,
            "since": dashboard.quiet_since.isoformat(),
            "members": dashboard.member_count,
            "count": dashboard.quiet_member_count,
            "items": [
                {
                    "key": row.key,
                    "name": row.name,
                    "kind": row.kind,
                    "sector": row.sector,
                    "last_activity": row.last_activity.isoformat() if row.last_activity else None,
                }
                for row in dashboard.quiet_members
            ],
        },
        "missing_o25": {
            "needing": dashboard.needs_o25_count,
            "count": dashboard.missing_o25_count,
            "items": [
                {
                    "key": row.key,
                    "title": row.title,
                    "starts_on": row.starts_on.isoformat(),
                    "iap2_planned": row.iap2_planned,
                    "iap2_achieved": row.iap2_achieved,
                    "missing": row.missing,
                }
                for row in dashboard.missing_o25
            ],
        },
    }
