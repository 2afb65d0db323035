"""Twenty coordinators at once on the national demo: `phakhi serve` under locust, on loopback.

    .venv/bin/python benchmarks/bench_load.py [--users 20] [--ramp 10] [--seconds 60]
        [--threads 8] [--repeat 1] [--postgres postgres://user:pass@localhost:5432/dbname]
        [--skip-sqlite]

Uses the databases bench_analysis.py builds (SQLite in benchmarks/out/db-national/, the
PostgreSQL database given), workspace "bench". For each database it logs the users in (one
Django session each, created directly for the superuser bench_search.py creates: a log-in
through the page would only measure argon2), picks the actors, Thai name prefixes and networks
the workload visits (benchmarks/locustfile.py), starts `phakhi serve` (waitress) on a free
loopback port and runs locust headless: the users start over ``--ramp`` seconds, then the
statistics are reset and ``--seconds`` measured. Requests per second, p50/p95/p99 per page
type and overall, errors and the load average during the run are printed and written to
benchmarks/out/load-<database>.json. The run fails if any request failed.
"""

import argparse
import csv
import json
import os
import platform
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_import import PHAKHI  # noqa: E402
from bench_pages import actor_sample  # noqa: E402
from bench_search import WORKSPACE, bench_superuser, national_databases  # noqa: E402

LOCUST = Path(sys.executable).with_name("locust")
LOAD_NETWORK = "bench-load"
NETWORK_SIZE = 300
PERCENTILES = {"p50": "50%", "p95": "95%", "p99": "99%"}


