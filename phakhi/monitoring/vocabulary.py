"""The words of a network survey, in Thai and English: how often two members work together,
what flows between them, the level of the tie (the project's four levels in the workshop's
words), and the trust and value ratings 1–4 asked "in the manner of PARTNER" — the dimensions
of PARTNER CPRM's trust and value scores, with our own wording and explanations.

Parsers accept a value as stored (``monthly``), its English or Thai words and, for numbers, Thai
digits: an imported spreadsheet, a form and a page read answers through the same rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from phakhi.core.thai import to_arabic_digits
from phakhi.core.vocabulary import Vocabulary, VocabularyError
from phakhi.monitoring.models.surveys import RATINGS, Flow, Frequency
from phakhi.ties.vocabulary import WORKSHOP_LEVELS, parse_strength

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

__all__ = [
    "FLOW_WORDS", "FREQUENCY_WORDS", "LEVELS", "RATING_SCALE", "TRUST", "VALUE", "Dimension",
    "VocabularyError", "parse_flows", "parse_frequency", "parse_level", "parse_rating",
]  # fmt: skip

FREQUENCY_WORDS = Vocabulary(
    gettext_lazy("how often"),
    {
        Frequency.YEARLY: ("yearly", "annually", "once a year", "ปีละครั้ง", "ปีละ 1 ครั้ง",
                           "น้อยกว่าปีละครั้ง", "นานๆครั้ง", "นาน ๆ ครั้ง", "เป็นครั้งคราว"),
        Frequency.QUARTERLY: ("quarterly", "every three months", "3 เดือนครั้ง",
                              "สามเดือนครั้ง", "ทุก 3 เดือน", "ไตรมาสละครั้ง", "รายไตรมาส"),
        Frequency.MONTHLY: ("monthly", "once a month", "เดือนละครั้ง", "เดือนละ 1 ครั้ง",
                            "ทุกเดือน", "รายเดือน"),
        Frequency.WEEKLY: ("weekly", "every week", "สัปดาห์ละครั้ง", "ทุกสัปดาห์",
                           "รายสัปดาห์", "อาทิตย์ละครั้ง"),
        Frequency.DAILY: ("daily", "every day", "ทุกวัน", "รายวัน"),
    },
)  # fmt: skip

FLOW_WORDS = Vocabulary(
    gettext_lazy("kind of flow"),
    {
        Flow.INFORMATION: ("information", "info", "ข้อมูล", "ข้อมูลข่าวสาร", "ข่าวสาร"),
        Flow.RESOURCES: ("resources", "resource", "ทรัพยากร", "วัสดุอุปกรณ์"),
        Flow.JOINT_ACTIVITY: ("joint activity", "joint activities", "activity", "กิจกรรมร่วม",
                              "ทำกิจกรรมร่วมกัน", "กิจกรรม"),
        Flow.FUNDING: ("funding", "money", "funds", "งบประมาณ", "เงิน", "ทุน"),
        Flow.MENTORING: ("mentoring", "mentor", "coaching", "พี่เลี้ยง", "ให้คำปรึกษา",
                         "การเป็นพี่เลี้ยง"),
    },
)  # fmt: skip

# The four levels of a tie, strongest first, in the workshop's words (ใบงาน ๓).
LEVELS = WORKSHOP_LEVELS

_LIST_SEPARATORS = re.compile(r"[,;|/\n،、]+")


def parse_level(value: object) -> int:
    """A tie's level 1–4: a number (๓, 3.0) or a word of the continuum (แน่นแฟ้น → 4)."""
    return parse_strength(value)


def parse_frequency(value: object) -> str:
    """A :class:`Frequency` value from its code or its words; "" for an empty answer.

    >>> parse_frequency("เดือนละครั้ง"), parse_frequency(""), parse_frequency("Weekly")
    ('monthly', '', 'weekly')
    """
    text = str(value or "").strip()
    return "" if not text else FREQUENCY_WORDS.parse(text)


def parse_flows(value: object) -> list[str]:
    """:class:`Flow` values, in the order of ``Flow``, from a list or from text separated by
    commas, semicolons, slashes or line breaks; each word in English or Thai.

    >>> parse_flows("ข้อมูล, funding; ข้อมูล")
    ['information', 'funding']
    """
    words = (
        [str(v) for v in value]
        if isinstance(value, list | tuple | set | frozenset)
        else _LIST_SEPARATORS.split(str(value or ""))
    )
    found = {FLOW_WORDS.parse(word.strip()) for word in words if word.strip()}
    return [flow for flow in Flow.values if flow in found]


def parse_rating(value: object) -> int | None:
    """A trust or value rating 1–4 (also 2.0 from a spreadsheet or ๒); None for no answer."""
    if value is None:
        return None
    text = to_arabic_digits(str(value)).strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise VocabularyError(
            _("“%(value)s” is not a rating; give a whole number from 1 to 4.") % {"value": text}
        ) from None
    if number != int(number) or not 1 <= number <= 4:
        raise VocabularyError(
            _("Rating %(value)s is outside 1–4.") % {"value": text.removesuffix(".0")}
        )
    return int(number)


@dataclass(frozen=True)
class Dimension:
    """One of the six ratings: the PartnerReport field, a short label and what it asks."""

    field: str
    label: _StrPromise
    question: _StrPromise


TRUST = (
    Dimension(
        "trust_openness",
        pgettext_lazy("survey rating", "Openness to communication"),
        gettext_lazy(
            "How open is this partner to talking with us: do they share what they know, listen, "
            "and tell us early when plans change?"
        ),
    ),
    Dimension(
        "trust_reliability",
        pgettext_lazy("survey rating", "Reliability"),
        gettext_lazy("How far can we count on this partner to do what they said they would do?"),
    ),
    Dimension(
        "trust_mission",
        pgettext_lazy("survey rating", "Support for the shared mission"),
        gettext_lazy(
            "How committed is this partner to the network's shared goals, beyond their own "
            "interest?"
        ),
    ),
)
VALUE = (
    Dimension(
        "value_power",
        pgettext_lazy("survey rating", "Power and influence"),
        gettext_lazy(
            "How much can this partner move decisions, people or opinion in favour of the "
            "network's work?"
        ),
    ),
    Dimension(
        "value_resources",
        pgettext_lazy("survey rating", "Resources contributed"),
        gettext_lazy(
            "How much does this partner bring: money, staff, places, equipment, data, knowledge "
            "or contacts?"
        ),
    ),
    Dimension(
        "value_involvement",
        pgettext_lazy("survey rating", "Level of involvement"),
        gettext_lazy(
            "How actively does this partner take part: in meetings, in the work, in decisions?"
        ),
    ),
)
assert tuple(d.field for d in (*TRUST, *VALUE)) == RATINGS

# What each rating means, for every one of the six.
RATING_SCALE = (
    (1, pgettext_lazy("survey rating scale", "not at all")),
    (2, pgettext_lazy("survey rating scale", "a little")),
    (3, pgettext_lazy("survey rating scale", "fairly")),
    (4, pgettext_lazy("survey rating scale", "very")),
)
