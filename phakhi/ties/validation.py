"""Checking the fields of a tie, the same way for a form, an import row and the API.

The rules take actor ids (or None for an actor not found), so that the importer checks millions
of rows without loading actors; each problem is (column, reason), as in
``phakhi.actors.validation``, and the services turn them into a ``ValidationError``.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from phakhi.core.dates import show_date
from phakhi.core.thai import clean_text
from phakhi.core.vocabulary import VocabularyError
from phakhi.ties.vocabulary import parse_directed, parse_strength

Problem = tuple[str, str]  # (column, reason)
KIND_LENGTH = 100


def clean_strength(value: object, problems: list[Problem]) -> int:
    """1–4 from a number (also "3", 3.0 or ๓) or a word of the continuum; otherwise a problem
    is added and 1 returned."""
    if value.__class__ is int and 1 <= value <= 4:  # type: ignore[operator]
        return value  # type: ignore[return-value]
    try:
        return parse_strength(value)
    except VocabularyError as error:
        problems.append(("strength", str(error)))
        return 1


def clean_directed(value: object, problems: list[Problem]) -> bool:
    """True or False from a yes/no word in English or Thai; otherwise a problem (and False)."""
    try:
        return parse_directed(value)
    except VocabularyError as error:
        problems.append(("directed", str(error)))
        return False


def clean_kind(text: str, problems: list[Problem]) -> str:
    """The kind of tie as free text, cleaned (see ``check_kind``)."""
    kind = clean_text(text)
    check_kind(kind, problems)
    return kind


def check_kind(kind: str, problems: list[Problem]) -> None:
    """A cleaned kind longer than the column holds is a problem (never cut short silently)."""
    if len(kind) > KIND_LENGTH:
        problems.append(("kind", _("Longer than %(limit)d characters.") % {"limit": KIND_LENGTH}))


def tie_problems(
    source: int | None,
    target: int | None,
    via: int | None,
    since: dt.date | None,
    until: dt.date | None,
) -> list[Problem]:
    """What is wrong with a tie between ``source`` and ``target`` (actor ids) held through
    ``via``, from ``since`` to ``until``."""
    problems: list[Problem] = []
    if source is not None and source == target:
        problems.append(("target", _("A tie needs two different actors.")))
    if via is not None and via in (source, target):
        problems.append(("via", _("The broker must be a third actor, not one of the two ends.")))
    if since and until and since >= until:
        problems.append(("until", dates_reason(since, until)))
    return problems


def dates_reason(since: dt.date, until: dt.date) -> str:
    return _("The end date %(until)s is not after the start date %(since)s.") % {
        "until": show_date(until),
        "since": show_date(since),
    }


def stored_reversed(source: int, target: int, directed: bool) -> bool:
    """Whether the ends are stored the other way round: an undirected tie is stored from the
    lower actor id, so that A–B and B–A are one tie."""
    return not directed and source > target


def refuse(problems: list[Problem]) -> None:
    """Raise the problems as a ``ValidationError`` by column, if there are any."""
    if problems:
        by_column: dict[str, list[str]] = {}
        for column, reason in problems:
            by_column.setdefault(column, []).append(reason)
        raise ValidationError(by_column)  # type: ignore[arg-type]
