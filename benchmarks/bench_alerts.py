"""The risk alerts (issue #15) on the region demo: checking the rules on the whole workspace and
on every network, and the pages that show them.

    .venv/bin/python benchmarks/bench_alerts.py [--size region] [--repeat 3]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

The demo of ``--size`` (region: 60,000 actors, 300,000 ties; ``bench_analysis.py``'s workspace
"bench", SQLite in benchmarks/out/db-alerts-<size>/, imported when missing) gets once, in bulk:
10 networks holding every actor with two core leaders each, 5,000 activities with 100,000
attendance rows over them (``phakhi.demo.participation_data``), and an analysis of the whole
workspace and of one network. Each round is one process that times, after a warm-up:

- ``facts``: the alerts' own facts of the whole workspace beyond the scorecard's figures
  (the shares of tie ends, core leaders and participants by sector, organisation and community;
  the top broker) — ``alert_facts`` given the figures;
- ``figures``: the scorecard's figures they read (``network_figures``, area 6's);
- ``check workspace``: ``alerts_check`` of the whole workspace, figures included;
- ``check every network``: the workspace and its 10 networks (the alerts page's "check now");
- the home page, the alerts list and the API's list, as an admin (Django's test client).

Figures (s) are the median of the rounds, written to benchmarks/out/alerts-<database>.json.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_analysis import ensure_demo
from bench_databases import median_rounds, write_result

ROOT = Path(__file__).resolve().parent.parent
WORKSPACE = "bench"
USER = "bench-alerts"
NETWORKS = 10


def _prepare() -> None:
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
    from phakhi.networks.models import Membership, Network
    from phakhi.participation.models import Activity, Attendance

    author = Author.system("benchmark")
    workspace = Workspace.objects.get(slug=WORKSPACE)
    if get_user_model().objects.filter(username=USER).first() is None:
        user = get_user_model().objects.create_user(USER, password="bench-alerts-pass-15")
        member_set(author, workspace, user, "admin")
    if not Network.objects.filter(workspace=workspace, slug="a00").exists():
        keys = list(
            Actor.objects.filter(workspace=workspace).order_by("pk").values_list("key", "pk")
        )
        per = -(-len(keys) // NETWORKS)
        with transaction.atomic():
            networks = Network.objects.bulk_create(
                Network(workspace=workspace, slug=f"a{n:02d}", name=f"เครือข่ายจังหวัด {n:02d}")
                for n in range(NETWORKS)
            )
            Membership.objects.bulk_create(
                (Membership(workspace=workspace, network=networks[i // per], actor_id=pk,
                            role="core_leader" if i % per < 2 else "member",
                            since=dt.date(2022, 1, 1))
                 for i, (_key, pk) in enumerate(keys)),
                batch_size=5000,
            )  # fmt: skip
            data = participation_data([k for k, _pk in keys], activities=5_000,
                                      attendance=100_000, seed=1,
                                      networks=[n.slug for n in networks], projects=[])  # fmt: skip
            made = Activity.objects.bulk_create(
                (Activity(workspace=workspace, key=row["key"], title=row["title"],
                          kind=row["kind"], starts_on=dt.date.fromisoformat(row["start"]))
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
    network = Network.objects.get(workspace=workspace, slug="a03")
    done = AnalysisRun.objects.filter(workspace=workspace, status=AnalysisRun.Status.DONE)
    if not done.filter(scope=AnalysisRun.Scope.WORKSPACE).exists():
        analysis_request(author, workspace, background=False)
    if not done.filter(scope=AnalysisRun.Scope.NETWORK, network=network).exists():
        analysis_request(author, workspace, network=network, background=False)


def _seconds(call: Any) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def one_round() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from phakhi.actors.models import Actor
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.monitoring.alert_facts import alert_facts
    from phakhi.monitoring.alerts import alerts_check, alerts_check_workspace
    from phakhi.monitoring.figures import network_figures
    from phakhi.monitoring.models import Alert
    from phakhi.ties.models import Tie

    _prepare()
    workspace = Workspace.objects.get(slug=WORKSPACE)
    author = Author.system("benchmark")
    if not Alert.objects.filter(workspace=workspace).exists():
        alerts_check_workspace(author, workspace)  # the alerts the pages show
    figures_read = network_figures(workspace, None)  # warm-up
    steps = {
        "facts": lambda: alert_facts(workspace, figures=figures_read),
        "figures": lambda: network_figures(workspace, None),
        "check workspace": lambda: alerts_check(author, workspace),
        "check every network": lambda: alerts_check_workspace(author, workspace),
    }
    figures: dict[str, dict[str, float]] = {}
    for name, step in steps.items():
        figures[name] = {"seconds": _seconds(step)}
        print(name, figures[name], file=sys.stderr, flush=True)  # a slow round shows progress
    client = Client(HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username=USER))
    pages = {
        "home page": f"/w/{WORKSPACE}/",
        "alerts list": f"/w/{WORKSPACE}/alerts/",
        "API alerts": f"/api/v1/workspaces/{WORKSPACE}/alerts",
    }
    for name, url in pages.items():
        assert client.get(url).status_code == 200, url  # warm-up
        figures[name] = {"seconds": _seconds(lambda url=url: client.get(url))}
        print(name, figures[name], file=sys.stderr, flush=True)
    sizes = {
        "actors": Actor.objects.filter(workspace=workspace).count(),
        "ties": Tie.objects.filter(workspace=workspace).count(),
        "networks": NETWORKS,
        "open alerts": Alert.objects.filter(workspace=workspace, status="open").count(),
    }
    print(json.dumps({"figures": figures, "sizes": sizes}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="region")
    parser.add_argument("--repeat", type=int, default=3)
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
            env["PHAKHI_DATA_DIR"] = str(ROOT / "benchmarks" / "out" / f"db-alerts-{args.size}")
            Path(env["PHAKHI_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
        ensure_demo(env, args.size, database, args.postgres)
        import subprocess

        subprocess.run([sys.executable, "-m", "phakhi.cli", "manage", "migrate", "-v0"],
                       env=env, cwd=ROOT, check=True)  # fmt: skip
        medians, sizes = median_rounds(__file__, [], env, args.repeat)
        write_result("alerts", database, sizes, medians)
        print(database, json.dumps(medians, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
