"""Worksheet 1's card table read back: each row a stakeholder of the project's latest
assessment (one dated today is made, with the first row that lands, when the project has
none), matched by its name in normalized Thai, written through
``phakhi.stakeholders.services``."""

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor, Kind
from phakhi.core import audit
from phakhi.core.contacts import MASK, mask_text
from phakhi.core.dates import current_language, format_date
from phakhi.projects.models import Project
from phakhi.stakeholders.models import Stakeholder
from phakhi.stakeholders.selectors import latest_assessment
from phakhi.stakeholders.services import (
    assessment_create,
    name_key_of,
    stakeholder_add,
    stakeholder_update,
)
from phakhi.worksheets.directory import Directory, batches
from phakhi.worksheets.import_rows import (
    Row,
    WorksheetReport,
    changes_of,
    read_row,
    repeated,
    write_row,
)
from phakhi.worksheets.reading import WorksheetTable

# An empty kind cell is a stakeholder whose kind nobody wrote (the worksheet allows it), not a
# person: the export writes an unknown kind as an empty cell, so it reads back the same.
BLANKS = {"kind": {"kind": ""}}


def masked_contact() -> str:
    return _(
        "The contact person is masked (•••••), as in a file exported for a viewer: write the "
        "contact in full, or leave the cell empty."
    )


def name_keys(name: str, kind: str | None) -> list[str]:
    """The keys a stakeholder of this name may be stored under (``Stakeholder.name_key``):
    the one of the row's kind first (a person's name loses its title), then the other."""
    person, plain = name_key_of(name, Kind.PERSON), name_key_of(name, Kind.ORGANIZATION)
    keys = [person, plain] if kind in (None, Kind.PERSON) else [plain, person]
    return list(dict.fromkeys(keys))


class _Cards:
    """The import of one file's rows into one assessment."""

    def __init__(
        self,
        author: audit.Author,
        project: Project,
        worksheet: WorksheetTable,
        report: WorksheetReport,
    ) -> None:
        self.author, self.project, self.worksheet, self.report = author, project, worksheet, report
        self.assessment = latest_assessment(project)
        self.stored: dict[str, Stakeholder] = {}
        if self.assessment is None:
            report.target = _("a new assessment of %(date)s") % {
                "date": format_date(timezone.localdate(), current_language())
            }
        else:
            self.stored = {s.name_key: s for s in self.assessment.stakeholders.all()}
            report.target = _("the assessment of %(date)s") % {
                "date": format_date(self.assessment.held_on, current_language())
            }
            if self.assessment.title:
                report.target += f" ({self.assessment.title})"
        self.linked = {s.actor_id for s in self.stored.values() if s.actor_id is not None}
        self.first_line: dict[int, int] = {}  # stakeholder id → the line that wrote it
        self.rejected: set[int] = set()
        self.directory = Directory(project.workspace_id, ())

    def run(self) -> None:
        for batch in batches(self.read()):
            names = [row.values["name"] for row in batch if row.line not in self.rejected]
            self.directory = Directory(self.project.workspace_id, names)
            for row in batch:
                if row.line not in self.rejected:
                    self.apply(row)

    def read(self) -> Iterator[Row]:
        """The rows with something in them, each checked on its own (``rejected``: the lines
        already refused)."""
        for line, cells in self.worksheet.table.rows:
            row, problems = read_row(self.worksheet, line, cells, BLANKS)
            if row is None:
                continue
            self.report.rows += 1
            if not row.values.get("name"):
                problems.append(("name", _("The name is missing.")))
            if problems:
                self.report.reject(line, problems)
                self.rejected.add(line)
            yield row

    def apply(self, row: Row) -> None:
        name = row.values["name"]
        existing = self.stakeholder_named(name, row.values.get("kind"))
        if MASK in row.values.get("contact_person", ""):
            shown = mask_text(existing.contact_person) if existing is not None else None
            if row.texts["contact_person"] != shown:
                self.report.reject(row.line, [("contact_person", masked_contact())])
                return
            # As a viewer's file shows the stored contact: it changes nothing.
            del row.values["contact_person"]
        if existing is None:
            self.add(name, row)
        elif existing.pk in self.first_line:
            self.report.reject(row.line, [("name", repeated(name, self.first_line[existing.pk]))])
        else:
            self.update(existing, row)

    def stakeholder_named(self, name: str, kind: str | None) -> Stakeholder | None:
        """The assessment's stakeholder of this name: one whose key is the name's as its own
        kind reads it (a title comes off a person's name only, so "นายก ทม." the person is
        not "กทม." the organization)."""
        for key in name_keys(name, kind):
            found = self.stored.get(key)
            if found is not None and name_keys(name, found.kind)[0] == key:
                return found
        return None

    def update(self, stakeholder: Stakeholder, row: Row) -> None:
        self.first_line[stakeholder.pk] = row.line
        row.values.pop("name")  # the same stakeholder, as the assessment already names it
        changes = changes_of(self.worksheet, row, stakeholder)
        if not changes:
            self.report.unchanged += 1
            return

        def write() -> None:
            stakeholder_update(self.author, stakeholder, version=stakeholder.version, **changes)

        if write_row(self.report, self.worksheet, row.line, "name", write):
            self.report.updated += 1

    def add(self, name: str, row: Row) -> None:
        added: list[Stakeholder] = []

        def write() -> None:
            assessment = self.assessment or assessment_create(
                self.author, self.project, held_on=timezone.localdate(), copy_last=False
            )
            actor = self.directory_actor(name)
            fields = {k: v for k, v in row.values.items() if k != "name"}
            added.append(stakeholder_add(self.author, assessment, name=name, actor=actor, **fields))
            self.assessment = assessment

        if not write_row(self.report, self.worksheet, row.line, "name", write):
            return
        self.report.created += 1
        stakeholder = added[0]
        self.stored[stakeholder.name_key] = stakeholder
        self.first_line[stakeholder.pk] = row.line
        if stakeholder.actor_id is not None:
            self.linked.add(stakeholder.actor_id)

    def directory_actor(self, name: str) -> Actor | None:
        """The one actor of the workspace with exactly this name (in normalized form), unless
        it is already a stakeholder of the assessment; None for none or several."""
        found = self.directory.actors_named(name)
        if len(found) != 1 or found[0].pk in self.linked:
            return None
        return found[0]


def import_cards(
    author: audit.Author,
    project: Project,
    worksheet: WorksheetTable,
    report: WorksheetReport,
) -> None:
    _Cards(author, project, worksheet, report).run()
