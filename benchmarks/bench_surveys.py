"""A network survey at the issue's size: a network of 500 members surveyed, 300 of them have
answered (8 partners each, rated, sent). Measures the pages a phone and a coordinator open.

    .venv/bin/python benchmarks/bench_surveys.py [--members 500] [--respondents 300]
        [--partners 8] [--repeat 5]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

Builds its own workspace "bench-surveys" once per database and keeps it (SQLite under
benchmarks/out/db-surveys/): the members (Thai names and titles, kinds, sectors, provinces), the
network, an open round whose roster is every member, and the answers — stored in bulk, then the
survey ties made once by ``survey_ties_refresh``, as the answers' own services would have left
them. Each round is one process that opens each page once to warm up, then times it 3 times
through Django's test client, in Thai:

- the partner list (``/s/<token>/partners/``): the 499 other members a respondent ticks from,
  for one who answered (their 8 ticked) — the issue's "roster page … on a phone-sized page",
  ≤ 300 ms;
- the same list searched without scripts (``?q=`` with part of a name);
- the cards of the 8 partners (``/s/<token>/about/``), and the notice;
- the coordinator's page of the round with its roster of 500 and each member's status
  (``/w/bench-surveys/surveys/round-1/``, the survey-pages area's).

Figures are the median over rounds of each round's median: wall-clock ms, the process's CPU ms
(what the page costs whatever else the machine does) and the page's size (kB); printed and
written to benchmarks/out/surveys-<database>.json with the machine's load.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench_databases import database_envs, has_workspace, median_rounds, write_result

ROOT = Path(__file__).resolve().parent.parent
WORKSPACE = "bench-surveys"
USER = "bench-surveys"
TIMES = 3
LIMIT_MS = 300
GIVEN = ["สมชาย", "สมศรี", "กาญจนา", "วิชัย", "อรุณี", "ประเสริฐ", "บุญมี", "จันทร์เพ็ญ", "สุดา",
         "ธนากร", "พรทิพย์", "อำนาจ", "นิภา", "สมบัติ", "ลำดวน", "เกษม"]  # fmt: skip
FAMILY = ["ใจดี", "มีสุข", "ทองสุข", "แสงทอง", "พูลผล", "ศรีสุข", "บุญเรือง", "สุขสม", "ดีมาก",
          "รักษ์ไทย", "คำแก้ว", "ชัยมงคล"]  # fmt: skip
TITLES = ["นาย", "นางสาว", "นาง", "ดร.", "ผศ."]
GROUPS = ["กลุ่มเกษตรกร", "ชมรมผู้สูงอายุ", "วิสาหกิจชุมชน", "โรงเรียน", "องค์การบริหารส่วนตำบล"]
PLACES = ["บ้านหนองแดง", "บ้านนาแก้ว", "บ้านโนนสูง", "ตำบลหนองบัว", "บ้านดอนตาล"]
PROVINCES = ["ขอนแก่น", "นครพนม", "เชียงใหม่", "กรุงเทพมหานคร", "นครราชสีมา"]


def _name(n: int) -> tuple[str, str]:
    if n % 5 == 4:
        return f"{GROUPS[n % len(GROUPS)]}{PLACES[(n // 5) % len(PLACES)]} {n}", "group"
    given, family = GIVEN[n % len(GIVEN)], FAMILY[(n // len(GIVEN)) % len(FAMILY)]
    return f"{TITLES[n % len(TITLES)]}{given} {family} {n}", "person"


def _build(members: int, respondents: int, partners: int) -> None:
    import random

    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from phakhi.accounts.services import member_set
    from phakhi.actors.models import Actor
    from phakhi.actors.services import actor_create
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.core.services import workspace_create
    from phakhi.monitoring.models import PartnerReport, Respondent
    from phakhi.monitoring.survey_services import survey_create, survey_open
    from phakhi.monitoring.survey_ties import survey_ties_refresh
    from phakhi.networks.models import Membership
    from phakhi.networks.services import network_create

    if Workspace.objects.filter(slug=WORKSPACE).exists():
        return
    author = Author.system("benchmark")
    sectors = ["civil", "academic", "government"]
    with transaction.atomic():
        workspace = workspace_create(author, slug=WORKSPACE, name="หน่วยงานทดสอบแบบสำรวจเครือข่าย")
        user = get_user_model().objects.create_user(USER, password="bench-surveys-pass")
        member_set(author, workspace, user, "admin")
        network = network_create(author, workspace, slug="province", name="เครือข่ายภาคีจังหวัด")
        actors = []
        for n in range(members):
            name, kind = _name(n)
            actors.append(
                actor_create(author, workspace, key=f"m-{n}", name=name, kind=kind,
                             sector=sectors[n % 3], province=PROVINCES[n % len(PROVINCES)])
            )  # fmt: skip
        Membership.objects.bulk_create(
            Membership(workspace=workspace, network=network, actor=actor) for actor in actors
        )
    survey = survey_create(author, workspace, network=network, slug="round-1",
                           name="สำรวจความสัมพันธ์เครือข่าย รอบที่ 1",
                           purpose="เพื่อรู้ว่าภาคีทำงานร่วมกันอย่างไร")  # fmt: skip
    survey = survey_open(author, survey)
    rng = random.Random(15)
    now = timezone.now()
    ids = [actor.pk for actor in actors]
    with transaction.atomic():
        answered = list(
            Respondent.objects.filter(survey=survey).order_by("actor__key")[:respondents]
        )
        reports = []
        for respondent in answered:
            others = [pk for pk in ids if pk != respondent.actor_id]
            for partner in rng.sample(others, partners):
                trust, value = rng.randint(1, 4), rng.randint(1, 4)
                reports.append(
                    PartnerReport(workspace=workspace, respondent=respondent, partner_id=partner,
                                  level=rng.randint(1, 4), frequency="monthly",
                                  flows=["information"], trust_openness=trust,
                                  trust_reliability=trust, trust_mission=trust,
                                  value_power=value, value_resources=value,
                                  value_involvement=value)
                )  # fmt: skip
            respondent.consented_at = respondent.submitted_at = now
            respondent.consent_notice = survey.notice_version
        Respondent.objects.bulk_update(answered, ["consented_at", "consent_notice", "submitted_at"])
        PartnerReport.objects.bulk_create(reports, batch_size=1000)
        survey_ties_refresh(workspace, None, author=author)
    assert Actor.objects.filter(workspace=workspace).count() == members


def _median_ms(make: Any) -> tuple[float, float]:
    """The median wall-clock and CPU time (ms) of ``make``: the CPU time of this process is
    what the page costs whatever else the machine is doing."""
    make()  # warm up
    wall, cpu = [], []
    for _ in range(TIMES):
        start, start_cpu = time.perf_counter(), time.process_time()
        make()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def server_round(members: int, respondents: int, partners: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from phakhi.monitoring.models import Respondent

    _build(members, respondents, partners)
    answered = (
        Respondent.objects.filter(survey__workspace__slug=WORKSPACE, submitted_at__isnull=False)
        .order_by("actor__key")
        .first()
    )
    assert answered is not None
    phone = Client(HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost")
    coordinator = Client(HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost")
    coordinator.force_login(get_user_model().objects.get(username=USER))
    link = f"/s/{answered.token}/"
    pages = {
        "partner list": (phone, link + "partners/"),
        "partner list searched": (phone, link + "partners/?q=สมศรี"),
        "cards of the partners": (phone, link + "about/"),
        "notice": (phone, link + "?read=1"),
        "coordinator's round with its roster": (coordinator, f"/w/{WORKSPACE}/surveys/round-1/"),
    }
    sizes: dict[str, Any] = {
        "members": members,
        "respondents": Respondent.objects.filter(
            survey__workspace__slug=WORKSPACE, submitted_at__isnull=False
        ).count(),
        "partners each": partners,
    }
    figures: dict[str, dict[str, float]] = {}
    for name, (client, url) in pages.items():

        def get(client: Any = client, url: str = url) -> int:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return len(response.content)

        size = get()
        wall, cpu = _median_ms(get)
        figures[name] = {"ms": round(wall, 1), "cpu_ms": round(cpu, 1), "kB": round(size / 1024, 1)}
    print(json.dumps({"figures": figures, "sizes": sizes}, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--respondents", type=int, default=300)
    parser.add_argument("--partners", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="URL of a scratch database")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--round", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [str(args.members), str(args.respondents), str(args.partners)]
    if args.round:
        server_round(args.members, args.respondents, args.partners)
        return
    failed = False
    for database, env in database_envs("surveys", args):
        if database == "postgresql" and not has_workspace(env, WORKSPACE):
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from bench_import import fresh_postgres

            fresh_postgres(args.postgres)
        phakhi = [sys.executable, "-m", "phakhi.cli"]
        subprocess.run([*phakhi, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        round_args = ["--members", *sizes[:1], "--respondents", sizes[1], "--partners", sizes[2]]
        figures, found = median_rounds(__file__, round_args, env, args.repeat)
        result = write_result("surveys", database, found, figures)
        print(json.dumps(result, ensure_ascii=False, indent=2))
        failed |= figures["partner list"]["ms"] > LIMIT_MS
    if failed:
        sys.exit(f"The partner list took more than {LIMIT_MS} ms.")


if __name__ == "__main__":
    main()
