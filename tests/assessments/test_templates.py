"""The checklists are the sources' own: their item counts, and every item's Thai found, word for
word (spaces aside), on the lines of the source document it cites."""

import re
from pathlib import Path

import pytest

from phakhi.assessments.checklists import SCALE, SCALE_THAI
from phakhi.assessments.opdc_lists import C7, C8, C9
from phakhi.assessments.templates import TEMPLATES

SOURCES = Path("/work/shared/sources")


def _lines(name: str) -> list[str]:
    return (SOURCES / name).read_text(encoding="utf-8").splitlines()


def _same_spaces(text: str) -> str:
    # The source files separate words with runs of spaces and no-break spaces.
    return re.sub(r"\s+", " ", text).strip()


def _words(text: str) -> str:
    # Spaces aside: a slide's text is wrapped at arbitrary places (W 544–545 breaks a word),
    # and the workshop's transcript marks bold words with ** (W 549).
    return re.sub(r"\s+", "", text).replace("**", "")


def test_the_lists_have_the_sources_counts():
    assert [len(C7.items), len(C8.items), len(C9.items)] == [12, 5, 4]
    assert [C7.inventory, C8.inventory, C9.inventory] == ["C7", "C8", "C9"]
    assert (C7.document, C7.lines) == ("S", (37, 49))
    assert (C8.document, C8.lines) == ("S", (64, 64))
    assert (C9.document, C9.lines) == ("F", (70, 147))


@pytest.mark.parametrize("template", TEMPLATES.values(), ids=lambda t: t.code)
def test_every_item_stands_in_the_source_at_its_lines(template):
    lines = _lines(template.file_name)
    first, last = template.lines
    span = _words(" ".join(lines[first - 1 : last]))
    assert _words(template.intro_thai) in span
    assert _words(template.thai) in span or template.inventory in ("C7", "C8", "C9")
    headings = [item for item in template.items if item.children]
    for item in [*template.scored_items(), *headings, *template.preconditions]:
        assert all(first <= line <= last for line in item.lines), item.code
        cited = _words(" ".join(lines[line - 1] for line in item.lines))
        assert _words(item.thai) in cited, (template.code, item.code)
        if item.detail_thai:
            assert _words(item.detail_thai) in cited, (template.code, item.code)
        for practice in item.practices:
            assert _same_spaces(practice.thai) in _same_spaces(lines[practice.line - 1])
            # The forum's table names the agency on the lines that follow the practice.
            assert practice.agency in " ".join(lines[practice.line - 1 : practice.line + 5])


def test_the_numbered_items_follow_the_sources_numbers():
    lines = _lines(C7.file_name)
    for item in C7.items:
        assert _same_spaces(lines[item.lines[0] - 1]).startswith(f"{item.code}) ")
    text = _same_spaces(_lines(C8.file_name)[63])
    numbers = [text.index(f"{item.code}) ") for item in C8.items]
    words = [text.index(_same_spaces(item.thai)) for item in C8.items]
    assert numbers == sorted(numbers)
    assert all(0 < word - number < 8 for word, number in zip(words, numbers, strict=True))


def test_the_scale_has_five_points_with_thai_words():
    assert [n for n, _word, _meaning in SCALE] == [1, 2, 3, 4, 5]
    assert SCALE_THAI[1] == "ไม่มี/น้อยมาก" and SCALE_THAI[5] == "ดีเยี่ยม"


def test_items_are_found_by_code_and_codes_are_unique():
    for template in TEMPLATES.values():
        codes = [item.code for item in template.scored_items()]
        assert len(codes) == len(set(codes))
        assert template.item(codes[-1]).code == codes[-1]
    with pytest.raises(KeyError):
        C8.item("6")


def test_a_list_with_sub_items_scores_the_sub_items(make, monkeypatch):
    """The network-strength issue's four pillars have sub-items: the model takes them now."""
    from phakhi.assessments import templates
    from phakhi.assessments.checklists import Item, Template

    pillars = Template(
        code="test-pillars", thai="เสาหลัก", english="Pillars", document="W", lines=(512, 572),
        inventory="C14", items=(
            Item("1", "จัดระบบเครือข่ายที่ดี", "Organise the network well", (512,), children=(
                Item("1.a", "การออกแบบการทำงานร่วมกัน", "Design of joint work", (513,)),
                Item("1.b", "ระบบสนับสนุน", "A support system", (514,)),
            )),
            Item("2", "บริหารแนวราบ", "Manage horizontally", (540,)),
        ),
    )  # fmt: skip
    monkeypatch.setitem(templates.TEMPLATES, pillars.code, pillars)
    assert [i.code for i in pillars.scored_items()] == ["1.a", "1.b", "2"]
    assert pillars.heading_of("1.b").code == "1" and pillars.heading_of("2") is None
    assessment = make(templates=[pillars.code])
    assert [a.item for a in assessment.answers.order_by("position")] == ["1.a", "1.b", "2"]
