"""Co-participation ties at the scale of a national programme: 20,000 activities with 500,000
attendance rows among 60,000 actors (``phakhi.demo.participation_data``; 3.9 million
pair-incidences in the activities of at most 50, 2.8 million distinct pairs).

    .venv/bin/python benchmarks/bench_coparticipation.py [--repeat 3]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]
        [--networkx-repeat 1]

The data is made once per database and kept (SQLite under benchmarks/out/db-coparticipation/;
the PostgreSQL database given is a scratch database, recreated when it lacks the data): the
actors, activities and attendance are written in bulk (the size of the region demo's 60,000
actors, without its ties: loading the region demo would take longer than the benchmark). Each
round is one process that times, after deleting every co-participation tie:

- ``rebuild_empty``: ``coparticipation_rebuild`` making every tie (2.8 million created);
- ``rebuild_same``: the rebuild again, nothing to change (every tie read and compared);
- ``refresh_add``: one participant added to a 49-person activity (it becomes 50) and
  ``coparticipation_refresh`` for them, in the transaction as the attendance service runs it;
- ``refresh_remove``: that participant removed again, and the refresh;
- ``refresh_cross``: a 51st participant added to a 50-person activity (over the limit: the
  activity's 1,225 pairs lose it) and removed again (they get it back), both refreshes.

The figures are medians of the rounds (seconds). The reference is networkx's
``bipartite.weighted_projected_graph`` on the same attendance (activities over 50 left out),
timed in this process (``--networkx-repeat`` runs) and checked to give the same pairs and
weights as the numpy projection the rebuild uses. Printed and written to
benchmarks/out/coparticipation.json.
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
sys.path.insert(0, str(ROOT))
from bench_import import PHAKHI, fresh_postgres  # noqa: E402

WORKSPACE = "bench-coparticipation"
ACTORS = 60_000
ACTIVITIES = 20_000
ATTENDANCE = 500_000


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def _data() -> Any:
    from phakhi.demo.participation_data import participation_data

    keys = [f"bench-{i:06d}" for i in range(ACTORS)]
    return participation_data(keys, activities=ACTIVITIES, attendance=ATTENDANCE)


def setup_data() -> None:
    """In the child process: the workspace, its actors, activities and attendance (once)."""
    _django()
    import datetime as dt

    from django.db import transaction

    from phakhi.actors.models import Actor
    from phakhi.core import bulk
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.core.services import workspace_create
    from phakhi.participation.models import Activity, Attendance

    if Workspace.objects.filter(slug=WORKSPACE).exists():
        return
    data = _data()
    with transaction.atomic():
        workspace = workspace_create(Author.system("benchmark"), slug=WORKSPACE, name=WORKSPACE)
        Actor.objects.bulk_create(
            (
                Actor(workspace=workspace, key=f"bench-{i:06d}", name=f"ภาคี {i}",
                      name_key=f"ภาคี {i}", sort_key=f"{i:06d}")
                for i in range(ACTORS)
            ),
            batch_size=5000,
        )  # fmt: skip
        actor_ids = dict(Actor.objects.filter(workspace=workspace).values_list("key", "id"))
        Activity.objects.bulk_create(
            (
                Activity(workspace=workspace, key=row["key"], title=row["title"],
                         kind=row["kind"], starts_on=dt.date.fromisoformat(row["start"]))
                for row in data.activities
            ),
            batch_size=5000,
        )  # fmt: skip
        activity_ids = dict(Activity.objects.filter(workspace=workspace).values_list("key", "id"))
        now = bulk.timestamp()
        bulk.insert_rows(
            Attendance,
            ["workspace_id", "activity_id", "actor_id", "role", "source", "created_at",
             "updated_at"],
            (
                (workspace.pk, activity_ids[row["activity"]], actor_ids[row["actor"]],
                 row["role"], "import", now, now)
                for row in data.attendance
            ),
        )  # fmt: skip


def one_round() -> None:
    """In the child process: the timings of one round, printed as JSON."""
    _django()
    from django.db import connection, transaction
    from django.db.models import Count

    from phakhi.core.models import Workspace
    from phakhi.participation.coparticipation import (
        KIND,
        coparticipation_rebuild,
        coparticipation_refresh,
    )
    from phakhi.participation.models import Activity, Attendance
    from phakhi.ties.models import Tie

    workspace = Workspace.objects.get(slug=WORKSPACE)
    figures: dict[str, Any] = {}
    with transaction.atomic():
        Tie.objects.filter(workspace=workspace, kind=KIND)._raw_delete(connection.alias)
    start, cpu = time.perf_counter(), time.process_time()
    result = coparticipation_rebuild(workspace)
    figures["rebuild_empty"] = time.perf_counter() - start
    # This process's CPU seconds (SQLite works in it; PostgreSQL's own work is not counted):
    # on a busy machine the wall clock waits for a core, the CPU time does not.
    figures["rebuild_empty_cpu"] = time.process_time() - cpu
    figures["rebuild_steps"] = result.timings
    figures["created"], figures["pairs"] = result.created, result.pairs
    start, cpu = time.perf_counter(), time.process_time()
    result = coparticipation_rebuild(workspace)
    figures["rebuild_same"] = time.perf_counter() - start
    figures["rebuild_same_cpu"] = time.process_time() - cpu
    figures["same_changed"] = result.changed

    # The largest activity under 50, topped up to 49 once (the generator makes none of 49).
    sizes = Activity.objects.filter(workspace=workspace).annotate(n=Count("attendances"))
    activity = sizes.filter(n__lt=50).order_by("-n", "id").first()
    present = Attendance.objects.filter(activity=activity).values("actor_id")
    if activity.n < 49:
        extra = Attendance.objects.filter(workspace=workspace).exclude(actor_id__in=present)
        more = list(extra.values_list("actor_id", flat=True).distinct()[: 49 - activity.n])
        with transaction.atomic():
            Attendance.objects.bulk_create(
                Attendance(workspace=workspace, activity=activity, actor_id=a) for a in more
            )
            coparticipation_refresh(workspace, more)
    newcomer = (
        Attendance.objects.filter(workspace=workspace).exclude(actor_id__in=present).first()
    ).actor_id

    def add_and_refresh(target: Any, actor_id: int) -> tuple[float, Any]:
        started = time.perf_counter()
        with transaction.atomic():
            Attendance.objects.create(workspace=workspace, activity=target, actor_id=actor_id)
            done = coparticipation_refresh(workspace, {actor_id})
        return time.perf_counter() - started, done

    def remove_and_refresh(target: Any, actor_id: int) -> tuple[float, Any]:
        started = time.perf_counter()
        with transaction.atomic():
            Attendance.objects.filter(activity=target, actor_id=actor_id).delete()
            done = coparticipation_refresh(workspace, {actor_id}, resized={target.pk})
        return time.perf_counter() - started, done

    figures["refresh_add"], done = add_and_refresh(activity, newcomer)
    figures["refresh_add_created"] = done.created
    figures["refresh_add_updated"] = done.updated
    # Now a 50-person activity: a 51st crosses the limit.
    other = Attendance.objects.filter(workspace=workspace).exclude(
        actor_id__in=Attendance.objects.filter(activity=activity).values("actor_id")
    )
    third = other.exclude(actor_id=newcomer).first().actor_id
    seconds, done = add_and_refresh(activity, third)
    figures["refresh_cross_add"], figures["cross_changed"] = seconds, done.changed
    seconds, _done = remove_and_refresh(activity, third)
    figures["refresh_cross_remove"] = seconds
    figures["refresh_remove"], done = remove_and_refresh(activity, newcomer)
    figures["refresh_remove_removed"] = done.removed
    figures["ties"] = Tie.objects.filter(workspace=workspace, kind=KIND).count()
    print(json.dumps(figures))


def networkx_reference(repeat: int) -> dict[str, Any]:
    """networkx's weighted projection of the same attendance, timed, and compared with the
    numpy projection the rebuild uses."""
    import networkx as nx
    import numpy as np
    from networkx.algorithms import bipartite

    _django()
    from phakhi.participation.coparticipation_rebuild import projected_pairs

    data = _data()
    members: dict[str, list[str]] = {}
    for row in data.attendance:
        members.setdefault(row["activity"], []).append(row["actor"])
    small = {key: people for key, people in members.items() if len(people) <= 50}
    seconds = []
    projected = None
    for _ in range(repeat):
        start = time.perf_counter()
        graph = nx.Graph()
        actors = {actor for people in small.values() for actor in people}
        graph.add_nodes_from(actors, bipartite=0)
        graph.add_nodes_from(small, bipartite=1)
        graph.add_edges_from((actor, key) for key, people in small.items() for actor in people)
        projected = bipartite.weighted_projected_graph(graph, actors)
        seconds.append(time.perf_counter() - start)
        del graph
    assert projected is not None
    activity_index = {key: i for i, key in enumerate(members)}
    rows = [(activity_index[r["activity"]], int(r["actor"][6:])) for r in data.attendance]
    table = np.array(rows, dtype=np.int64)
    start = time.perf_counter()
    lo, hi, shared, _last = projected_pairs(table[:, 0], table[:, 1], np.zeros(len(table)), 50)
    numpy_seconds = time.perf_counter() - start
    ours = dict(zip(zip(lo.tolist(), hi.tolist(), strict=True), shared.tolist(), strict=True))
    theirs = {
        tuple(sorted((int(a[6:]), int(b[6:])))): w for a, b, w in projected.edges(data="weight")
    }
    return {
        "networkx_seconds": statistics.median(seconds),
        "networkx_runs": seconds,
        "numpy_projection_seconds": numpy_seconds,
        "edges": projected.number_of_edges(),
        "equal": ours == theirs,
    }


def databases(args: argparse.Namespace) -> list[tuple[str, dict[str, str]]]:
    found = []
    if not args.skip_sqlite:
        folder = ROOT / "benchmarks" / "out" / "db-coparticipation"
        folder.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "PHAKHI_DATA_DIR": str(folder)}
        env.pop("DATABASE_URL", None)
        found.append(("sqlite", env))
    if args.postgres:
        found.append(("postgresql", {**os.environ, "DATABASE_URL": args.postgres}))
    return found


def ensure_data(database: str, env: dict[str, str], url: str | None) -> None:
    listed = subprocess.run([*PHAKHI, "workspace", "list"], env=env, cwd=ROOT,
                            capture_output=True, text=True)  # fmt: skip
    if listed.returncode == 0 and f"{WORKSPACE}\t" in listed.stdout:
        return
    if database == "postgresql" and url:
        fresh_postgres(url)
    subprocess.run([*PHAKHI, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run([sys.executable, __file__, "--child", "setup"], env=env, cwd=ROOT, check=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", help="URL of a scratch database (recreated if needed)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--networkx-repeat", type=int, default=1)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "setup":
        setup_data()
        return
    if args.child == "round":
        one_round()
        return
    results: dict[str, Any] = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        "python": platform.python_version(),
        "sizes": {"actors": ACTORS, "activities": ACTIVITIES, "attendance": ATTENDANCE},
        "load_before": os.getloadavg(),
    }
    for database, env in databases(args):
        start = time.perf_counter()
        ensure_data(database, env, args.postgres)
        print(f"{database}: data ready in {time.perf_counter() - start:.0f} s", flush=True)
        rounds = []
        for number in range(args.repeat):
            done = subprocess.run([sys.executable, __file__, "--child", "round"], env=env,
                                  cwd=ROOT, check=True, capture_output=True, text=True)  # fmt: skip
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            figures["load"] = os.getloadavg()[0]
            rounds.append(figures)
            print(f"{database} round {number + 1}: {figures}", flush=True)
        medians = {
            name: statistics.median(r[name] for r in rounds if name in r)
            for name in {n for r in rounds for n in r if isinstance(r[n], float)}
        }
        results[database] = {"median": medians, "rounds": rounds}
        print(f"{database} median: {json.dumps(medians)}", flush=True)
    if args.networkx_repeat:
        reference = networkx_reference(args.networkx_repeat)
        results["networkx"] = reference
        print(f"networkx: {reference}", flush=True)
        for database in ("sqlite", "postgresql"):
            if database in results:
                ratio = reference["networkx_seconds"] / results[database]["median"]["rebuild_empty"]
                results[database]["networkx_over_rebuild"] = ratio
    results["load_after"] = os.getloadavg()
    out = ROOT / "benchmarks" / "out" / "coparticipation.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