def prepare(path: Path, users: int) -> None:
    """Run in a child process: sessions and what the workload visits, as JSON in ``path``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from phakhi.actors.models import Actor
    from phakhi.core.selectors import workspace_get
    from phakhi.core.thai import name_key

    workspace = workspace_get(WORKSPACE)
    user = bench_superuser()
    sessions = []
    for _ in range(users):
        client = Client()
        client.force_login(user)
        sessions.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    sample = actor_sample(workspace.id, 200)
    ids = [actor_id for _, actor_id in sample]
    actors = Actor.objects.filter(id__in=ids)
    people = actors.filter(kind="person").values_list("name", flat=True)
    words = sorted({name_key(name.partition(" ")[0]) for name in people})
    random_ids = [actor_id for category, actor_id in sample if category == "random"]
    network = small_network(workspace, random_ids).slug
    fixture = {
        "workspace": workspace.slug,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "sessions": sessions,
        "actors": ids,
        "words": [w for w in words if len(w) >= 3][:60],
        "network": network,
    }
    path.write_text(json.dumps(fixture, ensure_ascii=False))


def small_network(workspace: Any, seeds: list[int]) -> Any:
    """The network whose map the users open: the national demo has none, so one is made once
    (through the services, audited) of a few actors and the actors they have ties with."""
    from django.db.models import Q

    from phakhi.actors.models import Actor
    from phakhi.core.audit import Author
    from phakhi.networks.models import Network
    from phakhi.networks.services import membership_set, network_create
    from phakhi.ties.models import Tie

    network = Network.objects.filter(workspace=workspace, slug=LOAD_NETWORK).first()
    if network is not None:
        return network
    author = Author.system("benchmarks/bench_load.py")
    network = network_create(author, workspace, slug=LOAD_NETWORK, name="เครือข่ายทดสอบภาระ")
    members: set[int] = set()
    for seed in seeds:
        ties = Tie.objects.filter(Q(source_id=seed) | Q(target_id=seed))
        for source, target in ties.values_list("source_id", "target_id"):
            members.update((source, target))
        if len(members) >= NETWORK_SIZE:
            break
    for actor in Actor.objects.filter(id__in=sorted(members)[:NETWORK_SIZE]):
        membership_set(author, network, actor)
    return network


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_command(port: int, threads: int) -> list[str]:
    help_text = subprocess.run([*PHAKHI, "serve", "--help"], cwd=ROOT, capture_output=True,
                               text=True).stdout  # fmt: skip
    extra = ["--no-worker"] if "--no-worker" in help_text else []
    return [*PHAKHI, "serve", "--host", "127.0.0.1", "--port", str(port),
            "--threads", str(threads), *extra]  # fmt: skip


def wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"phakhi serve stopped (exit {server.returncode})")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("phakhi serve did not answer in time")


def read_stats(prefix: Path) -> dict[str, Any]:
    """Per page type and overall ("all"): requests, failures, requests/s, percentiles (ms)."""
    figures = {}
    with open(f"{prefix}_stats.csv", newline="") as file:
        for row in csv.DictReader(file):
            name = "all" if row["Name"] == "Aggregated" else row["Name"]
            figures[name] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "per_second": round(float(row["Requests/s"]), 1),
                **{key: float(row[column]) for key, column in PERCENTILES.items()},
                "max": round(float(row["Max Response Time"]), 1),
            }
    return figures


def one_run(env: dict[str, str], database: str, args: argparse.Namespace) -> dict[str, Any]:
    fixture = OUT / f"load-fixture-{database}.json"
    subprocess.run([sys.executable, __file__, "--prepare", str(fixture), "--users",
                    str(args.users)], env=env, cwd=ROOT, check=True)  # fmt: skip
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(serve_command(port, args.threads), env=env, cwd=ROOT)
    loads: list[float] = []
    done = threading.Event()

    def sample_load() -> None:
        while not done.wait(5):
            loads.append(os.getloadavg()[0])

    try:
        wait_until_up(f"{host}/accounts/login/", server)
        sampler = threading.Thread(target=sample_load, daemon=True)
        sampler.start()
        prefix = OUT / f"load-{database}"
        spawn_rate = args.users / args.ramp
        subprocess.run(
            [str(LOCUST), "-f", str(ROOT / "benchmarks" / "locustfile.py"), "--headless",
             "--users", str(args.users), "--spawn-rate", f"{spawn_rate:g}",
             "--run-time", f"{args.ramp + args.seconds}s", "--reset-stats", "--host", host,
             "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"],
            env={**env, "PHAKHI_LOAD_FIXTURE": str(fixture)}, cwd=ROOT, check=False,
        )  # fmt: skip
    finally:
        done.set()
        server.terminate()
        server.wait(timeout=30)
        fixture.unlink(missing_ok=True)
    return {"figures": read_stats(prefix), "load": loads}


def _table(database: str, figures: dict[str, Any]) -> str:
    lines = [f"\n{database}: response time in ms on loopback"]
    lines.append(f"{'page':<32}{'requests':>9}{'fail':>6}{'req/s':>8}{'p50':>7}{'p95':>7}"
                 f"{'p99':>7}{'max':>8}")  # fmt: skip
    for name, f in figures.items():
        counts = f"{name:<32}{f['requests']:>9}{f['failures']:>6}{f['per_second']:>8}"
        times = "".join(f"{f[key]:>7.0f}" for key in ("p50", "p95", "p99"))
        lines.append(f"{counts}{times}{f['max']:>8.0f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--ramp", type=int, default=10, help="seconds to start every user")
    parser.add_argument("--seconds", type=int, default=60, help="measured after the ramp")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--postgres", help="URL of the database bench_analysis.py filled")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare(args.prepare, args.users)
        return
    failed = False
    for database, env, _migrated in national_databases(args):
        runs = []
        for _ in range(args.repeat):
            runs.append(one_run(env, database, args))
            print(_table(database, runs[-1]["figures"]), flush=True)
            print("load average during the run:", runs[-1]["load"], flush=True)
        errors = sum(run["figures"]["all"]["failures"] for run in runs)
        failed = failed or errors > 0
        report = {
            "database": database,
            "workspace": WORKSPACE,
            "users": args.users,
            "ramp_seconds": args.ramp,
            "measured_seconds": args.seconds,
            "waitress_threads": args.threads,
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                        "platform": platform.platform()},
            "runs": runs,
            "errors": errors,
        }  # fmt: skip
        path = OUT / f"load-{database}.json"
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
        print(f"written {path.relative_to(ROOT)}")
    if failed:
        raise SystemExit("some requests failed")


if __name__ == "__main__":
    main()
