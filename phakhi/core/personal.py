"""Personal data (ข้อมูลส่วนบุคคล) and who sees it: the one place that decides what of an actor's
contact details and personal columns a user may see.

An actor's contacts are its phone, e-mail and LINE ID; an address and other personal data (ID
numbers, birth dates, more contacts) come among the extra columns an import keeps
(``Actor.attributes``). An extra column is *personal* when its name — compared without case,
spaces or punctuation, in normalized Thai — contains one of the personal words (built in, or
added by the workspace) or is one of the built-in short names (``line``, ``tel``, ``dob`` …),
unless the workspace has marked that column as not personal.

Every page, partial, map, file, API answer and history entry that shows an actor takes its
contacts and extra columns from :func:`personal_view`: real for the roles that may see contact
details, masked for the others (viewers).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from phakhi.core.contacts import mask_email, mask_phone, mask_text
from phakhi.core.thai import word_key

# An extra column whose name contains one of these words is personal. Grouped by what they
# name; a column's name is compared in the same normalized form (see ``column_key``).
PERSONAL_WORDS: dict[str, tuple[str, ...]] = {
    "address": ("ที่อยู่", "address", "addr", "บ้านเลขที่", "ภูมิลำเนา", "residence"),
    "id_number": (
        "เลขบัตร", "บัตรประชาชน", "บัตรประจำตัว", "เลขประจำตัวประชาชน", "citizen id",
        "citizen number", "national id", "id card", "id number", "identity number",
        "identification", "passport", "หนังสือเดินทาง", "ใบขับขี่", "driver license",
        "driving licence", "social security",
    ),
    "birth": ("วันเกิด", "วันเดือนปีเกิด", "ปีเกิด", "birth"),
    "contact": (
        "โทรศัพท์", "เบอร์โทร", "มือถือ", "phone", "mobile", "โทรสาร", "แฟกซ์", "email",
        "อีเมล", "อีเมล์", "line id", "ไลน์", "ไอดีไลน์", "facebook", "เฟซบุ๊ก", "เฟซบุ๊ค",
        "เฟสบุ๊ก", "เฟสบุ๊ค", "instagram", "อินสตาแกรม", "twitter", "tiktok", "whatsapp",
        "wechat",
    ),
}  # fmt: skip
# Names too short to look for inside others ("tel" is in "hotel", "line" in "online"): a
# column is personal when its whole name is one of them.
PERSONAL_NAMES = ("line", "tel", "fax", "dob", "fb", "ig", "ssn", "pid")
# The column the pages call "the address", when an actor has several address-like columns.
ADDRESS_NAMES = ("address", "ที่อยู่")
LIST_LIMIT = 200
WORD_LIMIT = 100

_PUNCTUATION = re.compile(r"[_/\\:;#*+|&]+")


def column_key(name: str) -> str:
    """A column's name in the form personal words are compared in.

    >>> column_key("Citizen ID") == column_key("citizen_id") == "citizenid"
    True
    >>> column_key(" ที่อยู่ ติดต่อ ")
    'ที่อยู่ติดต่อ'
    """
    return _PUNCTUATION.sub("", word_key(name))


_WORD_KEYS = tuple(column_key(w) for words in PERSONAL_WORDS.values() for w in words)
_ADDRESS_KEYS = tuple(column_key(w) for w in PERSONAL_WORDS["address"])
_NAME_KEYS = frozenset(column_key(name) for name in PERSONAL_NAMES)
_ADDRESS_NAME_KEYS = frozenset(column_key(name) for name in ADDRESS_NAMES)


@dataclass(frozen=True)
class PersonalColumns:
    """Which extra columns are personal: the built-in words and names, the words the workspace
    ``added`` and the column names it marked ``not_personal``."""

    added: tuple[str, ...] = ()
    not_personal: tuple[str, ...] = ()
    _words: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _exempt: frozenset[str] = field(init=False, repr=False, compare=False)
    _known: dict[str, bool] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        added = tuple(key for key in map(column_key, self.added) if key)
        object.__setattr__(self, "_words", (*_WORD_KEYS, *added))
        object.__setattr__(self, "_exempt", frozenset(map(column_key, self.not_personal)))
        object.__setattr__(self, "_known", {})

    def is_personal(self, name: str) -> bool:
        known = self._known.get(name)
        if known is None:
            key = column_key(name)
            known = key not in self._exempt and (
                key in _NAME_KEYS or any(word in key for word in self._words)
            )
            self._known[name] = known
        return known

    def address_key(self, attributes: Mapping[str, Any]) -> str | None:
        """The column holding the actor's address: one named ``address`` or ``ที่อยู่`` (in any
        case) when given, else the first by name of the personal columns whose name says
        address (ที่อยู่ติดต่อ, Home address …)."""
        found = []
        for name, value in attributes.items():
            if value and self.is_personal(name):
                key = column_key(name)
                if any(word in key for word in _ADDRESS_KEYS):
                    found.append((key not in _ADDRESS_NAME_KEYS, name))
        return min(found)[1] if found else None

    @classmethod
    def of(cls, workspace: Any) -> PersonalColumns:
        """The workspace's choice (``Workspace.personal_attributes``: ``{"added": [...],
        "not_personal": [...]}``; empty means the built-in list alone)."""
        chosen = getattr(workspace, "personal_attributes", None) or {}
        return cls(tuple(chosen.get("added", ())), tuple(chosen.get("not_personal", ())))


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _mask_value(value: Any, mask: Callable[[str], str] = mask_text) -> Any:
    """A value masked; empty values stay as they are (nothing to hide, and "–" shows)."""
    if value in (None, "", [], {}):
        return value
    return mask(_as_text(value))


_CONTACT_MASKS: dict[str, Callable[[str], str]] = {
    "phone": mask_phone,
    "email": mask_email,
    "line_id": mask_text,
}


@dataclass(frozen=True)
class PersonalView:
    """An actor's personal data as one user sees it: real, or masked (``masked``)."""

    columns: PersonalColumns
    masked: bool

    def attributes(self, attributes: Mapping[str, Any] | None) -> dict[str, Any]:
        """The extra columns, the personal ones masked where the user may not see them."""
        attributes = attributes or {}
        if not self.masked:
            return dict(attributes)
        is_personal = self.columns.is_personal
        return {k: _mask_value(v) if is_personal(k) else v for k, v in attributes.items()}

    def fields(self, actor: Any) -> dict[str, Any]:
        """``phone``, ``email``, ``line_id`` and ``attributes`` of an actor (a model or an
        export row) as this user sees them."""
        shown: dict[str, Any] = {name: getattr(actor, name) or "" for name in _CONTACT_MASKS}
        if self.masked:
            shown = {name: _mask_value(v, _CONTACT_MASKS[name]) for name, v in shown.items()}
        shown["attributes"] = self.attributes(actor.attributes)
        return shown

    def contacts(self, actor: Any) -> dict[str, str]:
        """Phone, e-mail, LINE ID and address, as the contact panels and the API show them."""
        shown = self.fields(actor)
        address = self.columns.address_key(actor.attributes or {})
        return {
            "phone": shown["phone"],
            "email": shown["email"],
            "line_id": shown["line_id"],
            "address": _as_text(shown["attributes"][address]) if address else "",
        }

    def _attributes_or_none(self, value: Any) -> Any:
        return self.attributes(value) if isinstance(value, Mapping) else _mask_value(value)

    def changes(self, changes: Mapping[str, Any]) -> dict[str, Any]:
        """An actor's audit changes (``{field: [old, new]}``) with old and new contacts and
        personal columns masked where the user may not see them."""
        if not self.masked:
            return dict(changes)
        shown: dict[str, Any] = {}
        for name, values in changes.items():
            if name == "attributes":
                mask: Callable[[Any], Any] = self._attributes_or_none
            elif name in _CONTACT_MASKS:
                mask = _mask_contact(_CONTACT_MASKS[name])
            elif self.columns.is_personal(name):
                mask = _mask_value
            else:
                shown[name] = values
                continue
            pair = isinstance(values, list) and len(values) == 2
            shown[name] = [mask(v) for v in values] if pair else mask(values)
        return shown


def _mask_contact(mask: Callable[[str], str]) -> Callable[[Any], Any]:
    return lambda value: _mask_value(value, mask)


class Viewer(Protocol):
    """What :func:`personal_view` needs of a user's access (phakhi.accounts' ``Access``)."""

    @property
    def can_see_contacts(self) -> bool: ...

    @property
    def workspace(self) -> Any: ...


def personal_view(access: Viewer) -> PersonalView:
    """What this user may see of the personal data of the workspace's actors. Every output of
    an actor goes through it."""
    return PersonalView(PersonalColumns.of(access.workspace), masked=not access.can_see_contacts)
