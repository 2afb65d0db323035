"""Import the demo network written as CSV into SQLite and PostgreSQL, import it again with a
column changed in every row (every actor and tie updated: the version checks' cost), then
export it to GEXF.

    .venv/bin/python benchmarks/bench_import.py [--size national] [--repeat 3]
        [--postgres postgres://user:pass@localhost:5432/dbname]

Each step runs as its own `phakhi` process on a fresh database; the figures are wall-clock
seconds and the process's peak resident memory, median of the runs. Results are printed and
written to benchmarks/out/import-<size>.json.
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
PHAKHI = [sys.executable, "-m", "phakhi.cli"]


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak memory (GiB) of one phakhi command."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [*PHAKHI, "--lang", "en", *args], env=env, cwd=ROOT, stdout=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: phakhi {' '.join(args)}")
    return seconds, usage.ru_maxrss / 1024**2


def fresh_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def one_round(database: str, env: dict[str, str], files: Path) -> dict[str, tuple[float, float]]:
    subprocess.run([*PHAKHI, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run(
        [*PHAKHI, "workspace", "create", "bench", "--name", "bench"],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    figures = {
        "import actors": run(
            ["import", "actors", str(files / "actors.csv"), "--workspace", "bench"], env
        ),
        "import ties": run(
            ["import", "ties", str(files / "ties.csv"), "--workspace", "bench"], env
        ),
        "update actors": run(
            ["import", "actors", str(files / "actors-changed.csv"), "--workspace", "bench"], env
        ),
        "update ties": run(
            ["import", "ties", str(files / "ties-changed.csv"), "--workspace", "bench"], env
        ),
    }
    with tempfile.TemporaryDirectory() as out:
        figures["export gexf"] = run(
            ["export", "--workspace", "bench", "--format", "gexf", "-o", f"{out}/network.gexf"], env
        )
    total = figures["import actors"][0] + figures["import ties"][0]
    peak = max(figures["import actors"][1], figures["import ties"][1])
    figures["import total"] = (total, peak)
    print(database, {k: f"{s:.1f} s, {m:.2f} GiB" for k, (s, m) in figures.items()}, flush=True)
    return figures


def write_changed(files: Path) -> None:
    """Copies of the files with one column changed in every row: a subsector for the actors,
    the strength (1→2 … 4→1) for the ties."""
    for name, column, change in (
        ("actors", "subsector", lambda value: f"{value} (changed)"),
        ("ties", "strength", lambda value: str(int(value) % 4 + 1)),
    ):
        target = files / f"{name}-changed.csv"
        if target.exists():
            continue
        with (files / f"{name}.csv").open(encoding="utf-8-sig", newline="") as source:
            rows = csv.reader(source)
            header = next(rows)
            index = header.index(column)
            with target.open("w", encoding="utf-8", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(header)
                for row in rows:
                    row[index] = change(row[index])
                    writer.writerow(row)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="national")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", help="URL of a scratch database (dropped and recreated)")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    files = ROOT / "benchmarks" / "out" / args.size
    if not (files / "ties.csv").exists():
        subprocess.run(
            [*PHAKHI, "demo", "--size", args.size, "--write-csv", str(files)], cwd=ROOT, check=True
        )
    write_changed(files)
    results: dict[str, dict[str, dict[str, float]]] = {}
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
                rounds.append(one_round(database, env, files))
            finally:
                shutil.rmtree(data_dir, ignore_errors=True)
        results[database] = {
            step: {
                "median_seconds": round(statistics.median(r[step][0] for r in rounds), 1),
                "peak_gib": round(max(r[step][1] for r in rounds), 2),
            }
            for step in rounds[0]
        }
    report = {
        "size": args.size,
        "repeat": args.repeat,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "results": results,
    }
    out = ROOT / "benchmarks" / "out" / f"import-{args.size}-{'-'.join(databases)}.json"
    out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
