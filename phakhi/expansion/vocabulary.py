"""The words of worksheet 4 (ใบงาน Network 4, W 574–614): its columns, the relationship values
the room writes ("หลวม", "หลวม ผ่านชาคริต", "มีส่วนร่วม"), the statuses of a row and the
methods the source gives as examples. Shared by the services, the pages and the worksheet
import, so a value is understood the same way everywhere."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from phakhi.core.thai import clean_text, to_arabic_digits, word_key
from phakhi.core.vocabulary import Vocabulary, VocabularyError
from phakhi.expansion.models import Status
from phakhi.ties.models import Strength
from phakhi.ties.vocabulary import STRENGTH_WORDS

NO_TIE = 0  # the level of "no relationship yet" (a current relationship, never a target)

# The worksheet's own words, as the source writes them (W 603), then the English ones.
TITLE_TH = "แผนการขยายเครือข่ายข้ามประเด็น จังหวัดเดียวกัน"
COLUMNS_TH = (
    "กลุ่ม",
    "ความสัมพันธ์เดิม (ได้มาจากวิเคราะห์ โดยใช้ผังเครือข่าย)",
    "ความสัมพันธ์ใหม่",
    "ประโยชน์เรา/ แลกเปลี่ยน",
    "ประโยชน์เพื่อน",
    "วิธีการ",
)
COLUMNS_EN = (
    "Group",
    "Current relationship (read from the network map)",
    "New relationship",
    "Our benefit / exchange",
    "Their benefit",
    "Methods",
)

# What a user reads on the page, translated (Thai from the worksheet above).
COLUMN_TITLES = (
    pgettext_lazy("expansion plan column", "Group"),
    gettext_lazy("Current relationship (read from the network map)"),
    gettext_lazy("New relationship"),
    gettext_lazy("Our benefit / exchange"),
    gettext_lazy("Their benefit"),
    gettext_lazy("Methods"),
)

# The source's example methods (W 606–614), offered when a row's methods are written.
METHOD_EXAMPLES = (
    "เชิญเป็นวิทยากร",
    "เขียนโครงการขอทุน",
    "แลกเปลี่ยนความรู้",
    "ประชาสัมพันธ์ผลงาน",
    "สื่อสารสาธารณะ",
    "พบปะแลกเปลี่ยนความร่วมมือ",
    "ทำกิจกรรมร่วมทุกสัปดาห์",
    "จัดระบบส่งผลผลิต",
)

# The tie levels' words, with the workshop's English glosses ("loose", "tight").
LEVEL_WORDS = Vocabulary(
    gettext_lazy("relationship"),
    {
        value: (*words, *{"2": ("loose",), "4": ("tight", "close")}.get(value, ()))
        for value, words in STRENGTH_WORDS.words.items()
    },
)

NONE_WORDS = ("none", "no tie", "ไม่มี", "ไม่รู้จัก", "ยังไม่รู้จัก", "ไม่มีความสัมพันธ์", "-", "0")

STATUS_WORDS = Vocabulary(
    gettext_lazy("plan row status"),
    {
        Status.PLANNED: ("planned", "วางแผน", "ตามแผน", "ยังไม่เริ่ม"),
        Status.IN_PROGRESS: ("in progress", "กำลังดำเนินการ", "ดำเนินการ", "doing"),
        Status.ACHIEVED: ("achieved", "สำเร็จ", "บรรลุ", "done"),
        Status.DROPPED: ("dropped", "ยกเลิก", "ไม่ทำต่อ", "cancelled"),
    },
)

# "หลวม ผ่านชาคริต", "loose through Chakrit", "หลวม via ชาคริต"
_THROUGH = re.compile(r"^(?P<level>.*?)\s*(?:ผ่าน|\bvia\b|\bthrough\b)\s*(?P<name>.*)$", re.I)
# Items of a methods cell: ";" or a line each, or the source's "-" bullets.
_METHOD_SPLIT = re.compile(r"[;\n•]|(?:^|\s)-+\s*")


def level_name(level: int | None) -> str:
    """The words of a relationship level: 0 no tie yet, 1–4 the tie levels."""
    if level is None:
        return ""
    if level == NO_TIE:
        return _("no tie yet")
    return str(Strength(level).label)


def relationship_words(level: int | None, via_name: str = "") -> str:
    """A relationship as the plan shows it: "coordinate through Chakrit" (ประสานความร่วมมือ
    ผ่าน ชาคริต), "cooperate", "no tie yet"."""
    if via_name:
        return _("%(level)s through %(name)s") % {"level": level_name(level), "name": via_name}
    return level_name(level)


def parse_level(text: object, *, allow_none: bool = False) -> int:
    """A level 1–4 as a number or a word of the continuum (หลวม is 2, แน่นแฟ้น 4); with
    ``allow_none``, 0 for "no tie yet" (ไม่มี)."""
    value = to_arabic_digits(clean_text(str(text)))
    if allow_none and word_key(value) in {word_key(w) for w in NONE_WORDS}:
        return NO_TIE
    try:
        number = float(value)
    except ValueError:
        return int(LEVEL_WORDS.parse(value))
    if number != int(number) or not 1 <= number <= 4:
        low = 0 if allow_none else 1
        raise VocabularyError(
            _(
                "Relationship %(value)s is outside %(low)d–4 (1 networking, 2 coordinate "
                "(หลวม), 3 cooperate, 4 collaborate (แน่นแฟ้น))."
            )
            % {"value": value, "low": low}
        )
    return int(number)


def parse_relationship(text: object) -> tuple[int | None, str]:
    """A relationship as written in the worksheet: its level (0–4; None when the cell is
    blank) and the name of the person it is held through ("" when direct).

    >>> parse_relationship("หลวม ผ่านชาคริต")
    (2, 'ชาคริต')
    >>> parse_relationship("ประสานการทำงาน"), parse_relationship("หลวม ๆ"), parse_relationship("")
    ((3, ''), (2, ''), (None, ''))

    A word outside the vocabulary raises ``VocabularyError`` naming the accepted words."""
    value = clean_text("" if text is None else str(text))
    if not value:
        return None, ""
    through = _THROUGH.match(value)
    if through and through.group("name").strip():
        name = through.group("name").strip()
        level_text = through.group("level").strip()
        # "ผ่านชาคริต" alone: held through someone, loose as the source writes it.
        level = parse_level(level_text) if level_text else int(Strength.COORDINATE)
        return level, name
    return parse_level(value, allow_none=True), ""


def parse_methods(value: object) -> list[str]:
    """The methods of a row, from a list or a cell: ``;``-separated, one a line, or the
    source's ``-`` bullets; blanks and repeats dropped, order kept.

    >>> parse_methods("-เชิญเป็นวิทยากร; แลกเปลี่ยนความรู้ -สื่อสารสาธารณะ")
    ['เชิญเป็นวิทยากร', 'แลกเปลี่ยนความรู้', 'สื่อสารสาธารณะ']
    """
    items = value if isinstance(value, list | tuple) else _METHOD_SPLIT.split(str(value or ""))
    methods: list[str] = []
    for item in items:
        text = clean_text(str(item))
        if text and text not in methods:
            methods.append(text)
    return methods


def parse_status(text: object) -> str:
    return STATUS_WORDS.parse(clean_text(str(text)))
