"""Worksheet 1's own words (ใบงาน 1, the workshop source W 99–194; the forum's partner screening,
F 46 and 120): the three groups of step 2, the four quadrants of step 3 and what to do in each,
the analysis card's eight columns, and the words people write for a level.

English is the msgid of every label; the Thai the pages show is the worksheet's own wording, kept
in the Thai catalogue (and in ``thai`` here, for the paper and the import that need it whatever
the page's language)."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from phakhi.core.vocabulary import Vocabulary

HIGH, LOW = "high", "low"
SCORES = range(1, 6)
# A 1–5 score is a place on the grid's whole axis: 1–2 are on the น้อย side, 4–5 on the มาก
# side and 3 sits on the middle line, on whichever side the card's level says.
MIDDLE_SCORE = 3


@dataclass(frozen=True)
class Group:
    """One of step 2's three groups (ลักษณะของกลุ่ม), a Boolean field of ``Stakeholder``."""

    field: str
    label: str | Promise
    thai: str
    short: str | Promise


GROUPS: tuple[Group, ...] = (
    Group(
        "influences_us",
        _("Those who influence our project"),
        "กลุ่มที่มีอิทธิพลต่อโครงการเรา",
        _("influence us"),
    ),
    Group(
        "affected_by_us",
        _("Those our project affects"),
        "กลุ่มที่โครงการเราไปมีผลต่อเขา",
        _("affected by us"),
    ),
    Group(
        "interested_in_outcome",
        _("Those interested in the project's success or failure"),
        "กลุ่มที่สนใจความสำเร็จหรือความล้มเหลวของโครงการ",
        _("interested in the outcome"),
    ),
)
GROUP_FIELDS = tuple(group.field for group in GROUPS)


@dataclass(frozen=True)
class Quadrant:
    """One of step 3's four places on the influence × interest grid, with what to do there."""

    key: str  # "high-high", influence first
    influence: str
    interest: str
    label: str | Promise
    thai: str
    action: str | Promise
    advice: str | Promise


QUADRANTS: tuple[Quadrant, ...] = (
    Quadrant(
        "high-high",
        HIGH,
        HIGH,
        _("High influence, high interest"),
        "อิทธิพลมาก สนใจมาก",
        _("Manage closely"),
        _("Work with them as partners: involve them in decisions and meet them often."),
    ),
    Quadrant(
        "high-low",
        HIGH,
        LOW,
        _("High influence, low interest"),
        "อิทธิพลมาก สนใจน้อย",
        _("Keep satisfied"),
        _(
            "Meet what matters to them and consult them on what touches them, without "
            "overloading them."
        ),
    ),
    Quadrant(
        "low-high",
        LOW,
        HIGH,
        _("Low influence, high interest"),
        "อิทธิพลน้อย สนใจมาก",
        _("Keep informed"),
        _("Keep them up to date and listen to them: they can become allies and helpers."),
    ),
    Quadrant(
        "low-low",
        LOW,
        LOW,
        _("Low influence, low interest"),
        "อิทธิพลน้อย สนใจน้อย",
        _("Monitor"),
        _("Watch for changes in their interest or influence, with little effort."),
    ),
)
QUADRANT_BY_KEY = {quadrant.key: quadrant for quadrant in QUADRANTS}


def quadrant_of(influence: str, interest: str) -> Quadrant | None:
    """The quadrant of a card's two levels; None while it is not placed on both axes."""
    return QUADRANT_BY_KEY.get(f"{influence}-{interest}")


@dataclass(frozen=True)
class CardColumn:
    """One of the analysis card's eight columns (W 191), in the worksheet's order."""

    field: str
    label: str | Promise
    thai: str
    question: str | Promise


CARD_COLUMNS: tuple[CardColumn, ...] = (
    CardColumn("name", _("Stakeholder or partner"), "ชื่อผู้มีส่วนได้เสีย/ภาคี", ""),
    CardColumn("contact_person", _("Contact person"), "ชื่อคนที่ติดต่อได้", ""),
    CardColumn(
        "impact",
        _("Impact"),
        "ผลกระทบ",
        _("How does our project affect them?"),
    ),
    CardColumn(
        "influence_how",
        _("Influence"),
        "อิทธิพล",
        _("How do they influence our project?"),
    ),
    CardColumn("what_matters", _("What matters to them"), "อะไรสำคัญต่อภาคี", ""),
    CardColumn("can_help", _("How they can help the project"), "ภาคีช่วยอะไรโครงการได้บ้าง", ""),
    CardColumn(
        "may_obstruct",
        _("How they may obstruct the project"),
        "ภาคีเป็นอุปสรรคอย่างไรต่อโครงการ",
        "",
    ),
    CardColumn("how_to_reach", _("How to reach them"), "เข้าถึงภาคีได้อย่างไร", ""),
)
CARD_TEXT_FIELDS = tuple(column.field for column in CARD_COLUMNS if column.field != "name")


