"""Worksheet 2's own words (ใบงาน 2: เรียนรู้ประสบการณ์ และถอดบทเรียน, the workshop source W 197–205).

The prompts a new session starts with are the source's three, in its Thai, whatever the page's
language: they are the session's data (editable per session), and the library searches them as
written. Their English is a gloss for pages, docs and the paper export."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

WORKSHEET_TITLE_THAI = "ใบงาน 2: เรียนรู้ประสบการณ์ และถอดบทเรียน"
WORKSHEET_TITLE = _("Worksheet 2: learning from experience and drawing lessons")
HEADING_THAI = "ประเด็นการถอดบทเรียน"
HEADING = _("Points for drawing lessons")
# The case the source sets its prompts against; the first prompt names it.
SOURCE_CASE = "เทศบาลเมืองยะลา"


@dataclass(frozen=True)
class DefaultPrompt:
    thai: str
    gloss: str | Promise


DEFAULT_PROMPTS: tuple[DefaultPrompt, ...] = (
    DefaultPrompt(
        "การดึงคน กลุ่มคน ภาคีเครือข่ายเข้ามาร่วมพัฒนา สร้างการเปลี่ยนแปลงให้เกิดขึ้นกับ"
        "เทศบาลเมืองยะลา จนได้รับรางวัลระดับประเทศ",
        _("How people, groups and partners were drawn in to develop and change the case"),
    ),
    DefaultPrompt(
        "บริหารยังไงให้ภาคีเครือข่ายเหล่านี้ยังคงทำงานร่วมกันอยู่",
        _("How the partners are kept working together"),
    ),
    DefaultPrompt(
        "ภาวะผู้นำอะไรบ้างที่จำเป็นต้องนำมาใช้ในการทำงานกับภาคีเครือข่ายเพื่อการพัฒนาที่ยั่งยืน",
        _("What leadership working with partners for sustainable development needs"),
    ),
)


def default_prompts(case: str = "") -> list[str]:
    """The source's three prompts, the first naming ``case`` instead of the source's own case
    when one is given."""
    texts = [prompt.thai for prompt in DEFAULT_PROMPTS]
    case = case.strip()
    if case and case != SOURCE_CASE:
        texts[0] = texts[0].replace(SOURCE_CASE, case)
    return texts
