"""Likely duplicate actors: reported for a person to decide, never merged by an import."""

from collections.abc import Mapping

from django.utils.translation import gettext as _

from phakhi.imports.report import PossibleDuplicate

Values = tuple[Mapping[str, object], str]  # (stored values, organization key)


def find_possible_duplicates(
    incoming: Mapping[str, Values], others: Mapping[str, Values]
) -> list[PossibleDuplicate]:
    """Pairs with at least one incoming actor that share a name within the same organization,
    a phone number or an e-mail address. A group of n alike actors gives n−1 pairs, each with
    the first of them, so a shared office number cannot flood the report."""
    groups: dict[tuple[str, str], list[str]] = {}
    for source in (incoming, others):
        for key, (values, organization) in source.items():
            if organization and values.get("name_key"):
                groups.setdefault(("name", f"{organization}\x00{values['name_key']}"), []).append(
                    key
                )
            for phone in str(values.get("phone") or "").split(", "):
                if phone:
                    groups.setdefault(("phone", phone), []).append(key)
            email = str(values.get("email") or "").casefold()
            if email:
                groups.setdefault(("email", email), []).append(key)
    reasons = {
        "name": _("same name in the same organization"),
        "phone": _("same phone number"),
        "email": _("same e-mail address"),
    }
    found: list[PossibleDuplicate] = []
    for (what, _value), keys in groups.items():
        if len(keys) < 2 or not any(k in incoming for k in keys):
            continue
        first = keys[0]
        found.extend(PossibleDuplicate((first, other), reasons[what]) for other in keys[1:])
    return found
