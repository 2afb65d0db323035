"""Checking the fields of an activity, the same way for a form, the API and an import.

Values may come typed (a date, a Network) or as a sheet's text (15/03/2567, ๙.๓๐ น.,
ปรึกษาหารือ, a province's name); every problem is named by its field. ``clean_activity_values``
reads nothing from the database, so an import can check many rows and resolve the networks,
projects and keys of all of them at once; ``clean_activity`` adds those look-ups for one
activity (the services)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from phakhi.core import areas
from phakhi.core.dates import parse_date
from phakhi.core.models import Workspace
from phakhi.core.thai import clean_text, to_arabic_digits, word_key
from phakhi.core.vocabulary import VocabularyError
from phakhi.networks.models import Network
from phakhi.participation.models import Activity
from phakhi.participation.vocabulary import (
    parse_forms,
    parse_kind,
    parse_optional_level,
    parse_stage,
)
from phakhi.projects.models import Project

# Text fields and their longest length (None: a TextField, no limit).
TEXT_FIELDS: dict[str, int | None] = {
    "key": 100,
    "title": 300,
    "place": 300,
    "description": None,
    "decisions": None,
    "outcomes": None,
    "o25_issue": None,
    "o25_participants": None,
    "o25_results": None,
    "o25_results_used": None,
}
# One-line texts (spaces made single); the others keep their lines.
LINE_FIELDS = frozenset({"key", "title", "place"})
COUNT_FIELDS = ("public_civil", "public_academic", "public_government", "public_unknown")
MAX_COUNT = 10_000_000
ACTIVITY_FIELDS = frozenset(
    {
        *TEXT_FIELDS,
        *COUNT_FIELDS,
        "kind",
        "starts_on",
        "start_time",
        "ends_on",
        "end_time",
        "province_code",
        "district_code",
        "networks",
        "project",
        "iap2_planned",
        "iap2_achieved",
        "stage",
        "forms",
        "satisfaction",
    }
)
REQUIRED = ("key", "title", "starts_on")
_TIME = re.compile(r"^(\d{1,2})\s*[:.]\s*(\d{2})(?:\s*[:.]\s*(\d{2}))?\s*(?:น\.?|นาฬิกา)?$")
_HOUR_ONLY = re.compile(r"^(\d{1,2})\s*(?:น\.?|นาฬิกา)$")


def parse_time(value: object) -> dt.time | None:
    """A time of day: a time, 09:30, 9.30, ๙.๓๐ น., 13 น., or a spreadsheet's fraction of a
    day (0.375); empty is none.

    >>> parse_time("๙.๓๐ น."), parse_time(0.5)
    (datetime.time(9, 30), datetime.time(12, 0))
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(microsecond=0)
    if isinstance(value, float | int) and not isinstance(value, bool):
        if not 0 <= value < 1:
            raise ValueError(_("“%(value)s” is not a time of day.") % {"value": value})
        seconds = round(value * 24 * 3600)
        return dt.time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    text = to_arabic_digits(clean_text(str(value)))
    if not text:
        return None
    match = _TIME.match(text) or _HOUR_ONLY.match(text)
    if match:
        hour, minute, second = (int(group or 0) for group in [*match.groups(), 0, 0][:3])
        if hour <= 23 and minute <= 59 and second <= 59:
            return dt.time(hour, minute, second)
    raise ValueError(
        _("“%(value)s” is not a time (expected 09:30, 9.30 น. or 13:00).") % {"value": value}
    )


def _date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value)


def _count(value: object) -> int:
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, float):
        if value != int(value):
            raise ValueError
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        text = to_arabic_digits(clean_text(str(value))).replace(",", "").replace(" ", "")
        number = int(float(text)) if re.fullmatch(r"\d+(?:\.0+)?", text) else int(text)
    if number < 0 or number > MAX_COUNT:
        raise ValueError
    return number


def _satisfaction(value: object) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError
    text = to_arabic_digits(clean_text(str(value)))
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError from None
    if not number.is_finite() or not 1 <= number <= 5:
        raise ValueError
    return number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _area(fields: Mapping[str, Any], cleaned: dict[str, Any], errors: dict[str, str]) -> None:
    """A province and district given as DOPA codes or as names."""
    if "province_code" not in fields and "district_code" not in fields:
        return
    province = clean_text(str(fields.get("province_code") or ""))
    district = clean_text(str(fields.get("district_code") or ""))
    try:
        code = areas.province_code_or_name(province) if province else ""
    except areas.AreaError as error:
        errors["province_code"] = str(error)
        return
    if "province_code" in fields:
        cleaned["province_code"] = code
    if not district:
        if "district_code" in fields or "province_code" in fields:
            cleaned["district_code"] = ""
        return
    if district.isdigit() and areas.district_name(district):
        if code and district[:2] != code:
            errors["district_code"] = _("“%(name)s” is not a district of %(province)s.") % {
                "name": areas.district_name(district),
                "province": areas.province_name(code),
            }
            return
        found = district
    else:
        try:
            found = areas.district_code(district, code)
        except areas.AreaError as error:
            errors["district_code"] = str(error)
            return
    cleaned["district_code"] = found
    if not code:
        cleaned["province_code"] = found[:2]


