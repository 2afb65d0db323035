"""The risk alerts' rules (สัญญาณเตือนความเสี่ยง): each with its code, its name, why it matters in
the sources' own words (the document and line of each quotation, sources/INVENTORY.md §1.3–1.4),
what to do, the thresholds it reads, and a pure function over the facts of ``alert_facts.py``
that returns what it trips, each with the figures that tripped it.

A tripped alert is about one ``subject`` (a stable key: "ties/sector/government",
"fragility/A017", "academic"…): one alert row lasts while the same subject stays tripped, and a
dismissal with its reason stays with it. Every rule is silent on a network of fewer than
``min_members`` members: a handful of actors is not a network to judge."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Sector
from phakhi.assessments.checklists import DOCUMENTS
from phakhi.monitoring.alert_facts import GROUP_KINDS, MEASURES, Facts

Text = str | Promise
Thresholds = Mapping[str, float]


@dataclass(frozen=True)
class Quote:
    """The source's words, verbatim, and where they stand (a document code of INVENTORY.md)."""

    document: str
    line: int
    thai: str
    english: Text

    @property
    def file_name(self) -> str:
        return DOCUMENTS[self.document]

    @property
    def cited(self) -> str:
        return f"{self.document} {self.line}"


@dataclass(frozen=True)
class Tripped:
    rule: str
    subject: str
    figures: dict[str, Any]


@dataclass(frozen=True)
class Rule:
    code: str
    name: Text
    why: Text
    quotes: tuple[Quote, ...]
    todo: Text
    thresholds: tuple[str, ...]
    check: Callable[[Facts, Thresholds], list[Tripped]]


def _share(value: float) -> float:
    return round(value, 4)


def check_capture(facts: Facts, limits: Thresholds) -> list[Tripped]:
    """One sector, organisation or community holds more than its share of the tie ends, the core
    leaders or the participants of the last 12 months."""
    tripped = []
    for measure in MEASURES:
        minimum = limits["capture_minimum_leaders" if measure == "leaders" else "capture_minimum"]
        for kind in GROUP_KINDS:
            found = facts.largest.get((measure, kind))
            if found is None or facts.totals.get(measure, 0) < minimum:
                continue
            if kind == "community" and facts.communities < 2:
                continue  # one community is the whole network, not a group within it
            limit = limits[f"capture_{kind}_share"]
            if found.share <= limit:
                continue
            tripped.append(
                Tripped(
                    "capture",
                    f"{measure}/{kind}/{found.group}",
                    {
                        "facet": "capture",
                        "measure": measure,
                        "group_kind": kind,
                        "group": found.group,
                        "group_name": found.name,
                        "count": found.count,
                        "total": found.total,
                        "share": _share(found.share),
                        "threshold": limit,
                    },
                )
            )
    return tripped


def check_one_leader(facts: Facts, limits: Thresholds) -> list[Tripped]:
    """A network with fewer core leaders than it needs (one, or none); a network that falls
    apart without its top broker (fragility at k = 1); one actor carrying most of the
    brokerage (betweenness)."""
    tripped = []
    leaders = facts.totals.get("leaders", 0)
    if facts.network is not None and leaders < limits["min_leaders"]:
        tripped.append(
            Tripped(
                "one-leader",
                "leaders/none" if not leaders else "leaders/few",
                {
                    "facet": "leaders",
                    "leaders": leaders,
                    "names": [person.name for person in facts.leaders],
                    "threshold": limits["min_leaders"],
                },
            )
        )
    fragility = facts.figures.structure.get("fragility_k1")
    if fragility is not None and fragility < limits["fragility_k1"]:
        who = facts.fragile_at
        tripped.append(
            Tripped(
                "one-leader",
                f"fragility/{who.key if who else ''}",
                {
                    "facet": "fragility",
                    "actor_key": who.key if who else None,
                    "actor_name": who.name if who else None,
                    "share": _share(fragility),
                    "threshold": limits["fragility_k1"],
                },
            )
        )
    broker, share = facts.broker, facts.broker_share
    if broker is not None and share is not None and share > limits["broker_share"]:
        tripped.append(
            Tripped(
                "one-leader",
                f"broker/{broker.key}",
                {
                    "facet": "broker",
                    "actor_key": broker.key,
                    "actor_name": broker.name,
                    "share": _share(share),
                    "threshold": limits["broker_share"],
                },
            )
        )
    return tripped


