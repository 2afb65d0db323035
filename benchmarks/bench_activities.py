"""The activity pages and API at the scale of a national programme: 20,000 activities with
500,000 attendance rows (phakhi.demo.participation_data) among 30,000 actors in 20 networks and
60 projects, over fiscal years 2567–2569 — the data of bench_dashboard.py, in a workspace of
its own.

    .venv/bin/python benchmarks/bench_activities.py [--activities 20000] [--attendance 500000]
        [--repeat 3] [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

Builds its workspace "bench-activities" once per database and keeps it (SQLite under
benchmarks/out/db-activities/; the PostgreSQL database given is a scratch database, recreated
when it lacks the workspace). Each round is one process that requests each page once to warm
up and count its SQL queries, then ``TIMES`` times through Django's test client (middleware,
session, template; as an admin). Figures (ms, p50 and p95 of a round) are the median of the
rounds, printed and written to benchmarks/out/activities-<database>.json.
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
from urllib.parse import urlencode

from bench_databases import database_envs, has_workspace, median_rounds, write_result

ROOT = Path(__file__).resolve().parent.parent
WORKSPACE = "bench-activities"
TIMES = 10


def _build(activities: int, attendance: int) -> None:
    from django.db import connection, transaction

    from phakhi.core.models import Workspace

    if Workspace.objects.filter(slug=WORKSPACE).exists():
        return
    from bench_dashboard import write_data

    with transaction.atomic():
        write_data(WORKSPACE, activities=activities, attendance=attendance)
    with connection.cursor() as cursor:  # fresh statistics for the planner, as after an import
        cursor.execute("ANALYZE")


def _timed(client: Any, url: str) -> tuple[list[float], int, int]:
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
    return seconds, queries, len(response.content)


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"p50": statistics.median(ordered), "p95": ordered[round(0.95 * (len(ordered) - 1))]}


def server_round(activities: int, attendance: int) -> None:
    """Run in the child process: build once, time each page, print the figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import django

    django.setup()
    from bench_dashboard import USER
    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.test import Client

    from phakhi.accounts.services import token_create
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.networks.models import Network
    from phakhi.participation.models import Activity, Attendance

    _build(activities, attendance)
    workspace = Workspace.objects.get(slug=WORKSPACE)
    user = get_user_model().objects.get(username=USER)
    web = Client(HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost")
    web.force_login(user)
    _, token = token_create(Author.system("benchmark"), user)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_HOST="localhost")
    network = Network.objects.get(workspace=workspace, slug="n03")
    busiest = (
        Activity.objects.filter(workspace=workspace)
        .annotate(n=Count("attendances"))
        .order_by("-n", "id")
        .first()
    )
    assert busiest is not None
    regular = (
        Attendance.objects.filter(workspace=workspace)
        .values("actor_id")
        .annotate(n=Count("id"))
        .order_by("-n", "actor_id")
        .first()
    )
    assert regular is not None
    base = f"/w/{WORKSPACE}/activities/"
    v1 = f"/api/v1/workspaces/{WORKSPACE}/activities"
    pages = {
        "list, first page": base,
        "list, page 400 (of 800)": f"{base}?page=400",
        "list, a network": f"{base}?{urlencode({'network': network.pk})}",
        "list, fiscal year 2568": f"{base}?fy=2568",
        "list, a word of the title (เวทีประชาคม)": f"{base}?{urlencode({'q': 'เวทีประชาคม'})}",
        "list, planned 3 achieved 2": f"{base}?planned=3&achieved=2",
        "list, o25 missing": f"{base}?o25=missing",
        "list, all the filters": f"{base}?"
        + urlencode({"network": network.pk, "fy": 2568, "kind": "forum", "planned": 2,
                     "q": "ประชาคม"}),
        f"an activity ({busiest.n} registered)": f"{base}{busiest.pk}/",  # type: ignore[attr-defined]
        "edit form": f"{base}{busiest.pk}/edit/",
        f"an actor's page ({regular['n']} activities)":
            f"/w/{WORKSPACE}/actors/{regular['actor_id']}/",
        "API list, first page": v1,
        "API list, fiscal year 2568 and a network": f"{v1}?fiscal_year=2568&network=n03",
        "API read one": f"{v1}/{busiest.key}",
    }  # fmt: skip
    figures = {}
    for name, url in pages.items():
        client = api if url.startswith("/api/") else web
        seconds, queries, size = _timed(client, url)
        figures[name] = {**_summary(seconds), "queries": queries, "kb": size / 1024}
    sizes = {
        "activities": Activity.objects.filter(workspace=workspace).count(),
        "attendance": Attendance.objects.filter(workspace=workspace).count(),
    }
    print(json.dumps({"figures": figures, "sizes": sizes}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--activities", type=int, default=20_000)
    parser.add_argument("--attendance", type=int, default=500_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", help="URL of a scratch database")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--round", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.round:
        server_round(args.activities, args.attendance)
        return
    for database, env in database_envs("activities", args):
        if database == "postgresql" and not has_workspace(env, WORKSPACE):
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from bench_import import fresh_postgres

            fresh_postgres(args.postgres)
        phakhi = [sys.executable, "-m", "phakhi.cli"]
        subprocess.run([*phakhi, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        round_args = ["--activities", str(args.activities), "--attendance", str(args.attendance)]
        result, sizes = median_rounds(__file__, round_args, env, args.repeat)
        out = write_result("activities", database, sizes, result)
        load = out["load"]
        print(f"{database} ({sizes}), load {load[0]:.1f}:")
        for name, figure in result.items():
            print(f"  {name}: p50 {figure['p50']:.0f} ms, p95 {figure['p95']:.0f} ms, "
                  f"{figure['queries']:.0f} queries, {figure['kb']:.0f} KB")  # fmt: skip


if __name__ == "__main__":
    main()
