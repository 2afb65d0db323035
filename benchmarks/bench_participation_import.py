"""Import 20,000 activities and 500,000 attendance rows among the 60,000 actors of the region
demo, into SQLite and PostgreSQL; then import both files again (nothing changes: the cost of an
idempotent re-import), then a month's new activities (500, with 12,500 attendance rows) into the
loaded workspace, whose co-participation ties are refreshed for the actors they touch.

    .venv/bin/python benchmarks/bench_participation_import.py [--repeat 3]
        [--postgres postgres://user:pass@localhost:5432/dbname] [--skip-sqlite]

Each round starts from a fresh database with the region's actors (imported, not timed), four
networks and three projects; each import runs as its own `phakhi import … --json` process.
The figures are wall-clock seconds of the process (start-up included) and its peak resident
memory, median of the rounds; the attendance import's steps are also given alone, as the
import reports them (`timings`): reading and checking the rows, writing them, the
co-participation ties (every tie made from the attendance, in the import's transaction) and
the commit. Results are printed and written to benchmarks/out/participation-import-<databases>.json.
"""

import argparse
import csv
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PHAKHI = [sys.executable, "-m", "phakhi.cli"]
NETWORKS = ("health", "elders", "farmers", "youth")
PROJECTS = ("clean-water", "elderly-care", "organic-market")
MONTH = (500, 12_500)  # a month of a national programme: activities, attendance rows


def phakhi(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([*PHAKHI, "--lang", "en", *args], env=env, cwd=ROOT,
                          check=True, capture_output=True, text=True)  # fmt: skip
    return done.stdout


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float, dict]:
    """Seconds, peak memory (GiB) and the JSON report of one `phakhi import … --json`."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(
            [*PHAKHI, "--lang", "en", *args, "--json"], env=env, cwd=ROOT, stdout=out
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0)
        report = json.loads(out.read() or b"{}")
    if os.waitstatus_to_exitcode(status) != 0 or report.get("rejected"):
        raise SystemExit(f"failed: phakhi {' '.join(args)}: {report.get('errors', [])[:3]}")
    return seconds, usage.ru_maxrss / 1024**2, report


def fresh_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        for attempt in range(20):
            try:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                break
            except psycopg.errors.InsufficientPrivilege:
                # The server's autovacuum is still at the last round's tables: it ends soon.
                if attempt == 19:
                    raise
                time.sleep(5)
        connection.execute(f'CREATE DATABASE "{name}"')


def write_files(folder: Path) -> None:
    """The region's actors (the demo's CSV) and the activities and attendance among them."""
    from phakhi.demo.participation_data import participation_data, write_csv

    if not (folder / "actors.csv").exists():
        subprocess.run([*PHAKHI, "demo", "--size", "region", "--write-csv", str(folder)],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    if (folder / "attendance-month.csv").exists():
        return
    with (folder / "actors.csv").open(encoding="utf-8-sig", newline="") as handle:
        keys = [row["key"] for row in csv.DictReader(handle)]
    data = participation_data(keys, networks=NETWORKS, projects=PROJECTS)
    write_csv(data, folder)
    # A month's new activities of the same network, imported into the loaded workspace.
    month = participation_data(keys, activities=MONTH[0], attendance=MONTH[1], seed=2)
    for row in month.activities:
        row["key"] = row["key"].replace("ACT-", "MONTH-")
    for row in month.attendance:
        row["activity"] = row["activity"].replace("ACT-", "MONTH-")
    for path in write_csv(month, folder / "month"):
        path.rename(folder / f"{path.stem}-month.csv")
    (folder / "month").rmdir()


def one_round(database: str, env: dict[str, str], files: Path) -> dict[str, tuple[float, float]]:
    phakhi(["manage", "migrate", "-v0"], env)
    phakhi(["workspace", "create", "bench", "--name", "bench"], env)
    phakhi(["import", "actors", str(files / "actors.csv"), "--workspace", "bench"], env)
    for slug in NETWORKS:
        phakhi(["network", "create", slug, "--workspace", "bench", "--name", slug], env)
    for slug in PROJECTS:
        phakhi(["project", "create", slug, "--workspace", "bench", "--name", slug], env)
    figures: dict[str, tuple[float, float]] = {}
    for step, what, name in (
        ("import activities", "activities", "activities.csv"),
        ("import attendance", "attendance", "attendance.csv"),
        ("re-import activities", "activities", "activities.csv"),
        ("re-import attendance", "attendance", "attendance.csv"),
        ("a month's activities", "activities", "activities-month.csv"),
        ("a month's attendance", "attendance", "attendance-month.csv"),
    ):
        seconds, peak, report = timed(
            ["import", what, str(files / name), "--workspace", "bench"], env
        )
        figures[step] = (seconds, peak)
        if step in ("import attendance", "a month's attendance"):
            prefix = "attendance" if step == "import attendance" else "month's attendance"
            # The import's own clock: reading and checking, writing the attendance, the
            # co-participation ties, and the commit (PostgreSQL checks the foreign keys then).
            for name, value in report["timings"].items():
                figures[f"{prefix}: {name}"] = (value, peak)
    total = figures["import activities"][0] + figures["import attendance"][0]
    figures["import total"] = (
        total,
        max(figures["import activities"][1], figures["import attendance"][1]),
    )
    print(database, {k: f"{s:.1f} s, {m:.2f} GiB" for k, (s, m) in figures.items()}, flush=True)
    return figures


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", help="URL of a scratch database (dropped and recreated)")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    files = ROOT / "benchmarks" / "out" / "participation-region"
    write_files(files)
    results: dict[str, dict[str, dict[str, float]]] = {}
    loads = []
    databases = ([] if args.skip_sqlite else ["sqlite"]) + (["postgresql"] if args.postgres else [])
    for database in databases:
        rounds = []
        for _ in range(args.repeat):
            data_dir = Path(tempfile.mkdtemp(prefix="phakhi-bench-"))
            env = {**os.environ, "PHAKHI_DATA_DIR": str(data_dir)}
            if database == "postgresql":
                fresh_postgres(args.postgres)
                env["DATABASE_URL"] = args.postgres
            else:
                env.pop("DATABASE_URL", None)
            try:
                loads.append(load_average())
                rounds.append(one_round(database, env, files))
            finally:
                shutil.rmtree(data_dir, ignore_errors=True)
        results[database] = {
            step: {
                "median_seconds": round(statistics.median(r[step][0] for r in rounds), 1),
                "runs_seconds": [round(r[step][0], 1) for r in rounds],
                "peak_gib": round(max(r[step][1] for r in rounds), 2),
            }
            for step in rounds[0]
        }
    report = {
        "activities": 20_000,
        "attendance": 500_000,
        "actors": 60_000,
        "repeat": args.repeat,
        "load_average_at_rounds": loads,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "results": results,
    }
    out = ROOT / "benchmarks" / "out" / f"participation-import-{'-'.join(databases)}.json"
    out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
