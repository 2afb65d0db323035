"""Worksheet 3, drawing the map: server time of each request a room makes while it draws on a
project's map — the page, its data, adding an actor, moving it, drawing a tie, opening the ties
between two actors, changing and ending a tie.

    .venv/bin/python benchmarks/bench_drawing.py [--members 130 1000] [--repeat 3]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

Builds its own workspace "bench-drawing" once per database and keeps it (SQLite under
benchmarks/out/db-drawing/; the PostgreSQL database given is a scratch database, recreated when
it lacks the workspace): for each size, a lead network of that many members (a workshop room of
130 people, a provincial network of 1,000) with three ties per member and a project it leads,
a fifth of its actors already put somewhere on the project's map. Each round is one process that
warms each request up once, then times it 20 times through Django's test client (middleware,
session, the page or JSON; as an admin) and counts its SQL queries; writes create new actors and
ties each time. Figures (ms, p50 and p95 of a round) are the median of the rounds, printed and
written to benchmarks/out/drawing-<database>.json.
"""

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench_databases import database_envs, has_workspace

ROOT = Path(__file__).resolve().parent.parent
WORKSPACE = "bench-drawing"
USER = "bench-drawing"
TIMES = 20
TIES_PER_MEMBER = 3


def _build(sizes: list[int]) -> None:
    """In the child process: the workspace and one project for each size, once."""
    from django.contrib.auth import get_user_model

    from phakhi.accounts.services import member_set
    from phakhi.actors.services import actor_create
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.core.services import workspace_create
    from phakhi.networks.services import membership_set, network_create
    from phakhi.projects.drawing import project_actor_place
    from phakhi.projects.models import Project
    from phakhi.projects.services import project_create
    from phakhi.ties.services import tie_create

    author = Author.system("benchmark")
    workspace = Workspace.objects.filter(slug=WORKSPACE).first()
    if workspace is None:
        workspace = workspace_create(author, slug=WORKSPACE, name="วาดผังเครือข่าย")
        user = get_user_model().objects.create_user(USER, "", None)
        member_set(author, workspace, user, "admin", ())
    sectors = ("civil", "academic", "government")
    for size in sizes:
        slug = f"draw-{size}"
        if Project.objects.filter(workspace=workspace, slug=slug).exists():
            continue
        network = network_create(author, workspace, slug=f"n-{size}", name=f"เครือข่าย {size}")
        project = project_create(author, workspace, slug=slug, name=f"โครงการ {size}",
                                 network=network)  # fmt: skip
        members = []
        for n in range(size):
            actor = actor_create(author, workspace, key=f"{size}-{n:05d}",
                                 name=f"ภาคีที่ {n} ของ {size}", sector=sectors[n % 3])  # fmt: skip
            membership_set(author, network, actor)
            members.append(actor)
        chosen = random.Random(size)
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < TIES_PER_MEMBER * size:
            a, b = sorted(chosen.sample(range(size), 2))
            pairs.add((a, b))
        for a, b in sorted(pairs):
            tie_create(author, workspace, members[a], members[b], strength=1 + (a + b) % 4)
        for n in range(0, size, 5):
            project_actor_place(author, project, members[n], x=n % 37, y=n % 41)


