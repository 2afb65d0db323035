"""The comparison with the previous assessment: the latest final one of the same network and
list before this one; each item's change, the items that fell, the lists' averages, history."""

import datetime as dt

from phakhi.assessments.opdc_lists import C7, C8, C9
from phakhi.assessments.selectors import answer_for_item, comparison, history
from phakhi.assessments.services import answer_set, assessment_finalise


def _score(author, assessment, template, scores):
    for item, score in scores.items():
        answer_set(author, answer_for_item(assessment, template.code, item), score=score)


def test_items_compare_with_the_previous_final_assessment(make, author, data):
    first = make(held_on=dt.date(2024, 6, 1))
    _score(author, first, C7, {"1": 3, "2": 4, "3": 2})
    _score(author, first, C8, {"1": 2})
    assessment_finalise(author, first)
    draft_between = make(held_on=dt.date(2025, 1, 1))
    _score(author, draft_between, C7, {"1": 1})  # a draft is never the previous one
    now = make(held_on=dt.date(2025, 6, 1))
    _score(author, now, C7, {"1": 4, "2": 3, "3": 2, "4": 5})

    found = comparison(now)
    c7, c8 = found.lists
    assert c7.previous == first and c8.previous == first
    rows = {row.item.code: row for row in c7.rows}
    assert (rows["1"].previous, rows["1"].score, rows["1"].change) == (3, 4, 1)
    assert rows["2"].change == -1 and rows["2"].fell
    assert rows["3"].change == 0 and not rows["3"].fell
    assert rows["4"].previous is None and rows["4"].change is None  # not assessed before
    assert [row.item.code for row in c7.fallen] == ["2"]
    assert c7.average == round((4 + 3 + 2 + 5) / 4, 2)
    assert c7.previous_average == 3.0
    assert c7.change == round(c7.average - 3.0, 2)
    assert c7.scored == 4
    assert c8.average is None and c8.previous_average == 2.0 and c8.change is None
    assert [(t.code, r.item.code) for t, r in found.fallen] == [(C7.code, "2")]


def test_another_network_or_the_agency_is_not_the_previous_one(make, author, data):
    agency = make(held_on=dt.date(2024, 1, 1))
    _score(author, agency, C7, {"1": 5})
    assessment_finalise(author, agency)
    network = make(held_on=dt.date(2025, 1, 1), network=data["network"])
    assert not comparison(network).has_previous
    assert comparison(make(held_on=dt.date(2025, 2, 1))).lists[0].previous == agency


def test_an_assessment_of_other_lists_is_not_compared(make, author):
    forum = make(templates=[C9.code], held_on=dt.date(2024, 1, 1))
    _score(author, forum, C9, {"1": 3})
    assessment_finalise(author, forum)
    later = make(held_on=dt.date(2025, 1, 1))
    assert [found.previous for found in comparison(later).lists] == [None, None]
    assert comparison(make(templates=[C9.code], held_on=dt.date(2025, 1, 2))).has_previous


def test_history_lists_final_assessments_oldest_first(make, author):
    for year, score in ((2023, 2), (2024, 3), (2025, 4)):
        found = make(held_on=dt.date(year, 6, 1))
        _score(author, found, C7, {"1": score, "2": score + 1})
        assessment_finalise(author, found)
    make(held_on=dt.date(2026, 6, 1))  # a draft: not in the history
    points = history(found.workspace, C7.code)
    assert [p.held_on.year for p in points] == [2023, 2024, 2025]
    assert [p.average for p in points] == [2.5, 3.5, 4.5]
    assert points[-1].scores["1"] == 4 and points[-1].scores["5"] is None
