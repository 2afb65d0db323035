"""Checking the fields of an actor, the same way for a form, an import row and the API."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from phakhi.actors.models import Actor, Kind
from phakhi.actors.vocabulary import KINDS, SECTORS
from phakhi.core import areas
from phakhi.core.cells import cell_text
from phakhi.core.contacts import ContactError, normalize_email, normalize_phone
from phakhi.core.limits import ATTRIBUTE_NAME_LENGTH, ATTRIBUTE_VALUE_LENGTH, MAX_ATTRIBUTES
from phakhi.core.thai import clean_text, name_key, word_key
from phakhi.core.vocabulary import VocabularyError

# Columns of the model filled straight from a cleaned text of the same name.
TEXT_FIELDS = ("subsector", "email", "phone", "line_id")
MAX_LENGTHS = {"key": 100, "name": 300, "subsector": 100, "line_id": 100, "email": 254}
NORMALIZED_LENGTHS = {"phone": 100}

Problem = tuple[str, str]  # (column, reason)


@dataclass(slots=True)
class ActorFields:
    """An actor's values after checking. ``present`` names the columns the input had: a column
    that is absent leaves the stored value alone, an empty cell clears it."""

    key: str
    present: frozenset[str]
    values: dict[str, object] = field(default_factory=dict)
    organization_key: str = ""
    tags: tuple[str, ...] = ()
    attributes: dict[str, str] = field(default_factory=dict)


def actor_name_key(name: str, kind: str) -> str:
    """The stored comparable name: titles are taken off people's names only."""
    return name_key(name, person=kind == Kind.PERSON)[:300]


def split_tags(text: str) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for part in text.replace(",", ";").split(";"):
        tag = clean_text(part)
        if tag:
            seen.setdefault(word_key(tag), tag[:100])
    return tuple(seen.values())


def clean_actor(
    raw: Mapping[str, object], attributes: Mapping[str, object] | None = None
) -> tuple[ActorFields | None, list[Problem]]:
    """Check one actor given as canonical column → cell value.

    Returns the cleaned fields, or ``None`` with every problem found (column, reason).
    """
    text = {name: cell_text(value) for name, value in raw.items()}
    problems: list[Problem] = []
    values: dict[str, object] = {}

    for name, limit in MAX_LENGTHS.items():
        if len(text.get(name, "")) > limit:
            problems.append((name, _("Longer than %(limit)d characters.") % {"limit": limit}))
    key = text.get("key", "")
    if not key:
        problems.append(("key", _("The key is missing.")))
    if "name" in text:
        if not text["name"]:
            problems.append(("name", _("The name is missing.")))
        values["name"] = text["name"]
    try:
        if "kind" in text:
            values["kind"] = KINDS.parse(text["kind"]) if text["kind"] else Kind.PERSON
    except VocabularyError as error:
        problems.append(("kind", str(error)))
    try:
        if "sector" in text:
            values["sector"] = SECTORS.parse(text["sector"]) if text["sector"] else ""
    except VocabularyError as error:
        problems.append(("sector", str(error)))
    _clean_area(text, values, problems)
    for name, normalize in (("email", normalize_email), ("phone", normalize_phone)):
        if text.get(name):
            try:
                text[name] = normalize(text[name])
            except ContactError as error:
                problems.append((name, str(error)))
                continue
            # Checked once normalized: "+66…" is longer than "0…", spaces and dashes go.
            stored = NORMALIZED_LENGTHS.get(name)
            if stored is not None and len(text[name]) > stored:
                problems.append((name, _("Longer than %(limit)d characters.") % {"limit": stored}))
    for name in TEXT_FIELDS:
        if name in text:
            values[name] = text[name]
    if "name" in values:
        kind = values.get("kind", Kind.PERSON)
        values["name_key"] = actor_name_key(text["name"], str(kind))
    extra = {str(k): cell_text(v) for k, v in (attributes or {}).items()}
    problems += attribute_problems(extra)
    if problems:
        return None, problems
    return (
        ActorFields(
            key=key,
            present=frozenset(text),
            values=values,
            organization_key=text.get("organization", ""),
            tags=split_tags(text.get("tags", "")),
            attributes=extra,
        ),
        [],
    )


def attribute_problems(attributes: Mapping[str, str]) -> list[Problem]:
    """The extra attributes beyond the limits the API, the forms and the importers share."""
    problems: list[Problem] = []
    if len(attributes) > MAX_ATTRIBUTES:
        problems.append(
            (
                "attributes",
                _("%(count)d extra attributes; an actor keeps at most %(limit)d.")
                % {"count": len(attributes), "limit": MAX_ATTRIBUTES},
            )
        )
    for name, value in attributes.items():
        if len(name) > ATTRIBUTE_NAME_LENGTH:
            problems.append(
                (
                    name[:ATTRIBUTE_NAME_LENGTH] + "…",
                    _("An attribute's name has at most %(limit)d characters.")
                    % {"limit": ATTRIBUTE_NAME_LENGTH},
                )
            )
        elif len(value) > ATTRIBUTE_VALUE_LENGTH:
            problems.append(
                (name, _("Longer than %(limit)d characters.") % {"limit": ATTRIBUTE_VALUE_LENGTH})
            )
    return problems


def _clean_area(text: dict[str, str], values: dict[str, object], problems: list[Problem]) -> None:
    given = [name for name in ("province", "district", "subdistrict") if name in text]
    if not given:
        return
    try:
        area = areas.resolve(
            text.get("province", ""), text.get("district", ""), text.get("subdistrict", "")
        )
    except areas.AreaError as error:
        problems.append((error.part, str(error)))
        return
    values["province_code"] = area.province_code
    values["district_code"] = area.district_code
    values["subdistrict_code"] = area.subdistrict_code


def stored_values(actor: Actor) -> dict[str, object]:
    return {name: getattr(actor, name) for name in STORED_FIELDS}


STORED_FIELDS = (
    "name",
    "name_key",
    "kind",
    "sector",
    "subsector",
    "province_code",
    "district_code",
    "subdistrict_code",
    "email",
    "phone",
    "line_id",
)
