"""The words of public participation: the IAP2 levels as OPDC names them (S 22–27), the stages of
participatory governance and the eight forms of participation (S 21–22), the kinds of activity
and the roles people take in one — with the Thai and English words an import or a form may use.

Shared by the services, the pages, the API and the imports, so that a value is understood the
same way everywhere. The IAP2 levels (ระดับการมีส่วนร่วมของประชาชน) measure how far the public
takes part in an agency's work; they are not the tie level มีส่วนร่วม (collaborate) of the map.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phakhi.core.thai import clean_text, to_arabic_digits, word_key
from phakhi.core.vocabulary import Vocabulary, VocabularyError
from phakhi.participation.models import Form, Kind, Level, Role, Stage


@dataclass(frozen=True)
class LevelInfo:
    """One level of the IAP2 spectrum: its number, OPDC's Thai name (S 22–27), the English
    name, what it means (our words, from the source) and the source's example methods."""

    number: int
    code: str  # inform, consult, involve, collaborate, empower
    thai: str  # OPDC's name, the same in every language of the page
    english: str
    meaning: Promise
    methods: tuple[Promise, ...]

    @property
    def label(self) -> str:
        """The name in the reader's language (ปรึกษาหารือ / consult)."""
        return str(Level(self.number).label)

    @property
    def numbered(self) -> str:
        """“2 · ปรึกษาหารือ” — the number and the name, as lists and tables show a level."""
        return f"{self.number} · {self.label}"


LEVELS: tuple[LevelInfo, ...] = (
    LevelInfo(
        1,
        "inform",
        "ให้ข้อมูลข่าวสาร",
        "inform",
        gettext_lazy(
            "The agency tells the public about its work: information that is true, accurate, "
            "up to date and easy to reach. It flows one way, from the agency to the people. "
            "The public takes the smallest part here, yet this level is the foundation of all "
            "the others and a basic right of every citizen."
        ),
        (gettext_lazy("one-way information from the agency to the public"),),
    ),
    LevelInfo(
        2,
        "consult",
        "ปรึกษาหารือ",
        "consult",
        gettext_lazy(
            "The public gives facts, views and suggestions on the agency's work, freely and "
            "systematically. The agency listens through formal and informal hearings and uses "
            "what it hears, and the concerns people raise, to improve its policies and ways of "
            "working and to inform its decisions."
        ),
        (
            gettext_lazy("opinion survey"),
            gettext_lazy("public forum"),
            gettext_lazy("group discussion"),
        ),
    ),
    LevelInfo(
        3,
        "involve",
        "ให้เข้ามามีบทบาท",
        "involve",
        gettext_lazy(
            "The public takes part in planning and deciding: in setting policy, planning "
            "projects and choosing ways of working, through a real exchange of views and "
            "information with a clear purpose. The agency makes this easy, accepts the "
            "suggestions and decides together with the public."
        ),
        (gettext_lazy("a committee with citizen representatives"),),
    ),
    LevelInfo(
        4,
        "collaborate",
        "สร้างความร่วมมือ",
        "collaborate",
        gettext_lazy(
            "The public is the agency's partner at every step of a decision — naming the "
            "problem, developing the options and the solution — and in carrying out the work. "
            "The agency commits to working together and builds the public's ideas into its "
            "decisions as far as it can, so the decisions clearly reflect them."
        ),
        (
            gettext_lazy("a joint public-private committee"),
            gettext_lazy("a citizen advisory board"),
        ),
    ),
    LevelInfo(
        5,
        "empower",
        "เสริมอำนาจประชาชน",
        "empower",
        gettext_lazy(
            "The public decides, and the decision binds the agency to carry it out. Citizens "
            "run the work themselves and the agency only supports them. The highest level: it "
            "builds learning, understanding and a shared sense of ownership."
        ),
        (
            gettext_lazy(
                "a referendum (for example on whether a factory may be built in the community)"
            ),
        ),
    ),
)
LEVEL_BY_NUMBER = {level.number: level for level in LEVELS}

# Said wherever an IAP2 level is chosen or shown beside the map's words.
NOT_THE_TIE_LEVEL = gettext_lazy(
    "IAP2 levels say how far the public takes part in an activity (OPDC's spectrum of public "
    "participation). They are not the tie level มีส่วนร่วม (collaborate) between two actors on "
    "the map."
)

