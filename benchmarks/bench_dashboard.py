"""The participation dashboard at the scale of a national programme: 20,000 activities with
500,000 attendance rows (phakhi.demo.participation_data) among 30,000 actors in 20 networks and
60 projects, over fiscal years 2567–2569.

    .venv/bin/python benchmarks/bench_dashboard.py [--activities 20000] [--attendance 500000]
        [--repeat 3] [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

Builds its own workspace "bench-dashboard" once per database and keeps it (SQLite under
benchmarks/out/db-dashboard/; the PostgreSQL database given is a scratch database, recreated
when it lacks the workspace). The rows are written in bulk with the ORM (the import is measured
by bench_import.py): activities with their levels, public head counts, satisfaction and — for
two thirds of the consultations and above — their o25 items; attendance as generated.

Each round is one process that computes each dashboard once to warm up, then ``TIMES`` times —
the selectors alone (``participation_dashboard``) and the whole page through Django's test
client (middleware, session, template; as an admin), counting SQL queries. Figures (ms, p50
and p95 of a round's wall-clock times, and the median CPU time of this process) are the median
of the rounds, printed and written to benchmarks/out/dashboard-<database>.json.
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
WORKSPACE = "bench-dashboard"
USER = "bench-dashboard"
TIMES = 5
NETWORKS = 20
PROJECTS = 60


def write_data(
    slug: str, *, activities: int, attendance: int, actors: int = 30_000, seed: int = 1
) -> None:
    """A workspace ``slug`` with ``actors`` actors (one in ten an organisation, half the people
    working for one), each a member of one of 20 networks, and the generated activities and
    attendance, written in bulk."""
    import datetime as dt

    import numpy as np
    from django.contrib.auth import get_user_model

    from phakhi.accounts.services import member_set
    from phakhi.actors.models import Actor
    from phakhi.core.audit import Author
    from phakhi.core.services import workspace_create
    from phakhi.core.thai import sort_key, word_key
    from phakhi.demo.participation_data import participation_data
    from phakhi.networks.models import Membership, Network
    from phakhi.participation.models import Activity, Attendance
    from phakhi.projects.models import Project

    rng = np.random.default_rng(seed)
    author = Author.system("benchmark")
    workspace = workspace_create(author, slug=slug, name="แผนงานระดับชาติ")
    user = get_user_model().objects.filter(username=USER).first()
    if user is None:
        user = get_user_model().objects.create_user(USER, password="bench-dashboard-pass-5")
    member_set(author, workspace, user, "admin")
    networks = Network.objects.bulk_create(
        Network(workspace=workspace, slug=f"n{n:02d}", name=f"เครือข่ายจังหวัด {n:02d}")
        for n in range(NETWORKS)
    )
    projects = Project.objects.bulk_create(
        Project(workspace=workspace, slug=f"p{n:02d}", name=f"โครงการ {n:02d}",
                network=networks[n % NETWORKS])
        for n in range(PROJECTS)
    )  # fmt: skip
    sectors = rng.choice(["civil", "academic", "government", ""], size=actors,
                         p=[0.55, 0.15, 0.25, 0.05])  # fmt: skip
    rows = []
    for n in range(actors):
        kind = "organization" if n % 10 == 0 else "person"
        name = f"{'องค์กร' if kind == 'organization' else 'ภาคี'} {n:05d}"
        rows.append(Actor(workspace=workspace, key=f"A{n:05d}", name=name, kind=kind,
                          sector=str(sectors[n]), name_key=word_key(name),
                          sort_key=sort_key(word_key(name))))  # fmt: skip
    made = Actor.objects.bulk_create(rows, batch_size=2000)
    # Half the people work for the organisation listed before them (actors are listed by area).
    updates = []
    for i, actor in enumerate(made):
        if i % 10 and i % 2:
            actor.organization_id = made[i - i % 10].pk
            updates.append(actor)
    Actor.objects.bulk_update(updates, ["organization"], batch_size=2000)
    since = dt.date(2022, 1, 1)
    Membership.objects.bulk_create(
        (Membership(workspace=workspace, network=networks[i * NETWORKS // actors], actor=actor,
                    since=since)
         for i, actor in enumerate(made)),
        batch_size=2000,
    )  # fmt: skip
    data = participation_data(
        [a.key for a in made],
        activities=activities,
        attendance=attendance,
        seed=seed,
        networks=[n.slug for n in networks],
        projects=[p.slug for p in projects],
    )
    network_ids = {n.slug: n.pk for n in networks}
    project_ids = {p.slug: p.pk for p in projects}
    public = rng.integers(0, 40, size=(activities, 4)) * (rng.random((activities, 1)) < 0.4)
    satisfaction = np.round(rng.uniform(2.5, 5.0, size=activities), 2)
    published = rng.random(activities) < 0.66
    objects = []
    for i, row in enumerate(data.activities):
        planned = int(row["iap2_planned"]) if row["iap2_planned"] else None
        achieved = int(row["iap2_achieved"]) if row["iap2_achieved"] else None
        o25 = "สรุปไว้ในรายงาน" if published[i] else ""
        objects.append(Activity(
            workspace=workspace, key=row["key"], title=row["title"], kind=row["kind"],
            starts_on=dt.date.fromisoformat(row["start"]),
            ends_on=dt.date.fromisoformat(row["end"]) if row["end"] else None,
            project_id=project_ids[row["project"]], iap2_planned=planned, iap2_achieved=achieved,
            o25_issue=o25 or ("ประเด็น" if i % 3 == 0 else ""), o25_participants=o25,
            o25_results=o25, o25_results_used=o25,
            public_civil=int(public[i, 0]), public_academic=int(public[i, 1]),
            public_government=int(public[i, 2]), public_unknown=int(public[i, 3]),
            satisfaction=float(satisfaction[i]) if i % 4 else None,
        ))  # fmt: skip
    created = Activity.objects.bulk_create(objects, batch_size=2000)
    through = Activity.networks.through
    through.objects.bulk_create(
        (through(activity_id=a.pk, network_id=network_ids[row["network"]])
         for a, row in zip(created, data.activities, strict=True)),
        batch_size=5000,
    )  # fmt: skip
    activity_ids = {a.key: a.pk for a in created}
    actor_ids = {a.key: a.pk for a in made}
    Attendance.objects.bulk_create(
        (Attendance(workspace=workspace, activity_id=activity_ids[row["activity"]],
                    actor_id=actor_ids[row["actor"]], role=row["role"], source="import")
         for row in data.attendance),
        batch_size=5000,
    )  # fmt: skip


def _build(activities: int, attendance: int) -> None:
    from django.db import transaction

    from phakhi.core.models import Workspace

    if Workspace.objects.filter(slug=WORKSPACE).exists():
        return
    with transaction.atomic():
        write_data(WORKSPACE, activities=activities, attendance=attendance)
    from django.db import connection

    with connection.cursor() as cursor:  # fresh statistics for the planner, as after an import
        cursor.execute("ANALYZE")


def _counted(call: Any) -> tuple[Any, int]:
    from django.db import connection

    queries = 0

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        result = call()
    return result, queries


def _timed(call: Any) -> tuple[list[float], list[float], int]:
    """Wall-clock and this process's CPU milliseconds of each call: on a busy machine the CPU
    time is the better guess of a quiet machine's wall time (on SQLite the database's work is
    in this process; on PostgreSQL it is in the server's and not counted)."""
    _, queries = _counted(call)
    seconds, cpu = [], []
    for _ in range(TIMES):
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        seconds.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return seconds, cpu, queries


