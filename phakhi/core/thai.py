"""Thai text: one comparable form for names, digits and vocabulary words.

Names are stored as written. For matching (search, de-duplication) they are reduced to a key:
Unicode NFC, PyThaiNLP's normalization (misordered or repeated tone marks and vowels, zero-width
characters), Thai digits to Arabic, lower case, no spaces or dots, and, for people, no title
(นาย, นางสาว, ดร., ผศ., พระครู …) in front.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

from pythainlp.util import normalize as pythainlp_normalize

T = TypeVar("T")

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")
_MARKS = re.compile(r"[\s.\-'’,()]+")

# Longest first, so that นางสาว is tried before นาง. Titles are matched after spaces are removed
# but before dots are, so that the abbreviation ศ. never eats the first letter of ศรี.
_TITLES = sorted(
    {
        # everyday
        "นาย",
        "นาง",
        "นางสาว",
        "น.ส.",
        "เด็กชาย",
        "เด็กหญิง",
        "ด.ช.",
        "ด.ญ.",
        "คุณ",
        # academic and professional
        "ดร.",
        "ศ.",
        "รศ.",
        "ผศ.",
        "นพ.",
        "พญ.",
        "ทพ.",
        "ทพญ.",
        "ภก.",
        "ภญ.",
        "อ.",
        "อาจารย์",
        "ศาสตราจารย์",
        "รองศาสตราจารย์",
        "ผู้ช่วยศาสตราจารย์",
        # clergy
        "พระครู",
        "พระมหา",
        "พระอธิการ",
        "พระปลัด",
        "พระสมุห์",
        "พระใบฎีกา",
        "สามเณร",
        # police and military ranks
        "พลตำรวจเอก",
        "พลตำรวจโท",
        "พลตำรวจตรี",
        "พันตำรวจเอก",
        "พันตำรวจโท",
        "พันตำรวจตรี",
        "ร้อยตำรวจเอก",
        "ร้อยตำรวจโท",
        "ร้อยตำรวจตรี",
        "พลเอก",
        "พลโท",
        "พลตรี",
        "พันเอก",
        "พันโท",
        "พันตรี",
        "ร้อยเอก",
        "ร้อยโท",
        "ร้อยตรี",
        "ว่าที่ร้อยตรี",
        "ว่าที่ร.ต.",
        "จ่าสิบเอก",
        "พล.ต.อ.",
        "พล.ต.ท.",
        "พล.ต.ต.",
        "พ.ต.อ.",
        "พ.ต.ท.",
        "พ.ต.ต.",
        "ร.ต.อ.",
        "ร.ต.ท.",
        "ร.ต.ต.",
        "ด.ต.",
        "จ.ส.ต.",
        "ส.ต.อ.",
        "พ.อ.",
        "พ.ท.",
        "พ.ต.",
        "ร.อ.",
        "ร.ท.",
        "ร.ต.",
        "จ.ส.อ.",
        # local leaders
        "กำนัน",
        "ผู้ใหญ่บ้าน",
        "ผญบ.",
    },
    key=len,
    reverse=True,
)
_LATIN_TITLES = re.compile(r"^(?:(?:mrs|mr|ms|miss|dr|prof|assoc|asst)(?:\.\s*|\s+))+")
_TITLE_PATTERN = re.compile("^(?:" + "|".join(map(re.escape, _TITLES)) + ")")
# A title is only a title if what follows can begin a name: Thai names never begin with a
# following vowel or a tone mark, so "คุณากร" keeps its "คุณ".
_CANNOT_START_NAME = set("ะัาำิีึืุู็่้๊๋์ํๅ")


def to_arabic_digits(text: str) -> str:
    return text.translate(_THAI_DIGITS)


def clean_text(text: str) -> str:
    """The text as a person meant it: NFC, no zero-width characters, single spaces, trimmed."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip()


# Offices whose names begin with a title's letters: "นายก ทม." is the mayor, not Mr "ก ทม.",
# and นายอำเภอ the district chief. (A name such as นายกมล — Mr Kamon — still loses its title.)
TITLED_OFFICES = (
    "นายกเทศมนตรี",
    "นายกทม",
    "นายกทต",
    "นายกทน",
    "นายกอบต",
    "นายกอบจ",
    "นายกองค์การ",
    "นายกสมาคม",
    "นายกรัฐมนตรี",
    "นายกเมือง",
    "นายกฯ",
    "นายอำเภอ",
)


def _strip_titles(compact: str) -> str:
    while True:
        if compact.startswith(TITLED_OFFICES):
            return compact
        match = _TITLE_PATTERN.match(compact)
        if not match:
            return compact
        rest = compact[match.end() :]
        if not rest or rest[0] in _CANNOT_START_NAME or rest[0] in ".-":
            return compact
        compact = rest


@lru_cache(maxsize=65536)
def _thai_word(word: str) -> str:
    return pythainlp_normalize(word)


@lru_cache(maxsize=65536)
def _normalized(text: str, strip_titles: bool) -> str:
    text = clean_text(text)
    if not text.isascii():
        # Word by word: marks never reorder across a space, and words repeat far more than names.
        text = " ".join(_thai_word(word) for word in text.split(" "))
    text = to_arabic_digits(text).casefold()
    if strip_titles:
        text = _LATIN_TITLES.sub("", text)
    compact = _SPACES.sub("", text)
    if strip_titles:
        compact = _strip_titles(compact)
    return _MARKS.sub("", compact)


def name_key(name: str, *, person: bool = True) -> str:
    """The form two names are compared in. ``person`` also removes titles in front.

    >>> name_key("นาย สมชาย  ใจดี") == name_key("สมชาย ใจดี") == "สมชายใจดี"
    True
    >>> name_key("ผศ.ดร. สมศรี มีสุข")
    'สมศรีมีสุข'
    """
    return _normalized(name, person)


def word_key(word: str) -> str:
    """The form a vocabulary word (a sector, a kind, a strength) is compared in."""
    return _normalized(word, False)


# Thai dictionary order, as PyThaiNLP's ``collate`` sorts (ICU's Thai rules do the same): tone
# marks only break ties, and a leading vowel (เ แ โ ใ ไ) is read after the consonant it is
# written before. PyThaiNLP sorts lists only; the directory needs the key itself, stored, so that
# the database sorts 600,000 names by an index (a test checks that both orders agree).
_TONE_MARKS = re.compile("[\u0e47-\u0e4c]")
_LEADING_VOWEL = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")


def sort_key(text: str) -> str:
    """A key that sorts, by code point, in Thai dictionary order.

    >>> sorted(["แพร่", "เลย", "เชียงใหม่", "กระบี่"], key=sort_key)
    ['กระบี่', 'เชียงใหม่', 'แพร่', 'เลย']
    """
    without_tones = _LEADING_VOWEL.sub(r"\2\1", _TONE_MARKS.sub("", text))
    first_tone = _TONE_MARKS.search(text)
    return without_tones + (first_tone.group() if first_tone else "")


def thai_sorted(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    """``items`` sorted by the text ``key`` gives, in Thai dictionary order (then Latin
    letters ignoring case)."""
    return sorted(items, key=lambda item: sort_key(key(item).casefold()))
