"""Check-in at the door of a large forum: a few hundred phones within minutes, and the door's
page on a projector, against `phakhi serve` under locust, on loopback.

    .venv/bin/python benchmarks/bench_check_in.py [--phones 300] [--ramp 120] [--tail 30]
        [--members 20000] [--threads 8] [--repeat 1]
        [--postgres postgres://user:pass@localhost:5432/dbname] [--skip-sqlite]

For each database (SQLite in benchmarks/out/db-check-in/, made afresh; the PostgreSQL database
given, migrated) it makes workspace "door-bench" with a network of ``--members`` members (the
names a phone searches among) and an activity of that network with ``--phones`` registered
participants, opens check-in, signs the projector in (a Django session made directly for a
superuser), starts `phakhi serve` (waitress) on a free loopback port and runs
benchmarks/locust_check_in.py headless: the phones arrive over ``--ramp`` seconds (a few hundred
in two minutes: a queue at the door), each does what a person does — open the QR code's address,
search for part of their name, tap it, see the confirmation — and one in ten is not on the list
and registers instead; the projector polls the arrivals' count every 3 s. Nothing is reset: the
figures are of the whole door, measured ``--tail`` seconds past the ramp so the last phones
finish. Afterwards the arrivals and registrations are counted in the database and compared with
what the phones were told.

Printed and written to benchmarks/out/check-in-<database>.json: requests per second and p50/p95/
p99 per request type and overall, errors, arrivals and registrations confirmed and found. The
run fails if a request failed, a confirmed check-in is missing, or the overall p95 is above
300 ms.
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
from bench_live import cpu_seconds  # noqa: E402
from bench_load import _table, free_port, read_stats, serve_command, wait_until_up  # noqa: E402

LOCUST = Path(sys.executable).with_name("locust")
WORKSPACE = "door-bench"
P95_LIMIT_MS = 300
GIVEN = ["สมชาย", "สมศรี", "กาญจนา", "วิชัย", "อรุณี", "ประเสริฐ", "บุญมี", "จันทร์เพ็ญ", "สุดา",
         "ธนากร", "พรทิพย์", "อำนาจ", "นิภา", "สมบัติ", "ลำดวน", "เกษม"]  # fmt: skip
FAMILY = ["ใจดี", "มีสุข", "ทองสุข", "แสงทอง", "พูลผล", "ศรีสุข", "บุญเรือง", "สุขสม", "ดีมาก",
          "รักษ์ไทย", "คำแก้ว", "ชัยมงคล"]  # fmt: skip


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def _name(n: int) -> str:
    """A Thai name unique by its number (a person is searched by a part of it)."""
    return f"{GIVEN[n % len(GIVEN)]}{n} {FAMILY[(n // len(GIVEN)) % len(FAMILY)]}"


def prepare(path: Path, phones: int, members: int) -> None:
    """In a child process: the workspace, its network and activity, check-in open, a signed-in
    projector, and the names of the phones' people, as JSON."""
    _django()
    import datetime as dt

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from phakhi.actors.models import Actor
    from phakhi.actors.validation import actor_name_key
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.core.services import workspace_create
    from phakhi.core.thai import sort_key
    from phakhi.networks.models import Membership, Network
    from phakhi.networks.services import network_create
    from phakhi.participation.attendance import attendance_add_many, check_in_open
    from phakhi.participation.models import Activity

    author = Author.system("benchmarks/bench_check_in.py")
    workspace = Workspace.objects.filter(slug=WORKSPACE).first()
    if workspace is None:
        workspace = workspace_create(author, slug=WORKSPACE, name="เวทีประชาคมทดสอบภาระ")
        network = network_create(author, workspace, slug="forum", name="เครือข่ายเวทีประชาคม")
        people = [
            Actor(workspace=workspace, key=f"m{n}", name=_name(n), sector="civil",
                  name_key=actor_name_key(_name(n), "person"),
                  sort_key=sort_key(actor_name_key(_name(n), "person")))
            for n in range(members)
        ]  # fmt: skip
        Actor.objects.bulk_create(people, batch_size=2000)
        ids = Actor.objects.filter(workspace=workspace).values_list("pk", flat=True)
        Membership.objects.bulk_create(
            [Membership(workspace=workspace, network=network, actor_id=pk) for pk in ids],
            batch_size=2000,
        )
    network = Network.objects.get(workspace=workspace, slug="forum")
    activity = Activity.objects.create(
        workspace=workspace,
        key=f"forum-{Activity.objects.filter(workspace=workspace).count() + 1}",
        title="เวทีประชาคมแผนพัฒนาตำบล",
        starts_on=dt.date.today(),
    )
    activity.networks.set([network])
    registered = list(
        Actor.objects.filter(workspace=workspace, key__in=[f"m{n}" for n in range(phones)])
    )
    attendance_add_many(author, activity, registered)
    code = check_in_open(author, activity)
    users = get_user_model().objects
    user = users.filter(username="door-bench").first() or users.create_superuser(
        "door-bench", "", None
    )
    client = Client()
    client.force_login(user)
    count = reverse(
        "web:activity-door-count", kwargs={"workspace": WORKSPACE, "activity": activity.pk}
    )
    fixture = {
        "code": code,
        "activity_id": activity.pk,
        "count": count,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "session": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "names": [_name(n) for n in range(phones)],
    }  # fmt: skip
    path.write_text(json.dumps(fixture, ensure_ascii=False))


