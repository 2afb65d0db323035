"""The national demo analysed end to end: database → engine → stored results.

    .venv/bin/python benchmarks/bench_analysis.py [--size national] [--repeat 3]
        [--postgres postgres://user:pass@localhost:5432/dbname] [--skip-sqlite]

The demo is imported once per database and kept (SQLite under benchmarks/out/db-<size>/, the
PostgreSQL database given, which must be a scratch database: it is recreated when it lacks the
demo). Each round is one process that requests an inline analysis of the whole workspace; the
figures are its wall-clock seconds (from the request to the stored results, Django start-up
excluded), the engine's steps, and the process's peak resident memory, median of the rounds.
Results are printed and written to benchmarks/out/analysis-<size>.json.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_import import PHAKHI, fresh_postgres  # noqa: E402


def one_analysis(workspace: str) -> None:
    """Run in the child process: request the analysis and print its figures as JSON."""
    import resource

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from phakhi.analysis.services import analysis_request
    from phakhi.core.audit import Author
    from phakhi.core.selectors import workspace_get

    start = time.perf_counter()
    run = analysis_request(Author.system("benchmark"), workspace_get(workspace), background=False)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    print(json.dumps({"seconds": seconds, "peak_gib": peak, "timings": run.timings,
                      "method": run.method, "actors": run.results["nodes"],
                      "ties": run.results["ties"]}))  # fmt: skip


def ensure_demo(env: dict[str, str], size: str, database: str, url: str | None) -> None:
    check = subprocess.run([*PHAKHI, "workspace", "list"], env=env, cwd=ROOT,
                           capture_output=True, text=True)  # fmt: skip
    if check.returncode == 0 and "bench\t" in check.stdout:
        return
    if database == "postgresql" and url:
        fresh_postgres(url)
    files = ROOT / "benchmarks" / "out" / size
    if not (files / "ties.csv").exists():
        subprocess.run([*PHAKHI, "demo", "--size", size, "--write-csv", str(files)], cwd=ROOT,
                       check=True)  # fmt: skip
    steps = [
        ["manage", "migrate", "-v0"],
        ["workspace", "create", "bench", "--name", "bench"],
        ["import", "actors", str(files / "actors.csv"), "--workspace", "bench"],
        ["import", "ties", str(files / "ties.csv"), "--workspace", "bench"],
    ]
    for step in steps:
        subprocess.run([*PHAKHI, *step], env=env, cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="national")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--postgres", help="URL of a scratch database holding (or to hold) the demo"
    )
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_analysis(args.one)
        return
    databases = ([] if args.skip_sqlite else ["sqlite"]) + (["postgresql"] if args.postgres else [])
    results = {}
    for database in databases:
        env = {**os.environ}
        if database == "postgresql":
            env["DATABASE_URL"] = args.postgres
        else:
            env.pop("DATABASE_URL", None)
            env["PHAKHI_DATA_DIR"] = str(ROOT / "benchmarks" / "out" / f"db-{args.size}")
        ensure_demo(env, args.size, database, args.postgres)
        subprocess.run([*PHAKHI, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        rounds = []
        for _ in range(args.repeat):
            out = subprocess.run([sys.executable, __file__, "--one", "bench"], env=env, cwd=ROOT,
                                 check=True, capture_output=True, text=True)  # fmt: skip
            rounds.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(database, f"{rounds[-1]['seconds']:.1f} s", rounds[-1]["timings"], flush=True)
        steps = rounds[0]["timings"]
        results[database] = {
            "median_seconds": round(statistics.median(r["seconds"] for r in rounds), 1),
            "peak_gib": round(max(r["peak_gib"] for r in rounds), 2),
            "steps": {
                s: round(statistics.median(r["timings"][s] for r in rounds), 1) for s in steps
            },
            "actors": rounds[0]["actors"],
            "ties": rounds[0]["ties"],
            "method": rounds[0]["method"],
        }
    report = {
        "size": args.size,
        "repeat": args.repeat,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "load": os.getloadavg()},
        "results": results,
    }  # fmt: skip
    path = ROOT / "benchmarks" / "out" / f"analysis-{args.size}.json"
    path.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
