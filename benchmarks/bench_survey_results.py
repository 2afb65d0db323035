"""A round of the issue's size — a 500-member network, 300 respondents each naming 20 partners
with level, how often, flows and the six ratings (6,000 reports) — on SQLite and PostgreSQL:
the round's results, the results through the API, a respondent's list saved and submitted (the
survey ties touching them refreshed in the same transaction), a withdrawal, and every survey
tie of the workspace checked again.

    .venv/bin/python benchmarks/bench_survey_results.py [--repeat 5]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

Builds its own workspace "bench-survey-results" once per database and keeps it (SQLite under
benchmarks/out/db-survey-results/). Each round is one process that does each operation once to
warm up, then times it 3 times and keeps the median; a withdrawal is timed on a respondent
who answers again afterwards (untimed), so every round starts from the same answers. Figures
(ms) are the median over the rounds, printed and written to
benchmarks/out/survey-results-<database>.json. Targets: results ≤ 500 ms, a respondent's
save and submit ≤ 300 ms.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench_databases import database_envs, has_workspace, median_rounds, write_result

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKSPACE, NETWORK, SURVEY, USER = "bench-survey-results", "bench-network", "bench-round", "bsr"
MEMBERS, RESPONDENTS, PARTNERS = 500, 300, 20
TIMES = 3


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def _answers(rng: random.Random, partners: list[Any]) -> list[Any]:
    from phakhi.monitoring.survey_responses import ReportInput

    def rating() -> int | None:
        return rng.choice((None, 1, 2, 3, 3, 4, 4))

    return [
        ReportInput(
            partner,
            rng.randint(1, 4),
            frequency=rng.choice(("yearly", "quarterly", "monthly", "weekly", "")),
            flows=rng.sample(["information", "resources", "joint-activity", "funding"], 2),
            trust_openness=rating(),
            trust_reliability=rating(),
            trust_mission=rating(),
            value_power=rating(),
            value_resources=rating(),
            value_involvement=rating(),
        )
        for partner in partners
    ]


def _answer(respondent: Any, actors: list[Any], seed: int) -> None:
    from phakhi.monitoring.survey_responses import (
        response_consent,
        response_reports_set,
        response_submit,
    )

    rng = random.Random(seed)
    others = [a for a in actors if a.pk != respondent.actor_id]
    respondent = response_consent(respondent, notice_version=respondent.survey.notice_version)
    response_reports_set(respondent, _answers(rng, rng.sample(others, PARTNERS)))
    response_submit(respondent, comment="ทำงานร่วมกันดี")


def build() -> None:
    from django.contrib.auth import get_user_model

    from phakhi.accounts.services import member_set
    from phakhi.actors.models import Actor
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.core.services import workspace_create
    from phakhi.core.thai import name_key, sort_key
    from phakhi.monitoring.models import Respondent
    from phakhi.monitoring.survey_services import survey_create, survey_open
    from phakhi.networks.models import Membership
    from phakhi.networks.services import network_create

    if Workspace.objects.filter(slug=WORKSPACE).exists():
        return
    author = Author.system("benchmark")
    workspace = workspace_create(author, slug=WORKSPACE, name="หน่วยงานทดสอบผลแบบสำรวจ")
    user = get_user_model().objects.create_user(USER, password="bench-survey-results-pass")
    member_set(author, workspace, user, "admin")
    network = network_create(author, workspace, slug=NETWORK, name="เครือข่ายทดสอบ")
    names = [f"ภาคีทดสอบ {n:03d} ตำบลหนองบัว" for n in range(MEMBERS)]
    actors = Actor.objects.bulk_create(
        Actor(workspace=workspace, key=f"BS-{n:03d}", name=name, name_key=name_key(name),
              sort_key=sort_key(name_key(name)), kind="organization",
              sector=("civil", "academic", "government")[n % 3])
        for n, name in enumerate(names)
    )  # fmt: skip
    Membership.objects.bulk_create(
        Membership(workspace=workspace, network=network, actor=actor) for actor in actors
    )
    survey = survey_open(
        author, survey_create(author, workspace, network=network, slug=SURVEY, name="รอบทดสอบ")
    )
    respondents = Respondent.objects.filter(survey=survey).select_related("survey")
    for n, respondent in enumerate(respondents.order_by("actor_id")[:RESPONDENTS]):
        _answer(respondent, actors, n)


def _median_ms(make: Any, after: Any = None) -> float:
    make()  # warm up
    if after:
        after()
    seconds = []
    for _ in range(TIMES):
        start = time.perf_counter()
        make()
        seconds.append((time.perf_counter() - start) * 1000)
        if after:
            after()
    return statistics.median(seconds)


def one_round() -> None:
    _setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from phakhi.accounts.services import token_create
    from phakhi.actors.models import Actor
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.monitoring.models import PartnerReport, Respondent, Survey
    from phakhi.monitoring.survey_responses import (
        response_reports_set,
        response_submit,
        response_withdraw,
    )
    from phakhi.monitoring.survey_results import survey_results
    from phakhi.monitoring.survey_ties import survey_ties_refresh

    build()
    workspace = Workspace.objects.get(slug=WORKSPACE)
    survey = Survey.objects.get(workspace=workspace, slug=SURVEY)
    actors = list(Actor.objects.filter(workspace=workspace).order_by("id"))
    answered = list(
        Respondent.objects.filter(survey=survey, submitted_at__isnull=False)
        .select_related("survey")
        .order_by("actor_id")
    )
    one, other = answered[0], answered[1]
    partners = list(one.reports.select_related("partner").order_by("partner_id"))
    # Two versions of the same 20 partners' answers, saved in turn: every save changes them.
    versions = [_answers(random.Random(seed), [r.partner for r in partners]) for seed in (0, 1)]
    saves = [0]
    _, token = token_create(Author.system("benchmark"), get_user_model().objects.get(username=USER))
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_HOST="localhost")

    def results_api() -> None:
        url = f"/api/v1/workspaces/{WORKSPACE}/surveys/{SURVEY}/results"
        assert api.get(url).status_code == 200

    def save_and_submit() -> None:
        saves[0] += 1
        response_reports_set(one, versions[saves[0] % 2])
        response_submit(one, comment="ทำงานร่วมกันดี")

    figures = {
        "ms": {
            "results": _median_ms(lambda: survey_results(survey)),
            "results through the API": _median_ms(results_api),
            "save 20 partners' changed answers and submit": _median_ms(save_and_submit),
            "withdraw": _median_ms(
                lambda: response_withdraw(other), lambda: _answer(other, actors, 1)
            ),
            "every survey tie checked (none changed)": _median_ms(
                lambda: survey_ties_refresh(workspace)
            ),
        }
    }
    sizes = {
        "members": Respondent.objects.filter(survey=survey).count(),
        "respondents": len(answered),
        "reports": PartnerReport.objects.filter(respondent__survey=survey).count(),
        "survey ties": len(survey_results(survey).ties),
    }
    print(json.dumps({"figures": figures, "sizes": sizes}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="URL of a scratch database")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--round", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.round:
        one_round()
        return
    import subprocess

    for database, env in database_envs("survey-results", args):
        if database == "postgresql" and not has_workspace(env, WORKSPACE):
            from bench_import import fresh_postgres

            fresh_postgres(args.postgres)
        phakhi = [sys.executable, "-m", "phakhi.cli"]
        subprocess.run([*phakhi, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        figures, sizes = median_rounds(__file__, [], env, args.repeat)
        result = write_result("survey-results", database, sizes, figures)
        print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
