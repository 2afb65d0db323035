"""The projects pages and API with as many projects as a large agency runs (DESIGN.md: a
community-development institute with 1,500 projects): server time per request.

    .venv/bin/python benchmarks/bench_projects.py [--projects 1500] [--repeat 5]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

Builds its own workspace "bench-projects" once per database and keeps it (SQLite under
benchmarks/out/db-projects/; the PostgreSQL database given is a scratch database, recreated
when it lacks the workspace): 600 actors, 30 networks, ``--projects`` projects each led by a
network and an actor, and on one project in ten the worksheets a workshop leaves (a stakeholder
analysis of 12 stakeholders, an expansion plan of 6 rows, a lessons session). Each round is one
process that requests every page once to warm up, then times each request 20 times through
Django's test client (middleware, session, the page rendered; as an admin) and counts its SQL
queries. Figures (ms, p50 and p95 of a round) are the median of the rounds, printed and
written to benchmarks/out/projects-<database>.json.
"""

import argparse
import datetime as dt
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
WORKSPACE = "bench-projects"
USER = "bench-projects"
TIMES = 20
WITH_WORKSHEETS = 10  # one project in this many has worksheets


def _build(projects: int) -> None:
    """In the child process: the workspace, once (services, as a user's work would be)."""
    from django.contrib.auth import get_user_model

    from phakhi.accounts.services import member_set
    from phakhi.actors.services import actor_create
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.core.services import workspace_create
    from phakhi.expansion.services import plan_create, plan_row_add
    from phakhi.lessons.services import lesson_session_create
    from phakhi.networks.services import network_create
    from phakhi.projects.services import project_create
    from phakhi.stakeholders.services import assessment_create, stakeholder_add

    if Workspace.objects.filter(slug=WORKSPACE).exists():
        return
    author = Author.system("benchmark")
    workspace = workspace_create(author, slug=WORKSPACE, name="โครงการจำนวนมาก")
    user = get_user_model().objects.create_user(USER, "", None)
    member_set(author, workspace, user, "admin", ())
    kinds = ("organization", "group", "person")
    actors = [
        actor_create(author, workspace, key=f"A-{n:04d}", name=f"ภาคีที่ {n}", kind=kinds[n % 3])
        for n in range(600)
    ]
    networks = [
        network_create(author, workspace, slug=f"n-{n:02d}", name=f"เครือข่ายประเด็นที่ {n}")
        for n in range(30)
    ]
    for n in range(projects):
        project = project_create(
            author,
            workspace,
            slug=f"p-{n:05d}",
            name=f"โครงการพัฒนาชุมชนที่ {n}",
            description="โครงการตัวอย่างสำหรับวัดเวลา",
            network=networks[n % len(networks)],
            lead_actor=actors[n % len(actors)],
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 12, 31),
        )
        if n % WITH_WORKSHEETS:
            continue
        assessment = assessment_create(author, project, held_on=dt.date(2026, 3, 1))
        for k in range(12):
            stakeholder_add(author, assessment, name=f"ผู้มีส่วนได้ส่วนเสีย {k}")
        plan = plan_create(author, project=project, title="แผนการขยายเครือข่ายข้ามประเด็น")
        for k in range(6):
            plan_row_add(author, plan, target_name=f"กลุ่มที่ {k}", read_map=False, new_level=3)
        lesson_session_create(author, workspace, title="ถอดบทเรียน", project=project)


def _timed(client: Any, url: str) -> tuple[list[float], int]:
    from django.db import connection

    queries = 0

    def counted(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    seconds = []
    for _ in range(TIMES):
        start = time.perf_counter()
        client.get(url)
        seconds.append((time.perf_counter() - start) * 1000)
    return seconds, queries


def one_round(projects: int) -> None:
    """Run in the child process: build once, time each request, print the figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from phakhi.accounts.services import token_create
    from phakhi.core.audit import Author

    _build(projects)
    user = get_user_model().objects.get(username=USER)
    web = Client(HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost")
    web.force_login(user)
    _, token = token_create(Author.system("benchmark"), user)
    api = Client(
        HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost"
    )
    base = f"/w/{WORKSPACE}/projects/"
    requests = {
        "list, page 1 (100 projects)": (web, base),
        "list, last page": (web, f"{base}?page=9999"),
        "list, search": (web, f"{base}?q=ที่ 12"),
        "a project's page (with worksheets)": (web, f"{base}p-00000/"),
        "the edit form": (web, f"{base}p-00000/edit/"),
        "API list, 100 a page": (api, f"/api/v1/workspaces/{WORKSPACE}/projects?page_size=100"),
        "API read": (api, f"/api/v1/workspaces/{WORKSPACE}/projects/p-00000"),
    }
    figures = {}
    for name, (client, url) in requests.items():
        seconds, queries = _timed(client, url)
        ordered = sorted(seconds)
        figures[name] = {
            "p50": statistics.median(ordered),
            "p95": ordered[round(0.95 * (len(ordered) - 1))],
            "queries": queries,
        }
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="URL of a scratch database (recreated if needed)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_round(args.one)
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_import import fresh_postgres

    for database, env in database_envs("projects", args):
        if database == "postgresql" and not has_workspace(env, WORKSPACE):
            fresh_postgres(args.postgres)
        migrate = [sys.executable, "-m", "phakhi.cli", "manage", "migrate", "-v0"]
        subprocess.run(migrate, env=env, cwd=ROOT, check=True)
        rounds = []
        for _ in range(args.repeat):
            command = [sys.executable, __file__, "--one", str(args.projects)]
            done = subprocess.run(command, env=env, cwd=ROOT, check=True,
                                  capture_output=True, text=True)  # fmt: skip
            rounds.append(json.loads(done.stdout.strip().splitlines()[-1]))
        result = {
            name: {
                key: round(statistics.median(r[name][key] for r in rounds), 1)
                for key in ("p50", "p95", "queries")
            }
            for name in rounds[0]
        }
        report = {
            "database": database,
            "projects": args.projects,
            "rounds": args.repeat,
            "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
            "python": platform.python_version(),
            "results": result,
        }
        out = ROOT / "benchmarks" / "out" / f"projects-{database}.json"
        out.write_text(json.dumps(report, ensure_ascii=False, indent=1))
        print(f"{database}: {args.projects} projects, median of {args.repeat} rounds (ms)")
        for name, figures in result.items():
            print(f"  {name:38} p50 {figures['p50']:7.1f}  p95 {figures['p95']:7.1f}"
                  f"  queries {figures['queries']:.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
