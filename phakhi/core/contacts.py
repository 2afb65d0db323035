"""Phone numbers and e-mail addresses: validated and stored in one canonical form."""

import re

import phonenumbers
from django.utils.translation import gettext as _
from email_validator import EmailNotValidError, validate_email

from phakhi.core.thai import to_arabic_digits

_SEPARATORS = re.compile(r"\s*[,;/]\s*")


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
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ContactError(
            _("“%(value)s” is not a valid e-mail address.") % {"value": text}
        ) from None