def check_weak_communication(facts: Facts, limits: Thresholds) -> list[Tripped]:
    """No activity (or, from issue #16, announcement) for more than ``quiet_days``; little
    reciprocity among the ties the latest survey found."""
    tripped = []
    last = facts.last_contact_on
    days = (facts.on - last).days if last is not None else None
    if days is None or days > limits["quiet_days"]:
        tripped.append(
            Tripped(
                "weak-communication",
                "quiet",
                {
                    "facet": "quiet",
                    "last_contact_on": last.isoformat() if last else None,
                    "days": days,
                    "threshold": limits["quiet_days"],
                },
            )
        )
    relationships = facts.figures.relationships
    reciprocity = relationships.get("reciprocity")
    if reciprocity is not None and reciprocity < limits["reciprocity_minimum"]:
        tripped.append(
            Tripped(
                "weak-communication",
                f"reciprocity/{relationships.get('survey')}",
                {
                    "facet": "reciprocity",
                    "survey": relationships.get("survey"),
                    "survey_name": relationships.get("survey_name"),
                    "share": _share(reciprocity),
                    "threshold": limits["reciprocity_minimum"],
                },
            )
        )
    return tripped


def check_dormancy(facts: Facts, limits: Thresholds) -> list[Tripped]:
    """More than a share of the members, or of the ties, with no activity for
    ``dormant_months`` months (the scorecard's dormancy figures)."""
    activity = facts.figures.activity
    tripped = []
    for what, count_key, total_key in (
        ("members", "dormant_members", "members"),
        ("ties", "dormant_ties", "tie_count"),
    ):
        share = activity.get(f"dormant_{what[:-1]}_share")
        limit = limits[f"dormant_{what[:-1]}_share"]
        if share is not None and share > limit:
            tripped.append(
                Tripped(
                    "dormancy",
                    what,
                    {
                        "facet": f"dormant-{what}",
                        "dormant": activity.get(count_key),
                        "total": activity.get(total_key),
                        "share": _share(share),
                        "months": activity.get("dormant_months"),
                        "threshold": limit,
                    },
                )
            )
    return tripped


def check_one_kind(facts: Facts, limits: Thresholds) -> list[Tripped]:
    """No academic or no government actor (fewer than ``allies_minimum``) among the members."""
    sectors = facts.sectors
    tripped = []
    for sector in (Sector.ACADEMIC, Sector.GOVERNMENT):
        count = int(sectors.get(sector, 0))
        if count < limits["allies_minimum"]:
            tripped.append(
                Tripped(
                    "one-kind",
                    str(sector),
                    {
                        "facet": "allies",
                        "sector": str(sector),
                        "count": count,
                        "members": sum(sectors.values()),
                        "threshold": limits["allies_minimum"],
                    },
                )
            )
    return tripped


