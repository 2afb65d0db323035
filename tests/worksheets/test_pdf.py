"""Worksheets as PDF, read back by poppler: the Thai put in comes out letter for letter (vowels
and tone marks included), on A4 landscape pages with page numbers, the project's name and a
Buddhist-era date, in an embedded Sarabun-family font."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from phakhi.accounts.models import Role
from phakhi.accounts.permissions import Access
from phakhi.core.personal import personal_view
from phakhi.expansion.examples import ORGANIC_FARMING_ROWS
from phakhi.lessons.vocabulary import default_prompts
from phakhi.stakeholders.vocabulary import GROUPS, QUADRANTS
from phakhi.worksheets.exports import worksheet_file
from phakhi.worksheets.pdf import FontsOnly, font_faces
from tests.fixtures_stakeholders import EXAMPLE_CARD
from tests.worksheets.filled import ANSWER, COMMON_BENEFIT, VISION, Filled
from tests.worksheets.paper_support import compared, pdf_fonts, pdf_info, pdf_text

pytestmark = pytest.mark.django_db
A4_LANDSCAPE = "841.89 x 595.276 pts (A4)"


def _text(filled: Filled, worksheet: int, tmp_path: Path, **options: object) -> str:
    sheet = worksheet_file(filled.project, worksheet, "pdf", **options)  # type: ignore[arg-type]
    return pdf_text(sheet.content, tmp_path)


def test_the_mayors_card_reads_back_letter_for_letter(filled: Filled, tmp_path: Path) -> None:
    text = compared(_text(filled, 1, tmp_path))
    for field, value in EXAMPLE_CARD.items():
        assert compared(value) in text, field
    for words in [
        *(group.thai for group in GROUPS),
        *(quadrant.thai for quadrant in QUADRANTS),
        "ประชาชน ประชาสังคม เอกชน", "ผู้บริโภค", "มหาวิทยาลัยขอนแก่น",
        "ใบงาน 1: การวิเคราะห์ภาคี ผู้มีส่วนได้ส่วนเสีย", "โครงการเกษตรอินทรีย์",
        "ภาคีเป็นอุปสรรคอย่างไรต่อโครงการ", "เข้าถึงภาคีได้อย่างไร",
    ]:  # fmt: skip
        assert compared(words) in text, words


def test_sara_am_and_tone_marks_survive(filled: Filled, tmp_path: Path) -> None:
    # ำ after a tone mark (น้ำ, ค่ำ), ำ alone (กำหนด), stacked marks (ปุ๋ย, ผู้): the words the
    # layout draws differently from how they are typed.
    filled.mayor.impact = "น้ำ ค่ำ กำหนด ปุ๋ย ผู้ใหญ่ ญี่ปุ่น ฐานเสียง"
    from phakhi.stakeholders.services import stakeholder_update

    stakeholder_update(filled_author(), filled.mayor, impact=filled.mayor.impact)
    text = compared(_text(filled, 1, tmp_path))
    assert compared("น้ำ ค่ำ กำหนด ปุ๋ย ผู้ใหญ่ ญี่ปุ่น ฐานเสียง") in text


def filled_author():  # type: ignore[no-untyped-def]
    from tests.worksheets.filled import AUTHOR

    return AUTHOR


def test_the_organic_farming_plan_reads_back(filled: Filled, tmp_path: Path) -> None:
    text = compared(_text(filled, 4, tmp_path))
    for row in ORGANIC_FARMING_ROWS:
        for value in (row["target_name"], row["our_benefit"], row["their_benefit"]):
            assert compared(value) in text
        for method in row["methods"]:
            assert compared(method) in text
    assert compared("หลวม") in text and compared("ประสานการทำงาน") in text
    assert compared("มีส่วนร่วม") in text
    assert compared(VISION) in text and compared(COMMON_BENEFIT) in text
    assert compared("แผนการขยายเครือข่ายข้ามประเด็น จังหวัดเดียวกัน") in text
    assert compared("ชาคริต") in text  # the first row's owner


def test_lessons_read_back(filled: Filled, tmp_path: Path) -> None:
    text = compared(_text(filled, 2, tmp_path))
    for prompt in default_prompts("เทศบาลเมืองยะลา"):
        assert compared(prompt) in text
    assert compared(ANSWER) in text and compared("สมศรี") in text


@pytest.mark.parametrize("worksheet", [1, 2, 4])
@pytest.mark.parametrize("blank", [False, True])
def test_a4_landscape_numbered_pages_in_an_embedded_thai_font(
    filled: Filled, tmp_path: Path, worksheet: int, blank: bool
) -> None:
    sheet = worksheet_file(filled.project, worksheet, "pdf", blank=blank)
    info = pdf_info(sheet.content, tmp_path)
    assert info["Page size"] == A4_LANDSCAPE
    pages = int(info["Pages"])
    text = pdf_text(sheet.content, tmp_path)
    assert [f"Page {n} / {pages}" in text for n in range(1, pages + 1)] == [True] * pages
    assert text.count("Project: โครงการเกษตรอินทรีย์") >= pages  # the top of every page
    fonts = pdf_fonts(sheet.content, tmp_path)
    assert fonts, "no font in the PDF"
    for name, *_rest, embedded, _subset, unicode_map, _object, _generation in fonts:
        assert re.search(r"\+(Sarabun|Laksaman)", name), name
        assert (embedded, unicode_map) == ("yes", "yes"), name


def test_thai_pages_date_in_the_buddhist_era(filled: Filled, tmp_path: Path) -> None:
    with translation.override("th"):
        text = _text(filled, 1, tmp_path)
    assert "20 พ.ย. 2569" in text  # the assessment of 2026-11-20
    assert "หน้า 1 / " in text and "โครงการ: โครงการเกษตรอินทรีย์" in text
    assert "วันที่ 20 พ.ย. 2569" in text
    english = _text(filled, 1, tmp_path)
    assert "20 Nov 2026 (B.E. 2569)" in english


def test_a_viewer_sees_the_contact_person_masked(filled: Filled, tmp_path: Path) -> None:
    viewer = personal_view(Access(None, filled.workspace, Role.VIEWER))
    text = _text(filled, 1, tmp_path, view=viewer)
    assert "0879998888" not in text and "ป้อม" not in compared(text)
    coordinator = personal_view(Access(None, filled.workspace, Role.COORDINATOR))
    assert "0879998888" in _text(filled, 1, tmp_path, view=coordinator)


def test_blank_worksheets_have_the_papers_empty_slots(filled: Filled, tmp_path: Path) -> None:
    text = _text(filled, 1, tmp_path, blank=True)
    # Nine slots a sector in step 1 (three sectors) and in step 2 (three groups × three).
    assert text.count("๙.") == 3 + 9
    assert "นายก ทม." not in text and "ผู้บริโภค" not in text
    assert "Date: ……" in text
    plan = compared(_text(filled, 4, tmp_path, blank=True))
    assert compared("ประโยชน์เพื่อน") in plan and compared("กรรมการกองทุนตำบล") not in plan
    assert compared(VISION) not in plan
    lessons = compared(_text(filled, 2, tmp_path, blank=True))
    assert all(compared(prompt) in lessons for prompt in default_prompts())
    assert compared(ANSWER) not in lessons


def test_a_worksheet_reads_no_file_and_calls_no_address(filled: Filled, tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the PDF")
    with pytest.raises(ValueError, match="not a font"):
        FontsOnly().fetch(secret.as_uri())
    with pytest.raises(ValueError, match="not a font"):
        FontsOnly().fetch("http://127.0.0.1:9/")
    for url, *_rest in font_faces():  # the font files are read (Laksaman is the system's)
        assert FontsOnly().fetch(url).status in (None, 200)
