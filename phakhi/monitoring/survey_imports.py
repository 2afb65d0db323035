"""Importing a round's responses collected elsewhere (a Google Form, paper forms typed in):
``survey_responses_import``, with the options, rules and report of the other imports
(``phakhi.imports.services.run_import``: every problem with its line and column, an error file
of the rejected rows, one transaction, ``dry_run``, ``all_or_nothing``).

What a file does to a respondent it names:

- consent on every row: their answers replace those imported for them before (partners no
  longer listed go), they count as answered (source "import", consent recorded as given on the
  form, submitted now) and the survey ties are brought up to date — once for the whole file;
- a row without consent, or "no": nothing of theirs is kept; answers imported for them before
  are withdrawn. Reported in the summary, not an error;
- answered on the web, or withdrew: the file's rows are refused — their own answer stands.

Respondents and partners are actors of the workspace by key, on the round's roster (its
network's members); ``add_to_roster`` adds an actor of the workspace who is not. Respondents
the file does not name are untouched, so importing the same file again changes nothing."""

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.actors.selectors import actor_ids_by_key
from phakhi.core import audit, bulk
from phakhi.core.models import Workspace
from phakhi.imports.readers import ImportFileError, Table
from phakhi.imports.report import ImportReport, Progress, record_import, reporting_rows
from phakhi.imports.services import run_import
from phakhi.monitoring.models import ItemScore, PartnerReport, Respondent, Survey
from phakhi.monitoring.models.surveys import RATINGS
from phakhi.monitoring.survey_import_plan import (
    Plan,
    SurveyImportOutcome,
    load_reports,
    load_roster,
    plan,
)
from phakhi.monitoring.survey_import_rows import (
    RowParser,
    Values,
    map_columns,
    read_respondents,
    settle,
)
from phakhi.monitoring.survey_services import new_token
from phakhi.monitoring.survey_ties import survey_ties_refresh


@dataclass
class SurveyImport:
    """The import's report (its rows: ``created``/``updated``/``unchanged`` count partner
    reports) and what it did to the round."""

    report: ImportReport
    outcome: SurveyImportOutcome

    def as_json(self) -> dict[str, Any]:
        return {**self.report.as_json(), "survey": asdict(self.outcome)}


def _db(values: Values, flows_json: dict[tuple[str, ...], str]) -> list[Any]:
    """The values as the bulk writes take them; ``flows_json``: each list of flows as JSON,
    made once (a survey has a few dozen)."""
    level, frequency, flows, *ratings = values
    key = tuple(cast(list[str], flows))
    text = flows_json.get(key)
    if text is None:
        text = flows_json[key] = json.dumps(flows)
    return [level, frequency, text, *ratings]


REPORT_COLUMNS = (
    "workspace_id", "respondent_id", "partner_id", "level", "frequency", "flows", *RATINGS,
    "created_at", "updated_at",
)  # fmt: skip
RESPONDENT_COLUMNS = (
    "workspace_id", "survey_id", "actor_id", "token", "comment", "source", "created_at",
    "updated_at",
)  # fmt: skip


def write(
    workspace: Workspace,
    survey: Survey,
    planned: Plan,
    author: audit.Author,
    report: ImportReport,
    outcome: SurveyImportOutcome,
) -> None:
    now = bulk.timestamp()
    flows_json: dict[tuple[str, ...], str] = {}
    clock = time.perf_counter
    started = clock()
    with transaction.atomic():
        locked = Respondent.objects.select_for_update().filter(survey=survey)
        _require_unchanged(load_roster_locked(locked), planned)
        bulk.insert_rows(
            Respondent,
            RESPONDENT_COLUMNS,
            (
                [workspace.pk, survey.pk, actor, new_token(), "", Respondent.Source.WEB, now, now]
                for actor in planned.added
            ),
        )
        ids = dict(Respondent.objects.filter(survey=survey).values_list("actor_id", "id"))
        withdrawn = [ids[actor] for actor in planned.withdrawn]
        bulk.delete_ids(PartnerReport, "respondent_id", withdrawn)
        bulk.delete_ids(ItemScore, "respondent_id", withdrawn)
        bulk.delete_ids(PartnerReport, "id", planned.removed)
        Respondent.objects.filter(id__in=withdrawn).update(
            comment="",
            consented_at=None,
            consent_notice=None,
            submitted_at=None,
            withdrawn_at=timezone.now(),
            updated_at=timezone.now(),
        )
        planned.new.sort()
        bulk.insert_rows(
            PartnerReport,
            REPORT_COLUMNS,
            (
                [workspace.pk, ids[actor], partner, *_db(values, flows_json), now, now]
                for actor, partner, values in planned.new
            ),
        )
        bulk.update_rows(
            PartnerReport,
            [*REPORT_COLUMNS[3:-2], "updated_at"],
            ([*_db(values, flows_json), now, pk] for pk, values in planned.changed),
        )
        Respondent.objects.filter(id__in=[ids[a] for a in planned.answered]).update(
            source=Respondent.Source.IMPORT,
            consented_at=timezone.now(),
            consent_notice=survey.notice_version,
            submitted_at=timezone.now(),
            withdrawn_at=None,
            updated_at=timezone.now(),
        )
        report.timings["write"] = round(clock() - started, 3)
        started = clock()
        # Every tie a report makes, and its confirmation, touches the respondent's actor.
        touched = {*planned.answered, *planned.withdrawn}
        if touched:
            result = survey_ties_refresh(workspace, touched, author=author)
            outcome.ties = {
                "created": result.created,
                "updated": result.updated,
                "deleted": result.deleted,
            }
        report.timings["survey_ties"] = round(clock() - started, 3)
        record_import(
            author, workspace, report, Respondent._meta.label_lower, _events(planned, ids, survey)
        )
        started = clock()
    # PostgreSQL checks the new rows' foreign keys (reports and ties) as the import commits.
    report.timings["commit"] = round(clock() - started, 3)