def _timed(client: Any, method: str, make: Any) -> tuple[list[float], int]:
    """``make()`` gives (url, data) for each request: writes need new rows every time."""
    from django.db import connection

    queries = 0

    def counted(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    def call(url: str, data: Any) -> None:
        response = client.post(url, data) if method == "post" else client.get(url)
        assert response.status_code in (200, 201), (url, response.status_code, response.content)

    first = make()  # the bench's own look-ups are not the request's queries
    with connection.execute_wrapper(counted):
        call(*first)
    seconds = []
    for _ in range(TIMES):
        url, data = make()  # not timed: finding a pair not tied yet, the version read
        start = time.perf_counter()
        call(url, data)
        seconds.append((time.perf_counter() - start) * 1000)
    return seconds, queries


def _requests(size: int) -> dict[str, tuple[str, Any]]:
    from phakhi.actors.models import Actor
    from phakhi.projects.models import Project
    from phakhi.ties.models import Tie

    project = Project.objects.get(slug=f"draw-{size}")
    base = f"/w/{WORKSPACE}/projects/{project.slug}/map/"
    members = list(Actor.objects.filter(key__startswith=f"{size}-").values_list("pk", "key"))
    counter = iter(range(10**9))
    fresh_pairs = iter(
        (members[i][1], members[j][1])
        for i in range(len(members))
        for j in range(len(members) - 1, i, -1)
        if (i * 7 + j) % 11 == 0
    )
    tied = Tie.objects.filter(source__key__startswith=f"{size}-", until__isnull=True)
    first = tied.order_by("id").first()
    assert first is not None

    def add() -> tuple[str, dict[str, str]]:
        n = next(counter)
        return f"{base}actors/", {"kind": "group", "name": f"กลุ่มใหม่ {size}-{time.time()}-{n}",
                                   "sector": "civil", "x": "3", "y": "4"}  # fmt: skip

    def draw() -> tuple[str, dict[str, str]]:
        while True:
            a, b = next(fresh_pairs)
            if not Tie.objects.filter(source__key__in=(a, b), target__key__in=(a, b)).exists():
                return f"{base}ties/new/", {"source": a, "target": b, "strength": "2"}

    def change() -> tuple[str, dict[str, str]]:
        tie = Tie.objects.get(pk=first.pk)
        level = 1 + tie.strength % 4
        return f"{base}ties/{tie.pk}/", {f"tie-{tie.pk}-version": str(tie.version),
                                         f"tie-{tie.pk}-strength": str(level)}  # fmt: skip

    ends = iter(tied.order_by("-id").values_list("pk", flat=True)[: TIMES + 1])

    def end() -> tuple[str, dict[str, str]]:
        tie_id = next(ends)
        return f"{base}ties/{tie_id}/end/", {f"tie-{tie_id}-end-until": "2026-12-01"}

    def move() -> tuple[str, dict[str, str]]:
        return f"{base}actors/{members[0][0]}/place/", {"x": str(time.time() % 97), "y": "1"}

    one, other = first.source_id, first.target_id
    return {
        "the page": ("get", lambda: (base, None)),
        "the map's data": ("get", lambda: (f"{base}data/", None)),
        "add an actor (duplicates checked)": ("post", add),
        "move an actor": ("post", move),
        "draw a tie (dragged)": ("post", draw),
        "the ties between two actors": ("get", lambda: (f"{base}ties/{one}/{other}/", None)),
        "change a tie's level": ("post", change),
        "end a tie": ("post", end),
    }


def one_round(sizes: list[int]) -> None:
    """Run in the child process: build once, time each request, print the figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    _build(sizes)
    user = get_user_model().objects.get(username=USER)
    web = Client(HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost")
    web.force_login(user)
    figures: dict[str, Any] = {}
    for size in sizes:
        for name, (method, make) in _requests(size).items():
            seconds, queries = _timed(web, method, make)
            ordered = sorted(seconds)
            figures[f"{size}: {name}"] = {
                "p50": statistics.median(ordered),
                "p95": ordered[round(0.95 * (len(ordered) - 1))],
                "queries": queries,
            }
    print(json.dumps(figures, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, nargs="+", default=[130, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", help="URL of a scratch database (recreated if needed)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_round([int(size) for size in args.one.split(",")])
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_import import fresh_postgres

    sizes = ",".join(str(size) for size in args.members)
    for database, env in database_envs("drawing", args):
        if database == "postgresql" and not has_workspace(env, WORKSPACE):
            fresh_postgres(args.postgres)
        migrate = [sys.executable, "-m", "phakhi.cli", "manage", "migrate", "-v0"]
        subprocess.run(migrate, env=env, cwd=ROOT, check=True)
        rounds = []
        for _ in range(args.repeat):
            command = [sys.executable, __file__, "--one", sizes]
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
            "members": args.members,
            "rounds": args.repeat,
            "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
            "python": platform.python_version(),
            "results": result,
        }
        out = ROOT / "benchmarks" / "out" / f"drawing-{database}.json"
        out.write_text(json.dumps(report, ensure_ascii=False, indent=1))
        print(f"{database}: median of {args.repeat} rounds (ms)")
        for name, figures in result.items():
            print(f"  {name:45} p50 {figures['p50']:7.1f}  p95 {figures['p95']:7.1f}"
                  f"  queries {figures['queries']:.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
