"""The words of participation: IAP2 levels by number, Thai digits, English and OPDC's Thai names;
kinds, roles, stages and forms in the words a sheet uses; when ITA's o25 applies."""

import datetime as dt
from types import SimpleNamespace

import pytest

from phakhi.core.vocabulary import VocabularyError
from phakhi.participation.models import Form, Kind, Level, Role, Stage
from phakhi.participation.vocabulary import (
    LEVELS,
    O25_FIELDS,
    needs_o25,
    o25_missing,
    parse_forms,
    parse_kind,
    parse_level,
    parse_optional_level,
    parse_role,
    parse_stage,
)


@pytest.mark.parametrize(
    ("value", "level"),
    [
        (1, 1),
        (5, 5),
        (3.0, 3),
        ("2", 2),
        ("๒", 2),
        ("๕", 5),
        (" 4 ", 4),
        ("4.0", 4),
        ("ระดับที่ 2", 2),
        ("ระดับที่ ๓", 3),
        ("ระดับ 1", 1),
        ("Level 5", 5),
        ("inform", 1),
        ("To Consult", 2),
        ("INVOLVE", 3),
        ("collaborate", 4),
        ("Empower", 5),
        ("empowerment", 5),
        ("ให้ข้อมูลข่าวสาร", 1),
        ("ปรึกษาหารือ", 2),
        ("การปรึกษาหารือ", 2),
        ("ระดับการปรึกษาหารือ", 2),
        ("ให้เข้ามามีบทบาท", 3),
        ("ระดับการเข้ามาเกี่ยวข้อง", 3),  # S 31's short form
        ("สร้างความร่วมมือ", 4),
        ("ระดับความร่วมมือ", 4),
        ("เสริมอำนาจประชาชน", 5),
        ("การมีส่วนร่วมในระดับเสริมอำนาจประชาชน", 5),
        ("การมีส่วนร่วมในระดับให้ข้อมูลข่าวสาร (To Inform)", 1),
        ("ระดับที่ 2 การมีส่วนร่วมในระดับการปรึกษาหารือ (To Consult)", 2),
        ("2 ปรึกษาหารือ", 2),
        ("2 - consult", 2),
        ("๓. ให้เข้ามามีบทบาท", 3),
    ],
)
def test_parse_level_reads_numbers_and_names(value: object, level: int) -> None:
    assert parse_level(value) == level


@pytest.mark.parametrize(
    "value",
    [
        0,
        6,
        "6",
        "๖",
        2.5,
        "2.5",
        "มีส่วนร่วม",
        "partner",
        "2 empower",
        "ปรึกษาหารือ (To Empower)",
        True,
        "ระดับที่",
    ],
)
def test_parse_level_refuses_what_is_not_a_level(value: object) -> None:
    with pytest.raises(VocabularyError) as caught:
        parse_level(value)
    assert "IAP2 level" in str(caught.value)
    assert "2 consult (ปรึกษาหารือ)" in str(caught.value)


def test_the_tie_level_word_is_not_an_iap2_level() -> None:
    """มีส่วนร่วม is the map's level 4, not an IAP2 level: it must not be read as one."""
    with pytest.raises(VocabularyError):
        parse_level("มีส่วนร่วม")


def test_an_empty_level_is_none_only_when_optional() -> None:
    assert parse_optional_level("") is None
    assert parse_optional_level(None) is None
    assert parse_optional_level(" ") is None
    with pytest.raises(VocabularyError, match="missing"):
        parse_level("")


def test_levels_carry_opdc_names_and_the_sources_methods() -> None:
    assert [(lv.number, lv.thai, lv.english) for lv in LEVELS] == [
        (1, "ให้ข้อมูลข่าวสาร", "inform"),
        (2, "ปรึกษาหารือ", "consult"),
        (3, "ให้เข้ามามีบทบาท", "involve"),
        (4, "สร้างความร่วมมือ", "collaborate"),
        (5, "เสริมอำนาจประชาชน", "empower"),
    ]
    assert [lv.number for lv in LEVELS] == list(Level.values)
    consult = [str(m) for m in LEVELS[1].methods]
    assert consult == ["opinion survey", "public forum", "group discussion"]
    assert "referendum" in str(LEVELS[4].methods[0])
    assert all(str(lv.meaning) for lv in LEVELS)


