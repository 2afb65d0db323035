"""Network surveys when two actors are merged (``phakhi.imports.merge``).

The merge moves every record naming the merged actor to the kept one; where the kept actor is
already named in the same place — both on one round's roster, or one respondent naming both as
partners — the merged actor's record goes. For a roster that would drop a response whenever the
kept actor's own row was the emptier one, so before the move (:func:`before_merge`) the row
with the fuller response stays: a response that counts over a draft, a draft over nothing, the
later one between equals. After the move (:func:`after_merge`) a report the merge turned into a
member naming themselves goes, and the survey ties touching the kept actor are counted again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from phakhi.monitoring.models import PartnerReport, Respondent
from phakhi.monitoring.survey_ties import survey_ties_refresh

if TYPE_CHECKING:
    import datetime as dt

    from phakhi.actors.models import Actor
    from phakhi.core.audit import Author


def _fullness(respondent: Respondent) -> tuple[int, dt.datetime | None]:
    if respondent.submitted_at is not None and respondent.withdrawn_at is None:
        return 3, respondent.submitted_at
    if respondent.consented_at is not None:
        return 2, respondent.consented_at
    if respondent.withdrawn_at is not None:
        return 1, respondent.withdrawn_at  # asked that nothing be kept: keep that wish
    return 0, None


def _later(one: dt.datetime | None, other: dt.datetime | None) -> bool:
    return one is not None and (other is None or one > other)


def before_merge(kept: Actor, merged: Actor, author: Author) -> None:
    """Where both actors are on one round's roster, keep the fuller response: when it is the
    merged actor's, the kept actor's row goes now and the merge moves the merged one's."""
    mine = {r.survey_id: r for r in Respondent.objects.filter(actor=kept)}
    if not mine:
        return
    emptier = []
    for theirs in Respondent.objects.filter(actor=merged, survey_id__in=list(mine)):
        own = mine[theirs.survey_id]
        (own_rank, own_at), (their_rank, their_at) = _fullness(own), _fullness(theirs)
        if their_rank > own_rank or (their_rank == own_rank and _later(their_at, own_at)):
            emptier.append(own.pk)
    if emptier:
        Respondent.objects.filter(pk__in=emptier).delete()


def after_merge(kept: Actor, merged_id: int, author: Author) -> None:
    """No member names themselves; the kept actor's survey ties as its reports now say."""
    PartnerReport.objects.filter(respondent__actor=kept, partner=kept).delete()
    survey_ties_refresh(kept.workspace, {kept.pk}, author=author)
