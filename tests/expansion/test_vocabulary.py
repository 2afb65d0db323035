import pytest

from phakhi.core.vocabulary import VocabularyError
from phakhi.expansion.vocabulary import (
    parse_level,
    parse_methods,
    parse_relationship,
    parse_status,
    relationship_words,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("หลวม", (2, "")),
        ("หลวม ๆ", (2, "")),
        ("หลวมๆ", (2, "")),
        ("แน่นแฟ้น", (4, "")),
        ("ประสานการทำงาน", (3, "")),
        ("ประสานความร่วมมือ", (2, "")),
        ("มีส่วนร่วม", (4, "")),
        ("รู้จัก", (1, "")),
        ("3", (3, "")),
        ("๔", (4, "")),
        (4, (4, "")),
        ("ไม่มี", (0, "")),
        ("", (None, "")),
        (None, (None, "")),
        ("หลวม ผ่านชาคริต", (2, "ชาคริต")),
        ("หลวม ผ่าน ชาคริต ใจดี", (2, "ชาคริต ใจดี")),
        ("ผ่านชาคริต", (2, "ชาคริต")),
        ("รู้จัก ผ่าน สมศรี", (1, "สมศรี")),
        ("loose via Chakrit", (2, "Chakrit")),
        ("coordinate through Somsri", (2, "Somsri")),
    ],
)
def test_parse_relationship_reads_the_worksheets_words(text: object, expected: tuple) -> None:
    assert parse_relationship(text) == expected


@pytest.mark.parametrize("text", ["ดีมาก", "5", "2.5", "หลวมมาก ผ่าน ชาคริต"])
def test_parse_relationship_refuses_other_words_naming_the_accepted_ones(text: str) -> None:
    with pytest.raises(VocabularyError) as error:
        parse_relationship(text)
    assert text.split(" ")[0] in str(error.value)


def test_a_new_relationship_is_one_to_four_never_none() -> None:
    assert parse_level("แน่นแฟ้น") == 4
    with pytest.raises(VocabularyError):
        parse_level("0")
    with pytest.raises(VocabularyError):
        parse_level("ไม่มี")


def test_methods_split_on_semicolons_lines_and_the_sources_bullets() -> None:
    assert parse_methods("-พบปะแลกเปลี่ยนความร่วมมือ -ทำกิจกรรมร่วมทุกสัปดาห์ -สื่อสารสาธารณะ") == [
        "พบปะแลกเปลี่ยนความร่วมมือ",
        "ทำกิจกรรมร่วมทุกสัปดาห์",
        "สื่อสารสาธารณะ",
    ]
    assert parse_methods("เชิญเป็นวิทยากร;\nแลกเปลี่ยนความรู้; เชิญเป็นวิทยากร ; ") == [
        "เชิญเป็นวิทยากร",
        "แลกเปลี่ยนความรู้",
    ]
    assert parse_methods(["  a ", "", "b"]) == ["a", "b"]
    assert parse_methods("") == []


def test_status_words_in_thai_and_english() -> None:
    assert parse_status("สำเร็จ") == "achieved"
    assert parse_status("in progress") == "in_progress"
    with pytest.raises(VocabularyError):
        parse_status("maybe")


def test_relationship_words() -> None:
    assert relationship_words(2, "ชาคริต") == "coordinate through ชาคริต"
    assert relationship_words(0) == "no tie yet"
    assert relationship_words(None) == ""
