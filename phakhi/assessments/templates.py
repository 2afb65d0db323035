"""The checklists a self-assessment answers, shipped with the code: each list of the sources
with its document and lines, its items in the source's own Thai (verbatim: a test finds every
item's words on the lines it cites) and an English gloss.

Now: OPDC's 12 success factors of participatory governance (C7, S 37–49), OPDC's 5 factors of
network collaboration (C8, S 64) and the OPDC forum's 4 key factors of network management
(C9, F 70–147). The network-strength issue adds the principles, components, problems, signs of
a sustainable network and the four pillars to ``TEMPLATES`` in the same shape: an item may have
sub-items (``children``; then the sub-items are scored and the item is their heading), and a
list of problems says so in ``kind`` (its score reads "how far the problem is overcome").

Codes are stable identifiers stored in answers: a template's code never changes, an item's code
is its number in the source ("1", "2" … and "1.a" for a sub-item).
"""

from __future__ import annotations

from phakhi.assessments.checklists import Template
from phakhi.assessments.opdc_lists import C7, C8, C9

TEMPLATES: dict[str, Template] = {template.code: template for template in (C7, C8, C9)}
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
