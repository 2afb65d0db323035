"""The workshop source's own examples for worksheet 1 (W 122–158), for the demo and the tests:
the filled card of นายก ทม. (the town mayor) and the names the slides give for each group."""

from typing import Any

# The card's eight columns, word for word from the filled example (W 155–158; the source breaks
# its cells over lines, joined here with single spaces).
EXAMPLE_CARD: dict[str, Any] = {
    "name": "นายก ทม.",
    "contact_person": "ป้อม เลข 0879998888",
    "influence_how": "กำหนดนโยบาย เกษตรอินทรีย์",
    "impact": "ใช้เรื่องเกษตร อินทรีย์เป็น ผลงาน",
    "what_matters": "ฐานเสียงปชช. ผู้รักสุขภาพ",
    "can_help": ("การนำไป กำหนดเป็น แผน สนับสนุน งบประมาณ ความร่วมมือ ของผู้ปฏิบัติ งาน ประชาชน ในพื้นที่"),
    "may_obstruct": "การขับเคลื่อน งานซ้ำ",
    "how_to_reach": (
        "นัดหมายเข้าพบ แนะนำ/ชี้ให้เห็น ความสอดคล้อง การทำงาน/ สนับสนุนนโยบาย นายก ฯ/ นำเสนอ ผลงานร่วมกับสื่อ"
    ),
}
# What the worksheet's other steps say of him: a person of the government sector who
# influences the project (step 2), placed high on both axes (step 3).
EXAMPLE_PLACEMENT: dict[str, Any] = {
    "kind": "person",
    "sector": "government",
    "influences_us": True,
    "influence": "high",
    "interest": "high",
}

# The slides' examples of each group (W 122–145), as a workshop would write them down.
GROUP_EXAMPLES: tuple[dict[str, Any], ...] = (
    {"name": "ผู้บริหาร", "kind": "person", "sector": "government", "groups": ["influences_us"],
     "influence": "high", "interest": "low"},
    {"name": "ผู้กำหนดนโยบาย", "kind": "person", "sector": "government",
     "groups": ["influences_us"], "influence": "high", "interest": "low"},
    {"name": "สปสช.", "kind": "organization", "sector": "government",
     "groups": ["influences_us", "interested_in_outcome"], "influence": "high",
     "interest": "high"},
    {"name": "กก.กองทุนตำบล", "kind": "group", "sector": "civil", "groups": ["influences_us"],
     "influence": "high", "interest": "high"},
    {"name": "ผู้บริโภค", "kind": "group", "sector": "civil", "groups": ["affected_by_us"],
     "influence": "low", "interest": "high"},
    {"name": "พนักงาน", "kind": "group", "sector": "civil", "groups": ["affected_by_us"],
     "influence": "low", "interest": "low"},
    {"name": "กลุ่มผักอินทรีย์อื่น ๆ", "kind": "group", "sector": "civil",
     "groups": ["interested_in_outcome"], "influence": "low", "interest": "high"},
)  # fmt: skip