def clean_activity_values(
    workspace_id: int,
    fields: Mapping[str, Any],
    *,
    current: Activity | None = None,
    creating: bool = False,
) -> dict[str, Any]:
    """The given fields checked and converted, without reading the database: ``networks`` must
    be Network rows and ``project`` a Project row (or None). With ``current`` (an update) the
    dates and times are checked in order against its stored values. A ValidationError names
    every bad field."""
    unknown = sorted(set(fields) - ACTIVITY_FIELDS)
    if unknown:
        raise ValidationError(
            {name: _("An activity has no field “%(name)s”.") % {"name": name} for name in unknown}
        )
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    for name, limit in TEXT_FIELDS.items():
        if name not in fields:
            continue
        raw = "" if fields[name] is None else str(fields[name])
        text = clean_text(raw) if name in LINE_FIELDS else raw.replace("\r\n", "\n").strip()
        if limit is not None and len(text) > limit:
            errors[name] = _("Longer than %(limit)d characters.") % {"limit": limit}
        cleaned[name] = text
    if creating:
        for name in REQUIRED:
            if name not in fields:
                errors.setdefault(name, _("This field is required."))
    if "key" in cleaned and not cleaned["key"]:
        errors["key"] = _("The activity needs a key (your own identifier, such as ACT-001).")
    if "title" in cleaned and not cleaned["title"]:
        errors["title"] = _("The activity needs a title.")

    if "kind" in fields:
        try:
            cleaned["kind"] = parse_kind(fields["kind"])
        except VocabularyError as error:
            errors["kind"] = str(error)
    for name in ("starts_on", "ends_on"):
        if name in fields:
            try:
                cleaned[name] = _date(fields[name])
            except ValueError as error:
                errors[name] = str(error)
    if "starts_on" in cleaned and cleaned["starts_on"] is None:
        errors["starts_on"] = _("Give the date the activity starts.")
    for name in ("start_time", "end_time"):
        if name in fields:
            try:
                cleaned[name] = parse_time(fields[name])
            except ValueError as error:
                errors[name] = str(error)
    _area(fields, cleaned, errors)
    for name in ("iap2_planned", "iap2_achieved"):
        if name in fields:
            try:
                cleaned[name] = parse_optional_level(fields[name])
            except VocabularyError as error:
                errors[name] = str(error)
    if "stage" in fields:
        try:
            cleaned["stage"] = parse_stage(fields["stage"])
        except VocabularyError as error:
            errors["stage"] = str(error)
    if "forms" in fields:
        try:
            cleaned["forms"] = parse_forms(fields["forms"])
        except VocabularyError as error:
            errors["forms"] = str(error)
    for name in COUNT_FIELDS:
        if name in fields:
            try:
                cleaned[name] = _count(fields[name])
            except (ValueError, TypeError):
                errors[name] = _(
                    "“%(value)s” is not a head count (a whole number from 0 to %(max)s)."
                ) % {"value": fields[name], "max": f"{MAX_COUNT:,}"}
    if "satisfaction" in fields:
        try:
            cleaned["satisfaction"] = _satisfaction(fields["satisfaction"])
        except ValueError:
            errors["satisfaction"] = _(
                "“%(value)s” is not a satisfaction score; give a number from 1 to 5 (such as 4.25)."
            ) % {"value": fields["satisfaction"]}
    if "networks" in fields:
        networks = list(fields["networks"] or [])
        if any(not isinstance(n, Network) for n in networks):
            errors["networks"] = _("Choose networks of this workspace.")
        elif any(n.workspace_id != workspace_id for n in networks):
            errors["networks"] = _("A network belongs to another workspace.")
        else:
            cleaned["networks"] = list({n.pk: n for n in networks}.values())
    if "project" in fields:
        project = fields["project"]
        if project is not None and not isinstance(project, Project):
            errors["project"] = _("Choose a project of this workspace.")
        elif project is not None and project.workspace_id != workspace_id:
            errors["project"] = _("The project belongs to another workspace.")
        else:
            cleaned["project"] = project
    _check_order(cleaned, current, errors)
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_order(cleaned: dict[str, Any], current: Activity | None, errors: dict[str, str]) -> None:
    def value(name: str) -> Any:
        if name in cleaned:
            return cleaned[name]
        return getattr(current, name) if current is not None else None

    if any(name in errors for name in ("starts_on", "ends_on", "start_time", "end_time")):
        return
    starts, ends = value("starts_on"), value("ends_on")
    if starts is not None and ends is not None and ends < starts:
        errors["ends_on"] = _("The activity ends (%(end)s) before it starts (%(start)s).") % {
            "end": ends.isoformat(),
            "start": starts.isoformat(),
        }
        return
    start_time, end_time = value("start_time"), value("end_time")
    same_day = ends is None or ends == starts
    if same_day and start_time is not None and end_time is not None and end_time < start_time:
        errors["end_time"] = _(
            "On the same day it ends (%(end)s) before it starts (%(start)s)."
        ) % {
            "end": end_time.strftime("%H:%M"),
            "start": start_time.strftime("%H:%M"),
        }