W, P = "W", "P"
RULES: tuple[Rule, ...] = (
    Rule(
        "capture",
        _("Capture by one group"),
        _("When one group holds most of the ties, the leading roles or the seats at the "
          "activities, the network works for that group: the others stop bringing their views "
          "and the network loses its openness. The workshop names capture by an interest "
          "group, which breeds opacity, as the first risk of a network, and asks that no group "
          "monopolise power."),
        (Quote(W, 569, "การถูกรวบงำ จากกลุ่มผลประโยชน์ เกิดความไม่โปร่งใส",
               _("capture by an interest group, which breeds opacity")),
         Quote(W, 552, "ไม่ผูกขาดอำนาจที่กลุ่มใดกลุ่มหนึ่ง",
               _("no group monopolising power"))),
        _("Look at who the group is and why it holds so much. Bring in core leaders and "
          "participants from the other sectors and organisations, rotate who hosts and chairs "
          "the activities, and make decisions and money transparent and checkable."),
        ("capture_sector_share", "capture_organisation_share", "capture_community_share",
         "capture_minimum", "capture_minimum_leaders"),
        check_capture,
    ),
    Rule(
        "one-leader",
        _("Dependence on one leader"),
        _("A network that hangs on one person stops when that person leaves, falls ill or "
          "changes job. The workshop lists the lack of a leader among the risks of a network, "
          "and the principles name the lack of capable, visionary leaders among its problems; "
          "a sustainable network has a group of core leaders that leads and coordinates, not "
          "one."),
        (Quote(W, 571, "ขาดผู้นำ", _("no leader")),
         Quote(P, 84, "ขาดผู้นำที่มีความสามารถและวิสัยทัศน์",
               _("no capable, visionary leader")),
         Quote(P, 120, "มีกลุ่มแกนนำ ทำหน้าที่นำและประสานด้วยความมุ่งมั่น",
               _("a group of core leaders that leads and coordinates with commitment"))),
        _("Name a second and a third core leader (แกนนำ) and share the coordinating work with "
          "them; tie the groups to each other directly so that news and help need not pass "
          "through one person; plan who takes over."),
        ("min_leaders", "fragility_k1", "broker_share"),
        check_one_leader,
    ),
    Rule(
        "weak-communication",
        _("Weak communication"),
        _("A network lives on regular contact: members who meet, visit and talk keep the "
          "network going. Poor communication and relationship building is the second risk the "
          "workshop names; when partners who work together do not see it the same way "
          "(little reciprocity in the survey), the relationship is weaker than one side "
          "thinks."),
        (Quote(W, 570, "ระบบการสื่อสาร การสร้างความสัมพันธ์ ระบบการจัดการ เครือข่ายไม่ดี",
               _("poor communication, relationship-building or management systems")),
         Quote(P, 117, "มีการพบปะ ไปมาหาสู่ สื่อสารกันเป็นประจำ",
               _("meeting, visiting and communicating regularly"))),
        _("Set a fixed schedule of meetings and news (a LINE group, a newsletter), hold an "
          "activity soon, and talk with the partners whose ties only one side reported about "
          "what working together means to each."),
        ("quiet_days", "reciprocity_minimum"),
        check_weak_communication,
    ),
    Rule(
        "dormancy",
        _("Dormancy"),
        _("Networks dissolve for lack of activity, not only when their work is done. When many "
          "members and ties have had no activity for months, the network exists on paper; the "
          "principles tie this to the lack of people working continuously, so that there is "
          "little activity."),
        (Quote(P, 111, "เครือข่ายที่สลายตัวไปเพราะไม่มีกิจกรรม",
               _("networks that dissolve because there is no activity")),
         Quote(P, 74, "ขาดบุคคลากรที่ทำงานอย่างต่อเนื่อง",
               _("no staff working continuously"))),
        _("Contact the dormant members: ask whether they are still part of the network and what "
          "would bring them back; plan a joint activity that needs them; end the memberships "
          "and ties that are over, so that the figures show the network as it is."),
        ("dormant_months", "dormant_member_share", "dormant_tie_share"),
        check_dormancy,
    ),
    Rule(
        "one-kind",
        _("Only one kind of member"),
        _("A network of one kind of organisation lacks broad allies: the principles name this "
          "among the problems of network work and ask for academics and the media; the three "
          "sectors (ไตรพลัง) bring knowledge, authority and people that one sector alone "
          "does not have."),
        (Quote(P, 82, "ขาดแนวร่วมในการทำงาน ปกติจะมีแต่องค์กรประเภทเดียวกันเท่านั้น",
               _("no broad allies: usually only one type of organisation")),),
        _("Invite a university, a research or training institute, and the government offices "
          "that work on the issue; the stakeholder worksheet's first step lists candidates by "
          "sector."),
        ("allies_minimum",),
        check_one_kind,
    ),
)  # fmt: skip
BY_CODE = {rule.code: rule for rule in RULES}


def run_rules(facts: Facts, limits: Thresholds) -> list[Tripped]:
    """Every rule's tripped alerts for the facts of one scope, in the rules' order."""
    if facts.members < limits["min_members"]:
        return []
    return [tripped for rule in RULES for tripped in rule.check(facts, limits)]
