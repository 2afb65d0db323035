"""How the worksheets' values are written to a cell and read back (see ``columns``).

Values are written in the worksheet's own words and read in them or in English:
- kind: คน / กลุ่ม / องค์กร; sector: ประชาชน ประชาสังคม เอกชน / วิชาการ / ภาครัฐ;
- groups: one or more of the three groups, ``;``-separated (their Thai names, 1–3, short words);
- influence and interest: มาก / น้อย, or a score 1–5, or both ("มาก (4)");
- relationships: ไม่มี, รู้จัก, ประสานความร่วมมือ, ประสานการทำงาน, มีส่วนร่วม (or หลวม, แน่นแฟ้น,
  0–4), "<level> ผ่าน <name>" ("หลวม ผ่านชาคริต") for a tie held through a person;
- methods: ``;``-separated (the source's "-" bullets are read too);
- a due date: a date cell, d/m/yyyy (either era) or "15 มี.ค. 2567".
The vocabularies are worksheets 1's and 4's own (``phakhi.stakeholders.vocabulary``,
``phakhi.expansion.vocabulary``). A ``read`` function returns the model fields' values (an empty
cell: their empty value) or raises ``ColumnError`` saying what was expected.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from django.utils.translation import gettext as _

from phakhi.actors.vocabulary import KINDS, SECTORS
from phakhi.core.thai import clean_text, to_arabic_digits
from phakhi.core.vocabulary import Vocabulary, VocabularyError
from phakhi.expansion import vocabulary as plan_words
from phakhi.stakeholders import vocabulary as card_words

LIST_SEPARATOR = ";"
_SPLIT = re.compile(r"\s*[;\n]\s*")

Writer = Callable[[Any], Any]
Reader = Callable[[str], dict[str, Any]]


class ColumnError(ValueError):
    """A cell's value that is not what its column holds; the message says what was expected."""


def text_field(name: str) -> tuple[Callable[[Any], Any], Callable[[str], dict[str, Any]]]:
    return (lambda row: getattr(row, name) or ""), (lambda text: {name: clean_text(text)})


def split_list(text: str) -> list[str]:
    """A ``;``-separated list (new lines separate too); empty items go.

    >>> split_list("เชิญเป็นวิทยากร; เขียนโครงการขอทุน;;")
    ['เชิญเป็นวิทยากร', 'เขียนโครงการขอทุน']
    """
    return [item for item in (clean_text(i) for i in _SPLIT.split(text or "")) if item]


def join_list(items: Iterable[str]) -> str:
    return f"{LIST_SEPARATOR} ".join(i for i in items if i)


KIND_WORDS = {"person": "คน", "group": "กลุ่ม", "organization": "องค์กร"}
SECTOR_WORDS = {value: thai for value, _label, thai in card_words.SECTOR_ROWS}
SECTORS_READ = Vocabulary(
    SECTORS.what,
    {value: (*words, SECTOR_WORDS[value]) for value, words in SECTORS.words.items()},
)
GROUP_FIELDS = card_words.GROUP_FIELDS
__all__ = ["GROUP_FIELDS", "KINDS"]  # read by ``columns`` with the rest of this module


def choice_reader(vocabulary: Vocabulary, name: str, blank: str = "") -> Callable[[str], dict]:
    def read(text: str) -> dict[str, Any]:
        if not text.strip():
            return {name: blank}
        try:
            return {name: vocabulary.parse(text)}
        except VocabularyError as error:
            raise ColumnError(str(error)) from None

    return read


def write_groups(row: Any) -> str:
    """The stakeholder's groups of step 2, by their Thai names (W 172–174)."""
    return join_list(group.thai for group in card_words.GROUPS if getattr(row, group.field))


def read_groups(text: str) -> dict[str, Any]:
    chosen = set()
    for item in split_list(text):
        try:
            chosen.add(card_words.GROUP_WORDS.parse(item))
        except VocabularyError:
            raise ColumnError(
                _("“%(value)s” is not one of the three groups; use 1, 2 or 3, or: %(groups)s.")
                % {"value": item, "groups": join_list(g.thai for g in card_words.GROUPS)}
            ) from None
    return {group.field: group.field in chosen for group in card_words.GROUPS}


LEVEL_WORDS = {"high": "มาก", "low": "น้อย"}
_LEVEL = re.compile(r"^\s*([^\d()]*?)\s*\(?\s*(\d)?\s*\)?\s*$")
SCORE_MIDDLE = card_words.MIDDLE_SCORE


def level_text(level: str, score: int | None) -> str:
    """มาก, น้อย, "มาก (4)" with a score, or "" when the stakeholder is not placed."""
    word = LEVEL_WORDS.get(level, "")
    if score is None:
        return word
    return f"{word} ({score})" if word else str(score)


