"""Filters of the worksheets' paper: numbers in Thai digits, as the worksheets number their
slots (๑.....๙.....)."""

from django import template

register = template.Library()

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@register.filter
def thai_digits(value: object) -> str:
    """>>> thai_digits(12)
    '๑๒'
    """
    return str(value).translate(_THAI_DIGITS)
