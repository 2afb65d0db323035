"""The worksheets' column table: the issue's Thai headers in order, and every value an export
writes reads back to what was stored."""

import datetime as dt
import re
from types import SimpleNamespace

import pytest

from phakhi.worksheets.columns import EXPANSION_PLAN, STAKEHOLDER_CARDS, recognize
from phakhi.worksheets.values import ColumnError, read_level

# The issue's lists of columns (issue #13, "Paper and Excel, both ways").
CARD_HEADERS = [
    "ชื่อผู้มีส่วนได้เสีย/ภาคี", "ประเภท", "ภาคส่วน", "กลุ่ม", "ระดับอิทธิพล", "ระดับความสนใจ",
    "ชื่อคนที่ติดต่อได้", "ผลกระทบ", "อิทธิพล", "อะไรสำคัญต่อภาคี", "ภาคีช่วยอะไรโครงการได้บ้าง",
    "ภาคีเป็นอุปสรรคอย่างไรต่อโครงการ", "เข้าถึงภาคีได้อย่างไร",
]  # fmt: skip
PLAN_HEADERS = [
    "กลุ่ม", "ความสัมพันธ์เดิม", "ความสัมพันธ์ใหม่", "ประโยชน์เรา/แลกเปลี่ยน", "ประโยชน์เพื่อน",
    "วิธีการ",
]  # fmt: skip

MAYOR = SimpleNamespace(
    name="นายก ทม.", kind="person", sector="government", subsector="ท้องถิ่น",
    influences_us=True, affected_by_us=False, interested_in_outcome=True,
    influence="high", influence_score=5, interest="high", interest_score=None, priority=1,
    contact_person="ป้อม เลข 0879998888", impact="ใช้เรื่องเกษตรอินทรีย์เป็นผลงาน",
    influence_how="กำหนดนโยบายเกษตรอินทรีย์", what_matters="ฐานเสียงปชช. ผู้รักสุขภาพ",
    can_help="กำหนดเป็นแผน; สนับสนุนงบประมาณ", may_obstruct="การขับเคลื่อนงานซ้ำ",
    how_to_reach="นัดหมายเข้าพบ",
)  # fmt: skip
URBAN_GARDENS = SimpleNamespace(
    target_name="สวนผักคนเมือง", current_level=2, current_via_name="ชาคริต",
    current_override="", new_level=4, our_benefit="แลกเปลี่ยนวิธีการปลูก การตลาด",
    their_benefit="แลกเปลี่ยนวิธีการปลูก การตลาด",
    methods=["พบปะแลกเปลี่ยนความร่วมมือ", "ทำกิจกรรมร่วมทุกสัปดาห์"], owner="สมศรี",
    owner_user_id=None, due_on=dt.date(2025, 3, 31), status="in_progress",
)  # fmt: skip


