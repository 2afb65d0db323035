"""The self-assessment lists over time at the size of a provincial agency after three years:
100 networks, each with 12 final assessments (one a quarter) of all nine lists (72 items each),
and the agency's own 12 — 1,212 assessments, 87,264 answers. Timed: each list's averages over
time for a network (``trend``), the scopes with results, the workspace's and a network's
self-assessment pages and a result page with their charts (as an admin, Django's test client,
Thai), and a survey round's 300 members' scores of all 72 items made into a self-assessment
(``assessment_from_survey``, rolled back each time).

    .venv/bin/python benchmarks/bench_lists.py [--repeat 5]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

Builds its workspace "bench-lists" once per database and keeps it (SQLite under
benchmarks/out/db-lists/). Each round is a fresh process that times each figure 3 times after
one warm-up; the figures (ms) are the median over rounds of each round's median, written to
benchmarks/out/lists-<database>.json.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench_databases import database_envs, has_workspace, median_rounds, write_result

ROOT = Path(__file__).resolve().parent.parent
WORKSPACE = "bench-lists"
USER = "bench-lists"
NETWORKS = 100
SITTINGS = 12  # a quarter each, three years
RESPONDENTS = 300
TIMES = 3


def _build() -> None:
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from phakhi.accounts.services import member_set
    from phakhi.assessments.models import Answer, SelfAssessment
    from phakhi.assessments.templates import TEMPLATES
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.core.services import workspace_create
    from phakhi.networks.models import Network

    if Workspace.objects.filter(slug=WORKSPACE).exists():
        return
    author = Author.system("benchmark")
    chance = random.Random(15)
    codes = list(TEMPLATES)
    items = [(code, item.code) for code in codes for item in TEMPLATES[code].scored_items()]
    with transaction.atomic():
        workspace = workspace_create(author, slug=WORKSPACE, name="หน่วยงานทดสอบแบบประเมินตามเวลา")
        user = get_user_model().objects.create_user(USER, password="bench-lists-pass")
        member_set(author, workspace, user, "admin")
        networks: list[Network | None] = [None]
        networks += Network.objects.bulk_create(
            Network(workspace=workspace, slug=f"network-{n}", name=f"เครือข่ายตำบลที่ {n}")
            for n in range(NETWORKS)
        )  # fmt: skip
        for network in networks:
            made = SelfAssessment.objects.bulk_create(
                SelfAssessment(
                    workspace=workspace, network=network, templates=codes,
                    title=f"การประเมินตนเอง ไตรมาส {q + 1}",
                    held_on=dt.date(2023, 1, 15) + dt.timedelta(days=91 * q),
                    status=SelfAssessment.Status.FINAL, finalised_at=timezone.now(),
                )
                for q in range(SITTINGS)
            )  # fmt: skip
            Answer.objects.bulk_create(
                (
                    Answer(workspace=workspace, assessment=a, template=t, item=i, position=p,
                           score=chance.randint(1, 5))
                    for a in made
                    for p, (t, i) in enumerate(items)
                ),
                batch_size=2000,
            )  # fmt: skip


def _median_ms(make: Any) -> float:
    make()  # warm up
    seconds = []
    for _ in range(TIMES):
        start = time.perf_counter()
        make()
        seconds.append((time.perf_counter() - start) * 1000)
    return statistics.median(seconds)


def server_round() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import datetime as dt

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.test import Client
    from django.utils import translation

    from phakhi.assessments.from_survey import assessment_from_survey
    from phakhi.assessments.models import Answer, SelfAssessment
    from phakhi.assessments.templates import TEMPLATES
    from phakhi.assessments.trends import scopes_with_results, trend
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.networks.models import Network

    _build()
    translation.activate("th")
    workspace = Workspace.objects.get(slug=WORKSPACE)
    network = Network.objects.get(workspace=workspace, slug="network-50")
    latest = SelfAssessment.objects.filter(network=network).order_by("-held_on").first()
    assert latest is not None
    web = Client(HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost")
    web.force_login(get_user_model().objects.get(username=USER))

    def get(url: str) -> None:
        response = web.get(url)
        assert response.status_code == 200, (url, response.status_code)
        assert b'data-chart-type="line"' in response.content, url

    chance = random.Random(30)
    scores = {
        (code, item.code): [chance.randint(1, 5) for _ in range(RESPONDENTS)]
        for code in TEMPLATES
        for item in TEMPLATES[code].scored_items()
    }

    class Undo(Exception):
        pass

    def from_survey() -> None:
        try:
            with transaction.atomic():
                assessment_from_survey(
                    Author.system("benchmark"), workspace=workspace, network=network,
                    held_on=dt.date(2026, 1, 15), templates=list(TEMPLATES), scores=scores,
                    title="แบบสำรวจเครือข่าย",
                )  # fmt: skip
                raise Undo
        except Undo:
            pass

    base = f"/w/{WORKSPACE}/assessments/"
    figures = {
        "trend of a network (12 dates × 9 lists)": _median_ms(lambda: trend(workspace, network)),
        "scopes with results (101)": _median_ms(lambda: scopes_with_results(workspace)),
        "network's self-assessments page": _median_ms(
            lambda: get(f"/w/{WORKSPACE}/networks/{network.slug}/assessments/")
        ),
        "workspace's self-assessments page (50 of 1,212)": _median_ms(lambda: get(base)),
        "result page with the chart": _median_ms(lambda: get(f"{base}{latest.pk}/result/")),
        "survey round to self-assessment (300 × 72 scores)": _median_ms(from_survey),
    }
    sizes = {
        "assessments": SelfAssessment.objects.filter(workspace=workspace).count(),
        "answers": Answer.objects.filter(workspace=workspace).count(),
        "networks": NETWORKS,
    }
    print(json.dumps({"figures": {"ms": figures}, "sizes": sizes}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="URL of a scratch database")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--round", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.round:
        server_round()
        return
    for database, env in database_envs("lists", args):
        built = has_workspace(env, WORKSPACE)
        if database == "postgresql" and not built:
            from bench_import import fresh_postgres

            fresh_postgres(args.postgres)
        phakhi = [sys.executable, "-m", "phakhi.cli"]
        subprocess.run([*phakhi, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        if not built:
            print(f"building {WORKSPACE} on {database} …", file=sys.stderr)
        figures, sizes = median_rounds(__file__, [], env, args.repeat)
        result = write_result("lists", database, sizes, figures)
        print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
