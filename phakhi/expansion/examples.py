"""The source's own example plan (W 603–614): the organic-farming group's six rows, as the
worksheet writes them — the words of the relationship columns, the benefits and the methods
(its "-" bullets split; words the PDF's line breaks cut apart joined again). Tests use it as
their fixture and the workshop demo loads it."""

from typing import Any

US = "กลุ่มเกษตรอินทรีย์"

ORGANIC_FARMING_ROWS: tuple[dict[str, Any], ...] = (
    {
        "target_name": "กรรมการกองทุนตำบล",
        "current_override": "หลวม",
        "new_level": "ประสานการทำงาน",
        "our_benefit": "ได้รับการสนับสนุนงบประมาณ",
        "their_benefit": "ใช้เงินกองทุนตามเป้า ประชาชนในพื้นที่มีสุขภาวะ",
        "methods": [
            "เชิญเป็นวิทยากร",
            "เขียนโครงการขอทุน",
            "แลกเปลี่ยนความรู้",
            "ประชาสัมพันธ์ผลงานให้เป็นที่รู้จัก",
        ],
    },
    {
        "target_name": "กลุ่มนักวิชาการ.อ.",
        "current_override": "หลวม",
        "new_level": "ประสานการทำงาน",
        "our_benefit": "แลกเปลี่ยนการใช้จุลินทรีย์ทำปุ๋ยลดต้นทุนการผลิต",
        "their_benefit": "ผลงานตามภารกิจอาจารย์ บริการวิชาการแก่ชุมชน",
        "methods": ["เชิญเป็นวิทยากร", "แลกเปลี่ยนความรู้", "สื่อสารสาธารณะ"],
    },
    {
        "target_name": "กลุ่มเกษตรกรรมยั่งยืน",
        "current_override": "หลวม",
        "new_level": "มีส่วนร่วม",
        "our_benefit": "แลกเปลี่ยนวิธีการปลูก การตลาด",
        "their_benefit": "พลังจากเครือข่าย",
        "methods": ["พบปะแลกเปลี่ยนความร่วมมือ", "ทำกิจกรรมร่วมทุกสัปดาห์", "สื่อสารสาธารณะ"],
    },
    {
        "target_name": "กลุ่มพืชร่วมยางโดนงาช้าง",
        "current_override": "หลวม",
        "new_level": "มีส่วนร่วม",
        "our_benefit": "ร่วมส่งผลผลิตเข้า รพ.",
        "their_benefit": "ร่วมส่งผลผลิตเข้า รพ.",
        "methods": ["พบปะแลกเปลี่ยนความร่วมมือ", "จัดระบบส่งผลผลิต", "ทำกิจกรรมร่วมทุกสัปดาห์"],
    },
    {
        "target_name": "กลุ่มอาหารสมุนไพร",
        "current_override": "หลวม",
        "new_level": "มีส่วนร่วม",
        "our_benefit": "ร่วมส่งผลผลิตเข้า รพ. แลกเปลี่ยนวิธีการปลูก การตลาด",
        "their_benefit": "ร่วมส่งผลผลิตเข้า รพ.",
        "methods": ["พบปะแลกเปลี่ยนความร่วมมือ", "จัดระบบ", "ทำกิจกรรมร่วมทุกสัปดาห์"],
    },
    {
        "target_name": "สวนผักคนเมือง",
        "current_override": "หลวม ผ่านชาคริต",
        "new_level": "มีส่วนร่วม",
        "our_benefit": "แลกเปลี่ยนวิธีการปลูก การตลาด",
        "their_benefit": "แลกเปลี่ยนวิธีการปลูก การตลาด",
        "methods": ["พบปะแลกเปลี่ยนความร่วมมือ", "ทำกิจกรรมร่วมทุกสัปดาห์"],
    },
)
