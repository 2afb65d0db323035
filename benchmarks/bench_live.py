"""A live workshop of 130 phones and a projector: `phakhi serve` under locust, on loopback.

    .venv/bin/python benchmarks/bench_live.py [--phones 130] [--seconds 300] [--ramp 30]
        [--threads 8] [--repeat 1] [--postgres postgres://user:pass@localhost:5432/dbname]
        [--skip-sqlite]

For each database (SQLite in benchmarks/out/db-live/, made afresh; the PostgreSQL database
given, migrated) it opens a new session on a project of workspace "live-bench" at step 3,
signs the projector in (a Django session made directly for a superuser), starts `phakhi serve`
(waitress) on a free loopback port and runs benchmarks/locust_live.py headless: the phones join
over ``--ramp`` seconds, then the statistics are reset and ``--seconds`` measured. Each phone
names a stakeholder and moves a card every 5 s and polls the session's state every 4 s; the
projector polls the board every 2 s. Afterwards the session's contributions are counted in
the database and compared with the names the phones were told were added.

Printed and written to benchmarks/out/live-<database>.json: requests per second and p50/p95/
p99 per request type and overall, errors, cards added and cards found. The run fails if a
request failed, a card is missing, or the overall p95 is above 300 ms.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_import import PHAKHI  # noqa: E402
from bench_load import _table, free_port, read_stats, serve_command, wait_until_up  # noqa: E402

LOCUST = Path(sys.executable).with_name("locust")
WORKSPACE = "live-bench"
PROJECT = "live-bench"
P95_LIMIT_MS = 300


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def prepare(path: Path) -> None:
    """In a child process: a new session at step 3 and a signed-in projector, as JSON."""
    _django()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.core.services import workspace_create
    from phakhi.projects.models import Project
    from phakhi.projects.services import project_create
    from phakhi.workshops.services import session_open, session_set_step

    author = Author.system("benchmarks/bench_live.py")
    workspace = Workspace.objects.filter(slug=WORKSPACE).first()
    if workspace is None:
        workspace = workspace_create(author, slug=WORKSPACE, name="เวทีทดสอบภาระ")
    project = Project.objects.filter(workspace=workspace, slug=PROJECT).first()
    if project is None:
        project = project_create(author, workspace, slug=PROJECT, name="โครงการเกษตรอินทรีย์")
    session = session_open(author, project)
    session_set_step(author, session, 3)
    users = get_user_model().objects
    user = users.filter(username="live-bench").first()
    user = user or users.create_superuser("live-bench", "", None)
    client = Client()
    client.force_login(user)
    board = reverse(
        "web:project-live-board",
        kwargs={"workspace": WORKSPACE, "project": PROJECT, "session": session.pk},
    )
    fixture = {
        "code": session.code,
        "session_id": session.pk,
        "step": 3,
        "board": board,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "session": client.cookies[settings.SESSION_COOKIE_NAME].value,
    }
    path.write_text(json.dumps(fixture))


def count(path: Path, session_id: int) -> None:
    """In a child process: the session's participants and contributions, with their names."""
    _django()
    from phakhi.workshops.models import WorkshopSession

    session = WorkshopSession.objects.get(pk=session_id)
    found = {
        "participants": session.participants.count(),
        "placed": session.contributions.exclude(influence="").count(),
        "names": list(session.contributions.values_list("name", flat=True)),
    }
    path.write_text(json.dumps(found, ensure_ascii=False))


def _child(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, __file__, *args], env=env, cwd=ROOT, check=True)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process (and its finished children) has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def databases(args: argparse.Namespace) -> list[tuple[str, dict[str, str]]]:
    chosen = []
    if not args.skip_sqlite:
        folder = OUT / "db-live"
        shutil.rmtree(folder, ignore_errors=True)
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        chosen.append(("sqlite", {**env, "PHAKHI_DATA_DIR": str(folder)}))
    if args.postgres:
        chosen.append(("postgresql", {**os.environ, "DATABASE_URL": args.postgres}))
    return chosen


