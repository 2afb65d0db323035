"""Words of the networks pages: role headings, member statuses and the sector bar."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from phakhi.actors.models import Sector
from phakhi.networks.models import Role


def role_heading(role: str) -> str:
    """A role as the heading of its group of members (plural)."""
    headings: dict[str, str] = {
        Role.CORE_LEADER: _("Core leaders"),
        Role.COORDINATOR: _("Coordinators"),
        Role.MENTOR: _("Mentors"),
        Role.MEMBER: _("Members"),
        Role.ALLY: _("Allies"),
    }
    return headings.get(role, role)


def status_choices() -> list[tuple[str, str]]:
    return [
        ("current", _("Current members")),
        ("former", _("Former members")),
        ("all", _("All members")),
    ]


@dataclass(frozen=True)
class SectorShare:
    label: str
    count: int
    percent: int
    css: int  # the colour of the home page's sector bars (1–3; 4 for "no sector")


def sector_shares(counts: dict[str, int]) -> list[SectorShare]:
    """A network's members by sector (ไตรพลัง), in the order of the home page's bars; actors
    without a sector only when there are some."""
    total = sum(counts.values())
    shares = [
        SectorShare(str(label), counts.get(value, 0), 0, index)
        for index, (value, label) in enumerate(Sector.choices, start=1)
    ]
    if counts.get(""):
        shares.append(SectorShare(_("no sector recorded"), counts[""], 0, 4))
    return [
        SectorShare(s.label, s.count, round(100 * s.count / total) if total else 0, s.css)
        for s in shares
    ]
