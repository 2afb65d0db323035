"""Checking a stakeholder's fields, the same way for a form, the API, a live workshop and an
imported worksheet: words in the worksheet's language are read (มาก/น้อย, ภาครัฐ, องค์กร, the
groups' names), and every problem names its field."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from phakhi.actors.vocabulary import KINDS, SECTORS
from phakhi.core.cells import cell_text
from phakhi.core.thai import to_arabic_digits, word_key
from phakhi.core.vocabulary import VocabularyError
from phakhi.stakeholders.vocabulary import (
    CARD_TEXT_FIELDS,
    GROUP_FIELDS,
    GROUP_WORDS,
    HIGH,
    HOST_FIELDS,
    LEVELS,
    LOW,
    MIDDLE_SCORE,
    SCREENING_FIELDS,
)

Problem = tuple[str, str]  # (field, reason)

TEXT_LENGTHS = {"name": 300, "contact_person": 300, "subsector": 100}
LONG_TEXT_LENGTH = 5000  # a card's cell: a paragraph, not a document
LONG_TEXT_FIELDS = (*[f for f in CARD_TEXT_FIELDS if f != "contact_person"], *HOST_FIELDS)
SCORE_FIELDS = {"influence": "influence_score", "interest": "interest_score"}
# Every field a stakeholder's services accept besides ``actor`` (and ``groups``, a shorthand
# for the three group fields).
FIELDS = (
    "name",
    "kind",
    "sector",
    "subsector",
    *GROUP_FIELDS,
    "influence",
    "interest",
    "influence_score",
    "interest_score",
    "priority",
    *CARD_TEXT_FIELDS,
    *SCREENING_FIELDS,
    *HOST_FIELDS,
)
_YES = {word_key(w) for w in ("true", "yes", "y", "1", "ใช่", "ใช", "มี", "✓", "x")}
_NO = {word_key(w) for w in ("false", "no", "n", "0", "ไม่ใช่", "ไม่", "ไม่มี")}


def _boolean(value: Any, *, unknown_allowed: bool) -> bool | None:
    if isinstance(value, bool):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        if unknown_allowed:
            return None
        return False
    key = word_key(str(value))
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValueError(_("“%(value)s” is not yes or no.") % {"value": value})


def _whole_number(value: Any, field: str, low: int, high: int | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(_("Expected a whole number."))
    try:
        number = int(to_arabic_digits(str(value)).strip()) if isinstance(value, str) else value
        if number != int(number):
            raise ValueError
        number = int(number)
    except (TypeError, ValueError):
        raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value}) from None
    if number < low or (high is not None and number > high):
        if high is None:
            raise ValueError(_("Expected %(low)d or more.") % {"low": low})
        raise ValueError(
            _("Expected a whole number from %(low)d to %(high)d.") % {"low": low, "high": high}
        )
    return number


def groups_from(values: Iterable[str] | str) -> dict[str, bool]:
    """The three group fields from a list of groups (field names or the worksheet's words), or
    from one text with ``;`` between them; raises ``VocabularyError`` on a word it cannot read."""
    if isinstance(values, str):
        values = values.split(";")
    chosen = {GROUP_WORDS.parse(value.strip()) for value in values if str(value).strip()}
    return {field: field in chosen for field in GROUP_FIELDS}


def clean_fields(fields: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """The given fields read into stored values, with every problem found. Fields not given
    are left out (an update keeps them)."""
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    fields = dict(fields)
    if "groups" in fields:
        try:
            values.update(groups_from(fields.pop("groups") or []))
        except VocabularyError as error:
            problems.append(("groups", str(error)))
    for name, raw in fields.items():
        if name not in FIELDS:
            problems.append((name, _("A stakeholder has no field “%(field)s”.") % {"field": name}))
            continue
        try:
            values[name] = _clean_one(name, raw)
        except (ValueError, VocabularyError) as error:
            problems.append((name, str(error)))
    return values, problems


def _clean_one(name: str, raw: Any) -> Any:
    if name in ("kind", "sector"):
        text = cell_text(raw)
        return (KINDS if name == "kind" else SECTORS).parse(text) if text else ""
    if name in SCORE_FIELDS:
        text = cell_text(raw)
        return LEVELS.parse(text) if text else ""
    if name in SCORE_FIELDS.values():
        return _whole_number(raw, name, 1, 5)
    if name == "priority":
        return _whole_number(raw, name, 1, None)
    if name in GROUP_FIELDS:
        return _boolean(raw, unknown_allowed=False)
    if name in SCREENING_FIELDS:
        return _boolean(raw, unknown_allowed=True)
    text = cell_text(raw) if name in TEXT_LENGTHS else str(raw or "").strip()
    limit = TEXT_LENGTHS.get(name, LONG_TEXT_LENGTH)
    if len(text) > limit:
        raise ValueError(_("Longer than %(limit)d characters.") % {"limit": limit})
    if name == "name" and not text:
        raise ValueError(_("The name is missing."))
    return text


def placement_problems(values: dict[str, Any]) -> list[Problem]:
    """Fill a level from its score where only the score is given, and refuse a score on the
    other side of the grid's middle line from its level (``values`` holds both, merged with
    the stored ones)."""
    problems: list[Problem] = []
    for level_field, score_field in SCORE_FIELDS.items():
        level, score = values.get(level_field, ""), values.get(score_field)
        if score is None:
            continue
        side = HIGH if score > MIDDLE_SCORE else LOW if score < MIDDLE_SCORE else ""
        if not level:
            if not side:
                problems.append(
                    (
                        level_field,
                        _("A score of 3 is on the middle line: say whether it is high or low."),
                    )
                )
            values[level_field] = side
        elif side and side != level:
            problems.append(
                (
                    score_field,
                    _("A score of %(score)d is on the %(side)s side, but the level is %(level)s.")
                    % {"score": score, "side": _(side), "level": _(level)},
                )
            )
    return problems


def refuse(problems: list[Problem]) -> None:
    if problems:
        merged: dict[str, list[str]] = {}
        for name, reason in problems:
            merged.setdefault(name, []).append(reason)
        raise ValidationError(merged)
