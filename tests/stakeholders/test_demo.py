"""Worksheet 1's demo: two assessments of the example project, the later copied from the first
with some stakeholders moved, loaded once."""

from phakhi.core.audit import Author
from phakhi.stakeholders.demo import MOVES, load_stakeholder_analysis
from phakhi.stakeholders.models import Assessment
from phakhi.stakeholders.selectors import grid, stakeholders_of

DEMO = Author("test:demo")


def test_the_demo_has_two_assessments_with_movement(data: dict) -> None:
    later = load_stakeholder_analysis(DEMO, data["project"])
    assert later is not None and later.previous is not None
    assert load_stakeholder_analysis(DEMO, data["project"]) is None  # once
    assert Assessment.objects.filter(project=data["project"]).count() == 2
    cards = [card for view in grid(later, list(stakeholders_of(later))).quadrants
             for row in view.rows for cell in row for card in cell.cards]  # fmt: skip
    moved = {card.stakeholder.name for card in cards if card.moved and card.moved.arrow}
    assert moved == set(MOVES)
    assert [card.stakeholder.name for card in cards if card.is_new] == ["โรงพยาบาลจังหวัด"]
    mayor = later.stakeholders.get(name="นายก ทม.")
    assert mayor.contact_person == "ป้อม เลข 0879998888" and mayor.host_who == "เทศบาลเมือง"