@dataclass(frozen=True)
class Criterion:
    """A question of the forum's screening of a candidate partner (F 46, 120)."""

    field: str
    label: str | Promise
    thai: str


# สคอ.'s secret of choosing partners: "เลือกทำงานกับคนที่อยู่กับปัญหา รู้และเข้าใจ แสดงออกซึ่ง
# ความต้องการ และมุ่งมั่นตั้งใจที่จะจัดการกับสิ่งนั้นอย่างเห็นได้ชัดเจน" (F 46).
SCREENING_CRITERIA: tuple[Criterion, ...] = (
    Criterion("lives_with_problem", _("Lives with the problem"), "อยู่กับปัญหา"),
    Criterion("knows_problem", _("Knows and understands it"), "รู้และเข้าใจ"),
    Criterion("voices_need", _("Expresses the need"), "แสดงออกซึ่งความต้องการ"),
    Criterion(
        "visibly_committed",
        _("Visibly committed to dealing with it"),
        "มุ่งมั่นตั้งใจที่จะจัดการกับสิ่งนั้นอย่างเห็นได้ชัดเจน",
    ),
)
# The system analysis asks "มีใครเป็นเจ้าภาพ ทำได้แค่ไหน และจะหนุนเสริมอย่างไร" (F 46).
HOST_QUESTIONS: tuple[Criterion, ...] = (
    Criterion("host_who", _("Who hosts the issue?"), "มีใครเป็นเจ้าภาพ"),
    Criterion("host_how_far", _("How far can they go?"), "ทำได้แค่ไหน"),
    Criterion("host_support", _("How will we support them?"), "จะหนุนเสริมอย่างไร"),
)
SCREENING_FIELDS = tuple(criterion.field for criterion in SCREENING_CRITERIA)
HOST_FIELDS = tuple(question.field for question in HOST_QUESTIONS)

# The worksheet's rows of step 1 (W 164–169): ประชาชน (with ประชาสังคม and เอกชน), วิชาการ, ภาครัฐ.
SECTOR_ROWS: tuple[tuple[str, str | Promise, str], ...] = (
    ("civil", _("People, civil society and private"), "ประชาชน ประชาสังคม เอกชน"),
    ("academic", _("Academic"), "วิชาการ"),
    ("government", _("Government"), "ภาครัฐ"),
)

LEVELS = Vocabulary(
    _("level"),
    {
        HIGH: ("มาก", "สูง", "ม", "h", "hi", "more"),
        LOW: ("น้อย", "ต่ำ", "น", "l", "lo", "less"),
    },
)

GROUP_WORDS = Vocabulary(
    _("group of worksheet 1"),
    {
        "influences_us": (
            "กลุ่มที่มีอิทธิพลต่อโครงการเรา",
            "มีอิทธิพลต่อโครงการเรา",
            "มีอิทธิพล",
            "อิทธิพล",
            "1",
            "influence",
            "influence us",
            "influences us",
        ),
        "affected_by_us": (
            "กลุ่มที่โครงการเราไปมีผลต่อเขา",
            "กลุ่มที่โครงการเราไปมีอิทธิพลต่อเขา",
            "โครงการเราไปมีผลต่อเขา",
            "ได้รับผล",
            "ได้รับผลกระทบ",
            "ผลกระทบ",
            "2",
            "affected",
            "affected by us",
        ),
        "interested_in_outcome": (
            "กลุ่มที่สนใจความสำเร็จหรือความล้มเหลวของโครงการ",
            "สนใจความสำเร็จหรือความล้มเหลวของโครงการ",
            "สนใจความสำเร็จ ความล้มเหลวของโครงการเรา",
            "สนใจ",
            "3",
            "interested",
            "interested in the outcome",
        ),
    },
)