def one_run(env: dict[str, str], database: str, args: argparse.Namespace) -> dict[str, Any]:
    fixture_path = OUT / f"live-fixture-{database}.json"
    counts_path = OUT / f"live-counts-{database}.json"
    found_path = OUT / f"live-found-{database}.json"
    _child(env, "--prepare", str(fixture_path))
    fixture = json.loads(fixture_path.read_text())
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(serve_command(port, args.threads), env=env, cwd=ROOT)
    loads: list[float] = []
    done = threading.Event()

    def sample_load() -> None:
        while not done.wait(5):
            loads.append(os.getloadavg()[0])

    users = args.phones + 1
    try:
        wait_until_up(f"{host}/join/", server)
        threading.Thread(target=sample_load, daemon=True).start()
        # The server's CPU time from the end of the ramp, when locust resets its statistics.
        after_ramp: list[float] = []
        timer = threading.Timer(args.ramp, lambda: after_ramp.append(cpu_seconds(server.pid)))
        timer.start()
        prefix = OUT / f"live-{database}"
        subprocess.run(
            [str(LOCUST), "-f", str(ROOT / "benchmarks" / "locust_live.py"), "--headless",
             "--users", str(users), "--spawn-rate", f"{users / args.ramp:g}",
             "--run-time", f"{args.ramp + args.seconds}s", "--reset-stats",
             "--stop-timeout", "30", "--host", host, "--csv", str(prefix), "--only-summary",
             "--loglevel", "WARNING"],
            env={**env, "PHAKHI_LIVE_FIXTURE": str(fixture_path),
                 "PHAKHI_LIVE_COUNTS": str(counts_path)},
            cwd=ROOT, check=False,
        )  # fmt: skip
        timer.cancel()
        server_cpu = cpu_seconds(server.pid) - (after_ramp[0] if after_ramp else 0.0)
    finally:
        done.set()
        server.terminate()
        server.wait(timeout=30)
    _child(env, "--count", str(found_path), "--session", str(fixture["session_id"]))
    confirmed = json.loads(counts_path.read_text())
    found = json.loads(found_path.read_text())
    stored = found.pop("names")
    found |= {
        "contributions": len(stored),
        # Confirmed to a phone but not in the database: lost. The reverse can happen only to
        # a card whose answer was cut off when the run stopped.
        "lost": sorted(set(confirmed) - set(stored)),
        "unconfirmed": len(set(stored) - set(confirmed)),
    }
    for path in (fixture_path, counts_path, found_path):
        path.unlink(missing_ok=True)
    figures = read_stats(prefix)
    requests = max(figures["all"]["requests"], 1)
    return {
        "figures": figures,
        "load": loads,
        "added": len(confirmed),
        "found": found,
        # The server's own cost, whatever else the machine does: CPU time per request measured.
        "server_cpu_ms_per_request": round(server_cpu * 1000 / requests, 2),
        "server_cpu_cores": round(server_cpu / args.seconds, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, default=130)
    parser.add_argument("--ramp", type=int, default=30, help="seconds to start every phone")
    parser.add_argument("--seconds", type=int, default=300, help="measured after the ramp")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--postgres", help="URL of a PostgreSQL database to use")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--count", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--session", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        return prepare(args.prepare)
    if args.count:
        return count(args.count, args.session)
    OUT.mkdir(parents=True, exist_ok=True)
    problems = []
    for database, env in databases(args):
        subprocess.run([*PHAKHI, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        runs = []
        for _ in range(args.repeat):
            run = one_run(env, database, args)
            runs.append(run)
            print(_table(database, run["figures"]), flush=True)
            found = run["found"]
            print(f"cards confirmed to the phones: {run['added']}; in the database: "
                  f"{found['contributions']} ({found['placed']} placed, {found['participants']} "
                  f"participants); lost: {len(found['lost'])}; stored but not confirmed: "
                  f"{found['unconfirmed']}", flush=True)  # fmt: skip
            print(f"server CPU: {run['server_cpu_ms_per_request']} ms a request, "
                  f"{run['server_cpu_cores']} of a core", flush=True)  # fmt: skip
            print("load average during the run:", run["load"], flush=True)
            overall = run["figures"]["all"]
            if overall["failures"]:
                problems.append(f"{database}: {overall['failures']} requests failed")
            if found["lost"]:
                problems.append(f"{database}: {len(found['lost'])} confirmed cards are missing")
            if overall["p95"] > P95_LIMIT_MS:
                problems.append(f"{database}: p95 {overall['p95']:.0f} ms > {P95_LIMIT_MS} ms")
        report = {
            "database": database,
            "phones": args.phones,
            "ramp_seconds": args.ramp,
            "measured_seconds": args.seconds,
            "waitress_threads": args.threads,
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                        "platform": platform.platform()},
            "runs": runs,
        }  # fmt: skip
        path = OUT / f"live-{database}.json"
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
        print(f"written {path.relative_to(ROOT)}")
    if problems:
        raise SystemExit("; ".join(problems))


if __name__ == "__main__":
    main()
