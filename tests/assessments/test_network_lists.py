"""The network-strength lists (C1–C5, C14) are the sources' own: their counts, their numbers in
the source's order, problems scored as problems, the signs' preconditions not scored, and the
pages' groups. (test_templates.py finds every item's words on the lines it cites.)"""

import re
from pathlib import Path

import pytest

from phakhi.assessments.network_lists import C1, C2, C3, C4, C5, C14, NETWORK_LISTS
from phakhi.assessments.opdc_lists import C7, C8, C9
from phakhi.assessments.templates import TEMPLATES, template_groups

SOURCES = Path("/work/shared/sources")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _lines(name: str) -> list[str]:
    return (SOURCES / name).read_text(encoding="utf-8").splitlines()


def _plain(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("•", "")).strip()


def test_the_lists_have_the_sources_counts_and_places():
    assert [len(t.items) for t in NETWORK_LISTS] == [12, 6, 6, 6, 5, 4]
    assert [t.inventory for t in NETWORK_LISTS] == ["C1", "C2", "C3", "C4", "C5", "C14"]
    assert [(t.document, t.lines) for t in NETWORK_LISTS] == [
        ("P", (3, 27)), ("P", (33, 47)), ("P", (51, 65)), ("P", (70, 84)), ("P", (113, 121)),
        ("W", (512, 572)),
    ]  # fmt: skip
    assert [len(pillar.children) for pillar in C14.items] == [4, 4, 4, 4]
    assert len(list(C14.scored_items())) == 16
    assert all(t.code in TEMPLATES for t in NETWORK_LISTS)


def test_the_principles_and_problems_carry_the_sources_numbers():
    lines = _lines(C1.file_name)
    for item in C1.items:
        number = item.code.translate(THAI_DIGITS)
        assert _plain(lines[item.lines[0] - 1]).startswith(f"{number}. "), item.code
    for item in C4.items:
        assert _plain(lines[item.lines[0] - 1]).startswith(f"{item.code}. "), item.code


@pytest.mark.parametrize("template", NETWORK_LISTS, ids=lambda t: t.inventory)
def test_items_follow_the_sources_order(template):
    starts = [item.lines[0] for item in template.scored_items()]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_the_four_pillars_are_the_slides_four_headings_in_order():
    lines = _lines(C14.file_name)
    # W 514–517 lists the pillars; each then heads its own slide.
    for number, pillar in enumerate(C14.items, start=1):
        assert lines[513 + number - 1].strip() == f"{number}. {pillar.thai}"
        assert [child.code for child in pillar.children] == [
            f"{number}.{letter}" for letter in "abcd"
        ]


def test_problems_are_scored_as_problems():
    assert C4.kind == "problem"
    assert all(C4.kind_of(item) == "problem" for item in C4.scored_items())
    risks = C14.items[3]
    kinds = [C14.kind_of(child) for child in risks.children]
    # The three risks of W 569–571 are problems; the rule of good governance (W 572) is not.
    assert kinds == ["problem", "problem", "problem", "factor"]
    assert all(C14.kind_of(item) == "factor" for item in C14.items[0].children)


def test_the_signs_preconditions_are_shown_not_scored():
    assert [p.code for p in C5.preconditions] == ["a", "b"]
    assert "ชุมชนเป็นเจ้าของ" in C5.preconditions[0].thai
    assert "วัฒนธรรมเครือข่าย" in C5.preconditions[1].thai
    assert [item.code for item in C5.scored_items()] == ["1", "2", "3", "4", "5"]


def test_every_item_has_an_english_gloss_and_a_short_name():
    for template in NETWORK_LISTS:
        assert str(template.english) and str(template.short) and str(template.description)
        for item in template.scored_items():
            assert str(item.english).strip(), (template.code, item.code)
            assert str(item.short).strip(), (template.code, item.code)


def test_the_pages_offer_network_strength_and_the_award_apart():
    groups = {code: [t.code for t in found] for code, _title, found in template_groups()}
    assert groups["network-strength"] == [t.code for t in (C1, C2, C3, C4, C5, C14, C9)]
    assert groups["opdc"] == [C7.code, C8.code]
    assert set(groups) == {"network-strength", "opdc"}


def test_the_api_gives_the_pillars_sub_items_kinds_and_the_signs_preconditions(data):
    from tests.api_support import API, role_client

    client = role_client(data["workspace"], "viewer")
    response = client.get(f"{API}/workspaces/{data['workspace'].slug}/assessment-templates")
    assert response.status_code == 200
    lists = {t["code"]: t for t in response.json()}
    pillars = lists[C14.code]
    assert len(pillars["items"]) == 16 and pillars["groups"] == ["network-strength"]
    risk = next(i for i in pillars["items"] if i["code"] == "4.a")
    assert risk["heading"] == "4" and risk["kind"] == "problem" and risk["lines"] == [569]
    assert {i["kind"] for i in lists[C4.code]["items"]} == {"problem"}
    assert [p["code"] for p in lists[C5.code]["preconditions"]] == ["a", "b"]
    assert lists[C7.code]["groups"] == ["opdc"] and lists[C7.code]["items"][0]["heading"] is None