def _cell_text(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _round_trip(table, row) -> dict:  # type: ignore[no-untyped-def]
    read: dict = {}
    for column in table.columns:
        read.update(column.read(_cell_text(column.write(row))))
    return read


def test_the_issues_headers_in_order() -> None:
    card = [c.thai for c in STAKEHOLDER_CARDS.columns]
    assert [h for h in card if h in CARD_HEADERS] == CARD_HEADERS
    plan = [c.thai for c in EXPANSION_PLAN.columns]
    assert [h for h in plan if h in PLAN_HEADERS] == PLAN_HEADERS


@pytest.mark.django_db
def test_a_stakeholder_reads_back_as_written() -> None:
    read = _round_trip(STAKEHOLDER_CARDS, MAYOR)
    assert read == {name: getattr(MAYOR, name) for name in read}
    assert set(read) == {f for c in STAKEHOLDER_CARDS.columns for f in c.fields}
    groups = STAKEHOLDER_CARDS.column("groups").write(MAYOR)
    assert groups == ("กลุ่มที่มีอิทธิพลต่อโครงการเรา; กลุ่มที่สนใจความสำเร็จหรือความล้มเหลวของโครงการ")
    assert STAKEHOLDER_CARDS.column("influence").write(MAYOR) == "มาก (5)"


@pytest.mark.django_db
def test_a_plan_row_reads_back_as_written() -> None:
    read = _round_trip(EXPANSION_PLAN, URBAN_GARDENS)
    # No override: the map's reading is written, and the import compares it with the map.
    assert read.pop("current_override") == "ประสานความร่วมมือ ผ่าน ชาคริต"
    assert read == {name: getattr(URBAN_GARDENS, name) for name in read}


def test_the_sources_words_are_understood() -> None:
    current = EXPANSION_PLAN.column("current").read("หลวม ผ่านชาคริต")
    assert current == {"current_override": "หลวม ผ่านชาคริต"}
    assert EXPANSION_PLAN.column("new").read("ประสานการทำงาน") == {"new_level": 3}
    assert EXPANSION_PLAN.column("new").read("แน่นแฟ้น") == {"new_level": 4}
    methods = EXPANSION_PLAN.column("methods").read("-เชิญเป็นวิทยากร เขียน -สื่อสารสาธารณะ")
    assert methods == {"methods": ["เชิญเป็นวิทยากร เขียน", "สื่อสารสาธารณะ"]}
    assert STAKEHOLDER_CARDS.column("kind").read("องค์กร") == {"kind": "organization"}
    assert STAKEHOLDER_CARDS.column("sector").read("วิชาการ") == {"sector": "academic"}
    assert STAKEHOLDER_CARDS.column("groups").read("2;3") == {
        "influences_us": False,
        "affected_by_us": True,
        "interested_in_outcome": True,
    }
    assert [read_level(t) for t in ("มาก", "น้อย", "๔", "น้อย (3)", "")] == [
        ("high", None), ("low", None), ("high", 4), ("low", 3), ("", None),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("table", "key", "text", "says"),
    [
        (STAKEHOLDER_CARDS, "influence", "3", "มาก (3)"),
        (STAKEHOLDER_CARDS, "influence", "มาก (1)", "other half"),
        (STAKEHOLDER_CARDS, "interest", "บ้าง", "มาก or น้อย"),
        (STAKEHOLDER_CARDS, "groups", "1; 7", "“7”"),
        (STAKEHOLDER_CARDS, "priority", "สูง", "priority"),
        (STAKEHOLDER_CARDS, "kind", "สัตว์", "สัตว์"),
        (EXPANSION_PLAN, "new", "หลวม ผ่านชาคริต", "ผ่าน"),
        (EXPANSION_PLAN, "new", "ไม่มี", "1–4"),
        (EXPANSION_PLAN, "current", "เพื่อนสนิท", "เพื่อนสนิท"),
        (EXPANSION_PLAN, "due_on", "31/02/2568", "31/02/2568"),
    ],
)
def test_a_wrong_value_says_what_was_expected(table, key, text, says) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ColumnError, match=re.escape(says)):
        table.column(key).read(text)


def test_a_header_row_tells_the_worksheet() -> None:
    assert recognize(CARD_HEADERS) is STAKEHOLDER_CARDS
    assert recognize(PLAN_HEADERS) is EXPANSION_PLAN
    english = [c.english for c in EXPANSION_PLAN.columns]
    assert recognize(english) is EXPANSION_PLAN
    # The header as the paper wraps it, and the source's long form.
    assert STAKEHOLDER_CARDS.column_for("ชื่อ ผู้ที่ติดต่อได้").key == "contact_person"
    long_form = "ความสัมพันธ์เดิม (ได้มาจากวิเคราะห์ โดยใช้ผังเครือข่าย)"
    assert EXPANSION_PLAN.column_for(long_form).key == "current"
    # An actor list is not a worksheet.
    assert recognize(["ชื่อ", "name", "ประเภท", "ภาคส่วน", "กลุ่ม"]) is None