def load_roster_locked(rows: Any) -> dict[int, tuple[str, bool]]:
    found = rows.values_list("actor_id", "source", "consented_at")
    return {actor: (source, consented is not None) for actor, source, consented in found}


def _require_unchanged(now: dict[int, tuple[str, bool]], planned: Plan) -> None:
    """Stop when a respondent the file names answered on the web (or joined the roster) after
    the import read the round: nothing is written, and importing again judges them anew."""
    for actor in (*planned.answered, *planned.withdrawn):
        source, consented = now.get(actor, (Respondent.Source.WEB, False))
        if consented and source == Respondent.Source.WEB:
            raise ImportFileError(
                _(
                    "“%(key)s” answered on the web while the file was being checked; nothing "
                    "was imported. Import the file again."
                )
                % {"key": planned.keys[actor]}
            )
    if any(actor in now for actor in planned.added):
        raise ImportFileError(
            _("The roster changed while the file was being checked; nothing was imported.")
        )


def _events(
    planned: Plan, ids: dict[int, int], survey: Survey
) -> list[tuple[int, str, dict[str, list[object]], int | None]]:
    """One event per respondent: what happened to their response and how many reports it has —
    never an answer, so that a withdrawal leaves no copy in the trail."""
    events: list[tuple[int, str, dict[str, list[object]], int | None]] = []
    for actor, (before, after) in planned.answered.items():
        changes: dict[str, list[object]] = {
            "response": [None, "import"],
            "reports": [before, after],
        }
        events.append((ids[actor], f"{survey.slug} · {planned.keys[actor]}", changes, None))
    for actor, before in planned.withdrawn.items():
        changes = {"response": [None, "withdraw"], "reports": [before, 0]}
        events.append((ids[actor], f"{survey.slug} · {planned.keys[actor]}", changes, None))
    return events


def import_survey_responses(
    workspace: Workspace,
    open_table: Callable[[], Table],
    report: ImportReport,
    *,
    author: audit.Author,
    survey: Survey,
    outcome: SurveyImportOutcome,
    add_to_roster: bool = False,
    progress: Progress | None = None,
) -> None:
    table = reporting_rows(open_table(), progress)
    report.description = table.description
    fields, ignored = map_columns(table.headers)
    report.name_columns(table, fields)
    report.ignored_columns = ignored
    started = time.perf_counter()
    actors = actor_ids_by_key(workspace.pk)
    keys = {pk: key for key, pk in actors.items()}
    respondents = settle(read_respondents(table, RowParser(fields, actors), report), report)
    roster, stored = load_roster(survey), load_reports(survey)
    planned = plan(respondents, roster, stored, keys, add_to_roster, report, outcome)
    report.timings["read"] = round(time.perf_counter() - started, 3)
    if progress is not None:
        progress("check", report.rows)
    if not report.applying:
        return
    if progress is not None:
        progress("write", report.rows)
    write(workspace, survey, planned, author, report, outcome)
    report.applied = True


def require_importable(survey: Survey) -> None:
    if survey.status == Survey.Status.DRAFT:
        raise ValidationError(
            {
                "survey": _(
                    "The survey “%(name)s” is a draft; open it first, so that its roster is "
                    "the network's members."
                )
                % {"name": survey.name}
            }
        )


def survey_responses_import(
    workspace: Workspace,
    path: Path,
    *,
    survey: Survey,
    add_to_roster: bool = False,
    **options: Any,
) -> SurveyImport:
    """The responses of ``path`` into ``survey`` (open, or closed: paper forms come back late);
    ``options`` as ``phakhi.imports.services.run_import``'s."""
    if survey.workspace_id != workspace.pk:
        raise ValidationError({"survey": _("Choose a survey of this workspace.")})
    require_importable(survey)
    outcome = SurveyImportOutcome(survey.slug)
    report = run_import(
        "survey",
        import_survey_responses,
        workspace,
        path,
        survey=survey,
        outcome=outcome,
        add_to_roster=add_to_roster,
        **options,
    )
    return SurveyImport(report, outcome)
