"""Each risk alert's rule on a small network built to trip it, and on one built not to (the
figures counted by hand in each test's comment). A share equal to its threshold does not trip:
the rules say "more than" and "less than"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from phakhi.analysis.services import analysis_request
from phakhi.monitoring import alert_facts as facts_module
from phakhi.monitoring.alert_facts import Facts, Largest, Person
from phakhi.monitoring.alert_rules import run_rules
from phakhi.monitoring.alerts import monitoring_settings_set
from phakhi.monitoring.figures import Figures
from phakhi.monitoring.thresholds import defaults
from tests.monitoring.alert_support import AUTHOR, TODAY, build, facts_of, subjects, tripped

pytestmark = pytest.mark.django_db


def _lower_minimums(workspace: Any, **more: float) -> None:
    monitoring_settings_set(
        AUTHOR, workspace, thresholds={"capture_minimum": 4, "capture_minimum_leaders": 3, **more}
    )


# --- capture ---------------------------------------------------------------------------------


def test_capture_by_a_sector_of_the_ties(workspace):
    # A ring of six civil members and one tie to the academic G: 13 of 14 tie ends are civil.
    made = build(workspace, ["A:civil", "B:civil", "C:civil", "D:civil", "E:civil", "F:civil",
                             "G:academic", "H:government"],
                 ["A-B", "B-C", "C-D", "D-E", "E-F", "F-A", "A-G"])  # fmt: skip
    _lower_minimums(workspace)
    found = {t.subject: t for t in tripped(workspace, made["network"])}
    capture = found["ties/sector/civil"]
    assert capture.rule == "capture"
    assert capture.figures | {"share": None} == {
        "facet": "capture", "measure": "ties", "group_kind": "sector", "group": "civil",
        "group_name": "civil", "count": 13, "total": 14, "share": None, "threshold": 0.8,
    }  # fmt: skip
    assert capture.figures["share"] == pytest.approx(13 / 14, abs=1e-4)


def test_no_capture_when_the_ties_cross_the_sectors(workspace):
    # Every civil member tied to G or H, and G–H: civil ends 6 of 14 (43%), G 4, H 4.
    made = build(workspace, ["A:civil", "B:civil", "C:civil", "D:civil", "E:civil", "F:civil",
                             "G:academic", "H:government"],
                 ["A-G", "B-H", "C-G", "D-H", "E-G", "F-H", "G-H"])  # fmt: skip
    _lower_minimums(workspace)
    assert subjects(tripped(workspace, made["network"]), "capture") == set()


def test_too_few_ties_are_not_judged(workspace):
    # 13 of 14 ends civil, as above, but 7 ties are fewer than the default minimum of 10.
    made = build(workspace, ["A:civil", "B:civil", "C:civil", "D:civil", "E:civil", "F:civil",
                             "G:academic", "H:government"],
                 ["A-B", "B-C", "C-D", "D-E", "E-F", "F-A", "A-G"])  # fmt: skip
    assert "ties/sector/civil" not in subjects(tripped(workspace, made["network"]))


def test_capture_by_an_organisation_and_the_workspace_threshold(workspace):
    # A, B, C work for O; ties A–B, B–C, C–D, D–E, E–F: O's people hold 5 of 10 ends (50%).
    made = build(workspace, ["A:civil::O", "B:civil::O", "C:civil::O", "D:academic",
                             "E:government", "F:civil"],
                 ["A-B", "B-C", "C-D", "D-E", "E-F"], organisations={"O": "civil"})  # fmt: skip
    _lower_minimums(workspace)
    found = {t.subject: t.figures for t in tripped(workspace, made["network"])}
    assert found["ties/organisation/O"]["count"] == 5
    assert found["ties/organisation/O"]["group_name"] == "องค์กร O"
    # The workspace raises the organisation's threshold to 60%: 50% no longer trips.
    _lower_minimums(workspace, capture_organisation_share=0.6)
    assert "ties/organisation/O" not in subjects(tripped(workspace, made["network"]))


def test_capture_of_the_core_leaders(workspace):
    # Three core leaders, all government: 100% of them.
    made = build(workspace, ["A:government:core_leader", "B:government:core_leader",
                             "C:government:core_leader", "D:civil", "E:academic"])  # fmt: skip
    assert "leaders/sector/government" in subjects(tripped(workspace, made["network"]))


def test_no_capture_of_the_core_leaders_at_two_in_three(workspace):
    made = build(workspace, ["A:government:core_leader", "B:government:core_leader",
                             "C:civil:core_leader", "D:civil", "E:academic"])  # fmt: skip
    assert subjects(tripped(workspace, made["network"]), "capture") == set()


def test_capture_of_the_participants(workspace):
    # One activity 10 days ago: A–D work for O, E does not: O holds 4 of 5 participants.
    made = build(workspace, ["A:civil::O", "B:civil::O", "C:civil::O", "D:civil::O",
                             "E:academic", "F:government"],
                 activities=[(10, "ABCDE")], organisations={"O": "civil"})  # fmt: skip
    _lower_minimums(workspace)
    found = {t.subject: t.figures for t in tripped(workspace, made["network"])}
    assert (found["participants/organisation/O"]["count"],
            found["participants/organisation/O"]["total"]) == (4, 5)  # fmt: skip
    # 4 of 5 civil (E is academic) is 80%, the sector's threshold itself: not over it.
    assert "participants/sector/civil" not in found


# --- dependence on one leader --------------------------------------------------------------------

FIVE = ["A:civil", "B:civil", "C:academic", "D:government", "E:civil"]


@pytest.mark.parametrize(
    ("leaders", "subject"), [(0, "leaders/none"), (1, "leaders/few"), (2, None)]
)
def test_a_network_needs_two_core_leaders(workspace, leaders, subject):
    members = [f"{spec}:core_leader" if i < leaders else spec for i, spec in enumerate(FIVE)]
    made = build(workspace, members)
    found = subjects(tripped(workspace, made["network"]), "one-leader")
    assert found == ({subject} if subject else set())


def test_the_whole_workspace_has_no_leader_count(workspace):
    build(workspace, FIVE)
    assert not any(s.startswith("leaders/") for s in subjects(tripped(workspace, None)))


def _analysed(workspace: Any, made: dict[str, Any]) -> None:
    analysis_request(AUTHOR, workspace, network=made["network"], at=TODAY, background=False)


SEVEN = ["A:civil", "B:civil", "C:academic", "H:government", "D:civil", "E:civil", "F:academic"]


def test_a_network_that_falls_apart_without_one_broker(workspace):
    # Two triangles joined through H: without H the largest group is 3 of 7 (43% < 70%).
    # H's betweenness 9 of all 25 (36%) is not over half: no "broker" alert.
    made = build(workspace, SEVEN, ["A-B", "B-C", "C-A", "A-H", "H-D", "D-E", "E-F", "F-D"])
    _analysed(workspace, made)
    found = {t.subject: t.figures for t in tripped(workspace, made["network"])}
    assert found["fragility/H"]["share"] == pytest.approx(3 / 7, abs=1e-4)
    assert found["fragility/H"]["actor_name"] == "ภาคี H"
    assert not any(subject.startswith("broker/") for subject in found)
    assert facts_of(workspace, made["network"]).broker_share == pytest.approx(9 / 25)


def test_a_star_depends_on_its_centre(workspace):
    made = build(workspace, SEVEN, ["H-A", "H-B", "H-C", "H-D", "H-E", "H-F"])
    _analysed(workspace, made)
    found = subjects(tripped(workspace, made["network"]), "one-leader")
    assert {"fragility/H", "broker/H"} <= found


def test_a_ring_depends_on_nobody(workspace):
    # Without any one actor a ring of 7 keeps 6 (86%); each carries 1/7 of the brokerage.
    made = build(workspace, SEVEN, ["A-B", "B-C", "C-H", "H-D", "D-E", "E-F", "F-A"])
    _analysed(workspace, made)
    found = subjects(tripped(workspace, made["network"]), "one-leader")
    assert not any(s.startswith(("fragility/", "broker/")) for s in found)


# --- weak communication ------------------------------------------------------------------------


@pytest.mark.parametrize(("days", "trips"), [(None, True), (30, False), (90, False), (120, True)])
def test_no_activity_for_more_than_ninety_days(workspace, days, trips):
    made = build(workspace, FIVE, activities=[(days, "AB")] if days is not None else [])
    found = {t.subject: t.figures for t in tripped(workspace, made["network"])}
    assert ("quiet" in found) is trips
    if trips:
        assert found["quiet"]["days"] == days


def test_an_announcement_counts_as_contact(workspace, monkeypatch):
    # Issue #16 adds its announcements to CONTACT_SOURCES: one five days ago keeps it quiet.
    made = build(workspace, FIVE)
    monkeypatch.setattr(
        facts_module, "CONTACT_SOURCES", [lambda w, n, on: on - dt.timedelta(days=5)]
    )
    assert "quiet" not in subjects(tripped(workspace, made["network"]))


# --- dormancy --------------------------------------------------------------------------------


def test_most_members_dormant(workspace):
    # Only A and B took part in the last 6 months: 3 of 5 dormant (60% > 50%); C–D and D–E
    # never took part in anything together.
    made = build(workspace, FIVE, ["C-D", "D-E"], activities=[(10, "AB")])
    found = {t.subject: t.figures for t in tripped(workspace, made["network"])}
    assert (found["members"]["dormant"], found["members"]["total"]) == (3, 5)
    assert found["ties"]["dormant"] == 2


def test_few_members_dormant(workspace):
    made = build(workspace, FIVE, activities=[(10, "ABCD")])  # E alone: 20%
    assert "members" not in subjects(tripped(workspace, made["network"]), "dormancy")


# --- only one kind of member ---------------------------------------------------------------------


def test_no_academic_member(workspace):
    made = build(workspace, ["A:civil", "B:civil", "C:civil", "D:civil", "G:government"])
    found = {
        t.subject: t.figures for t in tripped(workspace, made["network"]) if t.rule == "one-kind"
    }
    assert set(found) == {"academic"}
    assert (found["academic"]["count"], found["academic"]["members"]) == (0, 5)


def test_every_sector_present(workspace):
    made = build(workspace, FIVE)
    assert subjects(tripped(workspace, made["network"]), "one-kind") == set()


def test_a_handful_of_actors_is_not_judged(workspace):
    # Four civil members, no leader, no activity: every rule would trip, none is judged.
    made = build(workspace, ["A:civil", "B:civil", "C:civil", "D:civil"])
    assert tripped(workspace, made["network"]) == []


# --- rules on facts given by hand ---------------------------------------------------------------


def _facts(**figures: Any) -> Facts:
    made = Figures(workspace=None, network=None, on=TODAY)  # type: ignore[arg-type]
    made.activity = {"members": 20, **figures.pop("activity", {})}
    made.structure = {"sectors": {"civil": 10, "academic": 5, "government": 5}}
    made.relationships = figures.pop("relationships", {})
    facts = Facts(workspace=None, network=None, on=TODAY, figures=made)  # type: ignore[arg-type]
    facts.last_contact_on = TODAY
    for name, value in figures.items():
        setattr(facts, name, value)
    return facts


@pytest.mark.parametrize(("reciprocity", "trips"), [(0.2, True), (0.3, False), (0.8, False)])
def test_low_reciprocity_in_the_latest_survey(reciprocity, trips):
    facts = _facts(
        relationships={"reciprocity": reciprocity, "survey": "r1", "survey_name": "รอบ 1"}
    )
    found = {t.subject: t.figures for t in run_rules(facts, defaults())}
    assert ("reciprocity/r1" in found) is trips
    if trips:
        assert found["reciprocity/r1"]["survey_name"] == "รอบ 1"


def test_no_survey_no_reciprocity_alert():
    assert run_rules(_facts(relationships={"reciprocity": None}), defaults()) == []


@pytest.mark.parametrize(("communities", "trips"), [(1, False), (3, True)])
def test_capture_by_a_community_needs_more_than_one(communities, trips):
    largest = {("ties", "community"): Largest("2", "2 (ภาคี A)", 70, 100)}
    facts = _facts(largest=largest, totals={"ties": 50}, communities=communities)
    assert ("ties/community/2" in subjects(run_rules(facts, defaults()))) is trips


def test_a_share_equal_to_its_threshold_does_not_trip():
    largest = {("ties", "sector"): Largest("civil", "civil", 80, 100)}
    facts = _facts(largest=largest, totals={"ties": 50}, broker=Person("H", "ภาคี H"),
                   broker_share=0.5)  # fmt: skip
    assert run_rules(facts, defaults()) == []
