"""The activity calendar at the scale of a national programme: 20,000 activities over three years
(phakhi.demo.participation_data: a quarter of them trainings of two days, most with times left
empty as imports bring them), one organiser each among 2,000 actors, in 10 networks and 20
projects. The three years are moved to run from two years ago to a year ahead, so the month on
screen is full (about 550 activities) and the feed's window (the last twelve months and
everything ahead) holds about 13,000.

    .venv/bin/python benchmarks/bench_calendar.py [--activities 20000] [--repeat 3]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

Builds its own workspace "bench-calendar" once per database and keeps it (SQLite under
benchmarks/out/db-calendar/; the PostgreSQL database given is a scratch database, recreated
when it lacks the workspace), with bulk_create, as an import would.

Each round is one process that requests each address once to warm up (and count its SQL
queries), then 10 times through Django's test client (middleware, session, template; as a
viewer; the feed without a session). Figures (ms, p50 and p95 of a round) are the median of
the rounds, printed and written to benchmarks/out/calendar-<database>.json.
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
WORKSPACE = "bench-calendar"
USER = "bench-calendar"
TIMES = 10
ACTORS = 2000
NETWORKS = 10
PROJECTS = 20


def _build(activities: int) -> None:
    """In the child process: the workspace, once."""
    from django.db import transaction

    from phakhi.core.models import Workspace

    if Workspace.objects.filter(slug=WORKSPACE).exists():
        return
    with transaction.atomic():
        _write(activities)


def _write(activities: int) -> None:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from phakhi.accounts.services import member_set
    from phakhi.actors.models import Actor
    from phakhi.core.audit import Author
    from phakhi.core.services import workspace_create
    from phakhi.demo.participation_data import FIRST_DAY, participation_data
    from phakhi.networks.services import network_create
    from phakhi.participation.models import Activity, Attendance
    from phakhi.projects.services import project_create

    author = Author.system("benchmark")
    workspace = workspace_create(author, slug=WORKSPACE, name="ปฏิทินกิจกรรมระดับประเทศ")
    user = get_user_model().objects.create_user(USER, "", "bench-calendar-passphrase")
    member_set(author, workspace, user, "viewer")
    networks = [
        network_create(author, workspace, slug=f"n{i}", name=f"เครือข่าย {i}")
        for i in range(NETWORKS)
    ]
    projects = [
        project_create(author, workspace, slug=f"p{i}", name=f"โครงการ {i}")
        for i in range(PROJECTS)
    ]
    Actor.objects.bulk_create(
        Actor(workspace=workspace, key=f"a{i:05d}", name=f"ภาคี {i}", kind="person",
              sector="civil", phone="081-234-5678")
        for i in range(ACTORS)
    )  # fmt: skip
    actor_ids = {a.key: a.pk for a in Actor.objects.filter(workspace=workspace)}
    data = participation_data(
        sorted(actor_ids), activities=activities, attendance=activities * 3, seed=1,
        networks=[n.slug for n in networks], projects=[p.slug for p in projects],
    )  # fmt: skip
    shift = (timezone.localdate() - dt.timedelta(days=730)) - FIRST_DAY
    network_ids = {n.slug: n.pk for n in networks}
    project_ids = {p.slug: p.pk for p in projects}
    rows = []
    for n, row in enumerate(data.activities):
        start = dt.date.fromisoformat(row["start"]) + shift
        timed = n % 3 != 0  # two in three have times
        rows.append(
            Activity(
                workspace=workspace, key=row["key"], title=row["title"], kind=row["kind"],
                starts_on=start,
                ends_on=dt.date.fromisoformat(row["end"]) + shift if row["end"] else None,
                start_time=dt.time(8 + n % 8, 30 * (n % 2)) if timed else None,
                end_time=dt.time(16, 0) if timed else None,
                province_code="48", place="ศาลากลางจังหวัด",
                project_id=project_ids[row["project"]],
                iap2_planned=int(row["iap2_planned"]) if row["iap2_planned"] else None,
                iap2_achieved=int(row["iap2_achieved"]) if row["iap2_achieved"] else None,
            )
        )  # fmt: skip
    Activity.objects.bulk_create(rows, batch_size=2000)
    made = dict(Activity.objects.filter(workspace=workspace).values_list("key", "pk"))
    through = Activity.networks.through
    through.objects.bulk_create(
        (through(activity_id=made[row["key"]], network_id=network_ids[row["network"]])
         for row in data.activities),
        batch_size=5000,
    )  # fmt: skip
    Attendance.objects.bulk_create(
        (Attendance(workspace=workspace, activity_id=made[row["activity"]],
                    actor_id=actor_ids[row["actor"]], role=row["role"])
         for row in data.attendance if row["role"] == "organizer"),
        batch_size=5000,
    )  # fmt: skip


def _timed(client: Any, url: str, headers: dict[str, str] | None = None) -> dict[str, Any]:
    from django.db import connection

    queries = 0

    def counted(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    headers = headers or {}
    with connection.execute_wrapper(counted):
        begun = time.perf_counter()
        response = client.get(url, headers=headers)
        first = (time.perf_counter() - begun) * 1000
    assert response.status_code in (200, 304), (url, response.status_code)
    seconds = []
    for _ in range(TIMES):
        start = time.perf_counter()
        client.get(url, headers=headers)
        seconds.append((time.perf_counter() - start) * 1000)
    ordered = sorted(seconds)
    return {
        "p50": statistics.median(ordered),
        "p95": ordered[round(0.95 * (len(ordered) - 1))],
        "first": first,  # the feed: made, not yet in the cache
        "queries": queries,
        "kb": len(response.content) / 1024,
    }


def server_round(activities: int) -> None:
    """Run in the child process: build once, time each address, print the figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone

    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.participation.calendar import feed_window
    from phakhi.participation.calendar_feeds import calendar_feed_get_or_create
    from phakhi.participation.models import Activity

    _build(activities)
    workspace = Workspace.objects.get(slug=WORKSPACE)
    user = get_user_model().objects.get(username=USER)
    web = Client(HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost")
    web.force_login(user)
    feed = calendar_feed_get_or_create(Author.system("benchmark"), user, workspace)
    anyone = Client(HTTP_HOST="localhost")
    base = f"/w/{WORKSPACE}/calendar/"
    month = timezone.localdate().strftime("%Y-%m")
    feed_url = f"/calendar/{feed.token}.ics"
    requests: dict[str, tuple[Any, str, dict[str, str]]] = {
        "month grid (workspace)": (web, f"{base}?month={month}", {}),
        "month grid, one network": (web, f"/w/{WORKSPACE}/networks/n3/calendar/?month={month}", {}),
        "month list": (web, f"{base}?view=list&month={month}", {}),
        "month download (.ics)": (web, f"/w/{WORKSPACE}/calendar/download.ics?month={month}", {}),
        "feed, whole window (200)": (anyone, feed_url, {}),
        "feed, one network (200)": (anyone, f"{feed_url}?network=n3", {}),
    }
    # The feeds' first request makes the text ("first"); the others find it in the cache.
    figures = {name: _timed(client, url, h) for name, (client, url, h) in requests.items()}
    etag = anyone.get(feed_url)["ETag"]
    figures["feed, unchanged (304)"] = _timed(anyone, feed_url, {"if-none-match": etag})
    start, _end = feed_window(timezone.localdate())
    in_window = Activity.objects.filter(workspace=workspace, starts_on__gte=start).count()
    month_first = timezone.localdate().replace(day=1)
    sizes = {
        "activities": Activity.objects.filter(workspace=workspace).count(),
        "in the feed's window": in_window,
        "this month": Activity.objects.filter(
            workspace=workspace, starts_on__year=month_first.year,
            starts_on__month=month_first.month,
        ).count(),
    }  # fmt: skip
    print(json.dumps({"figures": figures, "sizes": sizes}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--activities", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", help="URL of a scratch database")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--round", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.round:
        server_round(args.activities)
        return
    for database, env in database_envs("calendar", args):
        if database == "postgresql" and not has_workspace(env, WORKSPACE):
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from bench_import import fresh_postgres

            fresh_postgres(args.postgres)
        phakhi = [sys.executable, "-m", "phakhi.cli"]
        subprocess.run([*phakhi, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        rounds = []
        for _ in range(args.repeat):
            child = subprocess.run(
                [sys.executable, __file__, "--round", "--activities", str(args.activities)],
                env=env, cwd=ROOT, capture_output=True, text=True, check=True,
            )  # fmt: skip
            rounds.append(json.loads(child.stdout.strip().splitlines()[-1]))
        names = rounds[0]["figures"]
        result = {
            name: {
                key: statistics.median(r["figures"][name][key] for r in rounds)
                for key in ("p50", "p95", "first", "queries", "kb")
            }
            for name in names
        }
        out = {"database": database, "machine": platform.platform(), "cpus": os.cpu_count(),
               "load": os.getloadavg(), "sizes": rounds[0]["sizes"], "figures": result}  # fmt: skip
        path = ROOT / "benchmarks" / "out" / f"calendar-{database}.json"
        path.write_text(json.dumps(out, ensure_ascii=False, indent=2))
        print(f"{database} {out['sizes']} load {os.getloadavg()}")
        for name, figure in result.items():
            print(f"  {name}: p50 {figure['p50']:.0f} ms, p95 {figure['p95']:.0f} ms, "
                  f"first {figure['first']:.0f} ms, {figure['queries']:.0f} queries, "
                  f"{figure['kb']:.0f} kB")  # fmt: skip


if __name__ == "__main__":
    main()
