"""``{{ n|count }}``: a whole number with thousands separated (1,668), as the participation
dashboard shows its figures; the charts read the plain number from ``data-value``."""

from django import template

register = template.Library()


@register.filter
def count(value: object) -> str:
    """>>> count(1668)
    '1,668'
    """
    try:
        return f"{int(value):,}"  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return str(value)
