"""The ties a network survey's answers make (``network-survey``, origin ``survey``).

Each counted report — a respondent's answer about a partner in a response that is submitted and
not withdrawn — is one directed tie from the respondent to the partner, at the level reported,
from the LATEST round (by opening date) in which that respondent named that partner. Its
attributes say which round (``survey``: the round's key), whether the partner named the
respondent in the same round (``confirmed``), how often they work together and what flows
between them. Ratings are never copied to ties: they are survey answers, personal data that
stay in the monitoring app.

:func:`survey_ties_refresh` recomputes the ties touching some actors (or a whole workspace)
from the reports stored now and writes only what differs — the respondents' writes call it for
the respondent's actor, an import once for all its actors. Only ties of kind
``network-survey`` with origin ``survey`` are written: a tie of that kind imported or entered by
hand stays as it is and takes the place of the computed one for its pair. Each refresh that
changed something records one audit event with its counts; each tie changed moves to its next
version."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from phakhi.core import audit, bulk
from phakhi.core.models import AuditEvent, Workspace
from phakhi.monitoring.models import PartnerReport, Survey
from phakhi.ties.models import Origin, Tie
from phakhi.ties.vocabulary import CONFIRMED, SURVEY_ROUND, SURVEYED

FREQUENCY, FLOWS = "frequency", "flows"
# Above this many actors a refresh reads the whole workspace's reports (one query, no long IN).
WHOLE_WORKSPACE = 2_000

Pair = tuple[int, int]


@dataclass
class SurveyTiesResult:
    created: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass(frozen=True)
class Wanted:
    level: int
    attributes: dict[str, Any]


def counted_reports(workspace: Workspace | int) -> Any:
    """The reports that count: of submitted responses that were not withdrawn."""
    return PartnerReport.objects.filter(
        workspace=workspace,
        respondent__submitted_at__isnull=False,
        respondent__withdrawn_at__isnull=True,
    )


def _touching(ids: list[int] | None, source: str, target: str) -> Q:
    if ids is None:
        return Q()
    return Q(**{f"{source}__in": ids}) | Q(**{f"{target}__in": ids})


def wanted_ties(workspace: Workspace | int, ids: list[int] | None) -> dict[Pair, Wanted]:
    """The survey ties the stored reports make, of pairs touching ``ids`` (None: every pair)."""
    rows = (
        counted_reports(workspace)
        .filter(_touching(ids, "respondent__actor_id", "partner_id"))
        .values_list(
            "respondent__actor_id", "partner_id", "respondent__survey_id", "level", "frequency",
            "flows",
        )
    )  # fmt: skip
    # The rounds apart (a few rows), not joined to each of tens of thousands of reports.
    rounds = {
        pk: ((opened or created, pk), slug)
        for pk, slug, opened, created in Survey.objects.filter(workspace=workspace).values_list(
            "id", "slug", "opened_at", "created_at"
        )
    }
    # Both directions of a pair touching ``ids`` touch ``ids``: confirmations are all here.
    reported: set[tuple[int, int, int]] = set()
    latest: dict[Pair, tuple[tuple[dt.datetime, int], str, int, str, list[str]]] = {}
    for actor, partner, survey, level, frequency, flows in rows:
        reported.add((survey, actor, partner))
        when, slug = rounds[survey]
        found = latest.get((actor, partner))
        if found is None or when > found[0]:
            latest[(actor, partner)] = (when, slug, level, frequency, list(flows or []))
    wanted: dict[Pair, Wanted] = {}
    for (actor, partner), ((_when, survey), slug, level, frequency, flows) in latest.items():
        wanted[(actor, partner)] = Wanted(
            level,
            {
                SURVEY_ROUND: slug,
                CONFIRMED: (survey, partner, actor) in reported,
                FREQUENCY: frequency,
                FLOWS: flows,
            },
        )
    return wanted


@dataclass
class StoredTie:
    """What a refresh reads of a stored survey tie (not the whole model: an import reads tens
    of thousands)."""

    pk: int
    origin: str
    strength: int
    attributes: dict[str, Any]
    version: int


def _stored(workspace: Workspace, ids: list[int] | None) -> dict[Pair, StoredTie]:
    ties = Tie.objects.filter(workspace=workspace, kind=SURVEYED, directed=True).filter(
        _touching(ids, "source_id", "target_id")
    )
    rows = ties.values_list(
        "source_id", "target_id", "id", "origin", "strength", "attributes", "version"
    )
    return {(s, t): StoredTie(*values) for s, t, *values in rows.iterator(chunk_size=10_000)}


_INSERTED = (
    "workspace_id", "source_id", "target_id", "kind", "directed", "strength", "origin",
    "attributes", "created_at", "updated_at",
)  # fmt: skip


def _write(workspace: Workspace, new: list[tuple[Pair, Wanted]], changed: list[StoredTie]) -> None:
    """Insert and update through ``core.bulk`` (COPY on PostgreSQL): an import's tens of
    thousands of ties through the ORM's bulk_create and bulk_update took most of a minute."""
    now = bulk.timestamp()
    kind, origin = SURVEYED, str(Origin.SURVEY)
    bulk.insert_rows(
        Tie,
        _INSERTED,
        (
            (workspace.pk, s, t, kind, True, w.level, origin, json.dumps(w.attributes), now, now)
            for (s, t), w in sorted(new, key=lambda item: item[0])
        ),
    )
    bulk.update_rows(
        Tie,
        ["strength", "attributes", "version", "updated_at"],
        (
            (tie.strength, json.dumps(tie.attributes), tie.version + 1, now, tie.pk)
            for tie in sorted(changed, key=lambda tie: tie.pk)
        ),
    )


def survey_ties_refresh(
    workspace: Workspace,
    actor_ids: Iterable[int] | None = None,
    *,
    author: audit.Author | None = None,
) -> SurveyTiesResult:
    """Bring every survey tie touching one of ``actor_ids`` (None: every survey tie of the
    workspace) up to date with the reports as stored now. Call it inside the transaction that
    changed the reports or the responses, with the actors whose answers changed."""
    ids = None if actor_ids is None else sorted({int(pk) for pk in actor_ids})
    if ids is not None and len(ids) > WHOLE_WORKSPACE:
        ids = None
    result = SurveyTiesResult()
    if ids == []:
        return result
    with transaction.atomic():
        wanted = wanted_ties(workspace, ids)
        stored = _stored(workspace, ids)
        changed: list[StoredTie] = []
        gone: list[int] = []
        for pair, tie in stored.items():
            if tie.origin != Origin.SURVEY:
                continue  # imported or entered by hand: theirs
            want = wanted.get(pair)
            if want is None:
                gone.append(tie.pk)
                continue
            attributes = {**tie.attributes, **want.attributes}
            if tie.strength != want.level or tie.attributes != attributes:
                tie.strength, tie.attributes = want.level, attributes
                changed.append(tie)
        new = [(pair, want) for pair, want in wanted.items() if pair not in stored]
        if gone:
            Tie.objects.filter(pk__in=gone).delete()
        _write(workspace, new, changed)
        result = SurveyTiesResult(len(new), len(changed), len(gone))
        if result.changed:
            audit.record(
                author or audit.Author.system("network-survey"),
                AuditEvent.Action.UPDATE,
                workspace=workspace,
                object_type=Tie._meta.label_lower,
                object_repr=_("network-survey ties"),
                changes={
                    "kind": SURVEYED,
                    "actors": len(ids) if ids is not None else None,
                    "created": result.created,
                    "updated": result.updated,
                    "deleted": result.deleted,
                },
                batch=audit.new_batch_id(),
            )
    return result
