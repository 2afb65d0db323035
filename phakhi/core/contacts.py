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
