"""Self-assessments over time: each list's average at each date of a final assessment of one
scope, drafts left out, two sittings of a day on one date; the pages draw it from a table (one
line a list), the workspace's page lets one choose the scope, and the new-assessment form and the
lists offer network strength and OPDC's award apart."""

import datetime as dt

import pytest
from django.urls import reverse

from phakhi.assessments.network_lists import C1, C4, C14
from phakhi.assessments.opdc_lists import C7, C8
from phakhi.assessments.selectors import answer_for_item
from phakhi.assessments.services import answer_set, assessment_finalise
from phakhi.assessments.trends import scopes_with_results, trend
from tests.accounts_support import client_for, user_with_role


def _final(make, author, scores, **fields):
    """An assessment whose items get ``scores`` ({(template, item): score}), made final."""
    made = make(**fields)
    for (template, item), score in scores.items():
        answer_set(author, answer_for_item(made, template, item), score=score)
    return assessment_finalise(author, made)


@pytest.fixture
def history_of_network(make, author, data):
    network = data["network"]
    first = _final(
        make,
        author,
        {(C1.code, "1"): 2, (C1.code, "2"): 3, (C4.code, "1"): 1},
        templates=[C1.code, C4.code],
        held_on=dt.date(2025, 1, 10),
        network=network,
    )
    second = _final(
        make,
        author,
        {(C1.code, "1"): 4, (C1.code, "2"): 4},
        templates=[C1.code],
        held_on=dt.date(2025, 7, 10),
        network=network,
    )
    same_day = _final(
        make,
        author,
        {(C14.code, "1.a"): 5},
        templates=[C14.code],
        held_on=dt.date(2025, 7, 10),
        network=network,
    )
    draft = make(templates=[C1.code], held_on=dt.date(2025, 9, 1), network=network)
    answer_set(author, answer_for_item(draft, C1.code, "1"), score=1)
    return first, second, same_day, draft  # fmt: skip


def test_each_list_has_its_average_at_each_date(history_of_network, data):
    _first, second, same_day, _draft = history_of_network
    found = trend(data["workspace"], data["network"])
    assert [t.code for t in found.lists] == [C1.code, C4.code, C14.code]  # the pages' order
    assert [p.held_on for p in found.points] == [dt.date(2025, 1, 10), dt.date(2025, 7, 10)]
    assert [found.cells(p) for p in found.points] == [[2.5, 1.0, None], [4.0, None, 5.0]]
    # Two final assessments of one day are one date on the chart; the draft is not a result.
    assert [s.assessment_id for s in found.points[1].assessments] == [second.pk, same_day.pk]
    assert found.drawable
    only = trend(data["workspace"], data["network"], codes=[C4.code])
    assert [t.code for t in only.lists] == [C4.code] and len(only.points) == 1
    assert not only.drawable
    assert trend(data["workspace"], None).points == []  # the agency has none of its own


def test_scopes_with_results_put_the_agency_first(history_of_network, make, author, data):
    assert scopes_with_results(data["workspace"]) == [(data["network"], 3)]
    _final(make, author, {(C7.code, "1"): 3}, held_on=dt.date(2025, 2, 1))
    assert scopes_with_results(data["workspace"]) == [(None, 1), (data["network"], 3)]


@pytest.fixture
def viewer(data):
    return client_for(user_with_role(data["workspace"], "viewer"))


def test_the_network_page_draws_a_line_a_list_from_its_table(
    history_of_network, viewer, data, django_assert_max_num_queries
):
    slugs = {"workspace": data["workspace"].slug, "slug": data["network"].slug}
    url = reverse("web:network-assessments", kwargs=slugs)
    with django_assert_max_num_queries(25):
        page = viewer.get(url).content.decode()
    assert 'data-chart-type="line"' in page and 'data-chart-source="assessments-over-time"' in page
    for template in (C1, C4, C14):
        assert f'data-series="{template.code}"' in page
    assert 'data-value="2.5"' in page and 'data-value=""' in page  # a gap where not assessed
    assert "phakhi/participation.js" in page


def test_the_workspace_page_charts_the_scope_chosen(history_of_network, make, author, viewer, data):
    _final(make, author, {(C7.code, "1"): 3}, held_on=dt.date(2025, 2, 1))
    url = reverse("web:assessments", kwargs={"workspace": data["workspace"].slug})
    page = viewer.get(url).content.decode()
    # By default the agency's own; one final assessment is not a line yet.
    assert 'name="scope"' in page and 'value="agency" selected' in page
    assert 'data-chart-type="line"' not in page and 'data-series="opdc-success-factors"' in page
    page = viewer.get(url, {"scope": data["network"].slug}).content.decode()
    assert f'value="{data["network"].slug}" selected' in page and 'data-chart-type="line"' in page
    assert viewer.get(url, {"scope": "no-such"}).status_code == 200  # falls back to the default


def test_the_lists_and_the_form_group_network_strength_apart_from_the_award(viewer, data):
    page = viewer.get(reverse("web:assessments", kwargs={"workspace": data["workspace"].slug}))
    text = page.content.decode()
    strength, award = text.index("Network strength"), text.index("OPDC&#x27;s award for")
    assert strength < text.index(C1.thai) < text.index(C14.thai) < award < text.index(C7.thai)
    assert C14.items[3].children[0].thai in text  # the pillars' sub-items are listed
    coordinator = client_for(user_with_role(data["workspace"], "coordinator"))
    form = coordinator.get(
        reverse("web:assessment-add", kwargs={"workspace": data["workspace"].slug})
    )
    text = form.content.decode()
    assert text.index("Network strength") < text.index(f'value="{C1.code}"')
    assert text.index("OPDC&#x27;s award for") < text.index(f'value="{C8.code}"')
    assert f'value="{C7.code}"' in text and "checked" in text.split(f'value="{C7.code}"')[1][:40]


def test_the_workspaces_list_comes_a_page_at_a_time(make, viewer, data, monkeypatch):
    from phakhi.web.views import assessments

    monkeypatch.setattr(assessments, "PAGE_SIZE", 2)
    made = [make(held_on=dt.date(2025, 1, day)) for day in (1, 2, 3)]
    url = reverse("web:assessments", kwargs={"workspace": data["workspace"].slug})
    first = viewer.get(url).content.decode()
    assert made[2].title in first and made[1].title in first and made[0].title not in first
    assert "Page 1 of 2" in first and "page=2" in first
    second = viewer.get(url, {"page": "2"}).content.decode()
    assert made[0].title in second and made[2].title not in second and "page=1" in second
    assert viewer.get(url, {"page": "x"}).status_code == 200  # the first page