def _names(values: Iterable[Any]) -> tuple[list[Any], list[int], list[str]]:
    rows, ids, texts = [], [], []
    for value in values:
        if isinstance(value, Network | Project):
            rows.append(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            ids.append(value)
        elif isinstance(value, str) and value.strip().isdigit():
            ids.append(int(value.strip()))
        elif clean_text(str(value or "")):
            texts.append(clean_text(str(value)))
    return rows, ids, texts


def resolve_networks(workspace: Workspace, values: Iterable[Any]) -> list[Network]:
    """Networks of ``workspace`` given as rows, ids, slugs or names (one query); a
    ValidationError on ``networks`` names those not found."""
    rows, ids, texts = _names(values)
    found = list(rows)
    if ids or texts:
        networks = Network.objects.filter(workspace=workspace)
        candidates = list(networks.filter(Q(pk__in=ids) | Q(slug__in=texts) | Q(name__in=texts)))
        if texts and len(candidates) < len(ids) + len(texts):
            candidates = list(networks)  # names written another way (spaces, marks): by word key
        found += _match(candidates, ids, texts, "networks")
    return list({n.pk: n for n in found}.values())


def resolve_project(workspace: Workspace, value: Any) -> Project | None:
    """A project of ``workspace`` given as a row, an id, a slug or a name; None for empty."""
    rows, ids, texts = _names([value] if value not in (None, "") else [])
    if rows:
        return rows[0]
    if not ids and not texts:
        return None
    candidates = list(
        Project.objects.filter(workspace=workspace).filter(
            Q(pk__in=ids) | Q(slug__in=texts) | Q(name__in=texts)
        )
    )
    if not candidates and texts:
        candidates = list(Project.objects.filter(workspace=workspace))  # by word key
    return _match(candidates, ids, texts, "project")[0]


def _match(candidates: list[Any], ids: list[int], texts: list[str], field: str) -> list[Any]:
    by_id = {row.pk: row for row in candidates}
    by_word: dict[str, Any] = {}
    for row in candidates:
        by_word.setdefault(row.slug, row)
        by_word.setdefault(word_key(row.name), row)
    found, missing = [], []
    for pk in ids:
        (found.append(by_id[pk]) if pk in by_id else missing.append(str(pk)))
    for text in texts:
        row = by_word.get(text) or by_word.get(word_key(text))
        (found.append(row) if row is not None else missing.append(text))
    if missing:
        what = _("network") if field == "networks" else _("project")
        raise ValidationError(
            {
                field: _("There is no %(what)s “%(names)s” in this workspace.")
                % {"what": what, "names": "”, “".join(missing)}
            }
        )
    return found


def clean_activity(
    workspace: Workspace,
    fields: Mapping[str, Any],
    *,
    current: Activity | None = None,
    creating: bool = False,
) -> dict[str, Any]:
    """``clean_activity_values`` for one activity, with its networks and project resolved (rows,
    ids, slugs or names) and its key checked unique in the workspace."""
    given = dict(fields)
    errors: dict[str, Any] = {}
    try:
        if "networks" in given:
            given["networks"] = resolve_networks(workspace, given["networks"] or [])
    except ValidationError as error:
        errors.update(error.message_dict)
        given.pop("networks")
    try:
        if "project" in given:
            given["project"] = resolve_project(workspace, given["project"])
    except ValidationError as error:
        errors.update(error.message_dict)
        given.pop("project")
    try:
        cleaned = clean_activity_values(workspace.pk, given, current=current, creating=creating)
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
        raise ValidationError(errors) from None
    if errors:
        raise ValidationError(errors)
    key = cleaned.get("key")
    if key and (current is None or key != current.key):
        taken = Activity.objects.filter(workspace=workspace, key=key)
        if current is not None:
            taken = taken.exclude(pk=current.pk)
        if taken.exists():
            raise ValidationError(
                {"key": _("Another activity already has the key “%(key)s”.") % {"key": key}}
            )
    return cleaned