def test_levels_read_in_thai() -> None:
    from django.utils import translation

    with translation.override("th"):
        assert LEVELS[1].label == "ปรึกษาหารือ"
        assert LEVELS[1].numbered == "2 · ปรึกษาหารือ"
        assert str(LEVELS[1].methods[0]) == "การสำรวจความคิดเห็น"
        assert str(LEVELS[2].methods[0]).startswith("กรรมการที่มีตัวแทนภาคประชาชน")


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("ประชุม", Kind.MEETING),
        ("การประชุม", Kind.MEETING),
        ("เวทีประชาคม", Kind.FORUM),
        ("อบรม", Kind.TRAINING),
        ("ฝึกอบรม", Kind.TRAINING),
        ("ลงพื้นที่/เยี่ยม", Kind.VISIT),
        ("ลงพื้นที่", Kind.VISIT),
        ("เยี่ยม", Kind.VISIT),
        ("รณรงค์", Kind.CAMPAIGN),
        ("รับฟังความคิดเห็น", Kind.HEARING),
        ("สัมมนา", Kind.SEMINAR),
        ("ถอดบทเรียน", Kind.LESSONS),
        ("อื่น ๆ", Kind.OTHER),
        ("อื่นๆ", Kind.OTHER),
        ("Field visit", Kind.VISIT),
        ("public hearing", Kind.HEARING),
        ("", Kind.MEETING),
        (None, Kind.MEETING),
    ],
)
def test_parse_kind(value: object, kind: str) -> None:
    assert parse_kind(value) == kind


def test_parse_kind_refusal_lists_the_words() -> None:
    with pytest.raises(VocabularyError, match="kind of activity") as caught:
        parse_kind("ปาร์ตี้")
    assert "ประชุม" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "role"),
    [
        ("วิทยากร", Role.SPEAKER),
        ("ผู้จัด", Role.ORGANIZER),
        ("organiser", Role.ORGANIZER),
        ("ผู้เข้าร่วม", Role.PARTICIPANT),
        ("", Role.PARTICIPANT),
        ("speaker", Role.SPEAKER),
    ],
)
def test_parse_role(value: str, role: str) -> None:
    assert parse_role(value) == role


def test_parse_stage() -> None:
    assert parse_stage("วางแผน") == Stage.PLANNING
    assert parse_stage("การประเมินผล") == Stage.EVALUATING
    assert parse_stage("implementing") == Stage.IMPLEMENTING
    assert parse_stage("") == ""
    with pytest.raises(VocabularyError):
        parse_stage("เริ่มต้น")


def test_parse_forms_in_the_sources_order_without_repeats() -> None:
    assert parse_forms("การร่วมรับผลประโยชน์; รับรู้ข้อมูล\nร่วมตัดสินใจ, deciding") == [
        Form.INFORMED,
        Form.DECIDING,
        Form.BENEFITS,
    ]
    assert parse_forms(["views", "needs"]) == [Form.VIEWS, Form.NEEDS]
    assert parse_forms("") == []
    assert parse_forms(None) == []
    with pytest.raises(VocabularyError, match="form of participation"):
        parse_forms("ร่วมร้องเพลง")


def _activity(**fields: object) -> SimpleNamespace:
    base = {"iap2_planned": None, "iap2_achieved": None, **{name: "" for name in O25_FIELDS}}
    return SimpleNamespace(**{**base, **fields})


def test_o25_applies_from_consultation_planned_or_achieved() -> None:
    assert not needs_o25(_activity())
    assert not needs_o25(_activity(iap2_planned=1, iap2_achieved=1))
    assert needs_o25(_activity(iap2_planned=2))
    assert needs_o25(_activity(iap2_planned=1, iap2_achieved=3))
    assert needs_o25(_activity(iap2_achieved=5))


def test_o25_missing_lists_the_empty_items() -> None:
    assert o25_missing(_activity(iap2_planned=1)) == []
    assert o25_missing(_activity(iap2_planned=2)) == list(O25_FIELDS)
    partial = _activity(iap2_achieved=2, o25_issue="ร่างแผนสุขภาพ", o25_results="  ")
    assert o25_missing(partial) == ["o25_participants", "o25_results", "o25_results_used"]
    complete = _activity(iap2_planned=4, **{name: "ข้อความ" for name in O25_FIELDS})
    assert o25_missing(complete) == []


def test_o25_is_due_only_once_the_activity_has_taken_place() -> None:
    today = dt.date(2026, 12, 7)
    coming = _activity(iap2_planned=3, starts_on=dt.date(2026, 12, 17))
    assert needs_o25(coming)  # the form asks for the items already
    assert o25_missing(coming, today) == []  # but nothing is missing before it happens
    assert o25_missing(coming, dt.date(2026, 12, 17)) == list(O25_FIELDS)
