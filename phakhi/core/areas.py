"""Provinces, districts and subdistricts by their official names and DOPA codes (from geothai).

Names are accepted in Thai or English, with or without จังหวัด/อำเภอ/เขต/ตำบล/แขวง or จ./อ./ต.,
and common short forms (กทม., กรุงเทพฯ, โคราช). A name that is not found is answered with the
nearest official name, so the person fixing the file knows what was expected.
"""

import difflib
from dataclasses import dataclass
from functools import cache

import geothai
from django.utils.translation import gettext as _

_EXTRA_PROVINCE_NAMES = {
    "กรุงเทพฯ": "10",
    "bkk": "10",
    "โคราช": "30",
    "korat": "30",
    "กรุงเก่า": "14",
}


class AreaError(ValueError):
    """A name that is not an official area; the message names the nearest one, and ``part``
    (set by ``resolve``) says which of province, district or subdistrict it was."""

    part = ""


@dataclass(frozen=True)
class Area:
    province_code: str = ""
    district_code: str = ""
    subdistrict_code: str = ""


def _key(text: str) -> str:
    return geothai.normalize(text.replace("ฯ", ""))


@cache
def _province_codes_by_key() -> dict[str, str]:
    found: dict[str, str] = {}
    for p in geothai.provinces():
        found[_key(p.name_th)] = p.code
        found[_key(p.name_en)] = p.code
    for name in ("กทม", "กรุงเทพ", "อยุธยา", "ayutthaya"):
        found[name] = next(p.code for p in geothai.provinces() if geothai.is_province(p, name))
    for name, code in _EXTRA_PROVINCE_NAMES.items():
        found[_key(name)] = code
    return found


def _nearest(text: str, names: list[str]) -> str:
    keys = {_key(n): n for n in names}
    close = difflib.get_close_matches(_key(text), list(keys), n=1, cutoff=0.5)
    return keys[close[0]] if close else ""


def _not_found(message: str, text: str, names: list[str]) -> AreaError:
    nearest = _nearest(text, names)
    if nearest:
        message += " " + _("Did you mean “%(nearest)s”?") % {"nearest": nearest}
    return AreaError(message)


def province_code(text: str) -> str:
    code = _province_codes_by_key().get(_key(text))
    if code is None:
        message = _("“%(name)s” is not a province of Thailand.") % {"name": text}
        raise _not_found(message, text, [p.name_th for p in geothai.provinces()])
    return code


def province_code_or_name(text: str) -> str:
    """A province's DOPA code, from the code itself (as forms and the API send it) or its name."""
    return text if text.isdigit() and province_name(text) else province_code(text)


def district_code(text: str, province: str = "") -> str:
    """The district named ``text``; ``province`` (a code) narrows it, and is needed if the name
    is used in several provinces."""
    key = _key(text)
    candidates = geothai.districts(province) if province else _all_districts()
    found = [d for d in candidates if geothai.is_district(d, key)]
    if len(found) == 1:
        return found[0].code
    if not found:
        message = _("“%(name)s” is not a district of %(province)s.") % {
            "name": text,
            "province": province_name(province) if province else _("Thailand"),
        }
        raise _not_found(message, text, [d.name_th for d in candidates])
    provinces = ", ".join(sorted(province_name(d.province_code) for d in found))
    raise AreaError(
        _("“%(name)s” is a district in several provinces (%(provinces)s); add the province.")
        % {"name": text, "provinces": provinces}
    )


def subdistrict_code(text: str, district: str = "", province: str = "") -> str:
    found = [
        a.subdistrict
        for a in geothai.match(text)
        if (not district or a.district.code == district)
        and (not province or a.province.code == province)
    ]
    if len(found) == 1:
        return found[0].code
    if not found:
        names = [s.name_th for s in geothai.subdistricts(district)] if district else []
        where = district_name(district) if district else province_name(province)
        message = _("“%(name)s” is not a subdistrict of %(area)s.") % {
            "name": text,
            "area": where or _("Thailand"),
        }
        raise _not_found(message, text, names)
    raise AreaError(
        _("“%(name)s” names several subdistricts; add the district and province.") % {"name": text}
    )


@cache
def _all_districts() -> tuple[geothai.District, ...]:
    return tuple(d for p in geothai.provinces() for d in geothai.districts(p.code))


@cache
def resolve(province: str = "", district: str = "", subdistrict: str = "") -> Area:
    """Codes for an address written as names; raises AreaError naming the part that is wrong."""
    part = "province"
    try:
        p = province_code(province) if province else ""
        part = "district"
        d = district_code(district, p) if district else ""
        if d and not p:
            p = d[:2]
        part = "subdistrict"
        s = subdistrict_code(subdistrict, d, p) if subdistrict else ""
    except AreaError as error:
        error.part = part
        raise
    if s and not d:
        d, p = s[:4], s[:2]
    return Area(p, d, s)


def province_name(code: str, language: str = "th") -> str:
    p = geothai.province(code) if code else None
    return "" if p is None else (p.name_th if language == "th" else p.name_en)


def district_name(code: str, language: str = "th") -> str:
    d = geothai.district(code) if code else None
    return "" if d is None else (d.name_th if language == "th" else d.name_en)


def subdistrict_name(code: str, language: str = "th") -> str:
    s = geothai.subdistrict(code) if code else None
    return "" if s is None else (s.name_th if language == "th" else s.name_en)


def province_choices() -> list[tuple[str, str]]:
    return [(p.code, p.name_th) for p in geothai.provinces()]
