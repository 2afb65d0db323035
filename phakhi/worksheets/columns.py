"""The columns of the worksheets' files: one table the export writes and the import reads.

Worksheet 1's card table (ใบงาน 1, step 3, with the kind, sector, groups and levels in front so
that one row is one whole stakeholder) and worksheet 4's plan (ใบงาน Network 4). Each column has
the Thai header of the paper worksheet (`sources/INVENTORY.md` §1.1), an English header, other
headers it is recognized by, the model fields it holds, and how its value is written to a cell
(``write``: a row → a cell value) and read back (``read``: a cell's text → the fields' values,
or a ``ColumnError`` saying what was expected; see ``values``). A filled export imports back
because both sides use these functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from phakhi.core.thai import word_key
from phakhi.worksheets import values as v
from phakhi.worksheets.values import ColumnError, Reader, Writer

__all__ = [
    "EXPANSION_PLAN", "STAKEHOLDER_CARDS", "TABLES", "Column", "ColumnError", "Table",
    "header_key", "recognize",
]  # fmt: skip


@dataclass(frozen=True)
class Column:
    """One column of a worksheet's file.

    ``key`` names the column in code and in an import's error report; ``fields`` are the model
    fields ``read`` returns; ``read_only`` columns are written for the reader (what the map says)
    and ignored by the import; ``width`` is the column's width in a workbook, in characters."""

    key: str
    thai: str
    english: str
    fields: tuple[str, ...]
    write: Writer
    read: Reader
    width: int = 24
    aliases: tuple[str, ...] = ()
    required: bool = False
    read_only: bool = False
    wrap: bool = True

    def headers(self) -> tuple[str, ...]:
        """Every header this column is recognized by: Thai, English and the aliases."""
        return (self.thai, self.english, *self.aliases)


@dataclass(frozen=True)
class Table:
    """A worksheet's columns, in order. ``column_for`` finds a column by any of its headers,
    compared without spaces, case or Thai/Arabic digit differences."""

    worksheet: int
    thai_title: str
    english_title: str
    columns: tuple[Column, ...]
    _lookup: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lookup: dict[str, Column] = {}
        for column in self.columns:
            for header in column.headers():
                key = header_key(header)
                assert key not in lookup, f"header {header!r} used twice"
                lookup[key] = column
        object.__setattr__(self, "_lookup", lookup)

    def column_for(self, header: str) -> Column | None:
        return self._lookup.get(header_key(header))

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    def matches(self, headers: Iterable[str]) -> bool:
        """Whether a header row is this worksheet's: every required column is there."""
        found = {c.key for h in headers if (c := self.column_for(str(h or "")))}
        return all(c.key in found for c in self.required)


def header_key(header: str) -> str:
    """The form headers are compared in (the paper's header wraps; a typed one may not)."""
    return word_key(header)


def recognize(headers: Iterable[str]) -> Table | None:
    """The worksheet a header row belongs to (1 or 4), or None."""
    headers = list(headers)
    return next((t for t in (STAKEHOLDER_CARDS, EXPANSION_PLAN) if t.matches(headers)), None)


def _text(key: str, thai: str, english: str, width: int, *aliases: str) -> Column:
    """A column of free text held in the model field ``key``."""
    return Column(key, thai, english, (key,), *v.text_field(key), width=width, aliases=aliases)


