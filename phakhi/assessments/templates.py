"""The checklists a self-assessment answers, shipped with the code: each list of the sources
with its document and lines, its items in the source's own Thai (verbatim: a test finds every
item's words on the lines it cites) and an English gloss.

OPDC's 12 success factors of participatory governance (C7, S 37–49), OPDC's 5 factors of
network collaboration (C8, S 64) and the OPDC forum's 4 key factors of network management
(C9, F 70–147) in ``opdc_lists.py``; the 12 principles of network work, the 6 factors of
managing a network, the 6 components of success, the 6 problems, the 5 signs of a sustainable
network and the workshop's 4 pillars (C1–C5, C14) in ``network_lists.py``. An item may have
sub-items (``children``; then the sub-items are scored and the item is their heading), and a
list of problems says so in ``kind`` (its score reads "how far the problem is overcome"; a
single risk in a list of factors says so in its item's ``kind``).

The pages offer the lists in two groups (``GROUPS``): network strength, and OPDC's award.

Codes are stable identifiers stored in answers: a template's code never changes, an item's code
is its number in the source ("1", "2" … and "1.a" for a sub-item).
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from phakhi.assessments.checklists import Template
from phakhi.assessments.network_lists import C1, C2, C3, C4, C5, C14
from phakhi.assessments.opdc_lists import C7, C8, C9

TEMPLATES: dict[str, Template] = {
    template.code: template for template in (C7, C8, C9, C1, C2, C3, C4, C5, C14)
}
# What a new assessment for the award application starts with: OPDC's two lists.
AWARD_TEMPLATES = (C7.code, C8.code)


def template(code: str) -> Template:
    try:
        return TEMPLATES[code]
    except KeyError:
        raise KeyError(f"no self-assessment template {code!r}") from None


def templates_in_order(codes: list[str] | tuple[str, ...]) -> list[Template]:
    """The templates of ``codes`` in the order ``TEMPLATES`` ships them."""
    wanted = set(codes)
    return [found for code, found in TEMPLATES.items() if code in wanted]


# The families the pages offer the lists in, in this order; a list is shown in the first of its
# groups named here.
GROUPS: tuple[tuple[str, Promise], ...] = (
    ("network-strength", _("Network strength")),
    ("opdc", _("OPDC's award for participatory governance")),
)
# The network-strength lists in the order the sources give them, the forum's last.
_SHOWN_FIRST = (C1.code, C2.code, C3.code, C4.code, C5.code, C14.code)


def template_groups() -> list[tuple[str, Promise, list[Template]]]:
    """``(code, title, templates)`` for each group of ``GROUPS`` that has lists; a list in no
    group comes last under "Other lists"."""
    placed: set[str] = set()
    found = []
    ordered = sorted(
        TEMPLATES.values(),
        key=lambda t: _SHOWN_FIRST.index(t.code) if t.code in _SHOWN_FIRST else len(_SHOWN_FIRST),
    )
    for code, title in GROUPS:
        members = [t for t in ordered if code in t.groups and t.code not in placed]
        placed.update(t.code for t in members)
        if members:
            found.append((code, title, members))
    rest = [t for t in ordered if t.code not in placed]
    if rest:
        found.append(("other", _("Other lists"), rest))
    return found
