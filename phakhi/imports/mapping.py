"""Which column of Phakhi each header of an uploaded file fills: the guess the command line's
matching makes, and the problems of a mapping a person chose."""

from collections.abc import Mapping
from dataclasses import replace

from django.utils.translation import gettext as _

from phakhi.core.limits import MAX_ATTRIBUTES
from phakhi.imports.columns import (
    ACTIVITY_COLUMNS,
    ACTOR_COLUMNS,
    ATTENDANCE_COLUMNS,
    TIE_COLUMNS,
    Column,
    attribute_problem,
    map_headers,
)
from phakhi.imports.models import ImportJob
from phakhi.imports.services import ATTRIBUTE, IGNORE

COLUMNS = {
    ImportJob.What.ACTORS: ACTOR_COLUMNS,
    ImportJob.What.TIES: TIE_COLUMNS,
    ImportJob.What.ACTIVITIES: ACTIVITY_COLUMNS,
    ImportJob.What.ATTENDANCE: ATTENDANCE_COLUMNS,
}


def columns_for(what: str) -> tuple[Column, ...]:
    return COLUMNS[ImportJob.What(what)]


def keeps_attributes(what: str) -> bool:
    """Whether a column that is not Phakhi's own can be kept with each row (actors and ties
    have attributes; activities and attendance do not)."""
    return what in (ImportJob.What.ACTORS, ImportJob.What.TIES)


def _matching_one_header(what: str) -> tuple[Column, ...]:
    """The columns with none required: to match headers one at a time."""
    return tuple(replace(c, required=False) for c in columns_for(what))


def guess_mapping(what: str, headers: list[str]) -> dict[str, str]:
    """Each header's column as the command line would match it (Thai or English, aliases);
    a header it would not match is kept as an attribute (ignored where rows keep none); a
    second header for a column that is already matched is ignored."""
    optional = _matching_one_header(what)
    mapping: dict[str, str] = {}
    for header in headers:
        if header in mapping:
            continue
        found = map_headers([header], optional)
        if not str(header or "").strip() or found.ignored:
            mapping[header] = IGNORE
        elif found.fields:
            name = next(iter(found.fields))
            mapping[header] = IGNORE if name in mapping.values() else name
        else:
            mapping[header] = ATTRIBUTE if keeps_attributes(what) else IGNORE
    return mapping


def missing_columns(job: ImportJob) -> list[Column]:
    chosen = set(job.mapping.values())
    return [c for c in columns_for(job.what) if c.required and c.name not in chosen]


def mapping_problems(what: str, headers: list[str], mapping: Mapping[str, str]) -> list[str]:
    columns = columns_for(what)
    allowed = (
        {c.name for c in columns} | {IGNORE} | ({ATTRIBUTE} if keeps_attributes(what) else set())
    )
    optional = _matching_one_header(what)
    problems: list[str] = []
    first_for: dict[str, str] = {}
    kept = 0
    for header in headers:
        chosen = mapping.get(header, IGNORE)
        if chosen not in allowed:
            problems.append(_("“%(header)s”: choose a column from the list.") % {"header": header})
        elif chosen == ATTRIBUTE and map_headers([header], optional).fields:
            problems.append(
                _("“%(header)s” is the name of a column; choose that column or ignore it.")
                % {"header": header}
            )
        elif chosen == ATTRIBUTE:
            # Of the columns beyond the number kept, only the first is named (with the number).
            problem = attribute_problem(str(header).strip(), kept if kept <= MAX_ATTRIBUTES else 0)
            if problem:
                problems.append(problem)
            kept += 1
        elif chosen not in (ATTRIBUTE, IGNORE):
            if chosen in first_for:
                problems.append(
                    _("The columns “%(first)s” and “%(second)s” both mean “%(name)s”; keep one.")
                    % {"first": first_for[chosen], "second": header, "name": chosen}
                )
            first_for.setdefault(chosen, header)
    for column in columns:
        if column.required and column.name not in first_for:
            problems.append(
                _("Choose the file's column for “%(name)s” (%(thai)s): it is required.")
                % {"name": column.name, "thai": column.thai}
            )
    return problems
