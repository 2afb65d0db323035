"""Phone numbers and e-mail addresses: validated and stored in one canonical form."""

import re

import phonenumbers
from django.utils.translation import gettext as _
from email_validator import EmailNotValidError, validate_email

from phakhi.core.thai import to_arabic_digits

_SEPARATORS = re.compile(r"\s*[,;/]\s*")
_PUNCTUATION = re.compile(r"[\s().-]")
_THAI_NATIONAL = re.compile(r"0(\d{8,9})")
_THAI = phonenumbers.PhoneMetadata.metadata_for_region("TH")
assert _THAI and _THAI.mobile and _THAI.fixed_line  # shipped with phonenumbers
# The patterns phonenumbers itself checks a Thai number against; matching them directly spares
# a full parse for the common case (a 0-prefixed Thai number) in a 600,000-row import.
_THAI_VALID = re.compile(
    f"(?:{_THAI.mobile.national_number_pattern})|(?:{_THAI.fixed_line.national_number_pattern})"
)
# The WHATWG (HTML) definition of a valid e-mail address; anything else, such as an address
# with non-ASCII characters, goes to email-validator.
_PLAIN_EMAIL = re.compile(
    r"[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+"
)


class ContactError(ValueError):
    pass


def normalize_phone(text: str) -> str:
    """One or more Thai or international numbers as E.164 (+66…), comma-separated.

    >>> normalize_phone("081-234-5678")
    '+66812345678'
    >>> normalize_phone("๐๒ ๑๒๓ ๔๕๖๗, +1 202 555 0143")
    '+6621234567, +12025550143'
    """
    numbers = []
    for part in _SEPARATORS.split(to_arabic_digits(text).strip()):
        if not part:
            continue
        national = _THAI_NATIONAL.fullmatch(_PUNCTUATION.sub("", part))
        if national and _THAI_VALID.fullmatch(national.group(1)):
            numbers.append("+66" + national.group(1))
            continue
        try:
            parsed = phonenumbers.parse(part, "TH")
        except phonenumbers.NumberParseException:
            parsed = None
        if parsed is None or not phonenumbers.is_valid_number(parsed):
            raise ContactError(
                _("“%(value)s” is not a valid phone number (expected e.g. 081-234-5678).")
                % {"value": part}
            )
        numbers.append(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    return ", ".join(dict.fromkeys(numbers))


def normalize_email(text: str) -> str:
    """A syntactically valid address, its domain in lower case (no DNS look-up)."""
    text = text.strip()
    if _PLAIN_EMAIL.fullmatch(text) and ".." not in text and not text.startswith("."):
        local, domain = text.rsplit("@", 1)
        if not local.endswith(".") and len(local) <= 64 and len(text) <= 254:
            return f"{local}@{domain.lower()}"
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ContactError(
            _("“%(value)s” is not a valid e-mail address.") % {"value": text}
        ) from None


# --- masked forms, for the users who may not see contact details (phakhi.core.personal) ------

MASK = "•••••"


def _mask_digits(text: str, keep_end: int = 3) -> str:
    total = sum(char.isdigit() for char in text)
    seen, out = 0, []
    for char in text:
        if char.isdigit():
            seen += 1
            out.append(char if seen > total - keep_end else "x")
        else:
            out.append(char)
    return "".join(out)


def _mask_one_phone(number: str) -> str:
    try:
        parsed = phonenumbers.parse(number, "TH")
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_possible_number(parsed):
        return mask_text(number)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if parsed.country_code == 66
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    groups = re.split(r"[\s-]+", phonenumbers.format_number(parsed, style))
    # The first group (mobile prefix, area or country code) and the last three digits show.
    return "-".join([groups[0], *(_mask_digits(g, 0) for g in groups[1:-1]),
                     *([_mask_digits(groups[-1])] if len(groups) > 1 else [])])  # fmt: skip


def mask_phone(text: str) -> str:
    """Each number with its first group and last three digits only.

    >>> mask_phone("0812345678")
    '081-xxx-x678'
    >>> mask_phone("+66812345678, +6621234567")
    '081-xxx-x678, 02-xxx-x567'
    """
    parts = [part for part in _SEPARATORS.split(text.strip()) if part]
    return ", ".join(_mask_one_phone(part) for part in parts)


def mask_email(text: str) -> str:
    """The first letter and the domain.

    >>> mask_email("somchai@example.org")
    's•••••@example.org'
    """
    local, at, domain = text.strip().rpartition("@")
    if not at:
        return mask_text(text)
    return f"{local[:1]}{MASK}@{domain}"


def mask_text(text: str) -> str:
    """A LINE ID or an address: its first character only.

    >>> mask_text("somchai.line")
    's•••••'
    """
    text = text.strip()
    return f"{text[:1]}{MASK}" if text else ""