LEVEL_WORDS = Vocabulary(
    gettext_lazy("IAP2 level"),
    {
        "1": ("inform", "ให้ข้อมูลข่าวสาร", "ให้ข้อมูล", "information", "informing"),
        "2": ("consult", "ปรึกษาหารือ", "ปรึกษา", "consultation", "consulting"),
        "3": ("involve", "ให้เข้ามามีบทบาท", "เข้ามามีบทบาท", "เข้ามาเกี่ยวข้อง", "involvement"),
        "4": ("collaborate", "สร้างความร่วมมือ", "ความร่วมมือ", "collaboration"),
        "5": ("empower", "เสริมอำนาจประชาชน", "เสริมอำนาจ", "empowerment"),
    },
)

# What people write before a level's name or number: "การมีส่วนร่วมในระดับการปรึกษาหารือ",
# "ระดับที่ 2", "level 2", "to consult" (compared on word keys, spaces already gone).
_LEVEL_PREFIXES = tuple(
    word_key(prefix)
    for prefix in ("การมีส่วนร่วมในระดับ", "ระดับที่", "ระดับ", "level", "iap2", "to", "การ")
)
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_NUMBER_FIRST = re.compile(r"^(\d+)(\D.*)?$")
_BRACKETED = re.compile(r"^(.+?)\s*\((.+)\)$")


def _strip_level_prefixes(key: str) -> str:
    changed = True
    while changed:
        changed = False
        for prefix in _LEVEL_PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix):
                key, changed = key[len(prefix) :], True
    return key


def _level_error(value: object) -> VocabularyError:
    accepted = "; ".join(f"{level.number} {level.english} ({level.thai})" for level in LEVELS)
    return VocabularyError(
        _("“%(value)s” is not an IAP2 level; use 1–5 or a level's name: %(accepted)s.")
        % {"value": value, "accepted": accepted}
    )


def parse_level(value: object) -> int:
    """An IAP2 level 1–5 from its number (also ๒, 2.0 from a spreadsheet, “ระดับที่ 2”), its
    English name or OPDC's Thai name, with or without the source's prefixes.

    >>> parse_level("๒"), parse_level("ระดับที่ 3"), parse_level("การปรึกษาหารือ")
    (2, 3, 2)
    >>> parse_level("To Collaborate"), parse_level("5 เสริมอำนาจประชาชน"), parse_level(1.0)
    (4, 5, 1)
    """
    if isinstance(value, bool):
        raise _level_error(value)
    if isinstance(value, int | float):
        if value != int(value) or not 1 <= value <= 5:
            raise _level_error(value)
        return int(value)
    text = to_arabic_digits(clean_text(str(value)))
    if not text:
        raise VocabularyError(_("The IAP2 level is missing (1–5)."))
    if _NUMBER.match(text):
        return parse_level(float(text))
    if bracketed := _BRACKETED.match(text):
        # The source's own heading: "ระดับที่ 2 การมีส่วนร่วมในระดับการปรึกษาหารือ (To Consult)"
        try:
            outer, inner = (parse_level(part) for part in bracketed.groups())
        except VocabularyError:
            raise _level_error(value) from None
        if outer != inner:
            raise _level_error(value)
        return outer
    key = _strip_level_prefixes(word_key(text))
    match = _NUMBER_FIRST.match(key)
    if match:
        number = float(match.group(1))
        if number != int(number) or not 1 <= number <= 5:
            raise _level_error(value)
        rest = match.group(2) or ""
        if rest:
            try:
                named = int(LEVEL_WORDS.parse(_strip_level_prefixes(rest)))
            except VocabularyError:
                raise _level_error(value) from None
            if named != int(number):
                raise _level_error(value)
        return int(number)
    try:
        return int(LEVEL_WORDS.parse(key))
    except VocabularyError:
        raise _level_error(value) from None


def parse_optional_level(value: object) -> int | None:
    """``parse_level``, with an empty cell (or None) meaning no level recorded."""
    if value is None or (isinstance(value, str) and not clean_text(value)):
        return None
    return parse_level(value)


def level_info(number: int | None) -> LevelInfo | None:
    return None if number is None else LEVEL_BY_NUMBER.get(int(number))


def level_name(number: int | None) -> str:
    """The level's name in the reader's language, or "" for none."""
    info = level_info(number)
    return info.label if info else ""


# The stages of participatory governance (S 21).
STAGE_THAI = {
    Stage.PLANNING: "วางแผน",
    Stage.DECIDING: "ตัดสินใจ",
    Stage.IMPLEMENTING: "ดำเนินงาน",
    Stage.EVALUATING: "ประเมินผล",
}
STAGES = Vocabulary(
    gettext_lazy("stage of participation"),
    {
        Stage.PLANNING: ("วางแผน", "การวางแผน", "planning", "plan"),
        Stage.DECIDING: ("ตัดสินใจ", "การตัดสินใจ", "deciding", "decision", "decide"),
        Stage.IMPLEMENTING: (
            "ดำเนินงาน",
            "การดำเนินงาน",
            "implementing",
            "implementation",
            "implement",
        ),
        Stage.EVALUATING: ("ประเมินผล", "การประเมินผล", "evaluating", "evaluation", "evaluate"),
    },
)