def count(path: Path, activity_id: int) -> None:
    """In a child process: who arrived, and the registrations made, by name."""
    _django()
    from phakhi.participation.models import Attendance, Registration

    arrived = Attendance.objects.filter(activity_id=activity_id, checked_in_at__isnull=False)
    found = {
        "arrived": list(arrived.values_list("actor__name", flat=True)),
        "registered": list(
            Registration.objects.filter(activity_id=activity_id).values_list("name", flat=True)
        ),
    }
    path.write_text(json.dumps(found, ensure_ascii=False))


def _child(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, __file__, *args], env=env, cwd=ROOT, check=True)


def databases(args: argparse.Namespace) -> list[tuple[str, dict[str, str]]]:
    chosen = []
    if not args.skip_sqlite:
        folder = OUT / "db-check-in"
        shutil.rmtree(folder, ignore_errors=True)
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        chosen.append(("sqlite", {**env, "PHAKHI_DATA_DIR": str(folder)}))
    if args.postgres:
        chosen.append(("postgresql", {**os.environ, "DATABASE_URL": args.postgres}))
    return chosen


def one_run(env: dict[str, str], database: str, args: argparse.Namespace) -> dict[str, Any]:
    fixture_path = OUT / f"check-in-fixture-{database}.json"
    confirmed_path = OUT / f"check-in-confirmed-{database}.json"
    found_path = OUT / f"check-in-found-{database}.json"
    _child(env, "--prepare", str(fixture_path), "--phones", str(args.phones),
           "--members", str(args.members))  # fmt: skip
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
        wait_until_up(f"{host}/c/", server)
        threading.Thread(target=sample_load, daemon=True).start()
        started = cpu_seconds(server.pid)
        prefix = OUT / f"check-in-{database}"
        subprocess.run(
            [str(LOCUST), "-f", str(ROOT / "benchmarks" / "locust_check_in.py"), "--headless",
             "--users", str(users), "--spawn-rate", f"{users / args.ramp:g}",
             "--run-time", f"{args.ramp + args.tail}s", "--stop-timeout", "30",
             "--host", host, "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"],
            env={**env, "PHAKHI_DOOR_FIXTURE": str(fixture_path),
                 "PHAKHI_DOOR_CONFIRMED": str(confirmed_path)},
            cwd=ROOT, check=False,
        )  # fmt: skip
        server_cpu = cpu_seconds(server.pid) - started
    finally:
        done.set()
        server.terminate()
        server.wait(timeout=30)
    _child(env, "--count", str(found_path), "--activity", str(fixture["activity_id"]))
    confirmed = json.loads(confirmed_path.read_text())
    found = json.loads(found_path.read_text())
    result = {
        "checked_in_confirmed": len(confirmed["checked_in"]),
        "arrived_found": len(found["arrived"]),
        "registered_confirmed": len(confirmed["registered"]),
        "registrations_found": len(found["registered"]),
        "lost": sorted(set(confirmed["checked_in"]) - set(found["arrived"]))
        + sorted(set(confirmed["registered"]) - set(found["registered"])),
    }
    for path in (fixture_path, confirmed_path, found_path):
        path.unlink(missing_ok=True)
    figures = read_stats(prefix)
    requests = max(figures["all"]["requests"], 1)
    return {
        "figures": figures,
        "load": loads,
        "found": result,
        "server_cpu_ms_per_request": round(server_cpu * 1000 / requests, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, default=300)
    parser.add_argument("--ramp", type=int, default=120, help="seconds over which phones arrive")
    parser.add_argument("--tail", type=int, default=30, help="seconds after the last arrives")
    parser.add_argument("--members", type=int, default=20_000, help="the network's members")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--postgres", help="URL of a PostgreSQL database to use")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--count", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--activity", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        return prepare(args.prepare, args.phones, args.members)
    if args.count:
        return count(args.count, args.activity)
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
            print(f"check-ins confirmed to the phones: {found['checked_in_confirmed']}, arrived "
                  f"in the database: {found['arrived_found']}; registrations confirmed: "
                  f"{found['registered_confirmed']}, in the database: "
                  f"{found['registrations_found']}; lost: {len(found['lost'])}",
                  flush=True)  # fmt: skip
            print(f"server CPU: {run['server_cpu_ms_per_request']} ms a request", flush=True)
            print("load average during the run:", run["load"], flush=True)
            overall = run["figures"]["all"]
            if overall["failures"]:
                problems.append(f"{database}: {overall['failures']} requests failed")
            if found["lost"]:
                problems.append(f"{database}: {len(found['lost'])} confirmed check-ins missing")
            if overall["p95"] > P95_LIMIT_MS:
                problems.append(f"{database}: p95 {overall['p95']:.0f} ms > {P95_LIMIT_MS} ms")
        report = {
            "database": database,
            "phones": args.phones,
            "ramp_seconds": args.ramp,
            "members": args.members,
            "waitress_threads": args.threads,
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                        "platform": platform.platform()},
            "runs": runs,
        }  # fmt: skip
        path = OUT / f"check-in-{database}.json"
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
        print(f"written {path.relative_to(ROOT)}")
    if problems:
        raise SystemExit("; ".join(problems))


if __name__ == "__main__":
    main()
