"""Planning an import of survey responses (``survey_imports``): the round's roster and
reports as stored, and what each respondent of the file changes — or why their rows are
refused (not on the roster, answered on the web, withdrew)."""

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.core.dates import current_language, format_date
from phakhi.imports.report import ImportReport
from phakhi.monitoring.models import PartnerReport, Respondent, Survey
from phakhi.monitoring.models.surveys import RATINGS
from phakhi.monitoring.survey_import_rows import Respondent as FileRespondent
from phakhi.monitoring.survey_import_rows import Values, reject_whole


@dataclass
class SurveyImportOutcome:
    """What the import did to the round, beside the rows' counts of ``ImportReport``
    (``created``/``updated``/``unchanged``: partner reports)."""

    survey: str
    respondents: int = 0  # whose answers the file gives (with consent), imported
    declined: list[str] = field(default_factory=list)  # keys of those without consent
    declined_rows: int = 0  # their rows: rows = created + updated + unchanged + rejected + these
    withdrawn: int = 0  # of the declined, answers imported before that were removed
    reports_removed: int = 0  # partners no longer listed by their respondent
    roster_added: list[str] = field(default_factory=list)  # keys, with add_to_roster
    ties: dict[str, int] = field(default_factory=dict)  # created, updated, deleted


@dataclass
class Stored:
    """A roster entry as the import read it."""

    id: int
    source: str
    consented: bool
    withdrawn_at: Any
    submitted: bool


@dataclass
class Plan:
    new: list[tuple[int, int, Values]] = field(default_factory=list)  # respondent, partner
    changed: list[tuple[int, Values]] = field(default_factory=list)  # report id, values
    removed: list[int] = field(default_factory=list)  # report ids
    answered: dict[int, tuple[int, int]] = field(default_factory=dict)  # actor → reports
    withdrawn: dict[int, int] = field(default_factory=dict)  # actor → reports before
    added: list[int] = field(default_factory=list)  # actors added to the roster
    keys: dict[int, str] = field(default_factory=dict)  # actor → key, for the trail


def load_roster(survey: Survey) -> dict[int, Stored]:
    rows = Respondent.objects.filter(survey=survey).values_list(
        "actor_id", "id", "source", "consented_at", "withdrawn_at", "submitted_at"
    )
    return {
        actor: Stored(pk, source, consented is not None, withdrawn, submitted is not None)
        for actor, pk, source, consented, withdrawn, submitted in rows.iterator(chunk_size=5000)
    }


def load_reports(survey: Survey) -> dict[int, dict[int, tuple[int, Values]]]:
    """The round's reports: respondent id → partner → (report id, values)."""
    stored: dict[int, dict[int, tuple[int, Values]]] = {}
    rows = PartnerReport.objects.filter(respondent__survey=survey).values_list(
        "respondent_id", "partner_id", "id", "level", "frequency", "flows", *RATINGS
    )
    for respondent, partner, pk, *values in rows.iterator(chunk_size=10_000):
        stored.setdefault(respondent, {})[partner] = (pk, tuple(values))
    return stored


def _refusal(key: str, entry: Stored | None, on_roster: bool) -> str:
    """Why a respondent's rows cannot be imported, or ""."""
    if entry is None:
        if on_roster:
            return ""
        return _(
            "“%(key)s” is not on this survey's roster (its network's members); import with "
            "--add-to-roster to add them."
        ) % {"key": key}
    if entry.source == Respondent.Source.WEB and entry.consented:
        return _(
            "“%(key)s” answered this survey on the web; their own answer stands and these "
            "rows are not imported."
        ) % {"key": key}
    if entry.withdrawn_at is not None and not entry.consented:
        return _(
            "“%(key)s” withdrew from this survey on %(date)s; only they can answer again, "
            "through their own link."
        ) % {
            "key": key,
            "date": format_date(timezone.localdate(entry.withdrawn_at), current_language()),
        }
    return ""


def plan(
    respondents: list[FileRespondent],
    roster: dict[int, Stored],
    stored: dict[int, dict[int, tuple[int, Values]]],
    keys: dict[int, str],
    add_to_roster: bool,
    report: ImportReport,
    outcome: SurveyImportOutcome,
) -> Plan:
    planned = Plan()
    adding: set[int] = set()
    for respondent in respondents:
        entry = roster.get(respondent.actor)
        if respondent.declined:
            outcome.declined.append(respondent.key)
            outcome.declined_rows += len(respondent.lines)
            if entry is not None and entry.source == Respondent.Source.IMPORT and entry.consented:
                planned.withdrawn[respondent.actor] = len(stored.get(entry.id, {}))
                planned.keys[respondent.actor] = respondent.key
            continue
        refusal = _refusal(respondent.key, entry, add_to_roster)
        off_roster = {
            partner: line
            for partner, line in respondent.partner_lines.items()
            if partner not in roster and not add_to_roster
        }
        if refusal or off_roster:
            for partner, line in off_roster.items():
                reason = _(
                    "“%(key)s” is not on this survey's roster (its network's members); import "
                    "with --add-to-roster to add them."
                ) % {"key": keys[partner]}
                respondent.problems[line] = [("partner", reason)]
            if off_roster and not refusal:
                refusal = _(
                    "Not imported: line %(line)d of the same respondent was refused, and a "
                    "respondent's answers are imported together."
                ) % {"line": min(off_roster.values())}
            reject_whole(respondent, report, [("respondent", refusal)])
            continue
        for actor in (respondent.actor, *respondent.reports):
            if actor not in roster and actor not in adding:
                adding.add(actor)
                planned.added.append(actor)
        old = stored.get(entry.id, {}) if entry is not None else {}
        changed = _plan_reports(respondent, entry, old, planned, report)
        if changed or entry is None or not entry.consented:
            planned.answered[respondent.actor] = (len(old), len(respondent.reports))
            planned.keys[respondent.actor] = respondent.key
        outcome.respondents += 1
    outcome.roster_added = sorted(keys[actor] for actor in planned.added)
    outcome.withdrawn = len(planned.withdrawn)
    outcome.reports_removed = len(planned.removed)
    return planned


def _plan_reports(
    respondent: FileRespondent,
    entry: Stored | None,
    old: dict[int, tuple[int, Values]],
    planned: Plan,
    report: ImportReport,
) -> bool:
    """Plan the respondent's reports over those stored; whether any changes."""
    changed = False
    for partner, values in respondent.reports.items():
        found = old.get(partner)
        if found is None:
            planned.new.append((respondent.actor, partner, values))
            report.created += 1
            changed = True
        elif found[1] != values:
            planned.changed.append((found[0], values))
            report.updated += 1
            changed = True
        else:
            report.unchanged += 1
    for partner, (pk, _values) in old.items():
        if partner not in respondent.reports:
            planned.removed.append(pk)
            changed = True
    if respondent.no_partner:  # a row that names no partner: an answer too
        new = entry is None or not entry.consented
        report.created += respondent.no_partner if new else 0
        report.unchanged += 0 if new else respondent.no_partner
    return changed
