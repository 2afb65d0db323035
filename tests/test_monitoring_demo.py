"""The workshop demo shows monitoring on the organic-farming network: a closed survey round with
answers, scores and the self-assessment it made, a round still open with a response begun,
scorecard snapshots a month apart for half a year (a chart has a line to draw), and the risk
alerts checked."""

from phakhi.assessments.models import SelfAssessment
from phakhi.core.models import Workspace
from phakhi.demo.services import demo_load
from phakhi.monitoring.models import Alert, Respondent, Snapshot, Survey
from phakhi.monitoring.survey_results import survey_results
from phakhi.ties.models import Origin, Tie
from phakhi.ties.vocabulary import SURVEY_ROUND, SURVEYED


def test_the_demo_network_is_surveyed_scored_over_time_and_checked(db, author):
    demo_load(author, size="workshop", seed=1, slug="demo")
    workspace = Workspace.objects.get(slug="demo")
    closed = Survey.objects.get(workspace=workspace, status="closed")
    results = survey_results(closed)
    figures = results.survey
    assert 0.5 <= figures["response_rate"] < 1  # some members did not answer
    assert figures["trust"] is not None and figures["value"] is not None
    assert any(tie.confirmed for tie in results.ties) and not all(t.confirmed for t in results.ties)
    from_round = Tie.objects.filter(workspace=workspace, origin=Origin.SURVEY, kind=SURVEYED)
    assert from_round.filter(**{f"attributes__{SURVEY_ROUND}": closed.slug}).count() == len(
        results.ties
    )
    made = SelfAssessment.objects.get(pk=closed.self_assessment_id)
    assert made.answered_by == SelfAssessment.AnsweredBy.SURVEY
    assert made.answers.filter(score__isnull=False).exists()

    open_round = Survey.objects.get(workspace=workspace, status="open")
    answers = Respondent.objects.filter(survey=open_round)
    assert answers.filter(submitted_at__isnull=False).exists()
    assert answers.filter(consented_at__isnull=False, submitted_at__isnull=True).exists()

    network = closed.network
    dates = list(Snapshot.objects.filter(network=network).values_list("on", flat=True))
    assert len(dates) == 6 and len(set(dates)) == 6
    assert Snapshot.objects.filter(workspace=workspace, network__isnull=True).count() == 6
    assert Alert.objects.filter(workspace=workspace, status="open").exists()