def read_level(text: str) -> tuple[str, int | None]:
    """(high|low|"", score or None) from มาก/น้อย, a score 1–5, or both ("มาก (4)", "น้อย 2").

    A score alone places the stakeholder: 4–5 high, 1–2 low. 3 is the middle of the scale, so
    it needs its word (มาก 3 or น้อย 3); a word that contradicts its score is refused."""
    source = to_arabic_digits(text or "").strip()
    if not source:
        return "", None
    match = _LEVEL.match(source)
    word = match.group(1) if match else source
    level = _level_word(word) if word else None
    score = int(match.group(2)) if match and match.group(2) else None
    if match is None or (word and level is None) or (score is not None and not 1 <= score <= 5):
        raise ColumnError(
            _("“%(value)s” is not a level; write มาก or น้อย, a score 1–5, or both: มาก (4).")
            % {"value": text}
        )
    if level is None:
        if score == SCORE_MIDDLE:
            raise ColumnError(
                _("3 is the middle of 1–5: write มาก (3) or น้อย (3) to say which half.")
            )
        level = "high" if score and score > SCORE_MIDDLE else "low"
    elif (
        score is not None and score != SCORE_MIDDLE and (score > SCORE_MIDDLE) != (level == "high")
    ):
        raise ColumnError(
            _("“%(value)s” says %(word)s but its score is in the other half of 1–5.")
            % {"value": text, "word": LEVEL_WORDS[level]}
        )
    return level, score


def _level_word(word: str) -> str | None:
    try:
        return card_words.LEVELS.parse(word)
    except VocabularyError:
        return None


def level_field(name: str) -> tuple[Callable[[Any], Any], Callable[[str], dict[str, Any]]]:
    def write(row: Any) -> str:
        return level_text(getattr(row, name), getattr(row, f"{name}_score"))

    def read(text: str) -> dict[str, Any]:
        level, score = read_level(text)
        return {name: level, f"{name}_score": score}

    return write, read


def read_priority(text: str) -> dict[str, Any]:
    value = to_arabic_digits(text or "").strip()
    if not value:
        return {"priority": None}
    if not value.isdigit() or int(value) < 1:
        raise ColumnError(_("“%(value)s” is not a priority (1, 2, 3 …).") % {"value": text})
    return {"priority": int(value)}


# Tie levels in the workshop's words (DESIGN.md §3), 0 for no tie yet; "<level> ผ่าน <name>" for
# one held through a person, as the source's "หลวม ผ่านชาคริต".
RELATIONSHIP_WORDS = {0: "ไม่มี", 1: "รู้จัก", 2: "ประสานความร่วมมือ", 3: "ประสานการทำงาน", 4: "มีส่วนร่วม"}
THROUGH = "ผ่าน"


def relationship_text(level: int | None, via_name: str = "") -> str:
    """A relationship as the worksheet writes it, or "" when it is not known.

    >>> relationship_text(3), relationship_text(2, "ชาคริต"), relationship_text(None)
    ('ประสานการทำงาน', 'ประสานความร่วมมือ ผ่าน ชาคริต', '')
    """
    if level is None:
        return ""
    word = RELATIONSHIP_WORDS.get(level, "")
    return f"{word} {THROUGH} {via_name}" if via_name else word


def read_relationship(text: str) -> tuple[int | None, str]:
    """(level or None, the broker's name as written or "")."""
    try:
        return plan_words.parse_relationship(text)
    except ValueError as error:
        raise ColumnError(str(error)) from None


def write_current(row: Any) -> str:
    return row.current_override or relationship_text(row.current_level, row.current_via_name)


def read_current(text: str) -> dict[str, Any]:
    # Checked here; kept as written. The import keeps it as an override only where it differs
    # from what the map says (an export writes the map's reading when there is no override).
    read_relationship(text)
    return {"current_override": clean_text(text)}


def read_new(text: str) -> dict[str, Any]:
    level, via = read_relationship(text)
    if level == plan_words.NO_TIE:
        raise ColumnError(_("The new relationship is a level 1–4, not “no tie”."))
    if via:
        raise ColumnError(_("The new relationship is a level, without “ผ่าน …”."))
    return {"new_level": level}


# A row's status in Thai (each one a word ``plan_words.STATUS_WORDS`` reads back).
STATUS_WORDS = {
    "planned": "วางแผน",
    "in_progress": "กำลังดำเนินการ",
    "achieved": "สำเร็จ",
    "dropped": "ยกเลิก",
}
STATUSES = plan_words.STATUS_WORDS


def read_date(text: str) -> dict[str, Any]:
    from phakhi.core.dates import DateError, parse_date

    if not text.strip():
        return {"due_on": None}
    try:
        return {"due_on": parse_date(text)}
    except DateError as error:
        raise ColumnError(str(error)) from None


def write_date(row: Any) -> dt.date | str:
    return row.due_on or ""


def write_owner(row: Any) -> str:
    if row.owner or row.owner_user_id is None:
        return row.owner
    user = row.owner_user
    return user.get_full_name() or user.get_username()


def write_kind(row: Any) -> str:
    return KIND_WORDS.get(row.kind, "")


def write_sector(row: Any) -> str:
    return SECTOR_WORDS.get(row.sector, "")


def write_priority(row: Any) -> int | str:
    return row.priority or ""


def write_from_map(row: Any) -> str:
    return relationship_text(row.current_level, row.current_via_name)


def write_new(row: Any) -> str:
    return relationship_text(row.new_level)


def write_methods(row: Any) -> str:
    return join_list(row.methods or [])


def read_methods(text: str) -> dict[str, Any]:
    """``;``-separated, one a line, or the source's "-" bullets."""
    return {"methods": plan_words.parse_methods(text)}


def write_status(row: Any) -> str:
    return STATUS_WORDS.get(row.status, "")


def read_nothing(text: str) -> dict[str, Any]:
    return {}
