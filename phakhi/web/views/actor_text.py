"""An actor's measures as the actor page shows them (names and meanings from
:mod:`phakhi.analysis.measures`)."""

from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from phakhi.analysis.measures import ACTOR_PAGE, BROKERAGE_ROLES, MEASURES
from phakhi.ties.models import Strength


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    value: str
    meaning: str


def _shown(key: str, value: Any) -> str:
    if value is None:
        return "–"
    if key == "community":  # stored from 0 (−1: no ties); people count groups from 1
        return str(value + 1) if value >= 0 else "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float):
        return number_format(value, 3)
    return str(value)


def _rows(result: Any, keys: tuple[str, ...]) -> list[Measure]:
    return [
        Measure(key, str(MEASURES[key].name), _shown(key, getattr(result, key)),
                str(MEASURES[key].meaning))
        for key in keys
    ]  # fmt: skip


def measures_of(result: Any) -> list[Measure]:
    """The page's rows for an ActorResult: name, value as shown, meaning."""
    return _rows(result, ACTOR_PAGE)


def brokerage_of(result: Any) -> list[Measure]:
    return _rows(result, BROKERAGE_ROLES)


def strength_words(strength: int) -> str:
    """ระดับ 3 · ประสานการทำงาน (level and its name on the collaboration continuum)."""
    return _("Level %(level)s · %(name)s") % {
        "level": strength,
        "name": Strength(strength).label,
    }