# The eight forms of public participation (S 21–22), in the source's order.
FORM_THAI = {
    Form.INFORMED: "การรับรู้ข้อมูล",
    Form.VIEWS: "การร่วมแสดงทัศนะ",
    Form.NEEDS: "การร่วมเสนอปัญหาและความต้องการ",
    Form.SOLUTIONS: "การร่วมคิดแนวทางแก้ไข",
    Form.DECIDING: "การร่วมตัดสินใจ",
    Form.IMPLEMENTING: "การร่วมดำเนินการ",
    Form.MONITORING: "การร่วมติดตามประเมินผล",
    Form.BENEFITS: "การร่วมรับผลประโยชน์",
}
FORMS = Vocabulary(
    gettext_lazy("form of participation"),
    {
        Form.INFORMED: ("การรับรู้ข้อมูล", "รับรู้ข้อมูล", "receiving information", "informed"),
        Form.VIEWS: ("การร่วมแสดงทัศนะ", "ร่วมแสดงทัศนะ", "แสดงทัศนะ", "แสดงความคิดเห็น",
                     "giving views", "views"),
        Form.NEEDS: ("การร่วมเสนอปัญหาและความต้องการ", "ร่วมเสนอปัญหาและความต้องการ",
                     "เสนอปัญหา", "raising problems and needs", "needs"),
        Form.SOLUTIONS: ("การร่วมคิดแนวทางแก้ไข", "ร่วมคิดแนวทางแก้ไข", "คิดแนวทางแก้ไข",
                         "designing solutions", "solutions"),
        Form.DECIDING: ("การร่วมตัดสินใจ", "ร่วมตัดสินใจ", "deciding", "decision"),
        Form.IMPLEMENTING: ("การร่วมดำเนินการ", "ร่วมดำเนินการ", "implementing"),
        Form.MONITORING: ("การร่วมติดตามประเมินผล", "ร่วมติดตามประเมินผล", "ติดตามประเมินผล",
                          "monitoring and evaluating", "monitoring"),
        Form.BENEFITS: ("การร่วมรับผลประโยชน์", "ร่วมรับผลประโยชน์", "รับผลประโยชน์",
                        "sharing the benefits", "benefits"),
    },
)  # fmt: skip
FORM_ORDER = tuple(Form.values)
_FORM_SPLIT = re.compile(r"[;,\n|]")

# The kinds of activity, with the words a sheet may use (L 22, S 24, F 21, W 479).
KIND_THAI = {
    Kind.MEETING: "ประชุม",
    Kind.FORUM: "เวทีประชาคม",
    Kind.TRAINING: "อบรม",
    Kind.VISIT: "ลงพื้นที่/เยี่ยม",
    Kind.CAMPAIGN: "รณรงค์",
    Kind.HEARING: "รับฟังความคิดเห็น",
    Kind.SEMINAR: "สัมมนา",
    Kind.LESSONS: "ถอดบทเรียน",
    Kind.OTHER: "อื่น ๆ",
}
KINDS = Vocabulary(
    gettext_lazy("kind of activity"),
    {
        Kind.MEETING: ("ประชุม", "การประชุม", "meeting", "พบปะ"),
        Kind.FORUM: ("เวทีประชาคม", "ประชาคม", "เวทีสาธารณะ", "community forum", "public forum",
                     "forum"),
        Kind.TRAINING: ("อบรม", "ฝึกอบรม", "การอบรม", "การฝึกอบรม", "training"),
        Kind.VISIT: ("ลงพื้นที่/เยี่ยม", "ลงพื้นที่", "ลงเยี่ยม", "เยี่ยม", "เยี่ยมเยียน",
                     "ติดตามเยี่ยม", "field visit", "site visit", "visit"),
        Kind.CAMPAIGN: ("รณรงค์", "การรณรงค์", "campaign"),
        Kind.HEARING: ("รับฟังความคิดเห็น", "การรับฟังความคิดเห็น", "ประชาพิจารณ์",
                       "public hearing", "hearing"),
        Kind.SEMINAR: ("สัมมนา", "การสัมมนา", "เสวนา", "seminar"),
        Kind.LESSONS: ("ถอดบทเรียน", "การถอดบทเรียน", "lessons learned", "lessons",
                       "after-action review"),
        Kind.OTHER: ("อื่น ๆ", "อื่น", "other", "others"),
    },
)  # fmt: skip

