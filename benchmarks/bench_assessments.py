"""A self-assessment at the size of a thorough award application: OPDC's two lists and the
forum's (21 items), every item scored, with 500 pieces of evidence (activities, analysis runs,
web addresses) spread over the items, compared with a final assessment of the year before.

    .venv/bin/python benchmarks/bench_assessments.py [--evidence 500] [--repeat 5]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

Builds its own workspace "bench-assessments" once per database and keeps it (SQLite under
benchmarks/out/db-assessments/). Each round is one process that makes each output once to warm
up (fonts, templates), then times it 3 times: the PDF (WeasyPrint, Sarabun embedded), the XLSX,
the answering page, the result page and the API's read with the comparison (as an admin,
through Django's test client). Figures (ms) are the median over rounds of each round's median,
printed and written to benchmarks/out/assessments-<database>.json.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench_databases import database_envs, has_workspace

ROOT = Path(__file__).resolve().parent.parent
WORKSPACE = "bench-assessments"
USER = "bench-assessments"
TIMES = 3


def _build(evidence: int) -> None:
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.db import transaction

    from phakhi.accounts.services import member_set
    from phakhi.analysis.services import analysis_request
    from phakhi.assessments.models import Evidence
    from phakhi.assessments.selectors import answer_for_item
    from phakhi.assessments.services import answer_set, assessment_create, assessment_finalise
    from phakhi.assessments.templates import TEMPLATES
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.core.services import workspace_create
    from phakhi.participation.models import Activity

    if Workspace.objects.filter(slug=WORKSPACE).exists():
        return
    author = Author.system("benchmark")
    with transaction.atomic():
        workspace = workspace_create(author, slug=WORKSPACE, name="หน่วยงานทดสอบแบบประเมินตนเอง")
        user = get_user_model().objects.create_user(USER, password="bench-assessments-pass")
        member_set(author, workspace, user, "admin")
        activities = Activity.objects.bulk_create(
            Activity(workspace=workspace, key=f"a-{n}",
                     title=f"เวทีประชาคมรับฟังความคิดเห็นประชาชน ครั้งที่ {n} ตำบลหนองบัว",
                     kind="forum", starts_on=dt.date(2025, 1, 1) + dt.timedelta(days=n % 300))
            for n in range(evidence)
        )  # fmt: skip
    runs = [analysis_request(author, workspace, background=False) for _ in range(3)]
    codes = list(TEMPLATES)
    previous = assessment_create(author, workspace, templates=codes, held_on=dt.date(2024, 9, 1))
    for answer in previous.answers.all():
        answer_set(author, answer, score=1 + answer.position % 5)
    assessment_finalise(author, previous)
    now = assessment_create(
        author, workspace, templates=codes, held_on=dt.date(2025, 9, 1),
        respondents="คณะทำงานการบริหารราชการแบบมีส่วนร่วม 12 คน",
    )  # fmt: skip
    answers = list(now.answers.order_by("position"))
    for answer in answers:
        answer_set(author, answer, score=1 + (answer.position * 3) % 5,
                   notes="จัดเวทีรับฟังความคิดเห็นทุกไตรมาส มีรายงานการประชุมและภาพถ่ายประกอบ")  # fmt: skip
    rows = []
    for n, activity in enumerate(activities):
        answer = answers[n % len(answers)]
        rows.append(Evidence(workspace=workspace, answer=answer, kind="activity",
                             activity=activity, label=activity.title))  # fmt: skip
    for n, run in enumerate(runs):
        rows.append(Evidence(workspace=workspace, answer=answers[n], kind="run", run=run,
                             label=f"การวิเคราะห์เครือข่ายครั้งที่ {run.number}"))  # fmt: skip
    Evidence.objects.bulk_create(rows)
    answer_for_item(now, codes[0], "1")  # the lists are there


def _median_ms(make: Any) -> float:
    make()  # warm up
    seconds = []
    for _ in range(TIMES):
        start = time.perf_counter()
        make()
        seconds.append((time.perf_counter() - start) * 1000)
    return statistics.median(seconds)


def server_round(evidence: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import translation

    from phakhi.accounts.services import token_create
    from phakhi.assessments.models import Evidence, SelfAssessment
    from phakhi.core.audit import Author
    from phakhi.worksheets.assessment_files import assessment_file

    _build(evidence)
    translation.activate("th")
    now = SelfAssessment.objects.filter(workspace__slug=WORKSPACE).order_by("-held_on").first()
    assert now is not None
    user = get_user_model().objects.get(username=USER)
    web = Client(HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost")
    web.force_login(user)
    _, token = token_create(Author.system("benchmark"), user)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_HOST="localhost")

    def get(client: Any, url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    pdf = assessment_file(now, "pdf").content
    figures = {
        "PDF": _median_ms(lambda: assessment_file(now, "pdf")),
        "XLSX": _median_ms(lambda: assessment_file(now, "xlsx")),
        "answering page": _median_ms(lambda: get(web, f"/w/{WORKSPACE}/assessments/{now.pk}/")),
        "result page": _median_ms(lambda: get(web, f"/w/{WORKSPACE}/assessments/{now.pk}/result/")),
        "API read with comparison": _median_ms(
            lambda: get(api, f"/api/v1/workspaces/{WORKSPACE}/assessments/{now.pk}")
        ),
    }
    sizes = {
        "items": now.answers.count(),
        "evidence": Evidence.objects.filter(answer__assessment=now).count(),
        "pdf_kb": round(len(pdf) / 1024),
    }
    print(json.dumps({"figures": figures, "sizes": sizes}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--evidence", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="URL of a scratch database")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--round", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.round:
        server_round(args.evidence)
        return
    for database, env in database_envs("assessments", args):
        if database == "postgresql" and not has_workspace(env, WORKSPACE):
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from bench_import import fresh_postgres

            fresh_postgres(args.postgres)
        phakhi = [sys.executable, "-m", "phakhi.cli"]
        subprocess.run([*phakhi, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        rounds = []
        for _ in range(args.repeat):
            run = subprocess.run(
                [sys.executable, __file__, "--round", "--evidence", str(args.evidence)],
                env=env, cwd=ROOT / "benchmarks", capture_output=True, text=True, check=True,
            )  # fmt: skip
            rounds.append(json.loads(run.stdout.strip().splitlines()[-1]))
        names = rounds[0]["figures"]
        figures = {
            name: round(statistics.median(r["figures"][name] for r in rounds), 1) for name in names
        }
        result = {
            "database": database,
            "sizes": rounds[0]["sizes"],
            "median_ms": figures,
            "rounds": len(rounds),
            "load_average": os.getloadavg(),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}",
        }
        out = ROOT / "benchmarks" / "out" / f"assessments-{database}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, ensure_ascii=False, indent=2))
        print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
