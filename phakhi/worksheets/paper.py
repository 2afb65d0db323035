"""The paper worksheets' own words (the workshop source, W 62–614; ``sources/INVENTORY.md``
§1.1): titles, steps, instructions and minutes, as a room without devices reads them. They are
the worksheet's text, printed in Thai whatever the reader's language; the pages' own words
(page numbers, the project, dates) follow the reader's language."""

WORKSHEET_1 = "ใบงาน 1: การวิเคราะห์ภาคี ผู้มีส่วนได้ส่วนเสีย"
WORKSHEET_1_MINUTES = "30 นาที"
STEP_1 = "1. ระดมสมอง ระบุชื่อภาคี/ผู้มีส่วนได้ส่วนเสีย"
STEP_1_INSTRUCTION = (
    "ให้ระบุนามชื่อ ภาคี/ผู้มีส่วนได้ส่วนเสีย ผู้เกี่ยวข้องกับโครงการ ที่ประกอบด้วย รายชื่อคนจาก "
    "1) ภาครัฐ 2) ภาควิชาการ และ 3) ภาคประชาสังคม (ประชาชน องค์กรเอกชน)"
)
STEP_1_MINUTES = "5 นาที"
STEP_1_TABLE = "รายชื่อภาคี/ผู้มีส่วนได้เสียที่เกี่ยวข้องกับโครงการ (คน/กลุ่ม/องค์กร)"
STEP_2 = "2. จัดลำดับความสำคัญภาคี/ผู้มีส่วนได้ส่วนเสีย"
STEP_2_INSTRUCTION = "จากรายชื่อในข้อ 1 วิเคราะห์จำแนก และจัดเข้ากลุ่ม"
STEP_2_MINUTES = "7 นาที"
GROUP_COLUMN = "ลักษณะของกลุ่ม"
NAMES_COLUMN = "รายชื่อ (คน/กลุ่ม/องค์กร)"
STEP_3 = "3. ศึกษาทำความเข้าใจภาคี/ผู้มีส่วนได้เสียสำคัญ"
STEP_3_INSTRUCTION = (
    "ศึกษาพฤติกรรมของภาคี/ผู้มีส่วนได้ส่วนเสีย ว่าอยู่ในกลุ่มใด 1) อิทธิพลมาก สนใจมาก "
    "2) อิทธิพลมาก สนใจน้อย 3) อิทธิพลน้อย สนใจมาก และ 4) อิทธิพลน้อย สนใจน้อย "
    "แล้วนำรายชื่อมาใส่แต่ละช่อง"
)
STEP_3_MINUTES = "8 นาที"
INFLUENCE_AXIS = "อิทธิพล"
INTEREST_AXIS = "ความสนใจ"
UNPLACED = "ยังไม่ได้วางในตาราง"
UNGROUPED = "ยังไม่ได้จัดเข้ากลุ่ม"
CARDS = "บัตรวิเคราะห์ภาคี"
# The forum's screening of a candidate partner (F 46, 120).
SCREENING = "คัดกรองภาคี: เกณฑ์เลือกภาคี 4 ข้อ และคำถามเรื่องเจ้าภาพ"
SCREENED = "ภาคีที่คัดกรอง"

WORKSHEET_2 = "ใบงาน 2: เรียนรู้ประสบการณ์ และถอดบทเรียน"
LESSON_POINTS = "ประเด็นการถอดบทเรียน"
CASE = "กรณีศึกษา"

WORKSHEET_4 = "ใบงาน Network 4: การสร้างเครือข่ายข้ามประเด็น พื้นที่เดียวกัน (จังหวัด/ เขต)"
WORKSHEET_4_MINUTES = "80 นาที"
TASK_1 = "1. วางวิสัยทัศน์ร่วมในการทำงาน เพื่อให้ทุกกลุ่มได้ประโยชน์ร่วม"
TASK_2 = (
    "2. ออกแบบกลยุทธ์การสร้างความสัมพันธ์กับคน กลุ่มคน หน่วยงานเพื่อให้เกิดความร่วมมือในการทำงาน"
    "ภายในจังหวัดของท่าน โดยใช้ผังเครือข่าย และตารางการออกแบบ"
)
VISION = "วิสัยทัศน์ร่วม"
COMMON_BENEFIT = "ประโยชน์ร่วม"
PLAN_TABLE = "แผนการขยายเครือข่ายข้ามประเด็น จังหวัดเดียวกัน"
FROM_MAP = "จากผังเครือข่าย"

# Empty slots of a blank worksheet: nine names a sector (as the paper), rows of the tables.
SLOTS_PER_SECTOR = 9
BLANK_CARD_ROWS = 8
BLANK_PLAN_ROWS = 8
BLANK_ANSWER_LINES = 8