# The roles of a person in an activity; วิทยากร is the source's resource person (W 606).
ROLE_THAI = {Role.ORGANIZER: "ผู้จัด", Role.SPEAKER: "วิทยากร", Role.PARTICIPANT: "ผู้เข้าร่วม"}
ROLES = Vocabulary(
    gettext_lazy("role in an activity"),
    {
        Role.ORGANIZER: ("ผู้จัด", "ผู้จัดงาน", "เจ้าภาพ", "ผู้ประสานงาน", "organizer",
                         "organiser", "host"),
        Role.SPEAKER: ("วิทยากร", "ผู้บรรยาย", "speaker", "resource person", "facilitator"),
        Role.PARTICIPANT: ("ผู้เข้าร่วม", "ผู้เข้าร่วมกิจกรรม", "ผู้ร่วมกิจกรรม", "participant",
                           "attendee"),
    },
)  # fmt: skip


def parse_kind(value: object) -> str:
    """A kind of activity from its code, Thai or English word; an empty cell is a meeting
    (the model's default).

    >>> parse_kind("ลงพื้นที่"), parse_kind("เวทีประชาคม"), parse_kind("อื่นๆ")
    ('visit', 'forum', 'other')
    """
    text = clean_text(str(value or ""))
    return str(KINDS.parse(text)) if text else str(Kind.MEETING)


def parse_role(value: object) -> str:
    """A role from its code, Thai or English word; an empty cell is a participant.

    >>> parse_role("วิทยากร"), parse_role(""), parse_role("Organiser")
    ('speaker', 'participant', 'organizer')
    """
    text = clean_text(str(value or ""))
    return str(ROLES.parse(text)) if text else str(Role.PARTICIPANT)


def parse_stage(value: object) -> str:
    """A stage from its code or word; an empty cell is no stage ("")."""
    text = clean_text(str(value or ""))
    return str(STAGES.parse(text)) if text else ""


def parse_forms(value: object) -> list[str]:
    """The forms of participation as codes in the source's order, without repeats, from a list
    or a cell separated by ``;`` ``,`` or lines.

    >>> parse_forms("ร่วมตัดสินใจ; การรับรู้ข้อมูล, views")
    ['informed', 'views', 'deciding']
    """
    if value is None:
        return []
    parts: Iterable[Any] = (
        _FORM_SPLIT.split(value) if isinstance(value, str) else value  # type: ignore[assignment]
    )
    codes = {str(FORMS.parse(text)) for part in parts if (text := clean_text(str(part or "")))}
    return [code for code in FORM_ORDER if code in codes]


# ITA indicator o25: what an agency publishes of each consultation or higher.
O25_FIELDS = ("o25_issue", "o25_participants", "o25_results", "o25_results_used")
O25_FROM_LEVEL = Level.CONSULT


def _highest_level(activity: Any) -> int:
    return max(
        int(getattr(activity, "iap2_planned", None) or 0),
        int(getattr(activity, "iap2_achieved", None) or 0),
    )


def needs_o25(activity: Any) -> bool:
    """Whether ITA's o25 applies: the activity planned or achieved a consultation or higher."""
    return _highest_level(activity) >= O25_FROM_LEVEL


def _held(activity: Any, today: dt.date | None) -> bool:
    starts_on = getattr(activity, "starts_on", None)
    return starts_on is None or starts_on <= (today or timezone.localdate())


def o25_missing(activity: Any, today: dt.date | None = None) -> list[str]:
    """The o25 fields still empty of an activity that needs them and has taken place (its
    results can only be published afterwards), in ``O25_FIELDS`` order; [] otherwise."""
    if not needs_o25(activity) or not _held(activity, today):
        return []
    return [name for name in O25_FIELDS if not str(getattr(activity, name, "") or "").strip()]


def o25_needed_q(today: dt.date | None = None) -> Q:
    """The activities o25 applies to — consultations or higher that have taken place by
    ``today`` — as a query condition."""
    levels = Q(iap2_planned__gte=O25_FROM_LEVEL) | Q(iap2_achieved__gte=O25_FROM_LEVEL)
    return levels & Q(starts_on__lte=today or timezone.localdate())


def o25_missing_q(today: dt.date | None = None) -> Q:
    """The activities that need o25 and lack at least one of its items (empty text; a value of
    only spaces is never stored: the services trim)."""
    empty = Q()
    for name in O25_FIELDS:
        empty |= Q(**{name: ""})
    return o25_needed_q(today) & empty
