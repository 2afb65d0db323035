"""The shape of a checklist a self-assessment answers: a template (a list of the sources with its
document and lines), its items (the source's own Thai, an English gloss, optional sub-items and
practices) and the 1–5 scale. The lists themselves are in ``opdc_lists.py``; ``templates.py``
holds the registry."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

Text = str | Promise

# The source files, by the codes of sources/INVENTORY.md.
DOCUMENTS = {
    "S": "opdc-participatory-governance-strategy.txt",
    "F": "opdc-forum-governing-by-network-2008.txt",
    "P": "network-management-principles.txt",
    "W": "workshop-building-and-managing-networks.txt",
    "L": "local-officials-network-reform-2014.txt",
}


@dataclass(frozen=True)
class Practice:
    """A practice the source reports for an item (the forum's table), with who does it."""

    thai: str
    english: Text
    agency: str
    line: int


@dataclass(frozen=True)
class Item:
    code: str
    thai: str  # the source's words, verbatim
    english: Text
    lines: tuple[int, ...]  # where the words stand in the template's document
    short: Text = ""  # a few words for tables and charts
    detail_thai: str = ""  # the rest of the source's wording, verbatim
    explanation: Text = ""  # what to look at when scoring it (our words)
    practices: tuple[Practice, ...] = ()
    children: tuple[Item, ...] = ()
    kind: str = ""  # "problem" for a risk in a list of factors (the four pillars' fourth)

    @property
    def scored(self) -> bool:
        """An item with sub-items is their heading; the sub-items take the scores."""
        return not self.children


@dataclass(frozen=True)
class Template:
    code: str
    thai: str
    english: Text
    document: str  # a key of DOCUMENTS
    lines: tuple[int, int]  # first and last line of the list in the document
    inventory: str  # the list's number in sources/INVENTORY.md §1.3
    items: tuple[Item, ...]
    intro_thai: str = ""  # the source's sentence that introduces the list, verbatim
    description: Text = ""
    kind: str = "factor"  # "factor": 5 = present and strong; "problem": 5 = overcome
    groups: tuple[str, ...] = field(default=())  # families a page offers together
    short: Text = ""  # a few words for a chart's legend
    # What the source sets before the list and is not scored (the signs' preconditions).
    preconditions: tuple[Item, ...] = ()

    @property
    def source(self) -> str:
        """S 37–49; S 64 for a list on one line."""
        first, last = self.lines
        return f"{self.document} {first}" if first == last else f"{self.document} {first}–{last}"

    @property
    def file_name(self) -> str:
        return DOCUMENTS[self.document]

    def scored_items(self) -> Iterator[Item]:
        """The items that take a score, in order: sub-items in place of their heading."""
        for item in self.items:
            if item.children:
                yield from item.children
            else:
                yield item

    @property
    def label(self) -> Text:
        """What a chart's legend calls the list."""
        return self.short or self.english

    def kind_of(self, item: Item) -> str:
        """Whether ``item`` is a factor (5 = present and strong) or a problem (5 = overcome)."""
        return item.kind or self.kind

    def item(self, code: str) -> Item:
        for item in self.scored_items():
            if item.code == code:
                return item
        raise KeyError(f"{self.code} has no item {code}")

    def heading_of(self, code: str) -> Item | None:
        """The item whose sub-item ``code`` is (the four pillars' "1" for "1.a"); None for an
        item of its own."""
        for item in self.items:
            if any(child.code == code for child in item.children):
                return item
        return None


# The five points of the scale. The words echo the award's own levels (ดีเยี่ยม, ดี; S 32) at
# the top and say plainly what the lower points mean, so that two people score alike.
SCALE: tuple[tuple[int, Text, Text], ...] = (
    (1, pgettext_lazy("self-assessment score", "none or very little"),
     _("Not in place, or only in words.")),
    (2, pgettext_lazy("self-assessment score", "little"),
     _("Begun in places or once; no regular practice yet.")),
    (3, pgettext_lazy("self-assessment score", "fair"),
     _("In place and used, but not everywhere or not regularly.")),
    (4, pgettext_lazy("self-assessment score", "good"),
     _("Regular practice across the work, with evidence.")),
    (5, pgettext_lazy("self-assessment score", "excellent"),
     _("Established and showing results others could learn from.")),
)  # fmt: skip
SCALE_THAI = {1: "ไม่มี/น้อยมาก", 2: "น้อย", 3: "ปานกลาง", 4: "ดี", 5: "ดีเยี่ยม"}
