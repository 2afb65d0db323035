"""The results of a survey round, in the manner of PARTNER (our computation, not PARTNER's own
tool): the response rate, trust and value scores of each member and of the network, the ties
reported in the round (confirmed when both sides named each other), reciprocity.

Only counted responses take part (submitted, not withdrawn). For each report r → p:

- its trust rating is the mean of the three trust ratings r gave p (those given; none given: no
  trust rating); its value rating likewise with the three value ratings;
- an actor's trust is the mean of the trust ratings it received (1–4; None when none), and the
  same for value; ``reported_by`` is how many respondents named it;
- the network's trust is 100 × the mean of all the round's trust ratings / 4 (% of the
  maximum), and the same for value;
- a tie r → p is confirmed when p named r in the same round; ``confirmed_share`` is the share of
  the round's ties that are confirmed;
- reciprocity is, among the pairs of two respondents of which at least one named the other, the
  share where both did (a partner who did not answer cannot reciprocate, so those pairs are
  left out).

Ratings are personal data: what leaves this module per actor is a mean over what the actor
received; who gave which rating is never returned."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

from phakhi.actors.models import Actor
from phakhi.core.selectors import rows as rows_of_query
from phakhi.monitoring.models import PartnerReport, Respondent, Survey
from phakhi.monitoring.vocabulary import TRUST, VALUE

TRUST_FIELDS = tuple(d.field for d in TRUST)
VALUE_FIELDS = tuple(d.field for d in VALUE)
MAXIMUM = 4
# A member's scores given by fewer respondents than this are shown only to those who manage
# the round (who may edit its network): one or two ratings could be read back to who gave them.
FEWEST_SHOWN = 3
# The fields of an actor the results show.
ACTOR_FIELDS = ("id", "key", "name", "kind", "sector", "sort_key")


@dataclass(frozen=True)
class ActorScore:
    actor: Actor
    trust: float | None  # mean 1–4 of the trust ratings received
    value: float | None
    reported_by: int  # respondents who named the actor


def score_shown(score: ActorScore, *, manages: bool) -> bool:
    """Whether a member's trust and value may be shown: to a manager always, to others only
    when at least ``FEWEST_SHOWN`` respondents rated the member."""
    return manages or score.reported_by >= FEWEST_SHOWN


@dataclass(frozen=True)
class SurveyTie:
    source: Actor
    target: Actor
    level: int
    confirmed: bool


@dataclass
class SurveyResults:
    round: Survey
    # respondents (counted), roster, response_rate (0–1), trust and value (% of maximum, 0–100)
    survey: dict[str, Any]
    actors: list[ActorScore] = field(default_factory=list)
    ties: list[SurveyTie] = field(default_factory=list)
    reciprocity: float | None = None  # 0–1
    confirmed_share: float | None = None  # 0–1

    def as_json(self) -> dict[str, Any]:
        """The results as ``phakhi survey results --json`` and the API give them."""
        return {
            "survey": {
                "slug": self.round.slug,
                "name": self.round.name,
                "network": self.round.network.slug,
                "status": self.round.status,
                **{name: _rounded(value) for name, value in self.survey.items()},
                "reciprocity": _rounded(self.reciprocity),
                "confirmed_share": _rounded(self.confirmed_share),
            },
            "actors": [
                {
                    "key": score.actor.key,
                    "name": score.actor.name,
                    "trust": _rounded(score.trust),
                    "value": _rounded(score.value),
                    "reported_by": score.reported_by,
                }
                for score in self.actors
            ],
            "ties": [
                {
                    "source": tie.source.key,
                    "target": tie.target.key,
                    "level": tie.level,
                    "confirmed": tie.confirmed,
                }
                for tie in self.ties
            ],
        }


def _rounded(value: Any) -> Any:
    return round(value, 4) if isinstance(value, float) else value


def _mean(values: list[float]) -> float | None:
    return fmean(values) if values else None


def _rating(given: Sequence[int | None]) -> float | None:
    """The mean of the ratings given (of the three of one dimension); None when none was."""
    total = count = 0
    for value in given:
        if value is not None:
            total += value
            count += 1
    return total / count if count else None


def _percent(ratings: list[float]) -> float | None:
    mean = _mean(ratings)
    return None if mean is None else 100 * mean / MAXIMUM


def survey_results(survey: Survey) -> SurveyResults:
    """The round's results from its counted responses (a few queries, whatever the size)."""
    roster = Respondent.objects.filter(survey=survey)
    counted = roster.filter(submitted_at__isnull=False, withdrawn_at__isnull=True)
    respondents = set(counted.values_list("actor_id", flat=True))
    roster_ids = set(roster.values_list("actor_id", flat=True))
    # Plain rows (6,000 reports in a round of 300 respondents): no per-value converters.
    rows = rows_of_query(
        PartnerReport.objects.filter(respondent__in=counted)
        .order_by("id")
        .values_list("respondent__actor_id", "partner_id", "level", *TRUST_FIELDS, *VALUE_FIELDS)
    )
    pairs = {(row[0], row[1]) for row in rows}
    ids = roster_ids | {pk for pair in pairs for pk in pair}
    actors = {
        actor.pk: actor
        for actor in Actor.objects.filter(pk__in=ids).only(*ACTOR_FIELDS).order_by("sort_key", "id")
    }
    received: dict[int, tuple[list[float], list[float]]] = {pk: ([], []) for pk in actors}
    named: dict[int, int] = dict.fromkeys(actors, 0)
    all_trust: list[float] = []
    all_value: list[float] = []
    ties = []
    for source, target, level, *ratings in rows:
        named[target] += 1
        trust, value = _rating(ratings[:3]), _rating(ratings[3:])
        if trust is not None:
            received[target][0].append(trust)
            all_trust.append(trust)
        if value is not None:
            received[target][1].append(value)
            all_value.append(value)
        ties.append(SurveyTie(actors[source], actors[target], level, (target, source) in pairs))
    dyads = {frozenset(pair) for pair in pairs if set(pair) <= respondents}
    mutual = sum(1 for dyad in dyads if len(dyad) == 2 and _both(dyad, pairs))
    return SurveyResults(
        round=survey,
        survey={
            "respondents": len(respondents),
            "roster": len(roster_ids),
            "response_rate": len(respondents) / len(roster_ids) if roster_ids else None,
            "trust": _percent(all_trust),
            "value": _percent(all_value),
        },
        actors=[
            ActorScore(actor, _mean(received[pk][0]), _mean(received[pk][1]), named[pk])
            for pk, actor in actors.items()
        ],
        ties=ties,
        reciprocity=mutual / len(dyads) if dyads else None,
        confirmed_share=sum(tie.confirmed for tie in ties) / len(ties) if ties else None,
    )


def _both(dyad: frozenset[int], pairs: set[tuple[int, int]]) -> bool:
    one, other = tuple(dyad)
    return (one, other) in pairs and (other, one) in pairs
