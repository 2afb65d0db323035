"""Worksheet 4 at region size: reading the current relationship of a 50-row expansion plan from
the map, the suggestions of who to reach next, and the plan's page.

    .venv/bin/python benchmarks/bench_expansion.py [--size region] [--repeat 5]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

The region demo (60,000 actors, 300,000 ties, its networks) is loaded once per database with
``phakhi demo --size region`` and kept (SQLite under benchmarks/out/db-expansion-<size>/; the
PostgreSQL database given is a scratch database, recreated when it lacks the demo). The plan is
the largest network's, made once: 50 rows — 15 actors tied to its members, 15 of the
suggestions (two steps away), groups and organizations picked across the workspace, and up to
5 other networks as targets (every member of a target network counts; the region demo has 3
networks besides the lead, so actors fill the other rows). Each round is one process that
times, after one warm-up: ``read_plan`` (the 50 readings), ``suggest`` (the top 20) and the
plan page through Django's test client as an admin (the readings included), and counts their
SQL queries. The figures are the median of the rounds (seconds), printed and written to
benchmarks/out/expansion-<size>.json.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_import import PHAKHI, fresh_postgres  # noqa: E402

WORKSPACE = "bench-expansion"
USER = "bench-expansion"
ROWS_EACH = 15
NETWORK_ROWS = 5
ROWS = 50


def _plan(size: str) -> Any:
    """In the child process: the largest network's plan with its 50 rows (made once)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count, Q

    from phakhi.accounts.services import member_set
    from phakhi.actors.models import Actor, Kind
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.expansion.models import ExpansionPlan
    from phakhi.expansion.services import plan_create, plan_row_add
    from phakhi.expansion.suggestions import suggest
    from phakhi.networks.models import Membership, Network
    from phakhi.ties.models import Tie

    workspace = Workspace.objects.get(slug=WORKSPACE)
    found = ExpansionPlan.objects.filter(workspace=workspace).first()
    if found is not None:
        return found
    author = Author.system("benchmark")
    if not get_user_model().objects.filter(username=USER).exists():
        user = get_user_model().objects.create_user(USER, "", None)
        member_set(author, workspace, user, "admin", ())
    networks = Network.objects.filter(workspace=workspace).annotate(n=Count("memberships"))
    lead = networks.order_by("-n", "slug").first()
    plan = plan_create(author, network=lead, title=lead.name, vision="ผนึกกำลังข้ามประเด็น")
    members = Membership.objects.filter(network=lead).values("actor_id")
    bodies = Q(kind=Kind.GROUP) | Q(kind=Kind.ORGANIZATION)
    tied = Tie.objects.filter(workspace=workspace, source_id__in=members).values("target_id")
    near = Actor.objects.filter(bodies, workspace=workspace, id__in=tied).exclude(id__in=members)
    chosen: dict[int, Any] = {}

    def take(actors: Any, count: int) -> None:
        for actor in actors:
            if count == 0:
                return
            if actor.pk not in chosen:
                chosen[actor.pk] = actor
                count -= 1

    take(near.order_by("id")[: ROWS_EACH * 4], ROWS_EACH)
    suggested = [s.actor_id for s in suggest(plan, limit=ROWS_EACH * 2).items]
    take(Actor.objects.in_bulk(suggested).values(), ROWS_EACH)
    everyone = Actor.objects.filter(bodies, workspace=workspace).order_by("id")
    step = max(1, everyone.count() // (ROWS_EACH * 2))
    take((everyone[i * step] for i in range(ROWS_EACH * 2)), ROWS_EACH)
    others = list(networks.exclude(pk=lead.pk).order_by("-n", "slug")[:NETWORK_ROWS])
    wanted = ROWS - len(others)  # actors fill the rows the workspace has no networks for
    take(everyone.exclude(id__in=list(chosen))[:wanted], wanted - len(chosen))
    for actor in chosen.values():
        plan_row_add(author, plan, target_actor=actor, new_level=3, read_map=False)
    for network in others:
        plan_row_add(author, plan, target_network=network, new_level=3, read_map=False)
    return plan


def _timed(action: Any) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        action()
        seconds = time.perf_counter() - start
    return seconds, len(queries)


def one_round(size: str) -> None:
    """In the child process: time each action once after a warm-up; print JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from phakhi.expansion.relationships import read_plan
    from phakhi.expansion.suggestions import suggest

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    plan = _plan(size)
    client = Client(HTTP_ACCEPT_LANGUAGE="th")
    client.force_login(get_user_model().objects.get(username=USER))
    url = reverse("web:network-plan", kwargs={"workspace": WORKSPACE, "slug": plan.network.slug})

    def page() -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    actions = {"read_plan": lambda: read_plan(plan), "suggest": lambda: suggest(plan), "page": page}
    for action in actions.values():
        action()
    figures: dict[str, Any] = {name: _timed(action) for name, action in actions.items()}
    readings = read_plan(plan)
    found = suggest(plan)
    figures["rows"] = len(readings)
    figures["hows"] = sorted({r.how for r in readings.values()})
    figures["members"] = found.member_count
    figures["suggestions"] = len(found.items)
    print(json.dumps(figures))


def ensure_demo(env: dict[str, str], size: str, database: str, url: str | None) -> None:
    check = subprocess.run([*PHAKHI, "workspace", "list"], env=env, cwd=ROOT,
                           capture_output=True, text=True)  # fmt: skip
    if check.returncode == 0 and f"{WORKSPACE}\t" in check.stdout:
        return
    if database == "postgresql" and url:
        fresh_postgres(url)
    subprocess.run([*PHAKHI, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*PHAKHI, "demo", "--size", size, "--workspace", WORKSPACE], env=env,
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="region")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="URL of a scratch database holding (or to hold) it")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_round(args.one)
        return
    databases = ([] if args.skip_sqlite else ["sqlite"]) + (["postgresql"] if args.postgres else [])
    results = {}
    for database in databases:
        env = {**os.environ}
        if database == "postgresql":
            env["DATABASE_URL"] = args.postgres
        else:
            env.pop("DATABASE_URL", None)
            env["PHAKHI_DATA_DIR"] = str(ROOT / "benchmarks" / "out" / f"db-expansion-{args.size}")
        ensure_demo(env, args.size, database, args.postgres)
        rounds = []
        for _ in range(args.repeat):
            out = subprocess.run([sys.executable, __file__, "--one", args.size], env=env,
                                 cwd=ROOT, check=True, capture_output=True, text=True)  # fmt: skip
            rounds.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(database, {k: rounds[-1][k] for k in ("read_plan", "suggest", "page")},
                  flush=True)  # fmt: skip
        results[database] = {
            **{
                name: {
                    "median_seconds": round(statistics.median(r[name][0] for r in rounds), 3),
                    "queries": rounds[0][name][1],
                }
                for name in ("read_plan", "suggest", "page")
            },
            **{k: rounds[0][k] for k in ("rows", "hows", "members", "suggestions")},
        }
    report = {
        "size": args.size,
        "repeat": args.repeat,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "load": os.getloadavg()},
        "results": results,
    }  # fmt: skip
    path = ROOT / "benchmarks" / "out" / f"expansion-{args.size}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
