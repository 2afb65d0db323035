"""The network-health scorecard at the national demo's size (issue #15): the scorecard pages from
stored results (≤ 5 s) and a snapshot of the whole workspace (within the analysis time).

    .venv/bin/python benchmarks/bench_scorecard.py [--size national] [--repeat 3]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

The national demo (600,000 actors, 3,000,000 ties; ``bench_analysis.py``'s workspace "bench",
SQLite in benchmarks/out/db-national/, imported when missing) gets once, in bulk: 20 networks
holding every actor, 20,000 activities with 500,000 attendance rows over them
(``phakhi.demo.participation_data``, as ``bench_dashboard.py`` writes them), an analysis of the
whole workspace and of one network (``analysis_request``), and a first snapshot of each. Each
round is one process that times, after a warm-up:

- ``snapshot``: ``snapshot_take`` of the whole workspace — every figure read afresh (dormant
  ties over the 3 M ties), kept, the risk alerts checked;
- the pages from the stored results, through Django's test client as an admin: the monitoring
  hub (the workspace's latest snapshot and its 20 networks' lights), a network's scorecard, a
  figure over time, and the API's scorecard.

Figures (s) are the median of the rounds, written to
benchmarks/out/scorecard-<size>-<database>.json
with the analysis' own time (``analysis``: the stored run's steps, the same process's work).
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_analysis import ensure_demo
from bench_databases import median_rounds, write_result

ROOT = Path(__file__).resolve().parent.parent
WORKSPACE = "bench"
USER = "bench-scorecard"
NETWORKS = 20


def _prepare() -> None:
    """Once per database: networks, activities and attendance, the analyses, first snapshots."""
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.db import connection, transaction

    from phakhi.accounts.services import member_set
    from phakhi.actors.models import Actor
    from phakhi.analysis.models import AnalysisRun
    from phakhi.analysis.services import analysis_request
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.demo.participation_data import participation_data
    from phakhi.monitoring.snapshots import snapshot_take
    from phakhi.networks.models import Membership, Network
    from phakhi.participation.models import Activity, Attendance

    author = Author.system("benchmark")
    workspace = Workspace.objects.get(slug=WORKSPACE)
    user = get_user_model().objects.filter(username=USER).first()
    if user is None:
        user = get_user_model().objects.create_user(USER, password="bench-scorecard-pass-15")
        member_set(author, workspace, user, "admin")
    if not Network.objects.filter(workspace=workspace, slug="n00").exists():
        keys = list(
            Actor.objects.filter(workspace=workspace).order_by("pk").values_list("key", "pk")
        )
        with transaction.atomic():
            networks = Network.objects.bulk_create(
                Network(workspace=workspace, slug=f"n{n:02d}", name=f"เครือข่ายภาค {n:02d}")
                for n in range(NETWORKS)
            )
            Membership.objects.bulk_create(
                (Membership(workspace=workspace, network=networks[i * NETWORKS // len(keys)],
                            actor_id=pk, since=dt.date(2022, 1, 1))
                 for i, (_key, pk) in enumerate(keys)),
                batch_size=5000,
            )  # fmt: skip
            data = participation_data([k for k, _pk in keys], activities=20_000,
                                      attendance=500_000, seed=1,
                                      networks=[n.slug for n in networks], projects=[])  # fmt: skip
            made = Activity.objects.bulk_create(
                (Activity(workspace=workspace, key=row["key"], title=row["title"],
                          kind=row["kind"], starts_on=dt.date.fromisoformat(row["start"]),
                          iap2_planned=int(row["iap2_planned"] or 0) or None,
                          iap2_achieved=int(row["iap2_achieved"] or 0) or None)
                 for row in data.activities),
                batch_size=2000,
            )  # fmt: skip
            slugs = {n.slug: n.pk for n in networks}
            through = Activity.networks.through
            through.objects.bulk_create(
                (through(activity_id=a.pk, network_id=slugs[row["network"]])
                 for a, row in zip(made, data.activities, strict=True)),
                batch_size=5000,
            )  # fmt: skip
            activity_ids = {a.key: a.pk for a in made}
            actor_ids = dict(keys)
            Attendance.objects.bulk_create(
                (Attendance(workspace=workspace, activity_id=activity_ids[row["activity"]],
                            actor_id=actor_ids[row["actor"]], role=row["role"], source="import")
                 for row in data.attendance),
                batch_size=5000,
            )  # fmt: skip
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    network = Network.objects.get(workspace=workspace, slug="n03")
    done = AnalysisRun.objects.filter(workspace=workspace, status=AnalysisRun.Status.DONE)
    if not done.filter(scope=AnalysisRun.Scope.WORKSPACE).exists():
        analysis_request(author, workspace, background=False)
    if not done.filter(scope=AnalysisRun.Scope.NETWORK, network=network).exists():
        analysis_request(author, workspace, network=network, background=False)
    from phakhi.monitoring.models import Snapshot

    for scope in (None, network):
        if not Snapshot.objects.filter(workspace=workspace, network=scope).exists():
            snapshot_take(author, workspace, scope)


def _seconds(call) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def one_round() -> None:
    """Run in the child process: time each step once after a warm-up, print JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]  # the test client's host

    from phakhi.actors.models import Actor
    from phakhi.analysis.selectors import latest_run
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.monitoring.snapshots import snapshot_take
    from phakhi.ties.models import Tie

    _prepare()
    workspace = Workspace.objects.get(slug=WORKSPACE)
    client = Client(HTTP_ACCEPT_LANGUAGE="th")
    client.force_login(get_user_model().objects.get(username=USER))
    base = f"/w/{WORKSPACE}"
    pages = {
        "monitoring hub": f"{base}/monitoring/",
        "network scorecard": f"{base}/networks/n03/scorecard/",
        "figure over time": f"{base}/monitoring/trend/?figure=dormant_tie_share",
        "API scorecard": f"/api/v1/workspaces/{WORKSPACE}/scorecard",
    }
    figures: dict[str, dict[str, float]] = {}
    for name, url in pages.items():
        assert client.get(url).status_code == 200, url  # warm-up
        figures[name] = {"seconds": _seconds(lambda url=url: client.get(url))}
    author = Author.system("benchmark")
    figures["snapshot"] = {"seconds": _seconds(lambda: snapshot_take(author, workspace))}
    run = latest_run(workspace)
    analysis = sum(float(v) for v in run.timings.values()) if run else 0.0
    figures["analysis (stored run)"] = {"seconds": analysis}
    sizes = {
        "actors": Actor.objects.filter(workspace=workspace).count(),
        "ties": Tie.objects.filter(workspace=workspace).count(),
        "networks": NETWORKS,
    }
    line = json.dumps({"figures": figures, "sizes": sizes})
    # Each round's line is kept as it comes (a long run stopped early still has its rounds).
    database = "postgresql" if os.environ.get("DATABASE_URL") else "sqlite"
    with (ROOT / "benchmarks" / "out" / f"scorecard-rounds-{database}.jsonl").open("a") as out:
        out.write(line + "\n")
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--size", default="national", help="the demo's size (region: 60,000)")
    parser.add_argument("--postgres", help="URL of a scratch database holding (or to hold) it")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--round", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.round:
        one_round()
        return
    databases = ([] if args.skip_sqlite else ["sqlite"]) + (["postgresql"] if args.postgres else [])
    for database in databases:
        env = {**os.environ}
        if database == "postgresql":
            env["DATABASE_URL"] = args.postgres
        else:
            env.pop("DATABASE_URL", None)
            env["PHAKHI_DATA_DIR"] = str(ROOT / "benchmarks" / "out" / f"db-{args.size}")
        ensure_demo(env, args.size, database, args.postgres)
        import subprocess

        subprocess.run([sys.executable, "-m", "phakhi.cli", "manage", "migrate", "-v0"],
                       env=env, cwd=ROOT, check=True)  # fmt: skip
        medians, sizes = median_rounds(__file__, [], env, args.repeat)
        write_result(f"scorecard-{args.size}", database, sizes, medians)
        print(database, json.dumps(medians, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