def _summary(values: list[float], cpu: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "p50": statistics.median(ordered),
        "p95": ordered[round(0.95 * (len(ordered) - 1))],
        "cpu": statistics.median(cpu),
    }


def server_round(activities: int, attendance: int) -> None:
    """Run in the child process: build once, time each dashboard, print the figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.test import Client

    from phakhi.core.models import Workspace
    from phakhi.core.periods import Period
    from phakhi.networks.models import Network
    from phakhi.participation.dashboard import Subject, participation_dashboard
    from phakhi.participation.models import Activity, Attendance
    from phakhi.projects.models import Project

    _build(activities, attendance)
    workspace = Workspace.objects.get(slug=WORKSPACE)
    network = Network.objects.get(workspace=workspace, slug="n03")
    project = Project.objects.get(workspace=workspace, slug="p07")
    fy = Period.fiscal(2568)
    everything = Period.between(dt.date(2023, 10, 1), dt.date(2026, 9, 30))
    today = dt.date(2026, 9, 30)
    selectors = {
        "workspace, FY 2568": (Subject(workspace), fy),
        "workspace, all three years": (Subject(workspace), everything),
        "network, FY 2568": (Subject(workspace, network=network), fy),
        "project, FY 2568": (Subject(workspace, project=project), fy),
    }
    figures: dict[str, dict[str, float]] = {}
    for name, (subject, period) in selectors.items():
        seconds, cpu, queries = _timed(
            lambda s=subject, p=period: participation_dashboard(s, p, today=today)  # type: ignore[misc]
        )
        figures[f"selectors: {name}"] = {**_summary(seconds, cpu), "queries": queries}
    web = Client(HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost")
    web.force_login(get_user_model().objects.get(username=USER))
    pages = {
        "page: workspace, FY 2568": f"/w/{WORKSPACE}/participation/?fy=2568",
        "page: workspace, all three years":
            f"/w/{WORKSPACE}/participation/?from=2023-10-01&to=2026-09-30",
        "page: network, FY 2568": f"/w/{WORKSPACE}/networks/n03/participation/?fy=2568",
        "page: project, FY 2568": f"/w/{WORKSPACE}/projects/p07/participation/?fy=2568",
    }  # fmt: skip
    for name, url in pages.items():

        def get(url: str = url) -> Any:
            response = web.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response

        seconds, cpu, queries = _timed(get)
        figures[name] = {
            **_summary(seconds, cpu),
            "queries": queries,
            "kb": len(get().content) / 1024,
        }
    sizes = {
        "activities": Activity.objects.filter(workspace=workspace).count(),
        "attendance": Attendance.objects.filter(workspace=workspace).count(),
        "activities in FY 2568": Activity.objects.filter(
            workspace=workspace, starts_on__range=(fy.first, fy.last)
        ).count(),
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
    for database, env in database_envs("dashboard", args):
        if database == "postgresql" and not has_workspace(env, WORKSPACE):
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from bench_import import fresh_postgres

            fresh_postgres(args.postgres)
        phakhi = [sys.executable, "-m", "phakhi.cli"]
        subprocess.run([*phakhi, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        round_args = ["--activities", str(args.activities), "--attendance", str(args.attendance)]
        result, sizes = median_rounds(__file__, round_args, env, args.repeat)
        out = write_result("dashboard", database, sizes, result)
        load = out["load"]
        print(f"{database} {out['sizes']} load {load[0]:.1f}")
        for name, figure in result.items():
            extra = f", {figure['kb']:.0f} kB" if "kb" in figure else ""
            times = f"p50 {figure['p50']:.0f} ms, p95 {figure['p95']:.0f} ms"
            print(f"  {name}: {times}, CPU {figure['cpu']:.0f} ms, "
                  f"{figure['queries']:.0f} queries{extra}")  # fmt: skip


if __name__ == "__main__":
    main()
