"""Import 50,000 survey response rows — 1,000 respondents of a 1,000-member network each naming
50 partners, in Thai words (levels, how often, flows) with the six ratings — into SQLite and
PostgreSQL; then the same file again (nothing changes: an idempotent re-import), then a file
in which a tenth of the answers changed and every respondent dropped one partner.

    .venv/bin/python benchmarks/bench_survey_import.py [--repeat 3]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

Builds its own workspace "bench-survey-import" once per database and keeps it (SQLite under
benchmarks/out/db-survey-import/), with the files under benchmarks/out/survey-import/. Each
round is one process that empties the round's answers and survey ties, then times the three
imports through ``survey_responses_import`` (reading and checking, the writes, the survey ties,
one transaction each). Target: 50,000 rows ≤ 30 s. Figures (seconds) are the median over the
rounds, printed and written to benchmarks/out/survey-import-<database>.json.
"""

import argparse
import csv
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

from bench_databases import database_envs, has_workspace, median_rounds, write_result

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKSPACE, NETWORK, SURVEY = "bench-survey-import", "bench-network", "bench-round"
MEMBERS, PARTNERS = 1_000, 50  # 1,000 respondents × 50 partners = 50,000 rows
FILES = ROOT / "benchmarks" / "out" / "survey-import"
LEVELS = ("รู้จัก", "ประสานความร่วมมือ", "ประสานการทำงาน", "แน่นแฟ้น", "1", "2", "3", "4")
FREQUENCIES = ("ปีละครั้ง", "3 เดือนครั้ง", "เดือนละครั้ง", "สัปดาห์ละครั้ง", "ทุกวัน", "")
FLOWS = ("ข้อมูล", "ข้อมูล; กิจกรรมร่วม", "ทรัพยากร, งบประมาณ", "พี่เลี้ยง", "")
HEADERS = [
    "ผู้ตอบ", "ภาคีที่ทำงานด้วย", "ระดับความสัมพันธ์", "ความถี่", "สิ่งที่แลกเปลี่ยน",
    "การเปิดรับการสื่อสาร", "ความน่าเชื่อถือ", "การสนับสนุนพันธกิจร่วม", "อำนาจและอิทธิพล",
    "ทรัพยากรที่ร่วมสนับสนุน", "ระดับการมีส่วนร่วม", "ความยินยอม",
]  # fmt: skip


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def write_files() -> None:
    """responses.csv (50,000 rows) and changed.csv (a tenth of the answers other, each
    respondent's last partner dropped)."""
    if (FILES / "changed.csv").exists():
        return
    FILES.mkdir(parents=True, exist_ok=True)
    rng = random.Random(15)
    keys = [f"SV-{n:04d}" for n in range(MEMBERS)]
    rows = []
    for respondent in keys:
        for partner in rng.sample([k for k in keys if k != respondent], PARTNERS):
            ratings = [str(rng.choice((1, 2, 3, 4, 4, 3))) if rng.random() > 0.1 else ""
                       for _ in range(6)]  # fmt: skip
            rows.append([respondent, partner, rng.choice(LEVELS), rng.choice(FREQUENCIES),
                         rng.choice(FLOWS), *ratings, "ยินยอม"])  # fmt: skip
    changed = []
    for index, row in enumerate(rows):
        if index % PARTNERS == PARTNERS - 1:
            continue  # the respondent's last partner, dropped
        if rng.random() < 0.1:
            row = [*row[:2], rng.choice(LEVELS[:4]), *row[3:]]
        changed.append(row)
    for name, data in (("responses.csv", rows), ("changed.csv", changed)):
        with (FILES / name).open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows([HEADERS, *data])


def build() -> None:
    """The workspace, its 1,000 members (one network) and the open round."""
    from django.db import transaction

    from phakhi.actors.models import Actor
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.core.services import workspace_create
    from phakhi.monitoring.survey_services import survey_create, survey_open
    from phakhi.networks.models import Membership
    from phakhi.networks.services import network_create

    if Workspace.objects.filter(slug=WORKSPACE).exists():
        return
    author = Author.system("benchmark")
    with transaction.atomic():
        workspace = workspace_create(author, slug=WORKSPACE, name="เครือข่ายทดสอบแบบสำรวจ")
        network = network_create(author, workspace, slug=NETWORK, name="เครือข่ายสุขภาพจังหวัด")
        actors = Actor.objects.bulk_create(
            Actor(workspace=workspace, key=f"SV-{n:04d}", name=f"ภาคีที่ {n:04d}", kind="organization")
            for n in range(MEMBERS)
        )
        Membership.objects.bulk_create(
            Membership(workspace=workspace, network=network, actor=actor) for actor in actors
        )
        survey = survey_create(
            author, workspace, network=network, slug=SURVEY, name="สำรวจเครือข่าย รอบทดสอบ"
        )
        survey_open(author, survey)


def _reset() -> None:
    """The round as it opened: no answers, no survey ties."""
    from django.db import transaction

    from phakhi.core.models import Workspace
    from phakhi.monitoring.models import ItemScore, PartnerReport, Respondent
    from phakhi.ties.models import Tie
    from phakhi.ties.vocabulary import SURVEYED

    workspace = Workspace.objects.get(slug=WORKSPACE)
    with transaction.atomic():
        PartnerReport.objects.filter(workspace=workspace).delete()
        ItemScore.objects.filter(workspace=workspace).delete()
        Respondent.objects.filter(workspace=workspace).update(
            consented_at=None, consent_notice=None, submitted_at=None, withdrawn_at=None,
            source="web", comment="",
        )  # fmt: skip
        Tie.objects.filter(workspace=workspace, kind=SURVEYED).delete()


def one_round() -> dict[str, Any]:
    _setup()
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.monitoring.models import Survey
    from phakhi.monitoring.survey_imports import survey_responses_import

    _reset()
    workspace = Workspace.objects.get(slug=WORKSPACE)
    figures: dict[str, dict[str, float]] = {}
    rows: dict[str, int] = {}
    for step, name, expected in (
        ("import", "responses.csv", "created"),
        ("re-import", "responses.csv", "unchanged"),
        ("changed file", "changed.csv", "updated"),
    ):
        survey = Survey.objects.get(workspace=workspace, slug=SURVEY)
        errors = FILES / f"{Path(name).stem}.errors.csv"
        started = time.perf_counter()
        result = survey_responses_import(
            workspace, FILES / name, survey=survey, author=Author.system("benchmark"),
            errors_path=errors,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        report = result.report
        if report.rejected or not getattr(report, expected):
            sys.exit(f"{step}: {report.as_json()['errors'][:3]}")
        figures[step] = {"seconds": round(seconds, 2), **report.timings}
        rows[step] = report.rows
    sizes = {"rows": rows, "members": MEMBERS, "partners_each": PARTNERS}
    return {"figures": figures, "sizes": sizes}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--round", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", help="URL of a scratch database")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    if args.build:
        _setup()
        build()
        return
    if args.round:
        print(json.dumps(one_round()))
        return
    write_files()
    import subprocess

    for database, env in database_envs("survey-import", args):
        phakhi = [sys.executable, "-m", "phakhi.cli"]
        subprocess.run([*phakhi, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        if not has_workspace(env, WORKSPACE):
            subprocess.run([sys.executable, __file__, "--build"], env=env, cwd=ROOT, check=True)
        figures, sizes = median_rounds(__file__, [], env, args.repeat)
        out = write_result("survey-import", database, sizes, figures)
        print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
