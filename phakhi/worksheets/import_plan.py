"""Worksheet 4's plan read back: each row a row of the project's expansion plan (the plan is
made, with the first row that lands, when the project has none), matched by its group (กลุ่ม)
in normalized Thai, written through ``phakhi.expansion.services``.

A group named exactly as one actor or one network of the directory (after normalization) is
linked to it, so the map can say how we stand with it; otherwise it is kept as written. The
current relationship (ความสัมพันธ์เดิม) is what the room wrote — "หลวม ผ่านชาคริต" keeps the
broker's name as written — and is kept as the row's override, except where it only repeats what
the map said (an export writes the map's reading when nobody overrode it)."""

from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.core.thai import name_key, word_key
from phakhi.expansion.models import ExpansionPlan, PlanRow
from phakhi.expansion.services import plan_create, plan_row_add, plan_row_update
from phakhi.expansion.vocabulary import parse_relationship
from phakhi.projects.models import Project
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


def target_key(name: str) -> str:
    """How two groups' names are compared: normalized Thai, no title taken off."""
    return name_key(name, person=False)


def _override(row: PlanRow | None, written: str) -> str:
    """The current relationship to keep as the row's override: none when the cell only
    repeats what the map said when the row was read (or what is stored already)."""
    if row is None or not written:
        return written
    if word_key(written) == word_key(row.current_override):
        return row.current_override
    if row.current_level is not None and parse_relationship(written) == (
        row.current_level,
        row.current_via_name,
    ):
        return ""
    return written


class _Plan:
    """The import of one file's rows into one project's plan."""

    def __init__(
        self,
        author: audit.Author,
        project: Project,
        worksheet: WorksheetTable,
        report: WorksheetReport,
    ) -> None:
        self.author, self.project, self.worksheet, self.report = author, project, worksheet, report
        self.plan = ExpansionPlan.objects.filter(project=project).first()
        self.stored: dict[str, PlanRow] = {}
        if self.plan is None:
            report.target = _("a new expansion plan")
        else:
            for stored in self.plan.rows.order_by("position", "id"):
                self.stored.setdefault(target_key(stored.target_name), stored)
            report.target = _("the expansion plan “%(title)s”") % {"title": self.plan.title}
        self.first_line: dict[int, int] = {}  # plan row id → the line that wrote it
        self.rejected: set[int] = set()
        self.directory = Directory(project.workspace_id, ())

    def run(self) -> None:
        for batch in batches(self.read()):
            names = [row.values["target_name"] for row in batch if row.line not in self.rejected]
            self.directory = Directory(self.project.workspace_id, names)
            for row in batch:
                if row.line not in self.rejected:
                    self.apply(row)

    def read(self) -> Iterator[Row]:
        """The rows with something in them, each checked on its own (``rejected``: the lines
        already refused)."""
        for line, cells in self.worksheet.table.rows:
            row, problems = read_row(self.worksheet, line, cells)
            if row is None:
                continue
            self.report.rows += 1
            if not row.values.get("target_name"):
                problems.append(("target", _("Name the group (กลุ่ม) to reach.")))
            if problems:
                self.report.reject(line, problems)
                self.rejected.add(line)
            yield row

    def apply(self, row: Row) -> None:
        name = row.values["target_name"]
        existing = self.stored.get(target_key(name))
        if existing is None:
            self.add(name, row)
        elif existing.pk in self.first_line:
            self.report.reject(row.line, [("target", repeated(name, self.first_line[existing.pk]))])
        else:
            self.update(existing, row)

    def update(self, stored: PlanRow, row: Row) -> None:
        self.first_line[stored.pk] = row.line
        row.values.pop("target_name")  # the same group, as the plan already names it
        if "current_override" in row.values:
            row.values["current_override"] = _override(stored, row.values["current_override"])
        if "status" in row.values and not row.texts["status"]:
            # A row always has a status: an empty cell says nothing of it (a new row's is
            # planned), so a row in progress or achieved stays so.
            del row.values["status"]
        changes = changes_of(self.worksheet, row, stored)
        if not changes:
            self.report.unchanged += 1
            return

        def write() -> None:
            plan_row_update(self.author, stored, version=stored.version, **changes)

        if write_row(self.report, self.worksheet, row.line, "target", write):
            self.report.updated += 1

    def add(self, name: str, row: Row) -> None:
        added: list[PlanRow] = []

        def write() -> None:
            plan = self.plan or plan_create(
                self.author,
                project=self.project,
                # As the plan's page names a new plan: by "our group" (the worksheet's header row).
                title=self.project.network.name if self.project.network else self.project.name,
            )
            fields = {k: v for k, v in row.values.items() if k != "target_name"}
            added.append(
                plan_row_add(self.author, plan, target_name=name, **self.targets(name), **fields)
            )
            self.plan = plan

        if not write_row(self.report, self.worksheet, row.line, "target", write):
            return
        self.report.created += 1
        self.stored[target_key(name)] = added[0]
        self.first_line[added[0].pk] = row.line

    def targets(self, name: str) -> dict[str, Any]:
        """The directory's one actor or one network of exactly this name, or nothing (the
        name is kept as written) when there is none, or more than one."""
        actors = self.directory.actors_named(name)
        networks = self.directory.networks_named(name)
        if len(actors) + len(networks) != 1:
            return {}
        return {"target_actor": actors[0]} if actors else {"target_network": networks[0]}


def import_plan(
    author: audit.Author,
    project: Project,
    worksheet: WorksheetTable,
    report: WorksheetReport,
) -> None:
    _Plan(author, project, worksheet, report).run()