# fmt: off
STAKEHOLDER_CARDS = Table(
    worksheet=1,
    thai_title="ใบงาน 1: การวิเคราะห์ภาคี ผู้มีส่วนได้ส่วนเสีย",
    english_title="Worksheet 1: stakeholder analysis",
    columns=(
        Column("name", "ชื่อผู้มีส่วนได้เสีย/ภาคี", "Stakeholder", ("name",),
               *v.text_field("name"), width=28, required=True,
               aliases=("ชื่อผู้มีส่วนได้เสีย/กลุ่ม ภาคี เครือข่าย", "stakeholder name")),
        Column("kind", "ประเภท", "Kind", ("kind",),
               v.write_kind, v.choice_reader(v.KINDS, "kind", "person"),
               width=9, aliases=("คน/กลุ่ม/องค์กร",), wrap=False),
        Column("sector", "ภาคส่วน", "Sector", ("sector",),
               v.write_sector, v.choice_reader(v.SECTORS_READ, "sector"),
               width=14, aliases=("ภาค", "ไตรพลัง")),
        _text("subsector", "ภาคส่วนย่อย", "Subsector", 14),
        Column("groups", "กลุ่ม", "Groups", v.GROUP_FIELDS,
               v.write_groups, v.read_groups, width=30, aliases=("ลักษณะของกลุ่ม",)),
        Column("influence", "ระดับอิทธิพล", "Influence level", ("influence", "influence_score"),
               *v.level_field("influence"), width=11, aliases=("อิทธิพลมาก/น้อย",), wrap=False),
        Column("interest", "ระดับความสนใจ", "Interest level", ("interest", "interest_score"),
               *v.level_field("interest"), width=11, aliases=("สนใจมาก/น้อย",), wrap=False),
        Column("priority", "ลำดับความสำคัญ", "Priority", ("priority",),
               v.write_priority, v.read_priority, width=9, wrap=False),
        _text("contact_person", "ชื่อคนที่ติดต่อได้", "Contact person", 22,
              "ชื่อ ผู้ที่ติดต่อได้", "contact"),
        _text("impact", "ผลกระทบ", "Impact on them", 28,
              "ผลกระทบ: ภาคีรับผลกระทบอะไรจากโครงการเรา", "impact"),
        _text("influence_how", "อิทธิพล", "How they influence us", 28,
              "อิทธิพล: ภาคีมีอิทธิพลต่อโครงการเราอย่างไร"),
        _text("what_matters", "อะไรสำคัญต่อภาคี", "What matters to them", 26,
              "อะไรมีความสำคัญต่อภาคี"),
        _text("can_help", "ภาคีช่วยอะไรโครงการได้บ้าง", "How they can help", 28,
              "ภาคีช่วยอะไรโครงการเราได้บ้าง"),
        _text("may_obstruct", "ภาคีเป็นอุปสรรคอย่างไรต่อโครงการ", "How they may obstruct", 28,
              "ภาคีเป็นอุปสรรคอย่างไรต่อโครงการเรา"),
        _text("how_to_reach", "เข้าถึงภาคีได้อย่างไร", "How to reach them", 28),
    ),
)

EXPANSION_PLAN = Table(
    worksheet=4,
    thai_title="ใบงาน Network 4: แผนการขยายเครือข่ายข้ามประเด็น",
    english_title="Worksheet 4: cross-issue expansion plan",
    columns=(
        Column("target", "กลุ่ม", "Group", ("target_name",),
               *v.text_field("target_name"), width=26, required=True,
               aliases=("target", "partner group")),
        Column("current", "ความสัมพันธ์เดิม", "Current relationship", ("current_override",),
               v.write_current, v.read_current, width=20,
               aliases=("ความสัมพันธ์เดิม (ได้มาจากวิเคราะห์ โดยใช้ผังเครือข่าย)", "current")),
        Column("from_map", "จากผังเครือข่าย", "From the map", (),
               v.write_from_map, v.read_nothing, width=20, read_only=True),
        Column("new", "ความสัมพันธ์ใหม่", "New relationship", ("new_level",),
               v.write_new, v.read_new, width=18, required=True,
               aliases=("new", "target relationship")),
        _text("our_benefit", "ประโยชน์เรา/แลกเปลี่ยน", "Our benefit / exchange", 28,
              "ประโยชน์เรา", "our benefit"),
        _text("their_benefit", "ประโยชน์เพื่อน", "Their benefit", 28, "partner's benefit"),
        Column("methods", "วิธีการ", "Methods", ("methods",),
               v.write_methods, v.read_methods, width=34),
        Column("owner", "ผู้รับผิดชอบ", "Owner", ("owner",),
               v.write_owner, v.text_field("owner")[1], width=18),
        Column("due_on", "กำหนดเสร็จ", "Due", ("due_on",),
               v.write_date, v.read_date, width=14, aliases=("due date",), wrap=False),
        Column("status", "สถานะ", "Status", ("status",),
               v.write_status, v.choice_reader(v.STATUSES, "status", "planned"),
               width=16, wrap=False),
    ),
)
# fmt: on

TABLES = {table.worksheet: table for table in (STAKEHOLDER_CARDS, EXPANSION_PLAN)}
